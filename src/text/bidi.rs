//! Paragraph direction and visual order (the Unicode bidi algorithm, UAX #9).
//!
//! unicode-bidi resolves the embedding level of every character. Its own `reorder_line`
//! reverses characters one by one, which puts harakat before their letter (rule L3) and does
//! not mirror brackets (rule L4). khutta therefore reorders whole clusters (a letter with its
//! harakat, an escape, a ligature) by their levels (rule L2) and mirrors brackets in
//! right-to-left runs itself.

use super::cluster::{Cluster, ClusterKind};
use super::sanitize::is_dangerous;
use crate::lang::Lang;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// The direction of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right (English, and text with no strong character in an English field).
    #[default]
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// The natural direction of text in `lang`.
    pub fn of_lang(lang: Lang) -> Direction {
        match lang {
            Lang::Ar => Direction::Rtl,
            Lang::En => Direction::Ltr,
        }
    }

    /// Whether this is right to left.
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    fn level(self) -> u8 {
        match self {
            Direction::Ltr => 0,
            Direction::Rtl => 1,
        }
    }
}

/// Who puts bidirectional text into visual order: khutta or the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BidiMode {
    /// khutta reorders and switches the terminal to explicit mode ([`EXPLICIT_MODE`]) so that
    /// a terminal with its own bidi (VTE, mintty, WezTerm) does not reverse it again.
    #[default]
    App,
    /// Text goes out in logical order for a terminal that reorders by itself and cannot be
    /// switched off (Konsole, mlterm).
    Terminal,
}

/// `CSI 8 l` (BDSM reset): the terminal shows cells in the order they are written.
pub const EXPLICIT_MODE: &str = "\x1b[8l";
/// `CSI 8 h` (BDSM set): the terminal's own bidi again, for the shell after khutta exits.
pub const IMPLICIT_MODE: &str = "\x1b[8h";

impl BidiMode {
    /// The mode named `app` or `terminal`.
    pub fn parse(s: &str) -> Option<BidiMode> {
        match s {
            "app" => Some(BidiMode::App),
            "terminal" => Some(BidiMode::Terminal),
            _ => None,
        }
    }

    /// The name used in the config file and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
        }
    }

    /// What to write to the terminal when the TUI starts.
    pub fn enter_sequence(self) -> &'static str {
        match self {
            BidiMode::App => EXPLICIT_MODE,
            BidiMode::Terminal => "",
        }
    }

    /// What to write when the TUI exits (also from the panic hook).
    pub fn leave_sequence(self) -> &'static str {
        match self {
            BidiMode::App => IMPLICIT_MODE,
            BidiMode::Terminal => "",
        }
    }
}

/// The direction of a paragraph: its first strong letter decides (UAX #9 rule P2), else
/// `fallback` (the field's language). Dangerous characters are skipped: they are shown as
/// escapes and have no say.
pub fn base_direction(text: &str, fallback: Direction) -> Direction {
    text.chars()
        .filter(|c| !is_dangerous(*c))
        .find_map(|c| match bidi_class(c) {
            BidiClass::L => Some(Direction::Ltr),
            BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
            _ => None,
        })
        .unwrap_or(fallback)
}

/// Whether `src` in a paragraph of direction `base` can be anything but left to right.
pub(crate) fn needs_reordering(src: &str, base: Direction) -> bool {
    // Right-to-left classes all live at U+0590 and above (RLM is U+200F).
    base.is_rtl()
        || src.chars().any(|c| {
            c >= '\u{590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN)
        })
}

/// The resolved embedding level of every byte of `src` as one paragraph of direction `base`.
pub(crate) fn resolve_levels(src: &str, base: Direction) -> Vec<Level> {
    let level = match base {
        Direction::Ltr => Level::ltr(),
        Direction::Rtl => Level::rtl(),
    };
    let mut levels = ParagraphBidiInfo::new(src, Some(level)).levels;
    keep_numbers_whole(src.as_bytes(), &mut levels);
    keep_paths_whole(src.as_bytes(), &mut levels);
    levels
}

