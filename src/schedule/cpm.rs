//! The critical path method: shared types, the inputs of each activity, and the run of both
//! passes (the forward pass in `forward.rs` and `groups.rs`, the backward one in
//! `backward.rs`).
//!
//! Times are kept as *moments*: a day number standing for the midnight before that day. A
//! task from day `a` to day `b` (inclusive) starts at moment `a` and finishes at moment
//! `b + 1`; a milestone on day `d` likewise starts at `d` and finishes at `d + 1`.
//! Dependencies compare moments, converted to working-day ordinals of the right calendar (see
//! `calendar.rs`), so every step is O(1) per edge and the passes are linear.

use super::calendar::{Calendars, Day, day};
use super::graph::Network;
use super::index::IdIndex;
use super::{Shape, backward, forward, paths};
use crate::model::{ActivityKind, DependencyKind, Plan, Status, Timing};

/// "No bound" below every real point, far enough from `i64::MIN` that arithmetic is safe.
pub(super) const NONE: Day = i64::MIN / 4;
/// "No bound" above every real point.
pub(super) const INF: Day = 1 << 50;

/// The moments or bounds of a node, by index. A task, milestone or span uses [`S`] and [`F`]
/// for its start and finish moments. A gate keeps the lower bounds its children inherit: on a
/// task's start ([`S`], from FS and SS) and finish ([`F`], from FF and SF), and for milestone
/// children, on their finish from FS ([`P`]) and on their start from SS ([`A`]).
pub(super) type Points = [Day; 4];
/// The start moment, or the bound on a task child's start.
pub(super) const S: usize = 0;
/// The finish moment, or the bound on any child's finish from FF and SF.
pub(super) const F: usize = 1;
/// The bound on a milestone child's finish from FS.
pub(super) const P: usize = 2;
/// The bound on a milestone child's start from SS.
pub(super) const A: usize = 3;
/// No moment and no bound.
pub(super) const NO_POINTS: Points = [NONE; 4];

/// Mask bits (`1 << index`) of the moments a critical path runs through at a gate or a span;
/// a task or milestone takes every bit.
pub(super) const ALL: u8 = 15;

/// What the passes need to know of one activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Act {
    pub shape: Shape,
    /// A milestone, a task of zero days or a cancelled activity: shown on one day, it counts
    /// as one day in the arithmetic, and an FS dependency bounds its finish, not its start.
    pub point: bool,
    pub cancelled: bool,
    /// The calendar's index in `Calendars`.
    pub cal: usize,
    /// Working days (from start to end for fixed dates; 1 for a milestone).
    pub days: i64,
    /// Fixed first and last day.
    pub fixed: Option<(Day, Day)>,
    /// The first day it may start: the window start or its `not_before`.
    pub earliest: Day,
}

/// A fixed date found impossible, by activity and edge positions.
#[derive(Clone, Copy, Debug)]
pub(super) struct RawConflict {
    pub activity: usize,
    /// The dependency edge that forces it.
    pub edge: usize,
    pub end: bool,
    pub fixed: Day,
    pub earliest: Day,
}

/// The result of the forward pass.
pub(super) struct Forward {
    /// Per node.
    pub points: Vec<Points>,
    /// Per edge: the moments of its source it reads and of its target it drives (0 if it
    /// does not drive). Used to trace critical paths.
    pub masks: Vec<(u8, u8)>,
    /// Per activity: the early start ordinal in its calendar, and its early first and last
    /// day.
    pub ord: Vec<i64>,
    pub first: Vec<Day>,
    pub last: Vec<Day>,
    pub conflicts: Vec<RawConflict>,
}

/// Whether a dependency bounds the successor's start (FS, SS) rather than its finish. A
/// milestone is an exception: FS bounds its finish, so that it falls on the day its
/// predecessor finishes.
pub(super) fn bounds_start(kind: DependencyKind, point: bool) -> bool {
    match kind {
        DependencyKind::StartToStart => true,
        DependencyKind::FinishToStart => !point,
        _ => false,
    }
}

/// Whether the dependency reads the predecessor's start (SS, SF) rather than its finish.
pub(super) fn reads_start(kind: DependencyKind) -> bool {
    matches!(
        kind,
        DependencyKind::StartToStart | DependencyKind::StartToFinish
    )
}

/// A dependency between two activities, by position.
#[derive(Clone, Copy, Debug)]
pub(super) struct Dep {
    pub pred: u32,
    pub holder: u32,
    pub kind: DependencyKind,
    pub lag: i32,
}

