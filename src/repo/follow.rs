//! Following one activity's file back through history, across its renames, for `blame` and
//! `log --activity`.
//!
//! From a commit where the activity's file is at `path`, each parent holds it at:
//! 1. `path` itself, when the parent has that file (or when the commit has none: an activity
//!    removed since is followed under its name);
//! 2. for a merge whose other side brought the file, the id the activity had where the two
//!    sides parted: the other side is followed back to the commits both sides share, as a
//!    linear history is, renames included. A diff of the merge against this parent would
//!    see all the other side's changes at once, and a rename followed by more changes is no
//!    longer a rename by the diff's rule (`diff/rename.rs`); one commit at a time, it is;
//! 3. otherwise the id this commit renamed it from, by the semantic diff of the files it
//!    changed against that parent (`diff::diff` reports renames);
//!
//! and nowhere when none applies: the activity begins there.

use super::{PlanRepo, RepoError};
use crate::model::EntityKind;
use crate::store::layout::{PlanPath, classify};
use git2::{Commit, Oid, Sort};
use std::collections::HashMap;
use std::path::Path;

/// Blob lookups already made: by the id of the folder holding the file, and its name.
pub(super) type Memo = HashMap<(Oid, String), Option<Oid>>;

/// How many merges deep rule 2 follows a side that itself came through a merge; deeper, the
/// diff of rule 3 answers. It bounds the recursion whatever the history's shape.
const MAX_SIDE_DEPTH: u8 = 8;

