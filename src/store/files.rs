//! Reading and parsing the plan files a snapshot lists: on every core, with the parse cache.
//!
//! Memory is what bounds this step on a large plan, so every file's result goes straight into
//! its own slot of one list that the calling thread owns ([`FileRead`]), and the fold builds the
//! plan's largest map from that list in place. Results boxed on the threads that parsed them,
//! as khutta once did, left the boxes' memory stranded in the allocator's heaps of threads that
//! had ended: at 100,000 activities, 40 MB more at the peak.
//!
//! With a cache, the indexes of its packs are read first, for the keys it knows; each file is
//! then read and hashed, and parsed at once when its key is not among them. The packs holding
//! the other keys are read on every core, and what they hold is moved straight into the
//! slots; a file a pack did not give after all (damaged, or removed meanwhile) is read again
//! and parsed last. Only what was parsed is written to the store (see `update_store`).

use super::cache::{self, Key, PackUse, Parsed};
use super::layout::FileKind;
use super::load::Found;
use super::locate::locate;
use super::parse::{MAX_FILE_BYTES, parse};
use super::read::{parallel, parallel_mut, read_text};
use crate::check::{Code, Diagnostic};
use crate::model::{Entity, EntityKind};
use crate::said;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    /// The pack its content was taken from (its place in the list read), if it was.
    from_pack: Option<u32>,
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

    /// Reads the file, hashing its bytes, and parses it unless the store is `known` to hold
    /// its key (then it keeps only the key).
    fn read(&mut self, root: &Path, known: &HashMap<u64, u32>) {
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
        if self.key.is_none_or(|k| !known.contains_key(&k.word())) {
            self.content = match parse_file(self.found.kind, &self.found.rel, &text) {
                Ok(p) => Content::Parsed(p),
                Err(d) => Content::Failed(Box::new(d)),
            };
        }
    }
}

