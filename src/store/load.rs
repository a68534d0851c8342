//! Reading a plan folder: every file, on every core, with every problem reported.

use super::cache::{self, Key, Parsed};
use super::disk::{Place, read_places};
use super::layout::{FileKind, PLAN_FILE};
use super::locate::locate;
use super::parse::{MAX_FILE_BYTES, parse};
use super::read::{parallel, placeholder_meta, read_text};
use super::{Sources, StoreError};
use crate::check::{Code, Diagnostic};
use crate::model::{Entity, EntityKind, Plan};
use crate::said;
use rustc_hash::FxHashMap as HashMap;
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

/// Reads the plan folder at `root`.
///
/// Fails only when `root` is not a readable plan folder at all; every problem inside a file
/// becomes a diagnostic and the rest of the plan is still read.
pub fn load(root: &Path) -> Result<LoadedPlan, StoreError> {
    load_with_cache(root, cache::location(root).as_deref())
}

/// Reads the plan folder at `root`, keeping parsed files in the cache folder `cache_dir` (none:
/// parse everything).
pub fn load_with_cache(root: &Path, cache_dir: Option<&Path>) -> Result<LoadedPlan, StoreError> {
    if std::fs::symlink_metadata(root.join(PLAN_FILE)).is_err() {
        return Err(StoreError::NotAPlan {
            path: root.to_path_buf(),
        });
    }
    let mut loaded = LoadedPlan::empty(root);
    loaded.fold_all(read_places(root, &Place::all(), cache_dir));
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

/// What reading one plan file gave.
enum Outcome {
    /// The cache held what these bytes parse to.
    Cached(u64, Key),
    /// Parsed now.
    Parsed(u64, Key, Box<Parsed>),
    /// Unreadable or unparseable (with the hash of its bytes, when they could be read).
    Failed(Option<u64>, Diagnostic),
}

/// The hash of a file's bytes (when they could be read) and what it parsed to.
pub(super) type FileResult = (Option<u64>, Result<Box<Parsed>, Diagnostic>);

/// Reads and parses every file, spreading the files over the machine's cores and taking what
/// the content-addressed cache already knows. A file whose name is not the id it holds is not
/// taken: an entity is found by its file's name, never by what another file claims.
pub(super) fn parse_all(root: &Path, found: &[Found], cache_dir: Option<&Path>) -> Vec<FileResult> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let threads = threads.min(found.len() / 64 + 1);
    let mut cached = match cache_dir {
        Some(dir) => read_cache(dir, threads),
        None => HashMap::default(),
    };
    let outcomes = parallel(found, threads, |f| read_one(root, f, &cached));
    let misses = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Parsed(..)))
        .count();
    let hits = outcomes.len() - misses;
    // Rewrite the cache when files were parsed, or when most of it is about files that are gone.
    let rewrite = cache_dir.is_some() && (misses > 0 || cached.len() > 2 * hits + 64);
    // Identical files share one cache entry: all but the last of them take a copy.
    let mut uses: HashMap<Key, usize> = HashMap::default();
    for o in &outcomes {
        if let Outcome::Cached(_, k) = o {
            *uses.entry(*k).or_default() += 1;
        }
    }
    let mut keyed: Vec<(Key, FileResult)> = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        match o {
            Outcome::Parsed(h, k, e) => keyed.push((k, (Some(h), Ok(e)))),
            Outcome::Failed(h, d) => keyed.push((0, (h, Err(d)))),
            Outcome::Cached(h, k) => {
                let left = uses.get_mut(&k).map_or(0, |n| {
                    *n -= 1;
                    *n
                });
                let e = if left > 0 {
                    cached.get(&k).cloned()
                } else {
                    cached.remove(&k)
                };
                // A cache entry cannot vanish between the lookup and here; parse again if so.
                let e = e.map_or_else(|| parse_now(root, &found[keyed.len()]), Ok);
                keyed.push((k, (Some(h), e)));
            }
        }
    }
    if let (true, Some(dir)) = (rewrite, cache_dir) {
        let entries: Vec<(Key, &Parsed)> = keyed
            .iter()
            .filter_map(|(k, (_, r))| r.as_ref().ok().map(|e| (*k, &**e)))
            .collect();
        cache::write(dir, &entries, threads);
    }
    keyed
        .into_iter()
        .zip(found)
        .map(|((_, (h, r)), f)| (h, r.and_then(|p| named(root, f, p))))
        .collect()
}

/// Parses a file without the cache.
fn parse_now(root: &Path, f: &Found) -> Result<Box<Parsed>, Diagnostic> {
    match read_one(root, f, &HashMap::default()) {
        Outcome::Parsed(_, _, p) => Ok(p),
        Outcome::Failed(_, d) => Err(d),
        Outcome::Cached(..) => Err(unread(&f.rel)),
    }
}