impl PlanRepo {
    /// The blob at `path` in `commit`. The folder holding it is looked up by id in `memo`
    /// first: a plan's `activities` tree is large (libgit2 does not cache trees over 4 KiB),
    /// and consecutive commits often share it, or share the file in it.
    pub(super) fn blob_in(
        &self,
        memo: &mut Memo,
        commit: &Commit,
        path: &str,
    ) -> Result<Option<Oid>, RepoError> {
        let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
        let root = commit.tree()?;
        let dir_id = if dir.is_empty() {
            root.id()
        } else {
            match root.get_path(Path::new(dir)) {
                Ok(e) => e.id(),
                Err(e) if e.code() == git2::ErrorCode::NotFound => return Ok(None),
                Err(e) => return Err(e.into()),
            }
        };
        let key = (dir_id, file.to_owned());
        if let Some(b) = memo.get(&key) {
            return Ok(*b);
        }
        let found = match self.repo.find_tree(dir_id) {
            Ok(t) => t.get_name(file).map(|e| e.id()),
            // A file where the folder should be: the activity is not there.
            Err(e) if e.code() == git2::ErrorCode::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        memo.insert(key, found);
        Ok(found)
    }

    /// Where parent number `n` of `commit` holds the activity file that `commit` holds at
    /// `path` (see the module's rules); `depth` counts the merges' sides being followed.
    pub(super) fn path_in_parent(
        &self,
        memo: &mut Memo,
        commit: &Commit,
        parents: &[Commit],
        n: usize,
        path: &str,
        depth: u8,
    ) -> Result<Option<String>, RepoError> {
        let Some(parent) = parents.get(n) else {
            return Ok(None);
        };
        if self.blob_in(memo, parent, path)?.is_some()
            || self.blob_in(memo, commit, path)?.is_none()
        {
            return Ok(Some(path.to_owned()));
        }
        if depth < MAX_SIDE_DEPTH {
            for (i, other) in parents.iter().enumerate() {
                if i != n && self.blob_in(memo, other, path)?.is_some() {
                    return self.id_where_sides_parted(memo, commit, parent, other, path, depth);
                }
            }
        }
        self.renamed_from(parent.id(), commit.id(), path)
    }

    /// Rule 2: the path the activity at `path` in merge `commit`, which came through
    /// `other`, had where `other`'s side parted from `ours`, when `ours` holds it and the
    /// merge no longer does (an id the merge still holds is another activity's).
    fn id_where_sides_parted(
        &self,
        memo: &mut Memo,
        commit: &Commit,
        ours: &Commit,
        other: &Commit,
        path: &str,
        depth: u8,
    ) -> Result<Option<String>, RepoError> {
        let shared = self.follow(
            memo,
            other.id(),
            path,
            Some(ours.id()),
            depth + 1,
            |_, _| Ok(true),
        )?;
        let mut ids: Vec<String> = shared.into_values().flatten().collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            if id != path
                && self.blob_in(memo, ours, &id)?.is_some()
                && self.blob_in(memo, commit, &id)?.is_none()
            {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// Follows the activity file at `path` in `start` back through history, children before
    /// parents (newest first among unrelated commits): `each` is given every commit where the
    /// activity is followed and the paths it has there, and stops the walk by answering
    /// false. Commits reachable from `hide` are not walked; what reached them is returned,
    /// by commit (with no `hide`, what was left when `each` stopped).
    pub(super) fn follow(
        &self,
        memo: &mut Memo,
        start: Oid,
        path: &str,
        hide: Option<Oid>,
        depth: u8,
        mut each: impl FnMut(&Commit, &[String]) -> Result<bool, RepoError>,
    ) -> Result<HashMap<Oid, Vec<String>>, RepoError> {
        let mut pending: HashMap<Oid, Vec<String>> = HashMap::new();
        pending.insert(start, vec![path.to_owned()]);
        let mut walk = self.repo.revwalk()?;
        walk.push(start)?;
        if let Some(h) = hide {
            walk.hide(h)?;
        }
        // Topological: everything handed to a commit arrives before it is visited.
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
        for oid in walk {
            if pending.is_empty() {
                break;
            }
            let oid = oid?;
            let Some(paths) = pending.remove(&oid) else {
                continue;
            };
            let commit = self.repo.find_commit(oid)?;
            if !each(&commit, &paths)? {
                break;
            }
            let parents: Vec<Commit> = commit.parents().collect();
            for path in &paths {
                for (n, p) in parents.iter().enumerate() {
                    if let Some(there) =
                        self.path_in_parent(memo, &commit, &parents, n, path, depth)?
                    {
                        let list = pending.entry(p.id()).or_default();
                        if !list.contains(&there) {
                            list.push(there);
                        }
                    }
                }
            }
        }
        Ok(pending)
    }

    /// The plan-relative form of a repository path.
    pub(super) fn in_plan<'p>(&self, path: &'p str) -> &'p str {
        if self.prefix.is_empty() {
            return path;
        }
        path.strip_prefix(&self.prefix)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(path)
    }

    /// Rule 3: the repository path the activity at `path` had in `parent`, when commit
    /// `child` renamed it. Only the changed files are read, so an unchanged entity that
    /// still referred to the old id does not veto the rename as it would in a full diff; a
    /// commit that renames an id leaves no such reference in practice.
    fn renamed_from(
        &self,
        parent: Oid,
        child: Oid,
        path: &str,
    ) -> Result<Option<String>, RepoError> {
        let rel = self.in_plan(path);
        let Some(PlanPath::Entity(EntityKind::Activity, id)) = classify(rel) else {
            return Ok(None);
        };
        let changed = self.changed_paths(Some(parent), child)?;
        let removed_activity = changed.iter().any(|p| {
            matches!(classify(p), Some(PlanPath::Entity(EntityKind::Activity, _))) && p != rel
        });
        if !removed_activity {
            return Ok(None);
        }
        let (Some(a), Some(b)) = (
            self.partial_plan(Some(parent), &changed),
            self.partial_plan(Some(child), &changed),
        ) else {
            return Ok(None);
        };
        let d = crate::diff::diff(&a, &b);
        Ok(d.kind(EntityKind::Activity)
            .and_then(|k| k.renamed.iter().find(|r| r.to.as_str() == id))
            .map(|r| self.in_repo(&EntityKind::Activity.file_path(&r.from))))
    }
}
