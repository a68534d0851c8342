//! The plan's history: commits that touched it, who made them and what they changed.

use super::follow::Memo;
use super::verify_state::FileChange;
use super::{PlanRepo, RepoError};
use crate::i18n::Said;
use crate::model::{EntityKind, Id};
use crate::said;
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
    ///
    /// What a commit changed comes from the files it changed alone: the trees of the plan
    /// folder are joined skipping the folders both sides share, each folder is read once for
    /// the whole walk, and each changed blob parsed once (`follow::Memo`).
    pub fn log(&self, activity: Option<&Id>, limit: usize) -> Result<Vec<LogEntry>, RepoError> {
        read_objects_as_git_does();
        let Ok(head) = self.repo.head().and_then(|h| h.peel_to_commit()) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        if limit == 0 {
            return Ok(out);
        }
        let mut memo = Memo::indexed(self);
        match activity {
            Some(id) => {
                let path = self.in_repo(&EntityKind::Activity.file_path(id));
                self.follow(&mut memo, head.id(), &path, None, 0, |m, c, paths| {
                    // Whether the activity's file changed since the first parent: a lookup of
                    // the file on both sides; the whole change is read only for such commits.
                    let parent = c.parents().next();
                    let mut relevant = false;
                    for p in paths {
                        let before = match &parent {
                            Some(parent) => self.blob_in_parent(m, c, parent, p)?,
                            None => None,
                        };
                        relevant |= self.blob_in(m, c, p)? != before;
                    }
                    if relevant {
                        let changes = self.changes_of(m, c)?;
                        out.push(self.entry(m, c, &changes)?);
                    }
                    Ok(out.len() < limit)
                })?;
            }
            None => {
                let mut walk = self.repo.revwalk()?;
                walk.push(head.id())?;
                walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
                for oid in walk {
                    let commit = self.repo.find_commit(oid?)?;
                    let changes = self.changes_of(&mut memo, &commit)?;
                    if !changes.is_empty() {
                        out.push(self.entry(&mut memo, &commit, &changes)?);
                    }
                    if out.len() >= limit {
                        break;
                    }
                }
            }
        }
        memo.save(self)?;
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

    /// The plan files `commit` changed since its first parent (all of them for a first
    /// commit), with their blobs before and after.
    fn changes_of(&self, memo: &mut Memo, commit: &Commit) -> Result<Vec<FileChange>, RepoError> {
        let old = match commit.parent_ids().next() {
            Some(p) => self.plan_tree_id(p)?,
            None => None,
        };
        let new = self.plan_tree_id(commit.id())?;
        self.plan_changes(memo, old, new)
    }

    /// The log's entry for `commit`, which made `changes` since its first parent.
    fn entry(
        &self,
        memo: &mut Memo,
        commit: &Commit,
        changes: &[FileChange],
    ) -> Result<LogEntry, RepoError> {
        let author = commit.author();
        let old = match commit.parent_ids().next() {
            Some(p) => self.plan_tree_id(p)?,
            None => None,
        };
        let new = self.plan_tree_id(commit.id())?;
        Ok(LogEntry {
            id: commit.id().into(),
            author: author.name().unwrap_or("?").to_owned(),
            email: author.email().unwrap_or("").to_owned(),
            time: author.when().seconds(),
            message: commit.summary().ok().flatten().unwrap_or("").to_owned(),
            changes: self.describe(memo, old, new, changes)?,
        })
    }

    /// The plan files (relative to the plan folder) that differ between two commits.
    pub fn changed_paths(&self, old: Option<Oid>, new: Oid) -> Result<Vec<String>, RepoError> {
        let new = self.plan_tree_id(new)?;
        let old = match old {
            Some(o) => self.plan_tree_id(o)?,
            None => None,
        };
        let changes = self.plan_changes(&mut Memo::new(), old, new)?;
        Ok(changes.into_iter().map(|(p, _, _)| p).collect())
    }

    /// What changed between two trees of the plan folder in plan terms, reading only the
    /// changed files.
    fn describe(
        &self,
        memo: &mut Memo,
        old: Option<Oid>,
        new: Option<Oid>,
        changes: &[FileChange],
    ) -> Result<Said, RepoError> {
        let paths: Vec<String> = changes.iter().map(|(p, _, _)| p.clone()).collect();
        let mut consult = consultation_files(&paths);
        let before = self.partial_plan(memo, old, changes, false)?;
        // With no plan before, only the new `plan.ron` is named: a first commit's thousands of
        // entities are not read.
        let whole = if before.is_some() { changes } else { &[] };
        let parts = match (before, self.partial_plan(memo, new, whole, true)?) {
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
        Ok(said!("summary-line", parts = parts))
    }
}

/// Tells libgit2 to read objects as git does, without hashing each one again to check it
/// against its id. On a plan of 10,000 activities every commit has a new `activities` folder
/// of some 500 KB, and hashing it cost as much as inflating it. Objects that arrive from
/// elsewhere are still checked as they are received (libgit2's indexer, git's index-pack);
/// `git fsck` checks what is stored.
pub(super) fn read_objects_as_git_does() {
    git2::opts::strict_hash_verification(false);
}

/// Lets libgit2 keep folders (trees) of up to 4 MB in its object cache, instead of 4 KB. The
/// `activities` folder of a plan of 10,000 activities is some 500 KB, and a merge looks it up
/// a dozen times on each side (reading each plan, comparing the trees, writing the merged one,
/// updating the work tree and the index): inflating it each time cost a tenth of the merge.
/// The cache's total stays libgit2's (256 MB), which evicts what is not used.
pub(super) fn cache_large_trees() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(set_tree_cache_limit);
}

#[expect(
    unsafe_code,
    reason = "libgit2's cache limits are C globals that git2 sets only through an unsafe function"
)]
fn set_tree_cache_limit() {
    // SAFETY: the function writes one aligned word of a C array, once (behind `ONCE`).
    // libgit2 reads it only to decide whether an object it has just read goes into its cache;
    // a thread reading it while it is written sees the old limit or the new one, and either
    // only decides whether a folder is kept in memory.
    unsafe {
        let _ = git2::opts::set_cache_object_limit(git2::ObjectType::Tree, 4 << 20);
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
