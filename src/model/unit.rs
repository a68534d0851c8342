//! One file of the plan as a unit of change: `plan.ron`, the rules (`governance.ron`), an
//! entity, a round's design or a participant's response. Saving, watching the disk, merging unsaved edits with what arrived
//! and recovering after a crash all work unit by unit, so they share these two types.

use super::{
    CONSULTATIONS_DIR, Entity, EntityKind, GOVERNANCE_FILE, Governance, Id, PLAN_FILE, Plan,
    PlanMeta, RESPONSES_DIR, ROUND_FILE, Response, Round,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which file of the plan: `plan.ron`, `governance.ron`, one entity, a round's `round.ron` or one response.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "file", rename_all = "lowercase")]
pub enum Unit {
    /// `plan.ron`.
    Plan,
    /// `governance.ron`, the rules of who may change what.
    Governance,
    /// An entity file.
    Entity {
        /// Its kind.
        kind: EntityKind,
        /// Its id.
        id: Id,
    },
    /// A consultation round's `round.ron`.
    Round {
        /// The round.
        round: Id,
    },
    /// A participant's response file.
    Response {
        /// The round.
        round: Id,
        /// The participant.
        participant: Id,
    },
}

impl fmt::Display for Unit {
    /// The file, relative to the plan folder.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Plan => f.write_str(PLAN_FILE),
            Unit::Governance => f.write_str(GOVERNANCE_FILE),
            Unit::Entity { kind, id } => f.write_str(&kind.file_path(id)),
            Unit::Round { round } => f.write_str(&super::round_path(round)),
            Unit::Response { round, participant } => {
                f.write_str(&super::response_path(round, participant))
            }
        }
    }
}

impl Unit {
    /// The entity `kind`/`id`.
    pub fn entity(kind: EntityKind, id: &Id) -> Unit {
        Unit::Entity {
            kind,
            id: id.clone(),
        }
    }

    /// The unit a path relative to the plan folder holds, when it names one by its place
    /// (`activities/x.ron`, `consultations/r/round.ron`); the ids are the file's and folders'
    /// names, whether or not they are valid slugs.
    pub(crate) fn from_path(rel: &str) -> Option<Unit> {
        if rel == PLAN_FILE {
            return Some(Unit::Plan);
        }
        if rel == GOVERNANCE_FILE {
            return Some(Unit::Governance);
        }
        let (dir, file) = rel.split_once('/')?;
        if dir == CONSULTATIONS_DIR {
            let (round, file) = file.split_once('/')?;
            let round = Id::new_unchecked(round);
            if file == ROUND_FILE {
                return Some(Unit::Round { round });
            }
            let stem = file
                .strip_prefix(RESPONSES_DIR)?
                .strip_prefix('/')?
                .strip_suffix(".ron")?;
            return (!stem.contains('/') && !stem.is_empty()).then(|| Unit::Response {
                round,
                participant: Id::new_unchecked(stem),
            });
        }
        let kind = EntityKind::from_dir(dir)?;
        let stem = file.strip_suffix(".ron")?;
        (!stem.contains('/') && !stem.is_empty())
            .then(|| Unit::entity(kind, &Id::new_unchecked(stem)))
    }

    /// The round a consultation unit belongs to.
    pub fn round(&self) -> Option<&Id> {
        match self {
            Unit::Round { round } | Unit::Response { round, .. } => Some(round),
            Unit::Plan | Unit::Governance | Unit::Entity { .. } => None,
        }
    }
}

/// What one unit holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitValue {
    /// `plan.ron`.
    Meta(Box<PlanMeta>),
    /// `governance.ron`.
    Governance(Box<Governance>),
    /// An entity.
    Entity(Box<Entity>),
    /// A round's design (without its responses).
    Round(Box<Round>),
    /// A participant's response.
    Response(Box<Response>),
}

impl UnitValue {
    /// `plan.ron`'s fields, when this is one.
    pub(crate) fn as_meta(&self) -> Option<&PlanMeta> {
        match self {
            UnitValue::Meta(m) => Some(m),
            _ => None,
        }
    }

