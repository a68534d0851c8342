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

use super::history_index::HistoryIndex;
use super::verify_state::{Blobs, FileChange};
use super::{PlanRepo, RepoError};
use crate::model::{Entity, EntityKind, PLAN_FILE, Plan, PlanMeta};
use crate::store::layout::{PlanPath, classify};
use git2::{Commit, Oid, Sort};
use std::collections::HashMap;
use std::path::Path;

/// What a walk over history has read, so that nothing is read twice: blob lookups by commit
/// and by the folder holding the file, the plan folder's tree of each commit, the folders'
/// entries, what blobs parsed to (by the blob's id: a file that did not change is parsed once
/// for the whole walk), and the index of what each step changed (`history_index`).
#[derive(Default)]
pub(super) struct Memo {
    found: HashMap<(Oid, String), Option<Oid>>,
    /// The blob at a repository path in a commit, as looked up or as a child's step says.
    known: HashMap<(Oid, String), Option<Oid>>,
    plan_trees: HashMap<Oid, Option<Oid>>,
    /// The folders read.
    pub(super) trees: Blobs,
    metas: HashMap<Oid, Option<PlanMeta>>,
    entities: HashMap<(Oid, EntityKind), Option<Entity>>,
    /// The steps known from earlier walks and those found in this one; `None`: the walk
    /// neither reads nor writes the index.
    pub(super) index: Option<HistoryIndex>,
}

impl Memo {
    /// Nothing read yet, and no index.
    pub(super) fn new() -> Memo {
        Memo::default()
    }

    /// Nothing read yet but the index of `repo`'s history: what this walk adds to it is
    /// written by [`Memo::save`].
    pub(super) fn indexed(repo: &PlanRepo) -> Memo {
        Memo {
            index: Some(HistoryIndex::load(repo)),
            ..Memo::default()
        }
    }

