//! The critical path method: the forward pass here, the backward pass in `backward.rs`.
//!
//! Times are kept as *points*: a day number standing for the midnight before that day. A
//! task from day `a` to day `b` (inclusive) has start point `a` and finish point `b + 1`; a
//! milestone on day `d` has both points at `d + 1`. Dependencies compare points, converted to
//! working-day ordinals of the right calendar (see `calendar.rs`), so every step is O(1) per
//! edge and the passes are linear.

use super::calendar::{Calendars, Day, day};
use super::graph::{Link, Network, Node};
use super::{Shape, backward, paths};
use crate::model::{ActivityKind, DependencyKind, Plan, Status, Timing};
use petgraph::graph::NodeIndex;

/// "No bound" below every real point, far enough from `i64::MIN` that arithmetic is safe.
pub(super) const NONE: Day = i64::MIN / 4;
/// "No bound" above every real point.
pub(super) const INF: Day = 1 << 50;

/// Mask bits of the moments a path can run through: a span's start and finish, a gate's
/// start, finish and milestone bounds. Leaves use every bit.
pub(super) const START: u8 = 1;
pub(super) const FINISH: u8 = 2;
pub(super) const POINT: u8 = 4;
pub(super) const ALL: u8 = 7;

/// What the passes need to know of one activity.
#[derive(Clone, Copy, Debug)]
pub(super) struct Act {
    pub shape: Shape,
    /// Placed as a moment (milestones, zero-day tasks, cancelled activities).
    pub point: bool,
    pub cancelled: bool,
    /// The calendar's index in `Calendars`.
    pub cal: usize,
    /// Working days, for tasks that are not fixed.
    pub days: i64,
    /// Fixed first and last day.
    pub fixed: Option<(Day, Day)>,
    /// The first day it may start: the window start or its `not_before`.
    pub earliest: Day,
}

/// The three bounds or points of a node. Leaves and spans use `start` and `finish` as their
/// points; a gate keeps in them the lower bounds its children inherit, and in `point` the
/// bound for milestone children.
#[derive(Clone, Copy, Debug)]
pub(super) struct Points {
    pub start: Day,
    pub finish: Day,
    pub point: Day,
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
    /// Per activity: the early start ordinal in its calendar (for a moment, one more than its
    /// day's ordinal), and its early first and last day.
    pub ord: Vec<i64>,
    pub first: Vec<Day>,
    pub last: Vec<Day>,
    pub conflicts: Vec<RawConflict>,
}

/// Whether the dependency bounds the successor's start (FS, SS) rather than its finish.
pub(super) fn bounds_start(kind: DependencyKind) -> bool {
    matches!(
        kind,
        DependencyKind::FinishToStart | DependencyKind::StartToStart
    )
}

/// Whether the dependency reads the predecessor's start (SS, SF) rather than its finish.
pub(super) fn reads_start(kind: DependencyKind) -> bool {
    matches!(
        kind,
        DependencyKind::StartToStart | DependencyKind::StartToFinish
    )
}

