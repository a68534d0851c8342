//! Carrying out what `update` asks for: saving, reading what changed on disk, the recovery
//! file, git jobs, the external editor. One runner serves the terminal's run loop and the
//! tests, so the tests go through the code users run.
//!
//! The run loop's runner works in the background: saves and reads on threads of their own,
//! git jobs on the repository worker, results back as actions on the loop's channel. The
//! tests' runner does the same work inline, in order, applying each result at once.

use super::action::Action;
use super::app::{App, Effect};
use super::recovery;
use super::repo_view::RepoJob;
use crate::i18n::Said;
use crate::store::{FileWrite, Place};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;

/// What only the terminal can do.
pub trait Host {
    /// Leaves the UI for `$VISUAL`/`$EDITOR` with `text`, and comes back with what was written.
    fn external_editor(&mut self, text: &str) -> Result<String, Said>;
}

/// Where results of background work go: the run loop's channel.
pub type Send = Arc<dyn Fn(Action) + std::marker::Send + Sync>;

/// Carries out effects.
pub struct Runner {
    root: PathBuf,
    /// khutta's state folder: the recovery file, the operation log of a plan outside git.
    state: Option<PathBuf>,
    recovery: Option<PathBuf>,
    background: Option<(Send, mpsc::Sender<RepoJob>)>,
}

impl Runner {
    /// A runner that does everything in the calling thread, in order (for tests).
    pub fn inline(root: &Path, state: Option<PathBuf>) -> Runner {
        Runner {
            root: root.to_path_buf(),
            recovery: state.as_deref().and_then(|s| recovery::location(root, s)),
            state,
            background: None,
        }
    }

    /// Where this runner keeps the recovery file of unsaved edits.
    pub fn recovery(&self) -> Option<&Path> {
        self.recovery.as_deref()
    }

    /// A runner that does slow work off the calling thread, reporting through `send`, with a
    /// repository worker that runs git jobs one at a time (libgit2 and the index lock want no
    /// concurrency).
    pub fn background(
        root: &Path,
        state: Option<PathBuf>,
        lang: crate::model::Lang,
        send: Send,
    ) -> Runner {
        let (jobs, rx) = mpsc::channel::<RepoJob>();
        let worker_root = root.to_path_buf();
        let worker_state = state.clone();
        let to_loop = Arc::clone(&send);
        std::thread::spawn(move || {
            let msg = crate::i18n::Messages::new(lang);
            for job in rx {
                logged_job(&worker_root, worker_state.as_deref(), job, &msg, &|a| {
                    to_loop(a)
                });
            }
        });
        Runner {
            recovery: state.as_deref().and_then(|s| recovery::location(root, s)),
            root: root.to_path_buf(),
            state,
            background: Some((send, jobs)),
        }
    }

