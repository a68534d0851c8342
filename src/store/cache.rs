//! A cache of parsed entity files, keyed by the hash of their bytes.
//!
//! Parsing RON is the slowest step of opening a large plan. The cache maps the 128-bit XXH3
//! hash of a file's bytes (and its kind) to what parsing those bytes gave, stored as JSON,
//! which reads several times faster. Because it is addressed by content, an entry can never be stale: a
//! changed file has another hash and is parsed again. It lives in the user's cache folder, never
//! in the plan, and losing it only costs time. Set `KHUTTA_NO_CACHE=1` to bypass it.

use super::layout::FileKind;
use crate::model::{Entity, Response, Round};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Bumped whenever the model's meaning changes in a way serde would not notice (3: entities
/// are stored normalised).
const SCHEMA: u32 = 3;

/// The content key of a file: the hash of its kind and its bytes.
pub(super) type Key = u128;

/// What one plan file parses to.
///
/// Loading handles it boxed (`Box<Parsed>`) from parsing until it reaches the plan: at
/// 100,000 activities every by-value copy of the list of parsed files is some 45 MB, and
/// loading keeps several such lists in flight, so boxes keep the peak memory within bounds and
/// the moves cheap.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[expect(
    clippy::large_enum_variant,
    reason = "always boxed while loading, see above"
)]
pub(super) enum Parsed {
    /// An entity file.
    Entity(Entity),
    /// A consultation round's `round.ron`.
    Round(Round),
    /// A participant's response.
    Response(Response),
}

/// The key of `bytes` read from a file of `kind`. XXH3 is not a cryptographic hash; the cache
/// only ever holds what this user's own khutta parsed, so a collision would need a partner to
/// craft a file against a cache they cannot see.
pub(super) fn key(kind: &FileKind, bytes: &[u8]) -> Key {
    let seed = match kind {
        FileKind::Entity(k) => *k as u64 + 1,
        FileKind::Round => 100,
        FileKind::Response => 101,
    };
    xxhash_rust::xxh3::xxh3_128_with_seed(bytes, seed)
}

#[derive(Serialize, Deserialize)]
struct Shard {
    schema: u32,
    version: String,
    entries: Vec<(String, Box<Parsed>)>,
}

/// Where the cache of the plan at `root` lives, if there is a cache folder at all.
pub(super) fn location(root: &Path) -> Option<PathBuf> {
    if std::env::var_os("KHUTTA_NO_CACHE").is_some() {
        return None;
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let abs = std::fs::canonicalize(root).ok()?;
    let name = format!(
        "{:032x}",
        xxhash_rust::xxh3::xxh3_128(abs.as_os_str().as_encoded_bytes())
    );
    Some(base.join("khutta").join("parsed").join(name))
}

fn shard_path(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("shard-{i}.json"))
}

/// Reads shard `i` of the cache; a missing, unreadable or foreign shard is simply empty.
pub(super) fn read_shard(dir: &Path, i: usize) -> Vec<(Key, Box<Parsed>)> {
    let Ok(bytes) = std::fs::read(shard_path(dir, i)) else {
        return Vec::new();
    };
    let Ok(shard) = serde_json::from_slice::<Shard>(&bytes) else {
        return Vec::new();
    };
    if shard.schema != SCHEMA || shard.version != env!("CARGO_PKG_VERSION") {
        return Vec::new();
    }
    shard
        .entries
        .into_iter()
        .filter_map(|(k, e)| Some((parse_key(&k)?, e)))
        .collect()
}

fn parse_key(hex: &str) -> Option<Key> {
    u128::from_str_radix(hex, 16).ok()
}

/// Writes the cache as `shards` files, so that reading it spreads over as many threads.
/// Failure is silent on purpose: the cache only saves time.
pub(super) fn write(dir: &Path, entries: &[(Key, &Parsed)], shards: usize) {
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let shards = shards.max(1);
    let mut split: Vec<Vec<(String, &Parsed)>> = (0..shards).map(|_| Vec::new()).collect();
    for (k, e) in entries {
        split[(*k % shards as u128) as usize].push((format!("{k:032x}"), *e));
    }
    std::thread::scope(|s| {
        for (i, entries) in split.into_iter().enumerate() {
            s.spawn(move || {
                #[derive(Serialize)]
                struct ShardRef<'a> {
                    schema: u32,
                    version: &'a str,
                    entries: Vec<(String, &'a Parsed)>,
                }
                let shard = ShardRef {
                    schema: SCHEMA,
                    version: env!("CARGO_PKG_VERSION"),
                    entries,
                };
                if let Ok(json) = serde_json::to_vec(&shard) {
                    let _ = super::write_atomic(&shard_path(dir, i), &json);
                }
            });
        }
    });
    // Shards beyond the new count would only hold entries that are also in the new ones.
    for i in shards..shards + 16 {
        let _ = std::fs::remove_file(shard_path(dir, i));
    }
}

/// The number of shards a cache folder holds.
pub(super) fn shard_count(dir: &Path) -> usize {
    (0..64)
        .take_while(|i| shard_path(dir, *i).is_file())
        .count()
}

/// Merges shards read by several threads into one map.
pub(super) fn merge(parts: Vec<Vec<(Key, Box<Parsed>)>>) -> HashMap<Key, Box<Parsed>> {
    let mut map =
        HashMap::with_capacity_and_hasher(parts.iter().map(Vec::len).sum(), Default::default());
    for part in parts {
        map.extend(part);
    }
    map
}
