//! The log of edits since the plan was opened: undo, redo and the unsaved marker.

use super::{Edit, EditError};
use crate::model::Plan;

/// Every edit since the plan was opened, with the position of the last save.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<(u64, Edit)>,
    undone: Vec<(u64, Edit)>,
    next_serial: u64,
    /// The serial of the last edit applied when the plan was saved (0: none).
    saved: u64,
}

impl History {
    /// Applies `edit` to `plan` and records it; the redo list is dropped.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
        edit.apply(plan)?;
        self.next_serial += 1;
        self.done.push((self.next_serial, edit));
        self.undone.clear();
        Ok(())
    }

    /// Undoes the last edit; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> Result<Option<&Edit>, EditError> {
        let Some((serial, edit)) = self.done.pop() else {
            return Ok(None);
        };
        if let Err(e) = edit.inverse().apply(plan) {
            self.done.push((serial, edit));
            return Err(e);
        }
        self.undone.push((serial, edit));
        Ok(self.undone.last().map(|(_, e)| e))
    }

    /// Redoes the last undone edit; returns it, or `None` when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> Result<Option<&Edit>, EditError> {
        let Some((serial, edit)) = self.undone.pop() else {
            return Ok(None);
        };
        if let Err(e) = edit.apply(plan) {
            self.undone.push((serial, edit));
            return Err(e);
        }
        self.done.push((serial, edit));
        Ok(self.done.last().map(|(_, e)| e))
    }

    /// Whether the plan differs from what was last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.done.last().map_or(0, |(s, _)| *s) != self.saved
    }

    /// Records that the plan as it now stands was saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.done.last().map_or(0, |(s, _)| *s);
    }

    /// A marker of the plan's current state, to pass to [`History::mark_saved_at`] once a
    /// save that started now has finished.
    pub fn position(&self) -> u64 {
        self.done.last().map_or(0, |(s, _)| *s)
    }

    /// Records that the state at `position` was saved (edits made since stay unsaved).
    pub fn mark_saved_at(&mut self, position: u64) {
        self.saved = position;
    }

    /// How many edits can be undone.
    pub fn undo_depth(&self) -> usize {
        self.done.len()
    }

    /// How many edits can be redone.
    pub fn redo_depth(&self) -> usize {
        self.undone.len()
    }

    /// The edits that can be undone, oldest first.
    pub fn done(&self) -> impl Iterator<Item = &Edit> {
        self.done.iter().map(|(_, e)| e)
    }
}
