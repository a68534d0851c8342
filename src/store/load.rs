//! Reading a plan folder: every file, on every core, with every problem reported.

use super::cache::{self, Key, Parsed};
use super::layout::{FileKind, PLAN_FILE, TMP_SUFFIX};
use super::locate::locate;
use super::parse::parse;
use super::read::{parallel, placeholder_meta, read_meta, read_text};
use super::{Sources, StoreError};
use crate::check::{Code, Diagnostic, Said, noun};
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
    let plan_file = root.join(PLAN_FILE);
    if !plan_file.is_file() {
        return Err(StoreError::NotAPlan {
            path: root.to_path_buf(),
        });
    }
    let mut diagnostics = Vec::new();
    let meta = read_meta(&plan_file, &mut diagnostics);
    let meta_readable = meta.is_some();
    let mut plan = Plan::new(meta.unwrap_or_else(placeholder_meta));
    plan.meta.normalize();

    let mut found = list_entity_files(root, &mut diagnostics)?;
    found.extend(super::consult::list_files(root, &mut diagnostics)?);
    let parsed = parse_all(root, &found, cache_dir);

    let mut sources = Sources::default();
    // Rounds go in before their responses, which the loader files under them.
    let (rounds, rest): (Vec<_>, Vec<_>) = found
        .iter()
        .zip(parsed)
        .partition(|(f, _)| f.kind == FileKind::Round);
    for (f, result) in rounds.into_iter().chain(rest) {
        match (result.map(|boxed| *boxed), f.kind) {
            (Ok(Parsed::Entity(e)), _) => insert(&mut plan, &mut sources, &mut diagnostics, f, e),
            (Ok(Parsed::Round(r)), _) => {
                super::consult::insert_round(&mut plan, &mut sources, &mut diagnostics, f, r)
            }
            (Ok(Parsed::Response(r)), _) => {
                super::consult::insert_response(&mut plan, &mut sources, &mut diagnostics, f, r)
            }
            (Err(d), FileKind::Entity(kind)) => {
                sources.unreadable.insert((kind, f.stem.clone()));
                diagnostics.push(d);
            }
            (Err(d), _) => {
                sources.unreadable_consultations.insert(f.rel.clone());
                diagnostics.push(d);
            }
        }
    }
    locate_all(root, &mut diagnostics);
    Ok(LoadedPlan {
        root: root.to_path_buf(),
        plan,
        meta_readable,
        sources,
        diagnostics,
    })
}

