//! The History screen: the commits that touched the plan, with what they changed; `O` shows
//! the operation log instead (every save, commit, sync and merge step), where `U` puts the
//! plan's files back as they were before the selected operation.

use crate::model::Lang;
use crate::repo::oplog::Op;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::details::Details;
use crate::tui::paint::fill;
use crate::tui::popup::Popup;
use crate::tui::repo_view::RepoJob;
use crate::tui::search::{self, List};
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The History screen's own state.
#[derive(Clone, Debug, Default)]
pub struct HistoryView {
    /// The selected commit.
    pub commits: crate::tui::lists::Cursor,
    /// The selected operation, when the operation log is shown.
    pub operations: crate::tui::lists::Cursor,
}

/// The commits shown, as positions in the history: all of them, or those whose id, message,
/// author or changes hold the search text.
pub(crate) fn shown(sh: &Shared) -> Vec<usize> {
    let history = &sh.repo.history;
    search::rows(sh, List::History, history.len(), |i| {
        let e = &history[i];
        vec![
            e.id.to_string(),
            e.message.clone(),
            e.author.clone(),
            e.changes.show(&sh.msg),
        ]
    })
}

/// When a commit was made, as the list shows it.
fn when(time: i64) -> String {
    chrono::DateTime::from_timestamp(time, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// A command on the History screen.
pub fn command(v: &mut HistoryView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    if let Some(ops) = &sh.repo.ops {
        let n = ops.as_ref().map_or(0, Vec::len);
        let page = sh.page();
        if super::move_cursor(&mut v.operations, c, n, page) {
            return Vec::new();
        }
    } else {
        let n = shown(sh).len();
        let page = sh.page();
        if super::move_cursor(&mut v.commits, c, n, page) {
            return Vec::new();
        }
    }
    match c {
        // The operation log is not searched: `/` and `esc` are the commits'.
        Command::Filter if sh.repo.ops.is_none() => {
            search::start(sh, List::History);
            Vec::new()
        }
        Command::Back if sh.repo.ops.is_none() => {
            if search::clear(sh, List::History) {
                v.commits = Default::default();
            }
            Vec::new()
        }
        Command::Operations if sh.repo.ops.is_some() => {
            sh.repo.ops = None;
            Vec::new()
        }
        Command::Operations => {
            sh.repo.ops = Some(Ok(Vec::new()));
            vec![Effect::Repo(RepoJob::Operations)]
        }
        Command::UndoOperation => {
            let selected = sh
                .repo
                .ops
                .as_ref()
                .and_then(|o| o.as_ref().ok())
                .and_then(|o| o.get(v.operations.row));
            if let Some(op) = selected {
                let what = op.kind.said().show(&sh.msg);
                sh.popup = Some(Popup::ConfirmUndoOperation(op.n, what));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The operation log arrived.
pub fn operations(
    v: &mut HistoryView,
    sh: &mut Shared,
    ops: Result<Vec<Op>, String>,
) -> Vec<Effect> {
    if sh.repo.ops.is_some() {
        let n = ops.as_ref().map_or(0, Vec::len);
        sh.repo.ops = Some(ops);
        v.operations.step(0, n);
    }
    Vec::new()
}

/// Draws the commits, or the operations.
pub fn draw(v: &HistoryView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    if let Some(ops) = &sh.repo.ops {
        return draw_operations(v, sh, ops, area, buf);
    }
    if super::say_unavailable(sh, area, buf) {
        return;
    }
    let heads = [
        ("col-commit", 10u16),
        ("col-date", 16),
        ("col-author", 18),
        ("col-commit-message", 0),
        ("col-changes", 0),
    ];
    let cols = pen.columns(area, &heads.iter().map(|h| h.1).collect::<Vec<_>>());
    for ((key, _), (x, w)) in heads.iter().zip(&cols) {
        pen.ui(buf, *x, area.y, *w, &sh.msg.get(key), theme::heading());
    }
    let all = &sh.repo.history;
    let rows: Vec<&crate::repo::LogEntry> =
        shown(sh).into_iter().filter_map(|i| all.get(i)).collect();
    let area = search::note(sh, List::History, rows.len(), all.len(), area, buf);
    let below = Rect::new(area.x + 1, area.y + 1, area.width.saturating_sub(2), 1);
    search::none(sh, List::History, rows.len(), below, buf);
    let height = usize::from(area.height.saturating_sub(1));
    let offset = v.commits.scrolled(height);
    for (i, e) in rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == v.commits.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == v.commits.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let cells = [
            e.id.to_string(),
            when(e.time),
            e.author.clone(),
            e.message.clone(),
            e.changes.show(&sh.msg),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    if sh.repo.history.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &sh.msg.get("tui-no-history"),
            theme::dim(),
        );
    }
}

fn draw_operations(
    v: &HistoryView,
    sh: &Shared,
    ops: &Result<Vec<Op>, String>,
    area: Rect,
    buf: &mut Buffer,
) {
    let pen = &sh.pen;
    let ops = match ops {
        Ok(ops) => ops,
        Err(why) => {
            pen.ui(
                buf,
                area.x + 1,
                area.y,
                area.width.saturating_sub(2),
                why,
                theme::error(),
            );
            return;
        }
    };
    let heads = [
        ("col-operation", 5u16),
        ("col-date", 16),
        ("col-author", 18),
        ("col-operation-what", 30),
        ("col-files", 0),
    ];
    let cols = pen.columns(area, &heads.iter().map(|h| h.1).collect::<Vec<_>>());
    for ((key, _), (x, w)) in heads.iter().zip(&cols) {
        pen.ui(buf, *x, area.y, *w, &sh.msg.get(key), theme::heading());
    }
    let height = usize::from(area.height.saturating_sub(2));
    let offset = v.operations.scrolled(height);
    for (i, op) in ops.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == v.operations.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == v.operations.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let when = chrono::DateTime::from_timestamp(op.when, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let files: Vec<&str> = op.files.iter().map(|f| f.path.as_str()).collect();
        let cells = [
            op.n.to_string(),
            when,
            op.who.clone(),
            op.kind.said().show(&sh.msg),
            files.join(", "),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    let hint = if ops.is_empty() {
        sh.msg.get("tui-no-operations")
    } else {
        sh.msg.get("tui-operations-help")
    };
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &hint,
        theme::dim(),
    );
}

impl super::Component for HistoryView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }

    fn details(&self, sh: &Shared) -> Option<Details> {
        if sh.repo.ops.is_some() {
            return None;
        }
        let i = *shown(sh).get(self.commits.row)?;
        let e = sh.repo.history.get(i)?;
        let m = &sh.msg;
        let mut out = Details::new(m.get("screen-history").into_owned());
        out.field(m, "col-commit", e.id.to_string(), Lang::En);
        out.field(m, "col-date", when(e.time), Lang::En);
        out.field(
            m,
            "col-author",
            format!("{} <{}>", e.author, e.email),
            Lang::En,
        );
        out.field(m, "col-commit-message", e.message.clone(), Lang::En);
        out.field(m, "col-changes", e.changes.show(m), m.lang());
        Some(out)
    }
}
