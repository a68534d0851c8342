//! The plan's rules in the TUI: the person at the keyboard (the repository's git identity)
//! sees who they are under `governance.ron`, what they may not change is marked, and it is
//! refused with the reason before a key is typed.

use crate::harness::Harness;
use khutta::model::Lang;

/// The bundled plan in the TUI of `name <email>`, as the repository's state would say.
fn as_person(name: &str, email: &str) -> Harness {
    let mut h = Harness::bundled(Lang::En);
    h.app.shared.repo.identity = Some((name.to_owned(), email.to_owned()));
    h
}

fn tunis() -> Harness {
    as_person("Sonia Benali", "sonia.benali@tunis.example")
}

#[test]
fn a_city_edits_its_own_pilot_s_progress() {
    let mut h = tunis();
    h.open_activity_row("pilot-tunis", "progress");
    h.press(&["enter"]);
    assert!(h.app.shared.editor.is_some(), "{}", h.app.shared.status);
    h.press(&["ctrl-u"]);
    h.type_text("80");
    h.press(&["enter"]);
    assert_eq!(h.app.shared.doc.plan.activities["pilot-tunis"].progress, 80);
}

#[test]
fn another_city_s_pilot_is_refused_with_the_reason_before_a_key_is_typed() {
    let mut h = tunis();
    let before = h.app.shared.doc.plan.clone();
    h.open_activity_row("pilot-amman", "progress");
    h.press(&["enter"]);
    assert!(h.app.shared.editor.is_none(), "an editor opened");
    let status = h.app.shared.status.clone();
    assert!(status.starts_with("not yours to change: "), "{status}");
    assert!(status.contains("tunis-municipality"), "{status}");
    // Typing goes nowhere: no editor took it, the plan is as it was.
    h.type_text("99");
    assert_eq!(h.app.shared.doc.plan, before);
    // The form says who is editing and marks what is not theirs.
    let screen = h.render(120, 40);
    assert!(
        screen.contains("you: Sonia Benali (tunis-municipality)"),
        "{screen}"
    );
    assert!(screen.contains("⊘ Progress"), "{screen}");
}

#[test]
fn a_field_of_one_s_own_pilot_outside_the_grant_is_refused_too() {
    let mut h = tunis();
    h.open_activity_row("pilot-tunis", "days");
    h.press(&["enter"]);
    assert!(h.app.shared.editor.is_none());
    assert!(h.app.shared.status.starts_with("not yours to change"));
    // Adding and deleting activities are not granted either.
    h.press(&["esc", "esc", "2", "n"]);
    assert!(h.app.shared.editor.is_none());
    assert!(h.app.shared.status.starts_with("not yours to change"));
}

#[test]
fn a_coordinator_changes_anything() {
    let mut h = as_person("Amal Haddad", "amal.haddad@escwa.example");
    h.open_activity_row("pilot-amman", "progress");
    h.press(&["enter"]);
    assert!(h.app.shared.editor.is_some(), "{}", h.app.shared.status);
    h.press(&["esc"]);
    let screen = h.render(120, 40);
    assert!(screen.contains("(escwa, coordinator)"), "{screen}");
    assert!(!screen.contains("⊘"), "{screen}");
}

/// A git email the rules do not list is warned in the form's title, not locked out: the
/// server's guard and `khutta verify` judge what is committed.
#[test]
fn someone_the_rules_do_not_list_is_warned() {
    let mut h = as_person("Visitor", "visitor@example.org");
    h.open_activity_row("pilot-tunis", "progress");
    let screen = h.render(120, 40);
    assert!(
        screen.contains("you: visitor@example.org, not in governance.ron"),
        "{screen}"
    );
    h.press(&["enter"]);
    assert!(h.app.shared.editor.is_some(), "{}", h.app.shared.status);
}

/// Tunis may record the answers of its own people in the expert group meeting's rounds, and
/// nothing else of the consultations.
fn tunis_with_a_response_grant() -> Harness {
    use khutta::model::governance::{Change, Kind};
    let mut h = tunis();
    let gov = h.app.shared.doc.plan.governance.as_mut().unwrap();
    let grant = gov
        .grants
        .iter_mut()
        .find(|g| g.partner.as_str() == "tunis-municipality")
        .unwrap();
    grant.may.push(Change {
        kind: Kind::Response,
        ids: Some("egm-*".into()),
        lead: true,
        group: None,
        fields: None,
        add: true,
        remove: false,
    });
    h
}

/// A new participant of `organisation`, from the rounds list to the first question.
fn start_participant(h: &mut Harness, organisation: &str) {
    h.press(&["9", "i", "down", "down"]);
    h.type_text(organisation);
    h.press(&["down"]);
    h.type_text("TN");
    h.press(&["enter"]);
}

#[test]
fn a_round_s_design_without_a_grant_is_refused_before_a_key_is_typed() {
    let mut h = tunis();
    let before = h.app.shared.doc.plan.clone();
    // The designer of the first round: a new question, then the round's title.
    h.press(&["9", "enter", "n"]);
    assert!(
        h.app.shared.status.starts_with("not yours to change: "),
        "{}",
        h.app.shared.status
    );
    h.press(&["enter", "enter"]);
    assert!(h.app.shared.editor.is_none(), "an editor opened");
    assert!(h.app.shared.status.starts_with("not yours to change: "));
    assert_eq!(h.app.shared.doc.plan, before);
}

#[test]
fn a_city_records_its_own_people_s_answers_and_no_one_else_s() {
    let files = |h: &Harness| {
        let round = h.dir.path().join("consultations/egm-2021/responses");
        std::fs::read_dir(round).unwrap().count()
    };
    let mut h = tunis_with_a_response_grant();
    let n = files(&h);
    start_participant(&mut h, "greater-amman-municipality");
    assert_eq!(files(&h), n, "a response of Amman's people was written");
    assert!(
        h.app.shared.status.contains("not yours to change"),
        "{}",
        h.app.shared.status
    );
    let mut h = tunis_with_a_response_grant();
    start_participant(&mut h, "tunis-municipality");
    assert_eq!(files(&h), n + 1, "{}", h.app.shared.status);
}
