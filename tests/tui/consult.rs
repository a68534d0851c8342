//! The Consultations screen on the bundled plan: the designer's edits go through undo and
//! save, collect mode writes every answer at once and resumes, results and the section on
//! forms show what participants said; snapshots in English and Arabic.

use crate::harness::Harness;
use khutta::model::{Answer, Lang, QuestionKind};

const ROUND: &str = "egm-2021";

fn answers_on_disk(h: &Harness, participant: &str) -> Vec<(String, Answer)> {
    let path = h
        .dir
        .path()
        .join(format!("consultations/{ROUND}/responses/{participant}.ron"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let r: khutta::model::Response = ron::from_str(&text).unwrap();
    r.answers
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// A new participant, from the rounds list to the first question.
fn start_participant(h: &mut Harness) {
    h.press(&["9", "i"]);
    // Participant id (prefilled), language, organisation, country.
    h.press(&["down", "down"]);
    h.type_text("greater-amman-municipality");
    h.press(&["down"]);
    h.type_text("JO");
    h.press(&["enter"]);
}

#[test]
fn collect_saves_each_answer_at_once_and_resumes_where_it_stopped() {
    let mut h = Harness::bundled(Lang::En);
    start_participant(&mut h);
    // The participant's file exists before the first answer.
    assert_eq!(answers_on_disk(&h, "p013"), vec![]);
    // 1: pick two activities; 2: tick one kind of support; 3: the second duration.
    h.press(&["space", "down", "space", "enter"]);
    let after_one = answers_on_disk(&h, "p013");
    assert_eq!(after_one.len(), 1);
    assert_eq!(
        after_one[0],
        (
            "first-activities".to_owned(),
            Answer::Items(vec![
                khutta::model::Id::new_unchecked("assessment-synthesis"),
                khutta::model::Id::new_unchecked("best-practice-paper"),
            ])
        )
    );
    h.press(&["space", "enter", "down", "enter"]);
    assert_eq!(answers_on_disk(&h, "p013").len(), 3);
    assert!(
        !h.app.shared.doc.is_dirty(),
        "collected answers are not unsaved edits"
    );
    // Leave midway, then come back as the same participant.
    h.press(&["esc"]);
    h.press(&["i"]);
    h.press(&["backspace", "backspace", "backspace", "backspace"]);
    h.type_text("p013");
    h.press(&["enter"]);
    assert!(
        h.app.shared.status.contains("p013"),
        "{}",
        h.app.shared.status
    );
    // 4: rating 4; 5: rank all four; 6: one partner; 7: one source; 8: rating 2; 9: text.
    h.press(&["4", "enter"]);
    h.press(&[
        "space", "down", "space", "down", "space", "down", "space", "enter",
    ]);
    h.press(&["space", "enter", "space", "enter", "2", "enter"]);
    h.type_text("Training for municipal staff");
    h.press(&["enter"]);
    let all = answers_on_disk(&h, "p013");
    assert_eq!(all.len(), 9, "{all:?}");
    let by_id: std::collections::BTreeMap<_, _> = all.into_iter().collect();
    assert_eq!(by_id["pilot-readiness"], Answer::Rating(4));
    assert_eq!(by_id["cofinancing-ability"], Answer::Rating(2));
    assert_eq!(
        by_id["duration"],
        Answer::Choice(khutta::model::Id::new_unchecked("three-years"))
    );
    assert_eq!(
        by_id["local-needs"],
        Answer::FreeText("Training for municipal staff".into())
    );
    // The check has nothing to say about the new response.
    let problems: Vec<_> = h
        .app
        .shared
        .doc
        .diagnostics
        .iter()
        .filter(|d| d.path.contains("p013"))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_ranking_must_rank_every_option() {
    let mut h = Harness::bundled(Lang::En);
    start_participant(&mut h);
    // Skip to question 5 (the ranking) and rank only one option.
    h.press(&["pagedown", "pagedown", "pagedown", "pagedown"]);
    h.press(&["space", "enter"]);
    assert!(h.render(120, 40).contains("Rank every option"));
    assert_eq!(answers_on_disk(&h, "p013"), vec![]);
}

#[test]
fn designer_edits_are_undoable_and_saved() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "enter", "down", "n"]);
    let round = |h: &Harness| h.app.shared.doc.plan.consultations[ROUND].round.clone();
    assert_eq!(round(&h).questions[1].id.as_str(), "q1");
    assert_eq!(round(&h).questions[1].kind, QuestionKind::FreeText);
    // Fields of the new question: id, text (English).
    h.press(&["enter", "down", "enter"]);
    h.type_text("Which city should go first?");
    h.press(&["enter"]);
    h.press(&["down", "enter"]);
    h.type_text("أي مدينة تبدأ أولًا؟");
    h.press(&["enter"]);
    let q = &round(&h).questions[1];
    assert_eq!(q.text.get(Lang::En), Some("Which city should go first?"));
    assert_eq!(q.text.get(Lang::Ar), Some("أي مدينة تبدأ أولًا؟"));
    // Back to the questions; move it first, then undo the move.
    h.press(&["esc", "K"]);
    assert_eq!(round(&h).questions[0].id.as_str(), "q1");
    h.press(&["u"]);
    assert_eq!(round(&h).questions[1].id.as_str(), "q1");
    h.press(&["ctrl-s"]);
    let text = std::fs::read_to_string(
        h.dir
            .path()
            .join(format!("consultations/{ROUND}/round.ron")),
    )
    .unwrap();
    assert!(text.contains("Which city should go first?"), "{text}");
}

#[test]
fn results_filter_by_country() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "R"]);
    let everyone = h.render(120, 40);
    assert!(everyone.contains("12 of 12 respondents"), "{everyone}");
    h.press(&["f"]);
    let one = h.render(120, 40);
    assert!(!one.contains("12 of 12 respondents"), "{one}");
    assert!(one.contains("of 12 respondents · country: "), "{one}");
}

