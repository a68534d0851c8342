use super::*;
use crate::model::{Status, Text};

fn plan() -> Plan {
    let mut plan = crate::check::tests_support::empty_plan();
    for id in ["a", "b"] {
        let act = Activity::new(Id::new_unchecked(id), Text::en(id), 3);
        plan.activities.insert(act.id.clone(), act);
    }
    plan
}

fn form(id: &str) -> FormState {
    FormState::new(Target::Entity(EntityKind::Activity, Id::new_unchecked(id)))
}

fn key_of(f: &FormState, plan: &Plan, name: &str) -> RowKey {
    f.rows(plan)
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.key)
        .expect(name)
}

#[test]
fn edits_a_field_and_refuses_bad_values_with_a_reason() {
    let mut p = plan();
    let f = form("b");
    let title = key_of(&f, &p, "title.ar");
    f.commit(&p, title, "ورشة").unwrap().apply(&mut p).unwrap();
    assert_eq!(p.activities["b"].title.ar.as_deref(), Some("ورشة"));
    let progress = key_of(&f, &p, "progress");
    assert_eq!(
        f.validate(&p, progress, "150").map_err(|e| e.english()),
        Err("150 is out of range: 0 to 100".into())
    );
    let status = key_of(&f, &p, "status");
    f.commit(&p, status, "Done").unwrap().apply(&mut p).unwrap();
    assert_eq!(p.activities["b"].status, Status::Done);
    assert!(f.validate(&p, status, "Finished").is_err());
}

#[test]
fn timing_switch_changes_the_fields_shown() {
    let mut p = plan();
    let f = form("a");
    assert!(f.rows(&p).iter().any(|r| r.name == "days"));
    assert!(!f.rows(&p).iter().any(|r| r.name == "start"));
    let timing = key_of(&f, &p, "timing");
    // With no start of its own, no day is made up; the TUI passes the scheduled dates.
    assert!(f.commit(&p, timing, "Fixed").is_err());
    f.commit(&p, timing, "Fixed 2026-01-05 2026-01-09")
        .unwrap()
        .apply(&mut p)
        .unwrap();
    assert!(f.rows(&p).iter().any(|r| r.name == "start"));
    let start = key_of(&f, &p, "start");
    let err = f.validate(&p, start, "2026-02-30").unwrap_err();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn dependency_list_add_edit_remove() {
    let mut p = plan();
    let mut f = form("b");
    let deps = key_of(&f, &p, "dependencies");
    assert!(f.validate(&p, deps, "b").unwrap_err().contains("itself"));
    f.commit(&p, deps, "a").unwrap().apply(&mut p).unwrap();
    assert_eq!(p.activities["b"].dependencies.len(), 1);
    assert!(f.validate(&p, deps, "a").unwrap_err().contains("already"));
    f.item = Some((0, 0));
    let lag = key_of(&f, &p, "lag");
    f.commit(&p, lag, "-2").unwrap().apply(&mut p).unwrap();
    let kind = key_of(&f, &p, "dependency_kind");
    f.commit(&p, kind, "SS").unwrap().apply(&mut p).unwrap();
    let d = &p.activities["b"].dependencies[0];
    assert_eq!((d.lag, d.kind.code()), (-2, "SS"));
    f.remove_item(&p, 0, 0).unwrap().apply(&mut p).unwrap();
    assert!(p.activities["b"].dependencies.is_empty());
}

#[test]
fn choice_lists_match_the_model() {
    use crate::model::*;
    use value::name_of;
    let names = |v: Vec<String>| v;
    assert_eq!(
        names(Status::ALL.iter().map(name_of).collect()),
        activity::STATUSES
    );
    assert_eq!(
        names(
            DependencyKind::ALL
                .iter()
                .map(|k| k.code().to_owned())
                .collect()
        ),
        activity::DEP_KINDS
    );
    assert_eq!(
        names(OrgRole::ALL.iter().map(name_of).collect()),
        activity::ROLES
    );
    assert_eq!(
        names(BudgetCategory::ALL.iter().map(name_of).collect()),
        activity::CATEGORIES
    );
}

#[test]
fn plan_form_edits_plan_ron() {
    let mut p = plan();
    let f = FormState::new(Target::Plan);
    let start = key_of(&f, &p, "window_start");
    f.commit(&p, start, "2026-02-01")
        .unwrap()
        .apply(&mut p)
        .unwrap();
    assert_eq!(p.meta.window.start.to_string(), "2026-02-01");
    let rates = key_of(&f, &p, "exchange_rates");
    // A rate is never made up: the currency alone is refused.
    assert!(f.commit(&p, rates, "eur").is_err());
    f.commit(&p, rates, "eur 1.08")
        .unwrap()
        .apply(&mut p)
        .unwrap();
    assert_eq!(p.meta.exchange_rates[0].currency.as_str(), "EUR");
    assert_eq!(p.meta.exchange_rates[0].rate.to_string(), "1.08");
}
