//! Unit tests of the diff and merge core; the case folders under `tests/cases/` cover whole
//! plans.

use super::*;
use crate::model::{
    Activity, Amount, BudgetCategory, BudgetLine, Currency, Dependency, FundingSource,
    FundingStatus, OrganisationType, Partner, Text,
};

/// The English messages, in which the expected texts are written.
pub(crate) fn en() -> crate::i18n::Messages {
    crate::i18n::Messages::new(crate::model::Lang::En)
}

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

fn dep(to: &str, lag: i32) -> Dependency {
    Dependency {
        activity: id(to),
        kind: Default::default(),
        lag,
    }
}

fn line(amount: &str, funding: Option<&str>) -> BudgetLine {
    BudgetLine {
        category: BudgetCategory::Meetings,
        amount: Amount::parse(amount).unwrap(),
        currency: Currency::new_unchecked("USD"),
        funding: funding.map(id),
        note: None,
    }
}

/// Three activities in a chain, a lead partner and a grant.
pub(crate) fn plan() -> Plan {
    let mut p = crate::check::tests_support::empty_plan();
    p.partners.insert(
        id("escwa"),
        Partner {
            id: id("escwa"),
            name: Text::en("ESCWA"),
            acronym: None,
            kind: OrganisationType::Multilateral,
            roles: vec![],
            country: None,
            website: None,
            iati_ref: None,
            contact: None,
        },
    );
    p.funding.insert(
        id("grant"),
        FundingSource {
            id: id("grant"),
            funder: id("escwa"),
            title: Text::en("Grant"),
            amount: Amount::parse("10000").unwrap(),
            currency: Currency::new_unchecked("USD"),
            status: FundingStatus::Committed,
            available: None,
            earmarked: vec![],
            conditions: Text::default(),
        },
    );
    for (name, deps) in [("a", vec![]), ("b", vec!["a"]), ("c", vec!["b"])] {
        let mut act = Activity::new(id(name), Text::new("نشاط", name), 2);
        act.lead = Some(id("escwa"));
        act.dependencies = deps.into_iter().map(|d| dep(d, 0)).collect();
        act.budget = vec![line("1000", Some("grant"))];
        act.tags = vec!["x".into()];
        p.activities.insert(act.id.clone(), act);
    }
    p
}

pub(crate) fn act<'p>(p: &'p mut Plan, name: &str) -> &'p mut Activity {
    p.activities.get_mut(name).unwrap()
}

fn paths(changes: &[FieldChange]) -> Vec<String> {
    changes.iter().map(|c| c.path.to_string()).collect()
}

#[test]
fn nothing_changed_is_empty() {
    let p = plan();
    let d = diff(&p, &p);
    assert!(d.is_empty());
    assert_eq!(render::text(&d, &en()), "no changes\n");
}

#[test]
fn field_changes_and_apply() {
    let a = plan();
    let mut b = a.clone();
    act(&mut b, "b").title.en = Some("Bee".into());
    act(&mut b, "b").dependencies[0].lag = 2;
    act(&mut b, "c").budget.push(line("500", None));
    act(&mut b, "c").tags.push("y".into());
    b.meta.title.ar = Some("خطة".into());
    let d = diff(&a, &b);
    assert_eq!(paths(&d.plan), ["title.ar"]);
    let acts = d.kind(EntityKind::Activity).unwrap();
    assert_eq!(acts.changed.len(), 2);
    assert_eq!(
        paths(&acts.changed[0].changes),
        ["title.en", "dependencies[a].lag"]
    );
    // A budget line is named by its category and funding source, not by its position.
    assert_eq!(
        paths(&acts.changed[1].changes),
        ["budget[meetings]", "tags[]"]
    );
    assert_eq!(apply(&a, &d).unwrap(), b);
    let mut via_edit = a.clone();
    d.to_edit(&a).unwrap().apply(&mut via_edit).unwrap();
    assert_eq!(via_edit, b);
    // A diff applies only to the revision it was taken from.
    assert!(matches!(apply(&b, &d), Err(ApplyError::Stale { .. })));
}

/// Lines that share a category and a source are told apart by their place among them; a
/// line that moves to another source is named by where it is now, and applies back.
#[test]
fn budget_lines_are_named_by_category_and_source() {
    let mut a = plan();
    act(&mut a, "a").budget.push(line("2000", Some("grant")));
    let mut b = a.clone();
    act(&mut b, "a").budget[1].amount = Amount::parse("2500").unwrap();
    act(&mut b, "b").budget[0].funding = None;
    let d = diff(&a, &b);
    let acts = d.kind(EntityKind::Activity).unwrap();
    assert_eq!(
        paths(&acts.changed[0].changes),
        ["budget[meetings · grant #2].amount"]
    );
    assert_eq!(
        paths(&acts.changed[1].changes),
        ["budget[meetings].funding"]
    );
    assert_eq!(apply(&a, &d).unwrap(), b);
}

