//! What reviewers compare: baselines (approved versions kept as annotated tags) and the
//! review of two revisions.

use super::{PlanRepo, RepoError};
use crate::diff::{Author, Review};
use git2::{ErrorCode, Sort};
use std::collections::BTreeSet;

/// Where baselines live among the tags: `baseline/NAME`.
pub const BASELINE_TAG_PREFIX: &str = "baseline/";

/// An approved version of the plan, recorded as the annotated tag `baseline/NAME`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baseline {
    /// The name, without `baseline/`.
    pub name: String,
    /// The commit it records.
    pub commit: super::CommitId,
    /// Who recorded it (for a plain tag made with git, the commit's committer).
    pub by: String,
    /// Their e-mail address.
    pub email: String,
    /// When it was recorded, as seconds since the epoch.
    pub time: i64,
    /// The tag's message.
    pub message: String,
}

impl PlanRepo {
    /// Every baseline, oldest first (ties by name).
    pub fn baselines(&self) -> Result<Vec<Baseline>, RepoError> {
        let mut out = Vec::new();
        for r in self
            .repo
            .references_glob(&format!("refs/tags/{BASELINE_TAG_PREFIX}*"))?
        {
            let r = r?;
            let Some(name) = r
                .name()
                .ok()
                .and_then(|n| n.strip_prefix("refs/tags/"))
                .and_then(|n| n.strip_prefix(BASELINE_TAG_PREFIX))
                .map(str::to_owned)
            else {
                continue;
            };
            // A tag of something that is not a commit is not a version of the plan.
            let Ok(commit) = r.peel_to_commit() else {
                continue;
            };
            let tag = r.peel_to_tag().ok();
            let tagger = tag.as_ref().and_then(|t| t.tagger());
            let sig = tagger.unwrap_or_else(|| commit.committer());
            out.push(Baseline {
                name,
                commit: commit.id().into(),
                by: sig.name().unwrap_or("?").to_owned(),
                email: sig.email().unwrap_or("").to_owned(),
                time: sig.when().seconds(),
                message: tag
                    .as_ref()
                    .and_then(|t| t.message().ok().flatten())
                    .unwrap_or("")
                    .trim_end()
                    .to_owned(),
            });
        }
        out.sort_by(|a, b| (a.time, &a.name).cmp(&(b.time, &b.name)));
        Ok(out)
    }

    /// Records `commit` as the baseline `name`, signed by the committer identity (git's
    /// config and `GIT_COMMITTER_*`), with `note` under the first line of the message.
    /// An existing baseline of that name is replaced only with `force`.
    pub fn record_baseline(
        &self,
        name: &str,
        commit: impl Into<super::CommitId>,
        note: Option<&str>,
        force: bool,
    ) -> Result<Baseline, RepoError> {
        let commit = commit.into().oid();
        let tag_name = format!("{BASELINE_TAG_PREFIX}{name}");
        if name.is_empty() || !git2::Reference::is_valid_name(&format!("refs/tags/{tag_name}")) {
            return Err(RepoError::BadBaselineName(name.to_owned()));
        }
        let (_, tagger) = self.signatures()?;
        let mut message = format!(
            "Baseline {name}, recorded by {} <{}>\n",
            tagger.name().unwrap_or("?"),
            tagger.email().unwrap_or("")
        );
        if let Some(n) = note.map(str::trim).filter(|n| !n.is_empty()) {
            message.push('\n');
            message.push_str(n);
            message.push('\n');
        }
        let target = self.repo.find_commit(commit)?;
        match self
            .repo
            .tag(&tag_name, target.as_object(), &tagger, &message, force)
        {
            Ok(_) => {}
            Err(e) if e.code() == ErrorCode::Exists => {
                return Err(RepoError::BaselineExists(name.to_owned()));
            }
            Err(e) => return Err(e.into()),
        }
        self.baselines()?
            .into_iter()
            .find(|b| b.name == name)
            .ok_or(RepoError::NoSuchRevision(tag_name))
    }

    /// The review from revision `a` to revision `b`: the semantic diff, the money tables,
    /// the schedule variance, the problems introduced and fixed, and who made the commits
    /// between them.
    pub fn review(
        &self,
        a: impl Into<super::CommitId>,
        b: impl Into<super::CommitId>,
    ) -> Result<Review, RepoError> {
        let (a, b) = (a.into(), b.into());
        let (pa, pb) = self.plans_at(a, b)?;
        Ok(Review::new(&pa, &pb).by(self.authors(a, b)?))
    }

    /// Who made the commits that `b` has and `a` has not (git's `a..b`) and that changed the
    /// plan, in the order of their first such commit, oldest first; with the plan files each
    /// one's commits changed. A merge commit counts for what it changed next to its first
    /// parent, as `khutta log` reads it. When the plan at `b` lists signing keys
    /// (`governance.ron`), each author's commits are checked: how many carry a good
    /// signature by a key the rules give that author (by email); otherwise `signatures`
    /// stays `None`, shown as nothing.
    pub fn authors(
        &self,
        a: impl Into<super::CommitId>,
        b: impl Into<super::CommitId>,
    ) -> Result<Vec<Author>, RepoError> {
        let (a, b) = (a.into(), b.into());
        let known = self
            .governance_at(b)
            .ok()
            .flatten()
            .map(|g| super::signatures::known_keys(&g))
            .unwrap_or_default();
        let proofs = (!known.is_empty()).then(|| super::signatures::Signatures::new(self, known));
        let mut walk = self.repo.revwalk()?;
        walk.push(b.oid())?;
        walk.hide(a.oid())?;
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME | Sort::REVERSE)?;
        let mut out: Vec<(Author, BTreeSet<String>)> = Vec::new();
        for oid in walk {
            let commit = self.repo.find_commit(oid?)?;
            let parent = commit.parent_id(0).ok();
            let paths = self.changed_paths(parent, commit.id())?;
            if paths.is_empty() {
                continue;
            }
            let sig = commit.author();
            let (name, email) = (sig.name().unwrap_or("?"), sig.email().unwrap_or(""));
            let at = match out
                .iter()
                .position(|(x, _)| x.name == name && x.email == email)
            {
                Some(at) => at,
                None => {
                    out.push((
                        Author {
                            name: name.to_owned(),
                            email: email.to_owned(),
                            commits: 0,
                            touched: Vec::new(),
                            signatures: None,
                        },
                        BTreeSet::new(),
                    ));
                    out.len() - 1
                }
            };
            let (author, touched) = &mut out[at];
            author.commits += 1;
            touched.extend(paths);
            if let Some(proofs) = &proofs {
                let by_author = matches!(
                    proofs.of(self, commit.id().into()),
                    super::signatures::SignatureState::Known { email, .. }
                        if email.eq_ignore_ascii_case(&author.email)
                );
                let s = author.signatures.get_or_insert(crate::diff::Signatures {
                    verified: 0,
                    checked: 0,
                });
                s.checked += 1;
                s.verified += usize::from(by_author);
            }
        }
        Ok(out
            .into_iter()
            .map(|(mut a, touched)| {
                a.touched = touched.into_iter().collect();
                a
            })
            .collect())
    }
}
