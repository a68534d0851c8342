//! Schedule variance between two revisions: how far each activity's start, finish and
//! duration moved, which milestones moved, what became or stopped being critical, and how far
//! the plan finish moved.
//!
//! The scheduler is not an input type of this module: each side is a [`Timeline`], the few
//! numbers per activity a review compares, so that the variance is tested with hand-made
//! timelines and the scheduler can change inside without touching reviews. `timeline_of` is
//! the one place that turns the scheduler's output into a timeline.

use super::PlanDiff;
use crate::model::{ActivityKind, EntityKind, Id, Plan};
use crate::schedule::Schedule;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Where the scheduler placed one activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Placed {
    /// First day (early start).
    pub start: NaiveDate,
    /// Last day, inclusive (early finish).
    pub finish: NaiveDate,
    /// Working days from start to finish (0 for a milestone).
    pub duration: i64,
    /// Whether the activity is on a critical path.
    pub critical: bool,
    /// Whether the activity is a milestone.
    pub milestone: bool,
}

/// One revision's schedule, reduced to what a review compares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Every activity of the plan by id; `None` for one the scheduler could not place (an
    /// activity on a dependency cycle).
    pub activities: BTreeMap<Id, Option<Placed>>,
    /// The plan finish; `None` when nothing could be scheduled.
    pub finish: Option<NaiveDate>,
}

/// The timeline of `plan` as the scheduler places it.
pub fn timeline(plan: &Plan) -> Timeline {
    timeline_of(plan, &crate::schedule::schedule(plan))
}

/// The timeline of `plan` from its `schedule` (computed already, as the TUI keeps one).
pub(crate) fn timeline_of(plan: &Plan, s: &Schedule) -> Timeline {
    // `entries` is indexed like `plan.activities` (id order); a schedule of another plan
    // gives every activity no dates rather than someone else's.
    let same = s.entries.len() == plan.activities.len();
    let activities = plan
        .activities
        .iter()
        .enumerate()
        .map(|(i, (id, a))| {
            let dates = s.entries.get(i).filter(|_| same).and_then(|e| e.dates);
            let placed = dates.map(|d| Placed {
                start: d.early_start,
                finish: d.early_finish,
                duration: d.duration,
                critical: d.critical,
                // The plan's word, not the scheduler's shape: a cancelled task is placed as
                // a moment but is not a milestone a reviewer tracks.
                milestone: a.kind == ActivityKind::Milestone,
            });
            (id.clone(), placed)
        })
        .collect();
    Timeline {
        activities,
        finish: s.finish,
    }
}

/// How one activity's dates moved; day counts are after minus before (positive: later or
/// longer), `None` when either side is unscheduled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shift {
    /// The activity, by its id in the new revision.
    pub id: Id,
    /// Its id in the old revision, when it was renamed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub was: Option<Id>,
    /// Before (`None`: unscheduled).
    pub before: Option<Placed>,
    /// After (`None`: unscheduled).
    pub after: Option<Placed>,
    /// Calendar days the start moved.
    pub start_days: Option<i64>,
    /// Calendar days the finish moved.
    pub finish_days: Option<i64>,
    /// Working days the duration changed by.
    pub duration_days: Option<i64>,
}

/// The plan finish before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FinishShift {
    /// Before (`None`: nothing scheduled).
    pub before: Option<NaiveDate>,
    /// After.
    pub after: Option<NaiveDate>,
    /// Calendar days it moved, when both exist.
    pub days: Option<i64>,
}

impl FinishShift {
    /// Whether the plan finish stayed where it was.
    pub(crate) fn is_unchanged(&self) -> bool {
        self.before == self.after
    }
}

/// The schedule variance from one revision to another.
///
/// Only activities present in both revisions are compared (renamed ones by their old and new
/// id); added and removed activities are in the [`PlanDiff`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Variance {
    /// Tasks and groups whose start, finish or duration changed, by id.
    pub activities: Vec<Shift>,
    /// Milestones that moved, by id.
    pub milestones: Vec<Shift>,
    /// Activities critical now that were not.
    pub became_critical: Vec<Id>,
    /// Activities critical before that are not now.
    pub no_longer_critical: Vec<Id>,
    /// The plan finish.
    pub finish: FinishShift,
}

impl Variance {
    /// Whether nothing in the schedule moved.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty()
            && self.milestones.is_empty()
            && self.became_critical.is_empty()
            && self.no_longer_critical.is_empty()
            && self.finish.is_unchanged()
    }
}

fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// The variance from `before` to `after`; `diff` (of the same two revisions) tells which
/// activities were renamed, so that they are compared across the rename.
pub fn variance(before: &Timeline, after: &Timeline, diff: &PlanDiff) -> Variance {
    let old_id: HashMap<&Id, &Id> = diff
        .kind(EntityKind::Activity)
        .map(|k| k.renamed.iter().map(|r| (&r.to, &r.from)).collect())
        .unwrap_or_default();
    let mut v = Variance {
        finish: FinishShift {
            before: before.finish,
            after: after.finish,
            days: before.finish.zip(after.finish).map(|(a, b)| days(a, b)),
        },
        ..Variance::default()
    };
    for (id, now) in &after.activities {
        let was = old_id.get(id).copied();
        let Some(then) = before.activities.get(was.unwrap_or(id)) else {
            continue;
        };
        let critical = |p: &Option<Placed>| p.is_some_and(|p| p.critical);
        match (critical(then), critical(now)) {
            (false, true) => v.became_critical.push(id.clone()),
            (true, false) => v.no_longer_critical.push(id.clone()),
            _ => {}
        }
        let moved = match (then, now) {
            (Some(a), Some(b)) => {
                a.start != b.start || a.finish != b.finish || a.duration != b.duration
            }
            (None, None) => false,
            _ => true,
        };
        if !moved {
            continue;
        }
        let both = then.zip(*now);
        let shift = Shift {
            id: id.clone(),
            was: was.cloned(),
            before: *then,
            after: *now,
            start_days: both.map(|(a, b)| days(a.start, b.start)),
            finish_days: both.map(|(a, b)| days(a.finish, b.finish)),
            duration_days: both.map(|(a, b)| b.duration - a.duration),
        };
        let milestone = now.or(*then).is_some_and(|p| p.milestone);
        if milestone {
            v.milestones.push(shift);
        } else {
            v.activities.push(shift);
        }
    }
    v
}

#[cfg(test)]
#[path = "variance_tests.rs"]
mod tests;
