//! Critical paths: chains of critical tasks and milestones, each driving the next.
//!
//! An edge *drives* when it sets its target's early dates (the forward pass marks it, with
//! which moment of its source it reads and which of its target it sets). Paths run along
//! driving edges between critical leaves, through group gates and spans only where the moment
//! that comes in is the moment that goes out (a path into a group's finish leaves through a
//! dependency on that finish, not on its start).

use super::cpm::{ALL, Forward};
use super::graph::{Link, Network, Node};
use super::{Entry, MAX_CRITICAL_PATHS};
use crate::model::{Id, Plan};
use petgraph::graph::{EdgeIndex, NodeIndex};

/// Walks the driving edges between critical leaves.
struct Walk<'a> {
    net: &'a Network,
    fwd: &'a Forward,
    critical: Vec<bool>,
}

impl Walk<'_> {
    fn is_critical_leaf(&self, n: NodeIndex) -> bool {
        matches!(self.net.graph[n], Node::Leaf(_)) && self.critical[n.index()]
    }

    fn is_leaf(&self, n: NodeIndex) -> bool {
        matches!(self.net.graph[n], Node::Leaf(_))
    }

    /// The moments an edge carries on when entered with `mask`, or 0 if it does not drive.
    fn carry(&self, e: EdgeIndex, src: NodeIndex, dst: NodeIndex, mask: u8) -> u8 {
        let (reads, feeds) = self.fwd.masks[e.index()];
        if reads & mask == 0 || feeds == 0 {
            return 0;
        }
        let link = self.net.graph[e];
        let passes = match link {
            Link::Enter => matches!(self.net.graph[dst], Node::Gate(_)),
            Link::Exit => matches!(self.net.graph[src], Node::Span(_)),
            _ => false,
        };
        if passes { mask & feeds } else { feeds }
    }
}

/// The critical paths of the schedule, at most [`MAX_CRITICAL_PATHS`], and whether there are
/// more.
pub(super) fn critical_paths(
    plan: &Plan,
    net: &Network,
    fwd: &Forward,
    entries: &[Entry],
) -> (Vec<Vec<Id>>, bool) {
    let critical: Vec<bool> = net
        .graph
        .node_indices()
        .map(|n| match net.graph[n] {
            Node::Leaf(i) => entries[i].dates.is_some_and(|d| d.critical),
            _ => false,
        })
        .collect();
    if !critical.iter().any(|c| *c) {
        return (Vec::new(), false);
    }
    let w = Walk { net, fwd, critical };
    // `ahead[n]`: the moments of pass-through node `n` from which a critical leaf can be
    // reached; `behind[n]`: the moments through which one is reached from a critical leaf.
    let mut ahead = vec![0u8; net.graph.node_count()];
    for &n in net.order.iter().rev() {
        if w.is_leaf(n) {
            continue;
        }
        for bit in [1u8, 2, 4, 8] {
            if leads_on(&w, &ahead, n, bit) {
                ahead[n.index()] |= bit;
            }
        }
    }
    let mut behind = vec![0u8; net.graph.node_count()];
    let mut starts = Vec::new();
    for &n in &net.order {
        let mut fed = 0;
        for (e, src, _) in net.incoming(n) {
            if net.cyclic[src.index()] {
                continue;
            }
            let mask = if w.is_critical_leaf(src) {
                ALL
            } else if w.is_leaf(src) {
                0
            } else {
                behind[src.index()]
            };
            if mask != 0 {
                fed |= w.carry(e, src, n, mask);
            }
        }
        if w.is_leaf(n) {
            if w.is_critical_leaf(n) && fed == 0 {
                starts.push(n);
            }
        } else {
            behind[n.index()] = fed;
        }
    }
    starts.sort_by_key(|n| {
        let i = net.graph[*n].activity();
        (fwd.first[i], i)
    });
    let ids: Vec<&Id> = plan.activities.keys().collect();
    let mut paths = Vec::new();
    let mut truncated = false;
    // Depth-first without recursion: each item is (node, moments entered, path length).
    let mut stack: Vec<(NodeIndex, u8, usize)> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    'starts: for (k, &s) in starts.iter().enumerate() {
        stack.push((s, ALL, 0));
        while let Some((n, mask, depth)) = stack.pop() {
            path.truncate(depth);
            if w.is_leaf(n) {
                path.push(net.graph[n].activity());
            }
            let before = stack.len();
            for (e, dst, _) in net.outgoing(n) {
                if net.cyclic[dst.index()] {
                    continue;
                }
                let next = w.carry(e, n, dst, mask);
                let useful = if w.is_leaf(dst) {
                    w.is_critical_leaf(dst)
                } else {
                    ahead[dst.index()] & next != 0
                };
                if next != 0 && useful {
                    stack.push((dst, next, path.len()));
                }
            }
            if stack.len() == before && w.is_leaf(n) {
                if paths.len() == MAX_CRITICAL_PATHS {
                    truncated = true;
                    break 'starts;
                }
                paths.push(path.iter().map(|i| ids[*i].clone()).collect());
            }
        }
        if paths.len() == MAX_CRITICAL_PATHS && (k + 1 < starts.len()) {
            truncated = true;
            break;
        }
    }
    (paths, truncated)
}

/// Whether pass-through node `n`, entered at moment `bit`, leads on to a critical leaf.
fn leads_on(w: &Walk, ahead: &[u8], n: NodeIndex, bit: u8) -> bool {
    w.net.outgoing(n).any(|(e, dst, _)| {
        if w.net.cyclic[dst.index()] {
            return false;
        }
        let next = w.carry(e, n, dst, bit);
        next != 0
            && if w.is_leaf(dst) {
                w.is_critical_leaf(dst)
            } else {
                ahead[dst.index()] & next != 0
            }
    })
}
