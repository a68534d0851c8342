//! Money: every amount convertible, no funding source spent twice.

use super::{Code, Diagnostic};
use crate::model::{Currency, EntityKind, FundingSource, Id, Money, Plan, PlanMeta, format_amount};
use crate::said;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// `money` in the plan's currency, or `None` when there is no rate for its currency.
pub fn to_plan_currency(meta: &PlanMeta, money: &Money) -> Option<Decimal> {
    if money.currency == meta.currency {
        return Some(money.amount.0);
    }
    meta.rate(&money.currency)
        .and_then(|r| money.amount.0.checked_mul(r.rate.0))
}

/// Converts `money` into `to`, through the plan's currency when needed.
fn convert(meta: &PlanMeta, money: &Money, to: &Currency) -> Option<Decimal> {
    if &money.currency == to {
        return Some(money.amount.0);
    }
    let in_plan = to_plan_currency(meta, money)?;
    if to == &meta.currency {
        return Some(in_plan);
    }
    let rate = meta.rate(to)?.rate.0;
    (!rate.is_zero())
        .then(|| in_plan.checked_div(rate))
        .flatten()
}

/// How much of `source` the plan's budget lines draw, in the source's currency, and the lines
/// that could not be converted.
pub fn allocated(plan: &Plan, source: &FundingSource) -> (Decimal, usize) {
    allocations(plan).remove(&source.id).unwrap_or_default()
}

/// Total drawn on every funding source, in each source's currency, and the number of lines
/// that could not be converted, in one pass over the plan.
pub fn allocations(plan: &Plan) -> HashMap<Id, (Decimal, usize)> {
    let mut totals: HashMap<Id, (Decimal, usize)> = HashMap::new();
    for a in plan.activities.values() {
        for line in &a.budget {
            let Some(fid) = &line.funding else { continue };
            let Some(source) = plan.funding.get(fid) else {
                continue;
            };
            let entry = totals.entry(fid.clone()).or_default();
            match convert(&plan.meta, &line.money(), &source.currency) {
                Some(v) => entry.0 = entry.0.saturating_add(v),
                None => entry.1 += 1,
            }
        }
    }
    totals
}

/// Budgeted cost against funding, per currency and in the plan's currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Budgeted cost by currency.
    pub budget: BTreeMap<Currency, Decimal>,
    /// Committed and disbursed funding by currency.
    pub secured: BTreeMap<Currency, Decimal>,
    /// Pipeline and pledged funding by currency.
    pub expected: BTreeMap<Currency, Decimal>,
    /// The three totals in the plan's currency; `None` where some amount has no exchange rate.
    pub budget_total: Option<Decimal>,
    /// See `budget_total`.
    pub secured_total: Option<Decimal>,
    /// See `budget_total`.
    pub expected_total: Option<Decimal>,
}

/// What the plan costs and how much of it is funded.
pub fn coverage(plan: &Plan) -> Coverage {
    let mut c = Coverage::default();
    let add = |map: &mut BTreeMap<Currency, Decimal>, total: &mut Option<Decimal>, m: Money| {
        let e = map.entry(m.currency.clone()).or_default();
        *e = e.saturating_add(m.amount.0);
        *total = total.and_then(|t| to_plan_currency(&plan.meta, &m).map(|v| t.saturating_add(v)));
    };
    let (mut b, mut s, mut x) = (
        Some(Decimal::ZERO),
        Some(Decimal::ZERO),
        Some(Decimal::ZERO),
    );
    for a in plan.activities.values() {
        for line in &a.budget {
            add(&mut c.budget, &mut b, line.money());
        }
    }
    for f in plan.funding.values() {
        if f.status.is_secured() {
            add(&mut c.secured, &mut s, f.money());
        } else {
            add(&mut c.expected, &mut x, f.money());
        }
    }
    (c.budget_total, c.secured_total, c.expected_total) = (b, s, x);
    c
}

pub(super) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let meta = &plan.meta;
    let has_rate = |c: &Currency| c == &meta.currency || meta.rate(c).is_some();
    let no_rate = |kind, id: &Id, c: &Currency| {
        Diagnostic::entity(
            Code::NoExchangeRate,
            kind,
            id,
            said!(
                "check-no-rate",
                currency = c,
                plan_currency = &meta.currency
            ),
            said!("check-no-rate-hint", currency = c),
        )
        .at_value("currency", c.as_str())
    };
    for r in &meta.exchange_rates {
        if r.rate.0 <= Decimal::ZERO {
            out.push(
                Diagnostic::plan(
                    Code::BadValue,
                    said!(
                        "check-rate-not-positive",
                        currency = &r.currency,
                        rate = &r.rate
                    ),
                    said!("check-rate-not-positive-hint"),
                )
                .at_value("currency", r.currency.as_str()),
            );
        }
    }
    for a in plan.activities.values() {
        let mut seen = Vec::new();
        for line in &a.budget {
            if line.currency.is_well_formed()
                && !has_rate(&line.currency)
                && !seen.contains(&&line.currency)
            {
                seen.push(&line.currency);
                out.push(no_rate(EntityKind::Activity, &a.id, &line.currency));
            }
            if let Some(f) = line.funding.as_ref().and_then(|f| plan.funding.get(f))
                && !f.earmarked.is_empty()
                && !f.earmarked.contains(&a.id)
            {
                out.push(
                    Diagnostic::entity(
                        Code::OverAllocated,
                        EntityKind::Activity,
                        &a.id,
                        said!("check-earmarked-elsewhere", funding = &f.id),
                        said!(
                            "check-earmarked-elsewhere-hint",
                            id = &a.id,
                            funding = &f.id
                        ),
                    )
                    .at_value("funding", f.id.as_str()),
                );
            }
        }
    }
    let totals = allocations(plan);
    for f in plan.funding.values() {
        if f.currency.is_well_formed() && !has_rate(&f.currency) {
            out.push(no_rate(EntityKind::Funding, &f.id, &f.currency));
        }
        let Some((drawn, _)) = totals.get(&f.id) else {
            continue;
        };
        if *drawn > f.amount.0 {
            out.push(
                Diagnostic::entity(
                    Code::OverAllocated,
                    EntityKind::Funding,
                    &f.id,
                    said!(
                        "check-over-allocated",
                        drawn = &format_amount(*drawn),
                        funding = &f.id,
                        amount = &format_amount(f.amount.0),
                        excess = &format_amount(*drawn - f.amount.0),
                        currency = &f.currency
                    ),
                    said!("check-over-allocated-hint"),
                )
                .at("amount"),
            );
        }
    }
}
