//! The places of a plan folder as they are on disk now: `plan.ron`, one entry of an entity
//! folder, a whole entity folder, one round's folder, the consultations folder.
//!
//! Opening a plan reads every place; a change seen on disk (a sync, an editor, another khutta)
//! reads only the places it touched, and [`super::LoadedPlan::fold`] puts what was read in
//! place of what the plan held there. One path for both keeps a reload exactly equal to a
//! fresh open. Only regular files are read: a link, a FIFO, a device or a folder where a plan
//! file belongs is reported for what it is and never opened.

use super::files::{FileRead, read_all};
use super::layout::{FileKind, PLAN_FILE, TMP_SUFFIX};
use super::load::Found;
use super::read::read_meta;
use crate::check::{Code, Diagnostic, Said, noun};
use crate::model::{
    CONSULTATIONS_DIR, EntityKind, GOVERNANCE_FILE, Governance, PlanMeta, RESPONSES_DIR, ROUND_FILE,
};
use crate::said;
use std::path::Path;

/// A part of the plan folder that is read again as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// `plan.ron`.
    Meta,
    /// `governance.ron`, which a plan may have or not.
    Governance,
    /// One entry of an entity folder, by name (`pilot-tunis.ron`, or a stray `notes.txt`).
    EntityFile(EntityKind, String),
    /// A whole entity folder.
    EntityDir(EntityKind),
    /// One round's folder (`consultations/<name>/`) with everything in it: a response means
    /// nothing without its round, so a round is read whole.
    Round(String),
    /// The consultations folder, every round in it.
    Consultations,
}

impl Place {
    /// Every place of a plan folder: what opening it reads.
    pub fn all() -> Vec<Place> {
        let mut all = vec![Place::Meta, Place::Governance];
        all.extend(EntityKind::ALL.map(Place::EntityDir));
        all.push(Place::Consultations);
        all
    }

    /// The place a path relative to the plan folder lies in; `None` for paths khutta does not
    /// read (the repository, other files beside the plan) and for hidden and temporary files.
    pub fn of(rel: &str) -> Option<Place> {
        if rel == PLAN_FILE {
            return Some(Place::Meta);
        }
        if rel == GOVERNANCE_FILE {
            return Some(Place::Governance);
        }
        let mut parts = rel.splitn(3, '/');
        let first = parts.next()?;
        let second = parts.next();
        if second.is_some_and(|n| n.starts_with('.') || n.ends_with(TMP_SUFFIX) || n.is_empty()) {
            return None;
        }
        if first == CONSULTATIONS_DIR {
            return Some(second.map_or(Place::Consultations, |r| Place::Round(r.to_owned())));
        }
        let kind = EntityKind::from_dir(first)?;
        Some(second.map_or(Place::EntityDir(kind), |n| {
            Place::EntityFile(kind, n.to_owned())
        }))
    }

    /// Whether the file or folder `rel` lies in this place.
    pub(super) fn covers(&self, rel: &str) -> bool {
        let under =
            |dir: &str| rel == dir || rel.strip_prefix(dir).is_some_and(|r| r.starts_with('/'));
        match self {
            Place::Meta => rel == PLAN_FILE,
            Place::Governance => rel == GOVERNANCE_FILE,
            Place::EntityFile(kind, name) => rel
                .strip_prefix(kind.dir())
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|r| r == name || r.starts_with(&format!("{name}/"))),
            Place::EntityDir(kind) => under(kind.dir()),
            Place::Round(name) => under(&format!("{CONSULTATIONS_DIR}/{name}")),
            Place::Consultations => under(CONSULTATIONS_DIR),
        }
    }
}

/// What the places read hold now.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The places read; everything the plan held in them is replaced.
    pub(super) places: Vec<Place>,
    /// `plan.ron` read (when [`Place::Meta`] was read): its hash and value, or why not.
    pub(super) meta: Option<(Option<u64>, Option<PlanMeta>, Vec<Diagnostic>)>,
    /// `governance.ron` read (when [`Place::Governance`] was read): its hash and value when
    /// there is one, or why it could not be read.
    pub(super) governance: Option<(Option<u64>, Option<Governance>, Vec<Diagnostic>)>,
    /// The plan files read, rounds before their responses.
    pub(super) files: Vec<FileRead>,
    /// What listing the places found that is not a plan file (strays, a round folder without
    /// its `round.ron`).
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Snapshot {
    /// The places read.
    pub fn places(&self) -> &[Place] {
        &self.places
    }
}

