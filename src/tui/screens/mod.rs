//! The screens: each handles its own commands and draws itself.

pub mod activities;
pub mod conflicts;
pub mod consult;
pub(crate) mod consult_about;
pub(crate) mod consult_collect;
pub(crate) mod consult_design;
pub(crate) mod consult_results;
pub mod entities;
pub mod gantt;
pub mod history;
pub mod overview;
pub mod problems;
pub mod review;

use super::Screen;
use super::action::Command;
use super::app::{App, Effect};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Each screen's own state (the activity tree that Activities and Gantt share is in
/// [`super::shared::Shared`]).
#[derive(Default)]
pub struct Screens {
    /// Partners, Beneficiaries and Funding.
    pub entities: entities::Lists,
    /// The Gantt's scale, scroll and layout.
    pub gantt: gantt::GanttView,
    /// Problems.
    pub problems: problems::ProblemsView,
    /// History and the operation log.
    pub history: history::HistoryView,
    /// The conflicts of a merge in progress.
    pub conflicts: conflicts::ConflictsView,
    /// Which round, and designing, collecting or results.
    pub consult: consult::ConsultView,
    /// The Review screen's revisions and their review.
    pub review: review::ReviewView,
}

/// A command on the screen shown (no form open).
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    match app.shared.screen {
        Screen::Overview => overview::command(app, c),
        Screen::Activities => activities::command(app, c),
        Screen::Partners | Screen::Beneficiaries | Screen::Funding => entities::command(app, c),
        Screen::Gantt => gantt::command(app, c),
        Screen::Problems => problems::command(app, c),
        Screen::History => history::command(app, c),
        Screen::Review => review::command(app, c),
        Screen::Conflicts => conflicts::command(app, c),
        Screen::Consultations => consult::command(app, c),
    }
}

/// Draws the screen shown into `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    match app.shared.screen {
        Screen::Overview => overview::draw(app, area, buf),
        Screen::Activities => activities::draw(app, area, buf),
        Screen::Partners | Screen::Beneficiaries | Screen::Funding => {
            entities::draw(app, area, buf)
        }
        Screen::Gantt => gantt::draw(app, area, buf),
        Screen::Problems => problems::draw(app, area, buf),
        Screen::History => history::draw(app, area, buf),
        Screen::Review => review::draw(app, area, buf),
        Screen::Conflicts => conflicts::draw(app, area, buf),
        Screen::Consultations => consult::draw(app, area, buf),
    }
}

/// Rows of a list drawn in `app`'s terminal (below the tabs and the column headings, above
/// the status line).
pub fn page(app: &App) -> usize {
    app.shared.page()
}

/// The usual list movements, keeping the selected row in view; returns whether `c` was one.
pub(crate) fn move_cursor(
    cursor: &mut super::lists::Cursor,
    c: Command,
    len: usize,
    height: usize,
) -> bool {
    let page = isize::try_from(height).unwrap_or(1);
    match c {
        Command::Up => cursor.step(-1, len),
        Command::Down => cursor.step(1, len),
        Command::PageUp => cursor.step(-page, len),
        Command::PageDown => cursor.step(page, len),
        Command::Top => cursor.row = 0,
        Command::Bottom => cursor.row = len.saturating_sub(1),
        _ => return false,
    }
    cursor.offset = cursor.scrolled(height);
    true
}

/// Says why the repository cannot be shown (no repository, an unreadable one), for the
/// screens that show what git holds; `true` when it did, and the screen has nothing else to
/// draw.
pub(crate) fn say_unavailable(
    app: &App,
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
) -> bool {
    let Some(why) = &app.shared.repo.unavailable else {
        return false;
    };
    app.shared.pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        why,
        crate::tui::theme::dim(),
    );
    true
}

/// Writes one row of a table: each cell in its column (as [`crate::tui::paint::Pen::columns`]
/// gives them), ids, dates and git's words as they are, left to right.
pub(crate) fn draw_cells(
    pen: &crate::tui::paint::Pen,
    buf: &mut Buffer,
    cols: &[(u16, u16)],
    y: u16,
    cells: &[String],
    style: ratatui::style::Style,
) {
    for (text, (x, w)) in cells.iter().zip(cols) {
        pen.text(
            buf,
            Rect::new(*x, y, *w, 1),
            text,
            style,
            crate::model::Lang::En,
            crate::text::Align::Natural,
        );
    }
}
