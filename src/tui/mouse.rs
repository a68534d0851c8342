//! The mouse: a click selects a tab or a row; the wheel scrolls.

use super::Screen;
use super::app::{App, Effect};

/// A click at (`col`, `row`).
pub(crate) fn click(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    if app.editor.is_some() || app.popup.is_some() {
        return Vec::new();
    }
    if row == 0 {
        let labels = super::view::tab_labels(app, app.size.0);
        let widths: Vec<u16> = labels.iter().map(|l| l.2).collect();
        let area = ratatui::layout::Rect::new(0, 0, app.size.0, 1);
        for ((screen, _, _), (x, w)) in labels.iter().zip(app.pen.columns_tight(area, &widths)) {
            if col >= x && col < x + w {
                app.form = None;
                app.screen = *screen;
            }
        }
        return Vec::new();
    }
    // Row 1 holds the form's title or the column headings; rows start below it.
    let line = usize::from(row.saturating_sub(2));
    if let Some(form) = app.form.as_mut() {
        let c = if form.item.is_some() {
            &mut form.item_cursor
        } else {
            &mut form.cursor
        };
        *c = line;
        form.move_cursor(&app.doc.plan, 0);
        return Vec::new();
    }
    let body = usize::from(app.size.1.saturating_sub(3));
    let conflicts = super::screens::conflicts::rows(app).len();
    let (cursor, len) = match app.screen {
        Screen::Activities | Screen::Gantt => (&mut app.cursors.activities, app.tree_rows.len()),
        Screen::Partners => (&mut app.cursors.partners, app.doc.plan.partners.len()),
        Screen::Beneficiaries => (
            &mut app.cursors.beneficiaries,
            app.doc.plan.beneficiaries.len(),
        ),
        Screen::Funding => (&mut app.cursors.funding, app.doc.plan.funding.len()),
        Screen::Problems => (&mut app.cursors.problems, app.doc.diagnostics.len()),
        Screen::History => (&mut app.cursors.history, app.repo.history.len()),
        Screen::Conflicts => (&mut app.cursors.conflicts, conflicts),
        Screen::Overview | Screen::Consultations | Screen::Review => return Vec::new(),
    };
    let offset = cursor.scrolled(body);
    if offset + line < len {
        cursor.row = offset + line;
        cursor.offset = offset;
    }
    Vec::new()
}
