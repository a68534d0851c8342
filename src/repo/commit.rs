//! Committing the plan: only the plan's own paths, whatever else is staged in the repository.

use super::{PlanRepo, RepoError};
use git2::{IndexAddOption, Oid, Repository, Tree};

/// A commit that was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed {
    /// Its id.
    pub id: super::CommitId,
    /// How many plan files it changed.
    pub files: usize,
    /// Files of the plan folder that changed but are not plan files (notes, an editor's swap
    /// files and backups), left out of the commit.
    pub left: Vec<String>,
}

/// Whether a path in the plan folder is a file khutta commits: a plan file, the rules
/// (`governance.ron`), or the folder's `.gitattributes` and `.gitignore`, which `init` and
/// `git-setup` keep.
fn is_plan_file(rel: &str) -> bool {
    crate::model::Unit::from_path(rel).is_some()
        || rel == crate::model::GOVERNANCE_FILE
        || rel == ".gitattributes"
        || rel == ".gitignore"
}

/// Every file of the plan folder that differs from the last commit, as a path in the
/// repository, with git's status of each (khutta's own temporary files left out).
fn changes(r: &PlanRepo) -> Result<Vec<(String, git2::Status)>, RepoError> {
    let mut opts = git2::StatusOptions::new();
    opts.include_untracked(true)
        .recurse_untracked_dirs(true)
        .include_ignored(false);
    if !r.prefix.is_empty() {
        opts.pathspec(format!("{}/", r.prefix));
    }
    let statuses = r.repo.statuses(Some(&mut opts))?;
    Ok(statuses
        .iter()
        .filter_map(|s| s.path().ok().map(|p| (p.to_owned(), s.status())))
        .filter(|(p, _)| !p.ends_with(crate::store::layout::TMP_SUFFIX))
        .collect())
}

/// The plan's path of a path in the repository.
fn in_plan<'p>(r: &PlanRepo, path: &'p str) -> &'p str {
    if r.prefix.is_empty() {
        path
    } else {
        path.strip_prefix(&r.prefix)
            .and_then(|p| p.strip_prefix('/'))
            .unwrap_or(path)
    }
}

/// The plan's files that differ from the last commit, with git's status of each. Other files
/// in the plan folder (notes, backups) are not the plan's and are left out.
pub fn pending_changes(r: &PlanRepo) -> Result<Vec<(String, git2::Status)>, RepoError> {
    Ok(changes(r)?
        .into_iter()
        .filter(|(p, _)| is_plan_file(in_plan(r, p)))
        .collect())
}

/// Files of the plan folder that changed and are not plan files.
pub fn stray_changes(r: &PlanRepo) -> Result<Vec<String>, RepoError> {
    Ok(changes(r)?
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !is_plan_file(in_plan(r, p)))
        .collect())
}

/// Stages the plan's files and commits them with `message`. Fails with
/// [`RepoError::NothingToCommit`] when the plan is as in the last commit (unless this is the
/// repository's first commit and `allow_first` is set).
pub fn commit(r: &PlanRepo, message: &str, allow_first: bool) -> Result<Committed, RepoError> {
    let repo = &r.repo;
    // A signature that cannot be made is known before anything is staged.
    super::signing::settings(repo)?;
    let spec = if r.prefix.is_empty() {
        "*".to_owned()
    } else {
        format!("{}/*", r.prefix)
    };
    let left = stray_changes(r)?;
    let mut index = repo.index()?;
    // Only plan files enter the commit: notes, swap files and backups stay where they are.
    let mut skip = |p: &std::path::Path, _: &[u8]| {
        let p = p.to_string_lossy();
        i32::from(!is_plan_file(in_plan(r, &p)))
    };
    index.add_all([&spec], IndexAddOption::DEFAULT, Some(&mut skip))?;
    index.update_all([&spec], Some(&mut skip))?;
    index.write()?;
    commit_index(r, &mut index, message, allow_first, left)
}

/// Commits files just written into the plan folder (`init`), given with the ids of the bytes
/// written (already in the object database): each is staged from its id and its file's stat,
/// which git's `add` would find the same, without reading the files back, filtering them or
/// resolving each path on disk.
pub(super) fn commit_written(
    r: &PlanRepo,
    message: &str,
    files: &[(String, Oid)],
) -> Result<Committed, RepoError> {
    let repo = &r.repo;
    super::signing::settings(repo)?;
    let root = r.plan_root()?;
    let mut index = repo.index()?;
    let mut entries = files
        .iter()
        .map(|(rel, id)| {
            let meta = std::fs::symlink_metadata(root.join(rel)).map_err(|source| {
                RepoError::Store(crate::store::StoreError::Io {
                    path: root.join(rel),
                    source,
                })
            })?;
            Ok(entry(r.in_repo(rel), *id, &meta))
        })
        .collect::<Result<Vec<_>, RepoError>>()?;
    // In git's order, so that each entry goes at the end of the index.
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    for e in &entries {
        index.add(e)?;
    }
    index.write()?;
    tracing::debug!(files = entries.len(), "commit: staged what was written");
    commit_index(r, &mut index, message, true, Vec::new())
}

