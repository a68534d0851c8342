//! Semantic conflicts: errors that only the combination of both sides has.

use super::merge::{Conflict, ConflictKind, Problem, Side, Target};
use super::path::FieldPath;
use super::tree::{entity_tree, meta_tree};
use crate::check::{self, Code, Diagnostic, Subject, Unread};
use crate::model::{EntityKind, Id, Plan};
use std::collections::HashSet;

/// What makes two diagnostics the same problem: the message is left out because it carries
/// amounts (an over-allocation that grows is still the same over-allocation).
type ProblemKey = (Code, Subject, Option<&'static str>, Option<String>);

fn key(d: &Diagnostic) -> ProblemKey {
    (
        d.code,
        d.subject.clone(),
        d.anchor.field,
        d.anchor.value.clone(),
    )
}

fn errors(plan: &Plan) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = check::check(plan, &Unread::default())
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    check::sort(&mut out);
    out
}

/// The errors `check` finds in `merged` that neither `ours` nor `theirs` had on its own, as
/// semantic conflicts; problems one side already had are not blamed on the merge.
///
/// Each conflict points at the entity the error is about, with its base, ours and theirs
/// versions to choose from.
pub fn semantic_conflicts(base: &Plan, ours: &Plan, theirs: &Plan, merged: &Plan) -> Vec<Conflict> {
    // A merge that took one side whole cannot have created anything new.
    if merged == ours || merged == theirs {
        return Vec::new();
    }
    // Most merges leave no error at all: then neither side needs checking.
    let found = errors(merged);
    if found.is_empty() {
        return Vec::new();
    }
    let mine: HashSet<ProblemKey> = std::thread::scope(|s| {
        // Two independent checks of a large plan: run them side by side.
        let t = s.spawn(|| errors(theirs));
        let mut known: HashSet<ProblemKey> = errors(ours).iter().map(key).collect();
        match t.join() {
            Ok(ds) => known.extend(ds.iter().map(key)),
            // A check that panicked is a bug; count every problem as known rather than
            // blaming them all on the merge.
            Err(_) => known.extend(found.iter().map(key)),
        }
        known
    });
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|d| !mine.contains(&key(d)) && seen.insert(key(d)))
        .flat_map(|d| match drawers(base, ours, theirs, &d) {
            Some(ids) => ids
                .into_iter()
                .map(|id| conflict(base, ours, theirs, on(&d, EntityKind::Activity, id)))
                .collect(),
            None => vec![conflict(base, ours, theirs, d)],
        })
        .collect()
}

/// For an over-allocated funding source, the activities whose budget lines draw on it and
/// that either side changed: the funding file itself is the same on all three sides, so a
/// choice there could not undo the clash; taking an activity's other version can.
fn drawers(base: &Plan, ours: &Plan, theirs: &Plan, d: &Diagnostic) -> Option<Vec<Id>> {
    let Subject::Entity {
        entity: EntityKind::Funding,
        id: source,
    } = &d.subject
    else {
        return None;
    };
    if d.code != Code::OverAllocated {
        return None;
    }
    let draws = |p: &Plan, id: &Id| {
        p.activities
            .get(id)
            .is_some_and(|a| a.funding_sources().any(|f| f == source))
    };
    let ids: std::collections::BTreeSet<&Id> = ours
        .activities
        .keys()
        .chain(theirs.activities.keys())
        .collect();
    let changed: Vec<Id> = ids
        .into_iter()
        .filter(|id| {
            let (b, o, t) = (
                base.activities.get(*id),
                ours.activities.get(*id),
                theirs.activities.get(*id),
            );
            (b != o || b != t) && (draws(ours, id) || draws(theirs, id))
        })
        .cloned()
        .collect();
    (!changed.is_empty()).then_some(changed)
}

/// The diagnostic `d` about the activity `id` instead of what it names.
fn on(d: &Diagnostic, entity: EntityKind, id: Id) -> Diagnostic {
    let mut d = d.clone();
    d.subject = Subject::Entity { entity, id };
    d
}

fn conflict(base: &Plan, ours: &Plan, theirs: &Plan, d: Diagnostic) -> Conflict {
    let (target, values) = match &d.subject {
        Subject::Entity { entity, id } => {
            let v = |p: &Plan| p.get(*entity, id.as_str()).map(|e| entity_tree(&e));
            (
                Target::Entity {
                    kind: *entity,
                    id: id.clone(),
                },
                [v(base), v(ours), v(theirs)],
            )
        }
        Subject::Round { round } => {
            let v = |p: &Plan| {
                p.consultations
                    .get(round)
                    .map(|c| super::tree::json(&c.round))
            };
            (
                Target::Round {
                    round: round.clone(),
                },
                [v(base), v(ours), v(theirs)],
            )
        }
        Subject::Response { round, participant } => {
            let v = |p: &Plan| {
                p.consultations
                    .get(round)
                    .and_then(|c| c.responses.get(participant))
                    .map(super::tree::json)
            };
            (
                Target::Response {
                    round: round.clone(),
                    participant: participant.clone(),
                },
                [v(base), v(ours), v(theirs)],
            )
        }
        Subject::Plan | Subject::File => (
            Target::Plan,
            [
                Some(meta_tree(&base.meta)),
                Some(meta_tree(&ours.meta)),
                Some(meta_tree(&theirs.meta)),
            ],
        ),
    };
    let [base, ours, theirs] = values;
    Conflict {
        kind: ConflictKind::Semantic,
        target,
        path: FieldPath::root(),
        base,
        ours,
        theirs,
        kept: Side::Merged,
        problem: Some(Problem {
            code: d.code.as_str().to_owned(),
            message: d.message,
            hint: d.hint,
        }),
    }
}
