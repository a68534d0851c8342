//! The tree of the whole repository that a merge starts from, before the plan folder is
//! replaced by the plan merged by meaning.
//!
//! libgit2's merge of two commits reads the three trees into an index of every file and writes
//! all of it back: on a plan of 10,000 activities that alone cost a third of a sync that
//! merges one partner's change. When the two sides changed different files (the usual case:
//! one file per entity, so partners who edit different activities never touch the same one),
//! the merge is known without it: our tree with their changed files put in, which is what
//! libgit2 writes for such a merge (a file changed on one side only is taken from that side).
//! Anything else (files both sides changed, a file on one side where the other has a folder,
//! several merge bases, links to other repositories, unusual file modes) goes to libgit2.

use super::{PlanRepo, RepoError};
use git2::{Commit, Delta, FileMode, Oid, Repository, Tree};
use std::collections::BTreeSet;

/// The repository merged by files: libgit2's merge, whose conflicts in plan entity files are
/// dropped (the plan is merged by meaning and rewritten), or our tree with their changes put
/// in when the sides changed different files. Conflicts in other files are an error.
pub(super) fn merged_files<'r>(
    r: &'r PlanRepo,
    ours: &Commit,
    theirs: &Commit,
) -> Result<Tree<'r>, RepoError> {
    match side_by_side(&r.repo, ours, theirs)? {
        Some(tree) => Ok(tree),
        None => by_libgit2(r, ours, theirs),
    }
}

/// libgit2's merge of the two commits, written as a tree.
pub(super) fn by_libgit2<'r>(
    r: &'r PlanRepo,
    ours: &Commit,
    theirs: &Commit,
) -> Result<Tree<'r>, RepoError> {
    let repo = &r.repo;
    let mut index = repo.merge_commits(ours, theirs, None)?;
    let in_plan =
        |p: &str| r.prefix.is_empty() || p == r.prefix || p.starts_with(&format!("{}/", r.prefix));
    let mut others = Vec::new();
    let conflicted: Vec<String> = index
        .conflicts()?
        .filter_map(Result::ok)
        .filter_map(|c| {
            c.our
                .or(c.their)
                .or(c.ancestor)
                .map(|e| String::from_utf8_lossy(&e.path).into_owned())
        })
        .collect();
    for p in conflicted {
        if in_plan(&p) && p.ends_with(".ron") {
            index.conflict_remove(std::path::Path::new(&p))?;
        } else {
            others.push(p);
        }
    }
    if !others.is_empty() {
        return Err(RepoError::FileConflicts(others));
    }
    Ok(repo.find_tree(index.write_tree_to(repo)?)?)
}

/// A file one side changed: its path and what it holds now (`None`: deleted).
pub(super) struct Change {
    /// The path in the repository.
    pub path: String,
    /// Its blob and mode now.
    pub now: Option<(Oid, FileMode)>,
}

/// Our tree with their changed files put in, when the two sides changed different files and
/// nothing else calls for libgit2 (see the module's documentation); `None` otherwise.
fn side_by_side<'r>(
    repo: &'r Repository,
    ours: &Commit,
    theirs: &Commit,
) -> Result<Option<Tree<'r>>, RepoError> {
    let Some(yours) = their_changes(repo, ours, theirs)? else {
        return Ok(None);
    };
    let mut update = git2::build::TreeUpdateBuilder::new();
    for c in &yours {
        match c.now {
            Some((id, mode)) => update.upsert(&c.path, id, mode),
            None => update.remove(&c.path),
        };
    }
    let id = update.create_updated(repo, &ours.tree()?)?;
    Ok(Some(repo.find_tree(id)?))
}

/// Their changes since the merge base, when putting them into our tree is the merge (the two
/// sides changed different files, and nothing else calls for libgit2); `None` otherwise.
pub(super) fn their_changes(
    repo: &Repository,
    ours: &Commit,
    theirs: &Commit,
) -> Result<Option<Vec<Change>>, RepoError> {
    let bases = match repo.merge_bases(ours.id(), theirs.id()) {
        Ok(b) => b,
        Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    // Several bases make libgit2 merge them into a virtual one first.
    let [base] = bases.iter().collect::<Vec<_>>()[..] else {
        return Ok(None);
    };
    let base = repo.find_commit(*base)?.tree()?;
    let our_tree = ours.tree()?;
    let (Some(mine), Some(yours)) = (
        changes(repo, &base, &our_tree)?,
        changes(repo, &base, &theirs.tree()?)?,
    ) else {
        return Ok(None);
    };
    let mine: BTreeSet<&str> = mine.iter().map(|c| c.path.as_str()).collect();
    if yours.iter().any(|c| touches(&mine, &c.path)) {
        return Ok(None);
    }
    // A file of theirs that became a folder (or the other way) is one change libgit2 makes
    // and a list of updates cannot: it would put a file where a folder still is.
    let paths: BTreeSet<&str> = yours.iter().map(|c| c.path.as_str()).collect();
    if yours.iter().any(|c| holds_more(&paths, &c.path)) {
        return Ok(None);
    }
    Ok(Some(yours))
}

/// The files that differ from `base` to `side`, or `None` when one of them is not a plain
/// file, an executable or a link with a UTF-8 path.
fn changes(repo: &Repository, base: &Tree, side: &Tree) -> Result<Option<Vec<Change>>, RepoError> {
    let diff = repo.diff_tree_to_tree(Some(base), Some(side), None)?;
    let plain = |m: FileMode| {
        matches!(
            m,
            FileMode::Blob | FileMode::BlobExecutable | FileMode::Link
        )
    };
    let mut out = Vec::with_capacity(diff.deltas().len());
    for d in diff.deltas() {
        let (old, new) = (d.old_file(), d.new_file());
        let now = match d.status() {
            Delta::Added | Delta::Modified if plain(new.mode()) => Some((new.id(), new.mode())),
            Delta::Deleted => None,
            _ => return Ok(None),
        };
        if d.status() != Delta::Added && !plain(old.mode()) {
            return Ok(None);
        }
        let Some(path) = new.path().or(old.path()).and_then(|p| p.to_str()) else {
            return Ok(None);
        };
        out.push(Change {
            path: path.to_owned(),
            now,
        });
    }
    Ok(Some(out))
}

/// Whether `path` is one of `paths`, lies in a folder that is one of them, or is a folder
/// holding one of them: two such changes are not independent.
fn touches(paths: &BTreeSet<&str>, path: &str) -> bool {
    if paths.contains(path) {
        return true;
    }
    let mut folder = path;
    while let Some((up, _)) = folder.rsplit_once('/') {
        if paths.contains(up) {
            return true;
        }
        folder = up;
    }
    holds_more(paths, path)
}

/// Whether `path`, as a folder, holds one of `paths`.
fn holds_more(paths: &BTreeSet<&str>, path: &str) -> bool {
    let inside = format!("{path}/");
    paths
        .range(inside.as_str()..)
        .next()
        .is_some_and(|p| p.starts_with(&inside))
}

#[cfg(test)]
mod tests;
