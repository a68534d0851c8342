//! Scheduling: working calendars, the dependency network and the critical path method.
//!
//! Pure: a [`Plan`] in, a [`Schedule`] out. Nothing here reads the clock; `today` belongs to
//! the views that need it. Every step is linear in the size of the plan.
//!
//! # Conventions
//!
//! - **Dates are inclusive.** An activity of one working day starts and finishes on the same
//!   day; one of `n` working days finishes on its `n`-th working day.
//! - **Calendars.** An activity uses the calendar it names, else the first calendar listing its
//!   country, else the plan's `default_calendar`, else a calendar in which every day is a
//!   working day. Durations count working days of the activity's calendar; a dependency's lag
//!   counts working days of the calendar of the activity that holds the dependency (for a
//!   group's own dependencies, the group's calendar). A calendar whose weekend is all seven
//!   days (error E027) is treated as having no weekend; holidays more than a century before or
//!   two after the window's start are ignored.
//! - **Dependencies** link moments: a start is the beginning of an activity's first day, a
//!   finish the end of its last day. FS: the successor starts at or after the predecessor's
//!   finish, so with no lag on the next working day; SS: it starts at or after the
//!   predecessor's start, so the same day; FF: it finishes at or after the predecessor's
//!   finish; SF: it finishes at or after the predecessor's start, so with no lag its last day
//!   can be the day before. A lag of `n` moves the bound `n` working days later, a lead
//!   (negative lag) earlier.
//! - **Milestones** (kind `Milestone`, or a duration of zero days) fall on one working day
//!   and, as a predecessor, start at its beginning and finish at its end: an FS successor
//!   starts the next working day, an SS successor the same day. An FS dependency *into* a
//!   milestone bounds its finish rather than its start, so a milestone falls on the day its
//!   predecessor finishes.
//! - **Start.** Nothing starts before the planning window's start (or an activity's
//!   `not_before`); activities without predecessors start there, on the first working day.
//! - **Fixed dates** stay where they are written. When a dependency would force a fixed
//!   activity later, that is a [`DateConflict`] (reported by `check` as E030); successors are
//!   placed after the fixed dates as written. For the backward pass a fixed activity cannot
//!   move later than its dates, so its predecessors' latest dates respect them; its own latest
//!   dates and slack say how much later it could be without delaying the plan.
//! - **Groups** span their children, from the first child's start to the last child's finish.
//!   A dependency on a group is a dependency on that span; a group's own dependencies apply to
//!   each of its children (and their children). A group's slack is the least slack among its
//!   children, and it is critical when a child is. A group with no scheduled child is placed
//!   like a milestone where its own dependencies allow.
//! - **Backward pass** from the plan finish: the latest early finish of any activity. A
//!   latest-start bound on a group moves each child by as much as the group, keeping the gaps
//!   between children that the early schedule has.
//! - **Slack** is counted in working days of the activity's calendar. Total slack: how much
//!   later an activity could start without delaying the plan finish (or breaking a fixed date);
//!   free slack: how much later without moving any successor's early dates.
//! - **Critical** activities have a total slack of zero or less; a critical path is a chain of
//!   critical tasks and milestones in which each drives the next (its dependency is what sets
//!   the next one's early dates), through groups where a dependency runs through a group.
//! - **Cancelled** activities take no time: they are placed as milestones (where their
//!   dependencies allow, and no earlier than their start if it was fixed), keep the chain of
//!   dependencies through them, are never critical and never on a critical path.
//! - **Cycles.** Activities on a dependency cycle (including one through a group, such as an
//!   activity depending on its own group) get no dates; their successors are placed as if the
//!   dependencies on them were not there. Nothing loops, recurses deeply or panics on any graph.

mod backward;
mod calendar;
mod cpm;
mod diagnostics;
mod forward;
mod graph;
mod groups;
mod index;
mod kept;
mod paths;
pub mod standing;

pub use diagnostics::conflict_diagnostics;
pub use kept::Scheduler;

use crate::model::{DependencyKind, Id, Plan};
use chrono::NaiveDate;

