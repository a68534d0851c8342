//! The TUI's view of the git repository: pending files, history, a merge in progress, and the
//! jobs (commit, sync, resolve) that run on the repository worker, one at a time.

use super::Screen;
use super::action::Action;
use super::app::{App, Effect};
use super::editor::Purpose;
use super::form::spec::EditorKind;
use super::popup::Popup;
use crate::diff::Conflict;
use crate::i18n::Arg;
use crate::repo::merge_state::Pick;
use crate::repo::{BaselineNews, Cancel, LogEntry, PlanRepo, SyncEvent, SyncOptions, SyncOutcome};
use crate::text::escape_controls;
use std::path::Path;

/// A merge waiting for its conflicts to be settled.
#[derive(Clone, Debug, Default)]
pub struct MergeView {
    /// Their side's name (`origin/main`).
    pub label: String,
    /// The conflicts left.
    pub conflicts: Vec<Conflict>,
}

/// What the repository holds, as last read by the worker.
#[derive(Clone, Debug, Default)]
pub struct RepoView {
    /// Why git features are unavailable (not a repository, not set up), once known.
    pub unavailable: Option<String>,
    /// Plan files changed since the last commit.
    pub pending: Vec<String>,
    /// Commits that touched the plan, newest first.
    pub history: Vec<LogEntry>,
    /// The baselines, oldest first.
    pub baselines: Vec<crate::repo::Baseline>,
    /// The merge in progress.
    pub merge: Option<MergeView>,
    /// A sync's progress while it runs.
    pub progress: Option<SyncEvent>,
    /// The running sync's cancel (`esc` or `ctrl-c` raise it).
    pub cancel: Option<Cancel>,
    /// What the server said to a person during the sync (a hook's message), line by line,
    /// escaped: the last line goes on the status line when the sync ends, and a refusal of
    /// several lines (`khutta guard` names each commit, entity, field and rule) opens whole
    /// in a message.
    pub server: Vec<String>,
    /// Whether a job is running.
    pub busy: bool,
    /// A save wrote files and the state that says so is on its way: `pending` is out of
    /// date until it arrives (and the arriving state, read by the worker, clears this).
    pub refreshing: bool,
    /// The operation log, while the History screen shows it instead of the commits.
    pub ops: Option<Result<Vec<crate::repo::oplog::Op>, String>>,
    /// Why this clone cannot run khutta's merge driver, with what to do.
    pub drivers: Option<String>,
    /// The person at the keyboard as git knows them (`user.name`, `user.email` of the
    /// repository), for the plan's rules; `None` outside a repository or without one.
    pub identity: Option<(String, String)>,
    /// Files read from disk whose bringer is not known yet (their commit had not landed
    /// when they were read), asked again when the branch moves.
    pub unattributed: Vec<String>,
}

/// Work for the repository worker.
#[derive(Clone, Debug, PartialEq)]
pub enum RepoJob {
    /// Read the repository's state.
    State,
    /// Commit the plan with a message.
    Commit(String),
    /// Sync with a remote; the cancel stops it.
    Sync(String, Cancel),
    /// Settle conflict `n` of the merge.
    Resolve(usize, Pick),
    /// Make the merge commit.
    Finish,
    /// Abandon the merge.
    Abort,
    /// Read the plans at these commits, for the Review screen.
    Revisions(Vec<crate::repo::CommitId>),
    /// Find who made the commits from the first to the second, for the Review screen.
    Authors(crate::repo::CommitId, crate::repo::CommitId),
    /// Find who made the commits that brought these plan files as they are.
    ChangedBy(Vec<String>),
    /// Read the operation log.
    Operations,
    /// Put the plan's files back as before this operation.
    UndoOperation(u64),
}

/// The repository's state arrived.
pub fn arrived(app: &mut App, view: RepoView) -> Vec<Effect> {
    let ops = app.shared.repo.ops.take();
    let reread = ops.is_some();
    // Said once, when first seen: a clone that merges plan files line by line.
    if let (Some(why), None) = (&view.drivers, &app.shared.repo.drivers) {
        app.shared.status.clone_from(why);
    }
    app.shared.repo = RepoView {
        progress: app.shared.repo.progress.take(),
        busy: app.shared.repo.busy,
        cancel: app.shared.repo.cancel.take(),
        server: std::mem::take(&mut app.shared.repo.server),
        unattributed: std::mem::take(&mut app.shared.repo.unattributed),
        ops,
        ..view
    };
    if app.shared.repo.merge.is_none()
        && app.shared.doc.conflicts.is_empty()
        && app.shared.screen == Screen::Conflicts
    {
        app.shared.screen = Screen::History;
    }
    let n = super::screens::conflicts::rows(&app.shared).len();
    app.screens.conflicts.cursor.step(0, n);
    let mut effects =
        super::screens::review::repo_changed(&mut app.screens.review, &mut app.shared);
    if reread {
        // The operations shown follow what was just done.
        effects.push(Effect::Repo(RepoJob::Operations));
    }
    effects
}

