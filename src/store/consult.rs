//! Consultations on disk: `consultations/<round>/round.ron` and one file per participant in
//! `consultations/<round>/responses/`, read by the same loader as the entities and written
//! one file at a time, each atomically.

use super::layout::{FileKind, TMP_SUFFIX, response_path, round_path};
use super::load::Found;
use super::save::{remove, write};
use super::{LoadedPlan, SaveReport, Sources, StoreError, to_canonical, write_atomic};
use crate::check::{Code, Diagnostic, Said};
use crate::model::{
    CONSULTATIONS_DIR, Consultation, Id, Plan, RESPONSES_DIR, ROUND_FILE, Response, Round,
};
use crate::said;
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
    if !root.join(round_path(round)).is_file() {
        return Err(StoreError::RoundNotSaved {
            round: round.clone(),
        });
    }
    let rel = response_path(round, &response.participant);
    let path = root.join(&rel);
    let mut canonical = response.clone();
    canonical.normalize();
    let text = canonical_response(round, &canonical)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.into(),
            source,
        })?;
    }
    write_atomic(&path, text.as_bytes()).map_err(|source| StoreError::Io { path, source })?;
    Ok(rel)
}

impl LoadedPlan {
    /// Saves one response (see [`save_response`]) and records it as saved, so that a later
    /// [`super::save`] of the whole plan does not count it as a change. The round must be
    /// in this loaded plan.
    pub fn save_response(&mut self, round: &Id, response: &Response) -> Result<String, StoreError> {
        let rel = save_response(&self.root, round, response)?;
        let key = (round.clone(), response.participant.clone());
        if let Some(old) = self.sources.responses.insert(key, rel.clone())
            && old != rel
        {
            remove(&self.root, &old, &mut SaveReport::default())?;
        }
        if let Some(c) = self.plan.consultations.get_mut(round) {
            let mut r = response.clone();
            r.normalize();
            c.responses.insert(r.participant.clone(), r);
        }
        Ok(rel)
    }
}

/// Writes what differs between `loaded.plan`'s consultations and `plan`'s, and removes the
/// files of responses and rounds that are gone.
pub(super) fn save_consultations(
    loaded: &mut LoadedPlan,
    plan: &Plan,
    report: &mut SaveReport,
) -> Result<(), StoreError> {
    let root = loaded.root.clone();
    let sources = &mut loaded.sources;
    for (id, c) in &plan.consultations {
        let old = loaded.plan.consultations.get(id);
        let rel = round_path(id);
        let src = sources.rounds.get(id).cloned();
        if old.map(|o| &o.round) != Some(&c.round) || src.as_deref() != Some(rel.as_str()) {
            write(&root, &rel, Some(canonical_round(&c.round)?), report)?;
            sources.rounds.insert(id.clone(), rel.clone());
            if let Some(src) = src.filter(|s| *s != rel) {
                remove(&root, &src, report)?;
            }
        }
        for (p, r) in &c.responses {
            let rel = response_path(id, p);
            let key = (id.clone(), p.clone());
            let src = sources.responses.get(&key).cloned();
            let before = old.and_then(|o| o.responses.get(p));
            if before != Some(r) || src.as_deref() != Some(rel.as_str()) {
                write(&root, &rel, Some(canonical_response(id, r)?), report)?;
                sources.responses.insert(key, rel.clone());
                if let Some(src) = src.filter(|s| *s != rel) {
                    remove(&root, &src, report)?;
                }
            }
        }
        if let Some(o) = old {
            for p in o.responses.keys().filter(|p| !c.responses.contains_key(*p)) {
                if let Some(rel) = sources.responses.remove(&(id.clone(), p.clone())) {
                    remove(&root, &rel, report)?;
                }
            }
        }
    }
    for (id, o) in &loaded.plan.consultations {
        if plan.consultations.contains_key(id) {
            continue;
        }
        for p in o.responses.keys() {
            if let Some(rel) = sources.responses.remove(&(id.clone(), p.clone())) {
                remove(&root, &rel, report)?;
            }
        }
        if let Some(rel) = sources.rounds.remove(id) {
            remove(&root, &rel, report)?;
            // Empty folders are invisible to git but would be read as a round without a file.
            let dir = root.join(CONSULTATIONS_DIR).join(id.as_str());
            let _ = std::fs::remove_dir(dir.join(RESPONSES_DIR));
            let _ = std::fs::remove_dir(dir);
        }
    }
    Ok(())
}

/// Writes every consultation of `plan` (for a new plan folder).
pub(super) fn write_all(
    root: &Path,
    plan: &Plan,
    report: &mut SaveReport,
) -> Result<(), StoreError> {
    for (id, c) in &plan.consultations {
        write(
            root,
            &round_path(id),
            Some(canonical_round(&c.round)?),
            report,
        )?;
        for (p, r) in &c.responses {
            write(
                root,
                &response_path(id, p),
                Some(canonical_response(id, r)?),
                report,
            )?;
        }
    }
    Ok(())
}

fn stray(rel: String, what: Said) -> Diagnostic {
    Diagnostic::file(
        Code::StrayFile,
        rel,
        (1, 1),
        said!("check-stray-in-round", what = what),
        said!(
            "check-stray-in-round-hint",
            round_file = ROUND_FILE,
            responses = RESPONSES_DIR,
            consultations = CONSULTATIONS_DIR
        ),
    )
}