/// `p` when it holds the id its file is named after; otherwise the file is reported and left
/// alone, so that a misnamed copy can never stand in for the real entity or be written over it.
fn named(root: &Path, f: &Found, p: Box<Parsed>) -> Result<Box<Parsed>, Diagnostic> {
    let (id, anchor, message, hint) = match (&*p, f.kind) {
        (Parsed::Entity(e), FileKind::Entity(kind)) => (
            e.id().clone(),
            "id",
            said!(
                "check-file-mismatch",
                id = e.id(),
                stem = &f.stem,
                noun = crate::check::noun(kind)
            ),
            said!("check-file-mismatch-hint", id = e.id()),
        ),
        (Parsed::Round(r), _) => (
            r.id.clone(),
            "id",
            said!("check-round-folder-mismatch", id = &r.id, folder = &f.stem),
            said!("check-round-folder-mismatch-hint"),
        ),
        (Parsed::Response(r), _) => (
            r.participant.clone(),
            "participant",
            said!(
                "check-participant-file-mismatch",
                id = &r.participant,
                stem = &f.stem
            ),
            said!("check-participant-file-mismatch-hint"),
        ),
        _ => return Ok(p),
    };
    if id.as_str() == f.stem {
        return Ok(p);
    }
    let mut d = Diagnostic::file(Code::IdMismatch, f.rel.clone(), (0, 0), message, hint).at(anchor);
    let text = super::read_bounded(&root.join(&f.rel), MAX_FILE_BYTES).unwrap_or_default();
    (d.line, d.col) = locate(&String::from_utf8_lossy(&text), &d.anchor);
    Err(d)
}

/// Reads the cache's shards on up to `threads` threads.
fn read_cache(dir: &Path, threads: usize) -> HashMap<Key, Box<Parsed>> {
    let shards: Vec<usize> = (0..cache::shard_count(dir)).collect();
    cache::merge(parallel(&shards, threads.min(shards.len()).max(1), |i| {
        cache::read_shard(dir, *i)
    }))
}

fn read_one(root: &Path, f: &Found, cached: &HashMap<Key, Box<Parsed>>) -> Outcome {
    let (hash, text) = match read_text(&root.join(&f.rel), &f.rel) {
        (Some(h), Ok(t)) => (h, t),
        (h, Err(d)) => return Outcome::Failed(h, d),
        (None, Ok(_)) => return Outcome::Failed(None, unread(&f.rel)),
    };
    let k = cache::key(&f.kind, text.as_bytes());
    if cached.contains_key(&k) {
        return Outcome::Cached(hash, k);
    }
    let rel = f.rel.as_str();
    let entity = |e| Parsed::Entity(e);
    let parsed = match f.kind {
        FileKind::Entity(EntityKind::Activity) => {
            parse(rel, &text).map(Entity::Activity).map(entity)
        }
        FileKind::Entity(EntityKind::Partner) => parse(rel, &text).map(Entity::Partner).map(entity),
        FileKind::Entity(EntityKind::Beneficiary) => {
            parse(rel, &text).map(Entity::Beneficiary).map(entity)
        }
        FileKind::Entity(EntityKind::Funding) => parse(rel, &text).map(Entity::Funding).map(entity),
        FileKind::Round => parse(rel, &text).map(Parsed::Round),
        FileKind::Response => parse(rel, &text).map(Parsed::Response),
    };
    match parsed {
        // Normalising here spreads it over the cores, and the cache keeps entities normalised.
        Ok(p) => Outcome::Parsed(hash, k, Box::new(normalized(p))),
        Err(d) => Outcome::Failed(Some(hash), d),
    }
}

fn unread(rel: &str) -> Diagnostic {
    Diagnostic::file(
        Code::Unreadable,
        rel,
        (1, 1),
        said!("check-unreadable", detail = "no content"),
        said!("check-unreadable-hint"),
    )
}

/// `p` with its lists in canonical order, as the rest of khutta expects.
fn normalized(p: Parsed) -> Parsed {
    match p {
        Parsed::Entity(Entity::Activity(mut a)) => {
            a.normalize();
            Parsed::Entity(Entity::Activity(a))
        }
        Parsed::Entity(Entity::Partner(mut p)) => {
            p.normalize();
            Parsed::Entity(Entity::Partner(p))
        }
        Parsed::Entity(Entity::Funding(mut f)) => {
            f.normalize();
            Parsed::Entity(Entity::Funding(f))
        }
        other => other,
    }
}

/// Turns the anchors of unlocated diagnostics into lines and columns, reading each file once.
pub fn locate_all(root: &Path, diagnostics: &mut [Diagnostic]) {
    let mut texts: HashMap<String, Option<String>> = HashMap::default();
    for d in diagnostics.iter_mut().filter(|d| d.line == 0) {
        let text = texts.entry(d.path.clone()).or_insert_with(|| {
            super::read_bounded(&root.join(&d.path), MAX_FILE_BYTES)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        (d.line, d.col) = match text {
            Some(t) => locate(t, &d.anchor),
            None => (1, 1),
        };
    }
}
