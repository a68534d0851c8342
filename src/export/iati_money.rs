//! The money of an IATI export: budgets and planned disbursements, spread over periods.
//!
//! A budget line has no dates of its own: it is spread over the calendar days of its
//! activity's scheduled dates, and each period (a year or a quarter, never longer, as IATI's
//! rulesets want) gets its share, exact to the cent, the last period taking what rounding left.

use super::iati::{BUDGET_INDICATIVE, BUDGET_ORIGINAL, Dated, Period, narratives};
use super::xml::Xml;
use crate::model::{Amount, Currency, FundingStatus, Plan, Status, Window};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The period `d` falls in.
fn period_of(d: NaiveDate, p: Period) -> Window {
    let first_month = match p {
        Period::Year => 1,
        Period::Quarter => (d.month0() / 3) * 3 + 1,
    };
    let months = match p {
        Period::Year => 12,
        Period::Quarter => 3,
    };
    let start = NaiveDate::from_ymd_opt(d.year(), first_month, 1).unwrap_or(d);
    let end = start
        .checked_add_months(chrono::Months::new(months))
        .and_then(|n| n.pred_opt())
        .unwrap_or(d);
    Window { start, end }
}

/// `amount` spread over the calendar days `from..=to`, per period: exact to the cent, the last
/// period taking what rounding left.
fn spread(amount: Amount, from: NaiveDate, to: NaiveDate, p: Period) -> Vec<(Window, Amount)> {
    let to = to.max(from);
    let total = (to - from).num_days() + 1;
    let mut out = Vec::new();
    let mut left = amount;
    let mut day = from;
    loop {
        let w = period_of(day, p);
        let last = w.end >= to;
        let share = if last {
            left
        } else {
            let days = (w.end - day).num_days() + 1;
            let s = amount
                .checked_mul(Amount::from(days))
                .and_then(|v| v.checked_div(Amount::from(total)))
                .map(|v| v.round_dp(2))
                .unwrap_or(Amount::ZERO);
            left = left.checked_sub(s).unwrap_or(left);
            s
        };
        out.push((w, share));
        match w.end.succ_opt() {
            Some(next) if !last => day = next,
            _ => break,
        }
    }
    out
}

/// An amount in `currency` turned into the plan currency, when a rate says how.
fn in_plan_currency(plan: &Plan, amount: Amount, currency: &Currency) -> (Amount, Currency) {
    if currency == &plan.meta.currency {
        return (amount, currency.clone());
    }
    match plan
        .meta
        .rate(currency)
        .and_then(|r| amount.checked_mul(r.rate))
    {
        Some(v) => (v.round_dp(2), plan.meta.currency.clone()),
        None => (amount, currency.clone()),
    }
}

fn value(x: &mut Xml, plan: &Plan, amount: Amount, currency: &Currency, date: NaiveDate) {
    let a = amount.normalize().to_string();
    let d = date.to_string();
    if currency == &plan.meta.currency {
        x.leaf("value", &[("value-date", &d)], &a);
    } else {
        x.leaf(
            "value",
            &[("currency", currency.as_str()), ("value-date", &d)],
            &a,
        );
    }
}

pub(super) fn budgets(x: &mut Xml, plan: &Plan, dated: &[Dated<'_>], p: Period) {
    let mut sums: BTreeMap<(NaiveDate, NaiveDate, Currency), Amount> = BTreeMap::new();
    for (a, _, d) in dated {
        if a.status == Status::Cancelled {
            continue;
        }
        for line in &a.budget {
            let (amount, currency) = in_plan_currency(plan, line.amount, &line.currency);
            for (w, share) in spread(amount, d.early_start, d.early_finish, p) {
                let sum = sums
                    .entry((w.start, w.end, currency.clone()))
                    .or_insert(Amount::ZERO);
                *sum = sum.saturating_add(share);
            }
        }
    }
    for ((start, end, currency), amount) in sums {
        x.open(
            "budget",
            &[("type", BUDGET_ORIGINAL), ("status", BUDGET_INDICATIVE)],
        );
        x.empty("period-start", &[("iso-date", &start.to_string())]);
        x.empty("period-end", &[("iso-date", &end.to_string())]);
        value(x, plan, amount, &currency, start);
        x.close();
    }
}

pub(super) fn disbursements(x: &mut Xml, plan: &Plan, p: Period) {
    let mut rows = Vec::new();
    for f in plan.funding.values() {
        if f.status == FundingStatus::Pipeline {
            continue;
        }
        let w = f.available.unwrap_or(plan.meta.window);
        for (period, share) in spread(f.amount, w.start, w.end, p) {
            let start = period.start.max(w.start);
            let end = period.end.min(w.end);
            rows.push((start, end, f, share));
        }
    }
    rows.sort_by(|a, b| (a.0, &a.2.id).cmp(&(b.0, &b.2.id)));
    for (start, end, f, share) in rows {
        x.open("planned-disbursement", &[("type", BUDGET_ORIGINAL)]);
        x.empty("period-start", &[("iso-date", &start.to_string())]);
        x.empty("period-end", &[("iso-date", &end.to_string())]);
        let currency = f.currency.clone();
        let a = share.normalize().to_string();
        x.leaf(
            "value",
            &[
                ("currency", currency.as_str()),
                ("value-date", &start.to_string()),
            ],
            &a,
        );
        if let Some(funder) = plan.partners.get(&f.funder) {
            let kind = funder.kind.iati_code().to_string();
            let mut attrs = vec![("type", kind.as_str())];
            if let Some(r) = funder.iati_ref.as_deref().filter(|r| !r.trim().is_empty()) {
                attrs.insert(0, ("ref", r.trim()));
            }
            x.open("provider-org", &attrs);
            narratives(x, &funder.name, funder.id.as_str());
            x.close();
        }
        x.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_spread_sums_to_the_amount_and_keeps_periods_within_a_year() {
        let parts = spread(
            Amount::new(100_000, 0),
            d("2026-11-01"),
            d("2027-02-28"),
            Period::Quarter,
        );
        let total = parts
            .iter()
            .fold(Amount::ZERO, |s, (_, a)| s.saturating_add(*a));
        assert_eq!(total, Amount::new(100_000, 0));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].0.start, d("2026-10-01"));
        assert_eq!(parts[1].0.end, d("2027-03-31"));
        let years = spread(
            Amount::new(1, 2),
            d("2026-12-31"),
            d("2027-01-01"),
            Period::Year,
        );
        assert_eq!(years.len(), 2);
        let total = years
            .iter()
            .fold(Amount::ZERO, |s, (_, a)| s.saturating_add(*a));
        assert_eq!(total, Amount::new(1, 2));
    }
}
