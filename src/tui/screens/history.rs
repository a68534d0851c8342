//! The History screen: the commits that touched the plan, with what they changed; `O` shows
//! the operation log instead (every save, commit, sync and merge step), where `U` puts the
//! plan's files back as they were before the selected operation.

use crate::repo::oplog::Op;
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::paint::fill;
use crate::tui::popup::Popup;
use crate::tui::repo_view::RepoJob;
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

/// A command on the History screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    if let Some(ops) = &app.shared.repo.ops {
        let n = ops.as_ref().map_or(0, Vec::len);
        let page = super::page(app);
        if super::move_cursor(&mut app.screens.history.operations, c, n, page) {
            return Vec::new();
        }
    } else {
        let n = app.shared.repo.history.len();
        let page = super::page(app);
        if super::move_cursor(&mut app.screens.history.commits, c, n, page) {
            return Vec::new();
        }
    }
    match c {
        Command::Operations if app.shared.repo.ops.is_some() => {
            app.shared.repo.ops = None;
            Vec::new()
        }
        Command::Operations => {
            app.shared.repo.ops = Some(Ok(Vec::new()));
            vec![Effect::Repo(RepoJob::Operations)]
        }
        Command::UndoOperation => {
            let selected = app
                .shared
                .repo
                .ops
                .as_ref()
                .and_then(|o| o.as_ref().ok())
                .and_then(|o| o.get(app.screens.history.operations.row));
            if let Some(op) = selected {
                let what = op.kind.said().show(&app.shared.msg);
                app.shared.popup = Some(Popup::ConfirmUndoOperation(op.n, what));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The operation log arrived.
pub fn operations(app: &mut App, ops: Result<Vec<Op>, String>) -> Vec<Effect> {
    if app.shared.repo.ops.is_some() {
        let n = ops.as_ref().map_or(0, Vec::len);
        app.shared.repo.ops = Some(ops);
        app.screens.history.operations.step(0, n);
    }
    Vec::new()
}

/// Draws the commits, or the operations.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.shared.pen;
    if let Some(ops) = &app.shared.repo.ops {
        return draw_operations(app, ops, area, buf);
    }
    if super::say_unavailable(app, area, buf) {
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
        pen.ui(
            buf,
            *x,
            area.y,
            *w,
            &app.shared.msg.get(key),
            theme::heading(),
        );
    }
    let height = usize::from(area.height.saturating_sub(1));
    let offset = app.screens.history.commits.scrolled(height);
    for (i, e) in app
        .shared
        .repo
        .history
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
    {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == app.screens.history.commits.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == app.screens.history.commits.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let when = chrono::DateTime::from_timestamp(e.time, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let cells = [
            e.id.to_string(),
            when,
            e.author.clone(),
            e.message.clone(),
            e.changes.show(&app.shared.msg),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    if app.shared.repo.history.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &app.shared.msg.get("tui-no-history"),
            theme::dim(),
        );
    }
}

fn draw_operations(app: &App, ops: &Result<Vec<Op>, String>, area: Rect, buf: &mut Buffer) {
    let pen = &app.shared.pen;
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
        pen.ui(
            buf,
            *x,
            area.y,
            *w,
            &app.shared.msg.get(key),
            theme::heading(),
        );
    }
    let height = usize::from(area.height.saturating_sub(2));
    let offset = app.screens.history.operations.scrolled(height);
    for (i, op) in ops.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == app.screens.history.operations.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == app.screens.history.operations.row {
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
            op.kind.said().show(&app.shared.msg),
            files.join(", "),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    let hint = if ops.is_empty() {
        app.shared.msg.get("tui-no-operations")
    } else {
        app.shared.msg.get("tui-operations-help")
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
