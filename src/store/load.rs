//! Reading a plan folder: every file, on every core, with every problem reported.

use super::cache::{self, Entity, Key};
use super::layout::{PLAN_FILE, TMP_SUFFIX};
use super::locate::locate;
use super::parse::{MAX_FILE_BYTES, decode, parse};
use super::{Sources, StoreError};
use crate::check::{Code, Diagnostic};
use crate::model::{EntityKind, FORMAT_VERSION, Id, Plan, PlanMeta};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A file found in an entity folder.
struct Found {
    kind: EntityKind,
    rel: String,
    stem: String,
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

    let found = list_entity_files(root, &mut diagnostics)?;
    let parsed = parse_all(root, &found, cache_dir);

    let mut sources = Sources::default();
    for (f, result) in found.iter().zip(parsed) {
        match result {
            Ok(entity) => insert(&mut plan, &mut sources, &mut diagnostics, f, entity),
            Err(d) => {
                sources.unreadable.insert((f.kind, f.stem.clone()));
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

/// Reads `plan.ron`, refusing a format newer than this khutta before looking at any field.
fn read_meta(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<PlanMeta> {
    #[derive(Deserialize)]
    #[serde(rename = "PlanMeta")]
    struct FormatOnly {
        format: u32,
    }
    let text = match read_text(path, PLAN_FILE) {
        Ok(t) => t,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if let Ok(FormatOnly { format }) = super::format::from_ron::<FormatOnly>(&text)
        && format > FORMAT_VERSION
    {
        let d = Diagnostic::plan(
            Code::FormatVersion,
            format!("this plan uses format {format}; this khutta reads format {FORMAT_VERSION} and older"),
            "upgrade khutta to open this plan; nothing was read, so nothing will be lost",
        )
        .at("format");
        diagnostics.push(d);
        return None;
    }
    match parse::<PlanMeta>(PLAN_FILE, &text) {
        Ok(m) => Some(m),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// Stands in for an unreadable `plan.ron` so that the entity files can still be checked.
fn placeholder_meta() -> PlanMeta {
    let day = chrono::NaiveDate::MIN;
    PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("unreadable"),
        title: crate::model::Text::en("(plan.ron could not be read)"),
        summary: Default::default(),
        window: crate::model::Window {
            start: day,
            end: chrono::NaiveDate::MAX,
        },
        currency: crate::model::Currency::new_unchecked("XXX"),
        exchange_rates: Vec::new(),
        calendars: Vec::new(),
        default_calendar: None,
        sdg_goals: Vec::new(),
        sdg_targets: Vec::new(),
        countries: Vec::new(),
        cities: Vec::new(),
    }
}

/// Reads a file as UTF-8 text within the size limit.
fn read_text(path: &Path, rel: &str) -> Result<String, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::file(
            Code::Unreadable,
            rel,
            (1, 1),
            format!("cannot read the file: {e}"),
            "check that the file exists and that you may read it",
        )
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            Code::TooLarge,
            rel,
            (1, 1),
            format!(
                "the file has {} bytes; plan files are at most {MAX_FILE_BYTES}",
                meta.len()
            ),
            "a plan file holds one entity; split the content or remove the file if it is not a plan file",
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    // Taking the buffer as it is saves copying every file once more.
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => Err(decode(rel, e.as_bytes()).err().unwrap_or_else(|| {
            Diagnostic::file(
                Code::NotUtf8,
                rel,
                (1, 1),
                "the file is not valid UTF-8",
                "save the file as UTF-8",
            )
        })),
    }
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
                    kind,
                    rel,
                    stem: stem.to_owned(),
                }),
                _ => diagnostics.push(Diagnostic::file(
                    Code::StrayFile,
                    rel,
                    (1, 1),
                    format!("`{name}` is not a .ron file and is not part of the plan"),
                    format!(
                        "move it out of `{}/`, or give it the .ron extension if it is a {}",
                        kind.dir(),
                        kind.noun()
                    ),
                )),
            }
        }
    }
    // Directory order differs between file systems; sorting keeps reports and ids stable.
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(found)
}

