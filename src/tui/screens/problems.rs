//! The Problems screen: the check's diagnostics, refreshed after every edit.

use crate::check::{Severity, Subject};
use crate::i18n::Arg;
use crate::model::Lang;
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::form::{FormState, Target};
use crate::tui::paint::fill;
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
            _ => {
                app.status = app.msg.get_args(
                    "tui-cannot-open",
                    &[("path", Arg::Text(d.path.clone().into()))],
                )
            }
        }
    }
    Vec::new()
}

/// Draws the diagnostics.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.pen;
    let diags = &app.doc.diagnostics;
    let cols = pen.columns(area, &[5, 30, 0]);
    for (key, (x, w)) in ["col-code", "col-file", "col-message"].iter().zip(&cols) {
        pen.ui(buf, *x, area.y, *w, &app.msg.get(key), theme::heading());
    }
    if diags.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &app.msg.get("no-problems"),
            theme::ok(),
        );
        return;
    }
    // The last line says what to do about the selected problem.
    let height = usize::from(area.height.saturating_sub(2));
    if let Some(d) = diags.get(app.cursors.problems.row) {
        let hint = app
            .msg
            .get_args("check-hint", &[("hint", d.hint.show(&app.msg).into())]);
        let y = area.y + area.height.saturating_sub(1);
        pen.text(
            buf,
            Rect::new(area.x, y, area.width, 1),
            &hint,
            theme::dim(),
            app.msg.lang(),
            Align::Natural,
        );
    }
    let offset = app.cursors.problems.scrolled(height);
    for (i, d) in diags.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
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
        pen.text(
            buf,
            Rect::new(cols[0].0, y, cols[0].1, 1),
            d.code.as_str(),
            if selected { base } else { level },
            Lang::En,
            Align::Natural,
        );
        pen.text(
            buf,
            Rect::new(cols[1].0, y, cols[1].1, 1),
            &d.path,
            base,
            Lang::En,
            Align::Natural,
        );
        // The message is in the UI's language; ids and titles inside it keep their direction.
        pen.text(
            buf,
            Rect::new(cols[2].0, y, cols[2].1, 1),
            &d.message.show(&app.msg),
            base,
            app.msg.lang(),
            Align::Natural,
        );
    }
}
