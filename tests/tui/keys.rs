//! Key-sequence tests: what a coordinator types, and what the plan becomes.

use crate::harness::Harness;
use khutta::model::{EntityKind, Id, Lang};
use khutta::tui::popup::Popup;

#[test]
fn edit_a_title_then_save_writes_only_that_file() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("egm-cairo-2021", "title.en");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("Expert group meeting, Cairo");
    h.press(&["enter"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["egm-cairo-2021"]
            .title
            .en
            .as_deref(),
        Some("Expert group meeting, Cairo")
    );
    assert!(h.app.shared.doc.is_dirty());
    h.press(&["ctrl-s"]);
    assert!(!h.app.shared.doc.is_dirty(), "{}", h.app.shared.status);
    assert_eq!(h.app.shared.status, "saved: 1 file written");
    let text = std::fs::read_to_string(h.dir.path().join("activities/egm-cairo-2021.ron")).unwrap();
    assert!(
        text.contains("en: \"Expert group meeting, Cairo\","),
        "{text}"
    );
    let again = khutta::store::load_with_cache(h.dir.path(), None).unwrap();
    assert_eq!(again.plan, h.app.shared.doc.plan);
}

#[test]
fn a_bad_value_is_refused_with_its_reason_and_never_applied() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("egm-cairo-2021", "start");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("2021-02-30");
    let ed = h.app.shared.editor.as_ref().unwrap();
    assert!(
        ed.error.as_deref().unwrap().contains("YYYY-MM-DD"),
        "{:?}",
        ed.error
    );
    h.press(&["enter"]);
    assert!(
        h.app.shared.editor.is_some(),
        "the editor stays open on a refused value"
    );
    assert!(!h.app.shared.doc.is_dirty());
    assert!(h.render(120, 40).contains("is not a date"));
    h.press(&["esc"]);
    assert!(h.app.shared.editor.is_none());
}

#[test]
fn rename_carries_references_and_undo_restores_everything() {
    let mut h = Harness::bundled(Lang::En);
    let original = h.app.shared.doc.plan.clone();
    let old = Id::new_unchecked("project-launch");
    let refs = original.references_to(EntityKind::Activity, &old);
    assert!(refs.len() >= 2, "the launch milestone is referred to");
    h.select_activity("project-launch");
    h.press(&["r", "ctrl-u"]);
    h.type_text("launch-2025");
    h.press(&["enter"]);
    let new = Id::new_unchecked("launch-2025");
    assert!(h.app.shared.doc.plan.activities.contains_key(&new));
    assert!(
        original.references_to(EntityKind::Activity, &old).len()
            == h.app
                .shared
                .doc
                .plan
                .references_to(EntityKind::Activity, &new)
                .len()
    );
    assert!(
        h.app
            .shared
            .doc
            .plan
            .references_to(EntityKind::Activity, &old)
            .is_empty()
    );
    // A second edit, then undo everything.
    h.open_activity_row("launch-2025", "progress");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("50");
    h.press(&["enter", "esc"]);
    assert_eq!(h.app.shared.doc.plan.activities[&new].progress, 50);
    h.press(&["u", "u"]);
    assert_eq!(h.app.shared.doc.plan, original);
    assert!(!h.app.shared.doc.is_dirty());
    h.press(&["ctrl-r", "ctrl-r"]);
    assert_eq!(h.app.shared.doc.plan.activities[&new].progress, 50);
}

#[test]
fn add_a_dependency_from_the_picker() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("final-report", "dependencies");
    let before = h.app.shared.doc.plan.activities["final-report"]
        .dependencies
        .len();
    h.press(&["a"]);
    h.type_text("midterm");
    h.press(&["enter"]);
    let deps = &h.app.shared.doc.plan.activities["final-report"].dependencies;
    assert_eq!(deps.len(), before + 1);
    assert!(deps.iter().any(|d| d.activity.as_str() == "midterm-review"));
    // Open the new item and give it a lag.
    let i = deps
        .iter()
        .position(|d| d.activity.as_str() == "midterm-review")
        .unwrap();
    let rows = h
        .app
        .shared
        .form
        .as_ref()
        .unwrap()
        .rows(&h.app.shared.doc.plan);
    let row = rows
        .iter()
        .position(|r| r.key == khutta::tui::form::RowKey::Item(0, i))
        .unwrap();
    h.app.shared.form.as_mut().unwrap().cursor = row;
    h.press(&["enter"]);
    h.form_row("lag");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("-3");
    h.press(&["enter"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["final-report"].dependencies[i].lag,
        -3
    );
}

