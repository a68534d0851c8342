//! `w` shows the selected row's whole text, which its cut cells may not: every list, at 80×24,
//! in English and in Arabic.

use crate::harness::Harness;
use khutta::model::Lang;

/// The screen at 80×24, as the TUI lays it out at that size.
fn small(h: &mut Harness) -> String {
    h.act(khutta::tui::action::Action::Resize(80, 24));
    h.render(80, 24)
}

#[test]
fn an_activity_whole_row_in_english_and_arabic() {
    for (lang, name) in [
        (Lang::En, "details_activity_en_80x24"),
        (Lang::Ar, "details_activity_ar_80x24"),
    ] {
        let mut h = Harness::bundled(lang);
        h.select_activity("phase-inception");
        h.press(&["w"]);
        let screen = small(&mut h);
        insta::assert_snapshot!(name, screen);
        // Any key closes it.
        h.press(&["x"]);
        assert!(h.app.shared.popup.is_none());
    }
}

#[test]
fn an_activity_title_cut_by_its_column_is_whole_in_the_popup() {
    let mut h = Harness::bundled(Lang::En);
    h.select_activity("phase-inception");
    let a = &h.app.shared.doc.plan.activities["phase-inception"];
    let (en, ar) = (a.title.en.clone().unwrap(), a.title.ar.clone().unwrap());
    let list = small(&mut h);
    h.press(&["w"]);
    let popup = small(&mut h);
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    // Every English word of the title shows; the list cut some of them.
    assert!(
        words(&en).iter().all(|w| popup.contains(w.as_str())),
        "{popup}"
    );
    assert!(
        !words(&en).iter().all(|w| list.contains(w.as_str())),
        "{list}"
    );
    assert!(popup.contains("title (Arabic)"), "{popup}");
    assert!(!ar.is_empty());
}

fn history(lang: Lang) -> Harness {
    let mut h = Harness::bundled(lang);
    let id = |n: u8| -> khutta::repo::CommitId {
        git2::Oid::from_str(&format!("{n}{}", "0".repeat(39)))
            .unwrap()
            .into()
    };
    h.app.shared.repo.history = vec![
        khutta::repo::LogEntry {
            id: id(2),
            author: "Omar Khalil".into(),
            email: "omar@khutta.invalid".into(),
            time: 1_795_000_000,
            message: "إطلاق التقرير المشترك مع منظمة التعاون الاقتصادي والتنمية في القاهرة وعبر الإنترنت".into(),
            changes: khutta::said!("summary-files", count = 4),
        },
        khutta::repo::LogEntry {
            id: id(1),
            author: "Salma Haddad".into(),
            email: "salma@khutta.invalid".into(),
            time: 1_794_900_000,
            message: "Set the Tunis pilot's dates, its lead partner and the budget lines agreed at the meeting in Cairo".into(),
            changes: khutta::said!("summary-plan-begins", id = "open-government-nua"),
        },
    ];
    h.press(&["8"]);
    h
}

#[test]
fn a_commit_whole_row_in_english_and_arabic() {
    for (lang, name) in [
        (Lang::En, "details_commit_en_80x24"),
        (Lang::Ar, "details_commit_ar_80x24"),
    ] {
        let mut h = history(lang);
        h.press(&["down", "w"]);
        let screen = small(&mut h);
        assert!(screen.contains("salma@khutta.invalid"), "{screen}");
        insta::assert_snapshot!(name, screen);
    }
    // The first commit's Arabic message, cut in the list, is whole in the popup.
    let mut h = history(Lang::En);
    h.press(&["w"]);
    let screen = small(&mut h);
    assert!(screen.contains("omar@khutta.invalid"), "{screen}");
    assert!(screen.contains("تنرتنإلا"), "{screen}");
}

#[test]
fn every_list_has_its_whole_row() {
    let mut h = Harness::bundled(Lang::En);
    for (keys, expected) in [
        (&["3"][..], "Partner "),
        (&["4"][..], "Beneficiary group "),
        (&["5"][..], "Funding source "),
        (&["9"][..], "Consultations"),
        (&["9", "enter", "down"][..], "Question (English)"),
    ] {
        h.press(&["esc"]);
        h.press(keys);
        h.press(&["w"]);
        let screen = small(&mut h);
        assert!(screen.contains(expected), "{keys:?}\n{screen}");
        assert!(
            screen.contains("(English)") || keys == ["4"],
            "{keys:?}\n{screen}"
        );
        h.press(&["esc"]);
        assert!(h.app.shared.popup.is_none());
    }
}

#[test]
fn a_problem_whole_message_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let case = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/check/dangling-references/plan");
    crate::harness::copy_dir(&case, dir.path());
    let mut h = Harness::open(dir.path(), Lang::En);
    h.press(&["7", "w"]);
    let screen = small(&mut h);
    assert!(screen.contains("E020"), "{screen}");
    assert!(
        screen.contains("refers to activity `launch`, which does"),
        "{screen}"
    );
    assert!(screen.contains("correct the id"), "{screen}");
}