/// Lists the `.ron` files of every entity folder, reporting anything else found there.
fn list_entity_files(
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Found>, StoreError> {
    let mut found = Vec::new();
    for kind in EntityKind::ALL {
        let dir = root.join(kind.dir());
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => return Err(StoreError::Io { path: dir, source }),
        };
        for entry in entries {
            let entry = entry.map_err(|source| StoreError::Io {
                path: dir.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(TMP_SUFFIX) {
                continue;
            }
            let rel = format!("{}/{name}", kind.dir());
            match name.strip_suffix(".ron") {
                Some(stem) if entry.file_type().is_ok_and(|t| t.is_file()) => found.push(Found {
                    kind: FileKind::Entity(kind),
                    rel,
                    stem: stem.to_owned(),
                    round: String::new(),
                }),
                _ => diagnostics.push(Diagnostic::file(
                    Code::StrayFile,
                    rel,
                    (1, 1),
                    said!("check-stray-file", name = &name),
                    said!("check-stray-file-hint", dir = kind.dir(), noun = noun(kind)),
                )),
            }
        }
    }
    // Directory order differs between file systems; sorting keeps reports and ids stable.
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(found)
}

/// What reading one plan file gave.
enum Outcome {
    /// The cache held what these bytes parse to.
    Cached(Key),
    /// Parsed now.
    Parsed(Key, Box<Parsed>),
    /// Unreadable or unparseable.
    Failed(Diagnostic),
}

/// Reads and parses every file, spreading the files over the machine's cores and taking what
/// the content-addressed cache already knows.
fn parse_all(
    root: &Path,
    found: &[Found],
    cache_dir: Option<&Path>,
) -> Vec<Result<Box<Parsed>, Diagnostic>> {
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
        if let Outcome::Cached(k) = o {
            *uses.entry(*k).or_default() += 1;
        }
    }
    let mut keyed: Vec<(Key, Result<Box<Parsed>, Diagnostic>)> = Vec::with_capacity(outcomes.len());
    for o in outcomes {
        match o {
            Outcome::Parsed(k, e) => keyed.push((k, Ok(e))),
            Outcome::Failed(d) => keyed.push((0, Err(d))),
            Outcome::Cached(k) => {
                let left = uses.get_mut(&k).map_or(0, |n| {
                    *n -= 1;
                    *n
                });
                let e = if left > 0 {
                    cached.get(&k).cloned()
                } else {
                    cached.remove(&k)
                };
                if let Some(e) = e {
                    keyed.push((k, Ok(e)));
                }
            }
        }
    }
    if let (true, Some(dir)) = (rewrite, cache_dir) {
        let entries: Vec<(Key, &Parsed)> = keyed
            .iter()
            .filter_map(|(k, r)| r.as_ref().ok().map(|e| (*k, &**e)))
            .collect();
        cache::write(dir, &entries, threads);
    }
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// Reads the cache's shards on up to `threads` threads.
fn read_cache(dir: &Path, threads: usize) -> HashMap<Key, Box<Parsed>> {
    let shards: Vec<usize> = (0..cache::shard_count(dir)).collect();
    cache::merge(parallel(&shards, threads.min(shards.len()).max(1), |i| {
        cache::read_shard(dir, *i)
    }))
}

fn read_one(root: &Path, f: &Found, cached: &HashMap<Key, Box<Parsed>>) -> Outcome {
    let text = match read_text(&root.join(&f.rel), &f.rel) {
        Ok(t) => t,
        Err(d) => return Outcome::Failed(d),
    };
    let k = cache::key(&f.kind, text.as_bytes());
    if cached.contains_key(&k) {
        return Outcome::Cached(k);
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
        Ok(p) => Outcome::Parsed(k, Box::new(normalized(p))),
        Err(d) => Outcome::Failed(d),
    }
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

/// Adds a parsed entity to the plan, checking its id against its file and the others.
fn insert(
    plan: &mut Plan,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    f: &Found,
    entity: Entity,
) {
    let id = entity.id().clone();
    let kind = entity.kind();
    let located = |code, message: Said, hint: Said| {
        let mut d = Diagnostic::entity(code, kind, &id, message, hint).at("id");
        d.path = f.rel.clone();
        d
    };
    if let Err(e) = id.validate() {
        diagnostics.push(located(
            Code::BadId,
            said!("check-bad-id", id = &id, reason = e.said()),
            said!("check-bad-entity-id-hint"),
        ));
    }
    if id.as_str() != f.stem {
        diagnostics.push(located(
            Code::IdMismatch,
            said!("check-file-mismatch", id = &id, stem = &f.stem),
            said!("check-file-mismatch-hint"),
        ));
    }
    if let Some(first) = sources.files.get(&(kind, id.clone())) {
        diagnostics.push(located(
            Code::DuplicateId,
            said!(
                "check-entity-twice",
                noun = noun(kind),
                id = &id,
                first = first
            ),
            said!("check-entity-twice-hint"),
        ));
        return;
    }
    sources.files.insert((kind, id.clone()), f.rel.clone());
    match entity {
        // Entities were normalised when parsed (see `read_one`).
        Entity::Activity(a) => {
            plan.activities.insert(id, a);
        }
        Entity::Partner(p) => {
            plan.partners.insert(id, p);
        }
        Entity::Beneficiary(b) => {
            plan.beneficiaries.insert(id, b);
        }
        Entity::Funding(s) => {
            plan.funding.insert(id, s);
        }
    }
}

/// Turns the anchors of unlocated diagnostics into lines and columns, reading each file once.
pub fn locate_all(root: &Path, diagnostics: &mut [Diagnostic]) {
    let mut texts: HashMap<String, Option<String>> = HashMap::default();
    for d in diagnostics.iter_mut().filter(|d| d.line == 0) {
        let text = texts.entry(d.path.clone()).or_insert_with(|| {
            std::fs::read(root.join(&d.path))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        (d.line, d.col) = match text {
            Some(t) => locate(t, &d.anchor),
            None => (1, 1),
        };
    }
}
