//! The plan in git: setting a repository up for khutta, committing, history, sync and merge.
//!
//! A plan may be the whole repository or a folder inside a larger one; khutta stages, commits
//! and reads only the plan's own paths. A repository is khutta's once `khutta init` or
//! `khutta git-setup` has recorded the plan's folder in its local config (`khutta.plan`), so
//! that khutta never commits into a repository that merely contains a plan (such as khutta's
//! own source, which carries the bundled plan).

mod auth;
mod baseline_sync;
mod blame;
mod by_hand;
mod checkout;
mod commit;
mod commit_id;
mod driver;
mod follow;
mod history;
mod history_index;
mod keys;
pub mod merge_state;
mod merge_tree;
mod merging;
pub mod net;
pub mod oplog;
mod pack;
mod plan_tree;
pub mod pushed;
mod raw_tree;
mod review;
mod revision;
mod setup;
mod signatures;
mod signing;
mod sshsig;
mod sync;
mod transfer;
mod verify;
mod verify_ahead;
mod verify_state;
mod verify_walker;
mod who;

pub use auth::Prompter;
pub use baseline_sync::{BaselineDiffers, BaselineNews};
pub use blame::{FieldBlame, activity_fields};
pub use commit::{Committed, commit, pending_changes, stray_changes};
pub use commit_id::CommitId;
pub use driver::{FileMerge, MergeFileError, merge_file, read_plan_file, replaying_commits};
pub use history::LogEntry;
pub use merging::{
    MergeStep, Stepped, abort, finish, in_progress, merge_commits, renamed_two_ways, resolve,
};
pub use net::{Cancel, ServerLine};
pub use plan_tree::plan_to_tree;
pub use review::{BASELINE_TAG_PREFIX, Baseline};
pub use revision::RevisionError;
pub use setup::{InitOptions, drivers_problem, git_setup, init};
pub use signatures::{KnownKey, Proof, SignatureState, Signatures, known_keys, signature};
pub use sync::{SyncEvent, SyncOptions, SyncOutcome, SyncReport, sync};
pub use verify::{
    CommitReport, Finding, SignatureProblem, VerifyOptions, VerifyReport, verify_commits,
    verify_range,
};
pub use who::{head_places, last_authors};

use crate::i18n::Said;
use crate::said;
use std::path::{Path, PathBuf};