/// Reads `places` of the plan folder at `root`, using the parse cache in `cache_dir`.
pub fn read_places(root: &Path, places: &[Place], cache_dir: Option<&Path>) -> Snapshot {
    let mut places = places.to_vec();
    places.sort();
    places.dedup();
    // A place inside another one read whole adds nothing.
    let whole = places.clone();
    places.retain(|p| match p {
        Place::EntityFile(kind, _) => !whole.contains(&Place::EntityDir(*kind)),
        Place::Round(_) => !whole.contains(&Place::Consultations),
        _ => true,
    });
    let mut diagnostics = Vec::new();
    let mut found = Vec::new();
    let mut meta = None;
    let mut governance = None;
    for place in &places {
        match place {
            Place::Meta => meta = Some(read_plan_file(root)),
            Place::Governance => governance = Some(read_governance_file(root)),
            Place::EntityFile(kind, name) => {
                list_entry(root, *kind, name, &mut found, &mut diagnostics);
            }
            Place::EntityDir(kind) => list_entity_dir(root, *kind, &mut found, &mut diagnostics),
            Place::Round(name) => list_round(root, name, &mut found, &mut diagnostics),
            Place::Consultations => list_consultations(root, &mut found, &mut diagnostics),
        }
    }
    // Rounds go in before their responses, which the plan files under them.
    found.sort_by(|a, b| {
        let rank = |f: &Found| u8::from(f.kind == FileKind::Response);
        (rank(a), &a.rel).cmp(&(rank(b), &b.rel))
    });
    Snapshot {
        places,
        meta,
        governance,
        files: read_all(root, found, cache_dir),
        diagnostics,
    }
}

fn read_plan_file(root: &Path) -> (Option<u64>, Option<PlanMeta>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let path = root.join(PLAN_FILE);
    if let Some(what) = not_a_file(&path) {
        diagnostics.push(Diagnostic::file(
            Code::Unreadable,
            PLAN_FILE,
            (1, 1),
            said!("check-not-a-regular-file", what = what),
            said!("check-not-a-regular-file-hint"),
        ));
        return (None, None, diagnostics);
    }
    let (hash, meta) = read_meta(&path, &mut diagnostics);
    super::locate_all(root, &mut diagnostics);
    (hash, meta, diagnostics)
}

/// Reads `governance.ron` when there is one: absent is no rules, not a problem.
fn read_governance_file(root: &Path) -> (Option<u64>, Option<Governance>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let path = root.join(GOVERNANCE_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return (None, None, diagnostics);
    }
    if let Some(what) = not_a_file(&path) {
        diagnostics.push(Diagnostic::file(
            Code::Unreadable,
            GOVERNANCE_FILE,
            (1, 1),
            said!("check-not-a-regular-file", what = what),
            said!("check-not-a-regular-file-hint"),
        ));
        return (None, None, diagnostics);
    }
    let (hash, text) = super::read::read_text(&path, GOVERNANCE_FILE);
    let governance = match text.and_then(|t| super::parse::<Governance>(GOVERNANCE_FILE, &t)) {
        Ok(mut g) => {
            g.normalize();
            Some(g)
        }
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    (hash, governance, diagnostics)
}

/// What the thing at `path` is when it is not a regular file (`None`: it is one, or absent).
pub(super) fn not_a_file(path: &Path) -> Option<Said> {
    what_is(path).flatten()
}

/// `None` when nothing is at `path`; else `None` inside for a regular file, or what the thing
/// is (a link, a folder, something special). One `lstat`: listing a plan of 100,000 files
/// asks once per file.
fn what_is(path: &Path) -> Option<Option<Said>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let t = meta.file_type();
    if t.is_file() {
        return Some(None);
    }
    Some(Some(if t.is_symlink() {
        said!("check-what-link")
    } else if t.is_dir() {
        said!("check-what-folder")
    } else {
        said!("check-what-special")
    }))
}

