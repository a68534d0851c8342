//! The operation log: every save, commit, sync, merge step and resolution records, before it
//! writes, what the plan files it is about to change held, so that any step a person regrets
//! can be taken back (the anchor is jj's operation log).
//!
//! Each operation is a commit object on `refs/khutta/ops`: its tree holds the files the
//! operation changes as they were before it (at their paths in the plan folder), its message
//! the record (what, when, who, which files, where HEAD and a waiting merge stood). The plan's
//! own repository keeps the log when khutta is set up there; a plan outside git (or in a
//! repository not set up for khutta) keeps it in a private repository in the user's state
//! folder. Undoing puts the files back as they were before an operation, as a new change that
//! is itself an operation; history already committed, pushed or not, is never rewritten.

use super::merge_state::MergeState;
use super::{PlanRepo, RepoError};
use crate::store::{FileWrite, content_hash};
use git2::{Oid, Repository, Signature};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The ref that holds the log.
pub const OPS_REF: &str = "refs/khutta/ops";

/// What an operation did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum OpKind {
    /// The TUI saved edited files.
    Save,
    /// `khutta fmt` rewrote files into canonical form.
    Fmt,
    /// Answers were imported into a consultation round.
    Import {
        /// The round.
        round: String,
    },
    /// Files of another tool (`khutta import FORMAT`) were imported into the plan.
    ImportFiles {
        /// The format (`csv`).
        format: String,
    },
    /// A commit of the plan.
    Commit {
        /// Its message's first line.
        message: String,
    },
    /// A sync with a remote brought its changes into the files.
    Sync {
        /// The remote.
        remote: String,
    },
    /// A conflict of the merge in progress was settled.
    Resolve {
        /// The file and field.
        conflict: String,
    },
    /// The merge commit was made.
    MergeCommit,
    /// The merge in progress was abandoned.
    MergeAbort,
    /// An earlier operation was taken back.
    Undo {
        /// Which.
        of: u64,
    },
}

impl OpKind {
    /// What the operation did, in words any reader's language can show.
    pub fn said(&self) -> crate::i18n::Said {
        use crate::said;
        match self {
            OpKind::Save => said!("op-save"),
            OpKind::Fmt => said!("op-fmt"),
            OpKind::Import { round } => said!("op-import", round = round),
            OpKind::ImportFiles { format } => said!("op-import-files", format = format),
            OpKind::Commit { message } => said!("op-commit", message = message),
            OpKind::Sync { remote } => said!("op-sync", remote = remote),
            OpKind::Resolve { conflict } => said!("op-resolve", conflict = conflict),
            OpKind::MergeCommit => said!("op-merge-commit"),
            OpKind::MergeAbort => said!("op-merge-abort"),
            OpKind::Undo { of } => said!("op-undo", number = *of),
        }
    }
}

/// One file as an operation found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touched {
    /// Its path in the plan folder.
    pub path: String,
    /// Whether it existed before the operation (its content is in the record's tree).
    pub existed: bool,
}

/// One operation of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Op {
    /// Its number, from 1.
    pub n: u64,
    /// What it did.
    #[serde(flatten)]
    pub kind: OpKind,
    /// When, as seconds since the epoch.
    pub when: i64,
    /// Who (git's identity, or the login name).
    pub who: String,
    /// The files it was about to change.
    pub files: Vec<Touched>,
    /// HEAD before it, when the plan is in git.
    pub head: Option<String>,
    /// The merge waiting before it, if one was.
    pub merge: Option<MergeState>,
}

/// Where the log of a plan is kept.
pub struct OpLog {
    repo: Repository,
    /// The plan folder in the work tree.
    root: PathBuf,
    /// The plan's own repository, when the log is kept there.
    plan_repo: Option<PlanRepo>,
}

/// What taking an operation back did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undone {
    /// The operation that put the files back.
    pub op: u64,
    /// The files put back.
    pub files: Vec<String>,
    /// Whether the merge waiting before the operation is waiting again.
    pub merge_restored: bool,
}