#[test]
fn an_activity_form_shows_what_participants_said_about_it() {
    let mut h = Harness::bundled(Lang::En);
    h.select_activity("municipal-training");
    h.press(&["enter"]);
    let screen = h.render(120, 40);
    assert!(screen.contains("Consultations about this item"), "{screen}");
    assert!(screen.contains("egm-2021: picked by"), "{screen}");
    insta::assert_snapshot!("consult_about_activity_en", screen);
    // A partner named by a question: the question's tally shows under its form.
    h.press(&["esc", "3"]);
    let row = h
        .app
        .shared
        .doc
        .plan
        .ids(khutta::model::EntityKind::Partner)
        .iter()
        .position(|p| p.as_str() == "escwa")
        .unwrap();
    h.app.screens.entities.partners.row = row;
    h.press(&["enter"]);
    insta::assert_snapshot!("consult_about_partner_en", h.render(120, 40));
}

fn shot(name: &str, lang: Lang, keys: &[&str], text: &str, more: &[&str]) {
    let mut h = Harness::bundled(lang);
    h.press(keys);
    h.type_text(text);
    h.press(more);
    insta::assert_snapshot!(name, h.render(120, 40));
}

#[test]
fn snapshots_of_the_designer() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ar, "ar")] {
        shot(&format!("consult_rounds_{tag}"), lang, &["9"], "", &[]);
        shot(
            &format!("consult_designer_{tag}"),
            lang,
            &["9", "enter", "down", "down", "down", "down", "down"],
            "",
            &[],
        );
    }
}

#[test]
fn snapshots_of_collect_mode() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ar, "ar")] {
        shot(
            &format!("consult_collect_who_{tag}"),
            lang,
            &["9", "i", "down", "down"],
            "greater-amman-municipality",
            &[],
        );
        // Question 5, the ranking, with two options ranked.
        shot(
            &format!("consult_collect_ranking_{tag}"),
            lang,
            &["9", "i", "down", "down"],
            "greater-amman-municipality",
            &[
                "down", "J", "O", "enter", "pagedown", "pagedown", "pagedown", "pagedown", "down",
                "space", "up", "space",
            ],
        );
    }
}

#[test]
fn snapshots_of_results() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Ar, "ar")] {
        shot(
            &format!("consult_results_{tag}"),
            lang,
            &["9", "R"],
            "",
            &[],
        );
        shot(
            &format!("consult_results_ranking_{tag}"),
            lang,
            &["9", "R", "pagedown"],
            "",
            &[],
        );
    }
}

#[test]
fn a_new_round_opens_in_the_designer_and_only_an_unanswered_round_is_deleted() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "n"]);
    h.type_text("city-survey");
    h.press(&["enter"]);
    assert!(
        h.app
            .shared
            .doc
            .plan
            .consultations
            .contains_key("city-survey")
    );
    assert!(
        h.render(120, 40)
            .contains("Round city-survey · 0 questions")
    );
    h.press(&["esc"]);
    // The rounds are listed by id: city-survey, then egm-2021.
    h.press(&["down", "d"]);
    assert!(
        h.app.shared.status.contains("holds 12 responses"),
        "{}",
        h.app.shared.status
    );
    assert!(h.app.shared.doc.plan.consultations.contains_key(ROUND));
    h.press(&["up", "d"]);
    assert!(
        !h.app
            .shared
            .doc
            .plan
            .consultations
            .contains_key("city-survey")
    );
    h.press(&["u"]);
    assert!(
        h.app
            .shared
            .doc
            .plan
            .consultations
            .contains_key("city-survey")
    );
}

