//! The operation log: every commit, sync, merge step and resolution is recorded before it
//! writes, `khutta op log` lists them, and `khutta op undo N` puts the files back as they were
//! before operation N, as a new state.

use crate::support::cmd::{copy_dir, git_ok, khutta, transcript};
use crate::support::world::{edit, merge_list, plan, sync, take_theirs, world};
use std::path::Path;

fn op_log(root: &Path) -> String {
    let out = khutta(root).args(["op", "log"]).output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn undo(root: &Path, n: &str) -> String {
    let out = khutta(root).args(["op", "undo", n]).output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The number of the newest operation whose line contains `what`.
fn number_of(log: &str, what: &str) -> String {
    log.lines()
        .find(|l| l.contains(what))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no {what:?} in\n{log}"))
        .to_owned()
}

#[test]
fn a_sync_is_recorded_and_taken_back_as_a_new_state() {
    let w = world();
    edit(&w.a, "pilot-tunis", "Tunis at 90", |a| a.progress = 90);
    assert!(sync(&w.a).status.success());
    let head = git_ok(&w.b, &["rev-parse", "HEAD"]);
    assert!(sync(&w.b).status.success());
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 90);
    let log = op_log(&w.b);
    assert!(
        log.contains("sync with origin") && log.contains("activities/pilot-tunis.ron"),
        "{log}"
    );
    let n = number_of(&log, "sync with origin");
    let said = undo(&w.b, &n);
    assert!(said.contains(&format!("as before operation {n}")), "{said}");
    // The files are back; history is not rewritten: the change shows as uncommitted.
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 75);
    assert_ne!(git_ok(&w.b, &["rev-parse", "HEAD"]), head);
    assert!(git_ok(&w.b, &["status", "--porcelain"]).contains("pilot-tunis.ron"));
    // The undo is itself an operation: undoing it brings the sync's files back.
    let log = op_log(&w.b);
    let again = number_of(&log, &format!("undo of operation {n}"));
    undo(&w.b, &again);
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 90);
    assert_eq!(git_ok(&w.b, &["status", "--porcelain"]), "");
}

#[test]
fn a_settled_conflict_is_taken_back_and_the_merge_waits_again() {
    let w = world();
    edit(&w.a, "pilot-tunis", "80", |a| a.progress = 80);
    edit(&w.b, "pilot-tunis", "70", |a| a.progress = 70);
    assert!(sync(&w.a).status.success());
    assert_eq!(sync(&w.b).status.code(), Some(1));
    let take = take_theirs(&w.b);
    assert!(take.status.success(), "{}", transcript(&take));
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 80);
    let log = op_log(&w.b);
    let n = number_of(&log, "conflict settled");
    let said = undo(&w.b, &n);
    assert!(said.contains("the merge waits again"), "{said}");
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 70);
    let list = merge_list(&w.b);
    assert_eq!(list.status.code(), Some(1), "{}", transcript(&list));
    assert!(String::from_utf8_lossy(&list.stdout).contains("progress"));
}

#[test]
fn commits_and_fmt_are_listed_with_who_and_which_files() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::cmd::init_bundled(dir.path(), "nua");
    let root = dir.path().join("nua");
    let f = root.join("partners/escwa.ron");
    let canonical = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, canonical.replace("    ", "  ")).unwrap();
    let fmt = khutta(&root).arg("fmt").output().unwrap();
    assert!(fmt.status.success(), "{}", transcript(&fmt));
    let commit = khutta(&root)
        .args(["commit", "-m", "Nothing but form"])
        .output()
        .unwrap();
    assert_eq!(
        commit.status.code(),
        Some(1),
        "fmt restored the file: nothing to commit"
    );
    let log = op_log(&root);
    let lines: Vec<&str> = log.lines().collect();
    assert!(
        lines[0].contains("Test Author") && lines[0].contains("fmt"),
        "{log}"
    );
    assert_eq!(lines[1].trim(), "partners/escwa.ron", "{log}");
    // Undoing the fmt brings the hand-formatted file back, byte for byte.
    undo(&root, &number_of(&log, "fmt"));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        canonical.replace("    ", "  ")
    );
}

#[test]
fn a_plan_outside_git_keeps_its_log_in_the_state_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua"),
        dir.path(),
    );
    let f = dir.path().join("activities/pilot-tunis.ron");
    let before = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, before.replace("    ", "\t")).unwrap();
    assert!(
        khutta(dir.path())
            .arg("fmt")
            .output()
            .unwrap()
            .status
            .success()
    );
    assert!(!dir.path().join(".git").exists());
    let log = op_log(dir.path());
    assert!(log.contains("activities/pilot-tunis.ron"), "{log}");
    undo(dir.path(), &number_of(&log, "fmt"));
    assert_eq!(
        std::fs::read_to_string(&f).unwrap(),
        before.replace("    ", "\t")
    );
    let none = khutta(dir.path())
        .args(["op", "undo", "99"])
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1), "{}", transcript(&none));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no operation 99"));
}
