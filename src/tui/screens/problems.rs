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

/// The Problems screen's own state.
#[derive(Clone, Debug, Default)]
pub struct ProblemsView {
    /// The selected problem.
    pub cursor: crate::tui::lists::Cursor,
}

/// A command on the Problems screen: Enter opens what the problem is about.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = app.shared.doc.diagnostics.len();
    let page = super::page(app);
    if super::move_cursor(&mut app.screens.problems.cursor, c, n, page) {
        return Vec::new();
    }
    if c == Command::Select
        && let Some(d) = app
            .shared
            .doc
            .diagnostics
            .get(app.screens.problems.cursor.row)
    {
        match &d.subject {
            Subject::Entity { entity, id }
                if app.shared.doc.plan.contains(*entity, id.as_str()) =>
            {
                app.shared.form = Some(FormState::new(Target::Entity(*entity, id.clone())));
            }
            Subject::Plan if !app.shared.doc.read_only => {
                app.shared.form = Some(FormState::new(Target::Plan))
            }
            _ => {
                app.shared.status = app.shared.msg.get_args(
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
    let pen = &app.shared.pen;
    let diags = &app.shared.doc.diagnostics;
    let cols = pen.columns(area, &[5, 30, 0]);
    for (key, (x, w)) in ["col-code", "col-file", "col-message"].iter().zip(&cols) {
        pen.ui(
            buf,
            *x,
            area.y,
            *w,
            &app.shared.msg.get(key),
            theme::heading(),
        );
    }
    if diags.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &app.shared.msg.get("no-problems"),
            theme::ok(),
        );
        return;
    }
    // The last line says what to do about the selected problem.
    let height = usize::from(area.height.saturating_sub(2));
    if let Some(d) = diags.get(app.screens.problems.cursor.row) {
        let hint = app.shared.msg.get_args(
            "check-hint",
            &[("hint", d.hint.show(&app.shared.msg).into())],
        );
        let y = area.y + area.height.saturating_sub(1);
        pen.text(
            buf,
            Rect::new(area.x, y, area.width, 1),
            &hint,
            theme::dim(),
            app.shared.msg.lang(),
            Align::Natural,
        );
    }
    let offset = app.screens.problems.cursor.scrolled(height);
    for (i, d) in diags.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == app.screens.problems.cursor.row;
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
            &d.message.show(&app.shared.msg),
            base,
            app.shared.msg.lang(),
            Align::Natural,
        );
    }
}