    /// Writes the steps this walk found to the index.
    pub(super) fn save(&mut self, repo: &PlanRepo) -> Result<(), RepoError> {
        match &mut self.index {
            Some(index) => index.save(repo),
            None => Ok(()),
        }
    }
}

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
        let key = (commit.id(), path.to_owned());
        if let Some(b) = memo.known.get(&key) {
            return Ok(*b);
        }
        let found = self.look_up_blob(memo, commit, path)?;
        memo.known.insert(key, found);
        Ok(found)
    }

    /// The blob at `path` in `parent`, a parent of `child`: from the blob in `child` and what
    /// the step from `parent` to `child` changed, when the path is a plan file and the step
    /// is in the index (or is now: its trees are joined once and it is added). This is what
    /// spares a walk reading each commit's `activities` folder.
    pub(super) fn blob_in_parent(
        &self,
        memo: &mut Memo,
        child: &Commit,
        parent: &Commit,
        path: &str,
    ) -> Result<Option<Oid>, RepoError> {
        let key = (parent.id(), path.to_owned());
        if let Some(b) = memo.known.get(&key) {
            return Ok(*b);
        }
        let rel = self.in_plan(path);
        let inside = self.prefix.is_empty() || rel.len() < path.len();
        if memo.index.is_none() || !inside || classify(rel).is_none() {
            return self.blob_in(memo, parent, path);
        }
        let (Some(old), Some(new)) = (
            self.plan_tree_of(memo, parent.id())?,
            self.plan_tree_of(memo, child.id())?,
        ) else {
            return self.blob_in(memo, parent, path);
        };
        let here = self.blob_in(memo, child, path)?;
        let changes = self.plan_changes(memo, Some(old), Some(new))?;
        let found = match changes.iter().find(|(p, _, _)| p == rel) {
            Some((_, before, _)) => *before,
            None => here,
        };
        memo.known.insert(key, found);
        Ok(found)
    }

    /// The plan folder's tree at `commit`, through the memo.
    fn plan_tree_of(&self, memo: &mut Memo, commit: Oid) -> Result<Option<Oid>, RepoError> {
        if let Some(t) = memo.plan_trees.get(&commit) {
            return Ok(*t);
        }
        let t = self.plan_tree_id(commit)?;
        memo.plan_trees.insert(commit, t);
        Ok(t)
    }

    /// The blob at `path` in `commit`, looked up in its tree.
    fn look_up_blob(
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
        if let Some(b) = memo.found.get(&key) {
            return Ok(*b);
        }
        let found = match self.entry_in(dir_id, file, &mut memo.trees) {
            Ok(found) => found,
            // A file where the folder should be: the activity is not there.
            Err(RepoError::Git(e)) if e.code() == git2::ErrorCode::NotFound => None,
            Err(e) => return Err(e),
        };
        memo.found.insert(key, found);
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
        if self.blob_in_parent(memo, commit, parent, path)?.is_some()
            || self.blob_in(memo, commit, path)?.is_none()
        {
            return Ok(Some(path.to_owned()));
        }
        if depth < MAX_SIDE_DEPTH {
            for (i, other) in parents.iter().enumerate() {
                if i != n && self.blob_in_parent(memo, commit, other, path)?.is_some() {
                    return self.id_where_sides_parted(memo, commit, parent, other, path, depth);
                }
            }
        }
        self.renamed_from(memo, parent.id(), commit.id(), path)
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
            |_, _, _| Ok(true),
        )?;
        let mut ids: Vec<String> = shared.into_values().flatten().collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            if id != path
                && self.blob_in_parent(memo, commit, ours, &id)?.is_some()
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
    /// by commit (with no `hide`, what was left when `each` stopped). `each` is lent the memo.
    pub(super) fn follow(
        &self,
        memo: &mut Memo,
        start: Oid,
        path: &str,
        hide: Option<Oid>,
        depth: u8,
        mut each: impl FnMut(&mut Memo, &Commit, &[String]) -> Result<bool, RepoError>,
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
            if !each(memo, &commit, &paths)? {
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
        memo: &mut Memo,
        parent: Oid,
        child: Oid,
        path: &str,
    ) -> Result<Option<String>, RepoError> {
        let rel = self.in_plan(path);
        let Some(PlanPath::Entity(EntityKind::Activity, id)) = classify(rel) else {
            return Ok(None);
        };
        let (old, new) = (self.plan_tree_id(parent)?, self.plan_tree_id(child)?);
        let changed = self.plan_changes(memo, old, new)?;
        let removed_activity = changed.iter().any(|(p, _, _)| {
            matches!(classify(p), Some(PlanPath::Entity(EntityKind::Activity, _))) && p != rel
        });
        if !removed_activity {
            return Ok(None);
        }
        let (Some(a), Some(b)) = (
            self.partial_plan(memo, old, &changed, false)?,
            self.partial_plan(memo, new, &changed, true)?,
        ) else {
            return Ok(None);
        };
        let d = crate::diff::diff(&a, &b);
        Ok(d.kind(EntityKind::Activity)
            .and_then(|k| k.renamed.iter().find(|r| r.to.as_str() == id))
            .map(|r| self.in_repo(&EntityKind::Activity.file_path(&r.from))))
    }

    /// The id of the plan folder's tree at `commit` (`None`: the commit has no plan folder).
    pub(super) fn plan_tree_id(&self, commit: Oid) -> Result<Option<Oid>, RepoError> {
        Ok(self.plan_tree(commit)?.map(|t| t.id()))
    }

    /// The plan files (relative to the plan folder) that differ between two trees of the plan
    /// folder, with their blobs on both sides, in git's order.
    pub(super) fn plan_changes(
        &self,
        memo: &mut Memo,
        old: Option<Oid>,
        new: Option<Oid>,
    ) -> Result<Vec<FileChange>, RepoError> {
        if let (Some(index), Some(o), Some(n)) = (&memo.index, old, new)
            && let Some(changes) = index.get(o, n)
        {
            return Ok(changes.clone());
        }
        let mut changes = self.file_changes(old, new, &mut memo.trees)?;
        changes.retain(|(p, _, _)| classify(p).is_some());
        // A first commit's step (everything) is not kept: it is one step, and the largest.
        if let (Some(index), Some(o), Some(n)) = (&mut memo.index, old, new) {
            index.insert(o, n, &changes);
        }
        Ok(changes)
    }

    /// `plan.ron` of the plan folder's tree `tree` and the entities of `changes` as they are
    /// there (`after`: their new blobs, else their old ones): enough to say what a commit
    /// changed without reading the whole plan. Files that do not parse are left out; `None`
    /// when there is no tree or no readable `plan.ron`. Each blob is parsed once per walk.
    pub(super) fn partial_plan(
        &self,
        memo: &mut Memo,
        tree: Option<Oid>,
        changes: &[FileChange],
        after: bool,
    ) -> Result<Option<Plan>, RepoError> {
        let Some(tree) = tree else {
            return Ok(None);
        };
        let Some(meta) = self.entry_at(tree, PLAN_FILE, &mut memo.trees)? else {
            return Ok(None);
        };
        let meta = memo.metas.entry(meta).or_insert_with(|| {
            self.text_of(meta)
                .and_then(|t| crate::store::parse(PLAN_FILE, &t).ok())
        });
        let Some(meta) = meta else {
            return Ok(None);
        };
        let mut plan = Plan::new(meta.clone());
        for (p, old, new) in changes {
            let (Some(PlanPath::Entity(kind, _)), Some(blob)) =
                (classify(p), if after { *new } else { *old })
            else {
                continue;
            };
            let parsed = memo.entities.entry((blob, kind)).or_insert_with(|| {
                let text = self.text_of(blob)?;
                let e = match kind {
                    EntityKind::Activity => crate::store::parse(p, &text).map(Entity::Activity),
                    EntityKind::Partner => crate::store::parse(p, &text).map(Entity::Partner),
                    EntityKind::Beneficiary => {
                        crate::store::parse(p, &text).map(Entity::Beneficiary)
                    }
                    EntityKind::Funding => crate::store::parse(p, &text).map(Entity::Funding),
                };
                e.ok().map(|mut e| {
                    e.normalize();
                    e
                })
            });
            if let Some(e) = parsed {
                plan.put(e.clone());
            }
        }
        Ok(Some(plan))
    }

    /// A blob's text; `None` when there is no such blob or it is not UTF-8.
    fn text_of(&self, blob: Oid) -> Option<String> {
        let blob = self.repo.find_blob(blob).ok()?;
        String::from_utf8(blob.content().to_vec()).ok()
    }
}
