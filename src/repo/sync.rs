//! `khutta sync`: fetch, then fast-forward or merge the plan by meaning, then push; a push
//! refused because a partner pushed first fetches, merges and tries again. Baselines travel
//! too (`baseline_sync`). A cancel stops the sync at the next callback of a transfer or
//! between steps, each of which is whole: a fetch, a merge commit, a push.

use super::auth::{AskOnce, Prompter};
use super::baseline_sync::{self, BaselineNews};
use super::merging::{MergeStep, merge_commits};
use super::net::{Cancel, ServerLine};
use super::transfer::{fetch, push};
use super::{PlanRepo, RepoError};
use git2::{ErrorCode, Oid};
use std::sync::Arc;
use std::time::Duration;

/// Where a sync stands, for a progress bar or a gauge, and what the server says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncEvent {
    /// Receiving objects.
    Fetching {
        /// Objects received.
        received: usize,
        /// Objects to receive.
        total: usize,
        /// Bytes received.
        bytes: usize,
    },
    /// Merging what came in.
    Merging,
    /// Sending objects.
    Pushing {
        /// Objects sent.
        sent: usize,
        /// Objects to send.
        total: usize,
        /// Bytes sent.
        bytes: usize,
    },
    /// A partner pushed first: fetching again (attempt number).
    Retrying(usize),
    /// A line from the server: a hook's message, or the server's own progress.
    Server(ServerLine),
}

/// How to sync.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// The remote's name.
    pub remote: String,
    /// How many times to fetch, merge and push before giving up on a remote that keeps moving.
    pub attempts: usize,
    /// Raised to stop the sync.
    pub cancel: Cancel,
    /// Someone to ask for a passphrase or password, once, when nothing stored works.
    pub prompt: Option<Arc<dyn Prompter>>,
    /// How long to wait for a server that says nothing (the first sync of the process sets
    /// it for the process: libgit2 keeps it globally).
    pub timeout: Duration,
}

impl Default for SyncOptions {
    /// `origin`, three attempts, and the wait of `KHUTTA_NET_TIMEOUT` (60 s without it).
    fn default() -> Self {
        SyncOptions {
            remote: "origin".into(),
            attempts: 3,
            cancel: Cancel::default(),
            prompt: None,
            timeout: super::net::timeout_from_env(),
        }
    }
}

/// What a sync did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncOutcome {
    /// The remote and the local branch were already the same.
    UpToDate,
    /// The branch now equals the remote's.
    Synced {
        /// Whether commits came in.
        received: bool,
        /// Whether a merge commit was made.
        merged: bool,
        /// Whether commits went out.
        pushed: bool,
    },
    /// The merge stopped on conflicts, kept in the merge state; nothing was pushed.
    Conflicts(usize),
}

/// What a sync did: with the branch, and with the baselines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncReport {
    /// What became of the branch.
    pub outcome: SyncOutcome,
    /// Baselines received, sent, and those that differ.
    pub baselines: BaselineNews,
}