#[test]
fn an_organisation_given_by_name_is_recorded_with_its_type() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "i", "down", "down"]);
    h.type_text("Jordan University of Science and Technology");
    h.press(&["down"]);
    h.type_text("JO");
    // Down to the organisation type; ← from "not given" goes to the end of the list, so two
    // steps back is the one before "Other".
    h.press(&["down", "down", "down", "left", "left"]);
    let page = h.render(120, 40);
    assert!(page.contains("Academic or research institution"), "{page}");
    h.press(&["enter"]);
    let path = h
        .dir
        .path()
        .join(format!("consultations/{ROUND}/responses/p013.ron"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let r: khutta::model::Response = khutta::store::from_ron(&text).unwrap();
    assert_eq!(
        r.organisation,
        khutta::model::Organisation::Other {
            name: "Jordan University of Science and Technology".to_owned(),
            kind: Some(khutta::model::OrganisationType::Academic),
        }
    );
}

#[test]
fn a_free_text_answer_edits_like_any_text_field() {
    let mut h = Harness::bundled(Lang::En);
    start_participant(&mut h);
    // Skip to the last question, the free-text one.
    for _ in 0..8 {
        h.press(&["pagedown"]);
    }
    h.type_text("helo");
    h.press(&["left"]);
    h.type_text("l");
    h.press(&["home", "delete", "end", "backspace"]);
    // Arabic with a haraka is one grapheme: Backspace takes the letter and its mark.
    h.type_text(" بَ");
    h.press(&["backspace"]);
    h.press(&["enter"]);
    let answers = answers_on_disk(&h, "p013");
    assert_eq!(
        answers,
        vec![("local-needs".to_owned(), Answer::FreeText("ell".into()))]
    );
}

#[test]
fn collecting_into_a_round_that_is_not_open_says_so() {
    let mut h = Harness::bundled(Lang::En);
    // The bundled round is closed: the meeting took place.
    h.press(&["9", "i"]);
    assert!(
        h.app.shared.status.contains("egm-2021 is closed, not open"),
        "{}",
        h.app.shared.status
    );
    assert!(h.app.collecting(), "answers are still taken");
}

#[test]
fn results_can_leave_out_who_answered() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "R"]);
    // A tall screen shows the free-text answers at the end, each with who gave it.
    let named = h.render(120, 400);
    assert!(named.contains("  - ") && named.contains("(p0"), "{named}");
    h.press(&["A"]);
    let anonymous = h.render(120, 400);
    assert!(anonymous.contains("anonymised"), "{anonymous}");
    assert!(!anonymous.contains("(p0"), "{anonymous}");
    // The same answers are still listed.
    assert_eq!(
        named.matches("  - ").count(),
        anonymous.matches("  - ").count()
    );
    h.press(&["A"]);
    assert_eq!(h.render(120, 400), named);
}

/// In collect mode ctrl-u clears the field, as in every other field, and types no `u`.
#[test]
fn ctrl_u_clears_a_field_in_collect_mode() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "i", "ctrl-u"]);
    h.type_text("p099");
    h.press(&["down", "down"]);
    h.type_text("greater-amman-municipality");
    h.press(&["down"]);
    h.type_text("JX");
    h.press(&["ctrl-u"]);
    h.type_text("JO");
    h.press(&["enter"]);
    assert_eq!(answers_on_disk(&h, "p099"), vec![]);
    for _ in 0..8 {
        h.press(&["pagedown"]);
    }
    h.type_text("half a thought");
    h.press(&["ctrl-u"]);
    h.type_text("Training");
    h.press(&["enter"]);
    let all: std::collections::BTreeMap<_, _> = answers_on_disk(&h, "p099").into_iter().collect();
    assert_eq!(
        all["local-needs"],
        Answer::FreeText("Training".into()),
        "{all:?}"
    );
    let text = std::fs::read_to_string(
        h.dir
            .path()
            .join(format!("consultations/{ROUND}/responses/p099.ron")),
    )
    .unwrap();
    assert!(text.contains("country: \"JO\""), "{text}");
}
