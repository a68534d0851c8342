//! The plan's history: commits that touched it, who made them and what they changed.

use super::{PlanRepo, RepoError};
use crate::model::{Entity, EntityKind, Id, PLAN_FILE, Plan};
use crate::store::layout::{PlanPath, classify};
use git2::{Oid, Sort};

/// One commit that touched the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The commit.
    pub id: Oid,
    /// The author's name.
    pub author: String,
    /// The author's e-mail address.
    pub email: String,
    /// When, as seconds since the epoch.
    pub time: i64,
    /// The commit message's first line.
    pub message: String,
    /// What changed, in plan terms.
    pub changes: String,
}

impl PlanRepo {
    /// Commits reachable from HEAD that changed the plan (or, with `activity`, that activity's
    /// file), newest first, at most `limit`.
    pub fn log(&self, activity: Option<&Id>, limit: usize) -> Result<Vec<LogEntry>, RepoError> {
        let mut walk = self.repo.revwalk()?;
        if walk.push_head().is_err() {
            return Ok(Vec::new());
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
        let only = activity.map(|id| EntityKind::Activity.file_path(id));
        let mut out = Vec::new();
        for oid in walk {
            let commit = self.repo.find_commit(oid?)?;
            let parent = commit.parents().next();
            let (old, new) = (parent.as_ref().map(|p| p.id()), commit.id());
            let paths = self.changed_paths(old, new)?;
            let relevant = match &only {
                Some(p) => paths.iter().any(|x| x == p),
                None => !paths.is_empty(),
            };
            if !relevant {
                continue;
            }
            let author = commit.author();
            out.push(LogEntry {
                id: commit.id(),
                author: author.name().unwrap_or("?").to_owned(),
                email: author.email().unwrap_or("").to_owned(),
                time: author.when().seconds(),
                message: commit.summary().ok().flatten().unwrap_or("").to_owned(),
                changes: self.describe(old, new, &paths),
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// The plan files (relative to the plan folder) that differ between two commits.
    pub fn changed_paths(&self, old: Option<Oid>, new: Oid) -> Result<Vec<String>, RepoError> {
        let new_tree = self.plan_tree(new)?;
        let old_tree = match old {
            Some(o) => self.plan_tree(o)?,
            None => None,
        };
        if new_tree.as_ref().map(|t| t.id()) == old_tree.as_ref().map(|t| t.id()) {
            return Ok(Vec::new());
        }
        let diff = self
            .repo
            .diff_tree_to_tree(old_tree.as_ref(), new_tree.as_ref(), None)?;
        Ok(diff
            .deltas()
            .filter_map(|d| {
                d.new_file()
                    .path()
                    .or(d.old_file().path())
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
            })
            .filter(|p| classify(p).is_some())
            .collect())
    }

    /// What changed between two commits in plan terms, reading only the changed files.
    fn describe(&self, old: Option<Oid>, new: Oid, paths: &[String]) -> String {
        match (
            self.partial_plan(old, paths),
            self.partial_plan(Some(new), paths),
        ) {
            (Some(a), Some(b)) => crate::diff::one_line(&crate::diff::diff(&a, &b)),
            (None, Some(b)) => format!("the plan {} begins", b.meta.id),
            _ => format!("{} files", paths.len()),
        }
    }

    /// `plan.ron` and the entities of `paths` (relative to the plan folder) at `commit`: enough
    /// to say what a commit changed without reading the whole plan. Files that do not parse
    /// are left out; `None` when there is no commit or no readable `plan.ron`.
    pub(super) fn partial_plan(&self, commit: Option<Oid>, paths: &[String]) -> Option<Plan> {
        let tree = commit.and_then(|c| self.plan_tree(c).ok().flatten());
        let read = |rel: &str| -> Option<String> {
            let entry = tree.as_ref()?.get_path(std::path::Path::new(rel)).ok()?;
            let blob = self.repo.find_blob(entry.id()).ok()?;
            String::from_utf8(blob.content().to_vec()).ok()
        };
        let mut plan = Plan::new(crate::store::parse(PLAN_FILE, &read(PLAN_FILE)?).ok()?);
        for p in paths {
            if let (Some(PlanPath::Entity(kind, _)), Some(text)) = (classify(p), read(p)) {
                let e = match kind {
                    EntityKind::Activity => crate::store::parse(p, &text).map(Entity::Activity),
                    EntityKind::Partner => crate::store::parse(p, &text).map(Entity::Partner),
                    EntityKind::Beneficiary => {
                        crate::store::parse(p, &text).map(Entity::Beneficiary)
                    }
                    EntityKind::Funding => crate::store::parse(p, &text).map(Entity::Funding),
                };
                if let Ok(mut e) = e {
                    e.normalize();
                    plan.put(e);
                }
            }
        }
        Some(plan)
    }
}
