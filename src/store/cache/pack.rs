//! One pack of the parse cache: a file written once, whole, and never changed.
//!
//! ```text
//! header  32 bytes  "khparsed", schema (u32), entries (u32), hash of khutta's version (u64),
//!                   checksum of the index (u64)
//! index   28 bytes an entry: key (16), offset in the body (u32), length (u32), checksum (u32)
//! body    each entry's `Parsed` as JSON, one after another
//! ```
//!
//! Numbers are little-endian. The index comes first so that a plan that wants nothing from a
//! pack reads only its first few kilobytes; a pack whose header or index does not add up is
//! ignored whole, and an entry whose bytes do not match their checksum is ignored alone. A
//! pack is named by the hash of its index, so that two processes writing the same entries
//! write the same file, and is put in place by a rename: no reader ever sees half of one.

use super::{Key, PACK_BYTES, Parsed, SCHEMA, shrink};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"khparsed";
const HEADER: usize = 32;
const RECORD: usize = 28;

/// The largest pack body read: a pack is closed at [`PACK_BYTES`], its last entry at most
/// `MAX_ENTRY_BYTES` of RON, which JSON may write some times longer (escapes).
const MAX_PACK_BYTES: usize = 8 * PACK_BYTES;

/// Whether the file `name` in a packs folder is a pack (not a temporary file).
pub(super) fn is_pack(name: &str) -> bool {
    name.ends_with(".pack") && !name.starts_with('.')
}

fn version_hash() -> u64 {
    xxhash_rust::xxh3::xxh3_64(env!("CARGO_PKG_VERSION").as_bytes())
}

/// The checksum of an entry's bytes.
fn check(bytes: &[u8]) -> u32 {
    xxhash_rust::xxh3::xxh3_64(bytes) as u32
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(w)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

/// One entry of a pack's index.
struct Record {
    key: Key,
    offset: usize,
    len: usize,
    check: u32,
}

/// An open pack whose header and index were read and found whole.
struct Opened {
    file: std::fs::File,
    index: Vec<u8>,
    body_len: usize,
    modified: Option<std::time::SystemTime>,
}

impl Opened {
    fn open(path: &Path) -> Option<Opened> {
        let mut file = std::fs::File::open(path).ok()?;
        let meta = file.metadata().ok()?;
        let size = usize::try_from(meta.len()).ok()?;
        let mut header = [0; HEADER];
        file.read_exact(&mut header).ok()?;
        if &header[..8] != MAGIC
            || u32_at(&header, 8) != SCHEMA
            || u64_at(&header, 16) != version_hash()
        {
            return None;
        }
        let count = u32_at(&header, 12) as usize;
        let index_len = count.checked_mul(RECORD)?;
        let body_len = size.checked_sub(HEADER)?.checked_sub(index_len)?;
        // khutta closes a pack once it holds PACK_BYTES, so a pack far larger is not one of
        // its own, and is not read into memory.
        if body_len > MAX_PACK_BYTES || count > MAX_PACK_BYTES {
            return None;
        }
        let mut index = vec![0; index_len];
        file.read_exact(&mut index).ok()?;
        if xxhash_rust::xxh3::xxh3_64(&index) != u64_at(&header, 24) {
            return None;
        }
        Some(Opened {
            file,
            index,
            body_len,
            modified: meta.modified().ok(),
        })
    }

    fn records(&self) -> impl Iterator<Item = Record> + '_ {
        self.index.chunks_exact(RECORD).map(|r| Record {
            key: Key([u64_at(r, 0), u64_at(r, 8)]),
            offset: u32_at(r, 16) as usize,
            len: u32_at(r, 20) as usize,
            check: u32_at(r, 24),
        })
    }
}

/// The first word of every key the pack at `path` holds, from its index alone; none when the
/// pack cannot be read.
pub(in crate::store) fn read_index_words(path: &Path) -> Vec<u64> {
    match Opened::open(path) {
        Some(p) => p.records().map(|r| r.key.word()).collect(),
        None => Vec::new(),
    }
}