/// A job finished.
pub fn done(app: &mut App, result: Result<String, String>) -> Vec<Effect> {
    let cancelled = app
        .shared
        .repo
        .cancel
        .as_ref()
        .is_some_and(Cancel::is_cancelled);
    app.shared.repo.busy = false;
    app.shared.repo.progress = None;
    app.shared.repo.cancel = None;
    let failed = result.is_err();
    let status = match result {
        Ok(m) => m,
        Err(e) => e,
    };
    let said = std::mem::take(&mut app.shared.repo.server);
    // A refusal the status line would cut is shown whole; a sync the user stopped is not
    // one.
    if failed && !cancelled && said.len() > 1 {
        app.shared.popup = Some(Popup::Message(format!("{status}\n\n{}", said.join("\n"))));
    }
    // What the server said stays beside the outcome: a hook's reason for refusing, or its
    // note on what it accepted.
    app.shared.status = match said.last() {
        Some(line) => app.shared.msg.get_args(
            "tui-sync-server-said",
            &[("status", status.into()), ("line", line.as_str().into())],
        ),
        None => status,
    };
    Vec::new()
}

/// What a running sync reported.
pub(crate) fn sync_progress(app: &mut App, e: SyncEvent) -> Vec<Effect> {
    if let SyncEvent::Server(line) = &e
        && !line.progress
    {
        // Bounded: a server that talks without end cannot fill the memory.
        if app.shared.repo.server.len() < 200 {
            app.shared
                .repo
                .server
                .push(escape_controls(&line.text).into_owned());
        }
    }
    app.shared.repo.progress = Some(e);
    Vec::new()
}

/// Asks the running sync to stop: it does at the next step of the transfer, and the status
/// line then says so.
pub(crate) fn cancel_sync(app: &mut App) -> Vec<Effect> {
    if let Some(cancel) = &app.shared.repo.cancel {
        cancel.cancel();
        app.shared.status = app.shared.msg.get("tui-sync-cancelling").into_owned();
    }
    Vec::new()
}

fn refuse_unsaved(app: &mut App) -> bool {
    if app.shared.doc.is_dirty() {
        app.shared.status = app.shared.msg.get("tui-save-first").into_owned();
        return true;
    }
    if let Some(why) = &app.shared.repo.unavailable {
        app.shared.status = why.clone();
        return true;
    }
    app.shared.repo.busy
}

/// Asks for a commit message.
pub(crate) fn start_commit(app: &mut App) -> Vec<Effect> {
    if refuse_unsaved(app) {
        return Vec::new();
    }
    // Just after a save the files it wrote are not yet among the pending ones: ask for the
    // message anyway, and let the commit itself say if there is nothing to commit.
    if app.shared.repo.pending.is_empty() && !app.shared.repo.refreshing {
        app.shared.status = app.shared.msg.get("tui-nothing-to-commit").into_owned();
        return Vec::new();
    }
    super::editing::open_editor(
        &mut app.shared,
        Purpose::Commit,
        "tui-commit-title",
        EditorKind::Text,
        "",
    );
    Vec::new()
}

/// Starts a sync with `origin`.
pub(crate) fn start_sync(app: &mut App) -> Vec<Effect> {
    if refuse_unsaved(app) {
        return Vec::new();
    }
    if app.shared.repo.merge.is_some() {
        app.shared.status = app.shared.msg.get("tui-merge-first").into_owned();
        return Vec::new();
    }
    app.shared.repo.busy = true;
    app.shared.repo.server.clear();
    let cancel = Cancel::default();
    app.shared.repo.cancel = Some(cancel.clone());
    app.shared.status = app.shared.msg.get("tui-syncing").into_owned();
    vec![Effect::Repo(RepoJob::Sync("origin".into(), cancel))]
}

