//! Telling a renamed entity from one removed and another added.
//!
//! The rule: an entity `old` removed and an entity `new` added, of the same kind, are one
//! rename when
//! 1. nothing in the new revision still refers to `old`, and every entity that referred to
//!    `old` and still exists now refers to `new` (the references moved with it); and
//! 2. their content, once the id and the references to renamed entities are rewritten, is
//!    identical; or, when at least one reference moved (evidence no coincidence can give),
//!    differs in at most [`MAX_CHANGED_FIELDS`] fields.
//!
//! When several added entities qualify, the one with the fewest differences wins, then the
//! smallest id; each added entity is claimed once, removed ids are taken in order.

use super::delta::diff_tree;
use super::tree::{Root, entity_tree};
use crate::model::{Entity, EntityKind, Id, Plan};
use std::collections::{BTreeSet, HashMap, HashSet};

/// How many fields may differ besides the id for a rename with moved references.
pub const MAX_CHANGED_FIELDS: usize = 3;

/// One detected rename.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Detected {
    pub kind: EntityKind,
    pub from: Id,
    pub to: Id,
    /// The entities that referred to `from` and now refer to `to`.
    pub referrers: Vec<(EntityKind, Id)>,
}

type Referrers = HashMap<(EntityKind, Id), BTreeSet<(EntityKind, Id)>>;

/// Who refers to each of `targets` in `plan`, in one pass over the plan.
fn referrers(plan: &Plan, targets: &HashSet<(EntityKind, &Id)>) -> Referrers {
    let mut out: Referrers = HashMap::new();
    let mut note = |kind: EntityKind, to: &Id, from: (EntityKind, &Id)| {
        if targets.contains(&(kind, to)) {
            out.entry((kind, to.clone()))
                .or_default()
                .insert((from.0, from.1.clone()));
        }
    };
    for a in plan.activities.values() {
        let me = (EntityKind::Activity, &a.id);
        a.parent
            .iter()
            .for_each(|p| note(EntityKind::Activity, p, me));
        a.dependencies
            .iter()
            .for_each(|d| note(EntityKind::Activity, &d.activity, me));
        a.lead.iter().for_each(|l| note(EntityKind::Partner, l, me));
        a.partners
            .iter()
            .for_each(|p| note(EntityKind::Partner, &p.partner, me));
        a.beneficiaries
            .iter()
            .for_each(|b| note(EntityKind::Beneficiary, b, me));
        a.funding_sources()
            .for_each(|f| note(EntityKind::Funding, f, me));
    }
    for f in plan.funding.values() {
        let me = (EntityKind::Funding, &f.id);
        note(EntityKind::Partner, &f.funder, me);
        f.earmarked
            .iter()
            .for_each(|a| note(EntityKind::Activity, a, me));
    }
    out
}

/// The renames among the entities `removed` from `a` and `added` in `b`.
pub(crate) fn detect(
    a: &Plan,
    b: &Plan,
    removed: &[(EntityKind, Id)],
    added: &[(EntityKind, Id)],
) -> Vec<Detected> {
    if removed.is_empty() || added.is_empty() {
        return Vec::new();
    }
    let gone: HashSet<(EntityKind, &Id)> = removed.iter().map(|(k, id)| (*k, id)).collect();
    let new: HashSet<(EntityKind, &Id)> = added.iter().map(|(k, id)| (*k, id)).collect();
    let (refs_a, refs_b) = (
        referrers(a, &gone),
        referrers(b, &gone.union(&new).copied().collect()),
    );
    let empty = BTreeSet::new();
    let mut claimed: HashSet<&Id> = HashSet::new();
    let mut out = Vec::new();
    for (kind, old) in removed {
        let key = (*kind, old.clone());
        if refs_b.get(&key).is_some_and(|r| !r.is_empty()) {
            continue;
        }
        let moved: Vec<(EntityKind, Id)> = refs_a
            .get(&key)
            .unwrap_or(&empty)
            .iter()
            .filter(|(k, id)| b.contains(*k, id.as_str()))
            .cloned()
            .collect();
        let Some(before) = a.get(*kind, old.as_str()) else {
            continue;
        };
        let mut best: Option<(usize, &Id)> = None;
        for (k, to) in added
            .iter()
            .filter(|(k, to)| k == kind && !claimed.contains(to))
        {
            let now = refs_b.get(&(*k, to.clone())).unwrap_or(&empty);
            if !moved.iter().all(|r| now.contains(r)) {
                continue;
            }
            let Some(after) = b.get(*k, to.as_str()) else {
                continue;
            };
            let limit = if moved.is_empty() {
                0
            } else {
                MAX_CHANGED_FIELDS
            };
            let d = distance(&before, &after, *kind, old, to, limit);
            if d <= limit && best.is_none_or(|(bd, bid)| (d, to) < (bd, bid)) {
                best = Some((d, to));
            }
        }
        if let Some((_, to)) = best {
            claimed.insert(to);
            out.push(Detected {
                kind: *kind,
                from: old.clone(),
                to: to.clone(),
                referrers: moved,
            });
        }
    }
    out
}

/// How many fields differ between `before` renamed to `to` and `after` (anything above
/// `limit` is not counted exactly).
fn distance(
    before: &Entity,
    after: &Entity,
    kind: EntityKind,
    old: &Id,
    to: &Id,
    limit: usize,
) -> usize {
    let mut moved = before.clone();
    moved.rewrite_references(kind, old, to);
    moved.set_id(to.clone());
    moved.normalize();
    if &moved == after {
        return 0;
    }
    if limit == 0 {
        // Many unrelated additions and removals: only identical content can be a rename,
        // and that needs no field-by-field diff.
        return usize::MAX;
    }
    diff_tree(
        Root::Entity(kind),
        Some(&entity_tree(&moved)),
        Some(&entity_tree(after)),
    )
    .len()
}

/// `e` with every detected rename applied to its references (and to its own id, if it is one
/// of the renamed).
pub(crate) fn rewritten(e: &Entity, renames: &[Detected]) -> Entity {
    let mut e = e.clone();
    for r in renames {
        e.rewrite_references(r.kind, &r.from, &r.to);
        if e.kind() == r.kind && e.id() == &r.from {
            e.set_id(r.to.clone());
        }
    }
    e.normalize();
    e
}
