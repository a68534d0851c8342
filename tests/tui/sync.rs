//! A sync from the TUI against a real `git daemon`: what the server says reaches the status
//! line, and `esc` cancels a running sync.

use crate::harness::Harness;
use crate::support::cmd::git_ok;
use crate::support::world::{edit, hook, world};
use khutta::model::Lang;
use khutta::repo::SyncEvent;
use khutta::tui::action::{Action, Command};
use khutta::tui::app::Effect;
use khutta::tui::repo_view::RepoJob;

#[test]
fn the_server_s_words_reach_the_status_line() {
    let w = world();
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\necho 'thanks: noted by the secretariat'\nexit 0\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 61);
    let mut h = Harness::open(&w.a, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.press(&["S"]);
    assert_eq!(
        h.app.shared.status,
        "synced with partners — remote: thanks: noted by the secretariat"
    );
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\necho 'main is protected: send a pull request' >&2\nexit 1\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 62);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.press(&["S"]);
    let status = &h.app.shared.status;
    assert!(status.contains("the server refused"), "{status}");
    assert!(
        status.ends_with("— remote: main is protected: send a pull request"),
        "{status}"
    );
}

#[test]
fn a_running_sync_s_progress_shows_in_the_status_line() {
    let w = world();
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 64);
    let mut h = Harness::open(&w.a, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    // The sync is asked for and runs on the worker, which reports as it goes.
    let job = h.app.update(Action::Command(Command::Sync));
    h.act(Action::SyncProgress(SyncEvent::Fetching {
        received: 3,
        total: 10,
        bytes: 2048,
    }));
    let screen = h.render(120, 40);
    assert!(screen.contains("syncing: receiving 3/10"), "{screen}");
    h.act(Action::SyncProgress(SyncEvent::Pushing {
        sent: 1,
        total: 4,
        bytes: 512,
    }));
    let screen = h.render(120, 40);
    assert!(screen.contains("syncing: sending 1/4"), "{screen}");
    // Once the sync is over, its outcome speaks instead.
    h.run_effects(job);
    let screen = h.render(120, 40);
    assert!(!screen.contains("syncing:"), "{screen}");
    assert!(screen.contains("synced with partners"), "{screen}");
}

#[test]
fn esc_cancels_a_running_sync_and_nothing_is_half_done() {
    let w = world();
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 63);
    let head = git_ok(&w.a, &["rev-parse", "HEAD"]);
    let theirs = git_ok(&w.origin, &["rev-parse", "main"]);
    let mut h = Harness::open(&w.a, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    // The sync is asked for; before the worker gets to it, `esc`.
    let job = h.app.update(Action::Command(Command::Sync));
    h.press(&["esc"]);
    assert_eq!(h.app.shared.status, "cancelling the sync at its next step…");
    h.run_effects(job);
    let status = &h.app.shared.status;
    assert!(status.starts_with("the sync was cancelled"), "{status}");
    assert!(status.contains("nothing was lost"), "{status}");
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
    assert_eq!(git_ok(&w.origin, &["rev-parse", "main"]), theirs);
    // `esc` is `back` again once no sync runs, and the next sync goes through.
    h.press(&["S"]);
    assert_eq!(h.app.shared.status, "synced with partners");
    assert_ne!(git_ok(&w.origin, &["rev-parse", "main"]), theirs);
}
