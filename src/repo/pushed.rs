//! What a push brings to a server, as git's `pre-receive` and `update` hooks are told: the
//! refs it moves and the commits no ref holds yet.
//!
//! A hook runs inside the server's bare repository, with no work tree; everything is read from
//! the object database. While `pre-receive` runs, the pushed objects are in quarantine: git
//! names that folder in `GIT_OBJECT_DIRECTORY` and the repository's own objects in
//! `GIT_ALTERNATE_OBJECT_DIRECTORIES`, and libgit2 honours both when the repository is opened
//! from the environment, as [`open_hook_repository`] does.
//!
//! The commits to check are `git rev-list NEW --not --all`: those reachable from a pushed tip
//! and from no ref the server has, so that a push of a branch that merely adds a ref to
//! known commits, or a push to a second branch of commits checked on the first, checks nothing
//! twice. Refs are not yet updated while either hook runs.

use super::{CommitId, PlanRepo, RepoError};
use git2::{Oid, Repository, Sort};
use std::collections::HashSet;
use std::path::Path;

/// One ref a push moves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefUpdate {
    /// The ref, `refs/heads/main`.
    pub refname: String,
    /// Where it was (`None`: the push creates it).
    pub old: Option<CommitId>,
    /// Where it goes (`None`: the push deletes it).
    pub new: Option<CommitId>,
}

/// `None` for git's all-zero id, which stands for "no commit".
fn commit_or_none(hex: &str) -> Option<Option<CommitId>> {
    let oid = Oid::from_str(hex).ok()?;
    if hex.len() != 40 && hex.len() != 64 {
        return None;
    }
    Some((!oid.is_zero()).then(|| oid.into()))
}

/// One update from its three parts, as `update` gets them (`REF OLD NEW`).
pub fn ref_update(refname: &str, old: &str, new: &str) -> Result<RefUpdate, RepoError> {
    let bad = || RepoError::HookInput(format!("{refname} {old} {new}"));
    Ok(RefUpdate {
        refname: refname.to_owned(),
        old: commit_or_none(old).ok_or_else(bad)?,
        new: commit_or_none(new).ok_or_else(bad)?,
    })
}

/// The updates `pre-receive` reads on its standard input, one `OLD NEW REF` line each.
pub fn ref_updates(input: &str) -> Result<Vec<RefUpdate>, RepoError> {
    input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split_whitespace().collect();
            match parts.as_slice() {
                [old, new, refname] => ref_update(refname, old, new),
                _ => Err(RepoError::HookInput(line.to_owned())),
            }
        })
        .collect()
}

/// The repository a hook runs in, opened as git left it: `GIT_DIR` (or the current folder)
/// and the quarantined objects of the push.
pub fn open_hook_repository() -> Result<Repository, RepoError> {
    Ok(Repository::open_from_env()?)
}

/// The bare repository at `path`.
pub fn open_bare(path: &Path) -> Result<Repository, RepoError> {
    Repository::open_bare(path).map_err(|_| RepoError::NotARepository {
        path: path.to_path_buf(),
    })
}

/// The commits the pushed refs point at (a tag is followed to its commit; a ref deleted or
/// pointed at a tree has none).
pub fn pushed_tips(repo: &Repository, updates: &[RefUpdate]) -> Vec<CommitId> {
    updates
        .iter()
        .filter_map(|u| u.new)
        .filter_map(|new| {
            repo.find_object(new.oid(), None)
                .and_then(|o| o.peel_to_commit())
                .ok()
        })
        .map(|c| c.id().into())
        .collect()
}

/// The commits every ref of `repo` points at: what a push's new commits are not reachable
/// from.
pub fn ref_tips(repo: &Repository) -> Result<Vec<CommitId>, RepoError> {
    Ok(repo
        .references()?
        .flatten()
        .filter_map(|r| r.peel_to_commit().ok())
        .map(|c| c.id().into())
        .collect())
}

/// A push that takes commits away from the branch the repository publishes (the branch its
/// `HEAD` names, which every clone checks out): it deletes the branch, or moves it to a commit
/// that does not hold where it was (a forced push).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewrite {
    /// The branch, `refs/heads/main`.
    pub refname: String,
    /// Where it was.
    pub old: CommitId,
    /// Where it goes (`None`: deleted).
    pub new: Option<CommitId>,
    /// How many commits it held that it no longer holds.
    pub dropped: usize,
    /// The commit that answers for the push: where the branch goes, or (deleted) where it was.
    pub tip: CommitId,
    /// That commit's author's name and e-mail address, and its message's first line.
    pub author: (String, String),
    /// See `author`.
    pub subject: String,
}