/// The inputs of every activity of `plan`, in id order.
pub(super) fn acts(plan: &Plan, cals: &Calendars) -> Vec<Act> {
    let window = day(plan.meta.window.start);
    plan.activities
        .values()
        .map(|a| {
            let cancelled = a.status == Status::Cancelled;
            let group = a.kind == ActivityKind::Group;
            let (mut days, mut fixed, mut earliest) = (0, None, window);
            match &a.timing {
                Timing::Fixed { start, end } if !group && !cancelled => {
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
                && (cancelled
                    || a.kind == ActivityKind::Milestone
                    || (fixed.is_none() && days == 0));
            let shape = match (group, point && !cancelled) {
                (true, _) => Shape::Group,
                (false, true) => Shape::Milestone,
                _ if fixed.is_none() && days == 0 => Shape::Milestone,
                _ => Shape::Task,
            };
            if point {
                days = 0;
                if let Some((s, _)) = fixed {
                    fixed = Some((s, s));
                }
            }
            Act {
                shape,
                point,
                cancelled,
                cal: cals.index_for(a),
                days,
                fixed,
                earliest,
            }
        })
        .collect()
}

/// Runs the forward pass over `net` in topological order.
pub(super) fn forward(net: &Network, cals: &Calendars, acts: &[Act]) -> Forward {
    let nodes = net.graph.node_count();
    let n = acts.len();
    let mut f = Forward {
        points: vec![
            Points {
                start: NONE,
                finish: NONE,
                point: NONE,
            };
            nodes
        ],
        masks: vec![(0, 0); net.graph.edge_count()],
        ord: vec![0; n],
        first: vec![0; n],
        last: vec![0; n],
        conflicts: Vec::new(),
    };
    // The dependency edge that sets each gate bound, so a conflict can name its cause.
    let mut cause = vec![[u32::MAX; 3]; nodes];
    for &node in &net.order {
        match net.graph[node] {
            Node::Leaf(i) => leaf(net, cals, &acts[i], i, node, &cause, &mut f),
            Node::Gate(i) => gate(net, cals, &acts[i], node, &mut cause, &mut f),
            Node::Span(i) => span(net, cals, &acts[i], i, node, &mut f),
        }
    }
    f
}

/// A constraint on a leaf from one incoming edge: (start bound, finish bound, moment bound).
fn leaf_bounds(cals: &Calendars, a: &Act, link: Link, src: &Points) -> Points {
    let mut b = Points {
        start: NONE,
        finish: NONE,
        point: NONE,
    };
    match link {
        Link::Dependency { kind, lag, .. } => {
            let cal = cals.get(a.cal);
            let x = if reads_start(kind) {
                src.start
            } else {
                src.finish
            };
            if a.point {
                b.point = cal.finish_after(x, i64::from(lag));
            } else if bounds_start(kind) {
                b.start = cal.start_after(x, i64::from(lag));
            } else {
                b.finish = cal.finish_after(x, i64::from(lag));
            }
        }
        Link::Enter if a.point => b.point = src.point.max(src.finish),
        Link::Enter => (b.start, b.finish) = (src.start, src.finish),
        Link::Exit | Link::Open => {}
    }
    b
}

/// Places a task or milestone after everything it waits for.
fn leaf(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    i: usize,
    node: NodeIndex,
    cause: &[[u32; 3]],
    f: &mut Forward,
) {
    let cal = cals.get(a.cal);
    let mut lo = Points {
        start: a.earliest,
        finish: NONE,
        point: a.earliest + 1,
    };
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let b = leaf_bounds(cals, a, link, &f.points[src.index()]);
        lo.start = lo.start.max(b.start);
        lo.finish = lo.finish.max(b.finish);
        lo.point = lo.point.max(b.point);
    }
    // The ordinal each kind of bound implies: the start ordinal for a task, one more than the
    // day's ordinal for a moment.
    let implied = |b: &Points| -> i64 {
        if a.point {
            if b.point == NONE {
                i64::MIN
            } else {
                cal.ord(b.point - 1) + 1
            }
        } else {
            let s = if b.start == NONE {
                i64::MIN
            } else {
                cal.ord(b.start)
            };
            let from_finish = if b.finish == NONE {
                i64::MIN
            } else {
                cal.ord(b.finish - 1) + 1 - a.days
            };
            s.max(from_finish)
        }
    };
    let (ord, first, last) = match a.fixed {
        Some((s, e)) if a.point => (cal.ord(s) + 1, s, e),
        Some((s, e)) => (cal.ord(s), s, e),
        None if a.point => {
            let k = implied(&lo) - 1;
            let d = cal.nth(k);
            (k + 1, d, d)
        }
        None => {
            let s = implied(&lo);
            (s, cal.nth(s), cal.nth(s + a.days - 1))
        }
    };
    f.ord[i] = ord;
    f.first[i] = first;
    f.last[i] = last;
    let here = if a.point {
        Points {
            start: last + 1,
            finish: last + 1,
            point: last + 1,
        }
    } else {
        Points {
            start: first,
            finish: last + 1,
            point: NONE,
        }
    };
    f.points[node.index()] = here;
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let from = &f.points[src.index()];
        let reads = source_reads(net, src, link);
        let drives = match link {
            Link::Dependency { .. } => {
                let b = leaf_bounds(cals, a, link, from);
                if let Some(fixed) = a.fixed {
                    conflict(a, i, e.index(), &b, fixed, &mut f.conflicts);
                }
                if implied(&b) == ord { ALL } else { 0 }
            }
            Link::Enter => {
                if let Some(fixed) = a.fixed {
                    for (k, only) in gate_parts(a, from) {
                        let why = cause[src.index()][k];
                        if why != u32::MAX {
                            conflict(a, i, why as usize, &only, fixed, &mut f.conflicts);
                        }
                    }
                }
                enter_reads(a, from, ord, cal)
            }
            Link::Exit | Link::Open => 0,
        };
        // An edge from a gate reads the gate bounds that drive the leaf.
        let (reads, drives) = match link {
            Link::Enter => (drives, if drives != 0 { ALL } else { 0 }),
            _ => (reads, drives),
        };
        f.masks[e.index()] = (reads, drives);
    }
}

