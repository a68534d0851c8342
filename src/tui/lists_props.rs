//! The outline laid out by position is the outline laid out by id: random activity trees
//! (dangling parents, parents that are not groups, parent cycles, self-parents), each sort,
//! with and without a filter and folded groups, give the same rows as the plain walk by id
//! that `TreeView::rows` replaced.

use super::lists::{Filter, SortKey, Timeline, TreeRow, TreeView};
use crate::model::{Activity, ActivityKind, Id, Lang, Plan, Status, Text, Timing};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Starts and slack made up from each activity's position.
struct Made(Vec<(Option<i64>, Option<i64>)>);

impl Timeline for Made {
    fn start_and_slack(&self, i: usize) -> (Option<i64>, Option<i64>) {
        self.0.get(i).copied().unwrap_or((None, None))
    }
}

/// The walk by id, as it was.
fn by_id(view: &TreeView, plan: &Plan, lang: Lang, tl: &Made) -> Vec<TreeRow> {
    let pos: HashMap<&Id, usize> = plan
        .activities
        .keys()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect();
    let mut children: BTreeMap<Option<&Id>, Vec<&Activity>> = BTreeMap::new();
    for a in plan.activities.values() {
        let parent = a
            .parent
            .as_ref()
            .filter(|p| plan.activities.contains_key(*p) && *p != &a.id);
        children.entry(parent).or_default().push(a);
    }
    let shown: Option<HashSet<&Id>> = (!view.filter.is_empty()).then(|| {
        let mut keep = HashSet::new();
        for a in plan
            .activities
            .values()
            .filter(|a| view.filter.matches_for_tests(a))
        {
            let mut cur = Some(a);
            while let Some(x) = cur {
                if !keep.insert(&x.id) {
                    break;
                }
                cur = x.parent.as_ref().and_then(|p| plan.activities.get(p));
            }
        }
        keep
    });
    let start = |a: &Activity| tl.start_and_slack(pos[&a.id]);
    for list in children.values_mut() {
        match view.sort {
            SortKey::Id => list.sort_by(|a, b| a.id.cmp(&b.id)),
            SortKey::Title => {
                list.sort_by_cached_key(|a| (a.title.show(lang).to_lowercase(), a.id.clone()))
            }
            SortKey::Status => list.sort_by_key(|a| {
                (
                    Status::ALL.iter().position(|s| *s == a.status),
                    a.id.clone(),
                )
            }),
            SortKey::Lead => list.sort_by(|a, b| (&a.lead, &a.id).cmp(&(&b.lead, &b.id))),
            SortKey::Start => list.sort_by_cached_key(|a| {
                (
                    start(a).0.unwrap_or(i64::MAX),
                    a.kind != ActivityKind::Group,
                    a.id.clone(),
                )
            }),
            SortKey::Slack => {
                list.sort_by_cached_key(|a| (start(a).1.unwrap_or(i64::MAX), a.id.clone()))
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<(&Activity, u16)> = children
        .get(&None)
        .map_or(Vec::new(), |v| v.iter().rev().map(|a| (*a, 0)).collect());
    while let Some((a, depth)) = stack.pop() {
        if !seen.insert(&a.id) || shown.as_ref().is_some_and(|s| !s.contains(&a.id)) {
            continue;
        }
        let kids = children.get(&Some(&a.id));
        let collapsed = view.collapsed.contains(&a.id);
        out.push(TreeRow {
            id: a.id.clone(),
            depth,
            has_children: kids.is_some_and(|k| !k.is_empty()),
            collapsed,
        });
        if let (Some(kids), false) = (kids, collapsed) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
        }
    }
    if seen.len() < plan.activities.len() {
        let mut reachable: HashSet<&Id> = HashSet::new();
        let mut todo: Vec<&Activity> = children.get(&None).cloned().unwrap_or_default();
        while let Some(a) = todo.pop() {
            if reachable.insert(&a.id) {
                todo.extend(children.get(&Some(&a.id)).into_iter().flatten());
            }
        }
        for a in plan.activities.values() {
            if !reachable.contains(&a.id) && shown.as_ref().is_none_or(|s| s.contains(&a.id)) {
                out.push(TreeRow {
                    id: a.id.clone(),
                    depth: 0,
                    has_children: false,
                    collapsed: false,
                });
            }
        }
    }
    out
}

type Spec = (u8, Option<u8>, u8, u8, Option<i64>);

fn plan(specs: &[Spec]) -> Plan {
    let mut plan = crate::check::tests_support::empty_plan();
    let n = specs.len().max(1);
    for (i, (kind, parent, status, title, _)) in specs.iter().enumerate() {
        let id = Id::new_unchecked(format!("a{i:02}"));
        let mut a = Activity::new(id.clone(), Text::en(&format!("t{}", title % 4)), 1);
        if kind % 3 == 0 {
            a.kind = ActivityKind::Group;
            a.timing = Timing::Span;
        }
        // Parents past the end dangle; parents may be the activity itself or make cycles.
        a.parent = parent.map(|p| Id::new_unchecked(format!("a{:02}", usize::from(p) % (n + 2))));
        a.status = Status::ALL[usize::from(*status) % Status::ALL.len()];
        a.lead = (title % 3 == 0).then(|| Id::new_unchecked("lead"));
        plan.activities.insert(id, a);
    }
    plan
}

proptest! {
    #[test]
    fn rows_by_position_are_rows_by_id(
        specs in prop::collection::vec(
            (0u8..6, prop::option::weighted(0.7, 0u8..30), 0u8..5, 0u8..8, prop::option::of(0i64..5)),
            0..30,
        ),
        sort in 0usize..6,
        filter in prop::option::of(0u8..4),
        folded in prop::collection::vec(0usize..30, 0..3),
    ) {
        let plan = plan(&specs);
        let made = Made(specs.iter().map(|s| (s.4, s.4.map(|v| 4 - v))).collect());
        let mut view = TreeView {
            sort: [SortKey::Start, SortKey::Id, SortKey::Title, SortKey::Status, SortKey::Lead, SortKey::Slack][sort],
            filter: Filter { text: filter.map(|t| format!("t{t}")).unwrap_or_default(), ..Filter::default() },
            ..TreeView::default()
        };
        view.collapsed = folded.iter().map(|i| Id::new_unchecked(format!("a{i:02}"))).collect();
        prop_assert_eq!(view.rows(&plan, Lang::En, &made), by_id(&view, &plan, Lang::En, &made));
    }
}
