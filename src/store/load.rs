//! Reading a plan folder: every file, on every core, with every problem reported.

use super::disk::{Place, read_places};
use super::layout::{FileKind, PLAN_FILE};
use super::locate::locate;
use super::parse::MAX_FILE_BYTES;
use super::read::placeholder_meta;
use super::{Sources, StoreError};
use crate::check::Diagnostic;
use crate::model::Plan;
use std::path::{Path, PathBuf};

/// A plan read from disk, with what could not be read.
#[derive(Clone, Debug)]
pub struct LoadedPlan {
    /// The plan folder.
    pub root: PathBuf,
    /// Everything that could be read.
    pub plan: Plan,
    /// Whether `plan.ron` itself was read; when it was not, `plan.meta` is a placeholder that
    /// must never be written back.
    pub meta_readable: bool,
    /// Where each entity came from.
    pub sources: Sources,
    /// Problems found while reading, already located.
    pub diagnostics: Vec<Diagnostic>,
}

/// A plan file found in an entity folder or a consultation round's folder.
#[derive(Clone, Debug)]
pub(super) struct Found {
    /// What it holds.
    pub(super) kind: FileKind,
    /// Its path relative to the plan folder.
    pub(super) rel: String,
    /// Its stem: the id it should hold (for a round: the folder's name).
    pub(super) stem: String,
    /// For a consultation file, the name of its round's folder.
    pub(super) round: String,
}

/// Reads the plan folder at `root`, parsing every file (no parse cache: see
/// [`load_with_cache`]).
///
/// Fails only when `root` is not a readable plan folder at all; every problem inside a file
/// becomes a diagnostic and the rest of the plan is still read.
pub fn load(root: &Path) -> Result<LoadedPlan, StoreError> {
    load_with_cache(root, None)
}

/// Reads the plan folder at `root`, keeping parsed files in the cache folder `cache_dir` (none:
/// parse everything).
pub fn load_with_cache(root: &Path, cache_dir: Option<&Path>) -> Result<LoadedPlan, StoreError> {
    if std::fs::symlink_metadata(root.join(PLAN_FILE)).is_err() {
        return Err(StoreError::NotAPlan {
            path: root.to_path_buf(),
        });
    }
    let started = std::time::Instant::now();
    let mut loaded = LoadedPlan::empty(root);
    loaded.fold_all(read_places(root, &Place::all(), cache_dir));
    tracing::info!(
        plan = %root.display(),
        activities = loaded.plan.activities.len(),
        diagnostics = loaded.diagnostics.len(),
        cached = cache_dir.is_some(),
        ms = started.elapsed().as_millis() as u64,
        "plan loaded"
    );
    Ok(loaded)
}

impl LoadedPlan {
    /// A plan folder with nothing read yet: `plan.ron` a placeholder that is never written.
    pub(super) fn empty(root: &Path) -> LoadedPlan {
        let mut meta = placeholder_meta();
        meta.normalize();
        LoadedPlan {
            root: root.to_path_buf(),
            plan: Plan::new(meta),
            meta_readable: false,
            sources: Sources::default(),
            diagnostics: Vec::new(),
        }
    }
}

/// Turns the anchors of unlocated diagnostics into lines and columns, reading each file once
/// and holding one file's text at a time: a plan whose every file has a warning must not be
/// read into memory whole a second time.
pub fn locate_all(root: &Path, diagnostics: &mut [Diagnostic]) {
    let mut unlocated: Vec<&mut Diagnostic> =
        diagnostics.iter_mut().filter(|d| d.line == 0).collect();
    unlocated.sort_by(|a, b| a.path.cmp(&b.path));
    let mut text: Option<(String, Option<String>)> = None;
    for d in unlocated {
        if text.as_ref().is_none_or(|(path, _)| *path != d.path) {
            let read = super::read_bounded(&root.join(&d.path), MAX_FILE_BYTES)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            text = Some((d.path.clone(), read));
        }
        (d.line, d.col) = match text.as_ref().and_then(|(_, t)| t.as_deref()) {
            Some(t) => locate(t, &d.anchor),
            None => (1, 1),
        };
    }
}
