//! `tests/cases/diff/<name>/`: two plan folders `a/` and `b/`, and the review from `a` to `b`
//! (the semantic diff, the money tables and the schedule variance, as `khutta diff` prints
//! them) as text (`expected.txt`), Markdown (`expected.md`) and JSON (`expected.json`).
//!
//! `KHUTTA_BLESS=1 cargo test --test diff_cases` rewrites the expected files; read every
//! rewritten file before committing it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::diff::{Review, apply, diff, review};
use khutta::model::Plan;
use khutta::store::load_with_cache;
use std::path::Path;
use support::cmd::{assert_matches_file, case_dirs};

/// The English messages, in which the expected texts are written.
fn en() -> khutta::i18n::Messages {
    khutta::i18n::Messages::new(khutta::model::Lang::En)
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

#[test]
fn diff_cases() {
    let cases = case_dirs("diff");
    assert!(cases.len() >= 7, "only {} diff cases", cases.len());
    for case in cases {
        let (a, b) = (load(&case.join("a")), load(&case.join("b")));
        let r = Review::new(&a, &b);
        assert_matches_file(&case.join("expected.txt"), &review::text(&r, &en()));
        assert_matches_file(&case.join("expected.md"), &review::markdown(&r, &en()));
        assert_matches_file(&case.join("expected.json"), &review::json(&r).unwrap());
        let d = r.diff;
        assert!(
            apply(&a, &d).unwrap() == b,
            "{}: apply(a, diff(a, b)) != b",
            case.display()
        );
        assert!(diff(&a, &a).is_empty());
        assert!(
            Review::new(&a, &a).is_empty(),
            "{}: review(a, a)",
            case.display()
        );
    }
}
