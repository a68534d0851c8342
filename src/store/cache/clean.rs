//! Keeping the parse cache small: what no plan has used for a month goes, and beyond a cap
//! the least recently used packs go first.
//!
//! A pack's modification time is when it was written or last read by a plan (see
//! [`super::touch`]), so the oldest packs are those of plans not opened for the longest time,
//! of revisions long gone, and of khutta versions no longer used. The per-plan caches of
//! khutta before the shared store (`parsed/<32 hex digits>/`) are removed whole, and a
//! temporary file a writer left behind (it was stopped mid-write) after an hour.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The size the store is brought under after each write: three plans of 100,000 activities
/// (37 MB each, a pack of 1 MB holding some 2,700 of them), or hundreds of ordinary ones.
/// Every open reads the index of every pack (28 bytes an entry, some 8 MB at the cap), so the
/// cap also bounds what opening a small plan costs beside a store full of large ones.
pub(in crate::store) const CAP_BYTES: u64 = 128 * 1024 * 1024;

/// How long a pack no plan reads is kept.
pub(in crate::store) const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 3600);

/// How long a temporary file may be in the middle of being written.
const TMP_AGE: Duration = Duration::from_secs(3600);

/// What cleaning left and removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(in crate::store) struct Cleaned {
    /// Packs removed.
    pub(in crate::store) removed: usize,
    /// The size of the packs kept.
    pub(in crate::store) kept_bytes: u64,
}

/// Removes from the store `store` what is older than [`MAX_AGE`] at `now`, then the least
/// recently used packs until the rest is under `cap` bytes. Errors are ignored: another
/// khutta may be cleaning at the same time, and a pack it reads stays readable once open.
pub(in crate::store) fn clean(store: &Path, cap: u64, now: SystemTime) -> Cleaned {
    let age = |m: &std::fs::Metadata| {
        m.modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .unwrap_or_default()
    };
    let mut packs: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    let mut cleaned = Cleaned::default();
    for folder in entries(store) {
        let name = folder.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_per_plan_cache(name) {
            let _ = std::fs::remove_dir_all(&folder);
            continue;
        }
        for file in entries(&folder) {
            let Ok(meta) = std::fs::symlink_metadata(&file) else {
                continue;
            };
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !meta.is_file() {
                continue;
            }
            if name.starts_with(".tmp-") {
                if age(&meta) > TMP_AGE {
                    let _ = std::fs::remove_file(&file);
                }
            } else if super::pack::is_pack(name) {
                if age(&meta) > MAX_AGE {
                    cleaned.removed += usize::from(std::fs::remove_file(&file).is_ok());
                } else {
                    let when = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                    packs.push((when, meta.len(), file));
                }
            }
        }
        if folder != super::packs_dir(store) {
            // Only once empty: another version's folder still in use keeps its packs.
            let _ = std::fs::remove_dir(&folder);
        }
    }
    packs.sort();
    let mut total: u64 = packs.iter().map(|(_, size, _)| size).sum();
    for (_, size, path) in &packs {
        if total <= cap {
            break;
        }
        if std::fs::remove_file(path).is_ok() {
            cleaned.removed += 1;
        }
        total -= size;
    }
    cleaned.kept_bytes = total;
    cleaned
}

/// The folders and files directly in `dir`.
fn entries(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(e) => e.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Whether `name` is the folder of one plan's cache, as khutta kept them before the shared
/// store: the hash of the plan's path, 32 hexadecimal digits.
fn is_per_plan_cache(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit())
}