/// The gate bounds a leaf inherits, one at a time, with their index in a gate's cause list.
fn gate_parts(a: &Act, g: &Points) -> [(usize, Points); 2] {
    let none = Points {
        start: NONE,
        finish: NONE,
        point: NONE,
    };
    if a.point {
        [
            (
                1,
                Points {
                    point: g.finish,
                    ..none
                },
            ),
            (
                2,
                Points {
                    point: g.point,
                    ..none
                },
            ),
        ]
    } else {
        [
            (
                0,
                Points {
                    start: g.start,
                    ..none
                },
            ),
            (
                1,
                Points {
                    finish: g.finish,
                    ..none
                },
            ),
        ]
    }
}

/// The gate bounds (as mask bits) that set a leaf's early ordinal `ord`.
fn enter_reads(a: &Act, g: &Points, ord: i64, cal: &super::calendar::WorkCalendar) -> u8 {
    let mut bits = 0;
    let hit = |x: Day, finish: bool| {
        x != NONE
            && if a.point {
                cal.ord(x - 1) + 1 == ord
            } else if finish {
                cal.ord(x - 1) + 1 - a.days == ord
            } else {
                cal.ord(x) == ord
            }
    };
    if !a.point && hit(g.start, false) {
        bits |= START;
    }
    if hit(g.finish, true) {
        bits |= FINISH;
    }
    if a.point && hit(g.point, true) {
        bits |= POINT;
    }
    bits
}

/// The moments of `src` an edge out of it reads, for tracing paths through groups.
fn source_reads(net: &Network, src: NodeIndex, link: Link) -> u8 {
    match (net.graph[src], link) {
        (Node::Leaf(_), _) => ALL,
        (Node::Span(_), Link::Dependency { kind, .. }) if reads_start(kind) => START,
        (Node::Span(_), Link::Dependency { .. }) => FINISH,
        _ => ALL,
    }
}

/// Records a conflict when bound `b` lies after the fixed dates.
fn conflict(
    a: &Act,
    i: usize,
    edge: usize,
    b: &Points,
    fixed: (Day, Day),
    out: &mut Vec<RawConflict>,
) {
    let (s, e) = fixed;
    let mut push = |end: bool, fixed: Day, earliest: Day| {
        if earliest > fixed {
            out.push(RawConflict {
                activity: i,
                edge,
                end,
                fixed,
                earliest,
            });
        }
    };
    if a.point {
        if b.point != NONE {
            push(false, s, b.point - 1);
        }
    } else {
        if b.start != NONE {
            push(false, s, b.start);
        }
        if b.finish != NONE {
            push(true, e, b.finish - 1);
        }
    }
}

