//! The forward pass: each task and milestone as early as what it waits for allows.

use super::calendar::{Calendars, Day, WorkCalendar};
use super::cpm::{
    A, ALL, Act, F, Forward, NO_POINTS, NONE, P, Points, RawConflict, S, bounds_start, reads_start,
};
use super::graph::{Link, Network, Node};
use super::groups;
use petgraph::graph::NodeIndex;

/// Runs the forward pass over `net` in topological order.
pub(super) fn run(net: &Network, cals: &Calendars, acts: &[Act]) -> Forward {
    let nodes = net.graph.node_count();
    let n = acts.len();
    let mut f = Forward {
        points: vec![NO_POINTS; nodes],
        masks: vec![(0, 0); net.graph.edge_count()],
        ord: vec![0; n],
        first: vec![0; n],
        last: vec![0; n],
        conflicts: Vec::new(),
    };
    // The dependency edge that sets each gate bound, so that a conflict can name its cause.
    let mut cause = vec![[u32::MAX; 4]; nodes];
    for &node in &net.order {
        match net.graph[node] {
            Node::Leaf(i) => leaf(net, cals, &acts[i], i, node, &cause, &mut f),
            Node::Gate(i) => groups::gate(net, cals, &acts[i], node, &mut cause, &mut f),
            Node::Span(i) => groups::span(net, cals, &acts[i], i, node, &mut f),
        }
    }
    f
}

/// A bound on a leaf's start and one on its finish, as moments (`NONE` for no bound).
type Bounds = (Day, Day);

/// The bounds one incoming dependency puts on a leaf.
fn dependency_bounds(cal: &WorkCalendar, a: &Act, link: Link, src: &Points) -> Bounds {
    let Link::Dependency { kind, lag, .. } = link else {
        return (NONE, NONE);
    };
    let x = if reads_start(kind) { src[S] } else { src[F] };
    let lag = i64::from(lag);
    if bounds_start(kind, a.point) {
        (cal.start_after(x, lag), NONE)
    } else {
        (NONE, cal.finish_after(x, lag))
    }
}

/// The bounds a leaf inherits from its group's gate `g`, one at a time, each with the index
/// of the gate bound it comes from.
fn gate_parts(a: &Act, g: &Points) -> [(usize, Bounds); 3] {
    if a.point {
        [(A, (g[A], NONE)), (P, (NONE, g[P])), (F, (NONE, g[F]))]
    } else {
        [(S, (g[S], NONE)), (F, (NONE, g[F])), (P, (NONE, NONE))]
    }
}

/// The start ordinal bounds `b` imply for a leaf of `days` working days.
fn implied(cal: &WorkCalendar, days: i64, b: Bounds) -> i64 {
    let from_start = if b.0 == NONE { i64::MIN } else { cal.ord(b.0) };
    let from_finish = if b.1 == NONE {
        i64::MIN
    } else {
        cal.ord(b.1 - 1) + 1 - days
    };
    from_start.max(from_finish)
}

/// Places a task or milestone after everything it waits for.
fn leaf(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    i: usize,
    node: NodeIndex,
    cause: &[[u32; 4]],
    f: &mut Forward,
) {
    let cal = cals.get(a.cal);
    let mut lo: Bounds = (a.earliest, NONE);
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let from = &f.points[src.index()];
        let mut raise = |(s, e): Bounds| lo = (lo.0.max(s), lo.1.max(e));
        match link {
            Link::Enter => gate_parts(a, from).into_iter().for_each(|(_, b)| raise(b)),
            _ => raise(dependency_bounds(cal, a, link, from)),
        }
    }
    let (ord, first, last) = match a.fixed {
        Some((s, e)) => (cal.ord(s), s, e),
        None => {
            let s = implied(cal, a.days, lo);
            (s, cal.nth(s), cal.nth(s + a.days - 1))
        }
    };
    f.ord[i] = ord;
    f.first[i] = first;
    f.last[i] = last;
    f.points[node.index()] = [first, last + 1, NONE, NONE];
    // Which edges drive the leaf (set its early dates), and which fixed dates they break.
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let from = f.points[src.index()];
        let mask = match link {
            Link::Dependency { .. } => {
                let b = dependency_bounds(cal, a, link, &from);
                if let Some(fixed) = a.fixed {
                    conflict(a, i, e.index(), b, fixed, &mut f.conflicts);
                }
                let drives = if implied(cal, a.days, b) == ord {
                    ALL
                } else {
                    0
                };
                (source_reads(net, src, link), drives)
            }
            Link::Enter => {
                let mut bits = 0;
                for (k, b) in gate_parts(a, &from) {
                    if b == (NONE, NONE) {
                        continue;
                    }
                    let why = cause[src.index()][k];
                    if let Some(fixed) = a.fixed
                        && why != u32::MAX
                    {
                        conflict(a, i, why as usize, b, fixed, &mut f.conflicts);
                    }
                    if implied(cal, a.days, b) == ord {
                        bits |= 1 << k;
                    }
                }
                (bits, if bits == 0 { 0 } else { ALL })
            }
            Link::Exit | Link::Open => (0, 0),
        };
        f.masks[e.index()] = mask;
    }
}

/// The moments of `src` an edge out of it reads, for tracing paths through groups.
pub(super) fn source_reads(net: &Network, src: NodeIndex, link: Link) -> u8 {
    match (net.graph[src], link) {
        (Node::Span(_), Link::Dependency { kind, .. }) if reads_start(kind) => 1 << S,
        (Node::Span(_), Link::Dependency { .. }) => 1 << F,
        _ => ALL,
    }
}

/// Records a conflict when bound `b` lies after the fixed dates.
fn conflict(
    a: &Act,
    i: usize,
    edge: usize,
    b: Bounds,
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
    if b.0 != NONE {
        push(false, s, b.0);
    }
    if b.1 != NONE {
        // A milestone has one day: a bound on its finish is still about that day.
        push(!a.point, e, b.1 - 1);
    }
}