/// An index entry for the file at `path` holding blob `id`, with the stat `git status` will
/// compare with. Marked up to date: the blob is the bytes just written, so libgit2 need not
/// re-read the file when the index is written in the same tick as the file.
fn entry(path: String, id: Oid, meta: &std::fs::Metadata) -> git2::IndexEntry {
    #[cfg(unix)]
    let (ctime, mtime, dev, ino, uid, gid, executable) = {
        use std::os::unix::fs::MetadataExt;
        let time = |s: i64, ns: i64| {
            git2::IndexTime::new(
                i32::try_from(s).unwrap_or(i32::MAX),
                u32::try_from(ns).unwrap_or(0),
            )
        };
        // The index keeps 32 bits of the device and inode numbers, as git's does.
        let (dev, ino) = (meta.dev() as u32, meta.ino() as u32);
        (
            time(meta.ctime(), meta.ctime_nsec()),
            time(meta.mtime(), meta.mtime_nsec()),
            dev,
            ino,
            meta.uid(),
            meta.gid(),
            meta.mode() & 0o111 != 0,
        )
    };
    #[cfg(not(unix))]
    let (ctime, mtime, dev, ino, uid, gid, executable) = {
        let t = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .unwrap_or_default();
        let t = git2::IndexTime::new(
            i32::try_from(t.as_secs()).unwrap_or(i32::MAX),
            t.subsec_nanos(),
        );
        (t, t, 0, 0, 0, 0, false)
    };
    git2::IndexEntry {
        ctime,
        mtime,
        dev,
        ino,
        mode: if executable { 0o100_755 } else { 0o100_644 },
        uid,
        gid,
        file_size: u32::try_from(meta.len()).unwrap_or(u32::MAX),
        id,
        flags: 0,
        flags_extended: git2::IndexEntryExtendedFlag::UPTODATE.bits(),
        path: path.into_bytes(),
    }
}

/// Commits what `index` holds of the plan folder, on top of HEAD.
fn commit_index(
    r: &PlanRepo,
    index: &mut git2::Index,
    message: &str,
    allow_first: bool,
    left: Vec<String>,
) -> Result<Committed, RepoError> {
    let repo = &r.repo;
    let staged = repo.find_tree(index.write_tree()?)?;
    let head = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let head_tree = head.as_ref().map(|c| c.tree()).transpose()?;
    // The plan's subtree as staged, grafted onto the last commit's tree: other staged work in
    // a larger repository stays staged and out of this commit.
    let tree_id = if r.prefix.is_empty() {
        staged.id()
    } else {
        let plan_tree = staged.get_path(std::path::Path::new(&r.prefix))?.id();
        let parts: Vec<&str> = r.prefix.split('/').collect();
        graft(repo, head_tree.as_ref(), &parts, plan_tree)?
    };
    if head_tree.as_ref().map(Tree::id) == Some(tree_id)
        || (head.is_none() && !allow_first && staged.is_empty())
    {
        return Err(RepoError::NothingToCommit(left));
    }
    let files = changed_files(
        repo,
        head_tree.as_ref(),
        &repo.find_tree(tree_id)?,
        &r.prefix,
    )?;
    let (author, committer) = r.signatures()?;
    let tree = repo.find_tree(tree_id)?;
    let parents: Vec<&git2::Commit> = head.iter().collect();
    // A commit changes no file, but the log lists it with the rest of what happened.
    let first = message.lines().next().unwrap_or("").to_owned();
    super::oplog::OpLog::of(super::PlanRepo::open(&r.plan_root()?)?)?
        .record(super::oplog::OpKind::Commit { message: first }, &[])?;
    let id = super::signing::write_commit(
        repo,
        Some("HEAD"),
        &author,
        &committer,
        message,
        &tree,
        &parents,
    )?;
    tracing::info!(commit = %id, files, left = left.len(), "committed");
    Ok(Committed {
        id: id.into(),
        files,
        left,
    })
}

/// `base` with the subtree at `path` replaced by `subtree`.
pub(super) fn graft(
    repo: &Repository,
    base: Option<&Tree>,
    path: &[&str],
    subtree: Oid,
) -> Result<Oid, git2::Error> {
    let Some((first, rest)) = path.split_first() else {
        return Ok(subtree);
    };
    let mut builder = repo.treebuilder(base)?;
    let child = if rest.is_empty() {
        subtree
    } else {
        let existing = base
            .and_then(|t| t.get_name(first))
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok());
        graft(repo, existing.as_ref(), rest, subtree)?
    };
    builder.insert(first, child, 0o040000)?;
    builder.write()
}

/// How many files under `prefix` differ between two trees.
fn changed_files(
    repo: &Repository,
    old: Option<&Tree>,
    new: &Tree,
    prefix: &str,
) -> Result<usize, git2::Error> {
    let mut opts = git2::DiffOptions::new();
    if !prefix.is_empty() {
        opts.pathspec(prefix);
    }
    Ok(repo
        .diff_tree_to_tree(old, Some(new), Some(&mut opts))?
        .deltas()
        .len())
}