impl OpLog {
    /// The log of the plan at `root`: in its repository when khutta is set up there, else in
    /// a private one in khutta's state folder `state` (see [`crate::folders`]).
    pub fn open(root: &Path, state: Option<&Path>) -> Result<OpLog, RepoError> {
        if let Ok(r) = PlanRepo::open(root) {
            return OpLog::of(r);
        }
        let dir = state
            .and_then(|s| journal_dir(s, root))
            .ok_or_else(|| RepoError::Io {
                path: root.to_path_buf(),
                source: std::io::Error::other("no state folder: set HOME or XDG_STATE_HOME"),
            })?;
        let repo = match Repository::open_bare(&dir) {
            Ok(r) => r,
            Err(_) => {
                std::fs::create_dir_all(&dir).map_err(super::io(&dir))?;
                Repository::init_bare(&dir)?
            }
        };
        Ok(OpLog {
            repo,
            root: root.to_path_buf(),
            plan_repo: None,
        })
    }

    /// The log kept in the plan's own repository.
    pub fn of(r: PlanRepo) -> Result<OpLog, RepoError> {
        Ok(OpLog {
            repo: Repository::open(r.repo.path())?,
            root: r.plan_root()?,
            plan_repo: Some(r),
        })
    }

    /// Records, before it writes, that an operation is about to change `files` (paths in the
    /// plan folder): their content now is kept. Returns the operation's number.
    pub fn record(&self, kind: OpKind, files: &[String]) -> Result<u64, RepoError> {
        let parent = self.tip()?;
        let n = match &parent {
            Some(c) => read(c)?.n + 1,
            None => 1,
        };
        let mut tree = TreeDraft::default();
        let mut touched = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for path in files {
            if !seen.insert(path.clone()) {
                continue;
            }
            let full = self.root.join(path);
            let bytes = crate::store::read_bounded(&full, crate::store::MAX_FILE_BYTES).ok();
            if let Some(b) = &bytes {
                tree.add(path, self.repo.blob(b)?);
            }
            touched.push(Touched {
                path: path.clone(),
                existed: bytes.is_some(),
            });
        }
        let (head, merge) = match &self.plan_repo {
            Some(r) => (
                r.repo
                    .head()
                    .ok()
                    .and_then(|h| h.target())
                    .map(|o| o.to_string()),
                super::merge_state::load(r)?,
            ),
            None => (None, None),
        };
        let sig = self.signature()?;
        let op = Op {
            n,
            kind,
            when: sig.when().seconds(),
            who: sig.name().unwrap_or("?").to_owned(),
            files: touched,
            head,
            merge,
        };
        let message = serde_json::to_string(&op).map_err(|e| RepoError::Io {
            path: self.repo.path().to_path_buf(),
            source: std::io::Error::other(e),
        })?;
        let tree = self.repo.find_tree(tree.write(&self.repo)?)?;
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        let id = self
            .repo
            .commit(None, &sig, &sig, &message, &tree, &parents)?;
        // The ref moves only if no one else recorded meanwhile; otherwise try on top of theirs.
        let why = "khutta: record an operation";
        let moved = match &parent {
            Some(p) => self.repo.reference_matching(OPS_REF, id, true, p.id(), why),
            None => self.repo.reference(OPS_REF, id, false, why),
        };
        match moved {
            Ok(_) => Ok(n),
            Err(e)
                if matches!(
                    e.code(),
                    git2::ErrorCode::Modified | git2::ErrorCode::Exists
                ) =>
            {
                self.record(op.kind, files)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The last `limit` operations, newest first.
    pub fn list(&self, limit: usize) -> Result<Vec<Op>, RepoError> {
        let mut out = Vec::new();
        let mut next = self.tip()?;
        while let Some(c) = next {
            if out.len() >= limit {
                break;
            }
            out.push(read(&c)?);
            next = c.parent(0).ok();
        }
        Ok(out)
    }

    /// Puts the plan files back as they were before operation `n`: every file an operation
    /// from `n` on changed takes the content it had before the first of them. A new
    /// operation, recorded first; a merge that waited then and whose HEAD is still HEAD
    /// waits again with its choices as they were.
    pub fn undo(&self, n: u64) -> Result<Undone, RepoError> {
        let mut back: BTreeMap<String, Option<Oid>> = BTreeMap::new();
        let mut target = None;
        let mut next = self.tip()?;
        while let Some(c) = next {
            let op = read(&c)?;
            if op.n < n {
                break;
            }
            let tree = c.tree()?;
            for t in &op.files {
                let blob = if t.existed {
                    Some(tree.get_path(Path::new(&t.path))?.id())
                } else {
                    None
                };
                // Older operations overwrite: the first of them saw the file as it was then.
                back.insert(t.path.clone(), blob);
            }
            next = c.parent(0).ok();
            target = Some(op);
        }
        let target = target
            .filter(|op| op.n == n)
            .ok_or(RepoError::NoSuchOperation(n))?;
        let files: Vec<String> = back.keys().cloned().collect();
        let op = self.record(OpKind::Undo { of: n }, &files)?;
        let mut writes = Vec::new();
        for (path, blob) in &back {
            let bytes = blob
                .map(|b| self.repo.find_blob(b).map(|b| b.content().to_vec()))
                .transpose()?;
            let full = self.root.join(path);
            let now = crate::store::read_bounded(&full, crate::store::MAX_FILE_BYTES).ok();
            if now == bytes {
                continue;
            }
            let Some(unit) = crate::model::Unit::from_path(path) else {
                continue;
            };
            writes.push(FileWrite {
                unit,
                value: None,
                text: bytes.map(|b| String::from_utf8_lossy(&b).into_owned()),
                expected: now.as_deref().map(content_hash),
            });
        }
        let report = crate::store::write_files(&self.root, &writes)?;
        if !report.changed_on_disk.is_empty() {
            return Err(RepoError::HandEdits(report.changed_on_disk));
        }
        let merge_restored = match &self.plan_repo {
            Some(r) => restore_merge(r, &target)?,
            None => false,
        };
        Ok(Undone {
            op,
            files: report.written.into_iter().chain(report.removed).collect(),
            merge_restored,
        })
    }

    fn tip(&self) -> Result<Option<git2::Commit<'_>>, RepoError> {
        match self.repo.find_reference(OPS_REF) {
            Ok(r) => Ok(Some(r.peel_to_commit()?)),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Who records: git's identity where there is one, else the login name.
    fn signature(&self) -> Result<Signature<'static>, RepoError> {
        let from_git = match &self.plan_repo {
            Some(r) => r.repo.author_from_env().ok(),
            None => self.repo.author_from_env().ok(),
        };
        if let Some(s) = from_git {
            return Ok(s);
        }
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "khutta".into());
        Ok(Signature::now(&user, "")?)
    }
}

/// A waiting merge recorded with `op` waits again, when HEAD is still where it was then;
/// when none waited then, a merge started since on that HEAD is forgotten.
fn restore_merge(r: &PlanRepo, op: &Op) -> Result<bool, RepoError> {
    let head = r
        .repo
        .head()
        .ok()
        .and_then(|h| h.target())
        .map(|o| o.to_string());
    if head != op.head {
        return Ok(false);
    }
    match &op.merge {
        Some(m) => super::merge_state::save(r, m)?,
        None => super::merge_state::clear(r)?,
    }
    Ok(op.merge.is_some())
}

fn read(c: &git2::Commit) -> Result<Op, RepoError> {
    serde_json::from_slice(c.message_bytes()).map_err(|e| RepoError::Io {
        path: PathBuf::from(OPS_REF),
        source: std::io::Error::other(e),
    })
}

/// Where the log of a plan outside git lives: khutta's state folder, keyed by the plan's
/// path as the recovery file is.
fn journal_dir(state: &Path, root: &Path) -> Option<PathBuf> {
    let key = crate::store::path_key(root)?;
    Some(state.join("ops").join(format!("{key}.git")))
}

/// A tree of files at nested paths, built bottom-up.
#[derive(Default)]
struct TreeDraft {
    files: BTreeMap<String, Oid>,
    dirs: BTreeMap<String, TreeDraft>,
}

impl TreeDraft {
    fn add(&mut self, path: &str, blob: Oid) {
        match path.split_once('/') {
            Some((dir, rest)) => self.dirs.entry(dir.to_owned()).or_default().add(rest, blob),
            None => {
                self.files.insert(path.to_owned(), blob);
            }
        }
    }

    fn write(&self, repo: &Repository) -> Result<Oid, git2::Error> {
        let mut b = repo.treebuilder(None)?;
        for (name, blob) in &self.files {
            b.insert(name, *blob, 0o100644)?;
        }
        for (name, dir) in &self.dirs {
            b.insert(name, dir.write(repo)?, 0o040000)?;
        }
        b.write()
    }
}

/// Records an operation on the plan at `root` when it can; a log that cannot be written never
/// stops the operation itself (the recovery file and git still guard the work), and the
/// reason is returned for the caller to show.
pub fn record(
    root: &Path,
    state: Option<&Path>,
    kind: OpKind,
    files: &[String],
) -> Option<crate::i18n::Said> {
    let attempt = || OpLog::open(root, state).and_then(|log| log.record(kind.clone(), files));
    match attempt() {
        Ok(_) => None,
        // A khutta killed while recording leaves its lock behind, and every later operation
        // would go unrecorded. The journal outside git is khutta's alone and a record takes
        // milliseconds: a lock still there a second after it was made was left by a process
        // that died. (This runs on a worker thread; the wait never holds a screen.)
        Err(RepoError::Git(e)) if super::is_lock(&e) && PlanRepo::open(root).is_err() => {
            let swept = state.and_then(|s| journal_dir(s, root)).is_some_and(|dir| {
                sweep_stale_locks(&dir) || {
                    std::thread::sleep(STALE_LOCK);
                    sweep_stale_locks(&dir)
                }
            });
            match swept.then(attempt) {
                Some(Ok(_)) => None,
                Some(Err(e)) => Some(e.said()),
                None => Some(RepoError::Git(e).said()),
            }
        }
        Err(e) => Some(e.said()),
    }
}

/// How old a lock of the journal must be to be taken for a dead process's.
const STALE_LOCK: std::time::Duration = std::time::Duration::from_millis(1100);

/// Removes the `.lock` files under the journal `dir` older than [`STALE_LOCK`]; whether any
/// went.
fn sweep_stale_locks(dir: &Path) -> bool {
    let mut swept = false;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let (p, Ok(meta)) = (e.path(), e.metadata()) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "lock")
                && meta
                    .modified()
                    .ok()
                    .and_then(|m| m.elapsed().ok())
                    .is_some_and(|age| age >= STALE_LOCK)
            {
                swept |= std::fs::remove_file(&p).is_ok();
            }
        }
    }
    swept
}

