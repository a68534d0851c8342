//! Putting what a [`Snapshot`] read in place of what a [`LoadedPlan`] held in the same places:
//! the plan's values, where each came from, the hash of each file's bytes and the problems
//! found while reading. Opening a plan folds every place into an empty plan; a change seen on
//! disk folds only the places it touched, so the two always agree. Pure: the snapshot did the
//! reading.

use super::LoadedPlan;
use super::cache::Parsed;
use super::disk::{Place, Snapshot};
use super::layout::{FileKind, PLAN_FILE};
use super::load::Found;
use super::read::placeholder_meta;
use crate::check::Diagnostic;
use crate::model::{Consultation, Entity, EntityKind, Id, Unit, UnitValue};
use std::collections::BTreeMap;

/// The units a fold changed, each with the value it held before (`None`: absent).
pub type Changed = Vec<(Unit, Option<UnitValue>)>;

impl LoadedPlan {
    /// Replaces what the plan held in the snapshot's places by what they hold now, and returns
    /// every unit whose value changed, with its value before.
    pub fn fold(&mut self, snapshot: Snapshot) -> Changed {
        let mut before = BTreeMap::new();
        self.fold_into(snapshot, Some(&mut before));
        before
            .into_iter()
            .filter(|(u, v)| self.plan.unit(u) != *v)
            .collect()
    }

    /// Folds a snapshot of every place into an empty plan (opening it): nothing to compare.
    pub(super) fn fold_all(&mut self, snapshot: Snapshot) {
        self.fold_into(snapshot, None);
    }

    fn fold_into(
        &mut self,
        s: Snapshot,
        mut before: Option<&mut BTreeMap<Unit, Option<UnitValue>>>,
    ) {
        for place in &s.places {
            self.clear(place, before.as_deref_mut());
        }
        if let Some((hash, meta, diagnostics)) = s.meta {
            if let Some(h) = hash {
                self.sources.hashes.insert(PLAN_FILE.to_owned(), h);
            }
            self.meta_readable = meta.is_some();
            let mut meta = meta.unwrap_or_else(placeholder_meta);
            meta.normalize();
            self.plan.meta = meta;
            self.diagnostics.extend(diagnostics);
        }
        for (found, (hash, result)) in s.files {
            if let Some(h) = hash {
                self.sources.hashes.insert(found.rel.clone(), h);
            }
            let unit = self.insert(&found, result);
            if let (Some(unit), Some(b)) = (unit, before.as_deref_mut()) {
                b.entry(unit).or_insert(None);
            }
        }
        self.diagnostics.extend(s.diagnostics);
    }

    /// Forgets everything the plan held in `place`, noting each unit's value in `before`.
    fn clear(&mut self, place: &Place, mut before: Option<&mut BTreeMap<Unit, Option<UnitValue>>>) {
        let mut note = |plan: &crate::model::Plan, unit: Unit| {
            if let Some(b) = before.as_deref_mut() {
                let v = plan.unit(&unit);
                b.entry(unit).or_insert(v);
            }
        };
        self.diagnostics.retain(|d| !place.covers(&d.path));
        let src = &mut self.sources;
        if let Place::EntityFile(kind, name) = place {
            // One file: found by its name, without a walk over a large plan's every file.
            let rel = format!("{}/{name}", kind.dir());
            src.hashes.remove(&rel);
            if let Some(stem) = name.strip_suffix(".ron") {
                let key = (*kind, Id::new_unchecked(stem));
                if src.files.get(&key) == Some(&rel) {
                    note(&self.plan, Unit::entity(*kind, &key.1));
                    self.plan.take(*kind, stem);
                    src.files.remove(&key);
                }
                src.unreadable.remove(&(*kind, stem.to_owned()));
            }
            return;
        }
        src.hashes.retain(|rel, _| !place.covers(rel));
        match place {
            Place::Meta => {
                note(&self.plan, Unit::Plan);
                self.meta_readable = false;
            }
            Place::EntityFile(..) => {}
            Place::EntityDir(kind) => {
                let gone: Vec<(EntityKind, Id)> = src
                    .files
                    .keys()
                    .filter(|(k, _)| k == kind)
                    .cloned()
                    .collect();
                for (kind, id) in gone {
                    note(&self.plan, Unit::entity(kind, &id));
                    self.plan.take(kind, id.as_str());
                    src.files.remove(&(kind, id));
                }
                src.unreadable.retain(|(k, _)| k != kind);
            }
            Place::Round(_) | Place::Consultations => {
                let gone: Vec<Id> = src
                    .rounds
                    .iter()
                    .filter(|(_, rel)| place.covers(rel))
                    .map(|(id, _)| id.clone())
                    .collect();
                for round in gone {
                    if let Some(c) = self.plan.consultations.get(&round) {
                        for p in c.responses.keys() {
                            note(
                                &self.plan,
                                Unit::Response {
                                    round: round.clone(),
                                    participant: p.clone(),
                                },
                            );
                        }
                    }
                    note(
                        &self.plan,
                        Unit::Round {
                            round: round.clone(),
                        },
                    );
                    self.plan.consultations.remove(&round);
                    src.rounds.remove(&round);
                }
                src.responses.retain(|_, rel| !place.covers(rel));
                src.unreadable_consultations
                    .retain(|rel| !place.covers(rel));
            }
        }
    }

    /// Adds one file read to the plan; returns the unit it now holds, if any.
    fn insert(&mut self, f: &Found, result: Result<Box<Parsed>, Diagnostic>) -> Option<Unit> {
        let src = &mut self.sources;
        let parsed = match result {
            Ok(p) => *p,
            Err(d) => {
                self.diagnostics.push(d);
                match f.kind {
                    FileKind::Entity(kind) => {
                        src.unreadable.insert((kind, f.stem.clone()));
                    }
                    FileKind::Round | FileKind::Response => {
                        src.unreadable_consultations.insert(f.rel.clone());
                    }
                }
                return None;
            }
        };
        match parsed {
            Parsed::Entity(e) => {
                let unit = Unit::entity(e.kind(), e.id());
                src.files.insert((e.kind(), e.id().clone()), f.rel.clone());
                put(&mut self.plan, e);
                Some(unit)
            }
            Parsed::Round(mut r) => {
                r.normalize();
                let id = r.id.clone();
                src.rounds.insert(id.clone(), f.rel.clone());
                self.plan
                    .consultations
                    .insert(id.clone(), Consultation::new(r));
                Some(Unit::Round { round: id })
            }
            Parsed::Response(mut r) => {
                let round = Id::new_unchecked(f.round.as_str());
                let Some(c) = self.plan.consultations.get_mut(&round) else {
                    // The round's own problem (unreadable, misnamed) says why.
                    src.unreadable_consultations.insert(f.rel.clone());
                    return None;
                };
                r.normalize();
                let participant = r.participant.clone();
                src.responses
                    .insert((round.clone(), participant.clone()), f.rel.clone());
                c.responses.insert(participant.clone(), r);
                Some(Unit::Response { round, participant })
            }
        }
    }
}

/// Entities were normalised when parsed (see `load::read_one`).
fn put(plan: &mut crate::model::Plan, e: Entity) {
    plan.put(e);
}
