//! The TUI and changes on disk: what another program wrote is taken in, merged with unsaved
//! edits, never written over; conflicts wait on the Conflicts screen; the recovery file
//! follows every edit.

use crate::harness::Harness;
use khutta::model::Lang;
use khutta::tui::Screen;
use khutta::tui::action::Action;
use std::path::Path;

/// Another program changes pilot-tunis's file.
fn outside(root: &Path, f: impl FnOnce(&mut khutta::model::Activity)) {
    let mut loaded = khutta::store::load_with_cache(root, None).unwrap();
    let mut plan = loaded.plan.clone();
    f(plan.activities.get_mut("pilot-tunis").unwrap());
    khutta::store::save(&mut loaded, &plan).unwrap();
}

fn on_disk(root: &Path) -> khutta::model::Activity {
    khutta::store::load_with_cache(root, None)
        .unwrap()
        .plan
        .activities["pilot-tunis"]
        .clone()
}

/// Sets pilot-tunis's field `row` in its form to `value`, as a coordinator types it.
fn set(h: &mut Harness, row: &str, value: &str) {
    h.select_activity("pilot-tunis");
    h.press(&["enter"]);
    h.form_row(row);
    h.press(&["enter", "ctrl-u"]);
    h.type_text(value);
    h.press(&["enter", "esc"]);
}

#[test]
fn a_change_on_disk_merges_with_unsaved_edits_and_both_are_saved() {
    let mut h = Harness::bundled(Lang::En);
    let root = h.dir.path().to_path_buf();
    set(&mut h, "title.en", "Tunis pilot");
    outside(&root, |a| a.progress = 90);
    h.disk_changed();
    assert!(
        h.app
            .shared
            .status
            .contains("merged with your unsaved edits: pilot-tunis (progress)"),
        "{}",
        h.app.shared.status
    );
    assert_eq!(h.app.shared.doc.plan.activities["pilot-tunis"].progress, 90);
    h.press(&["ctrl-s"]);
    assert!(!h.app.shared.doc.is_dirty(), "{}", h.app.shared.status);
    let a = on_disk(&root);
    assert_eq!(
        (a.progress, a.title.en.as_deref()),
        (90, Some("Tunis pilot"))
    );
}

#[test]
fn a_save_that_meets_an_unread_change_merges_it_and_saves_again() {
    let mut h = Harness::bundled(Lang::En);
    let root = h.dir.path().to_path_buf();
    set(&mut h, "title.en", "Tunis pilot");
    // Written while no watcher saw it: the save's own check catches it.
    outside(&root, |a| a.progress = 90);
    h.press(&["ctrl-s"]);
    let a = on_disk(&root);
    assert_eq!(
        (a.progress, a.title.en.as_deref()),
        (90, Some("Tunis pilot"))
    );
    assert!(!h.app.shared.doc.is_dirty(), "{}", h.app.shared.status);
}

#[test]
fn a_field_changed_both_ways_waits_on_the_conflicts_screen() {
    let mut h = Harness::bundled(Lang::En);
    let root = h.dir.path().to_path_buf();
    set(&mut h, "progress", "70");
    outside(&root, |a| a.progress = 80);
    h.disk_changed();
    assert!(
        h.app
            .shared
            .status
            .contains("1 conflict with your unsaved edits"),
        "{}",
        h.app.shared.status
    );
    assert!(h.render(120, 40).contains(" C Conflicts"));
    // The file waits: nothing is written over the other side's value.
    h.press(&["ctrl-s"]);
    assert_eq!(on_disk(&root).progress, 80);
    assert!(
        h.app.shared.status.contains("waits for its conflicts"),
        "{}",
        h.app.shared.status
    );
    h.press(&["C"]);
    assert_eq!(h.app.shared.screen, Screen::Conflicts);
    let screen = h.render(120, 40);
    assert!(
        screen.contains("your unsaved edits and the disk: 1 conflict")
            && screen.contains("progress"),
        "{screen}"
    );
    h.press(&["o"]);
    assert!(h.app.shared.doc.conflicts.is_empty());
    h.press(&["ctrl-s"]);
    assert_eq!(on_disk(&root).progress, 70, "ours was chosen");
}

#[test]
fn the_recovery_file_follows_every_edit_and_goes_with_the_save() {
    let mut h = Harness::bundled(Lang::En);
    assert!(!h.recovery.exists());
    set(&mut h, "title.en", "Tunis pilot");
    let kept = std::fs::read_to_string(&h.recovery).expect("a recovery file");
    assert!(
        kept.contains("Tunis pilot") && kept.contains("pilot-tunis"),
        "{kept}"
    );
    // A new round, never saved, is kept too.
    h.press(&["9", "n"]);
    h.type_text("inception-2027");
    h.press(&["enter"]);
    let kept = std::fs::read_to_string(&h.recovery).unwrap();
    assert!(kept.contains("inception-2027"), "{kept}");
    h.press(&["ctrl-s"]);
    assert!(!h.recovery.exists(), "saved: nothing left to recover");
}

#[test]
fn edits_left_by_a_session_that_died_are_offered_back_at_the_next_opening() {
    let mut first = Harness::bundled(Lang::En);
    set(&mut first, "title.en", "Tunis pilot");
    // The first session dies: its recovery file is all that is left of the edit.
    let root = first.dir.path().to_path_buf();
    let recovery = first.recovery.clone();
    let mut next = Harness::open(&root, Lang::En);
    let recovered = khutta::tui::recovery::read(&recovery, &next.app.shared.doc);
    next.act(Action::Opened {
        recovered,
        config_error: Some("keys.toml: unknown command `fly`".into()),
    });
    let screen = next.render(120, 40);
    assert!(
        screen.contains("pilot-tunis"),
        "the question names the file: {screen}"
    );
    assert!(
        next.app.shared.status.contains("unknown command `fly`"),
        "the config's error waits in the status line: {}",
        next.app.shared.status
    );
    next.press(&["r"]);
    assert_eq!(
        next.app.shared.doc.plan.activities["pilot-tunis"]
            .title
            .en
            .as_deref(),
        Some("Tunis pilot")
    );
    assert!(next.app.shared.doc.is_dirty(), "restored, not yet saved");
}

#[test]
fn a_save_is_an_operation_the_history_screen_takes_back() {
    let mut h = Harness::bundled(Lang::En);
    let root = h.dir.path().to_path_buf();
    set(&mut h, "progress", "70");
    h.press(&["ctrl-s"]);
    assert_eq!(on_disk(&root).progress, 70);
    h.press(&["8", "O"]);
    let screen = h.render(120, 40);
    assert!(
        screen.contains("save") && screen.contains("activities/pilot-tunis.ron"),
        "{screen}"
    );
    h.press(&["U"]);
    assert!(h.render(120, 40).contains("Put the plan's files back"));
    h.press(&["y"]);
    assert_eq!(on_disk(&root).progress, 75, "{}", h.app.shared.status);
    assert_eq!(h.app.shared.doc.plan.activities["pilot-tunis"].progress, 75);
    assert!(!h.app.shared.doc.is_dirty());
    assert!(
        h.app.shared.status.contains("1 file put back"),
        "{}",
        h.app.shared.status
    );
    // The plan outside git keeps its log in the state folder, not in the plan.
    assert!(h.state.path().join("ops").is_dir());
}
