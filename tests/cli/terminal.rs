//! The TUI in a real terminal (tmux): what a coordinator does, end to end.

use crate::support::cmd::{bundled_copy, khutta};
use crate::support::tmux::Tmux;
use std::path::Path;

#[test]
fn add_an_activity_save_and_quit() {
    let dir = bundled_copy();
    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("Overview");
    t.keys(&["2"]);
    t.wait_for("phase-");
    t.keys(&["n"]);
    t.type_text("pilot-rabat");
    t.keys(&["Enter"]);
    t.wait_for("Activity pilot-rabat");
    // Escape and the next key sent together read as Alt+key: wait for the form to close.
    t.keys(&["Escape"]);
    t.wait_gone("Activity pilot-rabat");
    t.keys(&["C-s"]);
    t.wait_for("saved: 1 file written");
    t.keys(&["q"]);
    assert!(
        matches!(t.wait_exit(), Some(0) | None),
        "khutta failed on quit"
    );
    let file = dir.path().join("activities/pilot-rabat.ron");
    let text = std::fs::read_to_string(&file).expect("the new activity's file");
    let loaded = khutta::store::load_with_cache(dir.path(), None).unwrap();
    let id = khutta::model::Id::new_unchecked("pilot-rabat");
    let canonical = khutta::store::canonical_text(
        &loaded.plan,
        Some((khutta::model::EntityKind::Activity, &id)),
    )
    .unwrap();
    assert_eq!(Some(text), canonical);
    let check = khutta(dir.path()).args(["check", "."]).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// khutta on a copy of the bundled plan in tmux, with a new activity `id` not yet saved.
fn with_an_unsaved_activity(id: &str) -> (tempfile::TempDir, Tmux) {
    let dir = bundled_copy();
    let t = Tmux::start(&["."], dir.path(), 100, 30);
    t.wait_for("Overview");
    t.keys(&["2", "n"]);
    t.type_text(id);
    t.keys(&["Enter"]);
    t.wait_for(&format!("Activity {id}"));
    (dir, t)
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_unsaved_edits() {
    let (dir, t) = with_an_unsaved_activity("pilot-sfax");
    // The pane runs `env`, which execs khutta: the pane's process is khutta.
    let pid = t.pid();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        matches!(t.wait_exit(), Some(0) | None),
        "SIGTERM is a clean exit"
    );
    let screen = t.screen();
    assert!(
        !screen.contains("Activity pilot-sfax"),
        "the alternate screen was left: {screen}"
    );
    assert!(
        !dir.path().join("activities/pilot-sfax.ron").exists(),
        "nothing is saved without asking"
    );
    // The next session offers the unsaved activity back.
    let t2 = Tmux::start(&["."], dir.path(), 100, 30);
    t2.wait_for("unsaved change");
    t2.keys(&["r"]);
    t2.wait_for("recovered");
    t2.keys(&["C-s"]);
    t2.wait_for("saved: 1 file written");
    t2.keys(&["q"]);
    assert!(matches!(t2.wait_exit(), Some(0) | None));
    assert!(dir.path().join("activities/pilot-sfax.ron").exists());
}

#[test]
fn a_vanished_terminal_ends_the_session() {
    let (dir, t) = with_an_unsaved_activity("pilot-sousse");
    let pid = t.pid();
    assert!(pid > 0);
    t.kill_server();
    // Without its terminal khutta must leave (keeping the unsaved edit for next time), not
    // linger reading a dead terminal. A generous bound: this is about leaving at all.
    let proc_dir = std::path::PathBuf::from(format!("/proc/{pid}"));
    let gone = |p: &std::path::Path| {
        std::fs::read_to_string(p.join("stat"))
            .map_or(true, |s| s.split_whitespace().nth(2) == Some("Z"))
    };
    let start = std::time::Instant::now();
    while !gone(&proc_dir) && start.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let still_there = !gone(&proc_dir);
    if still_there {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
    assert!(
        !still_there,
        "khutta kept running after its terminal closed"
    );
    let t2 = Tmux::start(&["."], dir.path(), 100, 30);
    t2.wait_for("unsaved change");
}

#[test]
fn not_a_terminal_exits_2() {
    let out = khutta(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
}

/// Collect mode in a real terminal: one participant's answers, khutta quit midway and opened
/// again, the same participant resumed and finished; the response file holds every answer.
#[test]
fn collect_answers_quit_midway_reopen_and_finish() {
    let dir = bundled_copy();
    let file = dir.path().join("consultations/egm-2021/responses/p013.ron");
    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("Overview");
    t.keys(&["9"]);
    t.wait_for("egm-2021");
    t.keys(&["i"]);
    t.wait_for("Who is answering?");
    t.keys(&["Down", "Down"]);
    t.type_text("greater-amman-municipality");
    t.keys(&["Down"]);
    t.type_text("JO");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of 9");
    // 1: two activities; 2: one kind of support; 3: the second duration.
    t.keys(&["Space", "Down", "Space", "Enter"]);
    t.wait_for("Question 2 of 9");
    t.keys(&["Space", "Enter"]);
    t.wait_for("Question 3 of 9");
    t.keys(&["Down", "Enter"]);
    t.wait_for("Question 4 of 9");
    // Quit midway: leave the questionnaire and khutta.
    t.keys(&["Escape"]);
    t.wait_for("R results");
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
    let midway: khutta::model::Response =
        ron::from_str(&std::fs::read_to_string(&file).expect("the response file")).unwrap();
    assert_eq!(midway.answers.len(), 3, "{midway:?}");

    let t = Tmux::start(&["."], dir.path(), 120, 40);
    t.wait_for("Overview");
    t.keys(&["9"]);
    t.wait_for("egm-2021");
    t.keys(&["i"]);
    t.wait_for("Who is answering?");
    t.keys(&["BSpace", "BSpace", "BSpace", "BSpace"]);
    t.type_text("p013");
    t.keys(&["Enter"]);
    t.wait_for("Question 4 of 9");
    t.keys(&["4", "Enter"]);
    t.wait_for("Question 5 of 9");
    t.keys(&[
        "Space", "Down", "Space", "Down", "Space", "Down", "Space", "Enter",
    ]);
    t.wait_for("Question 6 of 9");
    t.keys(&["Space", "Enter"]);
    t.wait_for("Question 7 of 9");
    t.keys(&["Space", "Enter"]);
    t.wait_for("Question 8 of 9");
    t.keys(&["2", "Enter"]);
    t.wait_for("Question 9 of 9");
    t.type_text("More training");
    t.keys(&["Enter"]);
    t.wait_for("9 of 9 questions answered");
    // One key at a time: sent together on a loaded machine they arrive as alt-q.
    t.keys(&["Escape"]);
    t.wait_for("R results");
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None));
    let done: khutta::model::Response =
        ron::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let ids: Vec<&str> = done.answers.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        ids,
        [
            "beneficiary-priority",
            "cofinancing-ability",
            "duration",
            "first-activities",
            "funding-sources",
            "lead-partners",
            "local-needs",
            "pilot-readiness",
            "support-needed"
        ]
    );
    assert_eq!(
        done.answers["local-needs"],
        khutta::model::Answer::FreeText("More training".into())
    );
    let check = khutta(dir.path()).args(["check", "."]).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// On a terminal every line of `summary --lang ar` is put in display order, the plan's path
/// too: the Arabic label on the right, the path on its left.
#[test]
fn every_line_of_an_arabic_summary_is_in_display_order() {
    let dir = bundled_copy();
    let path = dir.path().display().to_string();
    let t = Tmux::start(&["--lang", "ar", "summary", &path], dir.path(), 160, 20);
    t.wait_exit();
    let screen = t.screen();
    let line = screen
        .lines()
        .find(|l| l.contains(&path))
        .unwrap_or_else(|| panic!("no line with the path:\n{screen}"));
    assert!(line.trim_start().starts_with(&path), "{line}\n{screen}");
}