fn stray_entity(kind: EntityKind, rel: String, name: &str, what: Option<Said>) -> Diagnostic {
    let message = match what {
        Some(what) => said!("check-stray-not-a-file", name = name, what = what),
        None => said!("check-stray-file", name = name),
    };
    Diagnostic::file(
        Code::StrayFile,
        rel,
        (1, 1),
        message,
        said!("check-stray-file-hint", dir = kind.dir(), noun = noun(kind)),
    )
}

fn list_entry(
    root: &Path,
    kind: EntityKind,
    name: &str,
    found: &mut Vec<Found>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if name.starts_with('.') || name.ends_with(TMP_SUFFIX) {
        return;
    }
    let rel = format!("{}/{name}", kind.dir());
    let Some(what) = what_is(&root.join(&rel)) else {
        return;
    };
    match (name.strip_suffix(".ron"), what) {
        (Some(stem), None) if !stem.is_empty() => found.push(Found {
            kind: FileKind::Entity(kind),
            rel,
            stem: stem.to_owned(),
            round: String::new(),
        }),
        (_, what) => diagnostics.push(stray_entity(kind, rel, name, what)),
    }
}

fn list_entity_dir(
    root: &Path,
    kind: EntityKind,
    found: &mut Vec<Found>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let dir = root.join(kind.dir());
    match folder_entries(&dir) {
        Ok(Some(names)) => {
            for name in names {
                list_entry(root, kind, &name, found, diagnostics);
            }
        }
        Ok(None) => {}
        Err(what) => diagnostics.push(not_a_folder(kind.dir(), what)),
    }
}

fn not_a_folder(rel: &str, what: Said) -> Diagnostic {
    Diagnostic::file(
        Code::StrayFile,
        rel,
        (1, 1),
        said!("check-folder-not-a-folder", name = rel, what = what),
        said!("check-folder-not-a-folder-hint", name = rel),
    )
}

/// The names in a folder, sorted (`None`: there is no such folder); `Err` with what it is when
/// something other than a folder stands in its place (a file, a link).
fn folder_entries(dir: &Path) -> Result<Option<Vec<String>>, Said> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(_) => return Ok(None),
    };
    if !meta.file_type().is_dir() {
        return Err(not_a_file(dir).unwrap_or_else(|| said!("check-what-regular-file")));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| said!("check-unreadable", detail = &e))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && !n.ends_with(TMP_SUFFIX))
        .collect();
    // Directory order differs between file systems; sorting keeps reports and ids stable.
    names.sort();
    Ok(Some(names))
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

fn list_consultations(root: &Path, found: &mut Vec<Found>, diagnostics: &mut Vec<Diagnostic>) {
    match folder_entries(&root.join(CONSULTATIONS_DIR)) {
        Ok(Some(names)) => {
            for name in names {
                list_round(root, &name, found, diagnostics);
            }
        }
        Ok(None) => {}
        Err(what) => diagnostics.push(not_a_folder(CONSULTATIONS_DIR, what)),
    }
}

