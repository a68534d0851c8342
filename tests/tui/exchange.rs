//! Export and import from the TUI: `E` and `I`, a format from the menu, a place, and the
//! same files and the same located problems as `khutta export` and `khutta import`.

use crate::harness::Harness;
use khutta::model::Lang;
use khutta::tui::action::Action;
use khutta::tui::exchange::{Job, Outcome};
use khutta::tui::popup::Popup;

/// Picks `format` in the menu `key` opens, then types `path` over the proposed place.
fn exchange(h: &mut Harness, key: &str, format: &str, path: &std::path::Path) {
    h.press(&["esc", "esc", key]);
    assert!(h.app.shared.editor.is_some(), "{key} opened no menu");
    h.type_text(format);
    h.press(&["enter", "ctrl-u"]);
    h.type_text(&path.display().to_string());
    h.press(&["enter"]);
}

fn retitle(h: &mut Harness, id: &str, title: &str) {
    h.open_activity_row(id, "title.en");
    h.press(&["enter", "ctrl-u"]);
    h.type_text(title);
    h.press(&["enter", "esc"]);
}

#[test]
fn e_writes_the_plan_on_screen_unsaved_edits_included() {
    let mut h = Harness::bundled(Lang::En);
    retitle(
        &mut h,
        "egm-cairo-2021",
        "Expert meeting retitled on screen",
    );
    assert!(h.app.shared.doc.is_dirty());
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("report.html");
    exchange(&mut h, "E", "html", &path);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    assert!(html.contains("Expert meeting retitled on screen"));
    assert!(
        h.app.shared.status.contains("report.html"),
        "{}",
        h.app.shared.status
    );
    // Exporting is not saving: the edit is still unsaved, the file on disk as it was.
    assert!(h.app.shared.doc.is_dirty());
}

#[test]
fn the_proposed_place_is_named_after_the_plan_and_the_format() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["E"]);
    h.type_text("markdown");
    h.press(&["enter"]);
    let ed = h.app.shared.editor.as_ref().expect("the place is asked");
    assert_eq!(ed.value(), "open-government-nua.md");
    h.press(&["esc"]);
    assert!(h.app.shared.editor.is_none());
}

/// `E`, IATI, the publisher typed into its pick list (or the one proposed), then the place.
fn export_iati(h: &mut Harness, reporter: Option<&str>, path: &std::path::Path) {
    h.press(&["E"]);
    h.type_text("iati");
    h.press(&["enter"]);
    if let Some(r) = reporter {
        h.type_text(r);
    }
    h.press(&["enter", "ctrl-u"]);
    h.type_text(&path.display().to_string());
    h.press(&["enter"]);
}

#[test]
fn iati_asks_who_publishes_proposing_a_partner_with_an_identifier() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["E"]);
    h.type_text("iati");
    h.press(&["enter"]);
    let ed = h
        .app
        .shared
        .editor
        .as_ref()
        .expect("the publisher is asked");
    // Two partners are Accountable, neither with an IATI identifier: the first partner that
    // has one is proposed, and those with one come first.
    assert_eq!(ed.value(), "un-habitat");
    assert!(
        ed.choices[0].label.contains("XM-DAC-41120"),
        "{:?}",
        ed.choices[0]
    );
    h.press(&["esc"]);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("iati.xml");
    export_iati(&mut h, None, &path);
    let xml = std::fs::read_to_string(&path).unwrap();
    assert!(
        xml.contains("<reporting-org ref=\"XM-DAC-41120\""),
        "{}",
        &xml[..400]
    );
}

#[test]
fn an_export_the_plan_cannot_make_shows_each_problem_where_it_is() {
    let mut h = Harness::bundled(Lang::En);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("iati.xml");
    // ESCWA has no IATI organisation identifier to report with.
    export_iati(&mut h, Some("escwa"), &path);
    assert!(!path.exists(), "nothing is written");
    let Some(Popup::Message(text)) = &h.app.shared.popup else {
        panic!("no popup: {:?}", h.app.shared.popup);
    };
    assert!(text.contains("partners/escwa.ron:"), "{text}");
    assert!(text.contains(": E070: "), "{text}");
}