/// The plan flattened for scheduling: what each activity needs, its parent and its
/// dependencies by position. Reading the plan once, in order, keeps large plans fast.
#[derive(Clone, Debug)]
pub(super) struct Inputs {
    pub acts: Vec<Act>,
    /// Per activity, the position of its parent, if that exists.
    pub parent: Vec<Option<u32>>,
    /// Every dependency whose predecessor exists.
    pub deps: Vec<Dep>,
}

/// Reads what scheduling needs from every activity of `plan`, in id order.
pub(super) fn inputs(plan: &Plan, cals: &Calendars) -> Inputs {
    let index = IdIndex::new(plan);
    let window = day(plan.meta.window.start);
    let n = plan.activities.len();
    let mut out = Inputs {
        acts: Vec::with_capacity(n),
        parent: Vec::with_capacity(n),
        deps: Vec::with_capacity(n * 2),
    };
    for (i, a) in plan.activities.values().enumerate() {
        out.acts.push(act(a, cals, window));
        out.parent
            .push(a.parent.as_ref().and_then(|p| index.get(p.as_str())));
        for d in &a.dependencies {
            if let Some(pred) = index.get(d.activity.as_str()) {
                out.deps.push(Dep {
                    pred,
                    holder: i as u32,
                    kind: d.kind,
                    lag: d.lag,
                });
            }
        }
    }
    out
}

/// What the passes need to know of activity `a`.
pub(super) fn act(a: &crate::model::Activity, cals: &Calendars, window: Day) -> Act {
    let cancelled = a.status == Status::Cancelled;
    let group = a.kind == ActivityKind::Group;
    let (mut days, mut fixed, mut earliest) = (0, None, window);
    match &a.timing {
        // A cancelled activity keeps no fixed dates: it sits where it was to start.
        Timing::Fixed { start, .. } if cancelled => earliest = earliest.max(day(*start)),
        Timing::Fixed { start, end } if !group => {
            fixed = Some((day(*start), day(*end).max(day(*start))));
        }
        Timing::Duration {
            days: d,
            not_before,
        } => {
            days = i64::from(*d);
            earliest = earliest.max(not_before.map_or(NONE, day));
        }
        _ => {}
    }
    let point = !group
        && (cancelled || a.kind == ActivityKind::Milestone || (fixed.is_none() && days == 0));
    let shape = match (group, point) {
        (true, _) => Shape::Group,
        (false, true) => Shape::Milestone,
        (false, false) => Shape::Task,
    };
    let cal = cals.index_for(a);
    if point {
        days = 1;
        if let Some((s, _)) = fixed {
            fixed = Some((s, s));
        }
    } else if let Some((s, e)) = fixed {
        let table = cals.get(cal);
        days = table.ord(e + 1) - table.ord(s);
    }
    Act {
        shape,
        point,
        cancelled,
        cal,
        days,
        fixed,
        earliest,
    }
}

/// The size from which the two backward walks run side by side: below it a thread costs
/// more than it saves.
const PARALLEL_FROM: usize = 5_000;

/// Both passes over a network built from `plan`, with slack, critical paths, conflicts and
/// cycles.
pub(super) fn passes(
    plan: &Plan,
    cals: &Calendars,
    inputs: &Inputs,
    net: &Network,
) -> super::Schedule {
    let acts = &inputs.acts;
    let fwd = forward::run(net, cals, acts);
    // The latest dates and the free slack are two walks over the same early dates: on a
    // large plan, one on a second core (an edit at 100,000 activities waits for both).
    let (late, free) = if acts.len() < PARALLEL_FROM {
        (
            backward::run(net, cals, acts, &fwd, true),
            backward::run(net, cals, acts, &fwd, false),
        )
    } else {
        std::thread::scope(|s| {
            let late = s.spawn(|| backward::run(net, cals, acts, &fwd, true));
            let free = backward::run(net, cals, acts, &fwd, false);
            let late = late.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            (late, free)
        })
    };
    let entries = backward::entries(net, cals, acts, &fwd, &late, &free);
    let (critical_paths, critical_paths_truncated) =
        paths::critical_paths(plan, net, &fwd, &entries);
    super::Schedule {
        start: plan.meta.window.start,
        finish: entries
            .iter()
            .filter_map(|e| e.dates.map(|d| d.early_finish))
            .max(),
        critical_paths,
        critical_paths_truncated,
        conflicts: super::diagnostics::conflicts(plan, net, &fwd),
        cycles: super::diagnostics::cycles(plan, net),
        entries,
    }
}