#[test]
fn new_activity_then_delete_with_a_warning() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["2", "n"]);
    h.type_text("Bad Id");
    assert!(h.app.shared.editor.as_ref().unwrap().error.is_some());
    h.press(&["ctrl-u"]);
    h.type_text("pilot-rabat");
    h.press(&["enter"]);
    assert!(h.app.shared.doc.plan.activities.contains_key("pilot-rabat"));
    assert!(h.app.shared.form.is_some(), "the new activity's form opens");
    h.press(&["esc"]);
    // Deleting something others depend on names them first.
    h.select_activity("project-launch");
    h.press(&["d"]);
    match &h.app.shared.popup {
        Some(Popup::ConfirmDelete { references, .. }) => assert!(!references.is_empty()),
        other => panic!("expected a delete question, got {other:?}"),
    }
    h.press(&["esc"]);
    assert!(
        h.app
            .shared
            .doc
            .plan
            .activities
            .contains_key("project-launch")
    );
    h.select_activity("pilot-rabat");
    h.press(&["d", "y"]);
    assert!(!h.app.shared.doc.plan.activities.contains_key("pilot-rabat"));
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["1", "enter"]);
    h.form_row("title.en");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("Renamed plan");
    h.press(&["enter", "esc", "q"]);
    assert_eq!(h.app.shared.popup, Some(Popup::ConfirmQuit));
    assert!(!h.app.quit);
    h.press(&["esc"]);
    assert!(!h.app.quit);
    h.press(&["q", "s"]);
    assert!(h.app.quit, "{}", h.app.shared.status);
    let meta = std::fs::read_to_string(h.dir.path().join("plan.ron")).unwrap();
    assert!(meta.contains("Renamed plan"));
}

#[test]
fn long_text_goes_through_the_external_editor() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("egm-cairo-2021", "description.en");
    h.editor_reply = Some("A longer description,\nwritten in an editor.\n".into());
    h.press(&["e"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["egm-cairo-2021"]
            .description
            .en
            .as_deref(),
        Some("A longer description,\nwritten in an editor.")
    );
}

#[test]
fn a_new_dependency_moves_the_gantt_and_the_finish_date() {
    let mut h = Harness::bundled(Lang::En);
    let finish = h.app.shared.doc.schedule.finish.unwrap();
    // The bar's first day: the chart may refit its scale when the plan grows, so the bar is
    // followed by the date its first column stands for.
    let bar_start = |h: &Harness| {
        let id = Id::new_unchecked("final-report");
        let pos = h.app.shared.doc.position[&id];
        let g = h.app.screens.gantt.layout.as_ref().unwrap();
        let start = match g.rows[h.app.screens.gantt.row_of[&pos]].mark {
            khutta::gantt::Mark::Bar { start, .. } => start,
            other => panic!("final-report is drawn as {other:?}"),
        };
        let planned = h.app.shared.doc.dates(&id).unwrap().early_start;
        assert_eq!(
            i64::from(start),
            g.axis.column(planned),
            "drawn where it is planned"
        );
        planned
    };
    // The chart is laid out while it is shown.
    h.press(&["6"]);
    let before = bar_start(&h);
    h.open_activity_row("final-report", "dependencies");
    h.press(&["a"]);
    h.type_text("study-visit");
    h.press(&["enter"]);
    let deps = &h.app.shared.doc.plan.activities["final-report"].dependencies;
    let i = deps
        .iter()
        .position(|d| d.activity.as_str() == "study-visit-spain")
        .unwrap();
    let rows = h
        .app
        .shared
        .form
        .as_ref()
        .unwrap()
        .rows(&h.app.shared.doc.plan);
    h.app.shared.form.as_mut().unwrap().cursor = rows
        .iter()
        .position(|r| r.key == khutta::tui::form::RowKey::Item(0, i))
        .unwrap();
    h.press(&["enter"]);
    h.form_row("lag");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("500");
    h.press(&["enter", "esc", "esc"]);
    let later = h.app.shared.doc.schedule.finish.unwrap();
    assert!(later > finish, "the finish moved from {finish} to {later}");
    h.press(&["6"]);
    assert!(bar_start(&h) > before, "the bar moved right");
    let overview = {
        h.press(&["1"]);
        h.render(120, 40)
    };
    assert!(overview.contains(&later.to_string()), "{overview}");
    h.press(&["u", "u"]);
    assert_eq!(h.app.shared.doc.schedule.finish, Some(finish));
    assert!(!h.app.shared.doc.is_dirty());
}

