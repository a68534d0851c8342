//! Money before and after: budgets by activity, what the budget lines draw on each funding
//! source, funding by source and by funder, in each currency and converted to the plan
//! currency at each revision's own rates.

use super::rename::Detected;
use super::tree::pairs;
use crate::check::to_plan_currency;
use crate::model::{
    Activity, Amount, Currency, EntityKind, FundingSource, Id, Money, Plan, PlanMeta,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One line of a money table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyRow {
    /// The activity, funding source or funder; `None` for the total.
    pub id: Option<Id>,
    /// Before, one amount per currency (empty: nothing, or absent).
    pub before: Vec<Money>,
    /// After, one amount per currency.
    pub after: Vec<Money>,
    /// Before, in the plan currency of the old revision; `None` when a rate is missing.
    pub before_converted: Option<Amount>,
    /// After, in the plan currency of the new revision; `None` when a rate is missing.
    pub after_converted: Option<Amount>,
}

impl MoneyRow {
    /// After minus before in the plan currency, when both convert.
    pub fn change(&self) -> Option<Amount> {
        self.after_converted?.checked_sub(self.before_converted?)
    }
}

/// The money that moved between two revisions: only rows that differ, plus the budget total
/// when any budget changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MoneyChanges {
    /// The plan currency before.
    pub before_currency: Currency,
    /// The plan currency after (the one converted amounts are shown in).
    pub after_currency: Currency,
    /// Budget by activity.
    pub activities: Vec<MoneyRow>,
    /// The whole plan's budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget_total: Option<MoneyRow>,
    /// What the budget lines of every activity draw on each funding source (`id`: the
    /// source; `None`: the lines that name no source). A line that moves to another source,
    /// or whose amount or currency changes, shows here even when no activity's total moves.
    pub draws: Vec<MoneyRow>,
    /// Amount of each funding source.
    pub sources: Vec<MoneyRow>,
    /// Funding by funder (the partner behind each source).
    pub funders: Vec<MoneyRow>,
}

impl MoneyChanges {
    /// Whether no money changed.
    pub fn is_empty(&self) -> bool {
        self.activities.is_empty()
            && self.draws.is_empty()
            && self.sources.is_empty()
            && self.funders.is_empty()
    }
}

/// Sums per currency.
type Sums = BTreeMap<Currency, Amount>;

fn add(sums: &mut Sums, m: &Money) {
    let slot = sums.entry(m.currency.clone()).or_default();
    *slot = slot.saturating_add(m.amount);
}

fn converted(meta: &PlanMeta, sums: &Sums) -> Option<Amount> {
    let total = sums.iter().try_fold(Amount::ZERO, |acc, (c, a)| {
        let m = Money::new(*a, c);
        Some(acc.saturating_add(to_plan_currency(meta, &m)?))
    })?;
    // `7080.00` and `7080` are the same money; write it the way amounts are written.
    Some(total.normalize())
}

fn row(id: Option<Id>, (a, sa): (&PlanMeta, Sums), (b, sb): (&PlanMeta, Sums)) -> MoneyRow {
    let list = |s: &Sums| -> Vec<Money> { s.iter().map(|(c, a)| Money::new(*a, c)).collect() };
    MoneyRow {
        id,
        before: list(&sa),
        after: list(&sb),
        before_converted: converted(a, &sa),
        after_converted: converted(b, &sb),
    }
}

fn differs(r: &MoneyRow) -> bool {
    r.before != r.after || r.before_converted != r.after_converted
}

