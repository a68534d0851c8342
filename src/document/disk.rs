//! What arrives from disk meets what is unsaved: a three-way merge per file, with the file's
//! previous content as the base. Also the same merge for undo and redo once a file changed
//! under them, and settling what could not be merged.

use super::Document;
use crate::diff::{self, Choice, Conflict, ConflictKind, Side};
use crate::edit::{Change, Edit, EditError, Label};
use crate::model::{Plan, Unit, UnitValue};
use crate::store::Snapshot;
use std::collections::BTreeSet;

/// What a change on disk did to the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrived {
    /// Files changed on disk where nothing was unsaved: taken as they are, with the fields
    /// that changed.
    pub taken: Vec<(Unit, Vec<String>)>,
    /// Files changed on disk that also had unsaved edits: merged with them.
    pub merged: Vec<(Unit, Vec<String>)>,
    /// How many new conflicts the merges left.
    pub conflicts: usize,
}

impl Arrived {
    /// Whether the change on disk changed nothing in the document.
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty() && self.merged.is_empty()
    }
}

impl Document {
    /// Takes in what the places read on disk hold now. A file with no unsaved edit takes the
    /// new content; one with unsaved edits is merged with it field by field, and a field both
    /// changed keeps the unsaved value, as a conflict to settle. Problems found while reading
    /// are replaced by those of the files as they are now.
    pub(crate) fn ingest(&mut self, snapshot: Snapshot) -> Arrived {
        let changed = self.loaded.fold(snapshot);
        let mut arrived = Arrived::default();
        for (unit, base) in changed {
            let theirs = self.loaded.plan.unit(&unit);
            let ours = self.plan.unit(&unit);
            let fields = diff::changed_fields(base.as_ref(), theirs.as_ref());
            let typed = self.typed.remove(&unit).unwrap_or_default();
            if ours == theirs {
                if !typed.is_empty() && ours != base {
                    self.typed.insert(unit.clone(), typed);
                }
                continue;
            }
            // What the fields merge to; a field typed since the file was read, and changed on
            // disk too, keeps what was typed as a conflict to settle even when it was typed
            // back to the file's old value, so that no typing gives way silently.
            let (merged, mut found) = if ours == base {
                (theirs.clone(), Vec::new())
            } else {
                diff::merge_unit(&unit, base.as_ref(), ours.as_ref(), theirs.as_ref())
            };
            let (merged, clash) =
                Self::typed_against(&unit, &typed, &fields, &base, &ours, merged, &found);
            found.extend(clash);
            if ours == base && found.is_empty() {
                self.take_theirs(&unit, theirs, base);
                arrived.taken.push((unit, fields));
                continue;
            }
            self.plan.set_unit(&unit, merged);
            if !found.is_empty() {
                arrived.conflicts += found.len();
                self.note_conflicts(&unit, base, found);
            }
            self.touched.insert(unit.clone());
            self.typed.insert(unit.clone(), typed);
            arrived.merged.push((unit, fields));
        }
        // The rules are never edited here, so the edited plan takes them as read.
        self.plan
            .governance
            .clone_from(&self.loaded.plan.governance);
        self.read_only = !self.loaded.meta_readable;
        self.refresh();
        arrived
    }

