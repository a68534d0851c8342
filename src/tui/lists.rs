//! What the list screens show: the activity tree with its sort and filters, and the flat
//! lists of partners, beneficiary groups and funding sources.

use crate::model::{Activity, ActivityKind, CountryCode, Id, Lang, Plan, Status};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashSet;

/// A cursor and a scroll position over a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The selected row.
    pub row: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        self.row = self
            .row
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }

    /// Keeps the selected row visible in a window of `height` rows, and returns the offset.
    pub(crate) fn scrolled(&self, height: usize) -> usize {
        let h = height.max(1);
        if self.row < self.offset {
            self.row
        } else if self.row >= self.offset + h {
            self.row + 1 - h
        } else {
            self.offset
        }
    }
}

/// The column the activity tree is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Start date (then id).
    #[default]
    Start,
    /// Id.
    Id,
    /// Title in the shown language.
    Title,
    /// Status.
    Status,
    /// Lead partner.
    Lead,
    /// Total slack.
    Slack,
}

impl SortKey {
    /// The next column, for the sort key.
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Start => SortKey::Id,
            SortKey::Id => SortKey::Title,
            SortKey::Title => SortKey::Status,
            SortKey::Status => SortKey::Lead,
            SortKey::Lead => SortKey::Slack,
            SortKey::Slack => SortKey::Start,
        }
    }

    /// The column's name.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Start => "start",
            SortKey::Id => "id",
            SortKey::Title => "title",
            SortKey::Status => "status",
            SortKey::Lead => "lead",
            SortKey::Slack => "slack",
        }
    }
}

/// Which activities are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Text found in the id or either title (case-insensitive).
    pub text: String,
    /// Only this status.
    pub status: Option<Status>,
    /// Only activities this partner leads or takes part in.
    pub partner: Option<Id>,
    /// Only activities in this country.
    pub country: Option<CountryCode>,
}

impl Filter {
    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
            && self.status.is_none()
            && self.partner.is_none()
            && self.country.is_none()
    }

    fn matches(&self, a: &Activity) -> bool {
        let text_ok = self.text.is_empty() || {
            let needle = crate::text::search::fold(&self.text);
            crate::text::search::holds(a.id.as_str(), &needle)
                || [Lang::Ar, Lang::En].iter().any(|l| {
                    a.title
                        .get(*l)
                        .is_some_and(|t| crate::text::search::holds(t, &needle))
                })
        };
        text_ok
            && self.status.is_none_or(|s| a.status == s)
            && self.partner.as_ref().is_none_or(|p| {
                a.lead.as_ref() == Some(p) || a.partners.iter().any(|x| &x.partner == p)
            })
            && self
                .country
                .as_ref()
                .is_none_or(|c| a.location.as_ref().is_some_and(|l| &l.country == c))
    }
}

/// One row of the activity tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    /// The activity.
    pub id: Id,
    /// How deep it is in the group tree.
    pub depth: u16,
    /// Whether it is a group with children.
    pub has_children: bool,
    /// Whether those children are hidden.
    pub collapsed: bool,
}

/// The activity tree's sort, filter and folded groups.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeView {
    /// Groups whose children are hidden.
    pub collapsed: HashSet<Id>,
    /// The sort column.
    pub sort: SortKey,
    /// The filter.
    pub filter: Filter,
}

/// What sorting needs to know about an activity beyond the plan (its computed dates).
pub trait Timeline {
    /// A sortable start (days since some origin) and total slack, when scheduled.
    fn start_and_slack(&self, id: &Id) -> (Option<i64>, Option<i64>);
}

