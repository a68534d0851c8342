//! Edits of consultations: designing a round and recording responses, as invertible values.
//!
//! The designer in the TUI changes a round through [`Edit::update_round`] with the pure
//! helpers of [`Round`] (insert, remove and move questions, change their text in either
//! language), so undo and redo work as for any other field.

use super::{Change, Edit, EditError, Label};
use crate::model::{Consultation, EntityKind, Id, Plan, Response, Round};
use std::collections::BTreeMap;

/// The consultations after `changes` (`None` when no change is about a consultation), or
/// [`EditError::Stale`] when one does not find what it expects.
pub(super) fn try_changes(
    plan: &Plan,
    changes: &[Change],
) -> Result<Option<BTreeMap<Id, Consultation>>, EditError> {
    let mut scratch: Option<BTreeMap<Id, Consultation>> = None;
    for c in changes {
        match c {
            Change::Round { id, before, after } => {
                let all = scratch.get_or_insert_with(|| plan.consultations.clone());
                let current = all.get(id).map(|c| &c.round);
                if current != before.as_deref() {
                    return Err(EditError::Stale);
                }
                match (all.remove(id), after) {
                    (Some(mut c), Some(a)) => {
                        c.round = (**a).clone();
                        all.insert(a.id.clone(), c);
                    }
                    (None, Some(a)) => {
                        all.insert(a.id.clone(), Consultation::new((**a).clone()));
                    }
                    // Deleting a round that still has responses would lose them silently.
                    (Some(c), None) if !c.responses.is_empty() => return Err(EditError::Stale),
                    (_, None) => {}
                }
            }
            Change::Response {
                round,
                participant,
                before,
                after,
            } => {
                let all = scratch.get_or_insert_with(|| plan.consultations.clone());
                let c = all.get_mut(round).ok_or(EditError::Stale)?;
                if c.responses.get(participant) != before.as_deref() {
                    return Err(EditError::Stale);
                }
                match after {
                    Some(r) => c.responses.insert(participant.clone(), (**r).clone()),
                    None => c.responses.remove(participant),
                };
            }
            Change::Meta { .. } | Change::Entity { .. } => {}
        }
    }
    Ok(scratch)
}

/// The consultation changes that carry a rename of `kind`/`old` to `new`: questions that
/// refer to it, and responses that name it (as organisation or picked item).
pub(super) fn rename_changes(plan: &Plan, kind: EntityKind, old: &Id, new: &Id) -> Vec<Change> {
    let mut out = Vec::new();
    for (id, c) in &plan.consultations {
        for r in c.responses.values() {
            let mut a = r.clone();
            if a.rewrite_references(&c.round, kind, old, new) {
                out.push(response_change(id, Some(r), Some(a)));
            }
        }
        let mut round = c.round.clone();
        if round.rewrite_references(kind, old, new) {
            out.push(round_change(id, Some(&c.round), Some(round)));
        }
    }
    out
}

fn round_change(id: &Id, before: Option<&Round>, after: Option<Round>) -> Change {
    Change::Round {
        id: id.clone(),
        before: before.cloned().map(Box::new),
        after: after.map(Box::new),
    }
}

fn response_change(round: &Id, before: Option<&Response>, after: Option<Response>) -> Change {
    let participant = before
        .map(|r| r.participant.clone())
        .or_else(|| after.as_ref().map(|r| r.participant.clone()))
        .unwrap_or_default();
    Change::Response {
        round: round.clone(),
        participant,
        before: before.cloned().map(Box::new),
        after: after.map(Box::new),
    }
}

fn consultation<'p>(plan: &'p Plan, id: &Id) -> Result<&'p Consultation, EditError> {
    plan.consultations
        .get(id)
        .ok_or_else(|| EditError::NoRound(id.clone()))
}

fn label(round: &Id, what: impl Into<String>) -> Label {
    Label::Consultation(round.clone(), what.into())
}

