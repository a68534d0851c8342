//! Edits to a plan as values: each knows its inverse, so undo, redo, the unsaved marker and
//! the list of files to write all follow from the log of edits.

mod consult;
mod history;

pub use history::{Fit, History};

use crate::model::{Entity, EntityKind, Id, Plan, PlanMeta, Response, Round, Unit, UnitValue};

/// One change of one entity (or of `plan.ron`): what it was and what it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// `plan.ron` changes.
    Meta {
        /// Before.
        before: Box<PlanMeta>,
        /// After.
        after: Box<PlanMeta>,
    },
    /// An entity is created (`before` is `None`), changed, or deleted (`after` is `None`).
    Entity {
        /// Its kind.
        kind: EntityKind,
        /// Its id.
        id: Id,
        /// Before.
        before: Option<Box<Entity>>,
        /// After.
        after: Option<Box<Entity>>,
    },
    /// A consultation round's design is created, changed or deleted. Its responses are not
    /// part of it: a round is deleted only after its responses, by earlier changes of the
    /// same edit.
    Round {
        /// The round's id (its folder).
        id: Id,
        /// Before.
        before: Option<Box<Round>>,
        /// After.
        after: Option<Box<Round>>,
    },
    /// A participant's response is created, changed or deleted.
    Response {
        /// The round.
        round: Id,
        /// The participant.
        participant: Id,
        /// Before.
        before: Option<Box<Response>>,
        /// After.
        after: Option<Box<Response>>,
    },
}

/// What an edit did, for the status line and the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A field of an entity or of the plan was set.
    Set {
        /// The entity, or `None` for `plan.ron`.
        entity: Option<(EntityKind, Id)>,
        /// The field.
        field: String,
    },
    /// An entity was created.
    Add(EntityKind, Id),
    /// An entity was deleted.
    Remove(EntityKind, Id),
    /// An entity's id changed, with every reference to it.
    Rename(EntityKind, Id, Id),
    /// Several changes made as one (a merge resolution, an import).
    Batch(String),
    /// A consultation round was changed (designed, answered, renamed), as described.
    Consultation(Id, String),
}

/// A set of changes made as one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// What the edit did.
    pub label: Label,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
}

/// Why an edit cannot be made or applied.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// There is no such entity.
    #[error("{}", self.said())]
    Missing(EntityKind, Id),
    /// The id is already taken.
    #[error("{}", self.said())]
    Exists(EntityKind, Id),
    /// The new id is not a valid slug.
    #[error("{}", self.said())]
    BadId(String, crate::model::IdError),
    /// The plan no longer holds what the edit expects (it changed underneath).
    #[error("{}", self.said())]
    Stale,
    /// There is no such consultation round.
    #[error("{}", self.said())]
    NoRound(Id),
    /// The round id is already taken.
    #[error("{}", self.said())]
    RoundExists(Id),
    /// There is no such response in the round.
    #[error("{}", self.said())]
    NoResponse(Id, Id),
    /// A change to the round's design was refused.
    #[error(transparent)]
    Round(#[from] crate::model::RoundError),
    /// The file changed on disk since the edit was made, in the same field: undoing or redoing
    /// it would write over that change.
    #[error("{}", self.said())]
    Outdated {
        /// The file.
        path: String,
        /// The fields changed both ways.
        fields: Vec<String>,
    },
}

impl EditError {
    /// Why, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> crate::i18n::Said {
        use crate::check::noun;
        use crate::said;
        match self {
            EditError::Missing(kind, id) => said!("edit-missing", noun = noun(*kind), id = id),
            EditError::Exists(kind, id) => said!("edit-exists", noun = noun(*kind), id = id),
            EditError::BadId(id, e) => said!("check-bad-id", id = id, reason = e.said()),
            EditError::Stale => said!("edit-stale"),
            EditError::NoRound(r) => said!("edit-no-round", round = r),
            EditError::RoundExists(r) => said!("edit-round-exists", round = r),
            EditError::NoResponse(r, p) => said!("edit-no-response", round = r, participant = p),
            EditError::Round(e) => e.said(),
            EditError::Outdated { path, fields } => {
                said!("edit-outdated", path = path, fields = &fields.join(", "))
            }
        }
    }
}

