//! Arabic shaping into presentation forms, for terminals that draw every letter in its isolated
//! form.
//!
//! A terminal that does not join letters shows "مرحبا" as five separate letters. Replacing each
//! letter by its presentation form (isolated, final, initial or medial, U+FB50..U+FEFF) and
//! lam-alef by its ligature makes such a terminal draw joined text. This is for display only:
//! presentation forms are never stored, searched or exported (they are "compatibility"
//! characters that other software does not treat as the letters they stand for).
//!
//! Shaping works on logical order, before reordering: joining depends on the neighbours in
//! reading order. Presentation forms keep bidi class AL, so reordering afterwards is correct.
//! Harakat (combining marks) are kept after their shaped letter, in the same grapheme.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Who joins Arabic letters: khutta (into presentation forms) or the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Shaping {
    /// khutta replaces letters by their presentation forms (for Alacritty, xterm, Windows
    /// Terminal and other terminals that show unjoined letters).
    App,
    /// Letters are sent as they are and the terminal joins them (the default: kitty, WezTerm,
    /// Konsole, mlterm and VTE shape text themselves).
    #[default]
    Terminal,
}

/// How a letter joins its neighbours (Unicode's Joining_Type, reduced to what shaping needs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Joining {
    /// Joins neither side (or is not an Arabic letter khutta shapes).
    None,
    /// Joins only the letter before it (alef, dal, reh, waw...).
    Right,
    /// Joins both sides.
    Dual,
    /// Tatweel: joins both sides but has no forms of its own.
    Causing,
}

impl Joining {
    fn joins_next(self) -> bool {
        matches!(self, Joining::Dual | Joining::Causing)
    }

    fn joins_previous(self) -> bool {
        matches!(self, Joining::Right | Joining::Dual | Joining::Causing)
    }
}

/// (letter, its isolated form, joining). The other forms follow the isolated one in the
/// Unicode blocks: final = +1, initial = +2, medial = +3 (only dual-joining letters have the
/// last two).
const FORMS: &[(char, u32, Joining)] = {
    use Joining::{Dual as D, None as U, Right as R};
    &[
        ('\u{621}', 0xFE80, U), // hamza
        ('\u{622}', 0xFE81, R), // alef with madda
        ('\u{623}', 0xFE83, R), // alef with hamza above
        ('\u{624}', 0xFE85, R), // waw with hamza
        ('\u{625}', 0xFE87, R), // alef with hamza below
        ('\u{626}', 0xFE89, D), // yeh with hamza
        ('\u{627}', 0xFE8D, R), // alef
        ('\u{628}', 0xFE8F, D), // beh
        ('\u{629}', 0xFE93, R), // teh marbuta
        ('\u{62A}', 0xFE95, D), // teh
        ('\u{62B}', 0xFE99, D), // theh
        ('\u{62C}', 0xFE9D, D), // jeem
        ('\u{62D}', 0xFEA1, D), // hah
        ('\u{62E}', 0xFEA5, D), // khah
        ('\u{62F}', 0xFEA9, R), // dal
        ('\u{630}', 0xFEAB, R), // thal
        ('\u{631}', 0xFEAD, R), // reh
        ('\u{632}', 0xFEAF, R), // zain
        ('\u{633}', 0xFEB1, D), // seen
        ('\u{634}', 0xFEB5, D), // sheen
        ('\u{635}', 0xFEB9, D), // sad
        ('\u{636}', 0xFEBD, D), // dad
        ('\u{637}', 0xFEC1, D), // tah
        ('\u{638}', 0xFEC5, D), // zah
        ('\u{639}', 0xFEC9, D), // ain
        ('\u{63A}', 0xFECD, D), // ghain
        ('\u{641}', 0xFED1, D), // feh
        ('\u{642}', 0xFED5, D), // qaf
        ('\u{643}', 0xFED9, D), // kaf
        ('\u{644}', 0xFEDD, D), // lam
        ('\u{645}', 0xFEE1, D), // meem
        ('\u{646}', 0xFEE5, D), // noon
        ('\u{647}', 0xFEE9, D), // heh
        ('\u{648}', 0xFEED, R), // waw
        // Alef maksura only ends words in Arabic; Forms-B has no initial or medial form.
        ('\u{649}', 0xFEEF, R),
        ('\u{64A}', 0xFEF1, D), // yeh
        // Letters of Persian loanwords and Maghrebi names (Forms-A).
        ('\u{671}', 0xFB50, R), // alef wasla
        ('\u{67E}', 0xFB56, D), // peh
        ('\u{686}', 0xFB7A, D), // tcheh
        ('\u{698}', 0xFB8A, R), // jeh
        ('\u{6A4}', 0xFB6A, D), // veh
        ('\u{6A9}', 0xFB8E, D), // keheh
        ('\u{6AF}', 0xFB92, D), // gaf
        ('\u{6CC}', 0xFBFC, D), // farsi yeh
    ]
};

const TATWEEL: char = '\u{640}';
const LAM: char = '\u{644}';

fn entry(c: char) -> Option<(u32, Joining)> {
    if !matches!(c, '\u{621}'..='\u{6CC}') {
        return None;
    }
    FORMS
        .binary_search_by_key(&c, |(l, _, _)| *l)
        .ok()
        .and_then(|i| FORMS.get(i))
        .map(|(_, iso, j)| (*iso, *j))
}

/// The joining type of `c`.
pub(crate) fn joining(c: char) -> Joining {
    if c == TATWEEL {
        return Joining::Causing;
    }
    entry(c).map_or(Joining::None, |(_, j)| j)
}

