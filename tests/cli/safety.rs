//! Nothing a person typed is lost: the TUI in a real terminal beside a sync, a merge waiting for
//! its conflicts, a kill, and hand edits of the plan's files.

use crate::support::cmd::{bundled_copy, git_ok, khutta, transcript};
use crate::support::tmux::Tmux;
use crate::support::world::{conflicted, edit, merge_list, plan, sync, world};
use khutta::model::Timing;
use std::path::Path;

/// Opens the form of activity `id` from the Activities screen, through the text filter.
fn open_activity(t: &Tmux, id: &str) {
    t.keys(&["2", "/"]);
    t.type_text(id);
    t.keys(&["Enter"]);
    t.wait_for(&format!("  {id} "));
    // The filter keeps the activity's group above it: the activity is the second row.
    t.keys(&["Down", "Enter"]);
    t.wait_for(&format!("Activity {id}"));
}

/// Replaces `from` by `to` in a plan file, as a text editor would.
fn hand_edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}:\n{text}");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn sigterm(t: &Tmux) {
    let pid = t.pid();
    assert!(pid > 0);
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

/// The TUI is open while the partner's change arrives by `khutta sync` in another terminal:
/// the TUI says so, takes the change in, and a save of another field of the same activity
/// keeps it; commit and sync from the TUI publish both.
#[test]
fn a_sync_beside_the_open_tui_is_kept_when_the_tui_saves() {
    let w = world();
    let t = Tmux::start(&["."], &w.b, 120, 40);
    t.wait_for("Overview");
    edit(&w.a, "pilot-tunis", "Tunis needs 400 days", |a| {
        a.timing = Timing::Duration {
            days: 400,
            not_before: None,
        }
    });
    assert!(sync(&w.a).status.success());
    assert!(sync(&w.b).status.success());
    let screen = t.wait_for("changed on disk: pilot-tunis (timing)");
    assert!(!screen.contains("unsaved"), "{screen}");
    // git knows who brought it.
    t.wait_for("(by Test Author)");
    open_activity(&t, "pilot-tunis");
    t.wait_for("400");
    // The third row is the English title.
    t.keys(&["Down", "Down", "Enter", "C-u"]);
    t.type_text("Tunis pilot");
    t.keys(&["Enter"]);
    t.wait_for("changed (unsaved)");
    t.keys(&["Escape"]);
    t.wait_gone("Activity pilot-tunis");
    t.keys(&["C-s"]);
    t.wait_for("saved: 1 file written");
    let file = read(&w.b, "activities/pilot-tunis.ron");
    assert!(
        file.contains("days: 400,") && file.contains("en: \"Tunis pilot\","),
        "{file}"
    );
    t.keys(&["c"]);
    t.type_text("Shorter title");
    t.keys(&["Enter"]);
    t.wait_for("committed 1 file");
    t.keys(&["S"]);
    t.wait_for("synced");
    assert!(sync(&w.a).status.success());
    let a = &plan(&w.a).activities["pilot-tunis"];
    assert_eq!(a.title.en.as_deref(), Some("Tunis pilot"));
    assert!(matches!(a.timing, Timing::Duration { days: 400, .. }));
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
}

/// Unsaved edits, then the conflict settled and the merge committed from the Conflicts screen:
/// the edits stay unsaved (not reported as saved) and are saved afterwards.
#[test]
fn settling_a_conflict_in_the_tui_keeps_unsaved_edits() {
    let w = conflicted();
    let t = Tmux::start(&["."], &w.b, 120, 40);
    t.wait_for("Overview");
    t.keys(&["3", "n"]);
    t.type_text("arab-cities-network");
    t.keys(&["Enter"]);
    t.wait_for("Partner arab-cities-network");
    t.keys(&["Escape"]);
    t.wait_gone("Partner arab-cities-network");
    t.wait_for("● unsaved");
    t.keys(&["C"]);
    t.wait_for("merging origin/main");
    t.keys(&["t"]);
    t.wait_for("no conflict left");
    let screen = t.screen();
    assert!(
        screen.contains("● unsaved") && !screen.contains(" saved "),
        "{screen}"
    );
    t.keys(&["M"]);
    t.wait_for("merged");
    t.keys(&["3"]);
    t.wait_for("arab-cities-network");
    t.keys(&["C-s"]);
    t.wait_for("saved: 1 file written");
    assert!(w.b.join("partners/arab-cities-network.ron").is_file());
    assert!(read(&w.b, "activities/pilot-tunis.ron").contains("progress: 80,"));
    assert_eq!(
        git_ok(&w.b, &["log", "-1", "--format=%p"])
            .split_whitespace()
            .count(),
        2,
        "the merge commit was made"
    );
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
}

/// A new round and a question, never saved, come back after SIGTERM; a question added after
/// that comes back after `kill -9`.
#[test]
fn unsaved_rounds_and_questions_survive_sigterm_and_kill() {
    let dir = bundled_copy();
    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("Overview");
    t.keys(&["9"]);
    t.wait_for("egm-2021");
    t.keys(&["n"]);
    t.type_text("inception-2027");
    t.keys(&["Enter"]);
    t.wait_for("Round inception-2027 · 0 question");
    t.keys(&["n"]);
    t.wait_for("Round inception-2027 · 1 question");
    sigterm(&t);
    assert!(matches!(t.wait_exit(), Some(0) | None));
    assert!(!dir.path().join("consultations/inception-2027").exists());

    let t = Tmux::start(&["."], dir.path(), 120, 40);
    let offer = t.wait_for("unsaved change");
    assert!(offer.contains("inception-2027"), "{offer}");
    t.keys(&["r"]);
    t.wait_for("recovered");
    t.keys(&["9"]);
    t.wait_for("inception-2027");
    let pid = t.pid();
    std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .unwrap();
    t.wait_exit();

    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("unsaved change");
    t.keys(&["r"]);
    t.wait_for("recovered");
    t.keys(&["C-s"]);
    t.wait_for("written");
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
    let round = read(dir.path(), "consultations/inception-2027/round.ron");
    assert!(round.contains("Question("), "{round}");
}

