//! Dependency and parent cycles, found with petgraph and named in full.

use super::{ActivityIndex, Code, Diagnostic};
use crate::model::{EntityKind, Id, Plan};
use crate::said;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub(super) fn check(plan: &Plan, index: &ActivityIndex, out: &mut Vec<Diagnostic>) {
    for cycle in cycles_in(plan, index, |a| {
        a.dependencies.iter().map(|d| &d.activity).collect()
    }) {
        let first = &cycle[0];
        let next = cycle.get(1).unwrap_or(first);
        out.push(
            Diagnostic::entity(
                Code::Cycle,
                EntityKind::Activity,
                first,
                said!("check-dependency-cycle", cycle = &format_cycle(&cycle)),
                said!("check-dependency-cycle-hint"),
            )
            .at_value("activity", next.as_str()),
        );
    }
    for cycle in cycles_in(plan, index, |a| a.parent.iter().collect()) {
        out.push(
            Diagnostic::entity(
                Code::Cycle,
                EntityKind::Activity,
                &cycle[0],
                said!("check-parent-cycle", cycle = &format_cycle(&cycle)),
                said!("check-parent-cycle-hint"),
            )
            .at("parent"),
        );
    }
}

/// Writes a cycle as `a -> b -> c -> a`.
pub fn format_cycle(cycle: &[Id]) -> String {
    let mut parts: Vec<&str> = cycle.iter().map(Id::as_str).collect();
    if let Some(first) = cycle.first() {
        parts.push(first.as_str());
    }
    parts.join(" -> ")
}

/// Every cycle among activities along the edges `edges` gives (activity -> what it points to),
/// one per strongly connected component, each starting at its smallest id. Linear in the size
/// of the graph; edges to missing activities are ignored (they are reported as dangling).
pub fn dependency_cycles<'p>(
    plan: &'p Plan,
    edges: impl Fn(&'p crate::model::Activity) -> Vec<&'p Id>,
) -> Vec<Vec<Id>> {
    cycles_in(plan, &ActivityIndex::new(plan), edges)
}

fn cycles_in<'p>(
    plan: &'p Plan,
    index: &ActivityIndex<'p>,
    edges: impl Fn(&'p crate::model::Activity) -> Vec<&'p Id>,
) -> Vec<Vec<Id>> {
    let mut graph: DiGraph<&Id, ()> = DiGraph::with_capacity(index.len(), index.len());
    for i in 0..index.len() {
        graph.add_node(index.id(i as u32));
    }
    // Node `i` is the activity at position `i`: the plan's order, as the index counts it.
    for (from, a) in plan.activities.values().enumerate() {
        for to in edges(a) {
            if let Some(to) = index.get(to.as_str()) {
                graph.add_edge(NodeIndex::new(from), NodeIndex::new(to as usize), ());
            }
        }
    }
    let mut cycles = Vec::new();
    for scc in tarjan_scc(&graph) {
        let self_loop = scc.len() == 1 && graph.contains_edge(scc[0], scc[0]);
        if scc.len() < 2 && !self_loop {
            continue;
        }
        let Some(&start) = scc.iter().min_by_key(|n| graph[**n]) else {
            continue;
        };
        cycles.push(cycle_through(&graph, &scc, start));
    }
    cycles.sort();
    cycles
}

/// A shortest cycle from `start` back to itself inside one strongly connected component
/// (breadth-first, so that the reported path is as short as it can be).
fn cycle_through(graph: &DiGraph<&Id, ()>, scc: &[NodeIndex], start: NodeIndex) -> Vec<Id> {
    let members: HashSet<NodeIndex> = scc.iter().copied().collect();
    let mut came_from: HashMap<NodeIndex, NodeIndex> = HashMap::default();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut end = None;
    'search: while let Some(n) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = graph.neighbors(n).filter(|m| members.contains(m)).collect();
        next.sort_by_key(|m| graph[*m]);
        for m in next {
            if m == start {
                end = Some(n);
                break 'search;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = came_from.entry(m) {
                e.insert(n);
                queue.push_back(m);
            }
        }
    }
    let mut path = Vec::new();
    let mut cur = end;
    while let Some(n) = cur {
        path.push(graph[n].clone());
        cur = if n == start {
            None
        } else {
            came_from.get(&n).copied()
        };
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Dependency, Text};

    fn plan_with(edges: &[(&str, &str)]) -> Plan {
        let mut plan = crate::check::values::tests::empty_plan();
        for (a, b) in edges {
            for id in [a, b] {
                plan.activities
                    .entry(Id::new_unchecked(*id))
                    .or_insert_with(|| Activity::new(Id::new_unchecked(*id), Text::en(id), 1));
            }
            if let Some(act) = plan.activities.get_mut(*a) {
                act.dependencies.push(Dependency {
                    activity: Id::new_unchecked(*b),
                    kind: Default::default(),
                    lag: 0,
                });
            }
        }
        plan
    }

    #[test]
    fn three_cycle_named_from_smallest_id() {
        let plan = plan_with(&[("b", "c"), ("c", "a"), ("a", "b"), ("d", "a")]);
        let cycles = dependency_cycles(&plan, |a| {
            a.dependencies.iter().map(|d| &d.activity).collect()
        });
        assert_eq!(cycles.len(), 1);
        assert_eq!(format_cycle(&cycles[0]), "a -> b -> c -> a");
    }

    #[test]
    fn self_loop_and_acyclic() {
        let plan = plan_with(&[("a", "a"), ("b", "c")]);
        let cycles = dependency_cycles(&plan, |a| {
            a.dependencies.iter().map(|d| &d.activity).collect()
        });
        assert_eq!(
            cycles.iter().map(|c| format_cycle(c)).collect::<Vec<_>>(),
            ["a -> a"]
        );
    }
}
