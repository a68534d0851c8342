//! The Problems screen: the check's diagnostics, refreshed after every edit.

use crate::check::{Severity, Subject};
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::form::{FormState, Target};
use crate::tui::paint::{Align, fill, put};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A command on the Problems screen: Enter opens what the problem is about.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = app.doc.diagnostics.len();
    let page = super::page(app);
    if super::move_cursor(&mut app.cursors.problems, c, n, page) {
        return Vec::new();
    }
    if c == Command::Select
        && let Some(d) = app.doc.diagnostics.get(app.cursors.problems.row)
    {
        match &d.subject {
            Subject::Entity { entity, id } if app.doc.plan.contains(*entity, id.as_str()) => {
                app.form = Some(FormState::new(Target::Entity(*entity, id.clone())));
            }
            Subject::Plan if !app.doc.read_only => app.form = Some(FormState::new(Target::Plan)),
            _ => app.status = format!("{} cannot be opened here: fix it in the file", d.path),
        }
    }
    Vec::new()
}

/// Draws the diagnostics.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let diags = &app.doc.diagnostics;
    if diags.is_empty() {
        put(
            buf,
            area.x + 1,
            area.y,
            area.width,
            "no problems",
            theme::ok(),
            Align::Left,
        );
        return;
    }
    let height = usize::from(area.height);
    let offset = app.cursors.problems.scrolled(height);
    for (i, d) in diags.iter().enumerate().skip(offset).take(height) {
        let y = area.y + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == app.cursors.problems.row;
        let base = if selected {
            theme::selected()
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), base);
        }
        let level = if d.severity == Severity::Error {
            theme::error()
        } else {
            theme::warning()
        };
        put(
            buf,
            area.x,
            y,
            5,
            d.code.as_str(),
            if selected { base } else { level },
            Align::Left,
        );
        put(buf, area.x + 6, y, 30, &d.path, base, Align::Left);
        put(
            buf,
            area.x + 37,
            y,
            area.width.saturating_sub(37),
            &d.message,
            base,
            Align::Left,
        );
    }
}
