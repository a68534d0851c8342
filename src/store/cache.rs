//! A cache of parsed entity files, keyed by the hash of their bytes.
//!
//! Parsing RON is the slowest step of opening a large plan. The cache maps the 128-bit XXH3
//! hash of a file's bytes (and its kind) to what parsing those bytes gave, stored as JSON,
//! which reads several times faster. Because it is addressed by content, an entry can never be stale: a
//! changed file has another hash and is parsed again. It lives in the user's cache folder, never
//! in the plan, and losing it only costs time. Where it is, or that there is none
//! (`KHUTTA_NO_CACHE=1`), the caller decides (`crate::folders`): this module reads no variable.
//!
//! Memory stays within what the plan itself needs: the cache is written and read in shards of
//! about [`SHARD_BYTES`], one entry at a time, so that no step holds the whole cache's text; and
//! files larger than [`MAX_ENTRY_BYTES`] are not cached at all (see there).

use super::layout::FileKind;
use crate::model::{Entity, Response, Round};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Bumped whenever the model's meaning changes in a way serde would not notice, or the shards'
/// layout changes (3: entities are stored normalised; 4: shards are JSON lines).
const SCHEMA: u32 = 4;

/// The largest file whose parse is cached. Real entity files are a few kilobytes, and what
/// makes a file larger is long text, which RON parses almost as fast as JSON reads it; caching
/// such files would only copy them into the cache folder (500 files near the size limit added
/// 500 MB there, and serialising them doubled the memory of opening the plan).
pub(super) const MAX_ENTRY_BYTES: usize = 64 * 1024;

/// The size after which a shard is closed and the next one begun: small enough that reading
/// shards on every core holds little text at once, large enough that a plan of 100,000 files
/// needs only a dozen shards.
const SHARD_BYTES: u64 = 1024 * 1024;

/// The content key of a file: the 128-bit hash of its kind and its bytes, as two words so that
/// it aligns like the rest of a file's slot (see `files`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Key([u64; 2]);

impl Key {
    fn of(hash: u128) -> Key {
        Key([(hash >> 64) as u64, hash as u64])
    }

    fn hex(self) -> String {
        format!("{:016x}{:016x}", self.0[0], self.0[1])
    }

