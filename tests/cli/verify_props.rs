//! `khutta verify` checks the plan after each commit from what the commit changed (the folders
//! joined where they differ, the blobs parsed once, progress-only commits checked locally).
//! Whatever the edits, its verdict after each commit is the one a full `check` of the plan
//! read from that commit gives: the same errors, those the commit brought told apart from
//! those it kept.

use crate::support::cmd::git_ok;
use crate::support::{arb, edits};
use khutta::check::{Code, Diagnostic, Unread};
use khutta::model::Plan;
use khutta::repo::{CommitId, Finding, PlanRepo, VerifyOptions, verify_range};
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;

type Key = (Code, String, String);

fn key(d: &Diagnostic) -> Key {
    (d.code, d.path.clone(), d.message.english())
}

/// The errors a full `check` reports on `plan`, the dates the schedule cannot keep included.
fn full_check(plan: &Plan) -> Vec<Key> {
    let mut out: Vec<Diagnostic> = khutta::check::check(plan, &Unread::default())
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let schedule = khutta::schedule::schedule(plan);
    out.extend(
        khutta::schedule::conflict_diagnostics(plan, &schedule)
            .into_iter()
            .filter(Diagnostic::is_error),
    );
    khutta::check::sort(&mut out);
    out.iter().map(key).collect()
}

/// Commits `plan` whole as the plan folder `plan/` of `dir` (what it no longer holds removed).
fn commit(dir: &Path, plan: &Plan, n: usize) {
    let root = dir.join("plan");
    if root.exists() {
        std::fs::remove_dir_all(&root).unwrap();
    }
    khutta::store::write_new_plan(&root, plan).unwrap();
    git_ok(dir, &["add", "-A"]);
    git_ok(
        dir,
        &["commit", "-q", "--allow-empty", "-m", &format!("edit {n}")],
    );
}

/// A plan and the edits of each commit after the first: durations, fixed dates,
/// dependencies and their lags, budget lines, leads, renames, removals, progress.
fn history() -> impl Strategy<Value = (Plan, Vec<Vec<edits::Op>>)> {
    (
        arb::plan(),
        prop::collection::vec(prop::collection::vec(edits::op(), 1..4), 1..6),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn verify_checks_each_commit_as_a_full_check_does((base, steps) in history()) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git_ok(d, &["init", "-q", "-b", "main"]);
        let mut plan = edits::edited(&base, &[]);
        commit(d, &plan, 0);
        for (n, ops) in steps.iter().enumerate() {
            plan = edits::edited(&plan, ops);
            commit(d, &plan, n + 1);
        }
        let repo = PlanRepo::discover(&d.join("plan")).unwrap();
        let tip = repo.commit_of("HEAD").unwrap();
        let report = verify_range(&repo, None, tip, &VerifyOptions::default()).unwrap();
        prop_assert_eq!(report.walked, steps.len() + 1);
        let listed = git_ok(d, &["rev-list", "--reverse", "HEAD"]);
        let mut before: Vec<Key> = Vec::new();
        for line in listed.lines() {
            let id: CommitId = repo.commit_of(line).unwrap();
            let after = full_check(&repo.plan_at(id).unwrap());
            let found = report
                .commits
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| c.findings.iter().find_map(|f| match f {
                    Finding::Check { new, kept } => Some((new.clone(), *kept)),
                    _ => None,
                }));
            let had: HashSet<&Key> = before.iter().collect();
            let expected: Vec<Key> = after.iter().filter(|k| !had.contains(k)).cloned().collect();
            match found {
                None => prop_assert!(after.is_empty(), "{}: {:?}", line, after),
                Some((new, kept)) => {
                    prop_assert_eq!(new.iter().map(key).collect::<Vec<_>>(), expected.clone());
                    prop_assert_eq!(kept, after.len() - expected.len());
                }
            }
            before = after;
        }
    }
}
