use super::*;
use crate::diff::Choice;
use crate::edit::Edit;
use crate::model::{EntityKind, Timing};
use crate::store::{Place, load_with_cache, read_places, write_files};
use std::path::Path;

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A document on a fresh copy of the bundled plan.
fn open() -> (tempfile::TempDir, Document) {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua"),
        dir.path(),
    );
    let doc = Document::new(load_with_cache(dir.path(), None).unwrap());
    (dir, doc)
}

fn tunis() -> Id {
    Id::new_unchecked("pilot-tunis")
}

/// Sets a field of pilot-tunis in the document, as a form would.
fn edit(doc: &mut Document, f: impl FnOnce(&mut crate::model::Activity)) {
    let e = Edit::update(&doc.plan, EntityKind::Activity, &tunis(), "x", |e| {
        if let crate::model::Entity::Activity(a) = e {
            f(a);
        }
        Ok::<(), ()>(())
    })
    .unwrap()
    .unwrap();
    doc.apply(e).unwrap();
}

/// Another program changes pilot-tunis on disk.
fn outside(root: &Path, f: impl FnOnce(&mut crate::model::Activity)) {
    let mut loaded = load_with_cache(root, None).unwrap();
    let mut plan = loaded.plan.clone();
    f(plan.activities.get_mut("pilot-tunis").unwrap());
    let report = crate::store::save(&mut loaded, &plan).unwrap();
    assert_eq!(report.written.len(), 1);
}

fn arrive(doc: &mut Document, root: &Path) -> Arrived {
    let place = Place::EntityFile(EntityKind::Activity, "pilot-tunis.ron".into());
    doc.ingest(read_places(root, &[place], None))
}

fn save(doc: &mut Document) -> SaveReport {
    let writes = doc.save_writes().unwrap();
    let report = write_files(&doc.loaded.root, &writes).unwrap();
    doc.saved(&writes, &report);
    report
}

fn on_disk(root: &Path) -> crate::model::Activity {
    load_with_cache(root, None).unwrap().plan.activities["pilot-tunis"].clone()
}

#[test]
fn a_change_on_disk_with_nothing_unsaved_is_taken_as_it_is() {
    let (dir, mut doc) = open();
    outside(dir.path(), |a| a.progress = 90);
    let arrived = arrive(&mut doc, dir.path());
    assert_eq!(arrived.taken.len(), 1, "{arrived:?}");
    assert_eq!(arrived.taken[0].1, vec!["progress".to_owned()]);
    assert_eq!(doc.plan.activities["pilot-tunis"].progress, 90);
    assert!(!doc.is_dirty());
}

#[test]
fn a_change_on_disk_merges_with_an_unsaved_edit_of_another_field() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.title.en = Some("Tunis pilot".into()));
    outside(dir.path(), |a| {
        a.timing = Timing::Duration {
            days: 400,
            not_before: None,
        }
    });
    let arrived = arrive(&mut doc, dir.path());
    assert_eq!(arrived.merged.len(), 1, "{arrived:?}");
    assert_eq!(arrived.conflicts, 0);
    assert!(doc.is_dirty());
    let report = save(&mut doc);
    assert!(report.changed_on_disk.is_empty(), "{report:?}");
    let a = on_disk(dir.path());
    assert_eq!(a.title.en.as_deref(), Some("Tunis pilot"));
    assert!(matches!(a.timing, Timing::Duration { days: 400, .. }));
    assert!(!doc.is_dirty());
}

#[test]
fn a_save_never_writes_over_a_change_it_has_not_read() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.title.en = Some("Tunis pilot".into()));
    outside(dir.path(), |a| a.progress = 90);
    // The change on disk has not been seen: the save leaves the file alone and says so.
    let report = save(&mut doc);
    assert_eq!(report.changed_on_disk, vec!["activities/pilot-tunis.ron"]);
    assert_eq!(on_disk(dir.path()).progress, 90);
    assert!(doc.is_dirty());
    // Read, merged, saved again: both changes are on disk.
    arrive(&mut doc, dir.path());
    save(&mut doc);
    let a = on_disk(dir.path());
    assert_eq!(
        (a.progress, a.title.en.as_deref()),
        (90, Some("Tunis pilot"))
    );
}

#[test]
fn the_same_field_changed_both_ways_is_a_conflict_and_waits() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.progress = 70);
    outside(dir.path(), |a| a.progress = 80);
    let arrived = arrive(&mut doc, dir.path());
    assert_eq!(arrived.conflicts, 1);
    assert_eq!(
        doc.plan.activities["pilot-tunis"].progress, 70,
        "ours is kept"
    );
    assert!(doc.save_writes().unwrap().is_empty(), "the file waits");
    doc.settle(0, Choice::Theirs).unwrap();
    assert!(doc.conflicts.is_empty());
    assert_eq!(doc.plan.activities["pilot-tunis"].progress, 80);
    assert!(!doc.is_dirty());
    // Settling is an edit: undo brings our value back (unsaved again).
    doc.undo().unwrap();
    assert_eq!(doc.plan.activities["pilot-tunis"].progress, 70);
    assert!(doc.is_dirty());
}

#[test]
fn undo_keeps_what_arrived_since_in_other_fields_and_refuses_in_the_same() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.title.en = Some("Tunis pilot".into()));
    save(&mut doc);
    outside(dir.path(), |a| a.progress = 90);
    arrive(&mut doc, dir.path());
    assert!(doc.undo().unwrap().is_some());
    let a = &doc.plan.activities["pilot-tunis"];
    assert_eq!(a.progress, 90, "the change that arrived stays");
    assert_ne!(a.title.en.as_deref(), Some("Tunis pilot"));
    doc.redo().unwrap();
    // The title changes on disk too: undoing our title would write over it.
    outside(dir.path(), |a| {
        a.title.en = Some("Tunis, by the city".into())
    });
    save(&mut doc);
    arrive(&mut doc, dir.path());
    let before = doc.plan.clone();
    assert!(matches!(doc.undo(), Err(EditError::Outdated { .. })));
    assert_eq!(doc.plan, before);
}