    /// Carries out `effects` and every effect their results lead to.
    pub fn run(&self, app: &mut App, effects: Vec<Effect>, host: &mut dyn Host) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            for action in self.carry_out(app, effect, host) {
                queue.extend(app.update(action));
            }
        }
    }

    /// Does one effect; returns the actions that came of it at once.
    fn carry_out(&self, app: &mut App, effect: Effect, host: &mut dyn Host) -> Vec<Action> {
        let root = self.root.clone();
        match effect {
            Effect::Quit => Vec::new(),
            Effect::Save(writes) => {
                let state = self.state.clone();
                self.off_thread(move || save(&root, state.as_deref(), writes))
            }
            Effect::SaveResponse(write) => {
                // One small file, written here and now: the answer is on disk before the next
                // key is read.
                let result = crate::store::write_response(&root, &write)
                    .map(|report| (write, report))
                    .map_err(|e| e.said());
                vec![Action::ResponseSaved(result)]
            }
            Effect::ReadPlaces(places) => self.off_thread(move || vec![read(&root, &places)]),
            Effect::Rescan => {
                let known = app.shared.doc.loaded.sources.hashes.clone();
                self.off_thread(move || {
                    let changed = crate::store::changed_paths(&root, &known);
                    if changed.is_empty() {
                        Vec::new()
                    } else {
                        vec![Action::FilesChanged(changed)]
                    }
                })
            }
            Effect::Repo(job) => match &self.background {
                Some((_, jobs)) => {
                    let _ = jobs.send(job);
                    Vec::new()
                }
                None => {
                    let msg = crate::i18n::Messages::new(app.shared.lang);
                    let queued = std::cell::RefCell::new(Vec::new());
                    logged_job(&root, self.state.as_deref(), job, &msg, &|a| {
                        queued.borrow_mut().push(a)
                    });
                    queued.into_inner()
                }
            },
            Effect::WriteRecovery => match &self.recovery {
                Some(p) => match recovery::write(p, &app.shared.doc) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![Action::RecoveryFailed(crate::said!(
                        "store-io",
                        path = &p.display().to_string(),
                        detail = &e.to_string()
                    ))],
                },
                None => Vec::new(),
            },
            Effect::ClearRecovery => {
                if let Some(p) = &self.recovery {
                    let _ = recovery::clear(p);
                }
                Vec::new()
            }
            Effect::ExternalEditor(text) => vec![Action::EditorClosed(host.external_editor(&text))],
            Effect::Exchange(job) => {
                self.off_thread(move || vec![super::exchange::run(*job, &root)])
            }
        }
    }

    /// Runs `work` on a thread of its own when in the background, else here and now.
    fn off_thread(
        &self,
        work: impl FnOnce() -> Vec<Action> + std::marker::Send + 'static,
    ) -> Vec<Action> {
        match &self.background {
            Some((send, _)) => {
                let send = Arc::clone(send);
                std::thread::spawn(move || {
                    for a in work() {
                        send(a);
                    }
                });
                Vec::new()
            }
            None => work(),
        }
    }
}

/// Writes the files of a save, each atomically and only over what was last read there, after
/// recording what they hold before it in the operation log.
fn save(root: &Path, state: Option<&Path>, writes: Vec<FileWrite>) -> Vec<Action> {
    let files: Vec<String> = writes.iter().map(|w| w.unit.to_string()).collect();
    let kind = crate::repo::oplog::OpKind::Save;
    let trouble = crate::repo::oplog::record(root, state, kind, &files);
    let result = crate::store::write_files(root, &writes)
        .map(|report| (writes, report))
        .map_err(|e| e.said());
    match &result {
        Ok(_) => tracing::info!(files = files.len(), "tui: saved"),
        Err(e) => tracing::error!(files = ?files, error = %e, "tui: save failed"),
    }
    if let Some(trouble) = &trouble {
        tracing::warn!(error = %trouble, "tui: operation log not written");
    }
    let mut out = vec![Action::Saved(result)];
    out.extend(trouble.map(Action::OpLogFailed));
    out
}

/// Runs a git job (see [`super::repo_view::run_job`]), logging when it starts and ends and
/// what went wrong. A sync's own steps are logged by `repo::sync`.
fn logged_job(
    root: &Path,
    state: Option<&Path>,
    job: RepoJob,
    msg: &crate::i18n::Messages,
    send: &dyn Fn(Action),
) {
    let name = match &job {
        RepoJob::State => "state",
        RepoJob::Commit(_) => "commit",
        RepoJob::Sync(..) => "sync",
        RepoJob::Resolve(..) => "resolve",
        RepoJob::Finish => "finish",
        RepoJob::Abort => "abort",
        RepoJob::Revisions(_) => "revisions",
        RepoJob::Authors(..) => "authors",
        RepoJob::ChangedBy(_) => "changed-by",
        RepoJob::Operations => "operations",
        RepoJob::UndoOperation(_) => "undo",
    };
    let started = std::time::Instant::now();
    tracing::debug!(job = name, "tui: job: begin");
    super::repo_view::run_job(root, state, job, msg, &|a| {
        match &a {
            Action::RepoDone(Ok(said)) => {
                tracing::info!(job = name, said = %said, "tui: job: done")
            }
            Action::RepoDone(Err(e)) => tracing::error!(
                job = name,
                error = %crate::repo::net::without_userinfo(e),
                "tui: job: failed"
            ),
            _ => {}
        }
        send(a)
    });
    let ms = started.elapsed().as_millis() as u64;
    tracing::debug!(job = name, ms, "tui: job: end");
}

fn read(root: &Path, places: &[Place]) -> Action {
    Action::DiskRead(Box::new(crate::store::read_places(root, places, None)))
}