/// Compares the money of `a` and `b`; rows of renamed entities are matched by their new id.
pub(crate) fn compare(a: &Plan, b: &Plan, renames: &[Detected]) -> MoneyChanges {
    let new_id = |kind: EntityKind, id: &Id| -> Id {
        renames
            .iter()
            .find(|r| r.kind == kind && &r.from == id)
            .map_or_else(|| id.clone(), |r| r.to.clone())
    };
    let renamed = |kind: EntityKind| renames.iter().any(|r| r.kind == kind);
    // With the same rates, only activities whose budget lines changed can have changed.
    let same_rates =
        a.meta.currency == b.meta.currency && a.meta.exchange_rates == b.meta.exchange_rates;
    let budget = |x: Option<&Activity>| -> Sums {
        let mut s = Sums::new();
        x.into_iter()
            .flat_map(|x| &x.budget)
            .for_each(|l| add(&mut s, &l.money()));
        s
    };
    let rows = |pairs: &mut dyn Iterator<Item = (&Id, Option<&Activity>, Option<&Activity>)>| {
        pairs
            .filter(|(_, x, y)| !same_rates || x.map(|x| &x.budget) != y.map(|y| &y.budget))
            .map(|(id, x, y)| row(Some(id.clone()), (&a.meta, budget(x)), (&b.meta, budget(y))))
            .filter(differs)
            .collect::<Vec<MoneyRow>>()
    };
    // Renames are rare: only then are the old ids mapped, at the cost of a copy of the keys.
    let activities = if renamed(EntityKind::Activity) {
        let before: BTreeMap<Id, &Activity> = a
            .activities
            .iter()
            .map(|(id, x)| (new_id(EntityKind::Activity, id), x))
            .collect();
        let after: BTreeMap<Id, &Activity> =
            b.activities.iter().map(|(id, x)| (id.clone(), x)).collect();
        rows(&mut pairs(&before, &after).map(|(id, x, y)| (id, x.copied(), y.copied())))
    } else {
        rows(&mut pairs(&a.activities, &b.activities))
    };
    let budget_total = (!activities.is_empty()).then(|| {
        let total = |p: &Plan| {
            let mut s = Sums::new();
            p.activities
                .values()
                .flat_map(|x| &x.budget)
                .for_each(|l| add(&mut s, &l.money()));
            s
        };
        row(None, (&a.meta, total(a)), (&b.meta, total(b)))
    });
    // What the lines draw on each source, by its (new) id; only when a line could have moved.
    let lines_moved = !same_rates
        || a.activities.len() != b.activities.len()
        || a.activities
            .iter()
            .zip(&b.activities)
            .any(|((ia, x), (ib, y))| ia != ib || x.budget != y.budget)
        || renamed(EntityKind::Funding);
    let draws = if lines_moved {
        let drawn = |p: &Plan, key: &dyn Fn(&Id) -> Id| -> BTreeMap<Option<Id>, Sums> {
            let mut out: BTreeMap<Option<Id>, Sums> = BTreeMap::new();
            for l in p.activities.values().flat_map(|x| &x.budget) {
                add(
                    out.entry(l.funding.as_ref().map(key)).or_default(),
                    &l.money(),
                );
            }
            out
        };
        let before = drawn(a, &|id| new_id(EntityKind::Funding, id));
        let after = drawn(b, &|id| id.clone());
        // The sources by id, then the lines that name none.
        let ids: BTreeSet<&Option<Id>> = before.keys().chain(after.keys()).collect();
        let (none, some): (Vec<_>, Vec<_>) = ids.into_iter().partition(|id| id.is_none());
        some.into_iter()
            .chain(none)
            .map(|id| {
                let get = |m: &BTreeMap<Option<Id>, Sums>| m.get(id).cloned().unwrap_or_default();
                row(id.clone(), (&a.meta, get(&before)), (&b.meta, get(&after)))
            })
            .filter(differs)
            .collect()
    } else {
        Vec::new()
    };
    // Few funding sources and funders: sums by (new) id in maps.
    let by = |p: &Plan, key: &dyn Fn(&FundingSource) -> Id| -> BTreeMap<Id, Sums> {
        let mut out: BTreeMap<Id, Sums> = BTreeMap::new();
        for f in p.funding.values() {
            add(out.entry(key(f)).or_default(), &f.money());
        }
        out
    };
    let table = |before: BTreeMap<Id, Sums>, after: BTreeMap<Id, Sums>| -> Vec<MoneyRow> {
        let ids: BTreeSet<&Id> = before.keys().chain(after.keys()).collect();
        ids.into_iter()
            .map(|id| {
                let get = |m: &BTreeMap<Id, Sums>| m.get(id).cloned().unwrap_or_default();
                row(
                    Some(id.clone()),
                    (&a.meta, get(&before)),
                    (&b.meta, get(&after)),
                )
            })
            .filter(differs)
            .collect()
    };
    let sources = table(
        by(a, &|f| new_id(EntityKind::Funding, &f.id)),
        by(b, &|f| f.id.clone()),
    );
    let funders = table(
        by(a, &|f| new_id(EntityKind::Partner, &f.funder)),
        by(b, &|f| f.funder.clone()),
    );
    MoneyChanges {
        before_currency: a.meta.currency.clone(),
        after_currency: b.meta.currency.clone(),
        activities,
        budget_total,
        draws,
        sources,
        funders,
    }
}
