//! Reading and parsing the plan files a snapshot lists: on every core, with the parse cache.
//!
//! Memory is what bounds this step on a large plan, so every file's result goes straight into
//! its own slot of one list that the calling thread owns ([`FileRead`]), and the fold builds the
//! plan's largest map from that list in place. Results boxed on the threads that parsed them,
//! as khutta once did, left the boxes' memory stranded in the allocator's heaps of threads that
//! had ended: at 100,000 activities, 40 MB more at the peak.
//!
//! With a cache, the files are first only read and hashed; the cache's shards are then read on
//! every core, and what they hold for those hashes is moved straight into the slots; the files
//! the cache did not know are read again and parsed last. Without a cache, or with an empty
//! one, each file is parsed as it is read.

use super::cache::{self, Key, Parsed};
use super::layout::FileKind;
use super::load::Found;
use super::locate::locate;
use super::parse::{MAX_FILE_BYTES, parse};
use super::read::{parallel, parallel_mut, read_text};
use crate::check::{Code, Diagnostic};
use crate::model::{Entity, EntityKind};
use crate::said;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One plan file and what reading it gave.
#[derive(Clone, Debug)]
pub(super) struct FileRead {
    /// The file, boxed: the activities are moved into this list's own buffer when the plan's
    /// map is built (see `fold`), so every byte of a slot beyond an activity's size is held
    /// for nothing at the peak of opening a plan (8 MB at 100,000 activities, unboxed).
    pub(super) found: Box<Found>,
    /// The hash of its bytes, when they could be read.
    pub(super) hash: Option<u64>,
    /// Its key in the parse cache (`None`: unread, or too large to be cached).
    key: Option<Key>,
    /// What it holds.
    pub(super) content: Content,
}

/// What a plan file holds.
#[derive(Clone, Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "the list of these is where parsed files live until the fold; boxing them is what \
              this module avoids"
)]
pub(super) enum Content {
    /// Not parsed (yet, or any more: the fold has taken it).
    Unread,
    /// What it parsed to.
    Parsed(Parsed),
    /// Why it could not be read or parsed.
    Failed(Box<Diagnostic>),
}

impl FileRead {
    /// Takes what the file holds, leaving [`Content::Unread`].
    pub(super) fn take(&mut self) -> Content {
        std::mem::replace(&mut self.content, Content::Unread)
    }

    /// Reads the file, hashing its bytes, and parses it when `parse` (or keeps only its key).
    fn read(&mut self, root: &Path, parse: bool) {
        let text = match read_text(&root.join(&self.found.rel), &self.found.rel) {
            (Some(h), Ok(t)) => {
                self.hash = Some(h);
                t
            }
            (h, Err(d)) => {
                self.hash = h;
                self.content = Content::Failed(Box::new(d));
                return;
            }
            (None, Ok(_)) => {
                self.content = Content::Failed(Box::new(unread(&self.found.rel)));
                return;
            }
        };
        self.key = cache::key(&self.found.kind, text.as_bytes());
        if parse {
            self.content = match parse_file(self.found.kind, &self.found.rel, &text) {
                Ok(p) => Content::Parsed(p),
                Err(d) => Content::Failed(Box::new(d)),
            };
        }
    }
}

/// Reads and parses every file `found` lists, spreading them over the machine's cores and
/// taking what the content-addressed cache in `cache_dir` already knows. A file whose name is
/// not the id it holds is not taken: an entity is found by its file's name, never by what
/// another file claims.
pub(super) fn read_all(root: &Path, found: Vec<Found>, cache_dir: Option<&Path>) -> Vec<FileRead> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(found.len() / 64 + 1);
    let shards = cache_dir.map(cache::shards).unwrap_or_default();
    let mut files: Vec<FileRead> = found
        .into_iter()
        .map(|found| FileRead {
            found: Box::new(found),
            hash: None,
            key: None,
            content: Content::Unread,
        })
        .collect();
    parallel_mut(&mut files, threads, |f| f.read(root, shards.is_empty()));
    let (hits, stale) = if shards.is_empty() {
        (0, 0)
    } else {
        let taken = take_cached(&mut files, &shards, threads);
        parallel_mut(&mut files, threads, |f| {
            if matches!(f.content, Content::Unread) {
                f.read(root, true);
            }
        });
        taken
    };
    if let Some(dir) = cache_dir {
        let cacheable = files
            .iter()
            .filter(|f| f.key.is_some() && matches!(f.content, Content::Parsed(_)))
            .count();
        // Rewrite the cache when files were parsed, or when a fifth of it is about files that
        // are gone: reading it parses every entry, so stale ones cost time and memory.
        if cacheable > hits || stale > hits / 4 + 64 {
            let mut seen = HashSet::default();
            let entries: Vec<(Key, &Parsed)> = files
                .iter()
                .filter_map(|f| match (f.key, &f.content) {
                    (Some(k), Content::Parsed(p)) if seen.insert(k) => Some((k, p)),
                    _ => None,
                })
                .collect();
            cache::write(dir, &entries, threads);
        }
    }
    for f in &mut files {
        match &f.content {
            Content::Parsed(p) => {
                if let Some(d) = misnamed(root, &f.found, p) {
                    f.content = Content::Failed(Box::new(d));
                }
            }
            Content::Unread => f.content = Content::Failed(Box::new(unread(&f.found.rel))),
            Content::Failed(_) => {}
        }
    }
    files
}