/// Lists one round's folder: its `round.ron` and its response files, reporting anything else.
fn list_round(root: &Path, round: &str, found: &mut Vec<Found>, diagnostics: &mut Vec<Diagnostic>) {
    if round.starts_with('.') || round.ends_with(TMP_SUFFIX) {
        return;
    }
    let rel_dir = format!("{CONSULTATIONS_DIR}/{round}");
    let dir = root.join(&rel_dir);
    let names = match folder_entries(&dir) {
        Ok(Some(names)) => names,
        Ok(None) => return,
        Err(_) => {
            diagnostics.push(stray(
                rel_dir,
                said!("check-what-not-round-folder", name = round),
            ));
            return;
        }
    };
    let mut has_round = false;
    let mut responses = Vec::new();
    for name in names {
        let rel = format!("{rel_dir}/{name}");
        let what = not_a_file(&dir.join(&name));
        match (name.as_str(), what) {
            (ROUND_FILE, None) => has_round = true,
            (RESPONSES_DIR, _) => match folder_entries(&dir.join(RESPONSES_DIR)) {
                Ok(files) => {
                    for file in files.unwrap_or_default() {
                        let rel = format!("{rel}/{file}");
                        let what = not_a_file(&dir.join(RESPONSES_DIR).join(&file));
                        match (file.strip_suffix(".ron"), what) {
                            (Some(stem), None) if !stem.is_empty() => responses.push(Found {
                                kind: FileKind::Response,
                                rel,
                                stem: stem.to_owned(),
                                round: round.to_owned(),
                            }),
                            (_, Some(what)) => diagnostics.push(stray(
                                rel,
                                said!("check-what-not-a-file", name = &file, what = what),
                            )),
                            (_, None) => {
                                diagnostics.push(stray(rel, said!("check-what-file", name = &file)))
                            }
                        }
                    }
                }
                Err(what) => diagnostics.push(stray(
                    rel,
                    said!("check-what-not-a-file", name = &name, what = what),
                )),
            },
            (_, Some(what)) => diagnostics.push(stray(
                rel,
                said!("check-what-not-a-file", name = &name, what = what),
            )),
            (_, None) => diagnostics.push(stray(rel, said!("check-what-file", name = &name))),
        }
    }
    if has_round {
        found.push(Found {
            kind: FileKind::Round,
            rel: format!("{rel_dir}/{ROUND_FILE}"),
            stem: round.to_owned(),
            round: round.to_owned(),
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

/// The plan files under `root` whose bytes differ from `known` (hashes by relative path, as
/// [`super::Sources::hashes`] keeps them), including files that appeared and files that are
/// gone: what a git job or another program changed while khutta was not looking. Reads every
/// file, so it is for after a job, not for every key.
pub fn changed_paths(root: &Path, known: &std::collections::HashMap<String, u64>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut changed = Vec::new();
    let mut look = |rel: String| {
        let now = super::read_bounded(&root.join(&rel), super::MAX_FILE_BYTES)
            .ok()
            .map(|b| super::content_hash(&b));
        if now != known.get(&rel).copied() {
            changed.push(rel.clone());
        }
        seen.insert(rel);
    };
    look(PLAN_FILE.to_owned());
    look(GOVERNANCE_FILE.to_owned());
    for kind in EntityKind::ALL {
        if let Ok(Some(names)) = folder_entries(&root.join(kind.dir())) {
            for name in names.into_iter().filter(|n| n.ends_with(".ron")) {
                look(format!("{}/{name}", kind.dir()));
            }
        }
    }
    if let Ok(Some(rounds)) = folder_entries(&root.join(CONSULTATIONS_DIR)) {
        for round in rounds {
            let dir = format!("{CONSULTATIONS_DIR}/{round}");
            look(format!("{dir}/{ROUND_FILE}"));
            if let Ok(Some(files)) = folder_entries(&root.join(&dir).join(RESPONSES_DIR)) {
                for f in files.into_iter().filter(|n| n.ends_with(".ron")) {
                    look(format!("{dir}/{RESPONSES_DIR}/{f}"));
                }
            }
        }
    }
    let mut gone: Vec<String> = known
        .keys()
        .filter(|rel| !seen.contains(*rel))
        .cloned()
        .collect();
    gone.sort();
    changed.extend(gone);
    changed.retain(|rel| known.contains_key(rel) || root.join(rel).exists());
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_paths_find_their_place() {
        assert_eq!(Place::of("plan.ron"), Some(Place::Meta));
        assert_eq!(
            Place::of("activities/x.ron"),
            Some(Place::EntityFile(EntityKind::Activity, "x.ron".into()))
        );
        assert_eq!(
            Place::of("activities"),
            Some(Place::EntityDir(EntityKind::Activity))
        );
        assert_eq!(
            Place::of("consultations/r1/responses/p1.ron"),
            Some(Place::Round("r1".into()))
        );
        assert_eq!(Place::of("consultations"), Some(Place::Consultations));
        assert_eq!(Place::of("activities/.x.ron.swp"), None);
        assert_eq!(Place::of("activities/.x.ron.1234.khutta-tmp"), None);
        assert_eq!(Place::of("notes.txt"), None);
        assert_eq!(Place::of(".git/index"), None);
        let r = Place::Round("r1".into());
        assert!(r.covers("consultations/r1"));
        assert!(r.covers("consultations/r1/responses/p1.ron"));
        assert!(!r.covers("consultations/r10/round.ron"));
        let f = Place::EntityFile(EntityKind::Activity, "x.ron".into());
        assert!(f.covers("activities/x.ron"));
        assert!(!f.covers("activities/x.ron2"));
    }
}