    fn parse(hex: &str) -> Option<Key> {
        u128::from_str_radix(hex, 16).ok().map(Key::of)
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

/// The first line of a shard; every further line is one entry, `["<key in hex>", parsed]`.
#[derive(Serialize, Deserialize)]
struct Header {
    schema: u32,
    version: String,
}

/// The cache folder of the plan folder at `root`: `parsed/<key>` in khutta's cache folder
/// `cache_home` (see [`super::path_key`]), or `None` when `root` cannot be found. The caller
/// decides where `cache_home` is (`folders`), or that there is none.
pub fn parse_cache(cache_home: &Path, root: &Path) -> Option<PathBuf> {
    Some(cache_home.join("parsed").join(super::path_key(root)?))
}

/// Whether `name` is a shard's (of this layout or an older one).
fn is_shard(name: &str) -> bool {
    name.starts_with("shard-")
}

/// The shards of the cache folder `dir`.
pub(super) fn shards(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut shards: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(is_shard))
        .map(|e| e.path())
        .collect();
    shards.sort();
    shards
}

/// Reads one shard, handing each entry to `each` as it is read; a missing, unreadable or
/// foreign shard is simply empty, and a damaged one gives the entries before the damage.
pub(super) fn read_shard(path: &Path, mut each: impl FnMut(Key, Parsed)) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    match Header::deserialize(&mut de) {
        Ok(h) if h.schema == SCHEMA && h.version == env!("CARGO_PKG_VERSION") => {}
        _ => return,
    }
    for (k, mut e) in de.into_iter::<(String, Parsed)>().map_while(Result::ok) {
        if let Some(k) = Key::parse(&k) {
            shrink(&mut e);
            each(k, e);
        }
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

/// Writes the cache as shards of about [`SHARD_BYTES`], the entries split over `threads`
/// threads, and removes the shards it did not write. Failure is silent on purpose: the cache
/// only saves time.
pub(super) fn write(dir: &Path, entries: &[(Key, &Parsed)], threads: usize) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let per_thread = entries.len().div_ceil(threads.max(1)).max(1);
    let mut written: Vec<PathBuf> = Vec::new();
    std::thread::scope(|s| {
        let jobs: Vec<_> = entries
            .chunks(per_thread)
            .enumerate()
            .map(|(t, part)| s.spawn(move || write_part(dir, t, part)))
            .collect();
        for job in jobs {
            written.extend(job.join().unwrap_or_default());
        }
    });
    // Shards of an earlier write (or an older layout) would only hold entries that are also in
    // the new ones, or entries of files that are gone.
    for old in shards(dir) {
        if !written.contains(&old) {
            let _ = std::fs::remove_file(old);
        }
    }
}

/// Writes one thread's part of the entries as shards `shard-T-N.jsonl`; returns those written.
fn write_part(dir: &Path, t: usize, entries: &[(Key, &Parsed)]) -> Vec<PathBuf> {
    let mut written = Vec::new();
    let mut rest = entries;
    while !rest.is_empty() {
        let path = dir.join(format!("shard-{t}-{}.jsonl", written.len()));
        match write_shard(&path, rest) {
            Some(n) => {
                written.push(path);
                rest = &rest[n..];
            }
            None => break,
        }
    }
    written
}

/// Writes the first entries of `entries` into a shard at `path`, through a temporary file so
/// that a reader never sees half a shard, until it holds [`SHARD_BYTES`]; returns how many
/// entries it took.
fn write_shard(path: &Path, entries: &[(Key, &Parsed)]) -> Option<usize> {
    let dir = path.parent()?;
    let tmp = tempfile::Builder::new()
        .prefix(".shard-")
        .tempfile_in(dir)
        .ok()?;
    let mut out = std::io::BufWriter::new(Counted {
        inner: tmp.as_file(),
        bytes: 0,
    });
    let header = Header {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    serde_json::to_writer(&mut out, &header).ok()?;
    let mut taken = 0;
    for (k, e) in entries {
        out.write_all(b"\n").ok()?;
        serde_json::to_writer(&mut out, &(k.hex(), e)).ok()?;
        taken += 1;
        if out.get_ref().bytes + out.buffer().len() as u64 >= SHARD_BYTES {
            break;
        }
    }
    out.write_all(b"\n").ok()?;
    out.flush().ok()?;
    drop(out);
    tmp.persist(path).ok()?;
    Some(taken)
}

/// A writer that counts the bytes written through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, EntityKind, Id, Text};

    fn activity(n: usize, description: &str) -> Parsed {
        let mut a = Activity::new(Id::new_unchecked(format!("a{n}")), Text::en("x"), 1);
        a.description = Text::en(description);
        Parsed::Entity(Entity::Activity(a))
    }

    #[test]
    fn files_too_large_to_cache_have_no_key() {
        let kind = FileKind::Entity(EntityKind::Activity);
        assert!(key(&kind, &vec![b' '; MAX_ENTRY_BYTES]).is_some());
        assert!(key(&kind, &vec![b' '; MAX_ENTRY_BYTES + 1]).is_none());
    }

    #[test]
    fn shards_are_bounded_and_read_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        // Some 12 MB of entries, so that each of two threads writes several shards.
        let text = "x".repeat(60_000);
        let parsed: Vec<Parsed> = (0..200).map(|n| activity(n, &text)).collect();
        let entries: Vec<(Key, &Parsed)> = parsed
            .iter()
            .enumerate()
            .map(|(n, p)| (Key::of(n as u128), p))
            .collect();
        std::fs::write(dir.path().join("shard-0.json"), "an older layout").ok();
        write(dir.path(), &entries, 2);
        let found = shards(dir.path());
        assert!(found.len() >= 4, "{found:?}");
        for shard in &found {
            let size = std::fs::metadata(shard).map_or(0, |m| m.len());
            assert!(size < SHARD_BYTES + 2 * MAX_ENTRY_BYTES as u64, "{size}");
        }
        let mut read = std::collections::BTreeSet::new();
        for shard in &found {
            read_shard(shard, |k, _| {
                read.insert(k);
            });
        }
        assert_eq!(read.len(), 200);
        // Fewer entries leave fewer shards: the others are removed.
        write(dir.path(), &entries[..10], 2);
        assert_eq!(shards(dir.path()).len(), 2);
    }
}
