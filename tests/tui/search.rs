//! `/` searches every list, not only Activities: the Partners, Beneficiaries and Funding
//! lists find what is typed in ids and names of either language, folded the way people type
//! Arabic and Latin.

use crate::harness::Harness;
use khutta::model::Lang;

fn shown(h: &Harness) -> String {
    h.render(120, 40)
}

#[test]
fn partners_are_found_by_name_in_either_language_and_esc_shows_all_again() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["3", "/"]);
    h.type_text("Organisation for");
    let screen = shown(&h);
    assert!(screen.contains("oecd"), "{screen}");
    assert!(!screen.contains("un-habitat"), "{screen}");
    assert!(screen.contains("search on: 1 of 13 shown"), "{screen}");
    // Enter keeps the search; the one partner found is the one Enter opens.
    h.press(&["enter", "enter"]);
    let form = shown(&h);
    assert!(form.contains("Partner oecd"), "{form}");
    h.press(&["esc", "esc"]);
    let screen = shown(&h);
    assert!(screen.contains("un-habitat"), "{screen}");
    assert!(!screen.contains("search on"), "{screen}");
    // The Arabic name finds it too, while the list shows the English one.
    h.press(&["/"]);
    h.type_text("الاقتصادي");
    let screen = shown(&h);
    assert!(screen.contains("oecd"), "{screen}");
    assert!(!screen.contains("un-habitat"), "{screen}");
}

#[test]
fn an_arabic_search_finds_a_hamza_typed_without_it() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["5", "/"]);
    // Two funding titles hold `الإسكوا` and `للإسكوا`; typed without the hamza.
    h.type_text("اسكوا");
    let screen = shown(&h);
    assert!(screen.contains("escwa-rptc"), "{screen}");
    assert!(screen.contains("escwa-egm-2021"), "{screen}");
    assert!(!screen.contains("undp-cofunding"), "{screen}");
}

#[test]
fn a_search_that_finds_nothing_says_so() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["4", "/"]);
    h.type_text("zzzz");
    let screen = shown(&h);
    assert!(screen.contains("nothing matches the search"), "{screen}");
    assert!(screen.contains("search on: 0 of 11 shown"), "{screen}");
}

/// The Problems screen of a plan with nine dangling references, in `lang`.
fn problems(lang: Lang) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let case = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/check/dangling-references/plan");
    crate::harness::copy_dir(&case, dir.path());
    let mut h = Harness::open(dir.path(), lang);
    h.dir = dir;
    h.press(&["7"]);
    h
}

#[test]
fn problems_are_found_by_message_file_and_code_in_any_case() {
    let mut h = problems(Lang::En);
    h.press(&["down", "down", "/"]);
    h.type_text("CALENDAR");
    let screen = shown(&h);
    assert!(screen.contains("calendar `sat-sun`"), "{screen}");
    assert!(!screen.contains("partner `oecd`"), "{screen}");
    assert!(screen.contains("search on: 1 of 9 shown"), "{screen}");
    // The first match is selected: its hint is the one on the last line.
    assert!(
        screen.contains("hint:") && screen.contains("sat-sun"),
        "{screen}"
    );
    h.press(&["enter"]);
    // Enter keeps the search, and opens what the one problem found is about.
    h.press(&["enter"]);
    assert!(h.app.shared.form.is_some());
    h.press(&["esc", "esc"]);
    let screen = shown(&h);
    assert!(screen.contains("partner `oecd`"), "{screen}");
    assert!(!screen.contains("search on"), "{screen}");
    // A file and a code find their problems too.
    h.press(&["/"]);
    h.type_text("rpta");
    assert!(
        shown(&h).contains("search on: 2 of 9 shown"),
        "{}",
        shown(&h)
    );
    h.press(&["ctrl-u"]);
    h.type_text("e020");
    assert!(
        shown(&h).contains("search on: 9 of 9 shown"),
        "{}",
        shown(&h)
    );
    h.press(&["ctrl-u"]);
    h.type_text("zzzz");
    let screen = shown(&h);
    assert!(screen.contains("nothing matches the search"), "{screen}");
}

#[test]
fn an_arabic_problem_is_found_typed_without_its_shadda_and_hamza() {
    let mut h = problems(Lang::Ar);
    h.press(&["/"]);
    // `التقويم` is the calendar's problem only; `المعرف` (no shadda) is every missing id's.
    h.type_text("التقويم");
    let one = h.app.screens.problems.cursor.row;
    let screen = shown(&h);
    assert!(screen.contains("sat-sun"), "{screen}");
    assert!(!screen.contains("oecd"), "{screen}");
    assert_eq!(one, 0);
    h.press(&["ctrl-u"]);
    h.type_text("لهذا المعرف");
    let screen = shown(&h);
    assert!(screen.contains("oecd"), "{screen}");
    assert!(screen.contains("phase-1"), "{screen}");
}

