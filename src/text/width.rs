//! Display widths in terminal cells, truncation with an ellipsis, and padding.
//!
//! Widths are counted grapheme by grapheme, exactly as ratatui's `Buffer` places text (one
//! cell group per grapheme, `unicode-width` of the grapheme) and as terminals allocate cells
//! (per character, harakat taking none). A letter with harakat is one cell; lam-alef ("لا") is
//! two cells, lam and alef, unless shaping made it the one-cell ligature U+FEFB.
//!
//! `unicode-width`'s `str::width` counts a logical lam-alef as **one** cell (the width of the
//! ligature in a proportional font), and ratatui's `Span::width`/`Line::width` use it on whole
//! strings, so they disagree with the buffer by one cell per lam-alef. khutta does not change the
//! text to please that rule; instead [`segments`] cuts a display line wherever such a
//! cross-grapheme rule would fire, so that a `Line` built from one `Span` per segment has exactly
//! the width its cells take. Display lines also come padded to their column width, so the TUI
//! never needs ratatui's alignment (which is computed from `Line::width`).

use super::cluster::{Cluster, ClusterKind};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The character that ends truncated text.
pub const ELLIPSIS: char = '…';

/// The cells one grapheme takes (0 for a lone format character, which ratatui drops).
pub fn grapheme_width(g: &str) -> usize {
    g.width()
}