#[test]
fn rename_moves_references() {
    let a = plan();
    let edit = crate::edit::Edit::rename(&a, EntityKind::Activity, &id("a"), "launch").unwrap();
    let mut b = a.clone();
    edit.apply(&mut b).unwrap();
    act(&mut b, "launch").progress = 0;
    act(&mut b, "launch").title.en = Some("Launch".into());
    let d = diff(&a, &b);
    let acts = d.kind(EntityKind::Activity).unwrap();
    assert_eq!(acts.renamed.len(), 1);
    assert!(acts.added.is_empty() && acts.removed.is_empty());
    assert_eq!(
        acts.renamed[0].references,
        vec![EntityRef {
            kind: EntityKind::Activity,
            id: id("b")
        }]
    );
    assert_eq!(paths(&acts.renamed[0].changes), ["title.en"]);
    // `b`'s dependency moved with the rename and is not reported again.
    assert!(acts.changed.is_empty());
    assert_eq!(apply(&a, &d).unwrap(), b);
}

#[test]
fn removal_with_references_left_is_not_a_rename() {
    let a = plan();
    let mut b = a.clone();
    let mut moved = b.activities.remove("a").unwrap();
    moved.id = id("launch");
    b.activities.insert(moved.id.clone(), moved);
    let d = diff(&a, &b);
    let acts = d.kind(EntityKind::Activity).unwrap();
    assert!(acts.renamed.is_empty());
    assert_eq!((acts.added.len(), acts.removed.len()), (1, 1));
    assert_eq!(apply(&a, &d).unwrap(), b);
}

#[test]
fn merge_of_different_fields_and_dependencies() {
    let base = plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "c").title.en = Some("Sea".into());
    act(&mut theirs, "c").progress = 10;
    act(&mut ours, "c").dependencies.push(dep("a", 1));
    act(&mut theirs, "c").tags.push("z".into());
    let r = merge(&base, &ours, &theirs);
    assert_eq!(r.conflicts, vec![]);
    let c = &r.merged.activities["c"];
    assert_eq!(c.title.en.as_deref(), Some("Sea"));
    assert_eq!(c.progress, 10);
    assert_eq!(c.dependencies.len(), 2);
    assert_eq!(c.tags, ["x", "z"]);
}

#[test]
fn conflicts_keep_ours_and_resolve() {
    let base = plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "b").dependencies[0].lag = 1;
    act(&mut theirs, "b").dependencies[0].lag = 3;
    theirs.activities.remove("c");
    act(&mut ours, "c").progress = 50;
    let mut r = merge(&base, &ours, &theirs);
    let kinds: Vec<_> = r
        .conflicts
        .iter()
        .map(|c| (c.kind, c.path.to_string()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ConflictKind::Field, "dependencies[a].lag".to_owned()),
            (ConflictKind::DeleteModify, String::new()),
        ]
    );
    assert_eq!(r.merged.activities["b"].dependencies[0].lag, 1);
    assert!(r.merged.activities.contains_key("c"));
    resolve(&mut r, 0, Choice::Theirs).unwrap();
    assert_eq!(r.merged.activities["b"].dependencies[0].lag, 3);
    resolve(&mut r, 0, Choice::Theirs).unwrap();
    assert!(!r.merged.activities.contains_key("c"));
    assert!(r.conflicts.is_empty());
    assert_eq!(
        resolve(&mut r, 0, Choice::Ours),
        Err(ResolveError::NoSuchConflict(0))
    );
}

#[test]
fn a_cycle_made_by_two_sides_is_semantic() {
    let mut base = plan();
    for name in ["a", "b", "c"] {
        act(&mut base, name).dependencies.clear();
    }
    // Each side adds one dependency; only together do they loop.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "a").dependencies.push(dep("b", 0));
    act(&mut theirs, "b").dependencies.push(dep("a", 0));
    let r = merge(&base, &ours, &theirs);
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    let c = &r.conflicts[0];
    assert_eq!((c.kind, c.kept), (ConflictKind::Semantic, Side::Merged));
    assert_eq!(c.problem.as_ref().map(|p| p.code.as_str()), Some("E021"));
    // A loop that one side already had is not blamed on the merge.
    act(&mut ours, "b").dependencies.push(dep("a", 0));
    let mut theirs = base.clone();
    act(&mut theirs, "c").tags.push("t".into());
    let r = merge(&base, &ours, &theirs);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
}