/// Moves what the cache's shards hold for the files read into their slots, reading the shards
/// on up to `threads` threads; returns how many files it filled and how many of its entries
/// are about files that are gone.
fn take_cached(
    files: &mut [FileRead],
    shards: &[std::path::PathBuf],
    threads: usize,
) -> (usize, usize) {
    // The first file of each key: identical files share one entry and take a copy below.
    let mut wanted: HashMap<Key, usize> = HashMap::default();
    for (i, f) in files.iter().enumerate() {
        if let (Some(k), Content::Unread) = (f.key, &f.content) {
            wanted.entry(k).or_insert(i);
        }
    }
    let (hits, stale) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let slots = Mutex::new(&mut *files);
    parallel(shards, threads.min(shards.len()), |shard| {
        cache::read_shard(shard, |k, p| {
            let Some(&i) = wanted.get(&k) else {
                stale.fetch_add(1, Ordering::Relaxed);
                return;
            };
            if let Ok(mut slots) = slots.lock()
                && let Some(slot) = slots.get_mut(i)
                && matches!(slot.content, Content::Unread)
            {
                slot.content = Content::Parsed(p);
                hits.fetch_add(1, Ordering::Relaxed);
            }
        })
    });
    let mut hits = hits.into_inner();
    for i in 0..files.len() {
        let (Some(k), Content::Unread) = (files[i].key, &files[i].content) else {
            continue;
        };
        let copy = match wanted.get(&k).and_then(|&j| files.get(j)) {
            Some(FileRead {
                content: Content::Parsed(p),
                ..
            }) => p.clone(),
            _ => continue,
        };
        files[i].content = Content::Parsed(copy);
        hits += 1;
    }
    (hits, stale.into_inner())
}

/// Parses the text of a file of `kind`: normalised, as the rest of khutta expects it.
fn parse_file(kind: FileKind, rel: &str, text: &str) -> Result<Parsed, Diagnostic> {
    let entity = |e| Parsed::Entity(e);
    let parsed = match kind {
        FileKind::Entity(EntityKind::Activity) => {
            parse(rel, text).map(Entity::Activity).map(entity)
        }
        FileKind::Entity(EntityKind::Partner) => parse(rel, text).map(Entity::Partner).map(entity),
        FileKind::Entity(EntityKind::Beneficiary) => {
            parse(rel, text).map(Entity::Beneficiary).map(entity)
        }
        FileKind::Entity(EntityKind::Funding) => parse(rel, text).map(Entity::Funding).map(entity),
        FileKind::Round => parse(rel, text).map(Parsed::Round),
        FileKind::Response => parse(rel, text).map(Parsed::Response),
    }?;
    // Normalising here spreads it over the cores, and the cache keeps entities normalised.
    let mut parsed = match parsed {
        Parsed::Entity(mut e) => {
            e.normalize();
            Parsed::Entity(e)
        }
        other => other,
    };
    cache::shrink(&mut parsed);
    Ok(parsed)
}

/// The diagnostic for a file that does not hold the id it is named after, so that a misnamed
/// copy can never stand in for the real entity or be written over it.
fn misnamed(root: &Path, f: &Found, p: &Parsed) -> Option<Diagnostic> {
    let (id, anchor, message, hint) = match (p, f.kind) {
        (Parsed::Entity(e), FileKind::Entity(kind)) => (
            e.id(),
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
            &r.id,
            "id",
            said!("check-round-folder-mismatch", id = &r.id, folder = &f.stem),
            said!("check-round-folder-mismatch-hint"),
        ),
        (Parsed::Response(r), _) => (
            &r.participant,
            "participant",
            said!(
                "check-participant-file-mismatch",
                id = &r.participant,
                stem = &f.stem
            ),
            said!("check-participant-file-mismatch-hint"),
        ),
        _ => return None,
    };
    if id.as_str() == f.stem {
        return None;
    }
    let mut d = Diagnostic::file(Code::IdMismatch, f.rel.clone(), (0, 0), message, hint).at(anchor);
    let text = super::read_bounded(&root.join(&f.rel), MAX_FILE_BYTES).unwrap_or_default();
    (d.line, d.col) = locate(&String::from_utf8_lossy(&text), &d.anchor);
    Some(d)
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