/// The cells `s` takes in a terminal and in ratatui's buffer: the sum of its graphemes' widths.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        // Printable ASCII is one cell a byte; controls are escaped long before display.
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` cut to at most `width` cells on its **logical** text, ending with an ellipsis when
/// something was cut. Cutting before reordering keeps the beginning of the text, whichever
/// side that is drawn on.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    if str_width(s) <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > width - 1 {
            break;
        }
        used += w;
        end = i + g.len();
    }
    let kept = s.get(..end).unwrap_or("").trim_end_matches(' ');
    let mut out = String::with_capacity(kept.len() + ELLIPSIS.len_utf8());
    out.push_str(kept);
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// How a display line sits in its column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Align {
    /// Its paragraph's reading side: right-to-left text on the right, the rest on the left.
    #[default]
    Natural,
    /// Always on the left.
    Left,
    /// Always on the right (numbers in a table).
    Right,
    /// No padding: the line is as wide as its text.
    None,
}

/// The spaces before and after content `content` cells wide in a column `width` cells wide;
/// `rtl` is the paragraph's direction. A `width` of `usize::MAX` means "no column": no padding.
pub(crate) fn padding(content: usize, width: usize, align: Align, rtl: bool) -> (usize, usize) {
    if width == usize::MAX {
        return (0, 0);
    }
    let spare = width.saturating_sub(content);
    match align {
        Align::None => (0, 0),
        Align::Left => (0, spare),
        Align::Right => (spare, 0),
        Align::Natural if rtl => (spare, 0),
        Align::Natural => (0, spare),
    }
}

/// How many clusters fit in `width` cells, and whether an ellipsis must follow them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fit {
    /// The clusters kept, from the logical start.
    pub count: usize,
    /// Whether text was cut and the ellipsis follows.
    pub ellipsis: bool,
    /// The cells taken, ellipsis included.
    pub width: usize,
}

/// Fits `list` into `width` cells, cutting the logical end and leaving a cell for the ellipsis.
pub(crate) fn fit(list: &[Cluster], width: usize) -> Fit {
    let total: usize = list.iter().map(|c| c.width).sum();
    if total <= width {
        return Fit {
            count: list.len(),
            ellipsis: false,
            width: total,
        };
    }
    if width == 0 {
        return Fit {
            count: 0,
            ellipsis: false,
            width: 0,
        };
    }
    let (mut count, mut used) = (0usize, 0);
    for c in list {
        if used + c.width > width - 1 {
            break;
        }
        used += c.width;
        count += 1;
    }
    // "Youth …" reads worse than "Youth…": drop the spaces before the ellipsis.
    while let Some(c) = count.checked_sub(1).and_then(|i| list.get(i)) {
        if !matches!(c.kind, ClusterKind::Space | ClusterKind::Hidden) {
            break;
        }
        used -= c.width;
        count -= 1;
    }
    Fit {
        count,
        ellipsis: true,
        width: used + 1,
    }
}

/// `s` cut into pieces whose `unicode-width` equals the sum of their graphemes' widths.
///
/// Build a ratatui `Line` from one `Span` per piece and `Line::width`, alignment and the
/// position of each following span agree with the cells the text really takes. The cut falls
/// between two graphemes wherever `unicode-width` counts the pair narrower than its parts
/// (lam-alef, the Hebrew alef-lamed ligature, and similar rules).
pub fn segments(s: &str) -> Segments<'_> {
    Segments { rest: s }
}

/// The iterator returned by [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let cut = first_cut(self.rest).unwrap_or(self.rest.len());
        let (piece, rest) = self.rest.split_at(cut);
        self.rest = rest;
        Some(piece)
    }
}

/// The first byte offset in `s` where a contextual width rule joins two graphemes.
fn first_cut(s: &str) -> Option<usize> {
    if s.is_ascii() {
        return None;
    }
    let mut previous: Option<(usize, usize)> = None;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if let Some((start, pw)) = previous
            && s.get(start..i + g.len()).map_or(0, UnicodeWidthStr::width) != pw + w
        {
            return Some(i);
        }
        previous = Some((i, w));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_by_grapheme() {
        assert_eq!(str_width("khutta"), 6);
        assert_eq!(str_width("خطة"), 3);
        // Harakat take no cell: "مَرْحَبًا" is five letters.
        assert_eq!(str_width("مَرْحَبًا"), 5);
        // Lam-alef is two cells in a terminal, although unicode-width says 1 for the pair.
        assert_eq!(str_width("لا"), 2);
        assert_eq!("لا".width(), 1);
        // Mixed: "برنامج UNDP 2025" = 6 + 1 + 4 + 1 + 4.
        assert_eq!(str_width("برنامج UNDP 2025"), 16);
        // Wide CJK characters take two cells each.
        assert_eq!(str_width("日本"), 4);
    }

    #[test]
    fn truncation_is_logical() {
        assert_eq!(truncate("Youth Employment", 8), "Youth E…");
        assert_eq!(truncate("Youth Employment", 7), "Youth…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("short", 0), "");
        assert_eq!(truncate("short", 1), "…");
        // The Arabic beginning is kept, harakat stay with their letter: "مَرْ…".
        assert_eq!(truncate("مَرْحَبًا بِكُمْ", 3), "مَرْ…");
        // A wide character that does not fit is left out whole.
        assert_eq!(truncate("日本語", 4), "日…");
    }

    #[test]
    fn segments_agree_with_unicode_width() {
        for s in [
            "لا للسلاح 2025",
            "السلام عليكم",
            "لَا",
            "مرحبا",
            "UNDP",
            "א\u{200D}ל",
            "",
        ] {
            let pieces: Vec<_> = segments(s).collect();
            assert_eq!(pieces.concat(), s);
            let by_pieces: usize = pieces.iter().map(|p| p.width()).sum();
            assert_eq!(by_pieces, str_width(s), "{s:?} cut as {pieces:?}");
        }
        // "لا" is cut between lam and alef.
        assert_eq!(segments("لا").collect::<Vec<_>>(), ["ل", "ا"]);
        assert_eq!(segments("مرحبا").count(), 1);
    }

    #[test]
    fn padding_sides() {
        assert_eq!(padding(3, 10, Align::Natural, true), (7, 0));
        assert_eq!(padding(3, 10, Align::Natural, false), (0, 7));
        assert_eq!(padding(3, 10, Align::Right, false), (7, 0));
        assert_eq!(padding(3, 10, Align::None, true), (0, 0));
        assert_eq!(padding(12, 10, Align::Left, false), (0, 0));
        assert_eq!(padding(3, usize::MAX, Align::Natural, true), (0, 0));
    }
}