#[test]
fn recovered_edits_merge_with_what_arrived_meanwhile() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.title.en = Some("Tunis pilot".into()));
    edit(&mut doc, |a| a.progress = 70);
    let kept = doc.unsaved_edits();
    assert_eq!(kept.len(), 1);
    outside(dir.path(), |a| {
        a.progress = 80;
        a.tags.push("budget".into());
    });
    let mut next = Document::new(load_with_cache(dir.path(), None).unwrap());
    let r = next.recover(kept).unwrap();
    assert_eq!((r.units.len(), r.conflicts), (1, 1));
    let a = &next.plan.activities["pilot-tunis"];
    assert_eq!(a.title.en.as_deref(), Some("Tunis pilot"));
    assert!(a.tags.contains(&"budget".to_owned()));
    assert_eq!(a.progress, 70, "ours is kept until settled");
    assert_eq!(next.conflicts[0].path.to_string(), "progress");
    // Kept again before it is settled, the conflict comes back with its base.
    let again = next.unsaved_edits();
    let mut third = Document::new(load_with_cache(dir.path(), None).unwrap());
    assert_eq!(third.recover(again).unwrap().conflicts, 1);
}

#[test]
fn problems_of_reading_follow_the_files_and_the_edits() {
    let (dir, mut doc) = open();
    let text = std::fs::read_to_string(dir.path().join("activities/pilot-tunis.ron")).unwrap();
    std::fs::write(
        dir.path().join("activities/Pilot-Rabat.ron"),
        text.replace("id: \"pilot-tunis\"", "id: \"Pilot-Rabat\""),
    )
    .unwrap();
    std::fs::write(dir.path().join("activities/broken.ron"), "Activity(").unwrap();
    let places = [Place::EntityDir(EntityKind::Activity)];
    doc.ingest(read_places(dir.path(), &places, None));
    let codes = |doc: &Document| -> Vec<String> {
        doc.diagnostics.iter().map(|d| d.code.to_string()).collect()
    };
    assert!(
        codes(&doc).contains(&"E010".to_owned()),
        "{:?}",
        codes(&doc)
    );
    assert!(
        codes(&doc).contains(&"E001".to_owned()),
        "{:?}",
        codes(&doc)
    );
    let rename = Edit::rename(
        &doc.plan,
        EntityKind::Activity,
        &Id::new_unchecked("Pilot-Rabat"),
        "pilot-rabat",
    )
    .unwrap();
    doc.apply(rename).unwrap();
    assert!(
        !codes(&doc).contains(&"E010".to_owned()),
        "{:?}",
        codes(&doc)
    );
    std::fs::remove_file(dir.path().join("activities/broken.ron")).unwrap();
    doc.ingest(read_places(dir.path(), &places, None));
    assert!(
        !codes(&doc).contains(&"E001".to_owned()),
        "{:?}",
        codes(&doc)
    );
    // The CLI's pipeline names the same file for the same problem.
    save(&mut doc);
    let (_, cli) = crate::workspace::check_folder(dir.path(), None).unwrap();
    let mut a: Vec<(String, String)> = cli
        .iter()
        .map(|d| (d.code.to_string(), d.path.clone()))
        .collect();
    let mut b: Vec<(String, String)> = doc
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.path.clone()))
        .collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[test]
fn undoing_the_edit_that_clashed_takes_the_other_side() {
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.progress = 70);
    edit(&mut doc, |a| a.progress = 60);
    outside(dir.path(), |a| a.progress = 80);
    arrive(&mut doc, dir.path());
    assert_eq!(doc.conflicts.len(), 1);
    // Back to our first value: the conflict shows what the plan holds now.
    doc.undo().unwrap();
    assert_eq!(doc.conflicts[0].ours, Some(serde_json::json!(70)));
    // Back to the value both started from: only theirs changed it; it is taken.
    doc.undo().unwrap();
    assert!(doc.conflicts.is_empty());
    assert_eq!(doc.plan.activities["pilot-tunis"].progress, 80);
    assert!(!doc.is_dirty());
}

/// A value typed back to what the file held, while the file changed on disk unseen, is no
/// net change by the fields alone; it must still not give way silently to the disk's value.
#[test]
fn a_value_typed_back_to_the_files_is_kept_against_a_change_on_disk() {
    let (dir, mut doc) = open();
    let was = doc.plan.activities["pilot-tunis"].progress;
    edit(&mut doc, |a| a.progress = 0);
    outside(dir.path(), |a| a.progress = 10);
    edit(&mut doc, |a| a.progress = was);
    let arrived = arrive(&mut doc, dir.path());
    assert_eq!(arrived.conflicts, 1, "{arrived:?}");
    assert_eq!(
        doc.plan.activities["pilot-tunis"].progress, was,
        "what was typed stays"
    );
    let c = &doc.conflicts[0];
    assert_eq!(c.path.to_string(), "progress");
    assert_eq!(
        c.theirs,
        Some(serde_json::json!(10)),
        "the disk's value waits in the conflict"
    );
    // Typed and then undone back to the file's value: nothing typed is left to defend.
    let (dir, mut doc) = open();
    edit(&mut doc, |a| a.progress = 0);
    doc.undo().unwrap();
    outside(dir.path(), |a| a.progress = 10);
    let arrived = arrive(&mut doc, dir.path());
    assert_eq!(arrived.conflicts, 0);
    assert_eq!(doc.plan.activities["pilot-tunis"].progress, 10);
}
