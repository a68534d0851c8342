//! Consultations on disk: what is written reads back equal, one response saves alone, and a
//! save writes and removes only what changed.

use crate::model::{Answer, Id};
use crate::store::{load_with_cache, save, save_response, write_new_plan};

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

#[test]
fn written_consultations_read_back_equal() -> Result<(), Box<dyn std::error::Error>> {
    let plan = crate::consult::tests::sample();
    let dir = tempfile::tempdir()?;
    let report = write_new_plan(dir.path(), &plan)?;
    assert!(
        report
            .written
            .contains(&"consultations/r1/round.ron".to_owned())
    );
    assert!(
        report
            .written
            .contains(&"consultations/r1/responses/p2.ron".to_owned())
    );
    let loaded = load_with_cache(dir.path(), None)?;
    assert_eq!(loaded.diagnostics, vec![]);
    assert_eq!(loaded.plan, plan);
    assert_eq!(loaded.sources.file_count(), 4 + 4);
    // Reading through the parse cache gives the same plan, cold and warm.
    let cache = tempfile::tempdir()?;
    for _ in 0..2 {
        assert_eq!(load_with_cache(dir.path(), Some(cache.path()))?.plan, plan);
    }
    Ok(())
}

#[test]
fn one_response_saves_alone_and_a_save_follows_it() -> Result<(), Box<dyn std::error::Error>> {
    let plan = crate::consult::tests::sample();
    let dir = tempfile::tempdir()?;
    write_new_plan(dir.path(), &plan)?;
    let mut loaded = load_with_cache(dir.path(), None)?;
    let mut r = plan.consultations["r1"].responses["p1"].clone();
    r.participant = id("p4");
    r.answers.insert(id("rate"), Answer::Rating(5));
    let rel = loaded.save_response(&id("r1"), &r)?;
    assert_eq!(rel, "consultations/r1/responses/p4.ron");
    assert_eq!(load_with_cache(dir.path(), None)?.plan, loaded.plan);
    // The response is recorded as saved: saving the same plan writes nothing.
    let same = loaded.plan.clone();
    assert!(save(&mut loaded, &same)?.is_empty());
    // A response to a round that is not on disk is refused.
    assert!(save_response(dir.path(), &id("nope"), &r).is_err());
    // Removing a round removes its files and folder.
    let mut without = loaded.plan.clone();
    without.consultations.clear();
    let report = save(&mut loaded, &without)?;
    assert_eq!(report.removed.len(), 5);
    assert!(!dir.path().join("consultations/r1").exists());
    Ok(())
}

#[test]
fn a_changed_answer_rewrites_only_its_file() -> Result<(), Box<dyn std::error::Error>> {
    let plan = crate::consult::tests::sample();
    let dir = tempfile::tempdir()?;
    write_new_plan(dir.path(), &plan)?;
    let mut loaded = load_with_cache(dir.path(), None)?;
    let mut changed = plan.clone();
    if let Some(c) = changed.consultations.get_mut("r1")
        && let Some(r) = c.responses.get_mut("p2")
    {
        r.answers.insert(id("rate"), Answer::Rating(3));
    }
    let report = save(&mut loaded, &changed)?;
    assert_eq!(report.written, ["consultations/r1/responses/p2.ron"]);
    assert!(report.removed.is_empty());
    Ok(())
}
