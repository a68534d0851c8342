//! The Conflicts screen of a merge in progress: base, ours and theirs side by side for each
//! conflict; pick one, or write a value; the merge commit is made only when none is left.

use crate::diff::{Side, render};
use crate::repo::merge_state::Pick;
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::editor::Purpose;
use crate::tui::form::spec::EditorKind;
use crate::tui::paint::fill;
use crate::tui::repo_view::{RepoJob, merge_job};
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A command on the Conflicts screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let Some(merge) = &app.repo.merge else {
        return Vec::new();
    };
    let n = merge.conflicts.len();
    let row = app.cursors.conflicts.row;
    let page = super::page(app);
    if super::move_cursor(&mut app.cursors.conflicts, c, n, page) {
        return Vec::new();
    }
    match c {
        Command::TakeOurs if row < n => merge_job(app, RepoJob::Resolve(row, Pick::Ours)),
        Command::TakeTheirs if row < n => merge_job(app, RepoJob::Resolve(row, Pick::Theirs)),
        Command::TakeBase if row < n => merge_job(app, RepoJob::Resolve(row, Pick::Base)),
        Command::Select if row < n => {
            let current = merge.conflicts[row]
                .ours
                .as_ref()
                .map(|v| v.to_string())
                .unwrap_or_else(|| "null".into());
            editing::open_editor(
                app,
                Purpose::ConflictValue(row),
                "tui-conflict-value",
                EditorKind::Text,
                &current,
            );
            Vec::new()
        }
        Command::FinishMerge if n == 0 => merge_job(app, RepoJob::Finish),
        Command::FinishMerge => {
            app.status = app.msg.count("tui-conflicts-left", n);
            Vec::new()
        }
        Command::AbortMerge => merge_job(app, RepoJob::Abort),
        _ => Vec::new(),
    }
}

/// Draws the list of conflicts and the three values of the selected one.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.pen;
    let m = &app.msg;
    let Some(merge) = &app.repo.merge else {
        pen.ui(
            buf,
            area.x + 1,
            area.y,
            area.width.saturating_sub(2),
            &m.get("tui-no-merge"),
            theme::dim(),
        );
        return;
    };
    let title = m.get_args(
        "tui-merge-title",
        &[
            ("label", crate::i18n::Arg::Text(merge.label.clone().into())),
            ("count", merge.conflicts.len().into()),
        ],
    );
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let list_h = area.height.saturating_sub(8).max(3);
    let cols = pen.columns(Rect::new(area.x, area.y, area.width, 1), &[4, 14, 30, 0]);
    let offset = app.cursors.conflicts.scrolled(usize::from(list_h));
    for (i, c) in merge
        .conflicts
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list_h))
    {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == app.cursors.conflicts.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == app.cursors.conflicts.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let cells = [
            format!("{}", i + 1),
            m.get(c.kind.key()).into_owned(),
            c.target.to_string(),
            c.path.to_string(),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    let detail_y = area.y + 2 + list_h;
    if let Some(c) = merge.conflicts.get(app.cursors.conflicts.row) {
        let show = |v: &Option<serde_json::Value>| {
            v.as_ref()
                .map_or_else(|| m.get("tui-value-absent").into_owned(), render::value)
        };
        let rows = [
            ("tui-side-base", &c.base, Side::Base),
            ("tui-side-ours", &c.ours, Side::Ours),
            ("tui-side-theirs", &c.theirs, Side::Theirs),
        ];
        let vcols = pen.columns(
            Rect::new(area.x + 1, detail_y, area.width.saturating_sub(2), 1),
            &[14, 0],
        );
        for (j, (key, value, side)) in rows.iter().enumerate() {
            let y = detail_y + u16::try_from(j).unwrap_or(0);
            let kept = if *side == c.kept { " ✓" } else { "" };
            pen.ui(
                buf,
                vcols[0].0,
                y,
                vcols[0].1,
                &format!("{}{kept}", m.get(key)),
                theme::dim(),
            );
            pen.text(
                buf,
                Rect::new(vcols[1].0, y, vcols[1].1, 1),
                &show(value),
                Style::new(),
                app.content_lang,
                Align::Natural,
            );
        }
        if let Some(p) = &c.problem {
            pen.ui(
                buf,
                area.x + 1,
                detail_y + 3,
                area.width.saturating_sub(2),
                &format!("{}: {}", p.code, p.message.show(&app.msg)),
                theme::error(),
            );
        }
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &m.get("tui-conflicts-help"),
        theme::dim(),
    );
}
