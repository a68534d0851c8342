//! Merging consultations: rounds and responses file by file, then field by field.
//!
//! Responses are one file per participant, so partners who collect answers apart add
//! different files and never meet. A round's design merges like an entity: questions keyed by
//! id, their options keyed by id, the plan items they refer to as sets.

use super::merge::{Conflict, ConflictKind, Side, Target, tie};
use super::path::FieldPath;
use super::three_way::{Found, merge_tree};
use super::tree::{Root, json, pairs};
use crate::model::{Consultation, Id, Plan, Response, Round};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// Merges the consultations that theirs changed into `merged`, which starts as ours.
pub(crate) fn merge_consultations(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    merged: &mut Plan,
    conflicts: &mut Vec<Conflict>,
) {
    let changed: Vec<&Id> = pairs(&base.consultations, &theirs.consultations)
        .filter(|(_, b, t)| b != t)
        .map(|(id, _, _)| id)
        .collect();
    for id in changed {
        let (b, o, t) = (
            base.consultations.get(id),
            ours.consultations.get(id),
            theirs.consultations.get(id),
        );
        if o == t {
            continue;
        }
        let round_target = Target::Round { round: id.clone() };
        let (round, found) = merge_value(
            Root::Round,
            &round_target,
            b.map(|c| &c.round),
            o.map(|c| &c.round),
            t.map(|c| &c.round),
            Round::normalize,
        );
        conflicts.extend(found);
        let empty = BTreeMap::new();
        let (rb_all, ro_all, rt_all) = (
            b.map_or(&empty, |c| &c.responses),
            o.map_or(&empty, |c| &c.responses),
            t.map_or(&empty, |c| &c.responses),
        );
        let mut responses = ro_all.clone();
        for (p, rb, rt) in pairs(rb_all, rt_all).filter(|(_, rb, rt)| rb != rt) {
            let target = Target::Response {
                round: id.clone(),
                participant: p.clone(),
            };
            let ro = ro_all.get(p);
            let (r, found) = merge_value(Root::Response, &target, rb, ro, rt, Response::normalize);
            match r {
                Some(r) => responses.insert(p.clone(), r),
                None => responses.remove(p),
            };
            conflicts.extend(found);
        }
        match round {
            Some(round) => {
                merged
                    .consultations
                    .insert(id.clone(), Consultation { round, responses });
            }
            None if responses.is_empty() => {
                merged.consultations.remove(id);
            }
            None => {
                // One side deleted the round while the other collected answers for it: keep
                // the round, as a delete/modify conflict, so that no answer is lost.
                let Some(kept) = o.or(t) else { continue };
                let side = if o.is_some() {
                    Side::Ours
                } else {
                    Side::Theirs
                };
                conflicts.extend(tie(
                    &round_target,
                    vec![Found {
                        kind: ConflictKind::DeleteModify,
                        path: FieldPath::root(),
                        base: b.map(|c| json(&c.round)),
                        ours: o.map(|c| json(&c.round)),
                        theirs: t.map(|c| json(&c.round)),
                        kept: side,
                    }],
                ));
                merged.consultations.insert(
                    id.clone(),
                    Consultation {
                        round: kept.round.clone(),
                        responses,
                    },
                );
            }
        }
    }
}

/// Three-way merge of one round or response (`None`: absent on that side), as
/// [`super::merge::merge_entity`] does for an entity.
pub(crate) fn merge_value<T>(
    root: Root,
    target: &Target,
    b: Option<&T>,
    o: Option<&T>,
    t: Option<&T>,
    normalize: fn(&mut T),
) -> (Option<T>, Vec<Conflict>)
where
    T: Serialize + DeserializeOwned + PartialEq + Clone,
{
    if o == t || b == t {
        return (o.cloned(), Vec::new());
    }
    if b == o {
        return (t.cloned(), Vec::new());
    }
    let (tb, to, tt) = (b.map(json), o.map(json), t.map(json));
    let whole = |kind, kept| Found {
        kind,
        path: FieldPath::root(),
        base: tb.clone(),
        ours: to.clone(),
        theirs: tt.clone(),
        kept,
    };
    match (&to, &tt) {
        (None, Some(_)) => (
            t.cloned(),
            tie(
                target,
                vec![whole(ConflictKind::DeleteModify, Side::Theirs)],
            ),
        ),
        (Some(_), None) => (
            o.cloned(),
            tie(target, vec![whole(ConflictKind::DeleteModify, Side::Ours)]),
        ),
        (Some(vo), Some(vt)) => {
            let (tree, found) = merge_tree(root, tb.as_ref(), vo, vt);
            match serde_json::from_value::<T>(tree) {
                Ok(mut v) => {
                    normalize(&mut v);
                    (Some(v), tie(target, found))
                }
                // Never write a file that cannot be read back: the whole file is the conflict.
                Err(_) => {
                    let k = if b.is_none() {
                        ConflictKind::AddAdd
                    } else {
                        ConflictKind::Field
                    };
                    (o.cloned(), tie(target, vec![whole(k, Side::Ours)]))
                }
            }
        }
        (None, None) => (None, Vec::new()),
    }
}

