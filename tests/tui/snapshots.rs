//! Every screen at 80×24 and 120×40 on the bundled plan, at the pinned date.

use crate::harness::Harness;
use khutta::model::Lang;

fn shots(name: &str, keys: &[&str]) {
    let mut h = Harness::bundled(Lang::En);
    h.press(keys);
    for (w, ht) in [(80, 24), (120, 40)] {
        h.app.shared.size = (w, ht);
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.render(w, ht));
    }
}

#[test]
fn overview() {
    shots("overview", &["1"]);
}

#[test]
fn activities() {
    shots("activities", &["2"]);
}

#[test]
fn activity_form() {
    let mut h = Harness::bundled(Lang::En);
    h.select_activity("pilot-tunis");
    h.press(&["enter"]);
    for (w, ht) in [(80, 24), (120, 40)] {
        h.app.shared.size = (w, ht);
        insta::assert_snapshot!(format!("activity_form_{w}x{ht}"), h.render(w, ht));
    }
}

#[test]
fn partners() {
    shots("partners", &["3"]);
}

#[test]
fn beneficiaries() {
    shots("beneficiaries", &["4"]);
}

#[test]
fn funding() {
    shots("funding", &["5"]);
}

#[test]
fn gantt() {
    shots("gantt", &["6"]);
}

#[test]
fn problems() {
    shots("problems", &["7"]);
}

#[test]
fn help() {
    shots("help", &["2", "?"]);
}

/// The Arabic UI mirrors the layout; both bidi settings draw the same plan.
#[test]
fn arabic_ui_in_both_bidi_modes() {
    for (mode, bidi) in [
        ("app", khutta::text::BidiMode::App),
        ("terminal", khutta::text::BidiMode::Terminal),
    ] {
        let mut h = Harness::bundled(Lang::Ar);
        h.app.shared.pen.bidi = bidi;
        h.press(&["2"]);
        insta::assert_snapshot!(format!("ar_{mode}_activities_120x40"), h.render(120, 40));
        h.select_activity("pilot-tunis");
        h.press(&["enter"]);
        insta::assert_snapshot!(format!("ar_{mode}_activity_form_120x40"), h.render(120, 40));
        h.press(&["esc", "1"]);
        insta::assert_snapshot!(format!("ar_{mode}_overview_120x40"), h.render(120, 40));
    }
}

#[test]
fn too_small() {
    let h = Harness::bundled(Lang::En);
    let text = h
        .render(50, 10)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("khutta needs at least 60×15"), "{text}");
}

/// The Gantt screen's axis names the months in the UI's language.
#[test]
fn gantt_months_in_arabic() {
    let mut h = Harness::bundled(Lang::Ar);
    h.app.shared.pen.bidi = khutta::text::BidiMode::Terminal;
    h.press(&["6"]);
    // Months in columns: zoom out until a month is one column.
    for _ in 0..3 {
        h.press(&["-"]);
    }
    let screen = h.render(160, 40);
    let months = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
    ];
    assert!(months.iter().any(|m| screen.contains(m)), "{screen}");
    assert!(
        !screen.contains("Jan") && !screen.contains("Feb"),
        "{screen}"
    );
}