/// Three commits of the History screen, made up: their ids, dates and changes are the test's.
fn history() -> Harness {
    let mut h = Harness::bundled(Lang::En);
    let entry =
        |n: u8, author: &str, message: &str, changes: khutta::i18n::Said| khutta::repo::LogEntry {
            id: git2::Oid::from_str(&format!("{n}{}", "0".repeat(39)))
                .unwrap()
                .into(),
            author: author.into(),
            email: format!("{}@khutta.invalid", author.to_lowercase().replace(' ', ".")),
            time: 1_795_000_000 + i64::from(n) * 86_400,
            message: message.into(),
            changes,
        };
    h.app.shared.repo.history = vec![
        entry(
            3,
            "Lina Nasser",
            "Budget lines for 2027",
            khutta::said!("summary-files", count = 2),
        ),
        entry(
            2,
            "Omar Khalil",
            "إطلاق التقرير المشترك مع منظمة التعاون الاقتصادي والتنمية في القاهرة",
            khutta::said!("summary-files", count = 1),
        ),
        entry(
            1,
            "Salma Haddad",
            "Tunis pilot plan",
            khutta::said!("summary-plan-begins", id = "open-government-nua"),
        ),
    ];
    h.press(&["8"]);
    h
}

#[test]
fn commits_are_found_by_message_author_and_changes() {
    let mut h = history();
    h.press(&["down", "down", "/"]);
    h.type_text("اطلاق");
    let screen = shown(&h);
    assert!(screen.contains("Omar Khalil"), "{screen}");
    assert!(!screen.contains("Lina Nasser"), "{screen}");
    assert!(screen.contains("search on: 1 of 3 shown"), "{screen}");
    assert_eq!(h.app.screens.history.commits.row, 0);
    h.press(&["ctrl-u"]);
    h.type_text("SALMA");
    let screen = shown(&h);
    assert!(screen.contains("Tunis pilot plan"), "{screen}");
    assert!(!screen.contains("Omar Khalil"), "{screen}");
    h.press(&["ctrl-u"]);
    h.type_text("BEGINS");
    assert!(shown(&h).contains("Salma Haddad"), "{}", shown(&h));
    assert!(
        shown(&h).contains("search on: 1 of 3 shown"),
        "{}",
        shown(&h)
    );
    // Enter keeps the search, esc on the list clears it.
    h.press(&["enter"]);
    assert!(shown(&h).contains("search on: 1 of 3 shown"));
    h.press(&["esc"]);
    let screen = shown(&h);
    assert!(
        screen.contains("Lina Nasser") && !screen.contains("search on"),
        "{screen}"
    );
}

#[test]
fn rounds_are_found_by_id_and_title_in_either_language() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "n"]);
    h.type_text("pilot-review");
    h.press(&["enter", "esc"]);
    assert!(shown(&h).contains("pilot-review"), "{}", shown(&h));
    h.press(&["/"]);
    // The bundled round's Arabic title holds `أسئلة`, typed here without hamza, ta marbuta as ha.
    h.type_text("اسئله");
    let screen = shown(&h);
    assert!(screen.contains("egm-2021"), "{screen}");
    assert!(!screen.contains("pilot-review"), "{screen}");
    assert!(screen.contains("search on: 1 of 2 shown"), "{screen}");
    h.press(&["ctrl-u"]);
    h.type_text("PILOT");
    let screen = shown(&h);
    assert!(screen.contains("pilot-review"), "{screen}");
    assert!(!screen.contains("egm-2021"), "{screen}");
    // Enter on the one round found opens its designer.
    h.press(&["enter", "enter"]);
    assert!(shown(&h).contains("pilot-review"));
    assert!(matches!(
        h.app.screens.consult.mode,
        khutta::tui::screens::consult::Mode::Design(ref d) if d.round.as_str() == "pilot-review"
    ));
}

#[test]
fn a_rounds_questions_are_found_and_the_first_found_is_selected() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["9", "enter", "/"]);
    // `ما مدى` begins two questions, found typed with ya for the alef maqsura.
    h.type_text("ما مدي");
    let screen = shown(&h);
    assert!(screen.contains("pilot-readiness"), "{screen}");
    assert!(screen.contains("8. cofinancing"), "{screen}");
    assert!(!screen.contains("1. first-act"), "{screen}");
    assert!(screen.contains("search on: 2 of 9 shown"), "{screen}");
    let selected = |h: &Harness| match &h.app.screens.consult.mode {
        khutta::tui::screens::consult::Mode::Design(d) => d.cursor.row,
        _ => usize::MAX,
    };
    // Row 0 is the round; pilot-readiness is the fourth question.
    assert_eq!(selected(&h), 4);
    h.press(&["enter", "down"]);
    assert_eq!(selected(&h), 8, "down goes to the next question found");
    h.press(&["/", "ctrl-u"]);
    h.type_text("LEAD");
    h.press(&["enter"]);
    assert_eq!(selected(&h), 6);
    // esc clears the search first, the question found staying selected, then leaves the
    // designer.
    h.press(&["esc"]);
    assert!(shown(&h).contains("1. first-act"), "{}", shown(&h));
    assert_eq!(selected(&h), 6);
    h.press(&["esc"]);
    assert!(matches!(
        h.app.screens.consult.mode,
        khutta::tui::screens::consult::Mode::Rounds
    ));
}
