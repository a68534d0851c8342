//! The state of a merge that stopped on conflicts, kept beside the repository (never as markers
//! in plan files): which commits are merged, and the choices made so far. The conflicts
//! themselves are recomputed from the commits, which is exact because the merge is
//! deterministic, so the state stays small and readable.

use super::{PlanRepo, RepoError, io};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A choice made for one conflict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Pick {
    /// Our value.
    Ours,
    /// Their value.
    Theirs,
    /// The common ancestor's value.
    Base,
    /// A value of one's own (the field's tree).
    Value(serde_json::Value),
}

/// One settled conflict, named by its file and field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    /// The file, relative to the plan folder.
    pub target: String,
    /// The field (`dependencies[launch].lag`).
    pub path: String,
    /// What was chosen.
    pub pick: Pick,
}

/// A merge in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MergeState {
    /// Our commit (HEAD when the merge started).
    pub ours: String,
    /// Their commit.
    pub theirs: String,
    /// What their side is called (`origin/main`).
    pub label: String,
    /// Choices made so far, in order.
    pub resolutions: Vec<Resolution>,
}

fn path(r: &PlanRepo) -> PathBuf {
    r.repo.path().join("khutta").join("merge.json")
}

/// The merge in progress, if any.
pub fn load(r: &PlanRepo) -> Result<Option<MergeState>, RepoError> {
    let p = path(r);
    match crate::store::read_bounded(&p, crate::store::MAX_STATE_BYTES) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| RepoError::Io {
                path: p,
                source: std::io::Error::other(e),
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(RepoError::Io { path: p, source: e }),
    }
}

/// Records the merge in progress, atomically.
pub fn save(r: &PlanRepo, state: &MergeState) -> Result<(), RepoError> {
    let p = path(r);
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let json = serde_json::to_vec_pretty(state).map_err(|e| RepoError::Io {
        path: p.clone(),
        source: std::io::Error::other(e),
    })?;
    crate::store::write_atomic(&p, &json).map_err(io(&p))
}

/// Forgets the merge in progress.
pub fn clear(r: &PlanRepo) -> Result<(), RepoError> {
    let p = path(r);
    match std::fs::remove_file(&p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(RepoError::Io { path: p, source: e })
        }
        _ => Ok(()),
    }
}
