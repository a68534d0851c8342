//! The plan's history: commits that touched it, who made them and what they changed.

use super::follow::Memo;
use super::{PlanRepo, RepoError};
use crate::i18n::Said;
use crate::model::{Entity, EntityKind, Id, PLAN_FILE, Plan};
use crate::said;
use crate::store::layout::{PlanPath, classify};
use git2::{Commit, Oid, Sort};

/// One commit that touched the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The commit.
    pub id: super::CommitId,
    /// The author's name.
    pub author: String,
    /// The author's e-mail address.
    pub email: String,
    /// When, as seconds since the epoch.
    pub time: i64,
    /// The commit message's first line.
    pub message: String,
    /// What changed, in plan terms.
    pub changes: Said,
}

impl PlanRepo {
    /// Commits reachable from HEAD that changed the plan (or, with `activity`, that
    /// activity's file, under its id or any id it had before: see `follow.rs`), newest
    /// first, at most `limit`.
    pub fn log(&self, activity: Option<&Id>, limit: usize) -> Result<Vec<LogEntry>, RepoError> {
        let Ok(head) = self.repo.head().and_then(|h| h.peel_to_commit()) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(out);
        }
        let mut each = |commit: &Commit, only: Option<&[String]>| {
            let parent = commit.parents().next();
            let (old, new) = (parent.as_ref().map(|p| p.id()), commit.id());
            let paths = self.changed_paths(old, new)?;
            let relevant = match only {
                Some(only) => paths
                    .iter()
                    .any(|x| only.iter().any(|p| self.in_plan(p) == x)),
                None => !paths.is_empty(),
            };
            if relevant {
                out.push(self.entry(commit, old, &paths));
            }
            Ok(out.len() < limit)
        };
        match activity {
            Some(id) => {
                let path = self.in_repo(&EntityKind::Activity.file_path(id));
                let mut memo = Memo::new();
                self.follow(&mut memo, head.id(), &path, None, 0, |c, paths| {
                    each(c, Some(paths))
                })?;
            }
            None => {
                let mut walk = self.repo.revwalk()?;
                walk.push(head.id())?;
                walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
                for oid in walk {
                    if !each(&self.repo.find_commit(oid?)?, None)? {
                        break;
                    }
                }
            }
        }
        Ok(out)
    }

    /// The first line of `commit`'s message; empty when there is none or no such commit.
    pub fn summary(&self, commit: impl Into<super::CommitId>) -> String {
        self.repo
            .find_commit(commit.into().oid())
            .ok()
            .and_then(|c| c.summary().ok().flatten().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The log's entry for `commit`, which changed `paths` since `old`.
    fn entry(&self, commit: &Commit, old: Option<Oid>, paths: &[String]) -> LogEntry {
        let author = commit.author();
        LogEntry {
            id: commit.id().into(),
            author: author.name().unwrap_or("?").to_owned(),
            email: author.email().unwrap_or("").to_owned(),
            time: author.when().seconds(),
            message: commit.summary().ok().flatten().unwrap_or("").to_owned(),
            changes: self.describe(old, commit.id(), paths),
        }
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
    fn describe(&self, old: Option<Oid>, new: Oid, paths: &[String]) -> Said {
        let mut consult = consultation_files(paths);
        let parts = match (
            self.partial_plan(old, paths),
            self.partial_plan(Some(new), paths),
        ) {
            (Some(a), Some(b)) => {
                let d = crate::diff::diff(&a, &b);
                match (d.is_empty(), consult.is_empty()) {
                    (true, false) => consult,
                    (false, false) => {
                        let mut parts = crate::diff::one_line(&d);
                        parts.append(&mut consult);
                        parts
                    }
                    _ => crate::diff::one_line(&d),
                }
            }
            (None, Some(b)) => vec![said!("summary-plan-begins", id = &b.meta.id)],
            _ => vec![said!("summary-files", count = paths.len())],
        };
        said!("summary-line", parts = parts)
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

/// The consultation files among `paths` (relative to the plan folder), by round:
/// `consultation egm-2021 (round, 12 responses)`. The entity diff does not cover
/// consultations, and a commit of collected answers must not read as no change at all.
fn consultation_files(paths: &[String]) -> Vec<Said> {
    let mut rounds: std::collections::BTreeMap<&str, (bool, usize)> = Default::default();
    for p in paths {
        let parts: Vec<&str> = p.split('/').collect();
        match parts.as_slice() {
            ["consultations", round, "round.ron"] => rounds.entry(round).or_default().0 = true,
            ["consultations", round, "responses", _] => rounds.entry(round).or_default().1 += 1,
            _ => {}
        }
    }
    rounds
        .into_iter()
        .map(|(round, (design, responses))| {
            let mut what = Vec::new();
            if design {
                what.push(said!("summary-round-design"));
            }
            if responses > 0 {
                what.push(said!("summary-responses", count = responses));
            }
            let what = crate::i18n::Part::List(what, "review-list-separator");
            said!("summary-consultation", round = round, what = what)
        })
        .collect()
}

#[cfg(test)]
mod consultation_tests {
    #[test]
    fn consultation_files_are_named_by_round() {
        let paths: Vec<String> = [
            "activities/x.ron",
            "consultations/egm/round.ron",
            "consultations/egm/responses/p001.ron",
            "consultations/egm/responses/p002.ron",
            "consultations/q2/responses/p001.ron",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let line = crate::said!("summary-line", parts = super::consultation_files(&paths));
        assert_eq!(
            line.english(),
            "consultation egm (round, 2 responses); consultation q2 (1 response)"
        );
        let ar = crate::i18n::Messages::new(crate::model::Lang::Ar);
        assert_eq!(
            line.show(&ar),
            "جولة التشاور egm (تصميم الجولة، ردّان)؛ جولة التشاور q2 (ردّ واحد)"
        );
        assert!(super::consultation_files(&paths[..1]).is_empty());
    }
}