    /// `merged`, with every field typed since the file was read, changed on disk and merged
    /// away from what was typed, put back as typed; those fields as conflicts (kept ours).
    /// Fields `found` already holds a conflict for are left to it.
    fn typed_against(
        unit: &Unit,
        typed: &BTreeSet<String>,
        fields: &[String],
        base: &Option<UnitValue>,
        ours: &Option<UnitValue>,
        merged: Option<UnitValue>,
        found: &[Conflict],
    ) -> (Option<UnitValue>, Vec<Conflict>) {
        let mut merged = merged;
        let mut clash = Vec::new();
        if ours.is_none() || typed.is_empty() {
            return (merged, clash);
        }
        if merged.is_none() && found.is_empty() {
            let root = diff::FieldPath::root();
            clash.push(Conflict {
                kind: ConflictKind::DeleteModify,
                target: unit.clone(),
                path: root.clone(),
                base: diff::read_field(base.as_ref(), &root),
                ours: diff::read_field(ours.as_ref(), &root),
                theirs: None,
                kept: Side::Ours,
                problem: None,
            });
            return (ours.clone(), clash);
        }
        let settled = |f: &str| {
            found.iter().any(|c| {
                c.path.is_root()
                    || matches!(c.path.segments().first(), Some(diff::Seg::Field(n)) if n == f)
            })
        };
        let changes = diff::changes_between(ours.as_ref(), merged.as_ref());
        for f in typed.iter().filter(|f| fields.contains(f) && !settled(f)) {
            let top = diff::FieldPath::new(vec![diff::Seg::Field(f.clone())]);
            let under: Vec<&diff::FieldPath> = changes
                .iter()
                .map(|c| &c.path)
                .filter(|p| p.segments().first() == top.segments().first())
                .collect();
            // Named fields conflict one by one (`title.en`); a list or a set as a whole.
            let named = under.iter().all(|p| {
                p.segments()
                    .iter()
                    .all(|s| matches!(s, diff::Seg::Field(_)))
            });
            let paths: Vec<diff::FieldPath> = match (under.is_empty(), named) {
                (true, _) => Vec::new(),
                (false, true) => under.into_iter().cloned().collect(),
                (false, false) => vec![top],
            };
            for path in paths {
                let o = diff::read_field(ours.as_ref(), &path);
                let m = diff::read_field(merged.as_ref(), &path);
                let Ok(kept) = diff::write_field(unit, merged.as_ref(), &path, o.clone()) else {
                    continue;
                };
                merged = kept;
                clash.push(Conflict {
                    kind: ConflictKind::Field,
                    target: unit.clone(),
                    path: path.clone(),
                    base: diff::read_field(base.as_ref(), &path),
                    ours: o,
                    theirs: m,
                    kept: Side::Ours,
                    problem: None,
                });
            }
        }
        (merged, clash)
    }

    /// Takes the disk's value of a file with no unsaved edit. A round deleted on disk whose
    /// responses have unsaved edits stays, as a conflict, so that no answer is lost.
    fn take_theirs(&mut self, unit: &Unit, theirs: Option<UnitValue>, base: Option<UnitValue>) {
        if let (Unit::Round { round }, None) = (unit, &theirs) {
            let answered = self.plan.consultations.get(round).is_some_and(|c| {
                c.responses.keys().any(|p| {
                    let u = Unit::Response {
                        round: round.clone(),
                        participant: p.clone(),
                    };
                    !self.plan.same_unit(&self.loaded.plan, &u)
                })
            });
            if answered {
                let tree = |v: Option<&UnitValue>| diff::read_field(v, &diff::FieldPath::root());
                let ours = self.plan.unit(unit);
                let found = vec![Conflict {
                    kind: ConflictKind::DeleteModify,
                    target: unit.clone(),
                    path: diff::FieldPath::root(),
                    base: tree(base.as_ref()),
                    ours: tree(ours.as_ref()),
                    theirs: None,
                    kept: Side::Ours,
                    problem: None,
                }];
                self.touched.insert(unit.clone());
                self.note_conflicts(unit, base, found);
                return;
            }
        }
        self.plan.set_unit(unit, theirs);
    }

    pub(super) fn note_conflicts(
        &mut self,
        unit: &Unit,
        base: Option<UnitValue>,
        found: Vec<Conflict>,
    ) {
        self.conflict_base.entry(unit.clone()).or_insert(base);
        for c in found {
            self.conflicts
                .retain(|o| !(o.target == c.target && o.path == c.path));
            self.conflicts.push(c);
        }
    }

