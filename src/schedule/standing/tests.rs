use super::*;
use crate::model::{
    BudgetCategory, BudgetLine, Dependency, FORMAT_VERSION, PlanMeta, Text, Window,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// A group `g` of `a` (10 days), then `b` (10 days), then `c` (5 days), then milestone `m`;
/// and `side` (3 days, outside the group, with slack: it only has to end with the plan).
fn plan() -> Plan {
    let mut plan = Plan::new(PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("p"),
        title: Text::en("P"),
        summary: Text::default(),
        window: Window {
            start: day("2026-01-01"),
            end: day("2026-12-31"),
        },
        currency: Currency::new_unchecked("USD"),
        exchange_rates: vec![],
        calendars: vec![],
        default_calendar: None,
        sdg_goals: vec![],
        sdg_targets: vec![],
        countries: vec![],
        cities: vec![],
    });
    let mut add = |id: &str, days: u32, after: Option<&str>, kind: ActivityKind| {
        let mut a = Activity::new(Id::new_unchecked(id), Text::en(id), days);
        a.kind = kind;
        if kind != ActivityKind::Group && id != "side" {
            a.parent = Some(Id::new_unchecked("g"));
        }
        if let Some(p) = after {
            a.dependencies.push(Dependency {
                activity: Id::new_unchecked(p),
                kind: Default::default(),
                lag: 0,
            });
        }
        a.budget.push(BudgetLine {
            category: BudgetCategory::Travel,
            amount: Amount::ONE,
            currency: Currency::new_unchecked("USD"),
            funding: None,
            note: None,
        });
        plan.activities.insert(a.id.clone(), a);
    };
    add("g", 0, None, ActivityKind::Group);
    add("a", 10, None, ActivityKind::Task);
    add("b", 10, Some("a"), ActivityKind::Task);
    add("c", 5, Some("b"), ActivityKind::Task);
    add("m", 0, Some("c"), ActivityKind::Milestone);
    add("side", 3, None, ActivityKind::Task);
    plan
}

fn set(plan: &mut Plan, id: &str, f: impl FnOnce(&mut Activity)) {
    if let Some(a) = plan.activities.get_mut(id) {
        f(a);
    }
}

fn flag_of(plan: &Plan, s: &Schedule, id: &str, today: &str) -> Option<Flag> {
    let i = plan.activities.keys().position(|k| k.as_str() == id)?;
    flag(&plan.activities[id], &s.entries[i], day(today))
}

#[test]
fn flags_follow_the_status_date() {
    let mut plan = plan();
    set(&mut plan, "a", |a| a.status = Status::Done);
    let s = super::super::schedule(&plan);
    // Before anything should have started, nothing is flagged.
    assert_eq!(flag_of(&plan, &s, "b", "2026-01-01"), None);
    // `b` should have started (a is done) but has not.
    assert_eq!(
        flag_of(&plan, &s, "b", "2026-01-13"),
        Some(Flag::StartedLate)
    );
    // Under way and past its finish: late, since it is critical (no slack).
    set(&mut plan, "b", |b| b.status = Status::InProgress);
    assert_eq!(flag_of(&plan, &s, "b", "2026-02-01"), Some(Flag::Late));
    // `side` has slack: past its planned finish it is at risk, not yet late.
    assert_eq!(flag_of(&plan, &s, "side", "2026-01-10"), Some(Flag::AtRisk));
    // What is done is never flagged.
    assert_eq!(flag_of(&plan, &s, "a", "2026-12-01"), None);
}

#[test]
fn a_group_adds_up_its_children() {
    let mut plan = plan();
    let s = super::super::schedule(&plan);
    let g = Id::new_unchecked("g");
    let r = rollups(&plan, &s, day("2026-01-01"));
    assert_eq!(r[&g].status, Status::Planned);
    assert_eq!(r[&g].progress, 0);
    // Four children and the group's own line: five USD.
    let five = (0..5).fold(Amount::ZERO, |t, _| t.checked_add(Amount::ONE).unwrap_or(t));
    assert_eq!(r[&g].budget[&Currency::new_unchecked("USD")], five);
    // a (10 days) done, b (10 days) half done, c (5) not begun, m weighs one day: 150 of 26.
    set(&mut plan, "a", |a| a.status = Status::Done);
    set(&mut plan, "b", |b| {
        b.status = Status::InProgress;
        b.progress = 50;
    });
    let r = rollups(&plan, &s, day("2026-01-01"));
    assert_eq!(r[&g].status, Status::InProgress);
    assert_eq!(u32::from(r[&g].progress), (1000 + 500) / 26);
    for id in ["b", "c", "m"] {
        set(&mut plan, id, |x| x.status = Status::Done);
    }
    let r = rollups(&plan, &s, day("2026-01-01"));
    assert_eq!(
        r[&g].status,
        Status::Done,
        "every child done: the group is done"
    );
    assert_eq!(r[&g].progress, 100);
    assert_eq!(r[&g].flag, None);
}

#[test]
fn the_critical_path_ahead_leaves_out_what_is_done() {
    let mut plan = plan();
    set(&mut plan, "a", |a| a.status = Status::Done);
    let s = super::super::schedule(&plan);
    let ahead: Vec<&str> = critical_ahead(&plan, &s)
        .iter()
        .map(|i| i.as_str())
        .collect();
    assert_eq!(ahead, ["b", "c", "m"]);
    let next = next_milestones(&plan, &s, day("2026-01-02"));
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].0.as_str(), "m");
}