    /// The rules, when this is `governance.ron`.
    pub(crate) fn as_governance(&self) -> Option<&Governance> {
        match self {
            UnitValue::Governance(g) => Some(g),
            _ => None,
        }
    }

    /// The entity, when this is one.
    pub(crate) fn as_entity(&self) -> Option<&Entity> {
        match self {
            UnitValue::Entity(e) => Some(e),
            _ => None,
        }
    }

    /// The round's design, when this is one.
    pub(crate) fn as_round(&self) -> Option<&Round> {
        match self {
            UnitValue::Round(r) => Some(r),
            _ => None,
        }
    }

    /// The response, when this is one.
    pub(crate) fn as_response(&self) -> Option<&Response> {
        match self {
            UnitValue::Response(r) => Some(r),
            _ => None,
        }
    }
}

impl Plan {
    /// A copy of what `unit` holds (`None`: absent).
    pub fn unit(&self, unit: &Unit) -> Option<UnitValue> {
        match unit {
            Unit::Plan => Some(UnitValue::Meta(Box::new(self.meta.clone()))),
            Unit::Governance => self
                .governance
                .clone()
                .map(|g| UnitValue::Governance(Box::new(g))),
            Unit::Entity { kind, id } => self
                .get(*kind, id.as_str())
                .map(|e| UnitValue::Entity(Box::new(e))),
            Unit::Round { round } => self
                .consultations
                .get(round)
                .map(|c| UnitValue::Round(Box::new(c.round.clone()))),
            Unit::Response { round, participant } => self
                .consultations
                .get(round)
                .and_then(|c| c.responses.get(participant))
                .map(|r| UnitValue::Response(Box::new(r.clone()))),
        }
    }

    /// Whether `unit` holds the same in `self` and in `other`, without copying either.
    pub(crate) fn same_unit(&self, other: &Plan, unit: &Unit) -> bool {
        match unit {
            Unit::Plan => self.meta == other.meta,
            Unit::Governance => self.governance == other.governance,
            Unit::Entity { kind, id } => match kind {
                EntityKind::Activity => self.activities.get(id) == other.activities.get(id),
                EntityKind::Partner => self.partners.get(id) == other.partners.get(id),
                EntityKind::Beneficiary => {
                    self.beneficiaries.get(id) == other.beneficiaries.get(id)
                }
                EntityKind::Funding => self.funding.get(id) == other.funding.get(id),
            },
            Unit::Round { round } => {
                self.consultations.get(round).map(|c| &c.round)
                    == other.consultations.get(round).map(|c| &c.round)
            }
            Unit::Response { round, participant } => {
                let r = |p: &Plan| {
                    p.consultations
                        .get(round)
                        .and_then(|c| c.responses.get(participant))
                        .cloned()
                };
                r(self) == r(other)
            }
        }
    }

    /// Makes `unit` hold `value` (`None`: removes it). A round removed takes its responses
    /// with it; a response whose round is absent creates nothing and returns `false`.
    pub(crate) fn set_unit(&mut self, unit: &Unit, value: Option<UnitValue>) -> bool {
        match (unit, value) {
            (Unit::Plan, Some(UnitValue::Meta(m))) => self.meta = *m,
            (Unit::Plan, _) => return false,
            (Unit::Governance, None) => self.governance = None,
            (Unit::Governance, Some(UnitValue::Governance(g))) => self.governance = Some(*g),
            (Unit::Entity { kind, id }, None) => {
                self.take(*kind, id.as_str());
            }
            (Unit::Entity { kind, id }, Some(UnitValue::Entity(e))) => {
                if e.kind() != *kind || e.id() != id {
                    return false;
                }
                self.put(*e);
            }
            (Unit::Round { round }, None) => {
                self.consultations.remove(round);
            }
            (Unit::Round { round }, Some(UnitValue::Round(r))) => {
                if &r.id != round {
                    return false;
                }
                match self.consultations.get_mut(round) {
                    Some(c) => c.round = *r,
                    None => {
                        self.consultations
                            .insert(round.clone(), super::Consultation::new(*r));
                    }
                }
            }
            (Unit::Response { round, participant }, value) => {
                let Some(c) = self.consultations.get_mut(round) else {
                    return value.is_none();
                };
                match value {
                    None => {
                        c.responses.remove(participant);
                    }
                    Some(UnitValue::Response(r)) if &r.participant == participant => {
                        c.responses.insert(participant.clone(), *r);
                    }
                    Some(_) => return false,
                }
            }
            _ => return false,
        }
        true
    }