/// Reads and parses every file `found` lists, spreading them over the machine's cores and
/// taking what the content-addressed store `cache_dir` already knows. A file whose name is
/// not the id it holds is not taken: an entity is found by its file's name, never by what
/// another file claims.
pub(super) fn read_all(root: &Path, found: Vec<Found>, cache_dir: Option<&Path>) -> Vec<FileRead> {
    let started = std::time::Instant::now();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(found.len() / 64 + 1);
    let packs = cache_dir.map(cache::packs).unwrap_or_default();
    // The keys the store knows, by their first word, with the pack of each: a file whose key
    // is not among them is parsed as it is read, the rest are taken from those packs below.
    let known = known_keys(&packs);
    let mut files: Vec<FileRead> = found
        .into_iter()
        .map(|found| FileRead {
            found: Box::new(found),
            hash: None,
            key: None,
            from_pack: None,
            content: Content::Unread,
        })
        .collect();
    parallel_mut(&mut files, threads, |f| f.read(root, &known));
    let mut needed = vec![false; packs.len()];
    for f in &files {
        if let (Some(k), Content::Unread) = (f.key, &f.content)
            && let Some(&n) = known.get(&k.word())
            && let Some(need) = needed.get_mut(n as usize)
        {
            *need = true;
        }
    }
    let used = if needed.contains(&true) {
        let used = take_cached(&mut files, &packs, &needed, threads);
        parallel_mut(&mut files, threads, |f| {
            if matches!(f.content, Content::Unread) {
                f.read(root, &HashMap::default());
            }
        });
        used
    } else {
        Vec::new()
    };
    if let Some(store) = cache_dir {
        update_store(store, &files, &used, threads);
    }
    tracing::debug!(
        files = files.len(),
        packs = packs.len(),
        from_cache = files.iter().filter(|f| f.from_pack.is_some()).count(),
        ms = started.elapsed().as_millis() as u64,
        "plan files read"
    );
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

/// The first word of every key the packs hold, with the place in `packs` of the first pack
/// that holds it. The indexes are read on this thread: they are small (28 bytes an entry),
/// and threads that end leave their allocator's pages behind while the plan is still loading.
fn known_keys(packs: &[PathBuf]) -> HashMap<u64, u32> {
    let mut known = HashMap::default();
    for (n, pack) in (0..).zip(packs) {
        for w in cache::read_index_words(pack) {
            known.entry(w).or_insert(n);
        }
    }
    known
}

/// Packs with fewer entries than this are small: a change of a few files writes one.
const SMALL_PACK_BYTES: usize = 256 * 1024;

/// How many small packs a plan may read from before what it takes from them is copied into
/// one pack of its own.
const SMALL_PACKS: usize = 16;

/// Adds to the store what this open parsed, and copies into it what it took from packs that
/// are mostly other content or are among many small ones, so that those age out; marks the
/// other packs it read as used. Writes nothing when every file came from a pack worth keeping.
fn update_store(store: &Path, files: &[FileRead], used: &[PackUse], threads: usize) {
    let small = used
        .iter()
        .filter(|u| u.taken > 0 && u.body_bytes < SMALL_PACK_BYTES)
        .count();
    // A pack is copied from when less than half of it is this plan's, or when it is one of
    // too many small ones.
    let copy: Vec<bool> = used
        .iter()
        .map(|u| {
            u.taken > 0
                && (u.taken * 2 < u.entries
                    || (small > SMALL_PACKS && u.body_bytes < SMALL_PACK_BYTES))
        })
        .collect();
    let mut seen = HashSet::default();
    let entries: Vec<(Key, &Parsed)> = files
        .iter()
        .filter_map(|f| match (f.key, &f.content) {
            (Some(k), Content::Parsed(p))
                if f.from_pack
                    .is_none_or(|i| copy.get(i as usize) == Some(&true))
                    && seen.insert(k) =>
            {
                Some((k, p))
            }
            _ => None,
        })
        .collect();
    let written = cache::add(store, &entries, threads);
    for (u, copied) in used.iter().zip(&copy) {
        if u.taken > 0 && !copied {
            cache::touch(u);
        }
    }
    if written > 0 {
        tracing::debug!(
            entries = written,
            copied_packs = copy.iter().filter(|c| **c).count(),
            "parse cache written"
        );
    }
}

/// Moves what the packs hold for the files read into their slots, reading the `needed` packs
/// on up to `threads` threads; returns what each pack gave.
fn take_cached(
    files: &mut [FileRead],
    packs: &[PathBuf],
    needed: &[bool],
    threads: usize,
) -> Vec<PackUse> {
    // The first file of each key: identical files share one entry and take a copy below.
    let mut wanted: HashMap<Key, usize> = HashMap::default();
    for (i, f) in files.iter().enumerate() {
        if let (Some(k), Content::Unread) = (f.key, &f.content) {
            wanted.entry(k).or_insert(i);
        }
    }
    let slots = Mutex::new(&mut *files);
    let numbered: Vec<(u32, &PathBuf)> = (0..)
        .zip(packs)
        .filter(|(n, _)| needed.get(*n as usize) == Some(&true))
        .collect();
    let mut used = parallel(&numbered, threads.min(numbered.len()), |&(n, pack)| {
        cache::read_pack(
            pack,
            |k| wanted.contains_key(&k),
            |k, p| {
                if let (Some(&i), Ok(mut slots)) = (wanted.get(&k), slots.lock())
                    && let Some(slot) = slots.get_mut(i)
                    && matches!(slot.content, Content::Unread)
                {
                    slot.content = Content::Parsed(p);
                    slot.from_pack = Some(n);
                }
            },
        )
    });
    for i in 0..files.len() {
        let (Some(k), Content::Unread) = (files[i].key, &files[i].content) else {
            continue;
        };
        let copy = match wanted.get(&k).and_then(|&j| files.get(j)) {
            Some(FileRead {
                content: Content::Parsed(p),
                from_pack: Some(n),
                ..
            }) => (p.clone(), *n),
            _ => continue,
        };
        files[i].content = Content::Parsed(copy.0);
        files[i].from_pack = Some(copy.1);
    }
    // A pack not read, or that could not be read, counts as one that gave nothing.
    let mut read = used.drain(..);
    packs
        .iter()
        .zip(needed)
        .map(|(path, need)| {
            let u = if *need { read.next().flatten() } else { None };
            u.unwrap_or_else(|| PackUse {
                path: path.clone(),
                entries: 0,
                taken: 0,
                body_bytes: 0,
                modified: None,
            })
        })
        .collect()
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
