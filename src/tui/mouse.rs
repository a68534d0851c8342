//! The mouse: a click selects a tab or a row; the wheel scrolls.

use super::Screen;
use super::app::{App, Effect};

/// A click at (`col`, `row`).
pub(crate) fn click(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    if app.shared.editor.is_some() || app.shared.popup.is_some() {
        return Vec::new();
    }
    if row == 0 {
        let labels = super::view::tab_labels(app, app.shared.size.0);
        let widths: Vec<u16> = labels.iter().map(|l| l.2).collect();
        let area = ratatui::layout::Rect::new(0, 0, app.shared.size.0, 1);
        for ((screen, _, _), (x, w)) in labels
            .iter()
            .zip(app.shared.pen.columns_tight(area, &widths))
        {
            if col >= x && col < x + w {
                app.shared.form = None;
                app.shared.screen = *screen;
            }
        }
        return Vec::new();
    }
    // Row 1 holds the form's title or the column headings; rows start below it.
    let line = usize::from(row.saturating_sub(2));
    if let Some(form) = app.shared.form.as_mut() {
        let c = if form.item.is_some() {
            &mut form.item_cursor
        } else {
            &mut form.cursor
        };
        *c = line;
        form.move_cursor(&app.shared.doc.plan, 0);
        return Vec::new();
    }
    let body = usize::from(app.shared.size.1.saturating_sub(3));
    let conflicts = super::screens::conflicts::rows(&app.shared).len();
    let (cursor, len) = match app.shared.screen {
        Screen::Activities | Screen::Gantt => (
            &mut app.shared.outline.cursor,
            app.shared.outline.rows.len(),
        ),
        // A search shows only some rows: the rows clicked are those drawn.
        Screen::Partners | Screen::Beneficiaries | Screen::Funding => {
            let kind = match app.shared.screen {
                Screen::Beneficiaries => crate::model::EntityKind::Beneficiary,
                Screen::Funding => crate::model::EntityKind::Funding,
                _ => crate::model::EntityKind::Partner,
            };
            let n = super::screens::entities::shown(&app.shared, kind).len();
            (
                super::screens::entities::cursor(&mut app.screens.entities, kind),
                n,
            )
        }
        Screen::Problems => (
            &mut app.screens.problems.cursor,
            super::screens::problems::shown(&app.shared).len(),
        ),
        Screen::History => (
            &mut app.screens.history.commits,
            super::screens::history::shown(&app.shared).len(),
        ),
        Screen::Conflicts => (&mut app.screens.conflicts.cursor, conflicts),
        Screen::Overview | Screen::Consultations | Screen::Review => return Vec::new(),
    };
    let offset = cursor.scrolled(body);
    if offset + line < len {
        cursor.row = offset + line;
        cursor.offset = offset;
    }
    Vec::new()
}
