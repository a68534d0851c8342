//! Money: every amount convertible, no funding source spent twice.

use super::{Code, Diagnostic};
use crate::model::{
    Amount, Currency, EntityKind, FundingSource, Id, Money, Plan, PlanMeta, format_amount,
};
use crate::said;
use std::collections::{BTreeMap, HashMap};

/// `money` in the plan's currency, or `None` when there is no rate for its currency.
pub fn to_plan_currency(meta: &PlanMeta, money: &Money) -> Option<Amount> {
    if money.currency == meta.currency {
        return Some(money.amount);
    }
    meta.rate(&money.currency)
        .and_then(|r| money.amount.checked_mul(r.rate))
}

/// Converts `money` into `to`, through the plan's currency when needed.
fn convert(meta: &PlanMeta, money: &Money, to: &Currency) -> Option<Amount> {
    if &money.currency == to {
        return Some(money.amount);
    }
    let in_plan = to_plan_currency(meta, money)?;
    if to == &meta.currency {
        return Some(in_plan);
    }
    in_plan.checked_div(meta.rate(to)?.rate)
}

/// How much of `source` the plan's budget lines draw, in the source's currency, and the lines
/// that could not be converted.
pub fn allocated(plan: &Plan, source: &FundingSource) -> (Amount, usize) {
    allocations(plan).remove(&source.id).unwrap_or_default()
}

/// Total drawn on every funding source, in each source's currency, and the number of lines
/// that could not be converted, in one pass over the plan.
pub fn allocations(plan: &Plan) -> HashMap<Id, (Amount, usize)> {
    let mut totals: HashMap<Id, (Amount, usize)> = HashMap::new();
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
    pub budget: BTreeMap<Currency, Amount>,
    /// Committed and disbursed funding by currency.
    pub secured: BTreeMap<Currency, Amount>,
    /// Pipeline and pledged funding by currency.
    pub expected: BTreeMap<Currency, Amount>,
    /// The three totals in the plan's currency; `None` where some amount has no exchange rate.
    pub budget_total: Option<Amount>,
    /// See `budget_total`.
    pub secured_total: Option<Amount>,
    /// See `budget_total`.
    pub expected_total: Option<Amount>,
}

/// What the plan costs and how much of it is funded.
pub fn coverage(plan: &Plan) -> Coverage {
    let mut c = Coverage::default();
    let add = |map: &mut BTreeMap<Currency, Amount>, total: &mut Option<Amount>, m: Money| {
        let e = map.entry(m.currency.clone()).or_default();
        *e = e.saturating_add(m.amount);
        *total = total.and_then(|t| to_plan_currency(&plan.meta, &m).map(|v| t.saturating_add(v)));
    };
    let (mut b, mut s, mut x) = (Some(Amount::ZERO), Some(Amount::ZERO), Some(Amount::ZERO));
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
        if !r.rate.is_negative() && !r.rate.is_zero() && r.rate > crate::model::limits::max_rate() {
            out.push(
                Diagnostic::plan(
                    Code::BadValue,
                    said!(
                        "check-rate-range",
                        currency = &r.currency,
                        rate = &r.rate,
                        max = &crate::model::limits::max_rate()
                    ),
                    said!("check-rate-range-hint"),
                )
                .at_value("currency", r.currency.as_str()),
            );
        } else if r.rate.is_negative() || r.rate.is_zero() {
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
        if *drawn > f.amount {
            out.push(
                Diagnostic::entity(
                    Code::OverAllocated,
                    EntityKind::Funding,
                    &f.id,
                    said!(
                        "check-over-allocated",
                        drawn = &format_amount(*drawn),
                        funding = &f.id,
                        amount = &format_amount(f.amount),
                        excess = &drawn
                            .checked_sub(f.amount)
                            .map_or_else(|| "—".to_owned(), format_amount),
                        currency = &f.currency
                    ),
                    said!("check-over-allocated-hint"),
                )
                .at("amount"),
            );
        }
    }
}
