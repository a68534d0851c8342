//! Random edits of a plan, for laws about two revisions of one plan (diff, merge).
//!
//! `arb::plan()` gives independent plans whose ids rarely meet; editing one base plan gives
//! revisions that share most entities and touch the same fields, which is where diff and
//! merge have work to do.

use super::arb;
use khutta::edit::Edit;
use khutta::model::*;
use proptest::collection::vec;
use proptest::prelude::*;

/// One edit; indices pick an entity among those present, modulo their number.
#[derive(Clone, Debug)]
pub enum Op {
    RemoveActivity(usize),
    AddActivity(Activity),
    RenameActivity(usize, String),
    Title(usize, Text),
    Progress(usize, u8),
    Timing(usize, Timing),
    AddDependency(usize, usize, i32),
    RemoveDependency(usize),
    Lag(usize, i32),
    AddTag(usize, String),
    RemoveTag(usize),
    AddBudgetLine(usize, BudgetLine),
    BudgetAmount(usize, Amount),
    RemoveBudgetLine(usize),
    Lead(usize, usize),
    RemovePartner(usize),
    AddPartner(Partner),
    PartnerName(usize, Text),
    FundingAmount(usize, Amount),
    MetaTitle(Text),
    AddRate(Currency, Amount),
    AddHoliday(u32),
}

pub fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..16;
    prop_oneof![
        i().prop_map(Op::RemoveActivity),
        arb::activity().prop_map(Op::AddActivity),
        (i(), "[a-z]{1,6}").prop_map(|(n, s)| Op::RenameActivity(n, s)),
        (i(), arb::title()).prop_map(|(n, t)| Op::Title(n, t)),
        (i(), 0u8..=100).prop_map(|(n, p)| Op::Progress(n, p)),
        (i(), arb::timing()).prop_map(|(n, t)| Op::Timing(n, t)),
        (i(), i(), -3i32..5).prop_map(|(n, m, l)| Op::AddDependency(n, m, l)),
        i().prop_map(Op::RemoveDependency),
        (i(), -3i32..5).prop_map(|(n, l)| Op::Lag(n, l)),
        (i(), "[a-z]{1,4}").prop_map(|(n, t)| Op::AddTag(n, t)),
        i().prop_map(Op::RemoveTag),
        (i(), arb::budget_line()).prop_map(|(n, b)| Op::AddBudgetLine(n, b)),
        (i(), arb::amount()).prop_map(|(n, a)| Op::BudgetAmount(n, a)),
        i().prop_map(Op::RemoveBudgetLine),
        (i(), i()).prop_map(|(n, m)| Op::Lead(n, m)),
        i().prop_map(Op::RemovePartner),
        arb::partner().prop_map(Op::AddPartner),
        (i(), arb::title()).prop_map(|(n, t)| Op::PartnerName(n, t)),
        (i(), arb::amount()).prop_map(|(n, a)| Op::FundingAmount(n, a)),
        arb::title().prop_map(Op::MetaTitle),
        (arb::currency(), arb::amount()).prop_map(|(c, a)| Op::AddRate(c, a)),
        (0u32..400).prop_map(Op::AddHoliday),
    ]
}

pub fn ops() -> impl Strategy<Value = Vec<Op>> {
    vec(op(), 0..8)
}

fn nth<T>(map: &mut std::collections::BTreeMap<Id, T>, n: usize) -> Option<&mut T> {
    let len = map.len();
    if len == 0 {
        return None;
    }
    map.values_mut().nth(n % len)
}

fn nth_id<T>(map: &std::collections::BTreeMap<Id, T>, n: usize) -> Option<Id> {
    let len = map.len();
    (len > 0)
        .then(|| map.keys().nth(n % len).cloned())
        .flatten()
}

/// `plan` after `ops`, normalised as the store would load it.
pub fn edited(plan: &Plan, ops: &[Op]) -> Plan {
    let mut p = plan.clone();
    for op in ops {
        apply(&mut p, op);
    }
    p.normalize();
    p
}

fn apply(p: &mut Plan, op: &Op) {
    match op {
        Op::RemoveActivity(n) => {
            if let Some(id) = nth_id(&p.activities, *n) {
                p.activities.remove(&id);
            }
        }
        Op::AddActivity(a) => {
            p.activities
                .entry(a.id.clone())
                .or_insert_with(|| a.clone());
        }
        Op::RenameActivity(n, new) => {
            if let Some(old) = nth_id(&p.activities, *n)
                && let Ok(edit) = Edit::rename(p, EntityKind::Activity, &old, new)
            {
                let _ = edit.apply(p);
            }
        }
        Op::Title(n, t) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.title = t.clone()),
        Op::Progress(n, v) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.progress = *v),
        Op::Timing(n, t) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.timing = t.clone()),
        Op::AddDependency(n, m, lag) => {
            if let Some(to) = nth_id(&p.activities, *m)
                && let Some(a) = nth(&mut p.activities, *n)
                && !a.dependencies.iter().any(|d| d.activity == to)
            {
                a.dependencies.push(Dependency {
                    activity: to,
                    kind: DependencyKind::FinishToStart,
                    lag: *lag,
                });
            }
        }
        Op::RemoveDependency(n) => nth(&mut p.activities, *n).into_iter().for_each(|a| {
            a.dependencies.pop();
        }),
        Op::Lag(n, lag) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.dependencies.iter_mut().take(1).for_each(|d| d.lag = *lag)),
        Op::AddTag(n, t) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.tags.push(t.clone())),
        Op::RemoveTag(n) => nth(&mut p.activities, *n).into_iter().for_each(|a| {
            a.tags.pop();
        }),
        Op::AddBudgetLine(n, b) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.budget.push(b.clone())),
        Op::BudgetAmount(n, v) => nth(&mut p.activities, *n)
            .into_iter()
            .for_each(|a| a.budget.iter_mut().take(1).for_each(|b| b.amount = *v)),
        Op::RemoveBudgetLine(n) => nth(&mut p.activities, *n).into_iter().for_each(|a| {
            if !a.budget.is_empty() {
                a.budget.remove(0);
            }
        }),
        Op::Lead(n, m) => {
            let lead = nth_id(&p.partners, *m);
            nth(&mut p.activities, *n)
                .into_iter()
                .for_each(|a| a.lead = lead.clone());
        }
        Op::RemovePartner(n) => {
            if let Some(id) = nth_id(&p.partners, *n) {
                p.partners.remove(&id);
            }
        }
        Op::AddPartner(x) => {
            p.partners.entry(x.id.clone()).or_insert_with(|| x.clone());
        }
        Op::PartnerName(n, t) => nth(&mut p.partners, *n)
            .into_iter()
            .for_each(|x| x.name = t.clone()),
        Op::FundingAmount(n, v) => nth(&mut p.funding, *n)
            .into_iter()
            .for_each(|f| f.amount = *v),
        Op::MetaTitle(t) => p.meta.title = t.clone(),
        Op::AddRate(currency, rate) => p.meta.exchange_rates.push(ExchangeRate {
            currency: currency.clone(),
            rate: *rate,
            date: p.meta.window.start,
            source: None,
        }),
        Op::AddHoliday(day) => {
            let date = p.meta.window.start + chrono::Days::new(u64::from(*day));
            if let Some(c) = p.meta.calendars.first_mut()
                && !c.holidays.iter().any(|h| h.date == date)
            {
                c.holidays.push(Holiday {
                    date,
                    until: None,
                    name: Text::en("Holiday"),
                });
            }
        }
    }
}
