//! Values a partner's file may hold that `check` reports (E027) and no view may crash on: an
//! amount of 10^27, a duration of four billion days, a lag at the edge of its type.

use crate::harness::Harness;
use khutta::model::{EntityKind, Id, Lang};
use khutta::tui::form::{FormState, Target};

/// A copy of the bundled plan with `edit` applied to the text of `rel`.
fn plan_with(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::harness::copy_dir(&crate::harness::bundled(), dir.path());
    for (rel, from, to) in edits {
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} has no {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

#[test]
fn huge_amounts_and_durations_draw_every_screen() {
    let huge = "1000000000000000000000000000";
    let dir = plan_with(&[
        (
            "funding/escwa-rptc.ron",
            "amount: \"600000\"",
            &format!("amount: \"{huge}\""),
        ),
        (
            "activities/pilot-tunis.ron",
            "days: 320,",
            "days: 4000000000,",
        ),
        ("activities/pilot-tunis.ron", "lag: 30,", "lag: 2147483647,"),
    ]);
    for lang in [Lang::En, Lang::Ar] {
        let mut h = Harness::open(dir.path(), lang);
        for screen in ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"] {
            h.press(&[screen]);
            let shown = h.render(120, 40);
            assert!(!shown.trim().is_empty(), "screen {screen} is blank");
        }
        h.press(&["1"]);
        let overview = h.render(120, 40);
        // The share funded overflows and is left out; the totals are shown as they are.
        assert!(!overview.contains("%)"), "{overview}");
    }
}

#[test]
fn a_huge_duration_switched_to_fixed_dates_is_refused_with_its_reason() {
    let dir = plan_with(&[(
        "activities/pilot-tunis.ron",
        "days: 320,",
        "days: 4000000000,",
    )]);
    let h = Harness::open(dir.path(), Lang::En);
    let plan = &h.app.shared.doc.plan;
    let form = FormState::new(Target::Entity(
        EntityKind::Activity,
        Id::new_unchecked("pilot-tunis"),
    ));
    let rows = form.rows(plan);
    let timing = rows.iter().find(|r| r.name == "timing").unwrap();
    let refused = form.commit(plan, timing.key, "Fixed").unwrap_err();
    let said = refused.english();
    assert!(
        said.contains("4000000000") && said.contains("10000"),
        "{said}"
    );
    // Within range, the switch takes the dates it is given (the TUI gives the scheduled ones).
    let fine = plan_with(&[]);
    let h = Harness::open(fine.path(), Lang::En);
    let rows = form.rows(&h.app.shared.doc.plan);
    let timing = rows.iter().find(|r| r.name == "timing").unwrap();
    let plan = &h.app.shared.doc.plan;
    assert!(
        form.commit(plan, timing.key, "Fixed 2026-03-01 2026-12-31")
            .is_ok()
    );
    // Without dates and with no start of its own, no day is made up.
    assert!(form.commit(plan, timing.key, "Fixed").is_err());
}

#[test]
fn forms_refuse_what_check_would_report() {
    let h = Harness::bundled(Lang::En);
    let plan = &h.app.shared.doc.plan;
    let funding = FormState::new(Target::Entity(
        EntityKind::Funding,
        Id::new_unchecked("escwa-rptc"),
    ));
    let rows = funding.rows(plan);
    let amount = rows.iter().find(|r| r.name == "amount").unwrap();
    assert!(
        funding
            .commit(plan, amount.key, "1000000000000000000000000000")
            .is_err()
    );
    assert!(funding.commit(plan, amount.key, "1000000").is_ok());
}
