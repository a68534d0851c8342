//! Consultations on disk: `consultations/<round>/round.ron` and one file per participant in
//! `consultations/<round>/responses/`, read by the same loader as the entities and written
//! one file at a time, each atomically.

use super::layout::{response_path, round_path};
use super::save::{FileWrite, write_files};
use super::{LoadedPlan, SaveReport, StoreError, to_canonical};
use crate::model::{Id, Response, Round, Unit, UnitValue};
use std::path::Path;

/// The canonical text of a round's file.
pub fn canonical_round(round: &Round) -> Result<String, StoreError> {
    to_canonical(round).map_err(|source| StoreError::Serialize {
        path: round_path(&round.id),
        source,
    })
}

/// The canonical text of a response's file.
pub fn canonical_response(round: &Id, response: &Response) -> Result<String, StoreError> {
    to_canonical(response).map_err(|source| StoreError::Serialize {
        path: response_path(round, &response.participant),
        source,
    })
}

/// Writes one participant's response atomically, as collect mode does after every answer, and
/// returns its path relative to the plan folder. The round must already be saved, so that
/// answers never land in a folder that is not a round.
pub fn save_response(root: &Path, round: &Id, response: &Response) -> Result<String, StoreError> {
    let mut loaded = LoadedPlan::empty(root);
    let rel = response_path(round, &response.participant);
    if let (_, Some(bytes)) = super::save::current(&root.join(&rel)) {
        loaded
            .sources
            .hashes
            .insert(rel, super::content_hash(&bytes));
    }
    loaded.save_response(round, response)
}

/// Writes one participant's response (see `LoadedPlan::response_write`): refused when its
/// round is not saved yet, or when the file changed on disk since it was read.
pub fn write_response(root: &Path, write: &FileWrite) -> Result<SaveReport, StoreError> {
    if let crate::model::Unit::Response { round, .. } = &write.unit
        && !root.join(round_path(round)).is_file()
    {
        return Err(StoreError::RoundNotSaved {
            round: round.clone(),
        });
    }
    let report = write_files(root, std::slice::from_ref(write))?;
    match report.changed_on_disk.first() {
        Some(path) => Err(StoreError::ChangedOnDisk { path: path.clone() }),
        None => Ok(report),
    }
}

impl LoadedPlan {
    /// The write that saves one participant's response as given, over what this plan last
    /// read in its file.
    pub(crate) fn response_write(
        &self,
        round: &Id,
        response: &Response,
    ) -> Result<FileWrite, StoreError> {
        let mut canonical = response.clone();
        canonical.normalize();
        let unit = Unit::Response {
            round: round.clone(),
            participant: canonical.participant.clone(),
        };
        let expected = self.sources.hashes.get(&unit.to_string()).copied();
        Ok(FileWrite {
            unit,
            text: Some(canonical_response(round, &canonical)?),
            value: Some(UnitValue::Response(Box::new(canonical))),
            expected,
        })
    }

    /// Saves one response atomically and records it as saved, so that a later save of the
    /// whole plan does not count it as a change. The round must be saved already, and the
    /// response's file must hold what this plan last read there (or be absent): someone
    /// else's change to it is never written over.
    pub fn save_response(&mut self, round: &Id, response: &Response) -> Result<String, StoreError> {
        let write = self.response_write(round, response)?;
        let report = write_response(&self.root, &write)?;
        if self.plan.consultations.contains_key(round) {
            self.record_saved(std::slice::from_ref(&write), &report);
        }
        Ok(write.unit.to_string())
    }
}

#[cfg(test)]
mod tests;
