//! The user's own edits while a merge waits: files the merge wrote and the user changed
//! since, or files the merge never touched. Every merge step (settling a conflict, the merge
//! commit, aborting) leaves them as the user made them, as `git reset --merge` does: it
//! writes only the files the merge wrote, merges its change into a file changed by hand, and
//! refuses, listing the files, when a hand edit and the step change the same field. A hand
//! edit of a conflicting field settles that conflict with the value written.

use super::merge_state::{MergeState, Pick, Resolution};
use super::{PlanRepo, RepoError};
use crate::diff::{self, ConflictKind, MergeResult};
use crate::model::{Plan, Unit};
use crate::store::{FileWrite, LoadedPlan, content_hash, unit_text};
use std::collections::BTreeSet;

/// The plan folder as it is now, next to what the merge wrote there.
pub(super) struct Hands {
    /// The work tree's plan, as read.
    pub(super) now: LoadedPlan,
    /// The units whose file is not what the merge wrote: changed by hand.
    pub(super) changed: BTreeSet<Unit>,
}

/// Compares the plan folder with `written`, the plan the merge wrote there.
pub(super) fn hands(r: &PlanRepo, written: &Plan) -> Result<Hands, RepoError> {
    let root = r.plan_root()?;
    let now = crate::store::load_with_cache(&root, None)?;
    let mut units: BTreeSet<Unit> = written.units().into_iter().collect();
    units.extend(now.plan.units());
    units.extend(
        now.sources
            .hashes
            .keys()
            .filter_map(|rel| Unit::from_path(rel)),
    );
    let mut changed = BTreeSet::new();
    for unit in units {
        let text = unit_text(written, &unit)?;
        let wrote = text.as_deref().map(|t| content_hash(t.as_bytes()));
        if now.sources.hashes.get(&unit.to_string()).copied() != wrote {
            changed.insert(unit);
        }
    }
    Ok(Hands { now, changed })
}

/// Adds to `state` a resolution for each conflict of `result` whose field a hand edit set to
/// another value than the merge wrote; returns whether it added any.
pub(super) fn absorb(state: &mut MergeState, result: &MergeResult, hands: &Hands) -> bool {
    let mut added = false;
    for c in &result.conflicts {
        if matches!(c.kind, ConflictKind::Semantic | ConflictKind::RenameRename)
            || !hands.changed.contains(&c.target)
        {
            continue;
        }
        if !readable(hands, &c.target) {
            continue;
        }
        let now = diff::read_field(hands.now.plan.unit(&c.target).as_ref(), &c.path);
        let wrote = diff::read_field(result.merged.unit(&c.target).as_ref(), &c.path);
        if now == wrote {
            continue;
        }
        let pick = if now == c.ours {
            Pick::Ours
        } else if now == c.theirs {
            Pick::Theirs
        } else if now == c.base {
            Pick::Base
        } else if let Some(v) = now {
            Pick::Value(v)
        } else {
            continue;
        };
        state.resolutions.push(Resolution {
            target: c.target.to_string(),
            path: c.path.to_string(),
            pick,
        });
        added = true;
    }
    added
}

/// Whether the file of `unit` reads as a plan file now (or is absent).
fn readable(hands: &Hands, unit: &Unit) -> bool {
    let rel = unit.to_string();
    !hands
        .now
        .diagnostics
        .iter()
        .any(|d| d.path == rel && d.is_error())
        && !hands.now.sources.unreadable_consultations.contains(&rel)
        && !matches!(unit, Unit::Entity { kind, id } if hands.now.sources.unreadable.contains(&(*kind, id.to_string())))
}

/// Makes the plan folder hold `target` in place of `written`, leaving hand edits alone:
/// files the user did not change take `target`'s content; a file changed by hand takes the
/// step's change merged into it. Returns the files whose hand edits were kept. Refuses,
/// writing nothing, when a hand edit and the step change the same field (or a file changed
/// by hand no longer reads and the step would change it).
pub(super) fn write(
    r: &PlanRepo,
    kind: super::oplog::OpKind,
    hands: &Hands,
    written: &Plan,
    target: &Plan,
) -> Result<Vec<String>, RepoError> {
    let mut units: BTreeSet<Unit> = written.units().into_iter().collect();
    units.extend(target.units());
    units.extend(hands.changed.iter().cloned());
    let mut writes = Vec::new();
    let mut kept = Vec::new();
    let mut clash = Vec::new();
    for unit in units {
        let (w, t) = (written.unit(&unit), target.unit(&unit));
        let value = if !hands.changed.contains(&unit) {
            t
        } else if w == t {
            // The step leaves this file as the merge wrote it: the hand edit stays as it is.
            kept.push(unit.to_string());
            continue;
        } else if !readable(hands, &unit) {
            clash.push(unit.to_string());
            continue;
        } else {
            let mine = hands.now.plan.unit(&unit);
            let (merged, found) = diff::merge_unit(&unit, w.as_ref(), mine.as_ref(), t.as_ref());
            if !found.is_empty() {
                clash.push(unit.to_string());
                continue;
            }
            kept.push(unit.to_string());
            if merged == mine {
                continue;
            }
            merged
        };
        let mut plan = Plan::new(target.meta.clone());
        plan.set_unit(&unit, value.clone());
        if let Unit::Response { round, .. } = &unit
            && let Some(c) = target.consultations.get(round)
        {
            plan.consultations
                .entry(round.clone())
                .or_insert_with(|| crate::model::Consultation::new(c.round.clone()));
            plan.set_unit(&unit, value.clone());
        }
        let rel = unit.to_string();
        writes.push(FileWrite {
            text: unit_text(&plan, &unit)?,
            expected: hands.now.sources.hashes.get(&rel).copied(),
            value,
            unit,
        });
    }
    if !clash.is_empty() {
        return Err(RepoError::HandEdits(clash));
    }
    let root = r.plan_root()?;
    let files: Vec<String> = writes.iter().map(|w| w.unit.to_string()).collect();
    super::oplog::OpLog::of(PlanRepo::open(&root)?)?.record(kind, &files)?;
    let report = crate::store::write_files(&root, &writes)?;
    if !report.changed_on_disk.is_empty() {
        // Someone wrote the folder while this step ran: nothing of theirs was written over.
        return Err(RepoError::HandEdits(report.changed_on_disk));
    }
    Ok(kept)
}