/// Starts a job on the merge in progress.
pub(crate) fn merge_job(sh: &mut super::shared::Shared, job: RepoJob) -> Vec<Effect> {
    if sh.repo.busy || sh.repo.merge.is_none() {
        return Vec::new();
    }
    sh.repo.busy = true;
    vec![Effect::Repo(job)]
}

/// A repository error and what to do about it, in the UI's language.
fn explain(e: &crate::repo::RepoError, msg: &crate::i18n::Messages) -> String {
    match e.hint() {
        Some(h) => format!("{} ({})", e.said().show(msg), h.show(msg)),
        None => e.said().show(msg),
    }
}

/// Reads the repository's state (on the worker).
pub(crate) fn read_state(root: &Path, msg: &crate::i18n::Messages) -> RepoView {
    let r = match PlanRepo::open(root) {
        Ok(r) => r,
        Err(e) => {
            return RepoView {
                unavailable: Some(explain(&e, msg)),
                ..RepoView::default()
            };
        }
    };
    let pending = crate::repo::pending_changes(&r)
        .map(|v| v.into_iter().map(|(p, _)| p).collect())
        .unwrap_or_default();
    let history = r.log(None, 500).unwrap_or_default();
    let baselines = r.baselines().unwrap_or_default();
    let merge = match crate::repo::in_progress(&r) {
        Ok(Some((state, result))) => Some(MergeView {
            label: state.label,
            conflicts: result.conflicts,
        }),
        _ => None,
    };
    // Whether the driver is this very khutta is the command line's question; here, whether
    // there is one that runs.
    let drivers = crate::repo::drivers_problem(root, None)
        .map(|p| format!("{} ({})", p.show(msg), msg.get("repo-driver-hint")));
    RepoView {
        unavailable: None,
        pending,
        history,
        baselines,
        merge,
        drivers,
        identity: r.identity(),
        ..RepoView::default()
    }
}

/// Runs a job (on the worker), sending what happens as actions.
pub(crate) fn run_job(
    root: &Path,
    state: Option<&Path>,
    job: RepoJob,
    msg: &crate::i18n::Messages,
    send: &dyn Fn(Action),
) {
    if job == RepoJob::State {
        // Reading the state never fails: an unusable repository is part of the state.
        send(Action::Repo(Box::new(read_state(root, msg))));
        return;
    }
    if let RepoJob::Revisions(commits) = &job {
        send(super::screens::review::read(root, commits));
        return;
    }
    if let RepoJob::Authors(a, b) = job {
        send(super::screens::review::read_authors(root, a, b));
        return;
    }
    if job == RepoJob::Operations {
        let ops = crate::repo::oplog::OpLog::open(root, state)
            .and_then(|log| log.list(1000))
            .map_err(|e| explain(&e, msg));
        send(Action::Operations(ops));
        return;
    }
    if let RepoJob::UndoOperation(n) = job {
        let result = crate::repo::oplog::OpLog::open(root, state).and_then(|log| log.undo(n));
        let said = match result {
            Ok(u) => Ok(msg.get_args(
                "tui-operation-undone",
                &[("number", n.into()), ("count", u.files.len().into())],
            )),
            Err(e) => Err(explain(&e, msg)),
        };
        send(Action::Repo(Box::new(read_state(root, msg))));
        send(Action::RepoDone(said));
        send(Action::Rescan { own: true });
        return;
    }
    if let RepoJob::ChangedBy(files) = &job {
        if let Ok(r) = PlanRepo::discover(root) {
            let authors = crate::repo::last_authors(&r, files);
            if !authors.is_empty() {
                send(Action::ChangedBy(authors));
            }
        }
        return;
    }
    let r = match PlanRepo::open(root) {
        Ok(r) => r,
        Err(e) => {
            send(Action::RepoDone(Err(explain(&e, msg))));
            return;
        }
    };
    let fail = |e: crate::repo::RepoError| explain(&e, msg);
    let (result, changed_files) = match job {
        RepoJob::State
        | RepoJob::Revisions(_)
        | RepoJob::Authors(..)
        | RepoJob::ChangedBy(_)
        | RepoJob::Operations
        | RepoJob::UndoOperation(_) => return,
        RepoJob::Commit(message) => match crate::repo::commit(&r, &message, false) {
            Ok(c) => (Ok(msg.count("tui-committed", c.files)), false),
            Err(e) => (Err(fail(e)), false),
        },
        RepoJob::Sync(remote, cancel) => {
            let opts = SyncOptions {
                remote,
                cancel,
                ..SyncOptions::default()
            };
            match crate::repo::sync(&r, &opts, &mut |e| send(Action::SyncProgress(e))) {
                Ok(report) => {
                    let (said, changed) = match report.outcome {
                        SyncOutcome::UpToDate => {
                            (msg.get("tui-sync-up-to-date").into_owned(), false)
                        }
                        SyncOutcome::Synced { received, .. } => {
                            (msg.get("tui-synced").into_owned(), received)
                        }
                        SyncOutcome::Conflicts(n) => (msg.count("tui-sync-conflicts", n), true),
                    };
                    (Ok(with_baselines(msg, said, &report.baselines)), changed)
                }
                Err(e) => (Err(fail(e)), false),
            }
        }
        RepoJob::Resolve(i, pick) => match crate::repo::resolve(&r, i, pick) {
            Ok(step) => (
                Ok(kept(msg, msg.count("tui-conflicts-left", step.left), &step)),
                true,
            ),
            Err(e) => (Err(fail(e)), true),
        },
        RepoJob::Finish => match crate::repo::finish(&r, false) {
            Ok((_, step)) => (
                Ok(kept(msg, msg.get("tui-merged").into_owned(), &step)),
                true,
            ),
            Err(e) => (Err(fail(e)), true),
        },
        RepoJob::Abort => match crate::repo::abort(&r) {
            Ok(step) => (
                Ok(kept(msg, msg.get("tui-merge-aborted").into_owned(), &step)),
                true,
            ),
            Err(e) => (Err(fail(e)), true),
        },
    };
    send(Action::Repo(Box::new(read_state(root, msg))));
    send(Action::RepoDone(result));
    if changed_files {
        // The document compares every file with what it last read, and takes in (merging
        // with unsaved edits) what the job changed.
        send(Action::Rescan { own: true });
    }
}

