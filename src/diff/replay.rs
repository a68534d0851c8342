//! Carrying a rename made on one side of a merge over to the base and the other side.
//!
//! Ids are the keys of the merge, so a rename on its own would read as a deletion of the old
//! id and an addition of the new one: the other side's edits of the entity would become a
//! delete/modify conflict and its new references to the old id would dangle. Instead, a
//! rename detected on one side (by the rule in `rename`) is replayed on the base and on the
//! other side before merging: the entity moves to its new id there too, with every reference.
//! Both sides renaming it the same way replays it on the base only. Renaming it to two
//! different ids is a rename/rename conflict, as git's own: our rename is replayed on the
//! base and on theirs (their edits follow the entity under our id, so the plan holds one
//! copy), and the conflict offers the three ids to choose from.

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
    /// Entities both sides renamed, to different ids.
    pub clashes: Vec<super::merge::Conflict>,
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

/// The rename/rename conflict of `ours` (from `r.from` to `r.to`) and theirs (to `theirs`).
fn clash(r: &Detected, theirs: &Id) -> super::merge::Conflict {
    let id = |i: &Id| Some(serde_json::Value::from(i.as_str()));
    super::merge::Conflict {
        kind: super::merge::ConflictKind::RenameRename,
        target: crate::model::Unit::entity(r.kind, &r.to),
        path: super::FieldPath::new(vec![super::Seg::Field("id".into())]),
        base: id(&r.from),
        ours: id(&r.to),
        theirs: id(theirs),
        kept: super::merge::Side::Ours,
        problem: None,
    }
}

/// `base`, `ours` and `theirs` with the renames of each side carried over to the others.
pub(crate) fn replay<'p>(base: &'p Plan, ours: &'p Plan, theirs: &'p Plan) -> Replayed<'p> {
    let (ro, rt) = (renames(base, ours), renames(base, theirs));
    let mut out = Replayed {
        base: Cow::Borrowed(base),
        ours: Cow::Borrowed(ours),
        theirs: Cow::Borrowed(theirs),
        clashes: Vec::new(),
    };
    let twin = |list: &[Detected], r: &Detected| {
        list.iter()
            .find(|x| x.kind == r.kind && x.from == r.from)
            .map(|x| x.to == r.to)
    };
    for r in &ro {
        match twin(&rt, r) {
            Some(true) => carry(&mut out.base, r),
            Some(false) => {
                let Some(t) = rt.iter().find(|x| x.kind == r.kind && x.from == r.from) else {
                    continue;
                };
                // Theirs is moved to our id: one entity, both sides' edits, our id kept.
                carry(&mut out.base, r);
                let theirs_to_ours = Detected {
                    kind: r.kind,
                    from: t.to.clone(),
                    to: r.to.clone(),
                    referrers: Vec::new(),
                };
                carry(&mut out.theirs, &theirs_to_ours);
                out.clashes.push(clash(r, &t.to));
            }
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
