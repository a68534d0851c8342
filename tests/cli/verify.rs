//! `khutta verify` on a real repository whose commits are made by different people with the
//! stock git CLI: rights breaches, signatures the rules require, check failures, both
//! languages, JSON, and the exit codes (0 clean, 1 findings, 2 a range that cannot be read).

use crate::support::cmd::{copy_dir, git, git_ok, khutta, transcript};
use std::path::Path;

const AMAL: &str = "Amal Haddad <amal@escwa.example>";
const RAMI: &str = "Rami Nasser <rami@amman.example>";

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rights")
}

/// Commits everything in `dir` as `author`.
fn commit_as(dir: &Path, author: &str, message: &str) {
    git_ok(dir, &["add", "-A"]);
    let out = git(dir)
        .args(["commit", "-q", "--author", author, "-m", message])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// A history of four commits: the plan and its rules by the coordinator; Amman's own
/// progress by Amman (allowed); Tunis's progress by Amman (a breach); a dangling lead by the
/// coordinator (allowed, but check fails after it).
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    copy_dir(&fixture(), d);
    commit_as(d, AMAL, "Start the plan with its rules");
    edit(
        d,
        "activities/pilot-amman.ron",
        "progress: 40",
        "progress: 60",
    );
    commit_as(d, RAMI, "Amman pilot at 60%");
    edit(
        d,
        "activities/pilot-tunis.ron",
        "progress: 40",
        "progress: 90",
    );
    commit_as(d, RAMI, "Tunis pilot at 90%");
    edit(
        d,
        "activities/pilot-tunis.ron",
        "lead: \"tunis-municipality\"",
        "lead: \"nobody\"",
    );
    commit_as(d, AMAL, "Hand the Tunis pilot over");
    dir
}

fn short(dir: &Path, rev: &str) -> String {
    git_ok(dir, &["rev-parse", "--short=7", rev])
        .trim()
        .to_owned()
}

