//! Baselines travel with a sync, and are never overwritten by it. The server's
//! `refs/tags/baseline/*` are fetched apart, under `refs/khutta/baselines/REMOTE/`; one we
//! lack is taken, one the server lacks is sent, and one that records another commit on each
//! side (moved with `--force`, here or there) is reported and left alone on both.

use super::review::BASELINE_TAG_PREFIX;
use super::{PlanRepo, RepoError};
use git2::{ErrorCode, Oid};
use std::collections::{BTreeMap, BTreeSet};

/// What a sync did with the baselines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaselineNews {
    /// Baselines taken from the server (names, without `baseline/`).
    pub received: Vec<String>,
    /// Baselines sent to the server.
    pub sent: Vec<String>,
    /// Baselines of the same name that record different commits here and on the server.
    pub differ: Vec<BaselineDiffers>,
}

impl BaselineNews {
    /// Whether there is anything to say.
    pub fn is_empty(&self) -> bool {
        self.received.is_empty() && self.sent.is_empty() && self.differ.is_empty()
    }
}

/// A baseline that records one commit here and another on the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineDiffers {
    /// The name, without `baseline/`.
    pub name: String,
    /// The commit it records here.
    pub here: super::CommitId,
    /// The commit it records on the server.
    pub there: super::CommitId,
    /// Where the server's version is kept, to compare the two (`khutta diff`).
    pub theirs_ref: String,
}

/// Where the server's baselines are kept after a fetch.
fn staging(remote: &str) -> String {
    format!("refs/khutta/baselines/{remote}/")
}

/// The refspec that fetches the server's baselines apart from ours.
pub(super) fn fetch_refspec(remote: &str) -> String {
    format!("+refs/tags/{BASELINE_TAG_PREFIX}*:{}*", staging(remote))
}

/// The ref of our baseline `name`.
pub(super) fn tag_ref(name: &str) -> String {
    format!("refs/tags/{BASELINE_TAG_PREFIX}{name}")
}

/// The refs under `prefix`: name -> (what the ref points at, the commit it records).
fn refs_under(r: &PlanRepo, prefix: &str) -> Result<BTreeMap<String, (Oid, Oid)>, RepoError> {
    let mut out = BTreeMap::new();
    for reference in r.repo.references_glob(&format!("{prefix}*"))? {
        let reference = reference?;
        let Some(name) = reference.name().ok().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        let (Some(target), Ok(commit)) = (reference.target(), reference.peel_to_commit()) else {
            continue;
        };
        out.insert(name.to_owned(), (target, commit.id()));
    }
    Ok(out)
}

/// Our baselines' names.
pub(super) fn ours(r: &PlanRepo) -> Result<BTreeSet<String>, RepoError> {
    Ok(refs_under(r, &format!("refs/tags/{BASELINE_TAG_PREFIX}"))?
        .into_keys()
        .collect())
}

/// Forgets what the last fetch saw of the server's baselines, so that one deleted there
/// is not taken for one still there.
pub(super) fn forget_theirs(r: &PlanRepo, remote: &str) -> Result<(), RepoError> {
    let names: Vec<String> = r
        .repo
        .references_glob(&format!("{}*", staging(remote)))?
        .filter_map(|reference| reference.ok()?.name().ok().map(str::to_owned))
        .collect();
    for name in names {
        r.repo.find_reference(&name)?.delete()?;
    }
    Ok(())
}

/// After a fetch: takes the server's baselines we lack, notes those that differ, and
/// returns the names of ours the server lacks. `before` are the names we had before the
/// fetch (libgit2 may already have taken a tag the fetch brought along).
pub(super) fn settle(
    r: &PlanRepo,
    remote: &str,
    before: &BTreeSet<String>,
    news: &mut BaselineNews,
) -> Result<Vec<String>, RepoError> {
    let theirs = refs_under(r, &staging(remote))?;
    let mut ours = refs_under(r, &format!("refs/tags/{BASELINE_TAG_PREFIX}"))?;
    news.differ.clear();
    for (name, (target, commit)) in &theirs {
        match ours.get(name) {
            None => {
                match r.repo.reference(
                    &tag_ref(name),
                    *target,
                    false,
                    &format!("khutta sync: baseline from {remote}"),
                ) {
                    Ok(_) => {}
                    // Made meanwhile by someone else: compared below on the next sync.
                    Err(e) if e.code() == ErrorCode::Exists => continue,
                    Err(e) => return Err(e.into()),
                }
                ours.insert(name.clone(), (*target, *commit));
                if !news.received.contains(name) {
                    news.received.push(name.clone());
                }
            }
            Some((_, here)) if here == commit => {
                if !before.contains(name) && !news.received.contains(name) {
                    news.received.push(name.clone());
                }
            }
            Some((_, here)) => news.differ.push(BaselineDiffers {
                name: name.clone(),
                here: (*here).into(),
                there: (*commit).into(),
                theirs_ref: format!("{}{name}", staging(remote)),
            }),
        }
    }
    Ok(ours
        .into_keys()
        .filter(|name| !theirs.contains_key(name))
        .collect())
}
