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
