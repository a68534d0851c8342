//! Unsaved edits as they are kept between sessions: for each file, what it held when the
//! edits began (the base) and what the edits make of it. The next session merges each three
//! ways with what the file holds then, so edits recovered after a crash meet a sync that came
//! in meanwhile as any outside change does: merged field by field, conflicts kept to settle.

use super::Document;
use crate::diff;
use crate::edit::{Change, Edit, EditError, Label};
use crate::model::{Unit, UnitValue};
use serde::{Deserialize, Serialize};

/// One file's unsaved edits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unsaved {
    /// The file.
    pub unit: Unit,
    /// What it held when the edits began (`None`: absent).
    pub base: Option<UnitValue>,
    /// What the edits make of it (`None`: deleted).
    pub mine: Option<UnitValue>,
}

/// What bringing unsaved edits back did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recovered {
    /// The files whose edits are back in the plan (merged where the file changed since).
    pub units: Vec<Unit>,
    /// Conflicts with what the files hold now, to settle.
    pub conflicts: usize,
}

impl Document {
    /// Every file with unsaved edits, with its base and its edited value. A file with open
    /// conflicts keeps the base both sides started from, so that recovering it brings the
    /// conflict back instead of writing over the other side.
    pub(crate) fn unsaved_edits(&self) -> Vec<Unsaved> {
        self.unsaved()
            .into_iter()
            .map(|unit| {
                let base = match self.conflict_base(&unit) {
                    Some(b) => b.clone(),
                    None => self.loaded.plan.unit(&unit),
                };
                Unsaved {
                    mine: self.plan.unit(&unit),
                    base,
                    unit,
                }
            })
            .collect()
    }

    /// Brings unsaved edits of an earlier session back, as one edit that undo takes back.
    /// Each file is merged with what it holds now; a field changed both ways keeps the
    /// recovered value and becomes a conflict. `plan.ron` is left out of a read-only plan.
    pub fn recover(&mut self, unsaved: Vec<Unsaved>) -> Result<Recovered, EditError> {
        let mut out = Recovered::default();
        let mut changes = Vec::new();
        let mut found = Vec::new();
        let mut units: Vec<Unsaved> = unsaved
            .into_iter()
            .filter(|u| !(u.unit == Unit::Plan && self.read_only))
            .collect();
        // New and changed files in file order (a round before its responses), removals in the
        // other order (responses before their round).
        units.sort_by(|a, b| {
            let gone = |u: &Unsaved| u.mine.is_none();
            match (gone(a), gone(b)) {
                (false, false) => a.unit.cmp(&b.unit),
                (true, true) => b.unit.cmp(&a.unit),
                (x, y) => x.cmp(&y),
            }
        });
        for u in units {
            let theirs = self.loaded.plan.unit(&u.unit);
            let (merged, conflicts) =
                diff::merge_unit(&u.unit, u.base.as_ref(), u.mine.as_ref(), theirs.as_ref());
            let current = self.plan.unit(&u.unit);
            if merged != current
                && let Some(c) = Change::between(&u.unit, current, merged)
            {
                changes.push(c);
            }
            if !conflicts.is_empty() {
                found.push((u.unit.clone(), u.base, conflicts));
            }
            out.units.push(u.unit);
        }
        if !changes.is_empty() {
            self.apply(Edit {
                label: Label::Batch("recovered edits".into()),
                changes,
            })?;
        }
        for (unit, base, conflicts) in found {
            out.conflicts += conflicts.len();
            self.touched.insert(unit.clone());
            self.note_conflicts(&unit, base, conflicts);
        }
        self.refresh();
        Ok(out)
    }
}
