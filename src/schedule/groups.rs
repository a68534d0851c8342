//! The forward pass at groups: the gate that hands a group's constraints to its children, and
//! the span that covers them.

use super::calendar::Calendars;
use super::cpm::{A, ALL, Act, F, Forward, INF, NO_POINTS, NONE, P, Points, S, reads_start};
use super::forward::source_reads;
use super::graph::{Link, Network, Node};
use crate::model::DependencyKind;
use petgraph::graph::NodeIndex;

/// Collects the bounds a group's children inherit: its own dependencies and its parent's.
pub(super) fn gate(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    node: NodeIndex,
    cause: &mut [[u32; 4]],
    f: &mut Forward,
) {
    let cal = cals.get(a.cal);
    let mut g = NO_POINTS;
    let mut why = [u32::MAX; 4];
    let mut values = Vec::new();
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        let from = f.points[src.index()];
        let v: Points = match link {
            Link::Dependency { kind, lag, .. } => {
                let x = if reads_start(kind) { from[S] } else { from[F] };
                let lag = i64::from(lag);
                match kind {
                    DependencyKind::FinishToStart => [
                        cal.start_after(x, lag),
                        NONE,
                        cal.finish_after(x, lag),
                        NONE,
                    ],
                    DependencyKind::StartToStart => {
                        let start = cal.start_after(x, lag);
                        [start, NONE, NONE, start]
                    }
                    _ => [NONE, cal.finish_after(x, lag), NONE, NONE],
                }
            }
            Link::Enter => from,
            Link::Exit | Link::Open => continue,
        };
        let inherited = cause[src.index()];
        for k in 0..4 {
            if v[k] > g[k] {
                g[k] = v[k];
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
        let bits = (0..4)
            .filter(|k| v[*k] != NONE && v[*k] == g[*k])
            .fold(0, |m, k| m | (1u8 << k));
        let reads = match link {
            Link::Enter => bits,
            _ => source_reads(net, src, link),
        };
        f.masks[e.index()] = (reads, bits);
    }
}

/// Places a group over its scheduled children, or like a milestone when it has none.
pub(super) fn span(
    net: &Network,
    cals: &Calendars,
    a: &Act,
    i: usize,
    node: NodeIndex,
    f: &mut Forward,
) {
    let mut here = [INF, NONE, NONE, NONE];
    let (mut first, mut last) = (INF, NONE);
    let mut gate = NO_POINTS;
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] {
            continue;
        }
        match link {
            Link::Exit => {
                let c = f.points[src.index()];
                here[S] = here[S].min(c[S]);
                here[F] = here[F].max(c[F]);
                let child = net.graph[src].activity();
                first = first.min(f.first[child]);
                last = last.max(f.last[child]);
            }
            Link::Open => gate = f.points[src.index()],
            _ => {}
        }
    }
    let cal = cals.get(a.cal);
    if here[F] == NONE {
        let start = gate[A].max(a.earliest);
        let finish = gate[P].max(gate[F]);
        let k = cal.ord(start).max(if finish == NONE {
            i64::MIN
        } else {
            cal.ord(finish - 1)
        });
        let d = cal.nth(k);
        here = [d, d + 1, NONE, NONE];
        (first, last) = (d, d);
    }
    f.ord[i] = cal.ord(first);
    f.first[i] = first;
    f.last[i] = last;
    f.points[node.index()] = here;
    for (e, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] || link != Link::Exit {
            continue;
        }
        let c = f.points[src.index()];
        let bits = (u8::from(c[S] == here[S]) << S) | (u8::from(c[F] == here[F]) << F);
        let reads = match net.graph[src] {
            Node::Leaf(_) => ALL,
            _ => bits,
        };
        f.masks[e.index()] = (reads, bits);
    }
}