fn entries(dir: &Path) -> Result<Vec<(String, bool)>, StoreError> {
    let io = |source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with(TMP_SUFFIX) {
            continue;
        }
        out.push((name, entry.file_type().is_ok_and(|t| t.is_dir())));
    }
    // Directory order differs between file systems; sorting keeps reports stable.
    out.sort();
    Ok(out)
}

/// Lists every round's file and response files, reporting anything else found there.
pub(super) fn list_files(
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Found>, StoreError> {
    let top = root.join(CONSULTATIONS_DIR);
    if !top.is_dir() {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    for (round, is_dir) in entries(&top)? {
        let rel_dir = format!("{CONSULTATIONS_DIR}/{round}");
        if !is_dir {
            diagnostics.push(stray(
                rel_dir,
                said!("check-what-not-round-folder", name = &round),
            ));
            continue;
        }
        let mut has_round = false;
        let mut responses = Vec::new();
        for (name, is_dir) in entries(&top.join(&round))? {
            let rel = format!("{rel_dir}/{name}");
            match (name.as_str(), is_dir) {
                (ROUND_FILE, false) => has_round = true,
                (RESPONSES_DIR, true) => {
                    for (file, is_dir) in entries(&top.join(&round).join(RESPONSES_DIR))? {
                        let rel = format!("{rel}/{file}");
                        match file.strip_suffix(".ron") {
                            Some(stem) if !is_dir => responses.push(Found {
                                kind: FileKind::Response,
                                rel,
                                stem: stem.to_owned(),
                                round: round.clone(),
                            }),
                            _ => {
                                diagnostics.push(stray(rel, said!("check-what-file", name = &file)))
                            }
                        }
                    }
                }
                _ => diagnostics.push(stray(rel, said!("check-what-file", name = &name))),
            }
        }
        if has_round {
            found.push(Found {
                kind: FileKind::Round,
                rel: format!("{rel_dir}/{ROUND_FILE}"),
                stem: round.clone(),
                round: round.clone(),
            });
            found.extend(responses);
        } else if !responses.is_empty() {
            diagnostics.push(Diagnostic::file(
                Code::NoRound,
                rel_dir,
                (1, 1),
                said!(
                    "check-no-round",
                    count = responses.len(),
                    round_file = ROUND_FILE
                ),
                said!("check-no-round-hint", round_file = ROUND_FILE),
            ));
        }
    }
    Ok(found)
}

/// Adds a parsed round to the plan, checking its id against its folder and the others.
pub(super) fn insert_round(
    plan: &mut Plan,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    f: &Found,
    mut round: Round,
) {
    let id = round.id.clone();
    let located = |code, message: Said, hint: Said| {
        let mut d = Diagnostic::round(code, &id, message, hint).at("id");
        d.path = f.rel.clone();
        d
    };
    if let Err(e) = id.validate() {
        diagnostics.push(located(
            Code::BadId,
            said!("check-bad-id", id = &id, reason = e.said()),
            said!("check-bad-round-id-hint"),
        ));
    }
    if id.as_str() != f.stem {
        diagnostics.push(located(
            Code::IdMismatch,
            said!("check-round-folder-mismatch", id = &id, folder = &f.stem),
            said!("check-round-folder-mismatch-hint"),
        ));
    }
    if let Some(first) = sources.rounds.get(&id) {
        diagnostics.push(located(
            Code::DuplicateId,
            said!("check-round-twice", id = &id, first = first),
            said!("check-round-twice-hint"),
        ));
        return;
    }
    sources.rounds.insert(id.clone(), f.rel.clone());
    round.normalize();
    plan.consultations.insert(id, Consultation::new(round));
}

/// Adds a parsed response to its round, checking its id against its file and the others.
pub(super) fn insert_response(
    plan: &mut Plan,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    f: &Found,
    mut response: Response,
) {
    let round_rel = format!("{CONSULTATIONS_DIR}/{}/{ROUND_FILE}", f.round);
    let round = sources
        .rounds
        .iter()
        .find(|(_, rel)| **rel == round_rel)
        .map(|(id, _)| id.clone());
    let Some(round) = round.filter(|r| plan.consultations.contains_key(r)) else {
        // The round's own error (unreadable, or a duplicate id) says why.
        sources.unreadable_consultations.insert(f.rel.clone());
        return;
    };
    let id = response.participant.clone();
    let located = |code, message: Said, hint: Said| {
        let mut d = Diagnostic::response(code, &round, &id, message, hint).at("participant");
        d.path = f.rel.clone();
        d
    };
    if let Err(e) = id.validate() {
        diagnostics.push(located(
            Code::BadId,
            said!("check-bad-id", id = &id, reason = e.said()),
            said!("check-bad-participant-id-hint"),
        ));
    }
    if id.as_str() != f.stem {
        diagnostics.push(located(
            Code::IdMismatch,
            said!("check-participant-file-mismatch", id = &id, stem = &f.stem),
            said!("check-participant-file-mismatch-hint"),
        ));
    }
    let key = (round.clone(), id.clone());
    if let Some(first) = sources.responses.get(&key) {
        diagnostics.push(located(
            Code::DuplicateId,
            said!("check-participant-twice", id = &id, first = first),
            said!("check-participant-twice-hint"),
        ));
        return;
    }
    sources.responses.insert(key, f.rel.clone());
    response.normalize();
    if let Some(c) = plan.consultations.get_mut(&round) {
        c.responses.insert(id, response);
    }
}

#[cfg(test)]
mod tests;
