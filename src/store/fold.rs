//! Putting what a [`Snapshot`] read in place of what a [`LoadedPlan`] held in the same places:
//! the plan's values, where each came from, the hash of each file's bytes and the problems
//! found while reading. Opening a plan folds every place into an empty plan; a change seen on
//! disk folds only the places it touched, so the two always agree. Pure: the snapshot did the
//! reading.

use super::LoadedPlan;
use super::cache::Parsed;
use super::disk::{Place, Snapshot};
use super::files::{Content, FileRead};
use super::layout::{FileKind, PLAN_FILE};
use super::read::placeholder_meta;
use crate::model::GOVERNANCE_FILE;
use crate::model::{
    Activity, Beneficiary, Consultation, Entity, EntityKind, FundingSource, Id, Partner, Plan,
    Unit, UnitValue,
};
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
        if let Some((hash, governance, diagnostics)) = s.governance {
            if let Some(h) = hash {
                self.sources.hashes.insert(GOVERNANCE_FILE.to_owned(), h);
            }
            self.plan.governance = governance;
            self.diagnostics.extend(diagnostics);
        }
        let mut fresh = Fresh::new(&self.plan, &s.files);
        let mut files = s.files;
        for f in &mut files {
            if let Some(h) = f.hash {
                self.sources.hashes.insert(f.found.rel.clone(), h);
            }
            let unit = self.insert(f, &mut fresh);
            if let (Some(unit), Some(b)) = (unit, before.as_deref_mut()) {
                b.entry(unit).or_insert(None);
            }
        }
        fresh.build(&mut self.plan, files);
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
                if src.files.contains(&key) {
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
            Place::Governance => self.plan.governance = None,
            Place::EntityFile(..) => {}
            Place::EntityDir(kind) => {
                let gone: Vec<(EntityKind, Id)> = src
                    .files
                    .iter()
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

    /// Adds one file read to the plan, taking what it holds (an activity bound for a map built
    /// at once stays where it is); returns the unit it now holds, if any.
    fn insert(&mut self, f: &mut FileRead, fresh: &mut Fresh) -> Option<Unit> {
        let src = &mut self.sources;
        if let Content::Parsed(Parsed::Entity(e)) = &f.content {
            let (kind, id) = (e.kind(), e.id().clone());
            src.files.insert((kind, id.clone()));
            if !(kind == EntityKind::Activity && fresh.activities)
                && let Content::Parsed(Parsed::Entity(e)) = f.take()
                && let Some(e) = fresh.keep(e)
            {
                self.plan.put(e);
            }
            return Some(Unit::entity(kind, &id));
        }
        let f_found = &f.found;
        match std::mem::replace(&mut f.content, Content::Unread) {
            Content::Unread | Content::Parsed(Parsed::Entity(_)) => None,
            Content::Failed(d) => {
                self.diagnostics.push(*d);
                match f_found.kind {
                    FileKind::Entity(kind) => {
                        src.unreadable.insert((kind, f_found.stem.clone()));
                    }
                    FileKind::Round | FileKind::Response => {
                        src.unreadable_consultations.insert(f_found.rel.clone());
                    }
                }
                None
            }
            Content::Parsed(Parsed::Round(mut r)) => {
                r.normalize();
                let id = r.id.clone();
                src.rounds.insert(id.clone(), f_found.rel.clone());
                self.plan
                    .consultations
                    .insert(id.clone(), Consultation::new(r));
                Some(Unit::Round { round: id })
            }
            Content::Parsed(Parsed::Response(mut r)) => {
                let round = Id::new_unchecked(f_found.round.as_str());
                let Some(c) = self.plan.consultations.get_mut(&round) else {
                    // The round's own problem (unreadable, misnamed) says why.
                    src.unreadable_consultations.insert(f_found.rel.clone());
                    return None;
                };
                r.normalize();
                let participant = r.participant.clone();
                src.responses
                    .insert((round.clone(), participant.clone()), f_found.rel.clone());
                c.responses.insert(participant.clone(), r);
                Some(Unit::Response { round, participant })
            }
        }
    }
}

/// The entities of a fold bound for maps that were empty when it began (every map, when a plan
/// is opened), each map then built at once. Built from sorted entries, a `BTreeMap`'s nodes are
/// full; inserted one by one in order, each is left a little more than half full, which at
/// 100,000 activities of some 420 bytes each was 35 MB of the plan's memory (and as much again
/// in the copy the TUI edits). Entities were normalised when parsed (see `files`).
struct Fresh {
    /// Whether the activities are built into their map from the list of files itself.
    activities: bool,
    partners: Option<Vec<(Id, Partner)>>,
    beneficiaries: Option<Vec<(Id, Beneficiary)>>,
    funding: Option<Vec<(Id, FundingSource)>>,
}

impl Fresh {
    /// Room for the entities of `files` whose map in `plan` is empty.
    fn new(plan: &Plan, files: &[FileRead]) -> Fresh {
        let count = |kind| {
            files
                .iter()
                .filter(|f| f.found.kind == FileKind::Entity(kind))
                .count()
        };
        fn room<V, T>(map: &BTreeMap<Id, V>, n: usize) -> Option<Vec<T>> {
            (map.is_empty() && n > 0).then(|| Vec::with_capacity(n))
        }
        Fresh {
            activities: plan.activities.is_empty() && count(EntityKind::Activity) > 0,
            partners: room(&plan.partners, count(EntityKind::Partner)),
            beneficiaries: room(&plan.beneficiaries, count(EntityKind::Beneficiary)),
            funding: room(&plan.funding, count(EntityKind::Funding)),
        }
    }

    /// Keeps `e` when its map is built at once; gives it back to be put in its map otherwise.
    fn keep(&mut self, e: Entity) -> Option<Entity> {
        match (e, self) {
            (
                Entity::Partner(p),
                Fresh {
                    partners: Some(v), ..
                },
            ) => v.push((p.id.clone(), p)),
            (
                Entity::Beneficiary(b),
                Fresh {
                    beneficiaries: Some(v),
                    ..
                },
            ) => v.push((b.id.clone(), b)),
            (
                Entity::Funding(f),
                Fresh {
                    funding: Some(v), ..
                },
            ) => v.push((f.id.clone(), f)),
            (e, _) => return Some(e),
        }
        None
    }

    /// Builds each empty map from what was kept for it; a later entry of one id wins, as a
    /// later insert would. The activities are built from the list of files itself.
    fn build(self, plan: &mut Plan, files: Vec<FileRead>) {
        if self.activities {
            plan.activities = BTreeMap::from_iter(activities_in_place(files));
        }
        if let Some(v) = self.partners {
            plan.partners = v.into_iter().collect();
        }
        if let Some(v) = self.beneficiaries {
            plan.beneficiaries = v.into_iter().collect();
        }
        if let Some(v) = self.funding {
            plan.funding = v.into_iter().collect();
        }
    }
}

/// The activities of `files`, in the same buffer: std collects a `Vec`'s own iterator in place
/// when the items it makes are no larger than the items it takes and aligned alike (checked by
/// a test below), so the peak of opening a plan holds this list and the map's nodes, not a
/// third copy of every activity.
fn activities_in_place(files: Vec<FileRead>) -> Vec<(Id, Activity)> {
    files
        .into_iter()
        .filter_map(|f| match f.content {
            Content::Parsed(Parsed::Entity(Entity::Activity(a))) => Some((a.id.clone(), a)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activities_fit_in_the_list_of_files() {
        use std::mem::{align_of, size_of};
        assert_eq!(align_of::<FileRead>(), align_of::<(Id, Activity)>());
        assert!(size_of::<FileRead>() >= size_of::<(Id, Activity)>());
    }
}
