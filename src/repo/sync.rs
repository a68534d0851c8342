//! `khutta sync`: fetch, then fast-forward or merge the plan by meaning, then push; a push
//! refused because a partner pushed first fetches, merges and tries again.

use super::auth::Auth;
use super::merging::{MergeStep, merge_commits};
use super::{PlanRepo, RepoError};
use git2::{ErrorClass, ErrorCode, FetchOptions, Oid, PushOptions, RemoteCallbacks};
use std::cell::RefCell;

/// Where a sync stands, for a progress bar or a gauge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

/// How to sync.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// The remote's name.
    pub remote: String,
    /// How many times to fetch, merge and push before giving up on a remote that keeps moving.
    pub attempts: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            remote: "origin".into(),
            attempts: 3,
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

/// Syncs the plan's branch with `opts.remote`, reporting progress to `progress`.
pub fn sync(
    r: &PlanRepo,
    opts: &SyncOptions,
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<SyncOutcome, RepoError> {
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
    let local = format!("refs/heads/{branch}");
    let upstream = format!("refs/remotes/{}/{branch}", opts.remote);
    let (mut received, mut merged) = (false, false);
    for attempt in 1..=opts.attempts.max(1) {
        if attempt > 1 {
            progress(SyncEvent::Retrying(attempt));
        }
        fetch(r, &opts.remote, progress)?;
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
                fast_forward(r, &local, theirs, &opts.remote)?;
            } else {
                progress(SyncEvent::Merging);
                let label = format!("{}/{branch}", opts.remote);
                match merge_commits(r, ours, theirs, &label)? {
                    MergeStep::Committed(_) => merged = true,
                    MergeStep::Conflicts(n) => return Ok(SyncOutcome::Conflicts(n)),
                }
            }
        }
        let now = r.repo.refname_to_id(&local)?;
        if Some(now) == theirs {
            return Ok(if received {
                SyncOutcome::Synced {
                    received,
                    merged,
                    pushed: false,
                }
            } else {
                SyncOutcome::UpToDate
            });
        }
        match push(r, &opts.remote, &local, progress) {
            Ok(()) => {
                return Ok(SyncOutcome::Synced {
                    received,
                    merged,
                    pushed: true,
                });
            }
            Err(RepoError::PushRaced) => continue,
            Err(e) => return Err(e),
        }
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
    super::oplog::record_checkout(r, kind, &head, &target.tree()?)?;
    r.repo.checkout_tree(
        target.as_object(),
        Some(git2::build::CheckoutBuilder::new().safe()),
    )?;
    r.repo
        .reference(local, theirs, true, "khutta sync: fast-forward")?;
    Ok(())
}

/// Turns a network-level failure into a message that says what happened and that nothing was lost.
fn network_error(e: git2::Error, remote: &str, auth: &Auth) -> RepoError {
    if e.code() == ErrorCode::Auth || (auth.was_asked() && e.class() == ErrorClass::Callback) {
        return RepoError::Auth {
            remote: remote.to_owned(),
            message: auth.explain(),
        };
    }
    if super::is_lock(&e) {
        // A lock file the fetch could not take is local, whatever the operation.
        return e.into();
    }
    match e.class() {
        ErrorClass::Net
        | ErrorClass::Ssl
        | ErrorClass::Ssh
        | ErrorClass::Http
        | ErrorClass::Os
        | ErrorClass::Callback => RepoError::Network {
            remote: remote.to_owned(),
            message: e.message().to_owned(),
        },
        _ => e.into(),
    }
}

/// Fetches the remote's branches into its remote-tracking refs.
fn fetch(r: &PlanRepo, remote: &str, progress: &mut dyn FnMut(SyncEvent)) -> Result<(), RepoError> {
    let mut rem = r
        .repo
        .find_remote(remote)
        .map_err(|_| RepoError::NoRemote(remote.to_owned()))?;
    let auth = RefCell::new(Auth::default());
    let result = {
        let mut cbs = RemoteCallbacks::new();
        cbs.credentials(|url, user, allowed| auth.borrow_mut().credentials(url, user, allowed));
        cbs.transfer_progress(|p| {
            progress(SyncEvent::Fetching {
                received: p.received_objects(),
                total: p.total_objects(),
                bytes: p.received_bytes(),
            });
            true
        });
        let mut fo = FetchOptions::new();
        fo.remote_callbacks(cbs);
        rem.fetch(&[] as &[&str], Some(&mut fo), Some("khutta sync: fetch"))
    };
    result.map_err(|e| network_error(e, remote, &auth.borrow()))
}

/// Pushes the branch; a refusal because the remote moved is [`RepoError::PushRaced`], any other
/// refusal by the server carries the server's message.
fn push(
    r: &PlanRepo,
    remote: &str,
    local: &str,
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<(), RepoError> {
    let mut rem = r
        .repo
        .find_remote(remote)
        .map_err(|_| RepoError::NoRemote(remote.to_owned()))?;
    let auth = RefCell::new(Auth::default());
    let rejected: RefCell<Option<(String, String)>> = RefCell::new(None);
    let result = {
        let mut cbs = RemoteCallbacks::new();
        cbs.credentials(|url, user, allowed| auth.borrow_mut().credentials(url, user, allowed));
        cbs.push_transfer_progress(|sent, total, bytes| {
            progress(SyncEvent::Pushing { sent, total, bytes })
        });
        // The server's refusal (a hook, a protected branch, a race) arrives here, not as an error.
        cbs.push_update_reference(|refname, status| {
            if let Some(msg) = status {
                *rejected.borrow_mut() = Some((refname.to_owned(), msg.to_owned()));
            }
            Ok(())
        });
        let mut po = PushOptions::new();
        po.remote_callbacks(cbs);
        rem.push(&[format!("{local}:{local}")], Some(&mut po))
    };
    match result {
        Err(e) if e.code() == ErrorCode::NotFastForward => Err(RepoError::PushRaced),
        Err(e) => Err(network_error(e, remote, &auth.borrow())),
        Ok(()) => match rejected.into_inner() {
            Some((_, msg)) if is_race(&msg) => Err(RepoError::PushRaced),
            Some((refname, message)) => Err(RepoError::Rejected { refname, message }),
            // libgit2 moves the remote-tracking ref itself after a successful push.
            None => Ok(()),
        },
    }
}

/// Whether a server's refusal means "someone pushed first" (fetch, merge and retry).
fn is_race(message: &str) -> bool {
    let m = message.to_lowercase();
    m.contains("non-fast-forward")
        || m.contains("fetch first")
        || m.contains("failed to update ref")
        || m.contains("stale info")
}