/// Asks the repository worker to put the files back as before operation `n`.
pub(crate) fn undo_operation(app: &mut App, n: u64) -> Vec<Effect> {
    if app.shared.repo.busy {
        return Vec::new();
    }
    app.shared.repo.busy = true;
    vec![Effect::Repo(RepoJob::UndoOperation(n))]
}

/// A merge step's message, with the files whose hand edits it kept.
fn kept(msg: &crate::i18n::Messages, message: String, step: &crate::repo::Stepped) -> String {
    if step.kept.is_empty() {
        return message;
    }
    msg.get_args(
        "tui-merge-kept",
        &[
            ("message", Arg::Text(message.into())),
            ("files", Arg::Text(step.kept.join(", ").into())),
        ],
    )
}

/// A sync's outcome followed by what became of the baselines.
fn with_baselines(msg: &crate::i18n::Messages, said: String, news: &BaselineNews) -> String {
    let mut parts = vec![said];
    for (key, names) in [
        ("tui-sync-baselines-received", &news.received),
        ("tui-sync-baselines-sent", &news.sent),
    ] {
        if !names.is_empty() {
            parts.push(msg.get_args(key, &[("names", Arg::Text(names.join(", ").into()))]));
        }
    }
    for d in &news.differ {
        parts.push(msg.get_args(
            "tui-sync-baseline-differs",
            &[(
                "name",
                Arg::Text(escape_controls(&d.name).into_owned().into()),
            )],
        ));
    }
    parts.join(&msg.get("list-separator"))
}

/// The status line's note while a sync runs.
pub(crate) fn progress_note(app: &App) -> Option<String> {
    let e = app.shared.repo.progress.as_ref()?;
    let m = &app.shared.msg;
    Some(match e {
        SyncEvent::Fetching {
            received, total, ..
        } => m.get_args(
            "tui-sync-receiving",
            &[("done", (*received).into()), ("total", (*total).into())],
        ),
        SyncEvent::Merging => m.get("tui-sync-merging").into_owned(),
        SyncEvent::Pushing { sent, total, .. } => m.get_args(
            "tui-sync-sending",
            &[("done", (*sent).into()), ("total", (*total).into())],
        ),
        SyncEvent::Retrying(n) => m.get_args(
            "tui-sync-retrying",
            &[("attempt", Arg::Number(i64::try_from(*n).unwrap_or(0)))],
        ),
        SyncEvent::Server(line) => m.get_args(
            "tui-sync-server",
            &[("line", Arg::Text(escape_controls(&line.text)))],
        ),
    })
}
