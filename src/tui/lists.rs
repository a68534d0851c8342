//! What the list screens show: the activity tree with its sort and filters, and the flat
//! lists of partners, beneficiary groups and funding sources.

use crate::model::{Activity, ActivityKind, CountryCode, Id, Lang, Plan, Status};
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

    /// Whether `a` passes, for the outline's property test.
    #[cfg(test)]
    pub(crate) fn matches_for_tests(&self, a: &Activity) -> bool {
        self.matches(a)
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
    /// A sortable start (days since some origin) and total slack of the activity at
    /// position `i` of the plan's id order, when scheduled.
    fn start_and_slack(&self, i: usize) -> (Option<i64>, Option<i64>);

    /// The position of each activity's parent, when the timeline keeps them.
    fn parents(&self) -> Option<&[Option<usize>]> {
        None
    }
}

impl TreeView {
    /// The rows shown, in tree order: children under their group, siblings sorted, filtered
    /// activities kept with their ancestors so that the tree still reads.
    pub fn rows(&self, plan: &Plan, lang: Lang, timeline: &dyn Timeline) -> Vec<TreeRow> {
        // Laid out again after every edit, so by position: each parent looked up once (the
        // document keeps them), children and marks in vectors, no id hashed.
        let acts: Vec<&Activity> = plan.activities.values().collect();
        let n = acts.len();
        // A parent that does not exist (reported by check) is treated as the top level, and
        // so is a parent cycle, so that every activity stays reachable.
        let parent: Vec<Option<usize>> = timeline
            .parents()
            .filter(|p| p.len() == n)
            .map_or_else(|| crate::schedule::standing::parents(&acts), <[_]>::to_vec)
            .into_iter()
            .enumerate()
            .map(|(i, p)| p.filter(|p| *p != i))
            .collect();
        let mut roots: Vec<usize> = Vec::new();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, p) in parent.iter().enumerate() {
            match p {
                Some(p) => children[*p].push(i),
                None => roots.push(i),
            }
        }
        let shown: Option<Vec<bool>> = (!self.filter.is_empty()).then(|| {
            let mut keep = vec![false; n];
            for (i, a) in acts.iter().enumerate() {
                if !self.filter.matches(a) {
                    continue;
                }
                let mut cur = Some(i);
                while let Some(x) = cur {
                    if std::mem::replace(&mut keep[x], true) {
                        break;
                    }
                    cur = parent[x];
                }
            }
            keep
        });
        // Siblings are gathered in id order, so a stable sort keeps ids as the last key.
        self.sort_siblings(&acts, &mut roots, lang, timeline);
        for list in children.iter_mut().filter(|l| l.len() > 1) {
            self.sort_siblings(&acts, list, lang, timeline);
        }
        let mut out = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<(usize, u16)> = roots.iter().rev().map(|i| (*i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) || shown.as_ref().is_some_and(|s| !s[i]) {
                continue;
            }
            let a = acts[i];
            let kids = &children[i];
            let collapsed = self.collapsed.contains(&a.id);
            out.push(TreeRow {
                id: a.id.clone(),
                depth,
                has_children: !kids.is_empty(),
                collapsed,
            });
            if !collapsed {
                stack.extend(kids.iter().rev().map(|k| (*k, depth + 1)));
            }
        }
        // Members of a parent cycle are reachable from no root; list them at the top level.
        if seen.iter().filter(|s| **s).count() < n {
            let mut reachable = vec![false; n];
            let mut todo: Vec<usize> = roots.clone();
            while let Some(i) = todo.pop() {
                if !std::mem::replace(&mut reachable[i], true) {
                    todo.extend(children[i].iter().copied());
                }
            }
            for (i, a) in acts.iter().enumerate() {
                if !reachable[i] && shown.as_ref().is_none_or(|s| s[i]) {
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

    /// Sorts `list` (positions in `acts`, in id order) by the sort column; ties stay in id
    /// order.
    fn sort_siblings(&self, acts: &[&Activity], list: &mut [usize], lang: Lang, tl: &dyn Timeline) {
        let act = |i: &usize| acts[*i];
        match self.sort {
            SortKey::Id => {}
            SortKey::Title => list.sort_by_cached_key(|i| act(i).title.show(lang).to_lowercase()),
            SortKey::Status => {
                list.sort_by_key(|i| Status::ALL.iter().position(|s| *s == act(i).status))
            }
            SortKey::Lead => list.sort_by(|a, b| act(a).lead.cmp(&act(b).lead)),
            SortKey::Start => list.sort_by_cached_key(|i| {
                (
                    tl.start_and_slack(*i).0.unwrap_or(i64::MAX),
                    group_last(act(i)),
                )
            }),
            SortKey::Slack => {
                list.sort_by_cached_key(|i| tl.start_and_slack(*i).1.unwrap_or(i64::MAX))
            }
        }
    }
}

/// Groups after tasks that start the same day, so that a phase reads before its neighbours' work.
fn group_last(a: &Activity) -> bool {
    a.kind != ActivityKind::Group
}

impl Timeline for crate::document::Document {
    fn start_and_slack(&self, i: usize) -> (Option<i64>, Option<i64>) {
        use chrono::Datelike;
        let entries = &self.schedule.entries;
        let dates = entries
            .get(i)
            .filter(|_| entries.len() == self.plan.activities.len())
            .and_then(|e| e.dates);
        match dates {
            Some(d) => (
                Some(i64::from(d.early_start.num_days_from_ce())),
                Some(d.total_slack),
            ),
            None => (None, None),
        }
    }

    fn parents(&self) -> Option<&[Option<usize>]> {
        Some(&self.parents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, Timing};

    struct NoDates;
    impl Timeline for NoDates {
        fn start_and_slack(&self, _: usize) -> (Option<i64>, Option<i64>) {
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
