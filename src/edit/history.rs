//! The log of edits since the plan was opened: undo and redo.
//!
//! Whether the plan is saved is not kept here: the document compares what its edits touched
//! with what the files hold, which stays true when the files change under it.

use super::{Edit, EditError};
use crate::model::Plan;

/// How an edit that no longer finds what it expects is made to fit the plan as it is now (a
/// change on disk came in since): given the edit and the plan, the edit to apply instead.
pub type Fit<'a> = &'a dyn Fn(&Edit, &Plan) -> Result<Edit, EditError>;

/// Every edit since the plan was opened.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl History {
    /// Applies `edit` to `plan` and records it; the redo list is dropped.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
        edit.apply(plan)?;
        self.done.push(edit);
        self.undone.clear();
        Ok(())
    }

    /// Undoes the last edit; returns what was applied to undo it, or `None` when there is
    /// nothing to undo. An undo that no longer finds what the edit left is made to fit by
    /// `fit`; when that fails too, nothing changes.
    pub fn undo(&mut self, plan: &mut Plan, fit: Fit) -> Result<Option<Edit>, EditError> {
        let Some(edit) = self.done.pop() else {
            return Ok(None);
        };
        match apply_fitted(plan, &edit.inverse(), fit) {
            Ok(applied) => {
                self.undone.push(applied.inverse());
                Ok(Some(applied))
            }
            Err(e) => {
                self.done.push(edit);
                Err(e)
            }
        }
    }

    /// Redoes the last undone edit; returns what was applied, or `None` when there is
    /// nothing to redo.
    pub(crate) fn redo(&mut self, plan: &mut Plan, fit: Fit) -> Result<Option<Edit>, EditError> {
        let Some(edit) = self.undone.pop() else {
            return Ok(None);
        };
        match apply_fitted(plan, &edit, fit) {
            Ok(applied) => {
                self.done.push(applied.clone());
                Ok(Some(applied))
            }
            Err(e) => {
                self.undone.push(edit);
                Err(e)
            }
        }
    }

    /// The edits that can be undone, oldest first.
    pub fn done(&self) -> impl Iterator<Item = &Edit> {
        self.done.iter()
    }

    /// Forgets every edit (the plan was replaced as a whole).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}

fn apply_fitted(plan: &mut Plan, edit: &Edit, fit: Fit) -> Result<Edit, EditError> {
    match edit.apply(plan) {
        Ok(()) => Ok(edit.clone()),
        Err(EditError::Stale) => {
            let fitted = fit(edit, plan)?;
            fitted.apply(plan)?;
            Ok(fitted)
        }
        Err(e) => Err(e),
    }
}
