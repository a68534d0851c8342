//! Laws of the plan store: what is written reads back equal, and canonical files are fixed
//! points of read-then-write.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::model::{EntityKind, Text};
use khutta::store::{canonical_text, save, write_new_plan};
use proptest::prelude::*;
use support::arb;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn load_of_write_is_identity(plan in arb::plan()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        write_new_plan(dir.path(), &plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = khutta::store::load_with_cache(dir.path(), None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        prop_assert_eq!(&loaded.plan, &plan);
    }

    #[test]
    fn canonical_files_are_fixed_points(plan in arb::plan()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let written = write_new_plan(dir.path(), &plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut loaded = khutta::store::load_with_cache(dir.path(), None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every file on disk is byte-identical to the canonical text of what was read from it.
        for rel in &written.written {
            let on_disk = std::fs::read_to_string(dir.path().join(rel)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            use khutta::store::layout::PlanPath;
            let entity = match khutta::store::layout::classify(rel) {
                Some(PlanPath::Entity(kind, stem)) => Some((kind, khutta::model::Id::new_unchecked(stem))),
                Some(PlanPath::Plan) => None,
                // Random plans have no consultations; the consultation tests cover those files.
                _ => continue,
            };
            let again = canonical_text(&loaded.plan, entity.as_ref().map(|(k, id)| (*k, id))).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(Some(on_disk), again);
        }
        // Saving an unchanged plan writes nothing.
        let unchanged = loaded.plan.clone();
        let report = save(&mut loaded, &unchanged).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(report.is_empty(), "{:?}", report);
    }

    /// A new plan is written in canonical form whatever order its lists were in: `fmt` finds
    /// nothing to change (the plan generator once wrote countries and calendars unsorted).
    #[test]
    fn a_new_plan_is_written_canonical(plan in arb::plan()) {
        let mut shuffled = plan.clone();
        shuffled.meta.countries.reverse();
        shuffled.meta.calendars.iter_mut().for_each(|c| c.countries.reverse());
        shuffled.activities.values_mut().for_each(|a| { a.tags.reverse(); a.dependencies.reverse(); });
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        write_new_plan(dir.path(), &shuffled).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = khutta::store::load_with_cache(dir.path(), None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let outcome = khutta::store::format_folder(&loaded, true).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(outcome.changed.is_empty(), "{:?}", outcome.changed);
    }

    #[test]
    fn one_field_changes_only_its_lines(plan in arb::plan(), new_title in "[A-Za-z]{1,20}") {
        let Some(id) = plan.activities.keys().next().cloned() else { return Ok(()) };
        let before = canonical_text(&plan, Some((EntityKind::Activity, &id))).ok().flatten().unwrap_or_default();
        let mut changed = plan.clone();
        if let Some(a) = changed.activities.get_mut(&id) {
            a.title = Text { ar: a.title.ar.clone(), en: Some(new_title.clone()) };
        }
        let after = canonical_text(&changed, Some((EntityKind::Activity, &id))).ok().flatten().unwrap_or_default();
        let (b, a): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
        prop_assert_eq!(b.len(), a.len());
        let differing: Vec<_> = b.iter().zip(&a).filter(|(x, y)| x != y).map(|(_, y)| *y).collect();
        prop_assert!(differing.len() <= 1, "{:?}", differing);
        if let Some(line) = differing.first() {
            prop_assert!(line.trim_start().starts_with("en:"), "{}", line);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The parse cache never changes what is read: cold, warm, after an edit, and after the
    /// cache was damaged.
    #[test]
    fn cache_is_invisible(plan in arb::plan(), new_title in "[A-Za-z]{1,20}") {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        write_new_plan(dir.path(), &plan).unwrap();
        let cold = khutta::store::load_with_cache(dir.path(), Some(cache.path())).unwrap();
        let warm = khutta::store::load_with_cache(dir.path(), Some(cache.path())).unwrap();
        prop_assert_eq!(&cold.plan, &plan);
        prop_assert_eq!(&warm.plan, &plan);
        if let Some(id) = plan.activities.keys().next().cloned() {
            let mut edited = plan.clone();
            if let Some(a) = edited.activities.get_mut(&id) {
                a.title.en = Some(new_title);
            }
            let mut loaded = warm;
            save(&mut loaded, &edited).unwrap();
            let after = khutta::store::load_with_cache(dir.path(), Some(cache.path())).unwrap();
            prop_assert_eq!(&after.plan, &edited);
        }
        // Every pack of the store (in its folder of the cache's layout) damaged.
        for folder in std::fs::read_dir(cache.path()).unwrap() {
            for entry in std::fs::read_dir(folder.unwrap().path()).unwrap() {
                std::fs::write(entry.unwrap().path(), b"{ not a pack").unwrap();
            }
        }
        let damaged = khutta::store::load_with_cache(dir.path(), Some(cache.path())).unwrap();
        prop_assert_eq!(damaged.plan.activities.len(), khutta::store::load_with_cache(dir.path(), None).unwrap().plan.activities.len());
    }
}
