//! An edit followed in part is an edit followed in full: after any sequence of edits, undos
//! and redos, what the document says of its plan (every problem, every date, slack and
//! critical path) is what opening that plan afresh says. Most of the edits are narrow (a
//! field of one activity or funding source), which the document follows by rerunning only
//! the rules and passes they can change; some are not (a kind, a dependency, a removal),
//! which it follows in full, so the two paths meet in every order.

use khutta::document::Document;
use khutta::edit::Edit;
use khutta::model::*;
use khutta::store::{LoadedPlan, Sources};
use proptest::prelude::*;

use crate::plans::{WINDOW_START, acyclic_plan, calendars, date, step};

#[derive(Clone, Debug)]
pub enum Op {
    Days(usize, u32),
    Fixed(usize, u32, u32),
    Status(usize, u8),
    Progress(usize, u8),
    Title(usize, bool),
    Budget(usize, i64, bool),
    Calendar(usize, u8),
    Kind(usize),
    Depend(usize, usize),
    Remove(usize),
    FundingAmount(i64),
    Undo,
    Redo,
}

pub fn op() -> impl Strategy<Value = Op> {
    let i = any::<usize>();
    prop_oneof![
        4 => (i, 0u32..12).prop_map(|(i, d)| Op::Days(i, d)),
        2 => (i, 0u32..40, 0u32..6).prop_map(|(i, s, l)| Op::Fixed(i, s, l)),
        2 => (i, 0u8..4).prop_map(|(i, s)| Op::Status(i, s)),
        2 => (i, 0u8..160).prop_map(|(i, p)| Op::Progress(i, p)),
        1 => (i, any::<bool>()).prop_map(|(i, t)| Op::Title(i, t)),
        2 => (i, -50i64..5000, any::<bool>()).prop_map(|(i, a, f)| Op::Budget(i, a, f)),
        1 => (i, 0u8..5).prop_map(|(i, c)| Op::Calendar(i, c)),
        1 => i.prop_map(Op::Kind),
        1 => (i, any::<usize>()).prop_map(|(i, j)| Op::Depend(i, j)),
        1 => i.prop_map(Op::Remove),
        1 => (0i64..20_000).prop_map(Op::FundingAmount),
        2 => Just(Op::Undo),
        2 => Just(Op::Redo),
    ]
}

fn loaded(plan: Plan) -> LoadedPlan {
    LoadedPlan {
        root: std::env::temp_dir(),
        plan,
        meta_readable: true,
        sources: Sources::default(),
        diagnostics: Vec::new(),
    }
}

fn with_money(mut plan: Plan) -> Plan {
    let usd = Currency::new_unchecked("USD");
    // Its funder is not in the plan: a dangling reference both runs must report.
    plan.funding.insert(
        Id::new_unchecked("grant"),
        FundingSource {
            id: Id::new_unchecked("grant"),
            funder: Id::new_unchecked("city"),
            title: Text::en("Grant"),
            amount: Amount::new(6000, 0),
            currency: usd,
            status: FundingStatus::ALL[0],
            available: None,
            earmarked: Vec::new(),
            conditions: Text::default(),
        },
    );
    plan
}

/// The edit `op` stands for on `plan`, if it names something there.
fn edit(plan: &Plan, op: &Op) -> Option<Edit> {
    let ids: Vec<Id> = plan.activities.keys().cloned().collect();
    let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
    let set = |i: usize, f: &dyn Fn(&mut Activity)| {
        let id = pick(i)?;
        Edit::update(plan, EntityKind::Activity, &id, "x", |e| {
            if let Entity::Activity(a) = e {
                f(a);
            }
            Ok::<(), ()>(())
        })
        .ok()?
        .ok()
    };
    match op {
        Op::Days(i, d) => set(*i, &|a| {
            if !matches!(a.timing, Timing::Span) {
                a.timing = Timing::Duration {
                    days: *d,
                    not_before: None,
                };
            }
        }),
        Op::Fixed(i, s, l) => set(*i, &|a| {
            if !matches!(a.timing, Timing::Span) {
                let start = date(WINDOW_START) + chrono::Days::new(u64::from(*s));
                let end = start + chrono::Days::new(u64::from(*l));
                a.timing = Timing::Fixed { start, end };
            }
        }),
        Op::Status(i, s) => set(*i, &|a| {
            a.status = Status::ALL[usize::from(*s) % Status::ALL.len()]
        }),
        Op::Progress(i, p) => set(*i, &|a| a.progress = *p),
        Op::Title(i, t) => set(*i, &|a| {
            a.title = if *t { Text::en("y") } else { Text::default() }
        }),
        Op::Budget(i, amount, funded) => set(*i, &|a| {
            a.budget.push(BudgetLine {
                category: BudgetCategory::Travel,
                amount: Amount::new(*amount, 0),
                currency: Currency::new_unchecked(if *amount % 7 == 0 { "EUR" } else { "USD" }),
                funding: funded.then(|| Id::new_unchecked("grant")),
                note: None,
            })
        }),
        Op::Calendar(i, c) => set(*i, &|a| {
            a.calendar = (*c < 4).then(|| Id::new_unchecked(format!("cal-{c}")));
        }),
        Op::Kind(i) => set(*i, &|a| {
            a.kind = match a.kind {
                ActivityKind::Task => ActivityKind::Milestone,
                ActivityKind::Milestone => ActivityKind::Task,
                k => k,
            }
        }),
        Op::Depend(i, j) => {
            let on = pick(*j)?;
            set(*i, &|a| {
                a.dependencies.push(Dependency {
                    activity: on.clone(),
                    kind: DependencyKind::ALL[0],
                    lag: 0,
                })
            })
        }
        Op::Remove(i) => Edit::remove(plan, EntityKind::Activity, &pick(*i)?).ok(),
        Op::FundingAmount(v) => Edit::update(
            plan,
            EntityKind::Funding,
            &Id::new_unchecked("grant"),
            "amount",
            |e| {
                if let Entity::Funding(f) = e {
                    f.amount = Amount::new(*v, 0);
                }
                Ok::<(), ()>(())
            },
        )
        .ok()?
        .ok(),
        Op::Undo | Op::Redo => None,
    }
}

/// What the document says, in an order that does not depend on how it was found.
fn said(doc: &Document) -> Vec<String> {
    let mut found: Vec<String> = doc.diagnostics.iter().map(|d| format!("{d:?}")).collect();
    found.sort();
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn edits_followed_in_part_equal_a_full_run(
        steps in prop::collection::vec(step(), 1..30),
        cals in calendars(),
        ops in prop::collection::vec(op(), 1..25),
    ) {
        let plan = with_money(acyclic_plan(steps, cals, None));
        let mut doc = Document::new(loaded(plan));
        for op in &ops {
            match op {
                Op::Undo => { doc.undo().ok(); }
                Op::Redo => { doc.redo().ok(); }
                _ => {
                    if let Some(e) = edit(&doc.plan, op) {
                        doc.apply(e).ok();
                    }
                }
            }
            let fresh = Document::new(loaded(doc.plan.clone()));
            prop_assert_eq!(&doc.schedule, &fresh.schedule, "after {:?}", op);
            prop_assert_eq!(said(&doc), said(&fresh), "after {:?}", op);
        }
    }
}