impl Change {
    /// The unit (the file) this change is about.
    pub fn unit(&self) -> Unit {
        match self {
            Change::Meta { .. } => Unit::Plan,
            Change::Entity { kind, id, .. } => Unit::entity(*kind, id),
            Change::Round { id, .. } => Unit::Round { round: id.clone() },
            Change::Response {
                round, participant, ..
            } => Unit::Response {
                round: round.clone(),
                participant: participant.clone(),
            },
        }
    }

    /// What the unit holds before and after the change.
    pub fn values(&self) -> (Option<UnitValue>, Option<UnitValue>) {
        match self {
            Change::Meta { before, after } => (
                Some(UnitValue::Meta(before.clone())),
                Some(UnitValue::Meta(after.clone())),
            ),
            Change::Entity { before, after, .. } => (
                before.clone().map(UnitValue::Entity),
                after.clone().map(UnitValue::Entity),
            ),
            Change::Round { before, after, .. } => (
                before.clone().map(UnitValue::Round),
                after.clone().map(UnitValue::Round),
            ),
            Change::Response { before, after, .. } => (
                before.clone().map(UnitValue::Response),
                after.clone().map(UnitValue::Response),
            ),
        }
    }

    /// The changes that make `before` into `after`, every unit that differs: new and changed
    /// ones in file order (a round before its responses), removed ones in the other order.
    pub fn between_plans(before: &Plan, after: &Plan) -> Vec<Change> {
        let mut units: Vec<Unit> = before.units();
        units.extend(after.units());
        units.sort();
        units.dedup();
        let (mut kept, mut gone) = (Vec::new(), Vec::new());
        for unit in units {
            let (b, a) = (before.unit(&unit), after.unit(&unit));
            if b == a {
                continue;
            }
            let removed = a.is_none();
            if let Some(c) = Change::between(&unit, b, a) {
                if removed { gone.push(c) } else { kept.push(c) }
            }
        }
        gone.reverse();
        kept.extend(gone);
        kept
    }

    /// The change of `unit` from `before` to `after`; `None` when the values do not fit the
    /// unit (`plan.ron` cannot be absent).
    pub fn between(
        unit: &Unit,
        before: Option<UnitValue>,
        after: Option<UnitValue>,
    ) -> Option<Change> {
        Some(match unit {
            Unit::Plan => match (before, after) {
                (Some(UnitValue::Meta(before)), Some(UnitValue::Meta(after))) => {
                    Change::Meta { before, after }
                }
                _ => return None,
            },
            // The rules are edited by a person's editor only, never as a change of the document.
            Unit::Governance => return None,
            Unit::Entity { kind, id } => Change::Entity {
                kind: *kind,
                id: id.clone(),
                before: entity(before)?,
                after: entity(after)?,
            },
            Unit::Round { round } => Change::Round {
                id: round.clone(),
                before: value(before, |v| match v {
                    UnitValue::Round(r) => Some(r),
                    _ => None,
                })?,
                after: value(after, |v| match v {
                    UnitValue::Round(r) => Some(r),
                    _ => None,
                })?,
            },
            Unit::Response { round, participant } => Change::Response {
                round: round.clone(),
                participant: participant.clone(),
                before: value(before, |v| match v {
                    UnitValue::Response(r) => Some(r),
                    _ => None,
                })?,
                after: value(after, |v| match v {
                    UnitValue::Response(r) => Some(r),
                    _ => None,
                })?,
            },
        })
    }
}

/// `Some(None)` for an absent value, `Some(Some(x))` for one of the right kind, `None` otherwise.
fn value<T>(
    v: Option<UnitValue>,
    pick: impl Fn(UnitValue) -> Option<Box<T>>,
) -> Option<Option<Box<T>>> {
    match v {
        None => Some(None),
        Some(v) => pick(v).map(Some),
    }
}

fn entity(v: Option<UnitValue>) -> Option<Option<Box<Entity>>> {
    value(v, |v| match v {
        UnitValue::Entity(e) => Some(e),
        _ => None,
    })
}