/// Collects the bounds a group's children inherit: its own dependencies and its parent's.
fn gate(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    node: NodeIndex,
    cause: &mut [[u32; 3]],
    f: &mut Forward,
) {
    let cal = cals.get(a.cal);
    let mut g = Points {
        start: NONE,
        finish: NONE,
        point: NONE,
    };
    let mut why = [u32::MAX; 3];
    let mut values = Vec::new();
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let from = f.points[src.index()];
        let v = match link {
            Link::Dependency { kind, lag, .. } => {
                let x = if reads_start(kind) {
                    from.start
                } else {
                    from.finish
                };
                let lag = i64::from(lag);
                if bounds_start(kind) {
                    [cal.start_after(x, lag), NONE, cal.finish_after(x, lag)]
                } else {
                    [NONE, cal.finish_after(x, lag), NONE]
                }
            }
            Link::Enter => [from.start, from.finish, from.point],
            Link::Exit | Link::Open => continue,
        };
        let inherited = cause[src.index()];
        for k in 0..3 {
            let best = [&mut g.start, &mut g.finish, &mut g.point];
            if v[k] > *best[k] {
                *best[k] = v[k];
                why[k] = match link {
                    Link::Enter => inherited[k],
                    _ => e.index() as u32,
                };
            }
        }
        values.push((e, src, link, v));
    }
    cause[node.index()] = why;
    f.points[node.index()] = g;
    for (e, src, link, v) in values {
        let now = [g.start, g.finish, g.point];
        let bits = (0..3)
            .filter(|k| v[*k] != NONE && v[*k] == now[*k])
            .fold(0, |m, k| m | (1u8 << k));
        let reads = match link {
            Link::Enter => bits,
            _ => source_reads(net, src, link),
        };
        f.masks[e.index()] = (reads, bits);
    }
}

/// Places a group over its scheduled children, or as a moment when it has none.
fn span(net: &Network, cals: &Calendars, a: &Act, i: usize, node: NodeIndex, f: &mut Forward) {
    let mut here = Points {
        start: INF,
        finish: NONE,
        point: NONE,
    };
    let (mut first, mut last) = (INF, NONE);
    let mut gate = None;
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        match link {
            Link::Exit => {
                let c = f.points[src.index()];
                here.start = here.start.min(c.start);
                here.finish = here.finish.max(c.finish);
                let child = net.graph[src].activity();
                first = first.min(f.first[child]);
                last = last.max(f.last[child]);
            }
            Link::Open => gate = Some(f.points[src.index()]),
            _ => {}
        }
    }
    let cal = cals.get(a.cal);
    if here.finish == NONE {
        let g = gate.unwrap_or(Points {
            start: NONE,
            finish: NONE,
            point: NONE,
        });
        let k = cal.ord(g.point.max(g.finish).max(a.earliest + 1) - 1);
        let d = cal.nth(k);
        here = Points {
            start: d + 1,
            finish: d + 1,
            point: NONE,
        };
        (first, last) = (d, d);
        f.ord[i] = k + 1;
    } else {
        f.ord[i] = cal.ord(first);
    }
    f.first[i] = first;
    f.last[i] = last;
    f.points[node.index()] = here;
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] || link != Link::Exit {
            continue;
        }
        let c = f.points[src.index()];
        let bits =
            u8::from(c.start == here.start) * START | u8::from(c.finish == here.finish) * FINISH;
        let reads = match net.graph[src] {
            Node::Leaf(_) => ALL,
            _ => bits,
        };
        f.masks[e.index()] = (reads, bits);
    }
}

/// Schedules `plan`: both passes, slack, critical paths, conflicts and cycles.
pub(super) fn run(plan: &Plan) -> super::Schedule {
    let cals = Calendars::new(plan);
    let net = Network::new(plan);
    let acts = acts(plan, &cals);
    let fwd = forward(&net, &cals, &acts);
    let late = backward::run(&net, &cals, &acts, &fwd, true);
    let free = backward::run(&net, &cals, &acts, &fwd, false);
    let entries = backward::entries(&net, &cals, &acts, &fwd, &late, &free);
    let (critical_paths, critical_paths_truncated) =
        paths::critical_paths(plan, &net, &fwd, &entries);
    super::Schedule {
        start: plan.meta.window.start,
        finish: entries
            .iter()
            .filter_map(|e| e.dates.map(|d| d.early_finish))
            .max(),
        critical_paths,
        critical_paths_truncated,
        conflicts: super::diagnostics::conflicts(plan, &net, &fwd),
        cycles: super::diagnostics::cycles(plan, &net),
        entries,
    }
}
