//! Whose money a change touches: the funders whose agreement it needs.
//!
//! A funding source's figures (`funder`, `amount`, `currency`, `status`) are its funder's. A
//! budget line that draws on a funding source (`funding`) is that source's funder's too: its
//! amount, currency and source, and its being added or removed. The diff names a changed line
//! by its position in the new list (`budget[2].amount`) and a removed or added line whole
//! (`budget[2]`, with the line as its old or new value), so the line's source is read from the
//! change itself or from the new activity at that position.

use crate::diff::{FieldChange, Seg};
use crate::model::governance::FUNDING_FIGURES;
use crate::model::{Activity, Entity, EntityKind, Id, Plan};
use serde_json::Value;
use std::collections::BTreeSet;

/// The funders of the money an entity added or removed whole holds or draws on.
pub(super) fn of_entity(e: &Entity, before: &Plan, after: &Plan) -> BTreeSet<Id> {
    match e {
        Entity::Funding(f) => BTreeSet::from([f.funder.clone()]),
        Entity::Activity(a) => a
            .budget
            .iter()
            .filter_map(|l| l.funding.as_ref())
            .filter_map(|s| funder(s, before, after))
            .collect(),
        Entity::Partner(_) | Entity::Beneficiary(_) => BTreeSet::new(),
    }
}

/// The funders of the money one field change touches. `after` is the activity as changed,
/// when the entity is one.
pub(super) fn of_change(
    kind: EntityKind,
    id: &Id,
    c: &FieldChange,
    activity_after: Option<&Activity>,
    before: &Plan,
    after: &Plan,
) -> BTreeSet<Id> {
    let segs = c.path.segments();
    let first = match segs.first() {
        Some(Seg::Field(f)) => f.as_str(),
        _ => return BTreeSet::new(),
    };
    let mut sources: Vec<String> = Vec::new();
    match (kind, first) {
        (EntityKind::Funding, f) if FUNDING_FIGURES.contains(&f) => {
            // The funder itself changing needs the old funder and the new one.
            if f == "funder" {
                return [&c.old, &c.new]
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(Id::new_unchecked)
                    .collect();
            }
            // Another figure: the source's funder, before the change and after it.
            return [before, after]
                .into_iter()
                .filter_map(|p| p.funding.get(id).map(|s| s.funder.clone()))
                .collect();
        }
        (EntityKind::Activity, "budget") => match segs.get(1..) {
            // The whole list, or one whole line: the sources of every line in its values.
            // A line is named by position (`budget[2]`) or by what it is (`budget[travel · grant]`).
            Some([]) | Some([Seg::Index(_) | Seg::Named(..)]) | None => {
                for v in [&c.old, &c.new].into_iter().flatten() {
                    collect_sources(v, &mut sources);
                }
            }
            Some([Seg::Index(j) | Seg::Named(j, _), rest @ ..]) => {
                if let Some(s) = activity_after
                    .and_then(|a| a.budget.get(*j))
                    .and_then(|l| l.funding.as_ref())
                {
                    sources.push(s.to_string());
                }
                if matches!(rest.first(), Some(Seg::Field(f)) if f == "funding") {
                    for v in [&c.old, &c.new].into_iter().flatten() {
                        if let Some(s) = v.as_str() {
                            sources.push(s.to_owned());
                        }
                    }
                }
            }
            Some(_) => {}
        },
        _ => {}
    }
    sources
        .iter()
        .filter_map(|s| funder(&Id::new_unchecked(s.as_str()), before, after))
        .collect()
}

/// The sources of a budget line's value, or of every line of a list's value.
fn collect_sources(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_sources(i, out)),
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("funding") {
                out.push(s.clone());
            }
        }
        _ => {}
    }
}

/// The funder of funding source `source`, as the plan before the change knows it (or after,
/// for a source that is new).
fn funder(source: &Id, before: &Plan, after: &Plan) -> Option<Id> {
    before
        .funding
        .get(source)
        .or_else(|| after.funding.get(source))
        .map(|f| f.funder.clone())
}
