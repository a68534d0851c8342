//! The plan being edited: what was read, what it is now, the edit log, and what the checks
//! say about it. Kept consistent after every edit.

use crate::check::{self, Diagnostic, Unread};
use crate::edit::{Edit, EditError, History};
use crate::model::{Id, Plan};
use crate::schedule::{Dates, Schedule};
use crate::store::LoadedPlan;
use std::collections::HashMap;

/// A plan open for editing.
#[derive(Clone, Debug)]
pub struct Document {
    /// The plan as read from (or last saved to) disk.
    pub loaded: LoadedPlan,
    /// The plan as edited.
    pub plan: Plan,
    /// Every edit since the plan was opened.
    pub history: History,
    /// What the checks say about `plan`, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether saving is refused (plan.ron could not be read, so writing it could lose data).
    pub read_only: bool,
    /// The plan's computed dates, slack and critical path.
    pub schedule: Schedule,
    /// Each activity's position in `plan.activities` (and so in `schedule.entries`).
    pub position: HashMap<Id, usize>,
}

impl Document {
    /// Opens a loaded plan.
    pub fn new(loaded: LoadedPlan) -> Document {
        let read_only = !loaded.meta_readable;
        let mut doc = Document {
            plan: loaded.plan.clone(),
            loaded,
            history: History::default(),
            diagnostics: Vec::new(),
            read_only,
            schedule: Schedule::default(),
            position: HashMap::new(),
        };
        doc.refresh();
        doc
    }

    /// Applies an edit and refreshes the checks.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.plan, edit)?;
        self.refresh();
        Ok(())
    }

    /// Undoes the last edit, if any; returns whether there was one.
    pub fn undo(&mut self) -> Result<bool, EditError> {
        let done = self.history.undo(&mut self.plan)?.is_some();
        self.refresh();
        Ok(done)
    }

    /// Redoes the last undone edit, if any; returns whether there was one.
    pub fn redo(&mut self) -> Result<bool, EditError> {
        let done = self.history.redo(&mut self.plan)?.is_some();
        self.refresh();
        Ok(done)
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Reruns the checks. The file-reading problems found at load time stay until the plan is
    /// read again; the rules run on the plan in memory.
    pub fn refresh(&mut self) {
        let unread = Unread {
            meta: !self.loaded.meta_readable,
            entities: self.loaded.sources.unreadable.clone(),
        };
        let mut all: Vec<Diagnostic> = self.loaded.diagnostics.clone();
        all.extend(check::check(&self.plan, &unread));
        self.schedule = crate::schedule::schedule(&self.plan);
        self.position = self
            .plan
            .activities
            .keys()
            .enumerate()
            .map(|(i, id)| (id.clone(), i))
            .collect();
        if !unread.meta {
            all.extend(crate::schedule::conflict_diagnostics(
                &self.plan,
                &self.schedule,
            ));
        }
        all.sort_by(|a, b| (a.severity, a.sort_key()).cmp(&(b.severity, b.sort_key())));
        self.diagnostics = all;
    }

    /// The computed dates of an activity, when it could be scheduled.
    pub fn dates(&self, id: &Id) -> Option<&Dates> {
        self.position
            .get(id)
            .and_then(|i| self.schedule.entries.get(*i))
            .and_then(|e| e.dates.as_ref())
    }

    /// How many errors and warnings the checks report.
    pub fn problem_counts(&self) -> (usize, usize) {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, self.diagnostics.len() - errors)
    }
}

impl super::lists::Timeline for Document {
    fn start_and_slack(&self, id: &Id) -> (Option<i64>, Option<i64>) {
        use chrono::Datelike;
        match self.dates(id) {
            Some(d) => (
                Some(i64::from(d.early_start.num_days_from_ce())),
                Some(d.total_slack),
            ),
            None => (None, None),
        }
    }
}
