//! Baselines travel with `khutta sync` through a real `git daemon`, and one moved on the
//! server is reported, never overwritten either way.

use crate::support::cmd::{git_ok, khutta, transcript};
use crate::support::world::{edit, sync, world};
use std::path::Path;

fn baseline(clone: &Path, args: &[&str]) {
    let out = khutta(clone).arg("baseline").args(args).output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
}

fn target(repo: &Path, tag: &str) -> String {
    git_ok(repo, &["rev-parse", &format!("{tag}^{{commit}}")])
        .trim()
        .to_owned()
}

#[test]
fn baselines_travel_both_ways() {
    let w = world();
    // Recorded on a commit both partners have: it goes out with A's next sync alone.
    baseline(
        &w.a,
        &["2026-q1", "-m", "approved by the steering committee"],
    );
    assert_eq!(
        transcript(&sync(&w.a)),
        "up to date with origin\nbaselines sent to origin: 2026-q1\n--- exit 0\n"
    );
    assert_eq!(
        git_ok(&w.origin, &["tag", "-l", "baseline/*"]),
        "baseline/2026-q1\n"
    );
    assert_eq!(
        transcript(&sync(&w.b)),
        "up to date with origin\nbaselines taken from origin: 2026-q1\n--- exit 0\n"
    );
    // The annotated tag itself: who recorded it, when and why.
    assert_eq!(
        git_ok(&w.b, &["rev-parse", "baseline/2026-q1"]),
        git_ok(&w.a, &["rev-parse", "baseline/2026-q1"])
    );
    assert_eq!(
        git_ok(&w.b, &["cat-file", "-t", "baseline/2026-q1"]),
        "tag\n"
    );
    // Recorded on a new commit: it travels with it.
    edit(&w.b, "pilot-tunis", "Tunis at 95", |a| a.progress = 95);
    baseline(&w.b, &["2026-q2"]);
    assert_eq!(
        transcript(&sync(&w.b)),
        "synced with origin: sent yours\nbaselines sent to origin: 2026-q2\n--- exit 0\n"
    );
    assert_eq!(
        transcript(&sync(&w.a)),
        "synced with origin: took their changes\nbaselines taken from origin: 2026-q2\n--- exit 0\n"
    );
    assert_eq!(
        transcript(&sync(&w.a)),
        "up to date with origin\n--- exit 0\n"
    );
    let list = khutta(&w.a).args(["baseline", "--list"]).output().unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("2026-q1") && text.contains("2026-q2"),
        "{text}"
    );
}

#[test]
fn a_baseline_moved_on_the_server_is_reported_and_left_alone() {
    let w = world();
    baseline(&w.a, &["2026-q1"]);
    assert!(sync(&w.a).status.success());
    assert!(sync(&w.b).status.success());
    let ours = target(&w.b, "baseline/2026-q1");
    // A moves it to a later commit and forces it onto the server, as plain git allows.
    edit(&w.a, "pilot-tunis", "Tunis at 96", |a| a.progress = 96);
    assert!(sync(&w.a).status.success());
    baseline(&w.a, &["2026-q1", "--force"]);
    git_ok(
        &w.a,
        &[
            "push",
            "-q",
            "--force",
            "origin",
            "refs/tags/baseline/2026-q1",
        ],
    );
    let moved = target(&w.a, "baseline/2026-q1");
    assert_ne!(moved, ours);
    let out = sync(&w.b);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let (here, there) = (&ours[..10], &moved[..10]);
    assert!(
        text.starts_with(&format!(
            "synced with origin: took their changes\n--- stderr\n\
             warning: baseline `2026-q1` records {here} here and {there} on origin; \
             neither was changed\n  hint: compare them with `khutta diff {here} {there}`"
        )),
        "{text}"
    );
    // Neither side was overwritten: B keeps its own, the server keeps A's.
    assert_eq!(target(&w.b, "baseline/2026-q1"), ours);
    assert_eq!(target(&w.origin, "baseline/2026-q1"), moved);
    // The comparison the hint offers works.
    let diff = khutta(&w.b).args(["diff", here, there]).output().unwrap();
    assert!(diff.status.success(), "{}", transcript(&diff));
    assert!(
        String::from_utf8_lossy(&diff.stdout).contains("pilot-tunis"),
        "{}",
        transcript(&diff)
    );
    // Said again on every sync until the partners settle it.
    let again = transcript(&sync(&w.b));
    assert!(again.contains("warning: baseline `2026-q1`"), "{again}");
    assert_eq!(target(&w.origin, "baseline/2026-q1"), moved);
}
