//! Nothing plausible but wrong is filled in for the coordinator: a new funding source has no
//! funder until one is chosen, an exchange rate is typed with its currency, and an activity
//! switched to fixed dates is fixed where the schedule has it.

use crate::harness::Harness;
use khutta::model::{Lang, Timing};

#[test]
fn fixing_an_activity_s_dates_keeps_it_where_the_schedule_has_it() {
    let mut h = Harness::bundled(Lang::En);
    let id = khutta::model::Id::new_unchecked("pilot-tunis");
    let scheduled = *h
        .app
        .shared
        .doc
        .dates(&id)
        .expect("pilot-tunis is scheduled");
    assert!(matches!(
        h.app.shared.doc.plan.activities["pilot-tunis"].timing,
        Timing::Duration {
            not_before: None,
            ..
        }
    ));
    h.open_activity_row("pilot-tunis", "timing");
    h.press(&["enter"]);
    h.type_text("Fixed");
    h.press(&["enter"]);
    assert_eq!(
        h.app.shared.doc.plan.activities["pilot-tunis"].timing,
        Timing::Fixed {
            start: scheduled.early_start,
            end: scheduled.early_finish
        },
        "{}",
        h.app.shared.status
    );
    // The schedule does not move: the activity was fixed where it stood.
    assert_eq!(
        h.app
            .shared
            .doc
            .dates(&id)
            .map(|d| (d.early_start, d.early_finish)),
        Some((scheduled.early_start, scheduled.early_finish))
    );
}

#[test]
fn a_new_funding_source_has_no_funder_until_one_is_chosen() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["5", "n"]);
    h.type_text("new-grant");
    h.press(&["enter"]);
    let f = &h.app.shared.doc.plan.funding["new-grant"];
    assert_eq!(
        f.funder.as_str(),
        "",
        "no partner is picked for the coordinator"
    );
    let said: Vec<String> = h
        .app
        .shared
        .doc
        .diagnostics
        .iter()
        .map(|d| d.message.english())
        .collect();
    assert!(
        said.iter().any(|m| m == "`funder` names no partner yet"),
        "{said:?}"
    );
}

#[test]
fn an_exchange_rate_is_added_with_the_rate_typed() {
    let mut h = Harness::bundled(Lang::En);
    let before = h.app.shared.doc.plan.meta.exchange_rates.len();
    h.press(&["1", "enter"]);
    h.form_row("exchange_rates");
    h.press(&["a"]);
    h.type_text("JOD");
    let error = h.app.shared.editor.as_ref().and_then(|e| e.error.clone());
    assert!(
        error.as_deref().is_some_and(|e| e.contains("JOD 1.41")),
        "a currency alone is refused: {error:?}"
    );
    h.press(&["enter"]);
    assert_eq!(h.app.shared.doc.plan.meta.exchange_rates.len(), before);
    h.type_text(" 1.41");
    h.press(&["enter"]);
    let rates = &h.app.shared.doc.plan.meta.exchange_rates;
    assert_eq!(rates.len(), before + 1, "{}", h.app.shared.status);
    let jod = rates.iter().find(|r| r.currency.as_str() == "JOD").unwrap();
    assert_eq!(jod.rate.to_string(), "1.41");
}
