//! The problems a change introduces and the ones it fixes: what `khutta check` finds in the
//! plan on each side, compared by what each problem is about (its code, file, entity and
//! field), never by where it sits in a file, so that a line that merely moves, or a message
//! whose amounts change, is not a new problem.

use super::Renamed;
use crate::check::{self, Anchor, Code, Diagnostic, Subject, Unread};
use crate::model::{EntityKind, Id, Plan};
use crate::schedule::Schedule;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// What `check` reports after a change and not before, and before and not after.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProblemChanges {
    /// Problems of the new revision that the old one did not have, in `check`'s order.
    #[serde(serialize_with = "problems")]
    pub introduced: Vec<Diagnostic>,
    /// Problems of the old revision that the new one no longer has, in `check`'s order.
    #[serde(serialize_with = "problems")]
    pub fixed: Vec<Diagnostic>,
}

impl ProblemChanges {
    /// Whether the change neither introduces nor fixes a problem.
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty() && self.fixed.is_empty()
    }
}

/// A problem for tools: what `check --format json` says, without a line and column, which
/// mean nothing for a plan read from a commit.
#[derive(Serialize)]
struct Shown<'a> {
    code: Code,
    severity: check::Severity,
    path: &'a str,
    subject: &'a Subject,
    message: &'a crate::i18n::Said,
    hint: &'a crate::i18n::Said,
}

fn problems<S: Serializer>(list: &[Diagnostic], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(list.iter().map(|d| Shown {
        code: d.code,
        severity: d.severity,
        path: &d.path,
        subject: &d.subject,
        message: &d.message,
        hint: &d.hint,
    }))
}

/// What `khutta check` finds in `plan` as it stands, given its `schedule`: every rule, and the
/// dates the schedule cannot keep; sorted. This is `workspace::problems` without the problems
/// of reading files, which a plan read from a commit no longer has (a test keeps the two
/// equal).
pub fn problems_of(plan: &Plan, schedule: &Schedule) -> Vec<Diagnostic> {
    let mut found = check::check(plan, &Unread::default());
    found.extend(crate::schedule::conflict_diagnostics(plan, schedule));
    check::sort(&mut found);
    found
}

/// What a problem is about: the same key on both sides is the same problem.
type Key = (Code, String, Subject, Anchor);

fn key(d: &Diagnostic) -> Key {
    (d.code, d.path.clone(), d.subject.clone(), d.anchor.clone())
}

/// The problems `after` has and `before` has not, and the other way round. A problem of the
/// old revision about an entity renamed since is taken as one about its new id.
pub(crate) fn compare(
    before: &[Diagnostic],
    after: &[Diagnostic],
    renamed: &[(EntityKind, &Renamed)],
) -> ProblemChanges {
    let new_id = |kind: EntityKind, id: &Id| {
        renamed
            .iter()
            .find(|(k, r)| *k == kind && &r.from == id)
            .map(|(_, r)| r.to.clone())
    };
    let old_key = |d: &Diagnostic| {
        let mut k = key(d);
        if let Subject::Entity { entity, id } = &mut k.2
            && let Some(to) = new_id(*entity, id)
        {
            k.1 = entity.file_path(&to);
            *id = to;
        }
        k
    };
    // Counts, not sets: the same problem twice is fixed only when both go.
    let mut left: HashMap<Key, usize> = HashMap::new();
    for d in before {
        *left.entry(old_key(d)).or_default() += 1;
    }
    let mut introduced = Vec::new();
    for d in after {
        match left.get_mut(&key(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => introduced.push(d.clone()),
        }
    }
    let mut right: HashMap<Key, usize> = HashMap::new();
    for d in after {
        *right.entry(key(d)).or_default() += 1;
    }
    let mut fixed = Vec::new();
    for d in before {
        match right.get_mut(&old_key(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => fixed.push(d.clone()),
        }
    }
    ProblemChanges { introduced, fixed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::{act, plan};
    use crate::model::Amount;

    fn codes(list: &[Diagnostic]) -> Vec<(&str, &str)> {
        list.iter()
            .map(|d| (d.code.as_str(), d.path.as_str()))
            .collect()
    }

    fn analysed(p: &Plan) -> Vec<Diagnostic> {
        problems_of(p, &crate::schedule::schedule(p))
    }

    #[test]
    fn an_over_allocation_is_introduced_then_fixed() {
        let a = plan();
        let mut b = a.clone();
        act(&mut b, "a").budget[0].amount = Amount::parse("9000").unwrap();
        let (pa, pb) = (analysed(&a), analysed(&b));
        let p = compare(&pa, &pb, &[]);
        assert_eq!(codes(&p.introduced), [("E025", "funding/grant.ron")]);
        assert!(p.fixed.is_empty());
        let back = compare(&pb, &pa, &[]);
        assert_eq!(codes(&back.fixed), [("E025", "funding/grant.ron")]);
        assert!(back.introduced.is_empty());
        // More money drawn is the same problem, not a new one.
        let mut c = b.clone();
        act(&mut c, "b").budget[0].amount = Amount::parse("2000").unwrap();
        assert!(compare(&pb, &analysed(&c), &[]).is_empty());
    }

    #[test]
    fn a_problem_that_moves_in_its_file_is_no_change() {
        let a = plan();
        let mut before = analysed(&a);
        let mut b = a.clone();
        act(&mut b, "a").budget[0].amount = Amount::parse("9000").unwrap();
        before.extend(analysed(&b));
        let mut after = before.clone();
        for d in &mut after {
            d.line += 3;
        }
        assert!(compare(&before, &after, &[]).is_empty());
    }

    /// The same problems as `khutta check` finds through the workspace, for a plan with both
    /// a rule's problem and the schedule's.
    #[test]
    fn the_same_problems_as_the_workspace_finds() {
        let mut p = plan();
        act(&mut p, "a").budget[0].amount = Amount::parse("9000").unwrap();
        act(&mut p, "c").progress = 50;
        let (mut ours, schedule) = crate::workspace::check_and_schedule(&p, &Unread::default());
        check::sort(&mut ours);
        assert_eq!(problems_of(&p, &schedule), ours);
        assert!(!ours.is_empty());
    }
}
