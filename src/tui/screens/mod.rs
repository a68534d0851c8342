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
mod review_read;

use super::Screen;
use super::action::Command;
use super::app::{App, Effect};
use super::shared::Shared;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Each screen's own state (the activity tree that Activities and Gantt share is in
/// [`super::shared::Shared`]).
#[derive(Default)]
pub struct Screens {
    /// Overview.
    pub overview: overview::Overview,
    /// Activities.
    pub activities: activities::Activities,
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

/// A screen: the commands it takes and how it draws itself, over its own state and what
/// every screen shares (gitui's and helix's components). It cannot reach another screen's
/// state; what it asks of the world beyond the app it returns as effects.
pub(crate) trait Component {
    /// A command while the screen is shown and no form is open.
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect>;
    /// Draws the screen into `area`.
    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer);
    /// The selected row's whole text, which its cut cells may not show (`w`).
    fn details(&self, _sh: &Shared) -> Option<super::details::Details> {
        None
    }
}

impl Screens {
    fn shown(&mut self, screen: Screen) -> &mut dyn Component {
        match screen {
            Screen::Overview => &mut self.overview,
            Screen::Activities => &mut self.activities,
            Screen::Partners | Screen::Beneficiaries | Screen::Funding => &mut self.entities,
            Screen::Gantt => &mut self.gantt,
            Screen::Problems => &mut self.problems,
            Screen::History => &mut self.history,
            Screen::Review => &mut self.review,
            Screen::Conflicts => &mut self.conflicts,
            Screen::Consultations => &mut self.consult,
        }
    }

    fn shown_ref(&self, screen: Screen) -> &dyn Component {
        match screen {
            Screen::Overview => &self.overview,
            Screen::Activities => &self.activities,
            Screen::Partners | Screen::Beneficiaries | Screen::Funding => &self.entities,
            Screen::Gantt => &self.gantt,
            Screen::Problems => &self.problems,
            Screen::History => &self.history,
            Screen::Review => &self.review,
            Screen::Conflicts => &self.conflicts,
            Screen::Consultations => &self.consult,
        }
    }
}

impl Screens {
    /// The search text of `list` changed: its list starts again from its first match.
    pub(crate) fn search_changed(&mut self, sh: &Shared, list: super::search::List) {
        use super::search::List;
        match list {
            List::Entities(kind) => {
                *entities::cursor(&mut self.entities, kind) = Default::default()
            }
            List::Problems => self.problems.cursor = Default::default(),
            List::History => self.history.commits = Default::default(),
            List::Rounds => self.consult.rounds = Default::default(),
            List::Questions => consult_design::search_changed(&mut self.consult, sh),
        }
    }
}

/// The selected row's whole text on the screen shown, when it has rows.
pub fn details(app: &App) -> Option<super::details::Details> {
    app.screens
        .shown_ref(app.shared.screen)
        .details(&app.shared)
}

/// A command on the screen shown (no form open).
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let App {
        shared, screens, ..
    } = app;
    screens.shown(shared.screen).command(shared, c)
}

/// Draws the screen shown into `area`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    app.screens
        .shown_ref(app.shared.screen)
        .draw(&app.shared, area, buf)
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
    sh: &Shared,
    area: ratatui::layout::Rect,
    buf: &mut ratatui::buffer::Buffer,
) -> bool {
    let Some(why) = &sh.repo.unavailable else {
        return false;
    };
    sh.pen.ui(
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