/// Writes a chosen value (`None`: absent) at `path` of a round or response in `plan`.
pub(crate) fn write_value(
    plan: &mut Plan,
    target: &Target,
    path: &FieldPath,
    value: Option<serde_json::Value>,
) -> Result<(), super::ResolveError> {
    use super::nav::{Write, write};
    let invalid = |e: serde_json::Error| super::ResolveError::Invalid {
        target: target.to_string(),
        path: path.to_string(),
        message: crate::said!("value-not-json", reason = &e.to_string()),
    };
    let op = |value: Option<serde_json::Value>| value.map_or(Write::Remove(None), Write::Replace);
    match target {
        Target::Round { round } => {
            let current = plan.consultations.get(round).map(|c| json(&c.round));
            let tree = match (path.is_root(), value, current) {
                (true, None, _) => {
                    plan.consultations.remove(round);
                    return Ok(());
                }
                (true, Some(v), _) => v,
                (false, value, Some(mut tree)) => {
                    write(Root::Round, &mut tree, path, op(value))?;
                    tree
                }
                (false, _, None) => return Err(missing(target)),
            };
            let mut r: Round = serde_json::from_value(tree).map_err(invalid)?;
            r.normalize();
            match plan.consultations.get_mut(round) {
                Some(c) => c.round = r,
                None => {
                    plan.consultations
                        .insert(round.clone(), Consultation::new(r));
                }
            }
        }
        Target::Response { round, participant } => {
            let c = plan
                .consultations
                .get_mut(round)
                .ok_or_else(|| missing(target))?;
            let current = c.responses.get(participant).map(json);
            let tree = match (path.is_root(), value, current) {
                (true, None, _) => {
                    c.responses.remove(participant);
                    return Ok(());
                }
                (true, Some(v), _) => v,
                (false, value, Some(mut tree)) => {
                    write(Root::Response, &mut tree, path, op(value))?;
                    tree
                }
                (false, _, None) => return Err(missing(target)),
            };
            let mut r: Response = serde_json::from_value(tree).map_err(invalid)?;
            r.normalize();
            c.responses.insert(participant.clone(), r);
        }
        Target::Plan | Target::Governance | Target::Entity { .. } => {}
    }
    Ok(())
}

fn missing(target: &Target) -> super::ResolveError {
    super::ResolveError::Invalid {
        target: target.to_string(),
        path: String::new(),
        message: crate::said!("resolve-target-gone"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Choice, ConflictKind, merge, resolve};
    use crate::model::{Answer, Id};

    fn id(s: &str) -> Id {
        Id::new_unchecked(s)
    }

    #[test]
    fn responses_collected_apart_merge_and_clashes_are_conflicts() {
        let base = crate::consult::tests::sample();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let add = |p: &mut crate::model::Plan, pid: &str| {
            if let Some(c) = p.consultations.get_mut("r1") {
                let mut r = c.responses["p1"].clone();
                r.participant = id(pid);
                c.responses.insert(id(pid), r);
            }
        };
        add(&mut ours, "p8");
        add(&mut theirs, "p9");
        if let Some(c) = theirs.consultations.get_mut("r1") {
            c.round.title = crate::model::Text::en("Renamed round");
        }
        let r = merge(&base, &ours, &theirs);
        assert_eq!(r.conflicts, vec![]);
        let c = &r.merged.consultations["r1"];
        assert!(c.responses.contains_key("p8") && c.responses.contains_key("p9"));
        assert_eq!(c.round.title.show(crate::model::Lang::En), "Renamed round");

        // The same answer changed two ways: a field conflict on the response, ours kept.
        let set = |p: &mut crate::model::Plan, n: u8| {
            if let Some(c) = p.consultations.get_mut("r1")
                && let Some(r) = c.responses.get_mut("p1")
            {
                r.answers.insert(id("rate"), Answer::Rating(n));
            }
        };
        set(&mut ours, 1);
        set(&mut theirs, 5);
        let mut r = merge(&base, &ours, &theirs);
        assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
        assert_eq!(r.conflicts[0].kind, ConflictKind::Field);
        assert_eq!(
            r.conflicts[0].target.to_string(),
            "consultations/r1/responses/p1.ron"
        );
        assert_eq!(
            r.merged.consultations["r1"].responses["p1"].answers["rate"],
            Answer::Rating(1)
        );
        resolve(&mut r, 0, Choice::Theirs).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            r.merged.consultations["r1"].responses["p1"].answers["rate"],
            Answer::Rating(5)
        );
    }

    #[test]
    fn a_deleted_round_with_new_answers_is_kept() {
        let base = crate::consult::tests::sample();
        let mut ours = base.clone();
        ours.consultations.clear();
        let mut theirs = base.clone();
        if let Some(c) = theirs.consultations.get_mut("r1") {
            let mut r = c.responses["p1"].clone();
            r.participant = id("p9");
            c.responses.insert(id("p9"), r);
        }
        let r = merge(&base, &ours, &theirs);
        assert!(r.merged.consultations["r1"].responses.contains_key("p9"));
        assert!(
            r.conflicts
                .iter()
                .any(|c| c.kind == ConflictKind::DeleteModify)
        );
    }
}
