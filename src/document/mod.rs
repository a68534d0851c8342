//! The plan open for editing, and the one door every change to it goes through.
//!
//! A document holds the plan as its files last held it ([`Document::loaded`], the base) and
//! as edited ([`Document::plan`]). Whatever changes either goes through here: the user's
//! edits, undo and redo ([`Document::apply`]); a save ([`Document::saved`]); what another
//! program wrote on disk, a git job included (`Document::ingest`); a conflict settled
//! ([`Document::settle`]); edits recovered after a crash ([`Document::recover`]); an answer
//! collected (`Document::response_saved`). So the document always knows what is unsaved,
//! and never drops it: an outside change meets the unsaved edits of the same file in a
//! three-way merge, and what both changed becomes a conflict to settle, not a loss.
//!
//! Whether the plan is saved is a comparison, not a counter: a unit is unsaved when the
//! plan holds something else there than its file. That stays true whatever arrives from disk.
//! Pure: the reading and writing happen elsewhere, and come in as values.

mod derived;
mod disk;
mod recovery;

pub use disk::Arrived;
pub use recovery::{Recovered, Unsaved};

use crate::check::{Diagnostic, Unread};
use crate::diff::Conflict;
use crate::edit::{Edit, EditError, History};
use crate::model::{Id, Plan, Unit, UnitValue};
use crate::schedule::{Dates, Schedule};
use crate::store::{FileWrite, LoadedPlan, SaveReport, StoreError};
use std::collections::{BTreeMap, BTreeSet};

/// A plan open for editing.
#[derive(Clone, Debug)]
pub struct Document {
    /// The plan as its files hold it, as last read or written.
    pub loaded: LoadedPlan,
    /// The plan as edited.
    pub plan: Plan,
    /// Every edit since the plan was opened.
    pub history: History,
    /// Unsaved edits that met a change on disk in the same field: the plan holds ours until
    /// each is settled, and those files are not saved before.
    pub conflicts: Vec<Conflict>,
    /// For each file with open conflicts, the value both sides started from.
    conflict_base: BTreeMap<Unit, Option<UnitValue>>,
    /// Every unit an edit, an undo or a merge ever changed in `plan`: where unsaved edits
    /// can be.
    touched: BTreeSet<Unit>,
    /// The fields that edits, undos and redos set in each unit since its file was last read
    /// or saved. A field typed back to the file's value is no net change, yet what was typed
    /// must not give way silently to a change on disk (see `Document::ingest`).
    typed: BTreeMap<Unit, BTreeSet<String>>,
    /// What the checks say about `plan`, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether saving is refused (plan.ron could not be read, so writing it could lose data).
    pub read_only: bool,
    /// The plan's computed dates, slack and critical path.
    pub schedule: Schedule,
    /// Each activity's position in `plan.activities` (and so in `schedule.entries`), hashed
    /// with FxHash: views look every shown activity up after each edit.
    pub position: rustc_hash::FxHashMap<Id, usize>,
    /// The position of each activity's parent, when it exists, by position.
    pub parents: Vec<Option<usize>>,
    /// Counts the changes to what the document holds, so that views laid out from it know
    /// when they are out of date without comparing plans.
    revision: u64,
    /// Counts the changes that can move activities in the outline: any change followed in
    /// full, and every edit that moved the schedule.
    layout_revision: u64,
    /// The problems and schedule by where they come from, to follow an edit in part.
    derived: Option<derived::Derived>,
}

impl Document {
    /// Opens a loaded plan.
    pub fn new(loaded: LoadedPlan) -> Document {
        let read_only = !loaded.meta_readable;
        let mut doc = Document {
            plan: loaded.plan.clone(),
            loaded,
            history: History::default(),
            conflicts: Vec::new(),
            conflict_base: BTreeMap::new(),
            touched: BTreeSet::new(),
            typed: BTreeMap::new(),
            diagnostics: Vec::new(),
            read_only,
            schedule: Schedule::default(),
            position: Default::default(),
            parents: Vec::new(),
            revision: 0,
            derived: None,
            layout_revision: 0,
        };
        doc.refresh();
        doc
    }