/// The presentation form of the letter `c` given whether its neighbours join it; `c` itself
/// when it has no forms.
pub(crate) fn form(c: char, joined_before: bool, joined_after: bool) -> char {
    let Some((iso, j)) = entry(c) else {
        return c;
    };
    let before = joined_before && j.joins_previous();
    let after = joined_after && j.joins_next();
    let offset = match (before, after) {
        (false, false) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (true, true) => 3,
    };
    char::from_u32(iso + offset).unwrap_or(c)
}

/// The lam-alef ligature for lam followed by `alef`, final when the lam is joined before.
pub(crate) fn lam_alef(alef: char, joined_before: bool) -> Option<char> {
    let isolated = match alef {
        '\u{622}' => '\u{FEF5}',
        '\u{623}' => '\u{FEF7}',
        '\u{625}' => '\u{FEF9}',
        '\u{627}' => '\u{FEFB}',
        _ => return None,
    };
    // Each final form directly follows its isolated form.
    Some(if joined_before {
        char::from_u32(isolated as u32 + 1).unwrap_or(isolated)
    } else {
        isolated
    })
}

/// Whether `c` is lam (the first half of a lam-alef ligature).
pub(crate) fn is_lam(c: char) -> bool {
    c == LAM
}

/// Shapes logical text into presentation forms, keeping harakat; text without Arabic letters
/// is returned as it is.
pub fn shape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| joining(c) != Joining::None) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut shaper = Shaper::default();
    let mut graphemes = text.graphemes(true).peekable();
    while let Some(g) = graphemes.next() {
        let next = graphemes.peek().copied();
        if shaper.push(g, next, &mut out) {
            graphemes.next();
        }
    }
    Cow::Owned(out)
}

/// Shapes one grapheme at a time, remembering whether the previous letter joins forward.
#[derive(Debug, Default)]
pub(crate) struct Shaper {
    previous_joins: bool,
}

impl Shaper {
    /// Appends the shaped form of grapheme `g` to `out`, looking at the next grapheme `next`.
    /// Returns true when `next` was consumed into a lam-alef ligature.
    pub(crate) fn push(&mut self, g: &str, next: Option<&str>, out: &mut String) -> bool {
        let mut chars = g.chars();
        let Some(base) = chars.next() else {
            return false;
        };
        let marks = chars.as_str();
        let j = joining(base);
        if j == Joining::None {
            self.previous_joins = false;
            out.push_str(g);
            return false;
        }
        let next_base = next.and_then(|n| n.chars().next());
        if is_lam(base)
            && let Some(n) = next
            && let Some(lig) = next_base.and_then(|a| lam_alef(a, self.previous_joins))
        {
            out.push(lig);
            out.push_str(marks);
            // The alef's own marks (hamza, madda written separately, harakat) follow.
            out.push_str(n.get(next_base.map_or(0, char::len_utf8)..).unwrap_or(""));
            // Alef never joins forward, so neither does the ligature.
            self.previous_joins = false;
            return true;
        }
        let after = next_base.is_some_and(|n| joining(n).joins_previous());
        out.push(form(base, self.previous_joins, after));
        out.push_str(marks);
        self.previous_joins = j.joins_next();
        false
    }

    /// Forgets the previous letter (after a space, an escape or the end of a line).
    pub(crate) fn reset(&mut self) {
        self.previous_joins = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(FORMS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn forms_by_position() {
        // "بيت" (house): beh initial U+FE91, yeh medial U+FEF4, teh final U+FE96.
        assert_eq!(shape("\u{628}\u{64A}\u{62A}"), "\u{FE91}\u{FEF4}\u{FE96}");
        // "دار" (house): dal and alef never join forward, so all three stay isolated.
        assert_eq!(shape("\u{62F}\u{627}\u{631}"), "\u{FEA9}\u{FE8D}\u{FEAD}");
        // A lone letter is isolated; a space breaks joining.
        assert_eq!(shape("\u{628} \u{628}"), "\u{FE8F} \u{FE8F}");
    }

    #[test]
    fn lam_alef_ligatures() {
        // "لا" alone: isolated ligature U+FEFB.
        assert_eq!(shape("\u{644}\u{627}"), "\u{FEFB}");
        // "سلام" (peace): seen initial, lam-alef final ligature U+FEFC, meem isolated.
        assert_eq!(
            shape("\u{633}\u{644}\u{627}\u{645}"),
            "\u{FEB3}\u{FEFC}\u{FEE1}"
        );
        // "لأ", "لإ", "لآ".
        assert_eq!(shape("\u{644}\u{623}"), "\u{FEF7}");
        assert_eq!(shape("\u{644}\u{625}"), "\u{FEF9}");
        assert_eq!(shape("\u{644}\u{622}"), "\u{FEF5}");
    }

    #[test]
    fn harakat_are_kept_on_their_letter() {
        // "مَرْحَبًا": meem+fatha initial, reh+sukun final, hah+fatha initial,
        // beh+fathatan medial, alef final.
        assert_eq!(
            shape("\u{645}\u{64E}\u{631}\u{652}\u{62D}\u{64E}\u{628}\u{64B}\u{627}"),
            "\u{FEE3}\u{64E}\u{FEAE}\u{652}\u{FEA3}\u{64E}\u{FE92}\u{64B}\u{FE8E}"
        );
        // Lam with shadda+fatha before alef: the ligature carries both marks.
        assert_eq!(
            shape("\u{644}\u{651}\u{64E}\u{627}"),
            "\u{FEFB}\u{651}\u{64E}"
        );
    }

    #[test]
    fn latin_is_untouched() {
        assert!(matches!(shape("UNDP 2025"), Cow::Borrowed(_)));
        // Tatweel joins both sides and stays itself.
        assert_eq!(shape("\u{628}\u{640}\u{628}"), "\u{FE91}\u{640}\u{FE90}");
    }
}
