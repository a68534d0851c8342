//! `khutta verify`: the commits of a range walked in order, each judged by the rules in force
//! before it (`crate::rights`), its signature weighed against the people's keys, and the plan
//! checked after it (every rule of `khutta check`, the dates the schedule cannot keep
//! included).
//!
//! The walk holds two plans, the one before the commit and the one after, and moves both file
//! by file as git's tree diff says (see `verify_state`), so that a commit costs what it changed,
//! not the size of the plan; the folders each commit changed are joined on a second thread
//! ahead of the walk (`verify_ahead`), and the check after each commit is `verify_walker`'s.
//! A merge commit is judged only for what it holds that neither
//! parent held: what came from the second parent was judged on the commits that made it.
//! Signatures are not checked here: the caller gives a function that says what each commit's
//! signature proves (`repo::Signatures::proof`, ssh-keygen's verdict); without one, a commit is known
//! to be unsigned or signed, never more, and the rules that require signatures say it cannot be
//! verified.

use super::verify_ahead::Ahead;
use super::verify_state::{Blobs, State};
use super::verify_walker::Walker;
use super::{CommitId, PlanRepo, Proof, RepoError};
use crate::check::Diagnostic;
use crate::model::governance::Signing;
use crate::model::{GOVERNANCE_FILE, Governance, PLAN_FILE, Unit};
use crate::rights::{Actor, Breach, Touched, judge_touched};
use git2::{Oid, Sort};
use serde::{Serialize, Serializer};
use std::collections::HashSet;

/// How to verify.
#[derive(Clone, Copy, Default)]
pub struct VerifyOptions<'a> {
    /// What each commit's signature proves (`repo::Signatures::proof`, which asks
    /// `ssh-keygen`); `None`: only whether there is one.
    pub signatures: Option<&'a dyn Fn(CommitId) -> Proof>,
    /// Skip running `check` after each commit (rights and signatures only).
    pub skip_check: bool,
}

/// What is wrong with a commit's signature under the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum SignatureProblem {
    /// The rules require a signature, and there is none.
    Unsigned,
    /// The rules require a signature, and nothing could check it.
    Unverifiable,
    /// The signature does not verify.
    Bad,
    /// The signature is good, by a key not listed under the author.
    UnknownKey {
        /// The key.
        key: String,
    },
}

/// One thing wrong with a commit.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "finding", rename_all = "kebab-case")]
pub enum Finding {
    /// A change outside its author's rights.
    Breach(Breach),
    /// A signature the rules do not accept.
    Signature(SignatureProblem),
    /// `check` fails after the commit.
    Check {
        /// The errors the commit brought (absent after its first parent).
        new: Vec<Diagnostic>,
        /// How many errors it kept from its first parent.
        kept: usize,
    },
}

/// One commit of the range with what is wrong with it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommitReport {
    /// The commit.
    #[serde(serialize_with = "full_id")]
    pub id: CommitId,
    /// Its author.
    pub author: Actor,
    /// The first line of its message.
    pub summary: String,
    /// What is wrong, in order: breaches, the signature, the check.
    pub findings: Vec<Finding>,
}

fn full_id<S: Serializer>(id: &CommitId, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(id)
}

/// The whole range's verdict.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct VerifyReport {
    /// How many commits were walked.
    pub walked: usize,
    /// The commits with findings, oldest first.
    pub commits: Vec<CommitReport>,
}

impl VerifyReport {
    /// Whether no commit has a finding.
    pub fn is_clean(&self) -> bool {
        self.commits.is_empty()
    }
}

impl PlanRepo {
    /// The range `khutta verify` takes by default: the commits of HEAD that its upstream does
    /// not have (`@{upstream}..HEAD`), or HEAD's whole history when the branch has no
    /// upstream. Returns the base (`None`: from the first commit) and the tip.
    pub fn default_verify_range(&self) -> Result<(Option<CommitId>, CommitId), RepoError> {
        let tip = self.commit_of("HEAD")?;
        let base = self
            .repo
            .revparse_single("@{upstream}")
            .ok()
            .and_then(|o| o.peel_to_commit().ok())
            .map(|c| CommitId::from(c.id()));
        Ok((base, tip))
    }

    /// The range a `BASE..TIP` argument names (`TIP` alone: its whole history); either side
    /// of `..` left empty is HEAD, as git reads it.
    pub fn verify_range_of(&self, spec: &str) -> Result<(Option<CommitId>, CommitId), RepoError> {
        match spec.split_once("..") {
            Some((base, tip)) => {
                let side = |s: &str| self.commit_of(if s.is_empty() { "HEAD" } else { s });
                Ok((Some(side(base)?), side(tip)?))
            }
            None => Ok((None, self.commit_of(spec)?)),
        }
    }
}

/// Walks the commits reachable from `tip` and not from `base` (all of `tip`'s history when
/// `base` is `None`), parents before children, and reports each commit with findings: changes
/// outside its author's rights (judged by the rules of its first parent), signatures the rules
/// do not accept, and `check` errors after it.
pub fn verify_range(
    repo: &PlanRepo,
    base: Option<CommitId>,
    tip: CommitId,
    opts: &VerifyOptions,
) -> Result<VerifyReport, RepoError> {
    verify_commits(repo, &[tip], base.as_slice(), opts)
}

