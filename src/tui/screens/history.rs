//! The History screen: the commits that touched the plan, with what they changed.

use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::paint::fill;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A command on the History screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = app.repo.history.len();
    let page = super::page(app);
    super::move_cursor(&mut app.cursors.history, c, n, page);
    Vec::new()
}

/// Draws the commits.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.pen;
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
        pen.ui(buf, *x, area.y, *w, &app.msg.get(key), theme::heading());
    }
    let height = usize::from(area.height.saturating_sub(1));
    let offset = app.cursors.history.scrolled(height);
    for (i, e) in app
        .repo
        .history
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
    {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == app.cursors.history.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == app.cursors.history.row {
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
            e.changes.show(&app.msg),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    if app.repo.history.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &app.msg.get("tui-no-history"),
            theme::dim(),
        );
    }
}
