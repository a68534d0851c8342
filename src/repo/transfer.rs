//! Fetch and push with what a person needs around them: credentials, the server's messages,
//! a cancel the callbacks honour, a bounded wait, and errors that say what happened.

use super::auth::Auth;
use super::net::{ServerLines, bound_waits};
use super::sync::{SyncEvent, SyncOptions};
use super::{PlanRepo, RepoError, baseline_sync};
use crate::said;
use git2::{ErrorClass, ErrorCode, FetchOptions, PushOptions, RemoteCallbacks};
use std::cell::RefCell;

fn remote<'r>(r: &'r PlanRepo, opts: &SyncOptions) -> Result<git2::Remote<'r>, RepoError> {
    r.repo
        .find_remote(&opts.remote)
        .map_err(|_| RepoError::NoRemote(opts.remote.clone()))
}

fn auth(r: &PlanRepo, opts: &SyncOptions) -> Auth {
    // The repository's config: its own entries (a clone's credential helper) before the
    // global and system ones, as git reads them.
    Auth::new(
        r.repo.config().ok(),
        opts.prompt.clone(),
        opts.cancel.clone(),
    )
}

/// Fetches the remote's branches into its remote-tracking refs, and its baselines apart
/// (see `baseline_sync`).
pub(super) fn fetch(
    r: &PlanRepo,
    opts: &SyncOptions,
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<(), RepoError> {
    bound_waits(opts.timeout);
    let mut rem = remote(r, opts)?;
    let mut specs: Vec<String> = rem
        .fetch_refspecs()?
        .iter()
        .filter_map(|spec| spec.ok().flatten().map(str::to_owned))
        .collect();
    specs.push(baseline_sync::fetch_refspec(&opts.remote));
    let url = logged_url(&rem);
    tracing::info!(remote = %opts.remote, url = %url, "fetch: begin");
    let auth = RefCell::new(auth(r, opts));
    let progress = RefCell::new(progress);
    let lines = RefCell::new(ServerLines::default());
    let cancel = &opts.cancel;
    let result = {
        let mut cbs = RemoteCallbacks::new();
        cbs.credentials(|url, user, allowed| auth.borrow_mut().credentials(url, user, allowed));
        cbs.transfer_progress(|p| {
            (*progress.borrow_mut())(SyncEvent::Fetching {
                received: p.received_objects(),
                total: p.total_objects(),
                bytes: p.received_bytes(),
            });
            !cancel.is_cancelled()
        });
        // While fetching, the server speaks only of its own progress (counting, compressing).
        cbs.sideband_progress(|data| {
            for mut line in lines.borrow_mut().feed(data) {
                line.progress = true;
                (*progress.borrow_mut())(SyncEvent::Server(line));
            }
            !cancel.is_cancelled()
        });
        let mut fo = FetchOptions::new();
        fo.remote_callbacks(cbs);
        // libgit2's tag following would put the server's baselines straight among ours,
        // bypassing the refspec that keeps them apart, and take nothing that differs: the
        // baselines come by that refspec alone, and other tags are left to git.
        fo.download_tags(git2::AutotagOption::None);
        rem.fetch(&specs, Some(&mut fo), Some("khutta sync: fetch"))
    };
    log_end("fetch", opts, &url, &result);
    result.map_err(|e| network_error(e, opts, &auth.borrow()))
}

/// The remote's URL as it may be logged: without a password or token.
fn logged_url(rem: &git2::Remote<'_>) -> String {
    rem.url()
        .map(|u| super::net::without_userinfo(u).into_owned())
        .unwrap_or_default()
}

/// Logs how a fetch or a push (`step`) ended, with libgit2's own words when it failed.
fn log_end(step: &str, opts: &SyncOptions, url: &str, result: &Result<(), git2::Error>) {
    match result {
        Ok(()) => tracing::info!(remote = %opts.remote, "{step}: end"),
        Err(e) => tracing::warn!(
            remote = %opts.remote,
            url = %url,
            code = ?e.code(),
            class = ?e.class(),
            cancelled = opts.cancel.is_cancelled(),
            error = %super::net::without_userinfo(e.message()),
            "{step}: failed"
        ),
    }
}

/// Pushes `branch` (a full ref name) when given and the baselines `tags`; a refusal because
/// the remote moved is [`RepoError::PushRaced`], any other refusal by the server carries
/// the server's message. What the server says meanwhile (a hook's words) goes to `progress`.
pub(super) fn push(
    r: &PlanRepo,
    opts: &SyncOptions,
    branch: Option<&str>,
    tags: &[String],
    progress: &mut dyn FnMut(SyncEvent),
) -> Result<(), RepoError> {
    bound_waits(opts.timeout);
    let mut rem = remote(r, opts)?;
    let mut specs: Vec<String> = branch.map(|b| format!("{b}:{b}")).into_iter().collect();
    specs.extend(tags.iter().map(|name| {
        let tag = baseline_sync::tag_ref(name);
        format!("{tag}:{tag}")
    }));
    let url = logged_url(&rem);
    tracing::info!(remote = %opts.remote, url = %url, specs = ?specs, "push: begin");
    let auth = RefCell::new(auth(r, opts));
    let rejected: RefCell<Vec<(String, String)>> = RefCell::new(Vec::new());
    let progress = RefCell::new(progress);
    let lines = RefCell::new(ServerLines::default());
    let cancel = &opts.cancel;
    let result = {
        let mut cbs = RemoteCallbacks::new();
        cbs.credentials(|url, user, allowed| auth.borrow_mut().credentials(url, user, allowed));
        cbs.push_transfer_progress(|sent, total, bytes| {
            (*progress.borrow_mut())(SyncEvent::Pushing { sent, total, bytes })
        });
        // The last moment to stop before anything is sent.
        cbs.push_negotiation(|_| {
            if cancel.is_cancelled() {
                Err(git2::Error::from_str("cancelled"))
            } else {
                Ok(())
            }
        });
        // A hook's words, and the server's progress, while it receives and decides.
        cbs.sideband_progress(|data| {
            for line in lines.borrow_mut().feed(data) {
                (*progress.borrow_mut())(SyncEvent::Server(line));
            }
            !cancel.is_cancelled()
        });
        // The server's refusal (a hook, a protected branch, a race) arrives here, not as an error.
        cbs.push_update_reference(|refname, status| {
            if let Some(msg) = status {
                rejected
                    .borrow_mut()
                    .push((refname.to_owned(), msg.to_owned()));
            }
            Ok(())
        });
        let mut po = PushOptions::new();
        po.remote_callbacks(cbs);
        rem.push(&specs, Some(&mut po))
    };
    if let Some(line) = lines.borrow_mut().finish() {
        (*progress.borrow_mut())(SyncEvent::Server(line));
    }
    log_end("push", opts, &url, &result);
    for (refname, message) in rejected.borrow().iter() {
        tracing::warn!(remote = %opts.remote, refname, message, "push: refused by the server");
    }
    match result {
        Err(_) if opts.cancel.is_cancelled() => Err(RepoError::Cancelled),
        Err(e) if e.code() == ErrorCode::NotFastForward => Err(RepoError::PushRaced),
        Err(e) => Err(network_error(e, opts, &auth.borrow())),
        Ok(()) => {
            let rejected = rejected.into_inner();
            if rejected.iter().any(|(_, msg)| is_race(msg)) {
                return Err(RepoError::PushRaced);
            }
            match rejected.into_iter().next() {
                Some((refname, message)) => Err(RepoError::Rejected { refname, message }),
                // libgit2 moves the remote-tracking ref itself after a successful push.
                None => Ok(()),
            }
        }
    }
}

/// Turns a network-level failure into a message that says what happened and that nothing was lost.
fn network_error(e: git2::Error, opts: &SyncOptions, auth: &Auth) -> RepoError {
    let remote = opts.remote.clone();
    if opts.cancel.is_cancelled() {
        return RepoError::Cancelled;
    }
    let lower = e.message().to_lowercase();
    if e.code() == ErrorCode::Timeout
        || (matches!(
            e.class(),
            ErrorClass::Net | ErrorClass::Ssh | ErrorClass::Os
        ) && lower.contains("timed out"))
    {
        return RepoError::TimedOut {
            remote,
            seconds: opts.timeout.as_secs(),
        };
    }
    if e.code() == ErrorCode::Certificate {
        return RepoError::HostKey {
            remote,
            message: e.message().to_owned(),
        };
    }
    if let (Some(key), ErrorClass::Ssh) = (&auth.typed_passphrase, e.class()) {
        // libssh2 says a wrong passphrase is a broken key file.
        return RepoError::Auth {
            remote,
            message: said!("auth-wrong-passphrase", path = &key.display()),
        };
    }
    if e.code() == ErrorCode::Auth || (auth.was_asked() && e.class() == ErrorClass::Callback) {
        return RepoError::Auth {
            remote,
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
            remote,
            message: e.message().to_owned(),
        },
        _ => e.into(),
    }
}

/// Whether a server's refusal means "someone pushed first" (fetch, merge and retry).
fn is_race(message: &str) -> bool {
    let m = message.to_lowercase();
    m.contains("non-fast-forward")
        || m.contains("fetch first")
        || m.contains("failed to update ref")
        || m.contains("stale info")
        || m.contains("already exists")
}