    /// Settles conflict `index` with `choice`, as an edit (so it can be undone). Keeping ours
    /// changes nothing in the plan; the file can be saved once none of its conflicts is left.
    pub fn settle(&mut self, index: usize, choice: Choice) -> Result<(), diff::ResolveError> {
        let c = self
            .conflicts
            .get(index)
            .ok_or(diff::ResolveError::NoSuchConflict(index + 1))?
            .clone();
        let value = match choice {
            Choice::Ours => None,
            Choice::Theirs => Some(c.theirs.clone()),
            Choice::Base => Some(c.base.clone()),
            Choice::Value(v) => Some(Some(v)),
        };
        if let Some(value) = value {
            let before = self.plan.unit(&c.target);
            let after = diff::write_field(&c.target, before.as_ref(), &c.path, value)?;
            if after != before
                && let Some(change) = Change::between(&c.target, before, after)
            {
                let edit = Edit {
                    label: Label::Batch("conflict settled".into()),
                    changes: vec![change],
                };
                self.apply(edit).map_err(|e| diff::ResolveError::Invalid {
                    target: c.target.to_string(),
                    path: c.path.to_string(),
                    message: e.said(),
                })?;
            }
        }
        self.conflicts.remove(index);
        if !self.conflicts.iter().any(|o| o.target == c.target) {
            self.conflict_base.remove(&c.target);
        }
        self.refresh();
        Ok(())
    }

    /// Keeps the conflicts of `units` true to the plan after an edit, an undo or a redo: our
    /// side of each shows what the plan holds now; and a conflict whose field our side put
    /// back as it was before both changes (an undo of the edit that clashed) has only the
    /// other side's change left, so that value is taken and the conflict goes, as a merge
    /// would have done.
    pub(super) fn reconcile(&mut self, units: &[Unit]) {
        let mut i = 0;
        while i < self.conflicts.len() {
            let c = &self.conflicts[i];
            if !units.contains(&c.target) {
                i += 1;
                continue;
            }
            let current = self.plan.unit(&c.target);
            let now = diff::read_field(current.as_ref(), &c.path);
            if now != c.base {
                self.conflicts[i].ours = now;
                i += 1;
                continue;
            }
            let (target, path, theirs) = (c.target.clone(), c.path.clone(), c.theirs.clone());
            if let Ok(v) = diff::write_field(&target, current.as_ref(), &path, theirs) {
                self.plan.set_unit(&target, v);
            }
            self.conflicts.remove(i);
            if !self.conflicts.iter().any(|o| o.target == target) {
                self.conflict_base.remove(&target);
            }
        }
    }

    /// The value each file with open conflicts started from, for the recovery file.
    pub(super) fn conflict_base(&self, unit: &Unit) -> Option<&Option<UnitValue>> {
        self.conflict_base.get(unit)
    }
}

/// Makes an edit that no longer finds what it expects fit the plan as it is: each file it
/// changes is merged three ways (what the edit expected, what the plan holds, what the edit
/// makes), so a change that arrived in other fields stays. A field changed both ways refuses
/// the whole edit.
pub(super) fn fit(edit: &Edit, plan: &Plan) -> Result<Edit, EditError> {
    let mut now: std::collections::BTreeMap<Unit, Option<UnitValue>> = Default::default();
    let mut changes = Vec::new();
    for c in &edit.changes {
        let unit = c.unit();
        let current = now.get(&unit).cloned().unwrap_or_else(|| plan.unit(&unit));
        let (before, after) = c.values();
        let target = if current == before {
            after
        } else {
            let (merged, found) =
                diff::merge_unit(&unit, before.as_ref(), current.as_ref(), after.as_ref());
            if !found.is_empty() {
                return Err(EditError::Outdated {
                    path: unit.to_string(),
                    fields: found.iter().map(|f| f.path.to_string()).collect(),
                });
            }
            merged
        };
        if target != current {
            changes.extend(Change::between(&unit, current.clone(), target.clone()));
        }
        now.insert(unit, target);
    }
    Ok(Edit {
        label: edit.label.clone(),
        changes,
    })
}
