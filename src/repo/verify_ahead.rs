//! The file changes of a walk's commits, read ahead on a second thread while the walk judges
//! the commits before them. Reading a commit's folders is most of what verifying it costs on
//! a large plan (git inflates a 500 KB `activities` folder for each commit), and it depends on
//! nothing the judging does: each commit's plan folder joined with its first parent's.
//!
//! The thread opens the repository again (a repository is not shared between threads). What
//! it cannot read (objects that only the caller's handle sees, such as a push's quarantined
//! objects in a hook) it leaves to the walk, which reads it as it would without the thread:
//! the verdict never depends on the thread, only the time.

use super::verify_state::Blobs;
use super::{PlanRepo, RepoError};
use git2::Oid;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::Scope;

/// A commit's plan files that differ from its first parent's, each with its new blob.
pub(super) type Changes = Vec<(String, Option<Oid>)>;

/// How many commits the thread may read ahead of the walk.
const AHEAD: usize = 32;

/// Below this many commits the thread is not worth starting.
const FEW: usize = 4;

/// What the walk asks for each commit, in the walk's order.
pub(super) struct Ahead {
    rx: Option<Receiver<(Oid, Option<Changes>)>>,
}

impl Ahead {
    /// Starts reading the changes of `commits` (in the walk's order) within `scope`; on one
    /// core, or for a few commits, nothing is started and the walk reads them itself.
    pub(super) fn start<'s>(scope: &'s Scope<'s, '_>, repo: &PlanRepo, commits: &[Oid]) -> Ahead {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores < 2 || commits.len() < FEW {
            return Ahead { rx: None };
        }
        let (tx, rx) = sync_channel(AHEAD);
        let (dir, prefix, commits) = (
            repo.repo.path().to_path_buf(),
            repo.prefix.clone(),
            commits.to_vec(),
        );
        scope.spawn(move || {
            let Ok(repo) = git2::Repository::open(&dir) else {
                return;
            };
            let repo = PlanRepo { repo, prefix };
            let mut trees = Blobs::default();
            for oid in commits {
                let changes = changes_of(&repo, oid, &mut trees).ok().flatten();
                // The walk stopped (it failed, or it is over): so does the thread.
                if tx.send((oid, changes)).is_err() {
                    return;
                }
            }
        });
        Ahead { rx: Some(rx) }
    }

    /// The changes of `oid`, the next commit of the walk, if the thread read them.
    pub(super) fn next(&mut self, oid: Oid) -> Option<Changes> {
        let rx = self.rx.as_ref()?;
        match rx.recv() {
            Ok((at, changes)) if at == oid => changes,
            // Out of step (which cannot happen) or the thread is gone: the walk reads alone.
            _ => {
                self.rx = None;
                None
            }
        }
    }
}

/// The changes of `oid` against its first parent; `None` when it holds no plan folder.
fn changes_of(repo: &PlanRepo, oid: Oid, trees: &mut Blobs) -> Result<Option<Changes>, RepoError> {
    let Some(new) = repo.plan_tree(oid)? else {
        return Ok(None);
    };
    let old = match repo.repo.find_commit(oid)?.parent_id(0).ok() {
        Some(p) => repo.plan_tree(p)?,
        None => None,
    };
    Ok(Some(repo.tree_changes(old.as_ref(), Some(&new), trees)?))
}