/// Failures of the git layer, each saying what a person can do.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The plan is not inside a git repository.
    #[error("{}", self.said())]
    NotARepository {
        /// The plan folder.
        path: PathBuf,
    },
    /// The repository was not set up for khutta.
    #[error("{}", self.said())]
    NotSetUp,
    /// git has no author identity.
    #[error("{}", self.said())]
    NoIdentity,
    /// There is nothing to commit (the files of the plan folder that are not plan files, which
    /// a commit leaves out, are named).
    #[error("{}", self.said())]
    NothingToCommit(Vec<String>),
    /// The folder to create a plan in is not empty.
    #[error("{}", self.said())]
    AlreadyAPlan {
        /// The folder.
        path: PathBuf,
    },
    /// The revision has no plan in this repository's plan folder.
    #[error("{}", self.said())]
    NoPlanAt(String),
    /// A revision name that does not name a commit.
    #[error("{}", self.said())]
    NoSuchRevision(String),
    /// A plan file of a revision could not be read.
    #[error(transparent)]
    Revision(#[from] revision::RevisionError),
    /// A merge is waiting for its conflicts to be resolved.
    #[error("{}", self.said())]
    MergeInProgress,
    /// There is no merge in progress.
    #[error("{}", self.said())]
    NoMerge,
    /// Conflicts are left in the merge in progress.
    #[error("{}", self.said())]
    ConflictsLeft(usize),
    /// A choice could not be applied to the merge.
    #[error("{}", self.said())]
    Resolve(Said),
    /// Files outside the plan conflict, and khutta merges only the plan.
    #[error("{}", self.said())]
    FileConflicts(Vec<String>),
    /// Files changed by hand while the merge waited, where the step changes the same field.
    #[error("{}", self.said())]
    HandEdits(Vec<String>),
    /// The operation log has no operation of that number.
    #[error("{}", self.said())]
    NoSuchOperation(u64),
    /// The plan has changes that are not committed.
    #[error("{}", self.said())]
    Uncommitted,
    /// HEAD is not on a branch.
    #[error("{}", self.said())]
    DetachedHead,
    /// The remote does not exist.
    #[error("{}", self.said())]
    NoRemote(String),
    /// The remote could not be reached.
    #[error("{}", self.said())]
    Network {
        /// The remote.
        remote: String,
        /// What the network layer said.
        message: String,
    },
    /// The remote refused every credential.
    #[error("{}", self.said())]
    Auth {
        /// The remote.
        remote: String,
        /// What was tried.
        message: Said,
    },
    /// The server refused the push (a hook, a protected branch).
    #[error("{}", self.said())]
    Rejected {
        /// The ref.
        refname: String,
        /// The server's message.
        message: String,
    },
    /// Someone pushed first (retried inside `sync`).
    #[error("{}", self.said())]
    PushRaced,
    /// The remote moved on every attempt.
    #[error("{}", self.said())]
    RemoteKeepsMoving(String),
    /// The sync was cancelled (a key, Ctrl-C) before it finished.
    #[error("{}", self.said())]
    Cancelled,
    /// The server said nothing for the whole wait.
    #[error("{}", self.said())]
    TimedOut {
        /// The remote.
        remote: String,
        /// How long khutta waited, in seconds.
        seconds: u64,
    },
    /// The server's SSH host key is not one `~/.ssh/known_hosts` trusts.
    #[error("{}", self.said())]
    HostKey {
        /// The remote.
        remote: String,
        /// What libgit2 said.
        message: String,
    },
    /// Reading or writing the plan failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A file could not be read or written.
    #[error("{}", self.said())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// libgit2 failed.
    #[error("{}", self.said())]
    Git(#[from] git2::Error),
    /// A baseline of that name exists already.
    #[error("{}", self.said())]
    BaselineExists(String),
    /// A baseline name git cannot use in a tag.
    #[error("{}", self.said())]
    BadBaselineName(String),
    /// The activity is not in the plan at that revision.
    #[error("{}", self.said())]
    NoSuchActivity {
        /// The activity.
        id: String,
        /// The revision, abbreviated.
        rev: String,
    },
    /// A field that activities do not have.
    #[error("{}", self.said())]
    NoSuchField {
        /// The field asked for.
        field: String,
        /// The fields there are.
        known: Vec<&'static str>,
    },
    /// Signing is on (`commit.gpgsign`) with a format khutta cannot sign with.
    #[error("{}", self.said())]
    SigningNotSsh {
        /// `gpg.format`.
        format: String,
    },
    /// Signing is on with SSH but `user.signingkey` names no key.
    #[error("{}", self.said())]
    SigningNoKey,
    /// A line of a git hook's input that is not `OLD NEW REF`.
    #[error("{}", self.said())]
    HookInput(String),
    /// The signing key needs its passphrase and no agent holds it.
    #[error("{}", self.said())]
    SigningKeyLocked {
        /// The key file.
        path: PathBuf,
    },
    /// The signing program failed or could not run.
    #[error("{}", self.said())]
    SigningFailed {
        /// The program (`ssh-keygen` or `gpg.ssh.program`).
        program: String,
        /// What it said.
        message: String,
    },
}

impl RepoError {
    /// What went wrong, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> Said {
        match self {
            RepoError::NotARepository { path } => {
                said!("repo-not-a-repository", path = &path.display())
            }
            RepoError::NotSetUp => said!("repo-not-set-up"),
            RepoError::NoIdentity => said!("repo-no-identity"),
            RepoError::NothingToCommit(_) => said!("repo-nothing-to-commit"),
            RepoError::AlreadyAPlan { path } => {
                said!("repo-already-a-plan", path = &path.display())
            }
            RepoError::NoPlanAt(rev) => said!("repo-no-plan-at", rev = rev),
            RepoError::NoSuchRevision(rev) => said!("repo-no-such-revision", rev = rev),
            RepoError::Revision(e) => e.said(),
            RepoError::MergeInProgress => said!("repo-merge-in-progress"),
            RepoError::NoMerge => said!("repo-no-merge"),
            RepoError::ConflictsLeft(n) => said!("repo-conflicts-left", count = *n),
            RepoError::Resolve(why) => said!("repo-cannot-resolve", detail = why.clone()),
            RepoError::FileConflicts(files) => {
                said!("repo-file-conflicts", files = &files.join(", "))
            }
            RepoError::HandEdits(files) => said!("repo-hand-edits", files = &files.join(", ")),
            RepoError::NoSuchOperation(n) => said!("repo-no-such-operation", number = *n),
            RepoError::Uncommitted => said!("repo-uncommitted"),
            RepoError::DetachedHead => said!("repo-detached-head"),
            RepoError::NoRemote(r) => said!("repo-no-remote", remote = r),
            RepoError::Network { remote, message } => {
                said!("repo-network", remote = remote, detail = message)
            }
            RepoError::Auth { remote, message } => {
                said!("repo-auth", remote = remote, detail = message.clone())
            }
            RepoError::Rejected { refname, message } => {
                said!("repo-rejected", refname = refname, detail = message)
            }
            RepoError::PushRaced => said!("repo-push-raced"),
            RepoError::RemoteKeepsMoving(r) => said!("repo-remote-keeps-moving", remote = r),
            RepoError::Cancelled => said!("repo-cancelled"),
            RepoError::TimedOut { remote, seconds } => {
                said!("repo-timed-out", remote = remote, seconds = *seconds)
            }
            RepoError::HostKey { remote, message } => {
                said!("repo-host-key", remote = remote, detail = message)
            }
            RepoError::Store(e) => e.said(),
            RepoError::Io { path, source } => {
                said!("repo-io", path = &path.display(), detail = source)
            }
            // A lock left by an interrupted git or khutta is not a network or a git failure.
            RepoError::Git(e) if is_lock(e) => said!("repo-locked", detail = e.message()),
            RepoError::Git(e) => said!("repo-git", detail = e),
            RepoError::BaselineExists(name) => said!("repo-baseline-exists", name = name),
            RepoError::BadBaselineName(name) => said!("repo-bad-baseline-name", name = name),
            RepoError::NoSuchActivity { id, rev } => {
                said!("repo-no-such-activity", id = id, rev = rev)
            }
            RepoError::NoSuchField { field, known } => {
                said!(
                    "repo-no-such-field",
                    field = field,
                    known = &known.join(", ")
                )
            }
            RepoError::SigningNotSsh { format } => said!("repo-signing-not-ssh", format = format),
            RepoError::SigningNoKey => said!("repo-signing-no-key"),
            RepoError::HookInput(line) => said!("repo-hook-input", line = line),
            RepoError::SigningKeyLocked { path } => {
                said!("repo-signing-key-locked", path = &path.display())
            }
            RepoError::SigningFailed { program, message } => {
                said!("repo-signing-failed", program = program, detail = message)
            }
        }
    }

    /// What to do about it. Every error a sync can end in has one.
    pub fn hint(&self) -> Option<Said> {
        Some(match self {
            RepoError::NotARepository { .. } => said!("repo-not-a-repository-hint"),
            RepoError::NotSetUp => said!("repo-not-set-up-hint"),
            RepoError::NoIdentity => said!("repo-no-identity-hint"),
            RepoError::AlreadyAPlan { .. } => said!("repo-already-a-plan-hint"),
            RepoError::MergeInProgress | RepoError::ConflictsLeft(_) => {
                said!("repo-merge-in-progress-hint")
            }
            RepoError::Uncommitted => said!("repo-uncommitted-hint"),
            RepoError::Network { .. } => said!("repo-network-hint"),
            RepoError::Auth { .. } => said!("repo-auth-hint"),
            RepoError::Rejected { .. } => said!("repo-rejected-hint"),
            RepoError::FileConflicts(_) => said!("repo-file-conflicts-hint"),
            RepoError::HandEdits(_) => said!("repo-hand-edits-hint"),
            RepoError::NoSuchOperation(_) => said!("repo-no-such-operation-hint"),
            RepoError::NoRemote(_) => said!("repo-no-remote-hint"),
            RepoError::NothingToCommit(left) if !left.is_empty() => {
                said!("repo-left-out", files = &left.join(", "))
            }
            RepoError::BaselineExists(name) => said!("repo-baseline-exists-hint", name = name),
            RepoError::BadBaselineName(_) => said!("repo-bad-baseline-name-hint"),
            RepoError::NoSuchActivity { .. } => said!("repo-no-such-activity-hint"),
            RepoError::Git(e) if is_lock(e) => said!("repo-locked-hint"),
            RepoError::DetachedHead => said!("repo-detached-head-hint"),
            RepoError::RemoteKeepsMoving(_) | RepoError::PushRaced => {
                said!("repo-remote-keeps-moving-hint")
            }
            RepoError::Cancelled => said!("repo-cancelled-hint"),
            RepoError::TimedOut { .. } => said!("repo-timed-out-hint"),
            RepoError::HostKey { .. } => said!("repo-host-key-hint"),
            RepoError::Revision(_) => said!("repo-revision-hint"),
            RepoError::SigningNotSsh { .. } => said!("repo-signing-not-ssh-hint"),
            RepoError::SigningNoKey => said!("repo-signing-no-key-hint"),
            RepoError::HookInput(_) => said!("repo-hook-input-hint"),
            RepoError::SigningKeyLocked { path } => {
                said!("repo-signing-key-locked-hint", path = &path.display())
            }
            RepoError::SigningFailed { .. } => said!("repo-signing-failed-hint"),
            RepoError::Store(_) | RepoError::Io { .. } | RepoError::Git(_) => {
                said!("repo-local-failure-hint")
            }
            _ => return None,
        })
    }
}