/// [`verify_range`] over the commits reachable from any of `tips` and from none of `hidden`:
/// what a git server's hook checks, the commits of a push that no ref holds yet
/// (`git rev-list NEW... --not --all`).
pub fn verify_commits(
    repo: &PlanRepo,
    tips: &[CommitId],
    hidden: &[CommitId],
    opts: &VerifyOptions,
) -> Result<VerifyReport, RepoError> {
    super::history::read_objects_as_git_does();
    let r = &repo.repo;
    let mut walk = r.revwalk()?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
    for tip in tips {
        walk.push(tip.oid())?;
    }
    for h in hidden {
        walk.hide(h.oid())?;
    }
    let commits = walk.collect::<Result<Vec<Oid>, _>>()?;
    std::thread::scope(|scope| {
        let mut ahead = Ahead::start(scope, repo, &commits);
        walk_commits(repo, &commits, &mut ahead, opts)
    })
}

/// Judges `commits` in order, their file changes read ahead by `ahead` where it could.
fn walk_commits(
    repo: &PlanRepo,
    commits: &[Oid],
    ahead: &mut Ahead,
    opts: &VerifyOptions,
) -> Result<VerifyReport, RepoError> {
    let r = &repo.repo;
    let mut blobs = Blobs::default();
    let mut walker = Walker {
        before: State::empty(),
        after: State::empty(),
        errors: None,
    };
    let mut report = VerifyReport::default();
    for &oid in commits {
        let commit = r.find_commit(oid)?;
        report.walked += 1;
        let read = ahead.next(oid);
        // Commits that never held the plan folder (before it was made) have nothing to judge.
        if repo.plan_tree(oid)?.is_none() {
            continue;
        }
        let first = commit.parent_id(0).ok();
        walker.move_to(repo, first, &mut blobs)?;
        let changes = match read {
            Some(changes) => changes,
            None => {
                let old = match walker.after.at {
                    Some(at) => repo.plan_tree(at)?,
                    None => None,
                };
                let new = repo.plan_tree(oid)?;
                repo.tree_changes(old.as_ref(), new.as_ref(), &mut blobs)?
            }
        };
        let mut touched = repo.apply_changes(&mut walker.after, &changes, &mut blobs)?;
        walker.after.at = Some(oid);
        // A merge answers only for what neither parent held.
        for p in commit.parent_ids().skip(1) {
            let from_other: HashSet<Touched> = repo
                .tree_changes(
                    repo.plan_tree(p)?.as_ref(),
                    repo.plan_tree(oid)?.as_ref(),
                    &mut blobs,
                )?
                .iter()
                .filter_map(|(rel, _)| touched_of(rel))
                .collect();
            touched.retain(|t| from_other.contains(t));
        }
        let author = commit.author();
        let actor = Actor {
            name: author.name().unwrap_or_default().to_owned(),
            email: author.email().unwrap_or_default().to_owned(),
        };
        let rules = walker.before.plan.governance.as_ref();
        let mut findings: Vec<Finding> = judge_touched(
            rules,
            &actor,
            &walker.before.plan,
            &walker.after.plan,
            &touched,
        )
        .into_iter()
        .map(Finding::Breach)
        .collect();
        if let Some(problem) = signature(repo, oid, rules, &actor, opts) {
            findings.push(Finding::Signature(problem));
        }
        if !opts.skip_check
            && let Some(f) = walker.check(first, &touched)
        {
            findings.push(f);
        }
        repo.apply_changes(&mut walker.before, &changes, &mut blobs)?;
        walker.before.at = Some(oid);
        if !findings.is_empty() {
            report.commits.push(CommitReport {
                id: oid.into(),
                author: actor,
                summary: String::from_utf8_lossy(commit.message_bytes())
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                findings,
            });
        }
    }
    Ok(report)
}

/// The file a path of the plan folder is, as the rights engine names it.
fn touched_of(rel: &str) -> Option<Touched> {
    match rel {
        GOVERNANCE_FILE => Some(Touched::Governance),
        PLAN_FILE => Some(Touched::Unit(Unit::Plan)),
        _ => Unit::from_path(rel).map(Touched::Unit),
    }
}

/// What is wrong with a commit's signature under `rules` (those in force before it).
fn signature(
    repo: &PlanRepo,
    oid: Oid,
    rules: Option<&Governance>,
    author: &Actor,
    opts: &VerifyOptions,
) -> Option<SignatureProblem> {
    let rules = rules?;
    let required = rules.signing == Signing::Required;
    // `None`: signed, and nobody checked the signature.
    let proof = match opts.signatures {
        Some(check) => Some(check(oid.into())),
        None => match repo.repo.extract_signature(&oid, None) {
            Ok(_) => None,
            Err(_) => Some(Proof::Unsigned),
        },
    };
    match proof {
        Some(Proof::Unsigned) => required.then_some(SignatureProblem::Unsigned),
        None => required.then_some(SignatureProblem::Unverifiable),
        Some(Proof::Bad { .. }) => Some(SignatureProblem::Bad),
        Some(Proof::Good { key, .. }) => {
            let listed = rules.person(&author.email).is_some_and(|p| p.has_key(&key));
            (!listed).then_some(SignatureProblem::UnknownKey { key })
        }
    }
}