impl Edit {
    /// Creates a round (with no responses).
    pub(crate) fn add_round(plan: &Plan, mut round: Round) -> Result<Edit, EditError> {
        let id = round.id.clone();
        id.validate()
            .map_err(|e| EditError::BadId(id.to_string(), e))?;
        if plan.consultations.contains_key(&id) {
            return Err(EditError::RoundExists(id));
        }
        round.normalize();
        Ok(Edit {
            label: label(&id, "add round"),
            changes: vec![round_change(&id, None, Some(round))],
        })
    }

    /// Changes round `id`'s design with `f` (`field` names what changed, for the history).
    /// `f` may refuse with a reason; the round's id stays as it is.
    pub(crate) fn update_round<E>(
        plan: &Plan,
        id: &Id,
        field: &str,
        f: impl FnOnce(&mut Round) -> Result<(), E>,
    ) -> Result<Result<Edit, E>, EditError> {
        let before = &consultation(plan, id)?.round;
        let mut after = before.clone();
        if let Err(e) = f(&mut after) {
            return Ok(Err(e));
        }
        after.id = id.clone();
        after.normalize();
        Ok(Ok(Edit {
            label: label(id, field),
            changes: vec![round_change(id, Some(before), Some(after))],
        }))
    }

    /// Deletes round `id` with every response collected for it.
    pub(crate) fn remove_round(plan: &Plan, id: &Id) -> Result<Edit, EditError> {
        let c = consultation(plan, id)?;
        let mut changes: Vec<Change> = c
            .responses
            .values()
            .map(|r| response_change(id, Some(r), None))
            .collect();
        changes.push(round_change(id, Some(&c.round), None));
        Ok(Edit {
            label: label(id, "remove round"),
            changes,
        })
    }

    /// Records a participant's response, new or replacing theirs.
    #[cfg(test)]
    pub(crate) fn put_response(
        plan: &Plan,
        round: &Id,
        mut response: Response,
    ) -> Result<Edit, EditError> {
        let c = consultation(plan, round)?;
        let p = response.participant.clone();
        p.validate()
            .map_err(|e| EditError::BadId(p.to_string(), e))?;
        response.normalize();
        Ok(Edit {
            label: label(round, format!("response {p}")),
            changes: vec![response_change(round, c.responses.get(&p), Some(response))],
        })
    }

    /// Removes a question and every answer to it, as one edit (undo brings both back).
    pub(crate) fn remove_question(
        plan: &Plan,
        round: &Id,
        question: &Id,
    ) -> Result<Edit, EditError> {
        let c = consultation(plan, round)?;
        let mut after = c.round.clone();
        after.remove_question(question.as_str())?;
        let mut changes = answers_changed(round, c, |r| r.answers.remove(question).is_some());
        changes.push(round_change(round, Some(&c.round), Some(after)));
        Ok(Edit {
            label: label(round, format!("remove question {question}")),
            changes,
        })
    }

    /// Gives a question another id, moving every answer to it along.
    pub(crate) fn rename_question(
        plan: &Plan,
        round: &Id,
        old: &Id,
        new: &str,
    ) -> Result<Edit, EditError> {
        let new = Id::parse(new).map_err(|e| EditError::BadId(new.to_owned(), e))?;
        let c = consultation(plan, round)?;
        if c.round.question(new.as_str()).is_some() {
            return Err(crate::model::RoundError::QuestionExists(new).into());
        }
        let mut after = c.round.clone();
        after
            .question_mut(old.as_str())
            .ok_or_else(|| crate::model::RoundError::NoQuestion(old.clone()))?
            .id = new.clone();
        let mut changes = vec![round_change(round, Some(&c.round), Some(after))];
        changes.extend(answers_changed(round, c, |r| match r.answers.remove(old) {
            Some(a) => {
                r.answers.insert(new.clone(), a);
                true
            }
            None => false,
        }));
        Ok(Edit {
            label: label(round, format!("rename question {old} to {new}")),
            changes,
        })
    }
}

/// A change for every response of `c` that `f` changes (`f` says whether it did).
fn answers_changed(
    round: &Id,
    c: &Consultation,
    mut f: impl FnMut(&mut Response) -> bool,
) -> Vec<Change> {
    c.responses
        .values()
        .filter_map(|r| {
            let mut a = r.clone();
            f(&mut a).then(|| response_change(round, Some(r), Some(a)))
        })
        .collect()
}
