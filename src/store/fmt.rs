//! `khutta fmt`: rewriting files into canonical form.

use super::layout::{PLAN_FILE, classify};
use super::{
    LoadedPlan, StoreError, canonical_response, canonical_round, canonical_text, write_atomic,
};
use crate::check::Diagnostic;
use crate::model::GOVERNANCE_FILE;
use std::path::Path;

/// What formatting found.
#[derive(Clone, Debug, Default)]
pub struct FmtOutcome {
    /// Files not in canonical form (rewritten unless checking only), relative paths.
    pub changed: Vec<String>,
    /// Files that could not be read, so could not be formatted.
    pub unreadable: Vec<Diagnostic>,
}

/// Compares every readable file of the plan with its canonical form and, unless
/// `check_only`, rewrites those that differ. Unreadable files are never touched.
pub fn format_folder(loaded: &LoadedPlan, check_only: bool) -> Result<FmtOutcome, StoreError> {
    let mut out = FmtOutcome {
        unreadable: loaded
            .diagnostics
            .iter()
            .filter(|d| is_read_failure(d))
            .cloned()
            .collect(),
        ..Default::default()
    };
    let mut files: Vec<(String, Option<String>)> = Vec::new();
    if loaded.meta_readable {
        files.push((PLAN_FILE.to_owned(), canonical_text(&loaded.plan, None)?));
    }
    if let Some(g) = &loaded.plan.governance {
        let text = super::to_canonical(g).map_err(|source| StoreError::Serialize {
            path: GOVERNANCE_FILE.to_owned(),
            source,
        })?;
        files.push((GOVERNANCE_FILE.to_owned(), Some(text)));
    }
    for (kind, id) in &loaded.sources.files {
        files.push((
            super::layout::entity_path(*kind, id),
            canonical_text(&loaded.plan, Some((*kind, id)))?,
        ));
    }
    for (id, rel) in &loaded.sources.rounds {
        let round = loaded.plan.consultations.get(id).map(|c| &c.round);
        files.push((rel.clone(), round.map(canonical_round).transpose()?));
    }
    for ((round, p), rel) in &loaded.sources.responses {
        let r = loaded
            .plan
            .consultations
            .get(round)
            .and_then(|c| c.responses.get(p));
        let text = r.map(|r| canonical_response(round, r)).transpose()?;
        files.push((rel.clone(), text));
    }
    files.sort();
    for (rel, canonical) in files {
        let Some(canonical) = canonical else { continue };
        super::save::real_folders(&loaded.root, &rel)?;
        let path = loaded.root.join(&rel);
        let on_disk =
            super::read_bounded(&path, super::MAX_FILE_BYTES).map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })?;
        if on_disk != canonical.as_bytes() {
            if !check_only {
                write_atomic(&path, canonical.as_bytes())
                    .map_err(|source| StoreError::Io { path, source })?;
            }
            out.changed.push(rel);
        }
    }
    Ok(out)
}

/// Removes the stale temporary files that writers killed mid-write left in the folders of the
/// plan's files (never through a link: see `real_folders`). `fmt` tidies them away; a save
/// does the same in the folders it writes into.
pub fn sweep_stale_files(loaded: &LoadedPlan) {
    // One entity of each kind stands for its folder: every entity's file is in its kind's.
    let mut one_per_kind: Vec<&(crate::model::EntityKind, crate::model::Id)> = Vec::new();
    for key in &loaded.sources.files {
        if !one_per_kind.iter().any(|(k, _)| *k == key.0) {
            one_per_kind.push(key);
        }
    }
    let rels = std::iter::once(PLAN_FILE.to_owned())
        .chain(
            one_per_kind
                .into_iter()
                .map(|(kind, id)| super::layout::entity_path(*kind, id)),
        )
        .chain(loaded.sources.rounds.values().cloned())
        .chain(loaded.sources.responses.values().cloned());
    let folders: std::collections::BTreeSet<_> = rels
        .filter(|rel| super::save::real_folders(&loaded.root, rel).is_ok())
        .filter_map(|rel| loaded.root.join(rel).parent().map(Path::to_path_buf))
        .collect();
    folders.iter().for_each(|d| super::atomic::sweep_stale(d));
}

/// Whether a diagnostic from loading means its file could not be parsed at all. A file
/// refused before parsing (conflict markers, a comment) is one too: a `plan.ron` like that
/// leaves the whole plan unformatted, which must not pass for success.
fn is_read_failure(d: &Diagnostic) -> bool {
    use crate::check::Code::*;
    matches!(
        d.code,
        Syntax
            | Type
            | UnknownField
            | MissingField
            | NotUtf8
            | TooLarge
            | FormatVersion
            | Unreadable
            | Comment
            | ConflictMarkers
    ) && (classify(&d.path).is_some() || d.path == GOVERNANCE_FILE)
}
