//! Conflicts and cycles found by scheduling, named in the plan's words, and the diagnostics
//! `check` reports for them.

use super::calendar::date;
use super::cpm::Forward;
use super::graph::{Link, Network};
use super::{DateConflict, FixedDate, Schedule};
use crate::check::{Code, Diagnostic, Part, dependency_cycles, format_cycle};
use crate::model::{EntityKind, Id, Plan};
use crate::said;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::{HashMap, HashSet, VecDeque};

/// The conflicts of the forward pass, by activity and then predecessor.
pub(super) fn conflicts(plan: &Plan, net: &Network, fwd: &Forward) -> Vec<DateConflict> {
    if fwd.conflicts.is_empty() {
        return Vec::new();
    }
    let ids: Vec<&Id> = plan.activities.keys().collect();
    let mut out: Vec<DateConflict> = fwd
        .conflicts
        .iter()
        .filter_map(|c| {
            let e = petgraph::graph::EdgeIndex::new(c.edge);
            let Link::Dependency {
                kind, lag, holder, ..
            } = *net.graph.edge_weight(e)?
            else {
                return None;
            };
            let (src, _) = net.graph.edge_endpoints(e)?;
            Some(DateConflict {
                activity: ids[c.activity].clone(),
                predecessor: ids[net.graph[src].activity()].clone(),
                via: (holder != c.activity).then(|| ids[holder].clone()),
                kind,
                lag,
                date: if c.end {
                    FixedDate::End
                } else {
                    FixedDate::Start
                },
                fixed: date(c.fixed),
                earliest: date(c.earliest),
                days: c.earliest - c.fixed,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.activity, &a.predecessor, a.date as u8).cmp(&(
            &b.activity,
            &b.predecessor,
            b.date as u8,
        ))
    });
    out
}

/// Every cycle that leaves activities without dates: dependency cycles and parent cycles as
/// `check` names them, then cycles that run through a group's span or gate.
pub(super) fn cycles(plan: &Plan, net: &Network) -> Vec<Vec<Id>> {
    if !net.has_cycles() {
        return Vec::new();
    }
    let mut out = dependency_cycles(plan, |a| {
        a.dependencies.iter().map(|d| &d.activity).collect()
    });
    out.extend(dependency_cycles(plan, |a| a.parent.iter().collect()));
    let ids: Vec<&Id> = plan.activities.keys().collect();
    let named: HashSet<&Id> = out.iter().flatten().collect();
    let mut through_groups = Vec::new();
    for scc in net.cyclic_components() {
        if scc
            .iter()
            .any(|n| named.contains(ids[net.graph[*n].activity()]))
        {
            continue;
        }
        let Some(&start) = scc
            .iter()
            .min_by_key(|n| (net.graph[**n].activity(), n.index()))
        else {
            continue;
        };
        let path = waits_for_cycle(net, &scc, start);
        let mut cycle: Vec<Id> = Vec::new();
        for n in path {
            let id = ids[net.graph[n].activity()];
            if cycle.last() != Some(id) {
                cycle.push(id.clone());
            }
        }
        if cycle.len() > 1 && cycle.first() == cycle.last() {
            cycle.pop();
        }
        // Start where a written dependency closes the loop, so the report can point at it.
        let depends_on_next = |k: usize| {
            let next = &cycle[(k + 1) % cycle.len()];
            plan.activities
                .get(&cycle[k])
                .is_some_and(|a| a.dependencies.iter().any(|d| &d.activity == next))
        };
        if let Some(k) = (0..cycle.len()).find(|k| depends_on_next(*k)) {
            cycle.rotate_left(k);
        }
        through_groups.push(cycle);
    }
    through_groups.sort();
    out.extend(through_groups);
    out
}

/// A shortest cycle from `start` back to itself inside one component, following what each
/// node waits for (breadth-first over incoming edges).
fn waits_for_cycle(net: &Network, scc: &[NodeIndex], start: NodeIndex) -> Vec<NodeIndex> {
    let members: HashSet<NodeIndex> = scc.iter().copied().collect();
    let mut came_from: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut end = None;
    'search: while let Some(n) = queue.pop_front() {
        for m in net.graph.neighbors_directed(n, Direction::Incoming) {
            if !members.contains(&m) {
                continue;
            }
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
        path.push(n);
        cur = if n == start {
            None
        } else {
            came_from.get(&n).copied()
        };
    }
    path.reverse();
    path
}

/// Whether every step of `cycle` (`a -> b`: a waits for b) follows `step`.
fn every_step(
    plan: &Plan,
    cycle: &[Id],
    step: impl Fn(&crate::model::Activity, &Id) -> bool,
) -> bool {
    let next = cycle.iter().cycle().skip(1);
    cycle
        .iter()
        .zip(next)
        .all(|(a, b)| plan.activities.get(a).is_some_and(|a| step(a, b)))
}

/// Diagnostics for what scheduling finds and the other checks do not: fixed dates a
/// dependency makes impossible (E030, naming both activities and the days of conflict) and
/// cycles that run through a group (E021).
pub fn conflict_diagnostics(plan: &Plan, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for c in &schedule.conflicts {
        let milestone = plan
            .activities
            .get(&c.activity)
            .is_some_and(|a| a.kind == crate::model::ActivityKind::Milestone);
        let (what, field) = match c.date {
            FixedDate::Start if milestone => (said!("check-conflict-fall"), "start"),
            FixedDate::Start => (said!("check-conflict-start"), "start"),
            FixedDate::End => (said!("check-conflict-end"), "end"),
        };
        let lag = match c.lag {
            0 => Part::Text(String::new()),
            l if l > 0 => said!("check-conflict-lag", days = l).into(),
            l => said!("check-conflict-lead", days = -i64::from(l)).into(),
        };
        let kind = c.kind.code();
        let whose = match &c.via {
            Some(g) => said!("check-conflict-group-dependency", kind = kind, group = g),
            None => said!("check-conflict-own-dependency", kind = kind),
        };
        let message = said!(
            "check-date-conflict",
            activity = &c.activity,
            what = what,
            fixed = c.fixed,
            whose = whose,
            predecessor = &c.predecessor,
            earliest = c.earliest,
            days = c.days,
            lag = lag
        );
        let hint = said!(
            "check-date-conflict-hint",
            days = c.days,
            predecessor = &c.predecessor
        );
        let d = Diagnostic::entity(
            Code::DateConflict,
            EntityKind::Activity,
            &c.activity,
            message,
            hint,
        );
        out.push(match c.via {
            None => d.at_value("activity", c.predecessor.as_str()),
            Some(_) => d.at(field),
        });
    }
    for cycle in &schedule.cycles {
        let depends =
            |a: &crate::model::Activity, b: &Id| a.dependencies.iter().any(|d| &d.activity == b);
        if every_step(plan, cycle, depends)
            || every_step(plan, cycle, |a, b| a.parent.as_ref() == Some(b))
        {
            // `check` reports these already.
            continue;
        }
        let (Some(first), Some(second)) = (cycle.first(), cycle.get(1).or(cycle.first())) else {
            continue;
        };
        let d = Diagnostic::entity(
            Code::Cycle,
            EntityKind::Activity,
            first,
            said!("check-group-cycle", cycle = &format_cycle(cycle)),
            said!("check-group-cycle-hint"),
        );
        let depends_on_next = plan
            .activities
            .get(first)
            .is_some_and(|a| depends(a, second));
        out.push(if depends_on_next {
            d.at_value("activity", second.as_str())
        } else {
            d.at("parent")
        });
    }
    out
}