#[test]
fn budget_lines_merge_by_position() {
    let base = plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "a").budget[0].note = Some("venue".into());
    act(&mut theirs, "a").budget[0].amount = Amount::parse("1200").unwrap();
    act(&mut ours, "b").budget.push(line("1", None));
    act(&mut theirs, "b").budget.push(line("2", None));
    let r = merge(&base, &ours, &theirs);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    let a = &r.merged.activities["a"].budget[0];
    assert_eq!(
        (a.note.as_deref(), a.amount.to_string()),
        (Some("venue"), "1200".to_owned())
    );
    assert_eq!(r.merged.activities["b"].budget.len(), 3);
    let swapped = merge(&base, &theirs, &ours);
    assert_eq!(swapped.merged, r.merged);
}

#[test]
fn values_read_as_ron() {
    let v = serde_json::json!({"Fixed": {"start": "2026-01-01", "end": "2026-01-02"}});
    assert_eq!(
        render::value(&v),
        r#"Fixed(start: "2026-01-01", end: "2026-01-02")"#
    );
    assert_eq!(
        render::value(&serde_json::json!("a\"\u{1b}")),
        r#""a\"\u{1b}""#
    );
}

#[test]
fn a_rename_on_one_side_carries_the_edits_of_the_other() {
    let base = plan();
    let mut ours = base.clone();
    crate::edit::Edit::rename(&ours, EntityKind::Partner, &id("escwa"), "un-escwa")
        .unwrap()
        .apply(&mut ours)
        .unwrap();
    let mut theirs = base.clone();
    theirs.partners.get_mut("escwa").unwrap().acronym = Some("ESCWA".into());
    let mut d = Activity::new(id("d"), Text::en("d"), 1);
    d.lead = Some(id("escwa"));
    theirs.activities.insert(id("d"), d);
    for r in [merge(&base, &ours, &theirs), merge(&base, &theirs, &ours)] {
        assert!(
            r.conflicts.is_empty(),
            "{}",
            render::conflicts(&r.conflicts, &en())
        );
        assert!(!r.merged.partners.contains_key("escwa"));
        assert_eq!(
            r.merged.partners["un-escwa"].acronym.as_deref(),
            Some("ESCWA")
        );
        assert_eq!(r.merged.activities["d"].lead, Some(id("un-escwa")));
        assert_eq!(r.merged.funding["grant"].funder, id("un-escwa"));
    }
}

#[test]
fn hostile_ids_and_text_are_escaped() {
    let a = plan();
    let mut b = a.clone();
    let mut evil = Activity::new(id("x\u{1b}[2J"), Text::en("t\u{202e}xt"), 1);
    evil.tags = vec!["\u{1b}]0;owned\u{7}".into()];
    b.activities.insert(evil.id.clone(), evil);
    act(&mut b, "a").title.en = Some("\u{1b}[31mred".into());
    let d = diff(&a, &b);
    for out in [render::text(&d, &en()), render::markdown(&d, &en())] {
        assert!(!out.chars().any(crate::text::is_dangerous), "{out}");
        assert!(out.contains("\\u{1b}"), "{out}");
    }
}

#[test]
fn resolving_with_a_value_of_ones_own() {
    let base = plan();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "a").progress = 10;
    act(&mut theirs, "a").progress = 20;
    let mut r = merge(&base, &ours, &theirs);
    assert_eq!(r.conflicts.len(), 1);
    let err = resolve(&mut r, 0, Choice::Value(serde_json::json!("lots")));
    assert!(matches!(err, Err(ResolveError::Invalid { .. })), "{err:?}");
    assert_eq!(r.merged.activities["a"].progress, 10);
    assert_eq!(r.conflicts.len(), 1);
    resolve(&mut r, 0, Choice::Value(serde_json::json!(15))).unwrap();
    assert_eq!(r.merged.activities["a"].progress, 15);
}

#[test]
fn a_semantic_conflict_is_settled_by_choosing_a_version() {
    let mut base = plan();
    for name in ["a", "b", "c"] {
        act(&mut base, name).dependencies.clear();
    }
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    act(&mut ours, "a").dependencies.push(dep("b", 0));
    act(&mut theirs, "b").dependencies.push(dep("a", 0));
    let mut r = merge(&base, &ours, &theirs);
    let c = &r.conflicts[0];
    assert_eq!(
        c.target,
        Target::Entity {
            kind: EntityKind::Activity,
            id: id("a")
        }
    );
    // Their `a` does not wait for `b`: taking it breaks the loop.
    resolve(&mut r, 0, Choice::Theirs).unwrap();
    assert!(semantic_conflicts(&base, &ours, &theirs, &r.merged).is_empty());
}