impl TreeView {
    /// The rows shown, in tree order: children under their group, siblings sorted, filtered
    /// activities kept with their ancestors so that the tree still reads.
    pub fn rows(&self, plan: &Plan, lang: Lang, timeline: &dyn Timeline) -> Vec<TreeRow> {
        // Hashed with FxHash: a 100,000-activity outline is laid out again after every edit.
        let mut children: FxHashMap<Option<&Id>, Vec<&Activity>> = FxHashMap::default();
        for a in plan.activities.values() {
            // A parent that does not exist (reported by check) is treated as the top level,
            // and so is a parent cycle, so that every activity stays reachable.
            let parent = a
                .parent
                .as_ref()
                .filter(|p| plan.activities.contains_key(*p) && *p != &a.id);
            children.entry(parent).or_default().push(a);
        }
        let shown: Option<FxHashSet<&Id>> = (!self.filter.is_empty()).then(|| {
            let mut keep = FxHashSet::default();
            for a in plan.activities.values().filter(|a| self.filter.matches(a)) {
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
        for list in children.values_mut() {
            self.sort_siblings(list, lang, timeline);
        }
        let mut out = Vec::with_capacity(plan.activities.len());
        let mut seen = FxHashSet::default();
        let mut stack: Vec<(&Activity, u16)> = children
            .get(&None)
            .map_or(Vec::new(), |v| v.iter().rev().map(|a| (*a, 0)).collect());
        while let Some((a, depth)) = stack.pop() {
            if !seen.insert(&a.id) || shown.as_ref().is_some_and(|s| !s.contains(&a.id)) {
                continue;
            }
            let kids = children.get(&Some(&a.id));
            let collapsed = self.collapsed.contains(&a.id);
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
        // Members of a parent cycle are reachable from no root; list them at the top level.
        if seen.len() < plan.activities.len() {
            let mut reachable: FxHashSet<&Id> = FxHashSet::default();
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

    fn sort_siblings(&self, list: &mut [&Activity], lang: Lang, timeline: &dyn Timeline) {
        match self.sort {
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
                    timeline.start_and_slack(&a.id).0.unwrap_or(i64::MAX),
                    group_last(a),
                    a.id.clone(),
                )
            }),
            SortKey::Slack => list.sort_by_cached_key(|a| {
                (
                    timeline.start_and_slack(&a.id).1.unwrap_or(i64::MAX),
                    a.id.clone(),
                )
            }),
        }
    }
}

/// Groups after tasks that start the same day, so that a phase reads before its neighbours' work.
fn group_last(a: &Activity) -> bool {
    a.kind != ActivityKind::Group
}

impl Timeline for crate::document::Document {
    fn start_and_slack(&self, id: &Id) -> (Option<i64>, Option<i64>) {
        use chrono::Datelike;
        match self.dates(id) {
            Some(d) => (
                Some(i64::from(d.early_start.num_days_from_ce())),
                Some(d.total_slack),
            ),
            None => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, Timing};

    struct NoDates;
    impl Timeline for NoDates {
        fn start_and_slack(&self, _: &Id) -> (Option<i64>, Option<i64>) {
            (None, None)
        }
    }

    fn plan() -> Plan {
        let mut plan = crate::check::tests_support::empty_plan();
        let mut add = |id: &str, parent: Option<&str>, group: bool| {
            let mut a = Activity::new(Id::new_unchecked(id), Text::en(&id.to_uppercase()), 1);
            a.parent = parent.map(Id::new_unchecked);
            if group {
                a.kind = ActivityKind::Group;
                a.timing = Timing::Span;
            }
            plan.activities.insert(a.id.clone(), a);
        };
        add("phase", None, true);
        add("b", Some("phase"), false);
        add("a", Some("phase"), false);
        add("z", None, false);
        add("orphan", Some("missing"), false);
        plan
    }

    fn ids(rows: &[TreeRow]) -> Vec<String> {
        rows.iter()
            .map(|r| format!("{}{}", " ".repeat(r.depth.into()), r.id))
            .collect()
    }

    #[test]
    fn tree_order_collapse_and_filter() {
        let p = plan();
        let mut v = TreeView {
            sort: SortKey::Id,
            ..TreeView::default()
        };
        assert_eq!(
            ids(&v.rows(&p, Lang::En, &NoDates)),
            ["orphan", "phase", " a", " b", "z"]
        );
        v.collapsed.insert(Id::new_unchecked("phase"));
        assert_eq!(
            ids(&v.rows(&p, Lang::En, &NoDates)),
            ["orphan", "phase", "z"]
        );
        v.collapsed.clear();
        v.filter.text = "B".into();
        assert_eq!(ids(&v.rows(&p, Lang::En, &NoDates)), ["phase", " b"]);
    }

    #[test]
    fn a_parent_cycle_still_shows_every_activity() {
        let mut p = plan();
        for (id, parent) in [("c1", "c2"), ("c2", "c1")] {
            let mut a = Activity::new(Id::new_unchecked(id), Text::en(id), 1);
            a.parent = Some(Id::new_unchecked(parent));
            p.activities.insert(a.id.clone(), a);
        }
        let v = TreeView {
            sort: SortKey::Id,
            ..TreeView::default()
        };
        let rows = ids(&v.rows(&p, Lang::En, &NoDates));
        assert_eq!(rows.len(), p.activities.len(), "{rows:?}");
    }

    #[test]
    fn cursor_stays_visible() {
        let c = Cursor { row: 30, offset: 0 };
        assert_eq!(c.scrolled(10), 21);
        let c = Cursor { row: 5, offset: 8 };
        assert_eq!(c.scrolled(10), 5);
    }
}