/// Whether libgit2 failed on a lock file someone else holds (or an interrupted process left).
/// A fetch reports it without `ErrorCode::Locked`, as an OS error worded "failed to lock
/// file", so the wording is the only sign left.
pub(crate) fn is_lock(e: &git2::Error) -> bool {
    e.code() == git2::ErrorCode::Locked
        || (e.class() == git2::ErrorClass::Os && e.message().starts_with("failed to lock file"))
}

/// An io error with its path.
pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> RepoError + '_ {
    move |source| RepoError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A plan inside a git repository.
pub struct PlanRepo {
    /// The repository.
    pub repo: git2::Repository,
    /// The plan folder, relative to the repository's work tree (`""` when it is the root), with
    /// `/` separators.
    pub prefix: String,
}

impl PlanRepo {
    /// The repository holding the plan at `root`, which must have been set up for khutta.
    pub fn open(root: &Path) -> Result<PlanRepo, RepoError> {
        let r = Self::discover(root)?;
        let recorded = r.repo.config()?.get_string("khutta.plan").ok();
        match recorded {
            Some(p) if p.trim_matches('/').trim_start_matches('.') == r.prefix => Ok(r),
            _ => Err(RepoError::NotSetUp),
        }
    }

    /// The repository holding the plan at `root`, set up or not.
    pub fn discover(root: &Path) -> Result<PlanRepo, RepoError> {
        let not_repo = || RepoError::NotARepository {
            path: root.to_path_buf(),
        };
        let repo = git2::Repository::discover(root).map_err(|_| not_repo())?;
        let workdir = repo.workdir().ok_or_else(not_repo)?;
        let (abs_root, abs_work) = (
            std::fs::canonicalize(root).map_err(io(root))?,
            std::fs::canonicalize(workdir).map_err(io(workdir))?,
        );
        let rel = abs_root.strip_prefix(&abs_work).map_err(|_| not_repo())?;
        let prefix = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        Ok(PlanRepo { repo, prefix })
    }

    /// The plan folder in the work tree.
    pub(crate) fn plan_root(&self) -> Result<PathBuf, RepoError> {
        let workdir = self
            .repo
            .workdir()
            .ok_or_else(|| RepoError::NotARepository {
                path: self.repo.path().to_path_buf(),
            })?;
        Ok(workdir.join(&self.prefix))
    }

    /// A path inside the plan as a path in the repository.
    pub(crate) fn in_repo(&self, rel: &str) -> String {
        if self.prefix.is_empty() {
            rel.to_owned()
        } else {
            format!("{}/{rel}", self.prefix)
        }
    }

    /// The author and committer for a commit: git's config and the `GIT_AUTHOR_*` and
    /// `GIT_COMMITTER_*` variables, as git itself reads them.
    pub(crate) fn signatures(
        &self,
    ) -> Result<(git2::Signature<'static>, git2::Signature<'static>), RepoError> {
        let author = self
            .repo
            .author_from_env()
            .map_err(|_| RepoError::NoIdentity)?;
        let committer = self
            .repo
            .committer_from_env()
            .map_err(|_| RepoError::NoIdentity)?;
        Ok((author, committer))
    }
}