/// Syncs the plan's branch with `opts.remote`, reporting progress to `progress`.
pub fn sync(
    r: &PlanRepo,
    opts: &SyncOptions,
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<SyncReport, RepoError> {
    let started = std::time::Instant::now();
    tracing::info!(remote = %opts.remote, "sync: begin");
    let result = steps(r, opts, progress);
    let ms = started.elapsed().as_millis() as u64;
    match &result {
        Ok(report) => tracing::info!(
            remote = %opts.remote,
            outcome = ?report.outcome,
            baselines = ?report.baselines,
            ms,
            "sync: end"
        ),
        Err(e) => tracing::error!(
            remote = %opts.remote,
            error = %super::net::without_userinfo(&e.to_string()),
            detail = %super::net::without_userinfo(&format!("{e:?}")),
            ms,
            "sync: failed"
        ),
    }
    result
}

/// The steps of [`sync`], each of which either finishes or does not start.
fn steps(
    r: &PlanRepo,
    opts: &SyncOptions,
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<SyncReport, RepoError> {
    if super::merge_state::load(r)?.is_some() {
        return Err(RepoError::MergeInProgress);
    }
    if !super::pending_changes(r)?.is_empty() {
        return Err(RepoError::Uncommitted);
    }
    let head = r.repo.head()?;
    if !head.is_branch() {
        return Err(RepoError::DetachedHead);
    }
    let branch = head
        .shorthand()
        .map_err(|_| RepoError::DetachedHead)?
        .to_owned();
    // One question to a person per sync, though its fetch and push each connect.
    let asking = SyncOptions {
        prompt: opts
            .prompt
            .clone()
            .map(|p| Arc::new(AskOnce::new(p)) as Arc<dyn Prompter>),
        ..opts.clone()
    };
    let opts = &asking;
    let local = format!("refs/heads/{branch}");
    let upstream = format!("refs/remotes/{}/{branch}", opts.remote);
    let (mut received, mut merged) = (false, false);
    let mut baselines = BaselineNews::default();
    let report = |outcome, baselines| Ok(SyncReport { outcome, baselines });
    let stop = || {
        if opts.cancel.is_cancelled() {
            Err(RepoError::Cancelled)
        } else {
            Ok(())
        }
    };
    tracing::debug!(branch = %branch, upstream = %upstream, "sync: branch");
    for attempt in 1..=opts.attempts.max(1) {
        if attempt > 1 {
            tracing::info!(attempt, "sync: a partner pushed first; again");
            progress(SyncEvent::Retrying(attempt));
        }
        stop()?;
        let had = baseline_sync::ours(r)?;
        baseline_sync::forget_theirs(r, &opts.remote)?;
        fetch(r, opts, progress)?;
        let to_send = baseline_sync::settle(r, &opts.remote, &had, &mut baselines)?;
        stop()?;
        let ours = r.repo.refname_to_id(&local)?;
        let theirs = match r.repo.refname_to_id(&upstream) {
            Ok(id) => Some(id),
            Err(e) if e.code() == ErrorCode::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        // Their commits come in unless ours already contains them (we are only ahead).
        if let Some(theirs) =
            theirs.filter(|t| *t != ours && !r.repo.graph_descendant_of(ours, *t).unwrap_or(false))
        {
            received = true;
            if r.repo.graph_descendant_of(theirs, ours)? {
                tracing::info!(from = %ours, to = %theirs, "sync: fast-forward");
                fast_forward(r, &local, theirs, &opts.remote)?;
            } else {
                progress(SyncEvent::Merging);
                let label = format!("{}/{branch}", opts.remote);
                tracing::info!(ours = %ours, theirs = %theirs, "sync: merge: begin");
                match merge_commits(r, ours, theirs, &label)? {
                    MergeStep::Committed(id) => {
                        tracing::info!(commit = %id, "sync: merge: committed");
                        merged = true
                    }
                    MergeStep::Conflicts(n) => {
                        tracing::warn!(conflicts = n, "sync: merge: stopped on conflicts");
                        return report(SyncOutcome::Conflicts(n), baselines);
                    }
                }
            }
        }
        let now = r.repo.refname_to_id(&local)?;
        let send_branch = (Some(now) != theirs).then_some(local.as_str());
        if send_branch.is_some() || !to_send.is_empty() {
            stop()?;
            match push(r, opts, send_branch, &to_send, progress) {
                Ok(()) => baselines.sent.extend(to_send),
                Err(RepoError::PushRaced) => {
                    tracing::info!(attempt, "sync: push refused: the remote moved");
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        let pushed = send_branch.is_some();
        let outcome = if received || pushed {
            SyncOutcome::Synced {
                received,
                merged,
                pushed,
            }
        } else {
            SyncOutcome::UpToDate
        };
        return report(outcome, baselines);
    }
    Err(RepoError::RemoteKeepsMoving(opts.remote.clone()))
}

/// Moves the branch to `theirs`: the work tree first (refusing to overwrite local edits), then
/// the ref, so that an interruption never leaves a branch pointing past its files.
fn fast_forward(r: &PlanRepo, local: &str, theirs: Oid, remote: &str) -> Result<(), RepoError> {
    let target = r.repo.find_commit(theirs)?;
    let head = r.repo.head()?.peel_to_tree()?;
    let kind = super::oplog::OpKind::Sync {
        remote: remote.to_owned(),
    };
    let to = target.tree()?;
    super::oplog::record_checkout(r, kind, &head, &to)?;
    super::checkout::checkout(r, &head, &to)?;
    r.repo
        .reference(local, theirs, true, "khutta sync: fast-forward")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::model::Lang;

    /// Whatever a sync ends in, the person is told what to do next, in either language.
    #[test]
    fn every_error_a_sync_can_end_in_has_a_hint() {
        let io = || std::io::Error::other("disk full");
        let errors = [
            RepoError::NotARepository { path: "x".into() },
            RepoError::NotSetUp,
            RepoError::NoIdentity,
            RepoError::MergeInProgress,
            RepoError::Uncommitted,
            RepoError::DetachedHead,
            RepoError::NoRemote("origin".into()),
            RepoError::Network {
                remote: "origin".into(),
                message: "connection refused".into(),
            },
            RepoError::Auth {
                remote: "origin".into(),
                message: crate::said!("auth-unsupported"),
            },
            RepoError::Rejected {
                refname: "refs/heads/main".into(),
                message: "pre-receive hook declined".into(),
            },
            RepoError::PushRaced,
            RepoError::RemoteKeepsMoving("origin".into()),
            RepoError::Cancelled,
            RepoError::TimedOut {
                remote: "origin".into(),
                seconds: 60,
            },
            RepoError::HostKey {
                remote: "origin".into(),
                message: "unknown host key".into(),
            },
            RepoError::FileConflicts(vec!["README.md".into()]),
            RepoError::HandEdits(vec!["activities/a.ron".into()]),
            RepoError::Io {
                path: "x".into(),
                source: io(),
            },
            RepoError::Store(crate::store::StoreError::Io {
                path: "x".into(),
                source: io(),
            }),
            RepoError::Git(git2::Error::from_str("object not found")),
        ];
        let (en, ar) = (Messages::new(Lang::En), Messages::new(Lang::Ar));
        for e in errors {
            let hint = e.hint();
            assert!(hint.is_some(), "no hint for {e:?}");
            let hint = hint.unwrap_or_else(|| crate::said!("auth-unsupported"));
            assert_ne!(hint.show(&en), hint.show(&ar), "{e:?}");
        }
    }
}