/// The updates of `updates` that take commits away from the published branch.
pub fn rewrites(repo: &Repository, updates: &[RefUpdate]) -> Result<Vec<Rewrite>, RepoError> {
    let head = repo.find_reference("HEAD").ok();
    let published: Option<String> = head
        .as_ref()
        .and_then(|h| h.symbolic_target().ok().flatten())
        .map(str::to_owned);
    let mut out = Vec::new();
    for u in updates {
        let Some(old) = u.old else { continue };
        if Some(u.refname.as_str()) != published.as_deref() {
            continue;
        }
        let mut walk = repo.revwalk()?;
        walk.push(old.oid())?;
        if let Some(new) = u.new {
            walk.hide(new.oid())?;
        }
        let dropped = walk.count();
        if dropped > 0 {
            let tip = u.new.unwrap_or(old);
            let commit = repo.find_commit(tip.oid())?;
            let author = commit.author();
            out.push(Rewrite {
                refname: u.refname.clone(),
                old,
                new: u.new,
                dropped,
                tip,
                author: (
                    String::from_utf8_lossy(author.name_bytes()).into_owned(),
                    String::from_utf8_lossy(author.email_bytes()).into_owned(),
                ),
                subject: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                    .into_owned(),
            });
        }
    }
    Ok(out)
}

/// The commits of `updates` that no ref of `repo` holds yet, each once, parents before
/// children.
pub fn new_commits(repo: &Repository, updates: &[RefUpdate]) -> Result<Vec<CommitId>, RepoError> {
    let tips = pushed_tips(repo, updates);
    if tips.is_empty() {
        return Ok(Vec::new());
    }
    let mut walk = repo.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
    for t in &tips {
        walk.push(t.oid())?;
    }
    for h in ref_tips(repo)? {
        walk.hide(h.oid())?;
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for oid in walk {
        let oid = oid?;
        if seen.insert(oid) {
            out.push(oid.into());
        }
    }
    Ok(out)
}

/// Where the plan lives in `commit`'s tree: the folder the repository's `khutta.plan` names,
/// else the top folder when it holds `plan.ron`, else the first folder (in name order, at most
/// three levels down) that does. `None`: the commit holds no plan.
pub fn plan_folder(repo: &Repository, commit: CommitId) -> Result<Option<String>, RepoError> {
    let tree = repo.find_commit(commit.oid())?.tree()?;
    if let Ok(p) = repo.config().and_then(|c| c.get_string("khutta.plan")) {
        let p = p.trim_matches('/').trim_start_matches("./").to_owned();
        return Ok(Some(p));
    }
    let mut level = vec![(String::new(), tree)];
    for _ in 0..4 {
        let mut next = Vec::new();
        for (path, t) in level {
            if t.get_name(crate::model::PLAN_FILE).is_some() {
                return Ok(Some(path));
            }
            for e in t.iter() {
                if e.kind() != Some(git2::ObjectType::Tree) {
                    continue;
                }
                let (Ok(name), Ok(sub)) =
                    (e.name(), e.to_object(repo).and_then(|o| o.peel_to_tree()))
                else {
                    continue;
                };
                let joined = if path.is_empty() {
                    name.to_owned()
                } else {
                    format!("{path}/{name}")
                };
                next.push((joined, sub));
            }
        }
        level = next;
    }
    Ok(None)
}

/// The plan inside `repo` at the folder `prefix`, whether or not the repository has a work
/// tree: what a server reads a pushed plan through.
pub fn plan_in(repo: Repository, prefix: String) -> PlanRepo {
    PlanRepo { repo, prefix }
}

/// A commit's author, its first line and whether it changed the plan folder at `prefix`
/// (compared with its first parent).
pub struct CommitFacts {
    /// The author's name.
    pub author: String,
    /// The author's email.
    pub email: String,
    /// The first line of the message.
    pub subject: String,
    /// The parents, first first.
    pub parents: Vec<CommitId>,
    /// Whether the plan folder differs from the first parent's.
    pub touches_plan: bool,
}

impl PlanRepo {
    /// What a hook needs to know of `commit` before judging it.
    pub fn facts(&self, commit: CommitId) -> Result<CommitFacts, RepoError> {
        let c = self.repo.find_commit(commit.oid())?;
        let parents: Vec<CommitId> = c.parent_ids().map(Into::into).collect();
        let parent = c.parent_ids().next();
        let tree_of = |oid: Oid| -> Result<Option<Oid>, RepoError> {
            Ok(self.plan_tree(oid)?.map(|t| t.id()))
        };
        let touches_plan = match parent {
            Some(p) => tree_of(p)? != tree_of(c.id())?,
            None => tree_of(c.id())?.is_some(),
        };
        let author = c.author();
        Ok(CommitFacts {
            author: author.name().unwrap_or("?").to_owned(),
            email: author.email().unwrap_or("").to_owned(),
            subject: c.summary().ok().flatten().unwrap_or("").to_owned(),
            parents,
            touches_plan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hook_input_is_read_as_git_writes_it() {
        let zero = "0".repeat(40);
        let a = "1".repeat(40);
        let input = format!("{zero} {a} refs/heads/new\n{a} {zero} refs/heads/gone\n");
        let u = ref_updates(&input).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].old, None);
        assert_eq!(u[0].new.map(|c| c.to_string()), Some(a.clone()));
        assert_eq!(u[1].new, None);
        assert!(ref_updates("junk\n").is_err());
        assert!(ref_updates(&format!("{a} xyz refs/heads/x")).is_err());
        assert!(ref_update("refs/heads/x", &a, "12").is_err());
    }
}