#[test]
fn csv_exported_then_imported_puts_back_what_the_file_holds_as_one_undoable_edit() {
    let mut first = Harness::bundled(Lang::En);
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("csv");
    exchange(&mut first, "E", "csv", &folder);
    for f in ["activities.csv", "budget.csv", "partners.csv"] {
        assert!(folder.join(f).is_file(), "{f} missing");
    }
    let mut h = Harness::bundled(Lang::En);
    let before = h.app.shared.doc.plan.activities["egm-cairo-2021"]
        .title
        .en
        .clone();
    retitle(&mut h, "egm-cairo-2021", "A title the CSV does not have");
    exchange(&mut h, "I", "csv", &folder);
    let plan = &h.app.shared.doc.plan;
    assert_eq!(plan.activities["egm-cairo-2021"].title.en, before);
    assert!(
        h.app.shared.status.contains("imported"),
        "{}",
        h.app.shared.status
    );
    // One edit, undone whole.
    h.press(&["u"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["egm-cairo-2021"].title.en,
        Some("A title the CSV does not have".to_owned())
    );
}

#[test]
fn a_bad_csv_is_refused_with_located_problems_and_nothing_changes() {
    let mut h = Harness::bundled(Lang::En);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("activities.csv");
    std::fs::write(
        &file,
        "id,start\nnot a slug,2026-01-05\npilot-tunis,2026-13-40\n",
    )
    .unwrap();
    let plan = h.app.shared.doc.plan.clone();
    exchange(&mut h, "I", "csv", &file);
    assert_eq!(h.app.shared.doc.plan, plan);
    let Some(Popup::Message(text)) = &h.app.shared.popup else {
        panic!("no popup: {:?}", h.app.shared.popup);
    };
    assert!(text.contains("activities.csv:2:1: I008"), "{text}");
    assert!(text.contains("activities.csv:3:2: I006"), "{text}");
}

#[test]
fn an_import_read_while_the_plan_changed_is_not_applied() {
    let mut h = Harness::bundled(Lang::En);
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("csv");
    exchange(&mut h, "E", "csv", &folder);
    // The file is read against the plan as it was; the user edits before it comes back.
    let job = Job::Import {
        format: "csv",
        input: folder,
        plan: Box::new(h.app.shared.doc.plan.clone()),
        revision: h.app.shared.doc.revision(),
    };
    let result = khutta::tui::exchange::run(job, h.dir.path());
    let Action::Exchanged(outcome) = &result else {
        panic!("{result:?}");
    };
    assert!(matches!(**outcome, Outcome::Read(..)), "{outcome:?}");
    retitle(&mut h, "egm-cairo-2021", "Typed while the file was read");
    h.act(result);
    assert_eq!(
        h.app.shared.doc.plan.activities["egm-cairo-2021"].title.en,
        Some("Typed while the file was read".to_owned())
    );
    assert!(
        h.app.shared.status.contains("import again"),
        "{}",
        h.app.shared.status
    );
}

#[test]
fn the_menus_speak_arabic() {
    let mut h = Harness::bundled(Lang::Ar);
    let labels = |h: &Harness| -> Vec<String> {
        let ed = h.app.shared.editor.as_ref().expect("a menu");
        ed.choices.iter().map(|c| c.label.clone()).collect()
    };
    h.press(&["E"]);
    assert_eq!(h.app.shared.editor.as_ref().unwrap().title, "التصدير بصيغة");
    assert!(labels(&h)[0].starts_with("تقرير HTML"), "{:?}", labels(&h));
    h.press(&["esc", "I"]);
    assert!(
        labels(&h)[1].contains("تصبح منظماته شركاء"),
        "{:?}",
        labels(&h)
    );
}

#[test]
fn an_iati_file_brings_the_organisations_the_plan_lacks_as_partners() {
    // The initiative as IATI, exported from the whole plan ...
    let whole = khutta::store::load_with_cache(&crate::harness::bundled(), None).unwrap();
    let schedule = khutta::schedule::schedule(&whole.plan);
    let options = khutta::export::iati::Options {
        reporting_org: Some(khutta::model::Id::new_unchecked("un-habitat")),
        ..Default::default()
    };
    let xml = khutta::export::iati::export(&whole.plan, &schedule, &options).unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("partner.xml");
    std::fs::write(&file, xml).unwrap();
    // ... read into a plan that has lost one of its partners.
    let dir = tempfile::tempdir().unwrap();
    crate::harness::copy_dir(&crate::harness::bundled(), dir.path());
    std::fs::remove_file(dir.path().join("partners/oecd.ron")).unwrap();
    let mut h = Harness::open(dir.path(), Lang::En);
    let before = h.app.shared.doc.plan.partners.len();
    exchange(&mut h, "I", "iati", &file);
    let partners = &h.app.shared.doc.plan.partners;
    assert_eq!(partners.len(), before + 1, "{}", h.app.shared.status);
    assert!(
        partners.values().any(|p| p
            .name
            .en
            .as_deref()
            .is_some_and(|n| n.contains("Economic Co-operation"))),
        "{:?}",
        partners.keys().collect::<Vec<_>>()
    );
    // The same file again brings nothing new.
    exchange(&mut h, "I", "iati", &file);
    assert!(
        h.app.shared.status.contains("nothing"),
        "{}",
        h.app.shared.status
    );
}
