//! Laws of the semantic diff and the three-way merge, over random plans and random edits of
//! them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::diff::{
    Choice, Conflict, ConflictKind, MergeResult, Review, Side, apply, diff, merge, render, resolve,
    review,
};
use khutta::model::{Id, Plan, Unit};
use proptest::prelude::*;
use support::{arb, edits};

/// A base plan and two revisions of it.
/// The English messages, in which the expected texts are written.
fn en() -> khutta::i18n::Messages {
    khutta::i18n::Messages::new(khutta::model::Lang::En)
}

fn three() -> impl Strategy<Value = (Plan, Plan, Plan)> {
    (arb::plan(), edits::ops(), edits::ops()).prop_map(|(base, a, b)| {
        let base = edits::edited(&base, &[]);
        let (x, y) = (edits::edited(&base, &a), edits::edited(&base, &b));
        (base, x, y)
    })
}

/// A conflict as seen from the other side: ours and theirs swapped. Which side is kept is
/// left out: the default is ours, whichever that is.
fn swapped(
    c: &Conflict,
) -> (
    ConflictKind,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let s = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    // A rename/rename conflict is about the entity under the kept side's new id: from the
    // other side, that is the id the other side gave it.
    let target = match (
        &c.kind,
        &c.target,
        c.theirs.as_ref().and_then(|v| v.as_str()),
    ) {
        (ConflictKind::RenameRename, Unit::Entity { kind, .. }, Some(theirs)) => {
            Unit::entity(*kind, &Id::new_unchecked(theirs)).to_string()
        }
        _ => c.target.to_string(),
    };
    (
        c.kind,
        target,
        c.path.to_string(),
        s(&c.base),
        s(&c.theirs),
        s(&c.ours),
    )
}

fn plain(
    c: &Conflict,
) -> (
    ConflictKind,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let s = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
    (
        c.kind,
        c.target.to_string(),
        c.path.to_string(),
        s(&c.base),
        s(&c.ours),
        s(&c.theirs),
    )
}

/// Settles every conflict but the semantic ones with `choice`, last first so indices hold.
fn settle(mut r: MergeResult, choice: &Choice) -> Plan {
    for i in (0..r.conflicts.len()).rev() {
        if r.conflicts[i].kind != ConflictKind::Semantic {
            resolve(&mut r, i, choice.clone()).unwrap();
        }
    }
    r.merged
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn diff_of_a_plan_with_itself_is_empty(plan in arb::plan()) {
        let d = diff(&plan, &plan);
        prop_assert!(d.is_empty(), "{}", render::text(&d, &en()));
    }

    #[test]
    fn a_review_of_a_plan_with_itself_is_empty(plan in arb::plan()) {
        // The schedule of the same plan twice moves nothing either.
        let r = Review::new(&plan, &plan);
        prop_assert!(r.is_empty(), "{}", review::text(&r, &en()));
    }

    #[test]
    fn applying_a_diff_gives_the_other_revision((_, a, b) in three()) {
        let d = diff(&a, &b);
        prop_assert_eq!(apply(&a, &d).unwrap(), b.clone());
        let mut via_edit = a.clone();
        d.to_edit(&a).unwrap().apply(&mut via_edit).unwrap();
        prop_assert_eq!(&via_edit, &b);
        // Every renderer takes any diff.
        prop_assert!(render::json(&d).is_ok());
        prop_assert!(!render::text(&d, &en()).is_empty());
        prop_assert!(!render::markdown(&d, &en()).is_empty());
    }

    #[test]
    fn applying_a_diff_between_unrelated_plans(a in arb::plan(), b in arb::plan()) {
        prop_assert_eq!(apply(&a, &diff(&a, &b)).unwrap(), b);
    }

    #[test]
    fn merging_the_same_change_twice_gives_it((base, x, _) in three()) {
        let r = merge(&base, &x, &x);
        prop_assert_eq!(&r.merged, &x);
        prop_assert!(r.conflicts.is_empty(), "{}", render::conflicts(&r.conflicts, &en()));
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other((base, x, _) in three()) {
        let r = merge(&base, &base, &x);
        prop_assert_eq!(&r.merged, &x);
        prop_assert!(r.conflicts.is_empty());
        let r = merge(&base, &x, &base);
        prop_assert_eq!(&r.merged, &x);
        prop_assert!(r.conflicts.is_empty());
    }

    #[test]
    fn merge_is_symmetric((base, a, b) in three()) {
        let ab = merge(&base, &a, &b);
        let ba = merge(&base, &b, &a);
        let fields = |r: &MergeResult, f: fn(&Conflict) -> _| -> Vec<_> {
            r.conflicts.iter().filter(|c| c.kind != ConflictKind::Semantic).map(f).collect()
        };
        prop_assert_eq!(fields(&ab, plain), fields(&ba, swapped));
        if fields(&ab, plain).is_empty() {
            // Without field conflicts both merges are the same plan, so the same checks fail.
            prop_assert_eq!(&ab.merged, &ba.merged);
            let all = |r: &MergeResult, f: fn(&Conflict) -> _| -> Vec<_> { r.conflicts.iter().map(f).collect() };
            prop_assert_eq!(all(&ab, plain), all(&ba, swapped));
        }
        // Settled the same way (a's side), both give the same plan.
        prop_assert_eq!(settle(ab, &Choice::Ours), settle(ba, &Choice::Theirs));
    }

    #[test]
    fn conflicts_keep_a_valid_value((base, a, b) in three()) {
        let r = merge(&base, &a, &b);
        for c in &r.conflicts {
            prop_assert!(c.kept != Side::Base);
        }
        // The merged plan writes and reads back as it is.
        for e in r.merged.activities.values() {
            let text = khutta::store::to_canonical(e).unwrap();
            let back: khutta::model::Activity = khutta::store::from_ron(&text).unwrap();
            prop_assert_eq!(&back, e);
        }
    }
}