/// The most critical paths listed; when there are more,
/// [`Schedule::critical_paths_truncated`] says so. Parallel ties can make their number grow
/// exponentially, so the list is bounded.
pub(crate) const MAX_CRITICAL_PATHS: usize = 16;

/// The schedule of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Schedule {
    /// One entry per activity, in the order of `plan.activities` (by id).
    pub entries: Vec<Entry>,
    /// The planning window's start: where activities without predecessors start.
    pub start: NaiveDate,
    /// The plan finish: the latest early finish; `None` when nothing could be scheduled.
    pub finish: Option<NaiveDate>,
    /// The critical paths, each a chain of task and milestone ids from first to last.
    pub critical_paths: Vec<Vec<Id>>,
    /// Whether more critical paths exist than are listed.
    pub critical_paths_truncated: bool,
    /// Fixed dates that a dependency makes impossible.
    pub conflicts: Vec<DateConflict>,
    /// Cycles, each as the ids along it (`a` waits for `b` waits for ... waits for `a`).
    pub cycles: Vec<Vec<Id>>,
}

/// How an activity is scheduled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    /// Work over one or more working days.
    Task,
    /// A moment: a milestone, a task of zero days, or a cancelled activity.
    Milestone,
    /// A group spanning its children.
    Group,
}

/// One activity's place in the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// How it is scheduled.
    pub shape: Shape,
    /// Whether it is cancelled (and so takes no time and is never critical).
    pub cancelled: bool,
    /// Whether its dates are fixed in the plan.
    pub fixed: bool,
    /// The calendar it uses, as an index into `plan.meta.calendars`, or `None` for the
    /// fallback in which every day is a working day.
    pub calendar: Option<usize>,
    /// Its dates, or `None` when it lies on a cycle.
    pub dates: Option<Dates>,
}

/// The dates and slack of a scheduled activity. All dates are inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    /// The earliest start.
    pub early_start: NaiveDate,
    /// The earliest finish.
    pub early_finish: NaiveDate,
    /// The latest start that does not delay the plan finish.
    pub late_start: NaiveDate,
    /// The latest finish that does not delay the plan finish.
    pub late_finish: NaiveDate,
    /// Working days from start to finish (0 for a milestone).
    pub duration: i64,
    /// Total slack in working days; negative when a fixed date cannot be met.
    pub total_slack: i64,
    /// Free slack in working days.
    pub free_slack: i64,
    /// Whether the activity is critical.
    pub critical: bool,
}

/// Which date of a fixed activity a dependency makes impossible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixedDate {
    /// The fixed start (FS and SS, and every dependency of a milestone).
    Start,
    /// The fixed end (FF and SF).
    End,
}

/// A fixed date that cannot hold: a dependency forces the activity later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateConflict {
    /// The activity with fixed dates.
    pub activity: Id,
    /// The activity it depends on.
    pub predecessor: Id,
    /// The group whose dependency it is, when the activity inherits it from a group.
    pub via: Option<Id>,
    /// The dependency's type.
    pub kind: DependencyKind,
    /// The dependency's lag in working days.
    pub lag: i32,
    /// Which fixed date is in conflict.
    pub date: FixedDate,
    /// The fixed date as written.
    pub fixed: NaiveDate,
    /// The earliest the dependency allows.
    pub earliest: NaiveDate,
    /// Calendar days from the fixed date to the earliest allowed one.
    pub days: i64,
}

impl Schedule {
    /// The entry of activity `id` (a linear search; to visit every activity, zip
    /// `plan.activities.values()` with `entries`).
    pub fn entry<'s>(&'s self, plan: &Plan, id: &str) -> Option<&'s Entry> {
        let i = plan
            .activities
            .keys()
            .position(|k| k.as_str() == id)
            .filter(|_| plan.activities.len() == self.entries.len())?;
        self.entries.get(i)
    }
}

/// Schedules `plan`: early and late dates, slack, critical paths, conflicts and cycles.
pub fn schedule(plan: &Plan) -> Schedule {
    Scheduler::new(plan).1
}
