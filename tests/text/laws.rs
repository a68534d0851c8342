//! Properties that hold for any text: exact widths, no raw controls, nothing lost or added,
//! and a cursor that can reach every position.

use khutta::model::Lang;
use khutta::text::{DisplayOptions, EditBuffer, display_line, is_dangerous, segments, str_width};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Text made of what plans hold: Arabic letters (lam and alef often), harakat, Latin, digits,
/// brackets, spaces and the odd control character.
fn plan_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ل", "ا", "م", "ر", "ح", "ب", "ة", "\u{64E}", "\u{651}", "\u{64B}", "a", "Z", "1", "٣",
        " ", "(", ")", "-", "/", ",", "\u{1b}", "\u{202e}", "\u{200f}", "\n",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn lines_fill_their_column_exactly(text in plan_text(), width in 1usize..30, ar in any::<bool>()) {
        let lang = if ar { Lang::Ar } else { Lang::En };
        let line = display_line(&text, width, &DisplayOptions::for_lang(lang));
        prop_assert_eq!(line.width, width);
        prop_assert_eq!(str_width(&line.text), width);
        prop_assert!(!line.text.chars().any(is_dangerous));
        let by_segments: usize = segments(&line.text).map(UnicodeWidthStr::width).sum();
        prop_assert_eq!(by_segments, width);
    }

    #[test]
    fn reordering_keeps_every_letter(text in plan_text()) {
        let opts = DisplayOptions { align: khutta::text::Align::None, ..DisplayOptions::default() };
        let line = display_line(&text, usize::MAX, &opts);
        // The same letters and marks come out (brackets may be mirrored, controls escaped).
        let letters = |s: &str| {
            let mut v: Vec<char> = s.chars().filter(|c| c.is_alphabetic() || ('\u{64B}'..='\u{652}').contains(c)).collect();
            v.sort_unstable();
            v
        };
        // The terminal keeps direction marks hidden (they steer the order); the CLI escapes them.
        let kept: String = text.chars().filter(|c| !khutta::text::is_direction_mark(*c)).collect();
        let shown: String = khutta::text::escape_controls(&kept).replace("\\n", " ");
        prop_assert_eq!(letters(&line.text), letters(&shown));
    }

    #[test]
    fn left_visits_every_cursor_position(text in plan_text(), ar in any::<bool>()) {
        let lang = if ar { Lang::Ar } else { Lang::En };
        let mut b = EditBuffer::new(text, DisplayOptions::for_lang(lang));
        let n = b.len();
        // From the position drawn rightmost, Left reaches all n + 1 positions once each.
        for _ in 0..=n { b.move_right(); }
        let mut seen = vec![b.cursor()];
        for _ in 0..n {
            b.move_left();
            seen.push(b.cursor());
        }
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..=n).collect::<Vec<_>>());
    }

    #[test]
    fn editing_never_splits_a_grapheme(text in plan_text(), keys in prop::collection::vec(0u8..6, 0..20)) {
        let mut b = EditBuffer::new(text, DisplayOptions::for_lang(Lang::Ar));
        for k in keys {
            match k {
                0 => b.move_left(),
                1 => b.move_right(),
                2 => { b.backspace(); }
                3 => { b.delete(); }
                4 => b.insert_char('\u{64E}'),
                _ => b.insert_char('ل'),
            }
            prop_assert!(b.cursor() <= b.len());
            let view = b.view(12);
            prop_assert!(view.cursor < 12);
            prop_assert_eq!(str_width(&view.line.text), 12);
        }
    }
}