    /// Applies an edit and refreshes the checks.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let units: Vec<Unit> = edit.units().collect();
        let narrow = derived::Narrow::of(&edit);
        self.touched.extend(units.iter().cloned());
        self.note_typed(&edit);
        self.history.apply(&mut self.plan, edit)?;
        self.reconcile(&units);
        self.follow(narrow);
        Ok(())
    }

    /// Undoes the last edit, if any; returns what was undone. An edit whose file changed on
    /// disk since is undone field by field around that change.
    pub fn undo(&mut self) -> Result<Option<Edit>, EditError> {
        let done = self.history.undo(&mut self.plan, &disk::fit)?;
        self.after(done.as_ref(), true);
        Ok(done)
    }

    /// Redoes the last undone edit, if any; returns what was redone.
    pub fn redo(&mut self) -> Result<Option<Edit>, EditError> {
        let done = self.history.redo(&mut self.plan, &disk::fit)?;
        self.after(done.as_ref(), false);
        Ok(done)
    }

    fn after(&mut self, done: Option<&Edit>, undo: bool) {
        if let Some(e) = done {
            let units: Vec<Unit> = e.units().collect();
            self.touched.extend(units.iter().cloned());
            if undo {
                // Undone back to what the file holds: no typing is left there to defend.
                for u in &units {
                    let (ours, file) = (self.plan.unit(u), self.loaded.plan.unit(u));
                    let back = crate::diff::changed_fields(ours.as_ref(), file.as_ref());
                    if let Some(fields) = self.typed.get_mut(u) {
                        fields.retain(|f| back.contains(f));
                    }
                }
            } else {
                self.note_typed(e);
            }
            self.reconcile(&units);
        }
        self.follow(done.and_then(derived::Narrow::of));
    }

    fn note_typed(&mut self, edit: &Edit) {
        for change in &edit.changes {
            let (before, after) = change.values();
            let fields = crate::diff::changed_fields(before.as_ref(), after.as_ref());
            self.typed.entry(change.unit()).or_default().extend(fields);
        }
    }

    /// The units whose edited value differs from their file's: what a save would write.
    pub fn unsaved(&self) -> Vec<Unit> {
        self.touched
            .iter()
            .filter(|u| !self.plan.same_unit(&self.loaded.plan, u))
            .cloned()
            .collect()
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.touched
            .iter()
            .any(|u| !self.plan.same_unit(&self.loaded.plan, u))
    }

    /// What a save writes now: every unsaved file but those with open conflicts, each
    /// expected over the bytes last read there.
    pub(crate) fn save_writes(&self) -> Result<Vec<FileWrite>, StoreError> {
        let waiting = self.waiting();
        let units: Vec<Unit> = self
            .unsaved()
            .into_iter()
            .filter(|u| !waiting.contains(u))
            .collect();
        if units.contains(&Unit::Plan) && !self.loaded.meta_readable {
            return Err(StoreError::MetaUnreadable);
        }
        units
            .iter()
            .map(|u| FileWrite::of(&self.loaded, &self.plan, u))
            .collect()
    }

    /// Changes each time what the document holds changes (an edit, an undo, a save, a read
    /// from disk, a settled conflict).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes each time a change may have moved activities in the outline: added, removed,
    /// moved in the tree or in the schedule. An edit of fields that moves no date leaves it.
    pub fn layout_revision(&self) -> u64 {
        self.layout_revision
    }

    /// The files that wait for their conflicts to be settled before they are saved.
    pub fn waiting(&self) -> BTreeSet<Unit> {
        self.conflicts.iter().map(|c| c.target.clone()).collect()
    }

    /// Records what a save wrote. Files found changed on disk were not written; the caller
    /// reads them (see `Document::ingest`) and saves again.
    pub fn saved(&mut self, writes: &[FileWrite], report: &SaveReport) {
        self.loaded.record_saved(writes, report);
        // What the files now hold is what was typed: nothing typed is left to defend.
        let (plan, files) = (&self.plan, &self.loaded.plan);
        self.typed.retain(|u, _| !plan.same_unit(files, u));
        self.read_only = !self.loaded.meta_readable;
        self.refresh();
    }

    /// Records a participant's response written at once (collect mode), as the plan's and
    /// its file's value. Answers are not edits: undo never takes a participant's words back.
    pub(crate) fn response_saved(&mut self, write: &FileWrite, report: &SaveReport) {
        self.loaded
            .record_saved(std::slice::from_ref(write), report);
        if report.hashes.contains_key(&write.unit.to_string()) {
            self.plan.set_unit(&write.unit, write.value.clone());
        }
        self.refresh();
    }

    /// What the checks leave alone because reading failed there.
    fn unread(&self) -> Unread {
        Unread {
            meta: !self.loaded.meta_readable,
            entities: self.loaded.sources.unreadable.clone(),
        }
    }

    /// Follows an edit the plan now holds: in part when it is narrow, else in full.
    fn follow(&mut self, narrow: Option<derived::Narrow>) {
        let (Some(narrow), Some(mut derived)) = (narrow, self.derived.take()) else {
            self.refresh();
            return;
        };
        self.revision += 1;
        let unread = self.unread();
        let moved = derived.follow(
            &self.plan,
            &unread,
            &narrow,
            &self.position,
            &mut self.schedule,
        );
        self.layout_revision += u64::from(moved);
        self.diagnostics = derived.diagnostics(&self.plan, &self.loaded, &unread, &self.schedule);
        self.derived = Some(derived);
    }

    /// Reruns the checks over the plan as edited, with the problems of its files as last read.
    pub(crate) fn refresh(&mut self) {
        self.revision += 1;
        self.layout_revision += 1;
        let unread = self.unread();
        let (derived, schedule) = derived::Derived::full(&self.plan, &unread);
        self.schedule = schedule;
        self.diagnostics = derived.diagnostics(&self.plan, &self.loaded, &unread, &self.schedule);
        self.derived = Some(derived);
        self.position = self
            .plan
            .activities
            .keys()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        let position = &self.position;
        self.parents = self
            .plan
            .activities
            .values()
            .map(|a| a.parent.as_ref().and_then(|p| position.get(p).copied()))
            .collect();
    }

    /// The computed dates of an activity, when it could be scheduled.
    pub fn dates(&self, id: &Id) -> Option<&Dates> {
        self.position
            .get(id)
            .and_then(|i| self.schedule.entries.get(*i))
            .and_then(|e| e.dates.as_ref())
    }

    /// How many errors and warnings the checks report.
    pub(crate) fn problem_counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, self.diagnostics.len() - errors)
    }
}

#[cfg(test)]
mod tests;
