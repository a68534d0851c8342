//! `tests/cases/rights/<name>/`: a change to the plan of `tests/fixtures/rights/` (its
//! `governance.ron` the rules in force), who makes it, and what the rights engine says.
//!
//! Each case holds `actor.txt` (`Name <email>`), `after/` (the files the change writes, laid
//! over a copy of the fixture), optionally `removed.txt` (files the change deletes, one a
//! line), and `expected.txt`: the actor's standing, then `allowed`, or one `refused:` line per
//! breach with its rule. `KHUTTA_BLESS=1 cargo test --test rights_cases` rewrites the expected
//! files; read every rewritten file before committing it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::model::Plan;
use khutta::rights::{Actor, Standing, judge, standing};
use khutta::store::load_with_cache;
use std::path::Path;
use support::cmd::{assert_matches_file, case_dirs, copy_dir};

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rights")
}

fn load(dir: &Path) -> Plan {
    let loaded = load_with_cache(dir, None).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert!(
        loaded.diagnostics.is_empty(),
        "{}: {:?}",
        dir.display(),
        loaded.diagnostics
    );
    loaded.plan
}

fn actor(case: &Path) -> Actor {
    let text = std::fs::read_to_string(case.join("actor.txt")).unwrap();
    let (name, email) = text.trim().split_once(" <").unwrap();
    Actor {
        name: name.to_owned(),
        email: email.trim_end_matches('>').to_owned(),
    }
}

/// The plan after the case's change: the fixture with `after/` laid over it, `removed.txt`'s
/// files gone.
fn after(case: &Path) -> (tempfile::TempDir, Plan) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    if case.join("after").is_dir() {
        copy_dir(&case.join("after"), dir.path());
    }
    if let Ok(list) = std::fs::read_to_string(case.join("removed.txt")) {
        for rel in list.lines().filter(|l| !l.trim().is_empty()) {
            std::fs::remove_file(dir.path().join(rel.trim())).unwrap();
        }
    }
    let plan = load(dir.path());
    (dir, plan)
}

fn report(case: &Path, lang: khutta::model::Lang) -> String {
    let m = khutta::i18n::Messages::new(lang);
    let before = load(&fixture());
    let rules = before.governance.clone().expect("the fixture has rules");
    let who = actor(case);
    let (_dir, after) = after(case);
    let mut out = match standing(&rules, &who) {
        Standing::Coordinator { partner } => format!("standing: coordinator ({partner})\n"),
        Standing::Partner { partner } => format!("standing: partner {partner}\n"),
        Standing::Unknown => "standing: unknown\n".to_owned(),
    };
    let breaches = judge(Some(&rules), &who, &before, &after);
    if breaches.is_empty() {
        out.push_str("allowed\n");
    }
    for b in &breaches {
        out.push_str(&format!(
            "refused [{}]: {}\n",
            b.why.rule(),
            b.said().show(&m)
        ));
    }
    out
}

#[test]
fn rights_cases() {
    let cases = case_dirs("rights");
    assert!(cases.len() >= 10, "only {} rights cases", cases.len());
    for case in cases {
        let en = report(&case, khutta::model::Lang::En);
        assert_matches_file(&case.join("expected.txt"), &en);
        // Every case is said in Arabic too, without an English sentence left in it.
        let ar = report(&case, khutta::model::Lang::Ar);
        for line in ar.lines().filter(|l| l.starts_with("refused")) {
            assert!(
                line.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
                "{}: {line}",
                case.display()
            );
        }
    }
}

#[test]
fn cases_cover_allowed_and_refused() {
    let mut allowed = 0;
    let mut refused = 0;
    for case in case_dirs("rights") {
        let text = std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default();
        if text.contains("\nallowed\n") {
            allowed += 1;
        } else if text.contains("refused [") {
            refused += 1;
        }
    }
    assert!(
        allowed >= 4 && refused >= 7,
        "{allowed} allowed, {refused} refused"
    );
}

#[test]
fn the_fixture_is_canonical_and_clean() {
    let loaded = load_with_cache(&fixture(), None).unwrap();
    let out = khutta::store::format_folder(&loaded, true).unwrap();
    assert!(out.changed.is_empty(), "{:?}", out.changed);
    let diagnostics = khutta::workspace::diagnostics(&loaded);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
}