#[test]
fn a_pick_list_that_matches_nothing_changes_nothing() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("final-report", "lead");
    let before = h.app.shared.doc.plan.activities["final-report"]
        .lead
        .clone();
    assert!(before.is_some());
    h.press(&["enter"]);
    h.type_text("no-such-partner-zzz");
    h.press(&["enter"]);
    // Refused with the reason, the editor still open, the lead untouched.
    assert!(h.app.shared.editor.is_some());
    assert!(
        h.app.shared.status.contains("Nothing matches"),
        "{}",
        h.app.shared.status
    );
    assert_eq!(
        h.app.shared.doc.plan.activities["final-report"].lead,
        before
    );
    assert!(!h.app.shared.doc.is_dirty());
    h.press(&["esc"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["final-report"].lead,
        before
    );
}

#[test]
fn pasted_line_breaks_tabs_and_controls_never_reach_the_plan() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("egm-cairo-2021", "title.en");
    h.press(&["enter", "ctrl-u"]);
    h.act(khutta::tui::action::Action::Paste(
        "Expert\r\ngroup\tmeeting\r\u{202e}Cairo\u{200b}\n".into(),
    ));
    h.press(&["enter"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["egm-cairo-2021"]
            .title
            .en
            .as_deref(),
        Some("Expert group meeting Cairo"),
        "{}",
        h.app.shared.status
    );
}

#[test]
fn enter_on_a_field_left_as_it_was_is_no_edit() {
    let mut h = Harness::bundled(Lang::En);
    h.open_activity_row("egm-cairo-2021", "title.en");
    h.press(&["enter", "enter"]);
    assert!(
        !h.app.shared.doc.is_dirty(),
        "nothing to save: {}",
        h.app.shared.status
    );
    assert!(
        h.app.shared.status.starts_with("unchanged"),
        "{}",
        h.app.shared.status
    );
    // Nothing to undo either: `u` finds no edit of this session.
    h.press(&["esc", "u"]);
    assert!(!h.app.shared.doc.is_dirty());
}

#[test]
fn an_open_form_follows_its_entity_through_undo() {
    use khutta::tui::action::{Action, Command};
    use khutta::tui::form::Target;
    let mut h = Harness::bundled(Lang::En);
    // A creation undone with its form open: the form closes instead of showing nothing.
    h.press(&["2", "n"]);
    h.type_text("pilot-rabat");
    h.press(&["enter"]);
    assert!(h.app.shared.form.is_some());
    h.act(Action::Command(Command::Undo));
    assert!(!h.app.shared.doc.plan.activities.contains_key("pilot-rabat"));
    assert!(h.app.shared.form.is_none(), "{:?}", h.app.shared.form);
    // A rename taken back and made again: the form follows the entity's id.
    h.select_activity("project-launch");
    h.press(&["enter"]);
    h.press(&["r", "ctrl-u"]);
    h.type_text("launch-2025");
    h.press(&["enter"]);
    let target = |h: &Harness| h.app.shared.form.as_ref().map(|f| f.target.clone());
    let entity = |id: &str| Some(Target::Entity(EntityKind::Activity, Id::new_unchecked(id)));
    assert_eq!(target(&h), entity("launch-2025"));
    h.act(Action::Command(Command::Undo));
    assert_eq!(target(&h), entity("project-launch"));
    h.act(Action::Command(Command::Redo));
    assert_eq!(target(&h), entity("launch-2025"));
}

#[test]
fn the_activity_filter_finds_arabic_as_people_type_it() {
    let mut h = Harness::bundled(Lang::Ar);
    h.press(&["2", "/"]);
    // Typed without hamza, as most keyboards leave it: the titles hold `إطلاق`.
    h.type_text("اطلاق");
    let shown: Vec<&str> = h
        .app
        .shared
        .outline
        .rows
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(shown.contains(&"open-data-portal-launch"), "{shown:?}");
    assert!(!shown.contains(&"egm-cairo-2021"), "{shown:?}");
}

/// A filter starts its list at the top, with the first match selected, and says that it is on
/// and how much it lets through, until it is cleared.
#[test]
fn a_filter_shows_its_matches_from_the_top_and_says_it_is_on() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["2", "G"]);
    assert!(
        h.app.shared.outline.cursor.row > 20,
        "at the bottom of the list"
    );
    h.press(&["/"]);
    h.type_text("pilot");
    h.press(&["enter"]);
    let shown = h.app.shared.outline.rows.len();
    let total = h.app.shared.doc.plan.activities.len();
    assert!(shown > 1 && shown < total, "{shown} of {total}");
    assert_eq!(
        h.app.shared.outline.cursor.row, 0,
        "the first match is selected"
    );
    let screen = h.render(120, 40);
    assert!(
        screen.contains(&format!("filter on: {shown} of {total} activities shown")),
        "{screen}"
    );
    h.press(&["esc"]);
    assert!(!h.render(120, 40).contains("filter on"));
}