/// A merge waiting on its conflict; a hand edit of a file the merge did not touch survives
/// `merge --abort`, `--take` and `--continue`.
#[test]
fn merge_steps_keep_hand_edits_of_other_files() {
    for step in [
        &["merge", "--abort"][..],
        &["merge", "--take", "theirs", "1"],
        &["merge", "--take", "ours", "all"],
    ] {
        let w = conflicted();
        hand_edit(
            &w.b,
            "partners/escwa.ron",
            "acronym: \"ESCWA\"",
            "acronym: \"UN-ESCWA\"",
        );
        let out = khutta(&w.b).args(step).output().unwrap();
        assert!(out.status.success(), "{step:?}: {}", transcript(&out));
        assert!(
            read(&w.b, "partners/escwa.ron").contains("UN-ESCWA"),
            "{step:?} lost the hand edit"
        );
        if step[1] != "--abort" {
            let out = khutta(&w.b).args(["merge", "--continue"]).output().unwrap();
            assert!(out.status.success(), "{}", transcript(&out));
            assert!(
                read(&w.b, "partners/escwa.ron").contains("UN-ESCWA"),
                "--continue lost the hand edit"
            );
        }
    }
}

/// A hand edit of the conflicting field settles the conflict with that value; the abort
/// message never claims the plan is as before when it is not.
#[test]
fn a_hand_edit_of_the_conflicting_field_resolves_it() {
    let w = conflicted();
    hand_edit(
        &w.b,
        "activities/pilot-tunis.ron",
        "progress: 70,",
        "progress: 77,",
    );
    let list = merge_list(&w.b);
    assert_eq!(list.status.code(), Some(0), "{}", transcript(&list));
    let out = khutta(&w.b).args(["merge", "--continue"]).output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 77);
    let committed = git_ok(&w.b, &["show", "HEAD:activities/pilot-tunis.ron"]);
    assert!(committed.contains("progress: 77,"), "{committed}");
}

/// The TUI's `M`, after a hand edit of another file in a second terminal, keeps it.
#[test]
fn the_tui_merge_commit_keeps_hand_edits() {
    let w = conflicted();
    let t = Tmux::start(&["."], &w.b, 120, 40);
    t.wait_for("Overview");
    hand_edit(
        &w.b,
        "partners/escwa.ron",
        "acronym: \"ESCWA\"",
        "acronym: \"UN-ESCWA\"",
    );
    t.keys(&["C"]);
    t.wait_for("merging origin/main");
    t.keys(&["t"]);
    t.wait_for("no conflict left");
    t.keys(&["M"]);
    t.wait_for("merged");
    t.keys(&["q"]);
    t.wait_exit();
    assert!(read(&w.b, "partners/escwa.ron").contains("UN-ESCWA"));
}

/// A problem found while reading a file (E010, an id that is not a slug) goes away as soon
/// as the user fixes it: by a rename in the TUI, or by hand in the file.
#[test]
fn problems_found_while_reading_refresh_after_a_fix() {
    let dir = bundled_copy();
    let bad = read(dir.path(), "activities/pilot-tunis.ron")
        .replace("id: \"pilot-tunis\"", "id: \"Pilot-Rabat\"")
        .replace(
            "Tunis pilot: digital participatory budgeting",
            "Rabat pilot",
        );
    std::fs::write(dir.path().join("activities/Pilot-Rabat.ron"), bad).unwrap();
    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("Overview");
    t.keys(&["7"]);
    t.wait_for("E010");
    open_activity(&t, "Pilot-Rabat");
    t.keys(&["r", "C-u"]);
    t.type_text("pilot-rabat");
    t.keys(&["Enter"]);
    t.wait_for("Activity pilot-rabat");
    // Escape and the next key sent together read as Alt+key: wait for the form to close.
    t.keys(&["Escape"]);
    t.wait_gone("Activity pilot-rabat");
    t.keys(&["7"]);
    // The Problems screen's heading names its columns.
    let screen = t.wait_for("code");
    assert!(!screen.contains("E010"), "{screen}");
    t.keys(&["C-s"]);
    t.wait_for("written");
    assert!(dir.path().join("activities/pilot-rabat.ron").is_file());
    assert!(!dir.path().join("activities/Pilot-Rabat.ron").exists());

    // By hand, while the TUI is open.
    let bad = read(dir.path(), "activities/pilot-rabat.ron")
        .replace("id: \"pilot-rabat\"", "id: \"Pilot-Sfax\"");
    std::fs::write(dir.path().join("activities/Pilot-Sfax.ron"), bad).unwrap();
    t.wait_for("E010");
    std::fs::remove_file(dir.path().join("activities/Pilot-Sfax.ron")).unwrap();
    t.wait_gone("E010");
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
}
