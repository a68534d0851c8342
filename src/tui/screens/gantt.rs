//! The Gantt screen.

use crate::model::Id;
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::lists::Timeline;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The Gantt's scale and horizontal scroll.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GanttView {
    /// Columns scrolled from the start of the plan.
    pub scroll: i64,
}

/// No computed dates: activities sort by id.
pub struct NoTimeline;

impl Timeline for NoTimeline {
    fn start_and_slack(&self, _: &Id) -> (Option<i64>, Option<i64>) {
        (None, None)
    }
}

/// A command on the Gantt screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    super::activities::command(app, c)
}

/// Draws the Gantt.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    app.pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &app.msg.get("screen-gantt"),
        theme::dim(),
    );
}
