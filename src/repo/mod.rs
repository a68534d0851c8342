//! The plan in git: setting a repository up for khutta, committing, history, sync and merge.
//!
//! A plan may be the whole repository or a folder inside a larger one; khutta stages, commits
//! and reads only the plan's own paths. A repository is khutta's once `khutta init` or
//! `khutta git-setup` has recorded the plan's folder in its local config (`khutta.plan`), so
//! that khutta never commits into a repository that merely contains a plan (such as khutta's
//! own source, which carries the bundled plan).

mod auth;
mod blame;
mod commit;
mod history;
pub mod merge_state;
mod merging;
mod review;
mod revision;
mod setup;
mod sync;

pub use blame::{ACTIVITY_FIELDS, FieldBlame};
pub use commit::{Committed, commit, pending_changes};
pub use history::LogEntry;
pub use merging::{MergeStep, abort, finish, in_progress, merge_commits, resolve};
pub use review::{BASELINE_TAG_PREFIX, Baseline};
pub use revision::{RevisionError, plan_to_tree};
pub use setup::{InitOptions, git_setup, init};
pub use sync::{SyncEvent, SyncOptions, SyncOutcome, sync};

use std::path::{Path, PathBuf};

/// Failures of the git layer, each saying what a person can do.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The plan is not inside a git repository.
    #[error("`{}` is not inside a git repository", path.display())]
    NotARepository {
        /// The plan folder.
        path: PathBuf,
    },
    /// The repository was not set up for khutta.
    #[error("this repository is not set up for khutta")]
    NotSetUp,
    /// git has no author identity.
    #[error("git does not know who you are: user.name and user.email are not set")]
    NoIdentity,
    /// There is nothing to commit.
    #[error("nothing to commit: the plan's files are as in the last commit")]
    NothingToCommit,
    /// The folder to create a plan in is not empty.
    #[error("`{}` already holds a plan", path.display())]
    AlreadyAPlan {
        /// The folder.
        path: PathBuf,
    },
    /// The revision has no plan in this repository's plan folder.
    #[error("there is no plan at {0}")]
    NoPlanAt(String),
    /// A revision name that does not name a commit.
    #[error("`{0}` is not a commit, branch or tag of this repository")]
    NoSuchRevision(String),
    /// A plan file of a revision could not be read.
    #[error(transparent)]
    Revision(#[from] revision::RevisionError),
    /// A merge is waiting for its conflicts to be resolved.
    #[error("a merge is in progress: resolve its conflicts, or abort it")]
    MergeInProgress,
    /// There is no merge in progress.
    #[error("there is no merge in progress")]
    NoMerge,
    /// Conflicts are left in the merge in progress.
    #[error("{0} conflicts are left to resolve")]
    ConflictsLeft(usize),
    /// A choice could not be applied to the merge.
    #[error("cannot resolve: {0}")]
    Resolve(String),
    /// Files outside the plan conflict, and khutta merges only the plan.
    #[error("files outside the plan conflict: {}", .0.join(", "))]
    FileConflicts(Vec<String>),
    /// The plan has changes that are not committed.
    #[error("the plan has changes that are not committed")]
    Uncommitted,
    /// HEAD is not on a branch.
    #[error("HEAD is not on a branch, so there is nothing to sync")]
    DetachedHead,
    /// The remote does not exist.
    #[error("there is no remote `{0}`")]
    NoRemote(String),
    /// The remote could not be reached.
    #[error("cannot reach `{remote}`: {message}")]
    Network {
        /// The remote.
        remote: String,
        /// What the network layer said.
        message: String,
    },
    /// The remote refused every credential.
    #[error("`{remote}` refused: {message}")]
    Auth {
        /// The remote.
        remote: String,
        /// What was tried.
        message: String,
    },
    /// The server refused the push (a hook, a protected branch).
    #[error("the server refused to update {refname}: {message}")]
    Rejected {
        /// The ref.
        refname: String,
        /// The server's message.
        message: String,
    },
    /// Someone pushed first (retried inside `sync`).
    #[error("the remote moved while pushing")]
    PushRaced,
    /// The remote moved on every attempt.
    #[error("`{0}` kept moving while khutta pushed; try again in a moment")]
    RemoteKeepsMoving(String),
    /// Reading or writing the plan failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// libgit2 failed.
    #[error("git: {0}")]
    Git(#[from] git2::Error),
    /// A baseline of that name exists already.
    #[error("there is already a baseline `{0}`")]
    BaselineExists(String),
    /// A baseline name git cannot use in a tag.
    #[error("`{0}` cannot be a baseline name")]
    BadBaselineName(String),
    /// The activity is not in the plan at that revision.
    #[error("there is no activity `{id}` at {rev}")]
    NoSuchActivity {
        /// The activity.
        id: String,
        /// The revision, abbreviated.
        rev: String,
    },
    /// A field that activities do not have.
    #[error("activities have no field `{field}`; they have: {}", known.join(", "))]
    NoSuchField {
        /// The field asked for.
        field: String,
        /// The fields there are.
        known: Vec<&'static str>,
    },
}

impl RepoError {
    /// What to do about it.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            RepoError::NotARepository { .. } => "create one with `khutta init DIR --from PLAN`".into(),
            RepoError::NotSetUp => {
                "run `khutta git-setup` in a clone of a plan repository; to start a repository from this plan, run `khutta init DIR --from PLAN`".into()
            }
            RepoError::NoIdentity => "set them once: git config --global user.name \"Your Name\" && git config --global user.email you@example.org".into(),
            RepoError::AlreadyAPlan { .. } => "choose an empty or new folder".into(),
            RepoError::MergeInProgress | RepoError::ConflictsLeft(_) => {
                "see them with `khutta merge`, settle each with `khutta merge --take ours|theirs N` or in the TUI, then `khutta merge --continue`; or `khutta merge --abort`".into()
            }
            RepoError::Uncommitted => "commit them first: khutta commit -m \"what changed\"".into(),
            RepoError::Network { .. } => "nothing was lost: your commits are still here; sync again when the remote is reachable".into(),
            RepoError::Auth { .. } => {
                "add your key to ssh-agent (ssh-add), or set up git's credential helper for this host; khutta stores no credential".into()
            }
            RepoError::Rejected { .. } => "nothing was lost; ask the repository's maintainers about the server's rule".into(),
            RepoError::FileConflicts(_) => "merge these files with git itself (git merge), then sync again".into(),
            RepoError::NoRemote(_) => "add one: git remote add origin URL".into(),
            RepoError::BaselineExists(name) => {
                format!("choose another name, or replace it with `khutta baseline {name} --force`")
            }
            RepoError::BadBaselineName(_) => {
                "use letters, digits, dots, dashes and slashes, such as `2026-q1` or `donor/approved`".into()
            }
            RepoError::NoSuchActivity { .. } => {
                "an activity renamed since is blamed by its new id; `khutta log --activity ID` lists its commits".into()
            }
            _ => return None,
        })
    }
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

    /// A path inside the plan as a path in the repository.
    pub fn in_repo(&self, rel: &str) -> String {
        if self.prefix.is_empty() {
            rel.to_owned()
        } else {
            format!("{}/{rel}", self.prefix)
        }
    }

    /// The author and committer for a commit: git's config and the `GIT_AUTHOR_*` and
    /// `GIT_COMMITTER_*` variables, as git itself reads them.
    pub fn signatures(
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
