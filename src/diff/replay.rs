//! Carrying a rename made on one side of a merge over to the base and the other side.
//!
//! Ids are the keys of the merge, so a rename on its own would read as a deletion of the old
//! id and an addition of the new one: the other side's edits of the entity would become a
//! delete/modify conflict and its new references to the old id would dangle. Instead, a
//! rename detected on one side (by the rule in `rename`) is replayed on the base and on the
//! other side before merging: the entity moves to its new id there too, with every reference.
//! Both sides renaming it the same way replays it on the base only; renaming it to two
//! different ids replays neither, and the clash shows as conflicts on the referring fields.

use super::rename::{self, Detected};
use super::tree::pairs;
use crate::model::{EntityKind, Id, Plan};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The three plans of a merge with each side's renames carried over.
pub(crate) struct Replayed<'p> {
    pub base: Cow<'p, Plan>,
    pub ours: Cow<'p, Plan>,
    pub theirs: Cow<'p, Plan>,
}

/// The renames from `a` to `b`.
pub(crate) fn renames(a: &Plan, b: &Plan) -> Vec<Detected> {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let mut scan = |kind: EntityKind, ids: Vec<(&Id, bool, bool)>| {
        for (id, in_a, in_b) in ids {
            match (in_a, in_b) {
                (true, false) => removed.push((kind, id.clone())),
                (false, true) => added.push((kind, id.clone())),
                _ => {}
            }
        }
    };
    scan(EntityKind::Activity, presence(&a.activities, &b.activities));
    scan(EntityKind::Partner, presence(&a.partners, &b.partners));
    scan(
        EntityKind::Beneficiary,
        presence(&a.beneficiaries, &b.beneficiaries),
    );
    scan(EntityKind::Funding, presence(&a.funding, &b.funding));
    rename::detect(a, b, &removed, &added)
}

/// Which ids each side has; only ids on one side matter, and only keys are compared.
fn presence<'a, T>(a: &'a BTreeMap<Id, T>, b: &'a BTreeMap<Id, T>) -> Vec<(&'a Id, bool, bool)> {
    pairs(a, b)
        .filter(|(_, x, y)| x.is_some() != y.is_some())
        .map(|(id, x, y)| (id, x.is_some(), y.is_some()))
        .collect()
}

/// Moves `r.from` to `r.to` in `plan` with every reference, unless `plan` already holds
/// something else under the new id (then the two are left to meet in the merge).
fn carry(plan: &mut Cow<Plan>, r: &Detected) {
    if plan.contains(r.kind, r.to.as_str()) {
        return;
    }
    let p = plan.to_mut();
    p.rewrite_references(r.kind, &r.from, &r.to);
    if let Some(mut e) = p.take(r.kind, r.from.as_str()) {
        e.set_id(r.to.clone());
        e.normalize();
        p.put(e);
    }
}

/// `base`, `ours` and `theirs` with the renames of each side carried over to the others.
pub(crate) fn replay<'p>(base: &'p Plan, ours: &'p Plan, theirs: &'p Plan) -> Replayed<'p> {
    let (ro, rt) = (renames(base, ours), renames(base, theirs));
    let mut out = Replayed {
        base: Cow::Borrowed(base),
        ours: Cow::Borrowed(ours),
        theirs: Cow::Borrowed(theirs),
    };
    let twin = |list: &[Detected], r: &Detected| {
        list.iter()
            .find(|x| x.kind == r.kind && x.from == r.from)
            .map(|x| x.to == r.to)
    };
    for r in &ro {
        match twin(&rt, r) {
            Some(true) => carry(&mut out.base, r),
            Some(false) => {}
            None => {
                carry(&mut out.base, r);
                carry(&mut out.theirs, r);
            }
        }
    }
    for r in rt.iter().filter(|r| twin(&ro, r).is_none()) {
        carry(&mut out.base, r);
        carry(&mut out.ours, r);
    }
    out
}