    /// The units whose values differ between `self` and `other`, in file order.
    pub(crate) fn differing_units(&self, other: &Plan) -> Vec<Unit> {
        fn kind<T: PartialEq>(
            kind: EntityKind,
            a: &std::collections::BTreeMap<Id, T>,
            b: &std::collections::BTreeMap<Id, T>,
            out: &mut Vec<Unit>,
        ) {
            let ids: std::collections::BTreeSet<&Id> = a.keys().chain(b.keys()).collect();
            out.extend(
                ids.into_iter()
                    .filter(|id| a.get(*id) != b.get(*id))
                    .map(|id| Unit::entity(kind, id)),
            );
        }
        let mut out = Vec::new();
        if self.meta != other.meta {
            out.push(Unit::Plan);
        }
        if self.governance != other.governance {
            out.push(Unit::Governance);
        }
        kind(
            EntityKind::Activity,
            &self.activities,
            &other.activities,
            &mut out,
        );
        kind(
            EntityKind::Partner,
            &self.partners,
            &other.partners,
            &mut out,
        );
        kind(
            EntityKind::Beneficiary,
            &self.beneficiaries,
            &other.beneficiaries,
            &mut out,
        );
        kind(EntityKind::Funding, &self.funding, &other.funding, &mut out);
        let rounds: std::collections::BTreeSet<&Id> = self
            .consultations
            .keys()
            .chain(other.consultations.keys())
            .collect();
        for round in rounds {
            let (a, b) = (
                self.consultations.get(round),
                other.consultations.get(round),
            );
            if a.map(|c| &c.round) != b.map(|c| &c.round) {
                out.push(Unit::Round {
                    round: round.clone(),
                });
            }
            let none = std::collections::BTreeMap::new();
            let (ra, rb) = (
                a.map_or(&none, |c| &c.responses),
                b.map_or(&none, |c| &c.responses),
            );
            let ps: std::collections::BTreeSet<&Id> = ra.keys().chain(rb.keys()).collect();
            out.extend(
                ps.into_iter()
                    .filter(|p| ra.get(*p) != rb.get(*p))
                    .map(|p| Unit::Response {
                        round: round.clone(),
                        participant: p.clone(),
                    }),
            );
        }
        out
    }

    /// Every unit of the plan, in file order.
    pub fn units(&self) -> Vec<Unit> {
        let mut out = vec![Unit::Plan];
        if self.governance.is_some() {
            out.push(Unit::Governance);
        }
        for kind in EntityKind::ALL {
            out.extend(self.ids(kind).iter().map(|id| Unit::entity(kind, id)));
        }
        for (round, c) in &self.consultations {
            out.push(Unit::Round {
                round: round.clone(),
            });
            out.extend(c.responses.keys().map(|p| Unit::Response {
                round: round.clone(),
                participant: p.clone(),
            }));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_units_and_back() {
        for rel in [
            "plan.ron",
            "activities/pilot-tunis.ron",
            "funding/grant.ron",
            "consultations/egm/round.ron",
            "consultations/egm/responses/p001.ron",
        ] {
            let unit = Unit::from_path(rel).unwrap_or_else(|| panic!("{rel}"));
            assert_eq!(unit.to_string(), rel);
        }
        for rel in [
            "notes.txt",
            "activities/x.txt",
            "activities/a/b.ron",
            "consultations/egm/notes.ron",
            "activities/.ron",
        ] {
            assert_eq!(Unit::from_path(rel), None, "{rel}");
        }
    }
}