/// The plan files (paths in the plan folder) that differ between two trees of the repository:
/// what checking `to` out over `from` writes.
pub(super) fn plan_paths_between(
    r: &PlanRepo,
    from: &git2::Tree,
    to: &git2::Tree,
) -> Result<Vec<String>, RepoError> {
    let mut opts = git2::DiffOptions::new();
    if !r.prefix.is_empty() {
        opts.pathspec(format!("{}/", r.prefix));
    }
    let diff = r
        .repo
        .diff_tree_to_tree(Some(from), Some(to), Some(&mut opts))?;
    let mut out = Vec::new();
    for d in diff.deltas() {
        for f in [d.old_file(), d.new_file()] {
            let Some(p) = f.path().and_then(|p| p.to_str()) else {
                continue;
            };
            let rel = if r.prefix.is_empty() {
                Some(p)
            } else {
                p.strip_prefix(&r.prefix).and_then(|x| x.strip_prefix('/'))
            };
            if let Some(rel) = rel
                && !out.iter().any(|x| x == rel)
            {
                out.push(rel.to_owned());
            }
        }
    }
    Ok(out)
}

/// Records an operation about to check `to` out over the work tree at `from`.
pub(super) fn record_checkout(
    r: &PlanRepo,
    kind: OpKind,
    from: &git2::Tree,
    to: &git2::Tree,
) -> Result<(), RepoError> {
    let files = plan_paths_between(r, from, to)?;
    OpLog::of(PlanRepo::open(&r.plan_root()?)?)?.record(kind, &files)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A khutta killed while recording leaves the journal's lock behind: the next record takes
    /// it for a dead process's and goes on, instead of leaving every later operation
    /// unrecorded.
    #[test]
    fn a_lock_left_by_a_killed_khutta_does_not_stop_the_journal() {
        let plan = tempfile::tempdir().unwrap();
        let state = tempfile::tempdir().unwrap();
        std::fs::write(plan.path().join("plan.ron"), "PlanMeta()\n").unwrap();
        assert_eq!(
            record(plan.path(), Some(state.path()), OpKind::Save, &[]),
            None
        );
        let dir = journal_dir(state.path(), plan.path()).unwrap();
        // Every ref and the HEAD of the journal locked, as a kill mid-record leaves them.
        let mut locks = vec![dir.join("HEAD.lock")];
        let mut stack = vec![dir.join("refs")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    let mut name = e.path().into_os_string();
                    name.push(".lock");
                    locks.push(name.into());
                }
            }
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(5);
        for l in &locks {
            let f = std::fs::File::create(l).unwrap();
            f.set_modified(old).unwrap();
        }
        assert_eq!(
            record(plan.path(), Some(state.path()), OpKind::Save, &[]),
            None
        );
        assert!(locks.iter().all(|l| !l.exists()));
    }
}
