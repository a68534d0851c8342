//! The plan on disk: folder layout, canonical RON, atomic writes, located diagnostics.

mod atomic;
mod bounded;
mod cache;
mod consult;
mod disk;
mod files;
mod fmt;
mod fold;
mod format;
pub mod layout;
mod lexical;
mod load;
mod locate;
mod parse;
mod read;
mod save;

#[cfg(unix)]
pub use atomic::write_atomic_executable;
pub use atomic::{replace_all, sync_dir, write_atomic};
pub use bounded::{open_plain, read_bounded, read_named};
pub use cache::parse_cache;
pub use consult::{canonical_response, canonical_round, save_response, write_response};
pub use disk::{Place, Snapshot, changed_paths, read_places};
pub use fmt::{FmtOutcome, format_folder, sweep_stale_files};
pub use fold::Changed;
pub use format::{from_ron, to_canonical};
pub use load::{LoadedPlan, load, load_with_cache, locate_all};
pub use locate::{line_col, locate};
pub use parse::{MAX_FILE_BYTES, MAX_STATE_BYTES, decode, parse};
pub use read::content_hash;
pub(crate) use read::parallel;
pub(crate) use read::placeholder_meta;
pub use save::{
    FileWrite, SaveReport, canonical_text, save, unit_text, write_files, write_new_plan,
    write_new_plan_alongside, write_new_plan_texts,
};

use crate::i18n::Said;
use crate::model::{EntityKind, Id};
use crate::said;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// The key by which khutta's own folders name what belongs to the plan folder at `root`: the
/// XXH3 hash of its absolute path.
pub fn path_key(root: &std::path::Path) -> Option<String> {
    let abs = std::fs::canonicalize(root).ok()?;
    let key = xxhash_rust::xxh3::xxh3_128(abs.as_os_str().as_encoded_bytes());
    Some(format!("{key:032x}"))
}

/// Where the entities of a loaded plan came from.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// The loaded entities, each read from its own file (`layout::entity_path`: an entity is
    /// found by its file's name, so the path is never stored, which at 100,000 activities
    /// would be 100,000 more strings held for nothing).
    pub files: HashSet<(EntityKind, Id)>,
    /// Stems of entity files that could not be read. References to them are not reported as
    /// dangling: the file's own error already says what is wrong.
    pub unreadable: HashSet<(EntityKind, String)>,
    /// The `round.ron` of each loaded consultation round, by round id.
    pub rounds: HashMap<Id, String>,
    /// The file of each loaded response, by round and participant id.
    pub responses: HashMap<(Id, Id), String>,
    /// Consultation files (rounds and responses) that could not be read, relative paths.
    pub unreadable_consultations: HashSet<String>,
    /// The hash of each plan file's bytes as last read or written ([`content_hash`]), by
    /// path relative to the plan folder: what tells a change on disk from khutta's own
    /// write, and what every save checks before it writes over a file.
    pub hashes: HashMap<String, u64>,
}

impl Sources {
    /// How many plan files other than `plan.ron` were found, read or not.
    pub fn file_count(&self) -> usize {
        self.files.len()
            + self.unreadable.len()
            + self.rounds.len()
            + self.responses.len()
            + self.unreadable_consultations.len()
    }
}

/// Failures that stop khutta from reading or writing a plan folder at all.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder has no `plan.ron`.
    #[error("{}", self.said())]
    NotAPlan {
        /// The folder.
        path: PathBuf,
    },
    /// A file or folder could not be read or written.
    #[error("{}", self.said())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A value could not be written as RON (a bug: every model value is serialisable).
    #[error("{}", self.said())]
    Serialize {
        /// The file being written.
        path: String,
        /// What the serializer said.
        source: ron::Error,
    },
    /// `plan.ron` could not be read, so it must not be overwritten.
    #[error("{}", self.said())]
    MetaUnreadable,
    /// A response was to be saved into a round that has no `round.ron` on disk.
    #[error("{}", self.said())]
    RoundNotSaved {
        /// The round.
        round: Id,
    },
    /// Something other than a folder (a link, a file) stands where a plan folder belongs: khutta
    /// never writes through it.
    #[error("{}", self.said())]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// The file was changed on disk since khutta read it, and is left as it is.
    #[error("{}", self.said())]
    ChangedOnDisk {
        /// The file, relative to the plan folder.
        path: String,
    },
}

impl StoreError {
    /// What went wrong, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> Said {
        match self {
            StoreError::NotAPlan { path } => said!("store-not-a-plan", path = &path.display()),
            StoreError::Io { path, source } => {
                said!("store-io", path = &path.display(), detail = source)
            }
            StoreError::Serialize { path, source } => {
                said!("store-serialize", path = path, detail = source)
            }
            StoreError::MetaUnreadable => said!("store-meta-unreadable"),
            StoreError::RoundNotSaved { round } => said!(
                "store-round-not-saved",
                round = round,
                path = &crate::model::round_path(round)
            ),
            StoreError::ChangedOnDisk { path } => said!("store-changed-on-disk", path = path),
            StoreError::NotAFolder { path } => {
                said!("store-not-a-folder", path = &path.display())
            }
        }
    }
}