#[test]
fn verify_reports_breaches_and_check_failures_by_commit() {
    let dir = history();
    let d = dir.path();
    let out = khutta(d).args(["verify"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let breach = short(d, "HEAD~1");
    let broken = short(d, "HEAD");
    assert!(
        text.contains(&format!(
            "{breach} Rami Nasser <rami@amman.example>: Tunis pilot at 90%"
        )),
        "{text}"
    );
    assert!(
        text.contains(
            "activity `pilot-tunis`, field progress: no grant of `amman-municipality` allows this change"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("{broken} Amal Haddad <amal@escwa.example>")),
        "{text}"
    );
    assert!(text.contains("check fails after this commit"), "{text}");
    assert!(
        text.contains("activities/pilot-tunis.ron: error[E020]"),
        "{text}"
    );
    // The allowed commits are not reported.
    assert!(!text.contains("Amman pilot at 60%"), "{text}");
    assert!(
        text.contains("commits verified: 4; with findings: 2"),
        "{text}"
    );
}

#[test]
fn verify_speaks_arabic() {
    let dir = history();
    let out = khutta(dir.path())
        .args(["--lang", "ar", "verify"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("لا إذن لـ`amman-municipality` يسمح بهذا التغيير"),
        "{text}"
    );
    assert!(text.contains("يفشل الفحص بعد هذا الإيداع"), "{text}");
    assert!(text.contains("الإيداعات المتحقَّق منها: 4"), "{text}");
}

#[test]
fn verify_json_names_commits_authors_and_rules() {
    let dir = history();
    let d = dir.path();
    let out = khutta(d)
        .args(["verify", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["walked"], 4);
    let commits = v["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 2);
    let c = &commits[0];
    assert_eq!(c["short"], short(d, "HEAD~1"));
    assert_eq!(c["author"]["email"], "rami@amman.example");
    let f = &c["findings"][0];
    assert_eq!(f["finding"], "breach");
    assert_eq!(f["entity"][0], "activity");
    assert_eq!(f["entity"][1], "pilot-tunis");
    assert_eq!(f["field"], "progress");
    assert_eq!(f["why"]["rule"], "not-granted");
    assert_eq!(commits[1]["findings"][0]["finding"], "check");
    assert_eq!(commits[1]["findings"][0]["new"][0]["code"], "E020");
}

#[test]
fn verify_exit_codes() {
    let dir = history();
    let d = dir.path();
    // The coordinator's and Amman's own commits alone are clean.
    let clean = khutta(d).args(["verify", "HEAD~2"]).output().unwrap();
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let range = khutta(d)
        .args(["verify", "HEAD~2..HEAD~1"])
        .output()
        .unwrap();
    assert_eq!(range.status.code(), Some(1));
    // Only rights and signatures: the last commit's check failure is not looked for.
    let no_check = khutta(d)
        .args(["verify", "HEAD~1..HEAD", "--no-check"])
        .output()
        .unwrap();
    assert_eq!(no_check.status.code(), Some(0));
    let bad = khutta(d).args(["verify", "no-such-rev"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(!bad.stderr.is_empty());
    let outside = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), outside.path());
    let no_repo = khutta(outside.path()).args(["verify"]).output().unwrap();
    assert_eq!(no_repo.status.code(), Some(2));
}

#[test]
fn verify_defaults_to_what_the_upstream_lacks() {
    let dir = history();
    let d = dir.path();
    // An upstream that has everything up to the breach: only the last commit is verified.
    git_ok(
        d,
        &["remote", "add", "origin", "https://plans.invalid/nua.git"],
    );
    git_ok(d, &["update-ref", "refs/remotes/origin/main", "HEAD~1"]);
    git_ok(d, &["config", "branch.main.remote", "origin"]);
    git_ok(d, &["config", "branch.main.merge", "refs/heads/main"]);
    let out = khutta(d).args(["verify"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("commits verified: 1; with findings: 1"),
        "{text}"
    );
}

#[test]
fn required_signatures_without_a_checker_are_unverifiable_or_unsigned() {
    let dir = history();
    let d = dir.path();
    edit(
        d,
        "governance.ron",
        "Governance(\n",
        "Governance(\n    signing: Required,\n",
    );
    commit_as(d, AMAL, "Every commit signed from now on");
    edit(
        d,
        "activities/pilot-amman.ron",
        "progress: 60",
        "progress: 70",
    );
    commit_as(d, RAMI, "Amman pilot at 70%");
    let out = khutta(d)
        .args(["verify", "HEAD~1..HEAD", "--no-check"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("not signed, and the rules require every commit to be signed"),
        "{text}"
    );
}

#[test]
fn a_merge_answers_only_for_what_neither_parent_held() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git_ok(d, &["init", "-q", "-b", "main"]);
    copy_dir(&fixture(), d);
    commit_as(d, AMAL, "Start");
    git_ok(d, &["checkout", "-q", "-b", "amman"]);
    edit(
        d,
        "activities/pilot-amman.ron",
        "progress: 40",
        "progress: 60",
    );
    commit_as(d, RAMI, "Amman pilot at 60%");
    git_ok(d, &["checkout", "-q", "main"]);
    edit(
        d,
        "activities/pilot-tunis.ron",
        "progress: 40",
        "progress: 50",
    );
    commit_as(
        d,
        "Sonia Ben Ali <sonia@tunis.example>",
        "Tunis pilot at 50%",
    );
    // Amman merges: the merge brings Tunis's change, which Amman did not make.
    let out = git(d)
        .args([
            "-c",
            "user.name=Rami Nasser",
            "-c",
            "user.email=rami@amman.example",
            "merge",
            "-q",
            "--no-ff",
            "amman",
            "-m",
            "Merge Amman's work",
        ])
        .env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = khutta(d).args(["verify"]).output().unwrap();
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&v.stdout)
    );
}

/// A fixed date that a dependency makes impossible fails the check after the commit that made
/// it (E030), as `khutta check` reports it.
#[test]
fn verify_reports_date_conflicts_after_a_commit() {
    let dir = history();
    let d = dir.path();
    // Tunis takes 20 working days from the plan's start; Amman, fixed in its first week,
    // cannot follow it.
    edit(
        d,
        "activities/pilot-amman.ron",
        "timing: Duration(\n        days: 20,\n    ),",
        "timing: Fixed(\n        start: \"2026-01-05\",\n        end: \"2026-01-09\",\n    ),\n    \
         dependencies: [\n        Dependency(\n            activity: \"pilot-tunis\",\n        ),\n    ],",
    );
    commit_as(d, AMAL, "Amman in the first week, after Tunis");
    let checked = transcript(&khutta(d).args(["check"]).output().unwrap());
    assert!(checked.contains("error[E030]"), "{checked}");
    let out = khutta(d).args(["verify"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let (before, after) = text
        .split_once("Amman in the first week, after Tunis")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(!before.contains("E030"), "{text}");
    assert!(
        after.contains("activities/pilot-amman.ron: error[E030]"),
        "{text}"
    );
    assert!(
        text.contains("commits verified: 5; with findings: 3"),
        "{text}"
    );
}
