//! The reordering table: logical text in, the visual string a terminal must be given out.
//!
//! Each expected string was worked out by hand with UAX #9: Arabic letters are level 1 in a
//! right-to-left paragraph, Latin words and European digits level 2, and each line is
//! reversed from the highest level down. "reversed" below means the word's letters in reverse
//! order, which is how a right-to-left word is written left to right.

use khutta::text::{Direction, visual_line};

/// (case, logical, paragraph fallback, expected visual)
const TABLE: &[(&str, &str, Direction, &str)] = &[
    // Pure Arabic: "مرحبا" (hello) is reversed as a whole.
    ("pure arabic", "مرحبا", Direction::Ltr, "ابحرم"),
    (
        "two arabic words",
        // "مرحبا بكم": both words reversed, and their order too.
        "مرحبا بكم",
        Direction::Ltr,
        "مكب ابحرم",
    ),
    // Harakat stay after their own letter: "مَرْحَبًا" is the clusters
    // [مَ][رْ][حَ][بً][ا], drawn as [ا][بً][حَ][رْ][مَ]. unicode-bidi's reorder_line would put
    // each mark before its letter (\u{64B} before \u{628}).
    (
        "harakat",
        "\u{645}\u{64E}\u{631}\u{652}\u{62D}\u{64E}\u{628}\u{64B}\u{627}",
        Direction::Ltr,
        "\u{627}\u{628}\u{64B}\u{62D}\u{64E}\u{631}\u{652}\u{645}\u{64E}",
    ),
    // Shadda and fatha on one letter stay together: "شَدَّ" is [شَ][دَّ], drawn [دَّ][شَ].
    (
        "stacked harakat",
        "\u{634}\u{64E}\u{62F}\u{651}\u{64E}",
        Direction::Ltr,
        "\u{62F}\u{651}\u{64E}\u{634}\u{64E}",
    ),
    // Lam-alef "لا" (no): lam U+0644 then alef U+0627, drawn alef then lam.
    (
        "lam-alef",
        "\u{644}\u{627}",
        Direction::Ltr,
        "\u{627}\u{644}",
    ),
    // "السلام" (peace) = ا ل س ل ا م, drawn م ا ل س ل ا.
    (
        "lam-alef inside a word",
        "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}",
        Direction::Ltr,
        "\u{645}\u{627}\u{644}\u{633}\u{644}\u{627}",
    ),
    // Arabic paragraph with an English word: "برنامج UNDP للشباب" (UNDP programme for youth).
    // The English stays readable in the middle; the Arabic words swap sides:
    // reversed("للشباب") UNDP reversed("برنامج").
    (
        "arabic with english",
        "برنامج UNDP للشباب",
        Direction::Ltr,
        "بابشلل UNDP جمانرب",
    ),
    // An English paragraph with Arabic at its end: the Arabic run is reversed in place.
    (
        "english with arabic",
        "Youth Employment: برنامج التوظيف",
        Direction::Ltr,
        "Youth Employment: فيظوتلا جمانرب",
    ),
    // A number inside Arabic keeps its digit order: "عدد 42" -> "42" reversed("عدد").
    ("number", "عدد 42", Direction::Ltr, "42 ددع"),
    // Thousands separators (class CS) keep the number whole:
    // "الميزانية 1,500,000 دولار" (the budget 1,500,000 dollars).
    (
        "grouped number",
        "الميزانية 1,500,000 دولار",
        Direction::Ltr,
        "رالود 1,500,000 ةينازيملا",
    ),
    // Arabic-Indic digits (class AN): "سنة ٢٠٢٥" (year 2025).
    (
        "arabic-indic digits",
        "سنة ٢٠٢٥",
        Direction::Ltr,
        "٢٠٢٥ ةنس",
    ),
    // A date with slashes after Arabic: the digits become AN (rule W2) and "/" (CS) between
    // AN stays in the number, so the date reads as typed: "الموعد 2025/03/15" (the deadline).
    (
        "date with slashes",
        "الموعد 2025/03/15",
        Direction::Ltr,
        "2025/03/15 دعوملا",
    ),
    // With hyphens the date's parts would be separate numbers under UAX #9 alone ("-" is ES,
    // which only joins European numbers, and after Arabic letters the digits are AN), drawn
    // right to left as `15-03-2025`. khutta isolates a number with its inner separators, as
    // an LRI..PDI around it would, so that a date reads the same in every sentence.
    (
        "date with hyphens",
        "الموعد 2025-03-15",
        Direction::Ltr,
        "2025-03-15 دعوملا",
    ),
    // Brackets in a right-to-left run are mirrored: "المشروع (المرحلة الأولى)"
    // (the project (first phase)) -> "(" reversed("الأولى") " " reversed("المرحلة") ")" ...
    (
        "brackets",
        "المشروع (المرحلة الأولى)",
        Direction::Ltr,
        "(ىلوألا ةلحرملا) عورشملا",
    ),
    // An English acronym in brackets inside Arabic: "برنامج (UNDP)".
    (
        "bracketed english",
        "برنامج (UNDP)",
        Direction::Ltr,
        "(UNDP) جمانرب",
    ),
    // Brackets in an English paragraph around Arabic-context numbers; the range is one
    // isolated number, as a date is.
    (
        "english paragraph, bracketed range",
        "Youth Employment: برنامج التوظيف (2024-2026)",
        Direction::Ltr,
        "Youth Employment: (2024-2026) فيظوتلا جمانرب",
    ),
    // Empty text and blank text come out unchanged.
    ("empty", "", Direction::Rtl, ""),
    ("only spaces", "   ", Direction::Rtl, "   "),
    // A date alone in an Arabic field (no strong letter: the field's direction decides).
    (
        "date in an arabic field",
        "2025/03/15",
        Direction::Rtl,
        "2025/03/15",
    ),
    // Two numbers joined by a hyphen in an Arabic field read right to left.
    (
        "range in an arabic field",
        "2024 - 2026",
        Direction::Rtl,
        "2026 - 2024",
    ),
    // Plain English is untouched.
    (
        "english",
        "Open Government (2025)",
        Direction::Rtl,
        "Open Government (2025)",
    ),
    // A bidi override from someone else's file is shown as an escape, in one piece, and
    // does not turn the rest of the line around.
    (
        "override character",
        "مرحبا\u{202e}",
        Direction::Ltr,
        "\\u{202e}ابحرم",
    ),
];

#[test]
fn reordering_table() {
    let mut failures = Vec::new();
    for (case, logical, fallback, expected) in TABLE {
        let got = visual_line(logical, *fallback);
        if got != *expected {
            failures.push(format!(
                "{case}: {logical:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn visual_text_never_holds_controls() {
    for (_, logical, fallback, _) in TABLE {
        let got = visual_line(logical, *fallback);
        assert!(!got.chars().any(khutta::text::is_dangerous), "{got:?}");
    }
}