/// What reading one pack found.
#[derive(Clone, Debug)]
pub(in crate::store) struct PackUse {
    /// The pack.
    pub(in crate::store) path: PathBuf,
    /// How many entries it holds.
    pub(in crate::store) entries: usize,
    /// How many of them were handed on.
    pub(in crate::store) taken: usize,
    /// The size of its entries.
    pub(in crate::store) body_bytes: usize,
    /// When it was last written or marked used.
    pub(in crate::store) modified: Option<std::time::SystemTime>,
}

/// Reads the pack at `path`, handing each entry whose key is `wanted` to `each`; `None` when
/// the pack is missing, foreign or damaged. Only the header and the index are read unless an
/// entry is wanted; an entry whose bytes are damaged is left out.
pub(in crate::store) fn read_pack(
    path: &Path,
    wanted: impl Fn(Key) -> bool,
    mut each: impl FnMut(Key, Parsed),
) -> Option<PackUse> {
    let mut pack = Opened::open(path)?;
    let mut used = PackUse {
        path: path.to_path_buf(),
        entries: pack.index.len() / RECORD,
        taken: 0,
        body_bytes: pack.body_len,
        modified: pack.modified,
    };
    if !pack.records().any(|r| wanted(r.key)) {
        return Some(used);
    }
    let mut body = Vec::with_capacity(pack.body_len);
    pack.file.read_to_end(&mut body).ok()?;
    for r in pack.records() {
        if !wanted(r.key) {
            continue;
        }
        let Some(bytes) = body.get(r.offset..r.offset.saturating_add(r.len)) else {
            continue;
        };
        if check(bytes) != r.check {
            continue;
        }
        if let Ok(mut parsed) = serde_json::from_slice::<Parsed>(bytes) {
            shrink(&mut parsed);
            each(r.key, parsed);
            used.taken += 1;
        }
    }
    Some(used)
}

/// Writes `entries` as packs in the folder `dir`, split over `threads` threads; returns how
/// many entries were written.
pub(in crate::store) fn write_packs(
    dir: &Path,
    entries: &[(Key, &Parsed)],
    threads: usize,
) -> usize {
    let per_thread = entries.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        let jobs: Vec<_> = entries
            .chunks(per_thread)
            .map(|part| s.spawn(move || write_part(dir, part)))
            .collect();
        jobs.into_iter().map(|j| j.join().unwrap_or(0)).sum()
    })
}

/// Writes one thread's part of the entries, a pack each time [`PACK_BYTES`] of them are
/// serialised; returns how many were written.
fn write_part(dir: &Path, entries: &[(Key, &Parsed)]) -> usize {
    let mut index = Vec::new();
    let mut body = Vec::with_capacity(PACK_BYTES + 64 * 1024);
    let mut written = 0;
    let mut pending = 0;
    for (i, (key, parsed)) in entries.iter().enumerate() {
        let start = body.len();
        if serde_json::to_writer(&mut body, parsed).is_err() || body.len() > u32::MAX as usize {
            body.truncate(start);
            continue;
        }
        index.extend_from_slice(&key.0[0].to_le_bytes());
        index.extend_from_slice(&key.0[1].to_le_bytes());
        index.extend_from_slice(&(start as u32).to_le_bytes());
        index.extend_from_slice(&((body.len() - start) as u32).to_le_bytes());
        index.extend_from_slice(&check(&body[start..]).to_le_bytes());
        pending += 1;
        if body.len() >= PACK_BYTES || i + 1 == entries.len() {
            if write_pack(dir, &index, &body).is_some() {
                written += pending;
            }
            index.clear();
            body.clear();
            pending = 0;
        }
    }
    written
}

/// Writes one pack through a temporary file in `dir`, named by the hash of its index.
fn write_pack(dir: &Path, index: &[u8], body: &[u8]) -> Option<()> {
    let count = u32::try_from(index.len() / RECORD).ok()?;
    let index_hash = xxhash_rust::xxh3::xxh3_64(index);
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&SCHEMA.to_le_bytes());
    header.extend_from_slice(&count.to_le_bytes());
    header.extend_from_slice(&version_hash().to_le_bytes());
    header.extend_from_slice(&index_hash.to_le_bytes());
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .ok()?;
    let f = tmp.as_file_mut();
    f.write_all(&header).ok()?;
    f.write_all(index).ok()?;
    f.write_all(body).ok()?;
    tmp.persist(dir.join(format!("{index_hash:016x}.pack")))
        .ok()?;
    Some(())
}