/// Gives a path or an address (`/tmp/plan`, `./plans/nua`, `https://host/x`), a word of
/// ASCII with a slash in it, one left-to-right level throughout, as if it were isolated. In
/// an Arabic sentence its leading slash is otherwise neutral and takes the sentence's
/// direction, so `/tmp/plan` would read `tmp/plan/`.
fn keep_paths_whole(src: &[u8], levels: &mut [Level]) {
    let mut start = 0;
    while start < src.len() {
        if src[start].is_ascii_whitespace() || !src[start].is_ascii() {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < src.len() && src[end].is_ascii() && !src[end].is_ascii_whitespace() {
            end += 1;
        }
        let word = &src[start..end];
        // A word joined to a non-ASCII letter is not a path: `الخطة/المحلية`, `في/tmp`.
        let whole = (start == 0 || src[start - 1].is_ascii_whitespace())
            && (end == src.len() || src[end].is_ascii_whitespace());
        let level = word
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .and_then(|i| levels.get(start + i).copied());
        if whole
            && word.contains(&b'/')
            && let Some(level) = level.filter(|l| l.is_ltr())
        {
            for l in levels.iter_mut().take(end).skip(start) {
                *l = level;
            }
        }
        start = end;
    }
}

/// Gives the separators inside a date, a time or a grouped number (`2026-11-28`, `10:30`,
/// `1,787,000`) the level of its digits, as if each were isolated. After Arabic letters the
/// algorithm makes digits Arabic numbers (rule W2), and a hyphen between Arabic numbers stays
/// neutral, so `2026-11-28` would read `28-11-2026` in an Arabic sentence.
fn keep_numbers_whole(src: &[u8], levels: &mut [Level]) {
    let mut i = 0;
    while i < src.len() {
        if !src[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < src.len() && src[end].is_ascii_digit() {
            end += 1;
            // One separator between digits belongs to the number.
            if end + 1 < src.len()
                && matches!(src[end], b'-' | b':' | b'/' | b'.' | b',')
                && src[end + 1].is_ascii_digit()
            {
                end += 1;
            }
        }
        if let Some(&level) = levels.get(start) {
            for l in levels.iter_mut().take(end).skip(start) {
                *l = level;
            }
        }
        i = end;
    }
}

/// Stands for the truncation ellipsis in a list of visual items.
pub(crate) const ELLIPSIS_SLOT: usize = usize::MAX;

/// The clusters `line` of `list` (plus the ellipsis when `ellipsis`) in visual order, left to
/// right, each with its level. `levels` are [`resolve_levels`] of the source the clusters point
/// into; `None` means everything is left to right.
pub(crate) fn visual_items(
    list: &[Cluster],
    line: std::ops::Range<usize>,
    levels: Option<&[Level]>,
    base: Direction,
    ellipsis: bool,
) -> Vec<(usize, u8)> {
    let mut items: Vec<(usize, u8)> = Vec::with_capacity(line.len() + 1);
    for i in line {
        let level = list
            .get(i)
            .zip(levels)
            .and_then(|(c, levels)| levels.get(c.src.start))
            .map_or(0, |l| l.number());
        items.push((i, level));
    }
    // Rule L1: trailing whitespace takes the paragraph level, so a space typed at the end of
    // an Arabic field appears on its left.
    for item in items.iter_mut().rev() {
        match list.get(item.0).map(|c| c.kind) {
            Some(ClusterKind::Space | ClusterKind::Hidden) => item.1 = base.level(),
            _ => break,
        }
    }
    if ellipsis {
        // The ellipsis marks where reading stops, so it sits at the paragraph's end side.
        items.push((ELLIPSIS_SLOT, base.level()));
    }
    reverse_runs(&mut items);
    items
}

/// The clusters `line` (plus the ellipsis) in logical order, for a terminal that reorders.
pub(crate) fn logical_items(line: std::ops::Range<usize>, ellipsis: bool) -> Vec<(usize, u8)> {
    let mut items: Vec<(usize, u8)> = line.map(|i| (i, 0)).collect();
    if ellipsis {
        items.push((ELLIPSIS_SLOT, 0));
    }
    items
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every run of items at
/// that level or higher.
fn reverse_runs(items: &mut [(usize, u8)]) {
    let (Some(max), Some(min)) = (
        items.iter().map(|i| i.1).max(),
        items.iter().map(|i| i.1).min(),
    ) else {
        return;
    };
    let lowest_odd = min | 1;
    let mut level = max;
    while level >= lowest_odd {
        let mut i = 0;
        while i < items.len() {
            let start = i;
            while items.get(i).is_some_and(|x| x.1 >= level) {
                i += 1;
            }
            if let Some(run) = items.get_mut(start..i) {
                run.reverse();
            }
            i += 1;
        }
        level -= 1;
    }
}

/// The mirror image of `c` in a right-to-left run: `(` for `)`, `»` for `«`, and so on.
pub(crate) fn mirrored(c: char) -> Option<char> {
    unicode_bidi_mirroring::get_mirrored(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_letter_decides() {
        assert_eq!(
            base_direction("مشروع Alpha", Direction::Ltr),
            Direction::Rtl
        );
        assert_eq!(
            base_direction("UNDP – برنامج", Direction::Rtl),
            Direction::Ltr
        );
        assert_eq!(base_direction("2025-01-01", Direction::Rtl), Direction::Rtl);
        assert_eq!(base_direction("2025-01-01", Direction::Ltr), Direction::Ltr);
        assert_eq!(base_direction("", Direction::Rtl), Direction::Rtl);
        // An override character is not a letter and is skipped.
        assert_eq!(
            base_direction("\u{202e}abc", Direction::Rtl),
            Direction::Ltr
        );
    }

    #[test]
    fn a_date_in_an_arabic_sentence_reads_as_a_date() {
        for text in [
            "اليوم 2026-11-28",
            "من 2021-09-01 إلى 2027-12-31",
            "الساعة 10:30",
            "المبلغ 1,787,000 دولار",
        ] {
            let shown = crate::text::display::visual_line(text, Direction::Rtl);
            for number in text
                .split(' ')
                .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            {
                assert!(shown.contains(number), "{number} in {shown}");
            }
        }
    }

    #[test]
    fn a_path_in_an_arabic_sentence_reads_as_a_path() {
        for (text, path) in [
            ("الخطة     /tmp/plans/nua", "/tmp/plans/nua"),
            ("كُتب ملفان في ./exports/csv", "./exports/csv"),
            (
                "العنوان https://example.org/a/b هنا",
                "https://example.org/a/b",
            ),
        ] {
            let shown = crate::text::display::visual_line(text, Direction::Rtl);
            assert!(shown.contains(path), "{path} in {shown}");
        }
        // Not a path: Arabic words joined by a slash keep the sentence's order.
        let shown = crate::text::display::visual_line("الخطة/المحلية", Direction::Rtl);
        assert!(!shown.contains("الخطة/"), "{shown}");
    }

    #[test]
    fn runs_reverse_by_level() {
        let mut items = vec![(0, 1), (1, 1), (2, 2), (3, 2), (4, 1)];
        reverse_runs(&mut items);
        let order: Vec<_> = items.iter().map(|i| i.0).collect();
        assert_eq!(order, [4, 2, 3, 1, 0]);
        let mut ltr = vec![(0, 0), (1, 0)];
        reverse_runs(&mut ltr);
        assert_eq!(ltr, [(0, 0), (1, 0)]);
    }

    #[test]
    fn modes() {
        assert_eq!(BidiMode::parse("app"), Some(BidiMode::App));
        assert_eq!(BidiMode::parse("terminal"), Some(BidiMode::Terminal));
        assert_eq!(BidiMode::parse("auto"), None);
        assert_eq!(BidiMode::App.enter_sequence(), "\x1b[8l");
        assert_eq!(BidiMode::App.leave_sequence(), "\x1b[8h");
        assert_eq!(BidiMode::Terminal.enter_sequence(), "");
    }
}
