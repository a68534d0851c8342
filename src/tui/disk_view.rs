//! The TUI and the plan on disk: a save finished, files changed under the open plan (a sync in
//! another terminal, an editor, another khutta, a git job of this one), and who changed them.

use super::app::{App, Effect};
use super::popup::Popup;
use super::repo_view::RepoJob;
use crate::document::Arrived;
use crate::i18n::Arg;
use crate::model::Unit;
use crate::store::{FileWrite, Place, SaveReport, Snapshot};

/// A save finished: the written files are the document's new base. Files found changed on
/// disk were left alone; they are read and merged, and the save runs again once they are.
pub fn saved(
    app: &mut App,
    result: Result<(Vec<FileWrite>, SaveReport), crate::i18n::Said>,
) -> Vec<Effect> {
    app.saving = false;
    let mut effects = Vec::new();
    match result {
        Ok((writes, report)) => {
            app.shared.doc.saved(&writes, &report);
            let n = report.written.len() + report.removed.len();
            if report.changed_on_disk.is_empty() {
                app.shared.status = app.shared.msg.count("tui-saved-files", n);
                if app.quit_after_save && !app.shared.doc.is_dirty() {
                    app.quit = true;
                    return vec![Effect::ClearRecovery, Effect::Quit];
                }
            } else {
                app.shared.status = app.shared.msg.get_args(
                    "tui-save-changed-on-disk",
                    &[
                        ("count", report.changed_on_disk.len().into()),
                        ("files", Arg::Text(report.changed_on_disk.join(", ").into())),
                    ],
                );
                app.resave = true;
                app.disk_pending.extend(report.changed_on_disk);
            }
            effects.push(Effect::WriteRecovery);
            app.shared.repo.refreshing = true;
            effects.push(Effect::Repo(RepoJob::State));
        }
        Err(e) => {
            app.quit_after_save = false;
            app.shared.status = app.shared.msg.get_args(
                "tui-save-failed",
                &[("error", e.show(&app.shared.msg).into())],
            );
            app.shared.popup = Some(Popup::Message(app.shared.status.clone()));
            effects.push(Effect::WriteRecovery);
        }
    }
    effects.extend(read_pending(app));
    effects
}

/// Files changed on disk: read the places they lie in, unless a save is running (its own
/// writes are among them; they are read once it is done).
pub(crate) fn files_changed(app: &mut App, paths: Vec<String>) -> Vec<Effect> {
    app.disk_pending.extend(paths);
    if app.saving {
        return Vec::new();
    }
    read_pending(app)
}

fn read_pending(app: &mut App) -> Vec<Effect> {
    let mut places: Vec<Place> = app
        .disk_pending
        .drain(..)
        .filter_map(|p| Place::of(&p))
        .collect();
    places.sort();
    places.dedup();
    if places.is_empty() {
        Vec::new()
    } else {
        vec![Effect::ReadPlaces(places)]
    }
}

/// What changed places hold now arrived: the document takes it in, merging it with unsaved
/// edits, and the status line says what changed.
pub fn arrived(app: &mut App, snapshot: Snapshot) -> Vec<Effect> {
    let errors_before = app.shared.doc.problem_counts().0;
    let arrived = app.shared.doc.ingest(snapshot);
    let mut effects = Vec::new();
    if !arrived.is_empty() {
        // What a job of ours wrote is what its message already said, unless it met unsaved
        // edits: that is news.
        let own = std::mem::take(&mut app.own_writes) || app.shared.repo.busy;
        if !own || !arrived.merged.is_empty() {
            app.shared.status = describe(app, &arrived);
        }
        let files: Vec<String> = arrived
            .taken
            .iter()
            .chain(&arrived.merged)
            .map(|(u, _)| u.to_string())
            .collect();
        effects.push(Effect::WriteRecovery);
        app.shared.repo.unattributed.clone_from(&files);
        effects.push(Effect::Repo(RepoJob::ChangedBy(files)));
        // What arrived is checked as a whole: a partner's merge can bring a cycle along.
        let errors = app.shared.doc.problem_counts().0;
        if errors > errors_before {
            let more = app
                .shared
                .msg
                .count("tui-new-errors", errors - errors_before);
            app.shared.status = if app.shared.status.is_empty() {
                more
            } else {
                format!("{}; {more}", app.shared.status)
            };
        }
        app.disk_note = Some(app.shared.status.clone());
    }
    if app.resave {
        app.resave = false;
        if arrived.conflicts == 0 {
            effects.extend(app.save());
        }
    }
    effects
}

/// "changed on disk: pilot-tunis (timing), partners/x (new)", in the UI's language.
fn describe(app: &App, a: &Arrived) -> String {
    let m = &app.shared.msg;
    let list = |units: &[(Unit, Vec<String>)]| {
        let mut parts: Vec<String> = units
            .iter()
            .take(3)
            .map(|(u, fields)| {
                let name = unit_name(u);
                if fields.is_empty() {
                    name
                } else {
                    format!("{name} ({})", fields.join(", "))
                }
            })
            .collect();
        if units.len() > 3 {
            parts.push(m.get_args("tui-and-more", &[("count", (units.len() - 3).into())]));
        }
        parts.join(", ")
    };
    let mut out = Vec::new();
    if !a.taken.is_empty() {
        out.push(m.get_args(
            "tui-changed-on-disk",
            &[("files", Arg::Text(list(&a.taken).into()))],
        ));
    }
    if !a.merged.is_empty() {
        out.push(m.get_args(
            "tui-merged-from-disk",
            &[("files", Arg::Text(list(&a.merged).into()))],
        ));
    }
    if a.conflicts > 0 {
        out.push(m.count("tui-disk-conflicts", a.conflicts));
    }
    out.join("; ")
}

/// A unit as the status line names it: an entity by its id, a response as round/participant.
pub(crate) fn unit_name(u: &Unit) -> String {
    match u {
        Unit::Plan => crate::model::PLAN_FILE.to_owned(),
        Unit::Governance => crate::model::GOVERNANCE_FILE.to_owned(),
        Unit::Entity { id, .. } => id.to_string(),
        Unit::Round { round } => round.to_string(),
        Unit::Response { round, participant } => format!("{round}/{participant}"),
    }
}

/// git named who brought the changed files: add it to the status line.
pub(crate) fn changed_by(app: &mut App, authors: &[(String, String)]) -> Vec<Effect> {
    app.shared
        .repo
        .unattributed
        .retain(|f| !authors.iter().any(|(g, _)| g == f));
    let mut names: Vec<&str> = authors.iter().map(|(_, a)| a.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    // Only while the status line still says what arrived.
    if !names.is_empty() && app.disk_note.as_ref() == Some(&app.shared.status) {
        let by = app.shared.msg.get_args(
            "tui-changed-by",
            &[("names", Arg::Text(names.join(", ").into()))],
        );
        app.shared.status = format!("{} {by}", app.shared.status);
    }
    Vec::new()
}

/// The branch moved under the TUI: the History screen and the files waiting for a commit
/// are read again (another program committed), and who brought the files read before it
/// moved is asked again, while the status line still says they arrived.
pub(crate) fn head_moved(app: &mut App) -> Vec<Effect> {
    let mut effects = Vec::new();
    if !app.shared.repo.busy {
        effects.push(Effect::Repo(RepoJob::State));
    }
    let files = std::mem::take(&mut app.shared.repo.unattributed);
    if !files.is_empty() && app.disk_note.as_ref() == Some(&app.shared.status) {
        effects.push(Effect::Repo(RepoJob::ChangedBy(files)));
    }
    effects
}
