//! The mouse: a click selects a tab or a row.

use super::Screen;
use super::app::{App, Effect};

/// A click at (`col`, `row`).
pub fn click(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    if app.editor.is_some() || app.popup.is_some() {
        return Vec::new();
    }
    if row == 0 {
        // The tab bar: " N Name " labels laid out from the left.
        let mut x = 0u16;
        for s in Screen::ALL {
            let w = u16::try_from(format!(" 1 {:?} ", s).chars().count()).unwrap_or(0);
            if col >= x && col < x + w {
                app.form = None;
                app.screen = s;
                return Vec::new();
            }
            x += w;
        }
        return Vec::new();
    }
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
    let (cursor, len) = match app.screen {
        Screen::Activities | Screen::Gantt => (&mut app.cursors.activities, app.tree_rows.len()),
        Screen::Partners => (&mut app.cursors.partners, app.doc.plan.partners.len()),
        Screen::Beneficiaries => (
            &mut app.cursors.beneficiaries,
            app.doc.plan.beneficiaries.len(),
        ),
        Screen::Funding => (&mut app.cursors.funding, app.doc.plan.funding.len()),
        Screen::Problems => (&mut app.cursors.problems, app.doc.diagnostics.len()),
        Screen::Overview => return Vec::new(),
    };
    let offset = cursor.scrolled(body);
    if offset + line < len {
        cursor.row = offset + line;
    }
    Vec::new()
}
