//! `tests/cases/merge/<name>/`: three plan folders `base/`, `ours/`, `theirs/`, the merged
//! plan folder `expected/`, and `conflicts.txt`, the conflict report
//! (`khutta::diff::render::conflicts`) the merge gives: `no conflicts` for a clean merge.
//!
//! `KHUTTA_BLESS=1 cargo test --test merge_cases` rewrites `expected/` and `conflicts.txt`
//! from what the merge gives; read every rewritten file before committing it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::diff::{ConflictKind, Target, diff, merge, render};
use khutta::model::{EntityKind, Plan};
use khutta::repo::merge_file;
use khutta::store::{canonical_text, load_with_cache, write_new_plan};
use std::path::Path;
use support::cmd::{assert_matches_file, case_dirs};

/// A case's plan folder, which must read without a single problem.
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

fn bless() -> bool {
    std::env::var_os("KHUTTA_BLESS").is_some()
}

#[test]
fn merge_cases() {
    let cases = case_dirs("merge");
    assert!(cases.len() >= 25, "only {} merge cases", cases.len());
    for case in cases {
        let name = case.display();
        let (base, ours, theirs) = (
            load(&case.join("base")),
            load(&case.join("ours")),
            load(&case.join("theirs")),
        );
        let r = merge(&base, &ours, &theirs);
        assert_matches_file(
            &case.join("conflicts.txt"),
            &render::conflicts(&r.conflicts, &en()),
        );
        let expected_dir = case.join("expected");
        if bless() {
            let _ = std::fs::remove_dir_all(&expected_dir);
            write_new_plan(&expected_dir, &r.merged).unwrap();
        }
        let expected = load(&expected_dir);
        assert!(
            expected == r.merged,
            "{name}: the merged plan differs from expected/:\n{}",
            render::text(&diff(&expected, &r.merged), &en())
        );
        // Swapping the sides gives the same plan when nothing conflicts.
        if r.conflicts.is_empty() {
            assert!(
                merge(&base, &theirs, &ours).merged == r.merged,
                "{name}: not symmetric"
            );
        }
        driver_agrees(&case, &base, &ours, &theirs, &r);
    }
}

fn text(p: &Plan, entity: Option<(EntityKind, &khutta::model::Id)>) -> Option<String> {
    canonical_text(p, entity).unwrap()
}

/// git's merge driver, given the three versions of one file, writes what the whole-plan
/// merge holds for it, for every file all three have that the plan merge did not flag.
fn driver_agrees(
    case: &Path,
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    r: &khutta::diff::MergeResult,
) {
    // git reports a rename/rename itself and never hands those files to the driver; the
    // references that moved two ways are the plan merge's to settle.
    if r.conflicts
        .iter()
        .any(|c| c.kind == ConflictKind::RenameRename)
    {
        return;
    }
    let flagged = |target: &Target| {
        r.conflicts
            .iter()
            .any(|c| &c.target == target && (c.path.is_root() || c.kind == ConflictKind::Semantic))
    };
    let plan_file = merge_file(
        "plan.ron",
        text(base, None).as_deref(),
        &text(ours, None).unwrap_or_default(),
        &text(theirs, None).unwrap_or_default(),
    )
    .unwrap();
    assert_eq!(
        Some(plan_file.text),
        text(&r.merged, None),
        "{}: plan.ron",
        case.display()
    );
    for kind in EntityKind::ALL {
        for id in ours.ids(kind) {
            let (Some(o), Some(t)) = (
                text(ours, Some((kind, &id))),
                text(theirs, Some((kind, &id))),
            ) else {
                continue;
            };
            // A file new on both sides may be a rename, whose base only git's rename
            // detection would find: only files in the base are compared.
            let Some(b) = text(base, Some((kind, &id))) else {
                continue;
            };
            if flagged(&Target::Entity {
                kind,
                id: id.clone(),
            }) {
                continue;
            }
            let path = kind.file_path(&id);
            let m = merge_file(&path, Some(&b), &o, &t).unwrap();
            assert_eq!(
                Some(m.text),
                text(&r.merged, Some((kind, &id))),
                "{}: the merge driver disagrees on {path}",
                case.display()
            );
        }
    }
}
