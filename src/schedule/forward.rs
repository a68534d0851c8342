//! The forward pass: each task and milestone as early as what it waits for allows.

use super::calendar::{Calendars, Day, WorkCalendar};
use super::cpm::{
    ALL, Act, FINISH, Forward, NONE, POINT, Points, RawConflict, START, bounds_start, reads_start,
};
use super::graph::{Link, Network, Node};
use super::groups;
use petgraph::graph::NodeIndex;

/// Runs the forward pass over `net` in topological order.
pub(super) fn run(net: &Network, cals: &Calendars, acts: &[Act]) -> Forward {
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
            Node::Gate(i) => groups::gate(net, cals, &acts[i], node, &mut cause, &mut f),
            Node::Span(i) => groups::span(net, cals, &acts[i], i, node, &mut f),
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
fn enter_reads(a: &Act, g: &Points, ord: i64, cal: &WorkCalendar) -> u8 {
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
pub(super) fn source_reads(net: &Network, src: NodeIndex, link: Link) -> u8 {
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