impl Edit {
    /// The units (files) this edit changes, in the order of its changes.
    pub fn units(&self) -> impl Iterator<Item = Unit> + '_ {
        self.changes.iter().map(Change::unit)
    }

    /// The edit that undoes this one.
    pub(crate) fn inverse(&self) -> Edit {
        let changes = self
            .changes
            .iter()
            .rev()
            .map(|c| match c {
                Change::Meta { before, after } => Change::Meta {
                    before: after.clone(),
                    after: before.clone(),
                },
                Change::Entity {
                    kind,
                    id,
                    before,
                    after,
                } => Change::Entity {
                    kind: *kind,
                    id: id.clone(),
                    before: after.clone(),
                    after: before.clone(),
                },
                Change::Round { id, before, after } => Change::Round {
                    id: id.clone(),
                    before: after.clone(),
                    after: before.clone(),
                },
                Change::Response {
                    round,
                    participant,
                    before,
                    after,
                } => Change::Response {
                    round: round.clone(),
                    participant: participant.clone(),
                    before: after.clone(),
                    after: before.clone(),
                },
            })
            .collect();
        let label = match &self.label {
            Label::Add(k, id) => Label::Remove(*k, id.clone()),
            Label::Remove(k, id) => Label::Add(*k, id.clone()),
            Label::Rename(k, a, b) => Label::Rename(*k, b.clone(), a.clone()),
            other => other.clone(),
        };
        Edit { label, changes }
    }

    /// Applies the edit, after checking that the plan holds what each change expects; on
    /// error the plan is unchanged.
    pub fn apply(&self, plan: &mut Plan) -> Result<(), EditError> {
        // Check every change against the state the previous ones leave, before touching anything.
        let mut expected: Vec<(EntityKind, &Id, Option<&Entity>)> = Vec::new();
        for c in &self.changes {
            match c {
                Change::Meta { before, .. } if **before != plan.meta => {
                    return Err(EditError::Stale);
                }
                Change::Entity {
                    kind,
                    id,
                    before,
                    after,
                } => {
                    let current = expected
                        .iter()
                        .rev()
                        .find(|(k, i, _)| k == kind && *i == id)
                        .map(|(_, _, v)| *v);
                    let holds = match current {
                        Some(v) => v == before.as_deref(),
                        None => plan.holds(*kind, id.as_str(), before.as_deref()),
                    };
                    if !holds {
                        return Err(EditError::Stale);
                    }
                    expected.push((*kind, id, after.as_deref()));
                }
                Change::Meta { .. } | Change::Round { .. } | Change::Response { .. } => {}
            }
        }
        // Consultations are small: their changes are tried on a copy, which checks each
        // against the state the previous ones leave.
        let consultations = consult::try_changes(plan, &self.changes)?;
        for c in &self.changes {
            match c {
                Change::Meta { after, .. } => plan.meta = (**after).clone(),
                Change::Entity {
                    kind, id, after, ..
                } => match after {
                    Some(e) => {
                        if e.id() != id {
                            plan.take(*kind, id.as_str());
                        }
                        plan.put((**e).clone());
                    }
                    None => {
                        plan.take(*kind, id.as_str());
                    }
                },
                Change::Round { .. } | Change::Response { .. } => {}
            }
        }
        if let Some(c) = consultations {
            plan.consultations = c;
        }
        Ok(())
    }

    /// The entities this edit touches (both ids of a rename), and whether it touches `plan.ron`.
    ///
    /// Consultation changes are left out.
    pub fn touched(&self) -> impl Iterator<Item = Option<(EntityKind, &Id)>> {
        self.changes.iter().filter_map(|c| match c {
            Change::Meta { .. } => Some(None),
            Change::Entity { kind, id, .. } => Some(Some((*kind, id))),
            Change::Round { .. } | Change::Response { .. } => None,
        })
    }

    /// Changes one entity with `f`, which may fail with a reason (a refused value).
    pub fn update<E>(
        plan: &Plan,
        kind: EntityKind,
        id: &Id,
        field: &str,
        f: impl FnOnce(&mut Entity) -> Result<(), E>,
    ) -> Result<Result<Edit, E>, EditError> {
        let before = plan
            .get(kind, id.as_str())
            .ok_or_else(|| EditError::Missing(kind, id.clone()))?;
        let mut after = before.clone();
        if let Err(e) = f(&mut after) {
            return Ok(Err(e));
        }
        after.normalize();
        if after.id() != id {
            // Ids change only through `rename`, which carries the references along.
            after.set_id(id.clone());
        }
        Ok(Ok(Edit {
            label: Label::Set {
                entity: Some((kind, id.clone())),
                field: field.to_owned(),
            },
            changes: vec![Change::Entity {
                kind,
                id: id.clone(),
                before: Some(Box::new(before)),
                after: Some(Box::new(after)),
            }],
        }))
    }

    /// Changes `plan.ron` with `f`.
    pub(crate) fn update_meta(plan: &Plan, field: &str, f: impl FnOnce(&mut PlanMeta)) -> Edit {
        let mut after = plan.meta.clone();
        f(&mut after);
        after.normalize();
        Edit {
            label: Label::Set {
                entity: None,
                field: field.to_owned(),
            },
            changes: vec![Change::Meta {
                before: Box::new(plan.meta.clone()),
                after: Box::new(after),
            }],
        }
    }

    /// Creates an entity.
    pub fn add(plan: &Plan, mut entity: Entity) -> Result<Edit, EditError> {
        let (kind, id) = (entity.kind(), entity.id().clone());
        id.validate()
            .map_err(|e| EditError::BadId(id.to_string(), e))?;
        if plan.contains(kind, id.as_str()) {
            return Err(EditError::Exists(kind, id));
        }
        entity.normalize();
        Ok(Edit {
            label: Label::Add(kind, id.clone()),
            changes: vec![Change::Entity {
                kind,
                id,
                before: None,
                after: Some(Box::new(entity)),
            }],
        })
    }

    /// Deletes an entity. References to it are left as they are (and reported by `check`);
    /// callers show [`Plan::references_to`] first.
    pub fn remove(plan: &Plan, kind: EntityKind, id: &Id) -> Result<Edit, EditError> {
        let before = plan
            .get(kind, id.as_str())
            .ok_or_else(|| EditError::Missing(kind, id.clone()))?;
        Ok(Edit {
            label: Label::Remove(kind, id.clone()),
            changes: vec![Change::Entity {
                kind,
                id: id.clone(),
                before: Some(Box::new(before)),
                after: None,
            }],
        })
    }

    /// Changes an entity's id and every reference to it, as one edit.
    pub fn rename(plan: &Plan, kind: EntityKind, old: &Id, new: &str) -> Result<Edit, EditError> {
        let new = Id::parse(new).map_err(|e| EditError::BadId(new.to_owned(), e))?;
        if plan.contains(kind, new.as_str()) {
            return Err(EditError::Exists(kind, new));
        }
        let before = plan
            .get(kind, old.as_str())
            .ok_or_else(|| EditError::Missing(kind, old.clone()))?;
        let mut changes = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in plan.references_to(kind, old) {
            let Some((from_kind, from)) = r.from.entity() else {
                continue;
            };
            // The entity itself may refer to itself (a self-dependency); it moves below.
            if from_kind == kind && from == old {
                continue;
            }
            // An entity that refers twice (the lead and a partner of one activity) changes once.
            if !seen.insert((from_kind, from.clone())) {
                continue;
            }
            if let Some(b) = plan.get(from_kind, from.as_str()) {
                let mut a = b.clone();
                a.rewrite_references(kind, old, &new);
                a.normalize();
                changes.push(Change::Entity {
                    kind: from_kind,
                    id: from.clone(),
                    before: Some(Box::new(b)),
                    after: Some(Box::new(a)),
                });
            }
        }
        changes.extend(consult::rename_changes(plan, kind, old, &new));
        let mut moved = before.clone();
        moved.rewrite_references(kind, old, &new);
        moved.set_id(new.clone());
        moved.normalize();
        changes.push(Change::Entity {
            kind,
            id: old.clone(),
            before: Some(Box::new(before)),
            after: None,
        });
        changes.push(Change::Entity {
            kind,
            id: new.clone(),
            before: None,
            after: Some(Box::new(moved)),
        });
        Ok(Edit {
            label: Label::Rename(kind, old.clone(), new),
            changes,
        })
    }
}

#[cfg(test)]
mod tests;