/// What reading one entity file gave.
#[expect(
    clippy::large_enum_variant,
    reason = "short-lived; boxing would cost an allocation per file"
)]
enum Outcome {
    /// The cache held what these bytes parse to.
    Cached(Key),
    /// Parsed now.
    Parsed(Key, Entity),
    /// Unreadable or unparseable.
    Failed(Diagnostic),
}

/// Reads and parses every file, spreading the files over the machine's cores and taking what
/// the content-addressed cache already knows.
fn parse_all(
    root: &Path,
    found: &[Found],
    cache_dir: Option<&Path>,
) -> Vec<Result<Entity, Diagnostic>> {
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
    let mut keyed: Vec<(Key, Result<Entity, Diagnostic>)> = Vec::with_capacity(outcomes.len());
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
        let entries: Vec<(Key, &Entity)> = keyed
            .iter()
            .filter_map(|(k, r)| r.as_ref().ok().map(|e| (*k, e)))
            .collect();
        cache::write(dir, &entries, threads);
    }
    keyed.into_iter().map(|(_, r)| r).collect()
}

/// Reads the cache's shards on up to `threads` threads.
fn read_cache(dir: &Path, threads: usize) -> HashMap<Key, Entity> {
    let shards: Vec<usize> = (0..cache::shard_count(dir)).collect();
    cache::merge(parallel(&shards, threads.min(shards.len()).max(1), |i| {
        cache::read_shard(dir, *i)
    }))
}

/// Applies `work` to every item on `threads` threads, keeping the items' order.
pub(crate) fn parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    mine.push((i, work(item)));
                }
                if let Ok(mut all) = results.lock() {
                    all.append(&mut mine);
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn read_one(root: &Path, f: &Found, cached: &HashMap<Key, Entity>) -> Outcome {
    let text = match read_text(&root.join(&f.rel), &f.rel) {
        Ok(t) => t,
        Err(d) => return Outcome::Failed(d),
    };
    let k = cache::key(f.kind, text.as_bytes());
    if cached.contains_key(&k) {
        return Outcome::Cached(k);
    }
    let rel = f.rel.as_str();
    let parsed = match f.kind {
        EntityKind::Activity => parse(rel, &text).map(Entity::Activity),
        EntityKind::Partner => parse(rel, &text).map(Entity::Partner),
        EntityKind::Beneficiary => parse(rel, &text).map(Entity::Beneficiary),
        EntityKind::Funding => parse(rel, &text).map(Entity::Funding),
    };
    match parsed {
        Ok(e) => Outcome::Parsed(k, e),
        Err(d) => Outcome::Failed(d),
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
    let located = |code, message: String, hint: &str| {
        let mut d = Diagnostic::entity(code, f.kind, &id, message, hint).at("id");
        d.path = f.rel.clone();
        d
    };
    if let Err(e) = id.validate() {
        diagnostics.push(located(
            Code::BadId,
            format!("`{id}` is not a valid id: {e}"),
            "ids are lowercase slugs such as `pilot-tunis-2`; rename the file and the id together",
        ));
    }
    if id.as_str() != f.stem {
        diagnostics.push(located(
            Code::IdMismatch,
            format!("the id `{id}` differs from the file name `{}.ron`", f.stem),
            "an entity's file is named after its id; rename the file or change the id so that they match",
        ));
    }
    if let Some(first) = sources.files.get(&(f.kind, id.clone())) {
        diagnostics.push(located(
            Code::DuplicateId,
            format!("{} `{id}` is already defined in `{first}`", f.kind.noun()),
            "give one of them another id; this copy was not loaded",
        ));
        return;
    }
    sources.files.insert((f.kind, id.clone()), f.rel.clone());
    match entity {
        Entity::Activity(mut a) => {
            a.normalize();
            plan.activities.insert(id, a);
        }
        Entity::Partner(mut p) => {
            p.normalize();
            plan.partners.insert(id, p);
        }
        Entity::Beneficiary(b) => {
            plan.beneficiaries.insert(id, b);
        }
        Entity::Funding(mut s) => {
            s.normalize();
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
