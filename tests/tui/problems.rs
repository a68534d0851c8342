//! Problems and refusals speak the UI's language: the Problems screen (each message, and the
//! hint of the selected problem on the last line) and the reason a form refuses a value.

use crate::harness::{Harness, copy_dir};
use khutta::model::Lang;
use khutta::text::BidiMode;
use std::path::Path;

fn dangling(lang: Lang) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/check/dangling-references/plan");
    copy_dir(&case, dir.path());
    let mut h = Harness::open(dir.path(), lang);
    h.dir = dir;
    h.press(&["7"]);
    h
}

#[test]
fn problems_in_english() {
    let h = dangling(Lang::En);
    let screen = h.render(160, 20);
    assert!(
        screen.contains("`parent` refers to activity `phase-1`, which does not exist"),
        "{screen}"
    );
    assert!(
        screen.contains("hint: correct the id, or create activities/launch.ron"),
        "{screen}"
    );
}

#[test]
fn problems_in_arabic_in_both_bidi_modes() {
    // With `bidi = terminal` the text stays in logical order, as the terminal will reorder it.
    let mut h = dangling(Lang::Ar);
    h.app.shared.pen.bidi = BidiMode::Terminal;
    let screen = h.render(160, 20);
    assert!(
        screen.contains("يشير `parent` إلى النشاط `phase-1`، ولا وجود لهذا المعرّف"),
        "{screen}"
    );
    assert!(
        screen.contains("تلميح: صحّح المعرّف، أو أنشئ activities/launch.ron"),
        "{screen}"
    );
    assert!(!screen.contains("does not exist"), "{screen}");
    // Moving down shows the next problem's hint.
    h.press(&["down"]);
    let screen = h.render(160, 20);
    assert!(screen.contains("أنشئ beneficiaries/cities.ron"), "{screen}");
    h.app.shared.pen.bidi = BidiMode::App;
    insta::assert_snapshot!("problems_ar_app_160x20", h.render(160, 20));
}

/// A value a form refuses says why in the UI's language, in the editor and the status line.
#[test]
fn a_refused_value_says_why_in_arabic() {
    for (lang, why) in [
        (Lang::En, "150 is out of range: 0 to 100"),
        (Lang::Ar, "150 خارج المدى: من 0 إلى 100"),
    ] {
        let mut h = Harness::bundled(lang);
        h.select_activity("pilot-tunis");
        h.press(&["enter"]);
        h.form_row("progress");
        h.press(&["enter", "ctrl-u"]);
        h.type_text("150");
        let error = h.app.shared.editor.as_ref().and_then(|e| e.error.clone());
        assert_eq!(error.as_deref(), Some(why));
        h.press(&["enter"]);
        assert!(h.app.shared.editor.is_some(), "the editor stays open");
        assert!(h.app.shared.status.contains(why), "{}", h.app.shared.status);
    }
    // Renaming onto an id that is taken names the kind of thing in Arabic.
    let mut h = Harness::bundled(Lang::Ar);
    h.select_activity("pilot-tunis");
    h.press(&["enter"]);
    h.form_row("id");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("final-report");
    let error = h.app.shared.editor.as_ref().and_then(|e| e.error.clone());
    assert_eq!(
        error.as_deref(),
        Some("يوجد في الخطة النشاط بالمعرّف `final-report` من قبل")
    );
}

/// An external editor that cannot run is reported in the UI's language; the text is kept.
#[test]
fn a_failed_editor_says_why_in_arabic() {
    let mut h = Harness::bundled(Lang::Ar);
    h.select_activity("egm-cairo-2021");
    h.press(&["enter"]);
    h.form_row("description.en");
    let before = h.app.shared.doc.plan.clone();
    h.editor_reply = None;
    h.press(&["e"]);
    assert!(
        h.app
            .shared
            .status
            .contains("تعذّر تشغيل vi: no editor in this test"),
        "{}",
        h.app.shared.status
    );
    assert_eq!(h.app.shared.doc.plan, before);
}

/// The CLI's `khutta check` and the TUI's Problems screen go through one analysis, so they
/// name the same file for the same problem: a response file inside a round's folder, and a
/// copy of an activity under another name (E011), which is never loaded as the activity.
#[test]
fn check_and_the_problems_screen_name_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/check/consult-answers/plan");
    copy_dir(&case, dir.path());
    std::fs::copy(
        dir.path().join("activities/a.ron"),
        dir.path().join("activities/a-copy.ron"),
    )
    .unwrap();
    let out = crate::support::cmd::khutta(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The CLI names each file from the plan folder as it was given (here `.`), absolute or not.
    let roots = [
        dir.path().to_path_buf(),
        dir.path().canonicalize().unwrap(),
        std::path::PathBuf::from("."),
    ];
    let mut cli: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let path = Path::new(d["path"].as_str().unwrap());
            let rel = roots
                .iter()
                .find_map(|r| path.strip_prefix(r).ok())
                .unwrap_or(path);
            (
                d["code"].as_str().unwrap().to_owned(),
                rel.display().to_string(),
            )
        })
        .collect();
    let mut h = Harness::open(dir.path(), Lang::En);
    h.press(&["7"]);
    let mut tui: Vec<(String, String)> = h
        .app
        .shared
        .doc
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.path.clone()))
        .collect();
    cli.sort();
    tui.sort();
    assert_eq!(cli, tui);
    let files: Vec<&str> = tui.iter().map(|(_, p)| p.as_str()).collect();
    assert!(files.contains(&"activities/a-copy.ron"), "{files:?}");
    assert!(
        files.contains(&"consultations/r1/responses/p1.ron"),
        "{files:?}"
    );
    let screen = h.render(160, 40);
    assert!(screen.contains("activities/a-copy.ron"), "{screen}");
}

/// Enter on a problem opens its entity's form on the field to fix, and in a list on the item
/// that holds the wrong id, never on the id.
#[test]
fn a_problem_opens_its_form_on_the_field_to_fix() {
    let mut h = dangling(Lang::En);
    let n = h.app.shared.doc.diagnostics.len();
    let mut opened = 0;
    for i in 0..n {
        h.app.screens.problems.cursor.row = i;
        let d = h.app.shared.doc.diagnostics[i].clone();
        h.press(&["enter"]);
        let Some(form) = h.app.shared.form.as_ref() else {
            continue;
        };
        opened += 1;
        let rows = form.rows(&h.app.shared.doc.plan);
        let r = &rows[form.cursor];
        let wrong = d.anchor.value.as_deref().unwrap_or_default();
        assert!(
            r.name != "id" && r.value.contains(wrong),
            "{:?} {:?} opened on {} = {}",
            d.code,
            d.anchor,
            r.name,
            r.value
        );
        h.press(&["esc"]);
    }
    assert!(opened >= 5, "only {opened} problems opened a form");
}

/// On a small terminal a problem's message that its column cuts is shown whole, wrapped,
/// above its hint.
#[test]
fn a_cut_message_is_shown_whole_below_the_list() {
    let mut h = dangling(Lang::En);
    h.act(khutta::tui::action::Action::Resize(80, 24));
    let message = h.app.shared.doc.diagnostics[0]
        .message
        .show(&h.app.shared.msg);
    assert!(
        message.len() > 45,
        "longer than the message column: {message}"
    );
    let screen = h.render(80, 24);
    assert!(screen.contains(&message), "`{message}` whole in\n{screen}");
}
