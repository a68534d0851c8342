//! A cache of parsed plan files that every plan on the machine shares, addressed by content.
//!
//! Parsing RON is the slowest step of opening a large plan. The cache maps the 128-bit XXH3
//! hash of a file's bytes (and its kind) to what parsing those bytes gave, stored as JSON,
//! which reads several times faster. Because it is addressed by content, an entry can never be
//! stale (a changed file has another hash and is parsed again), and it belongs to no plan: a
//! fresh clone, a copy or a move of a plan opened before finds every file it shares with it.
//! It lives in the user's cache folder, never in the plan, and losing or damaging it only
//! costs time. Where it is, or that there is none (`KHUTTA_NO_CACHE=1`), the caller decides
//! (`crate::folders`): this module reads no variable.
//!
//! The store is a folder of packs (`pack`), each written once, whole, through a temporary file
//! and a rename, and never changed after: two khutta processes opening plans at the same time
//! each write their own packs, and a pack cut short or damaged is ignored (every entry carries
//! a checksum). Opening a plan writes only the entries it had to parse, so a one-file change
//! adds one small pack; what it takes from packs that mostly hold other content is copied
//! into its new packs, so that those age out. Packs a plan reads are marked used (their
//! modification time), and after each write the store is cleaned (`clean`): packs not used for
//! [`clean::MAX_AGE`], then the least recently used until the store is under
//! [`clean::CAP_BYTES`].
//!
//! Memory stays within what the plan itself needs: packs are read and written one at a time
//! per thread, about [`PACK_BYTES`] each; and files larger than [`MAX_ENTRY_BYTES`] are not
//! cached at all (see there).

mod clean;
mod pack;

use super::layout::FileKind;
use crate::model::{Entity, Response, Round};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub(super) use pack::{PackUse, read_index_words, read_pack, write_packs};

/// Bumped whenever the model's meaning changes in a way serde would not notice, or the packs'
/// layout changes (3: entities are stored normalised; 4: shards are JSON lines; 5: one store
/// of packs with an index, shared by every plan).
const SCHEMA: u32 = 5;

/// The largest file whose parse is cached. Real entity files are a few kilobytes, and what
/// makes a file larger is long text, which RON parses almost as fast as JSON reads it; caching
/// such files would only copy them into the cache folder (500 files near the size limit added
/// 500 MB there, and serialising them doubled the memory of opening the plan).
pub(super) const MAX_ENTRY_BYTES: usize = 64 * 1024;

/// The size of a pack's entries after which it is closed and the next one begun: small enough
/// that reading packs on every core holds little text at once, large enough that a plan of
/// 100,000 files needs only a few dozen.
const PACK_BYTES: usize = 1024 * 1024;

/// The content key of a file: the 128-bit hash of its kind and its bytes, as two words so that
/// it aligns like the rest of a file's slot (see `files`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Key([u64; 2]);

impl Key {
    fn of(hash: u128) -> Key {
        Key([(hash >> 64) as u64, hash as u64])
    }

    /// The key's first word: what the list of keys a store knows holds (see
    /// [`read_index_words`]), eight bytes a key instead of sixteen.
    pub(super) fn word(self) -> u64 {
        self.0[0]
    }
}

/// What one plan file parses to.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[expect(
    clippy::large_enum_variant,
    reason = "nearly every plan file is an activity"
)]
pub(super) enum Parsed {
    /// An entity file.
    Entity(Entity),
    /// A consultation round's `round.ron`.
    Round(Round),
    /// A participant's response.
    Response(Response),
}

/// The key of `bytes` read from a file of `kind`, or `None` when the file is too large to be
/// cached. XXH3 is not a cryptographic hash; the cache only ever holds what this user's own
/// khutta parsed, so a collision would need a partner to craft a file against a cache they
/// cannot see.
pub(super) fn key(kind: &FileKind, bytes: &[u8]) -> Option<Key> {
    if bytes.len() > MAX_ENTRY_BYTES {
        return None;
    }
    let seed = match kind {
        FileKind::Entity(k) => *k as u64 + 1,
        FileKind::Round => 100,
        FileKind::Response => 101,
    };
    Some(Key::of(xxhash_rust::xxh3::xxh3_128_with_seed(bytes, seed)))
}

/// The parse cache in khutta's cache folder `cache_home`: `parsed/`, one store for every plan.
/// The caller decides where `cache_home` is (`folders`), or that there is none.
pub fn parse_cache(cache_home: &Path) -> PathBuf {
    cache_home.join("parsed")
}

/// The folder of this khutta's packs in the store `store`: one per layout and version, so
/// that two versions used side by side never read each other's packs (and the older one's
/// packs age out).
fn packs_dir(store: &Path) -> PathBuf {
    store.join(format!("v{SCHEMA}-{}", env!("CARGO_PKG_VERSION")))
}

/// The packs this khutta can read in the store `store`, the most recently written or used
/// first: where two packs hold the same entry, the one taken is the one a plan copied it to
/// last, so that the other is no longer used and ages out.
pub(super) fn packs(store: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(packs_dir(store)) else {
        return Vec::new();
    };
    let mut packs: Vec<(std::cmp::Reverse<Option<std::time::SystemTime>>, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(pack::is_pack))
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified()).ok();
            (std::cmp::Reverse(modified), e.path())
        })
        .collect();
    packs.sort();
    packs.into_iter().map(|(_, path)| path).collect()
}

/// Writes `entries` as new packs of the store `store` on up to `threads` threads, then cleans
/// the store. Failure is silent on purpose: the cache only saves time.
pub(super) fn add(store: &Path, entries: &[(Key, &Parsed)], threads: usize) -> usize {
    if entries.is_empty() {
        return 0;
    }
    let dir = packs_dir(store);
    if std::fs::create_dir_all(&dir).is_err() {
        return 0;
    }
    let written = write_packs(&dir, entries, threads);
    clean::clean(store, clean::CAP_BYTES, std::time::SystemTime::now());
    written
}

/// Marks the pack at `path` used now, so that cleaning keeps it: its modification time, set
/// at most once an hour.
pub(super) fn touch(used: &PackUse) {
    const HOUR: std::time::Duration = std::time::Duration::from_secs(3600);
    let now = std::time::SystemTime::now();
    if used
        .modified
        .is_some_and(|m| now.duration_since(m).is_ok_and(|age| age < HOUR))
    {
        return;
    }
    if let Ok(f) = std::fs::File::options().write(true).open(&used.path) {
        let _ = f.set_modified(now);
    }
}

/// Drops the spare room of an activity's lists: a parser grows a list as it reads, so one of
/// three items has room for four; at 100,000 activities that was 30 MB of nothing.
pub(super) fn shrink(p: &mut Parsed) {
    if let Parsed::Entity(Entity::Activity(a)) = p {
        a.dependencies.shrink_to_fit();
        a.partners.shrink_to_fit();
        a.beneficiaries.shrink_to_fit();
        a.budget.shrink_to_fit();
        a.outputs.shrink_to_fit();
        a.sdg_targets.shrink_to_fit();
        a.tags.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests;
