//! The forward pass at groups: the gate that hands a group's constraints to its children, and
//! the span that covers them.

use super::calendar::Calendars;
use super::cpm::{ALL, Act, FINISH, Forward, INF, NONE, Points, START, bounds_start, reads_start};
use super::forward::source_reads;
use super::graph::{Link, Network, Node};
use petgraph::graph::NodeIndex;

/// Collects the bounds a group's children inherit: its own dependencies and its parent's.
pub(super) fn gate(
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
pub(super) fn span(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    i: usize,
    node: NodeIndex,
    f: &mut Forward,
) {
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
        let bits = (u8::from(c.start == here.start) * START)
            | (u8::from(c.finish == here.finish) * FINISH);
        let reads = match net.graph[src] {
            Node::Leaf(_) => ALL,
            _ => bits,
        };
        f.masks[e.index()] = (reads, bits);
    }
}
