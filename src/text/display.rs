//! The one entry point for showing plan text: escaped, shaped, cut, reordered and padded.
//!
//! The TUI, `khutta gantt`, `check` output and exports all go through [`display_line`] (one
//! line, cut with an ellipsis) or [`display_paragraph`] (wrapped). The steps, in this order:
//! 1. control characters and bidi overrides become visible escapes (they never reach the
//!    terminal, and they cannot steer the reordering);
//! 2. optional shaping into presentation forms (on logical text: joining follows reading order);
//! 3. cutting or wrapping on the logical text, by grapheme widths;
//! 4. reordering each line by the levels of its paragraph, moving whole clusters and mirroring
//!    brackets in right-to-left runs (skipped in [`BidiMode::Terminal`]);
//! 5. padding to the column, right-to-left paragraphs on the right.

use super::bidi::{
    BidiMode, Direction, ELLIPSIS_SLOT, base_direction, logical_items, mirrored, needs_reordering,
    resolve_levels, visual_items,
};
use super::cluster::{ClusterKind, Clusters, clusters};
use super::shape::Shaping;
use super::width::{Align, ELLIPSIS, Segments, fit, padding, segments};
use super::wrap::wrap;
use crate::lang::Lang;
use unicode_bidi::Level;

/// How text is turned into display lines; part of a display cache's key.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DisplayOptions {
    /// Who reorders bidirectional text.
    pub bidi: BidiMode,
    /// Who joins Arabic letters.
    pub shaping: Shaping,
    /// The direction of a paragraph with no strong letter (digits, a date, blank): the
    /// direction of the field's language.
    pub fallback: Direction,
    /// Where a line sits in its column.
    pub align: Align,
}

impl DisplayOptions {
    /// Options for a field in `lang`, with the default modes and natural alignment.
    pub fn for_lang(lang: Lang) -> DisplayOptions {
        DisplayOptions {
            fallback: Direction::of_lang(lang),
            ..DisplayOptions::default()
        }
    }
}

/// One line ready to draw: visual order, escaped, padded to its column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayLine {
    /// The characters to draw, left to right, padding included.
    pub text: String,
    /// The cells `text` takes (grapheme by grapheme, as ratatui's buffer counts them).
    pub width: usize,
    /// The direction of the paragraph the line belongs to.
    pub direction: Direction,
    /// Whether text was cut and an ellipsis added.
    pub truncated: bool,
}

impl DisplayLine {
    /// The pieces to turn into one ratatui `Span` each, so that ratatui's width of the `Line`
    /// matches its cells (see [`segments`]).
    pub fn segments(&self) -> Segments<'_> {
        segments(&self.text)
    }
}

/// `text` as one line of `width` cells (`usize::MAX`: no limit and no padding): line breaks
/// and tabs shown as spaces, cut with an ellipsis on its logical end when too long.
pub fn display_line(text: &str, width: usize, opts: &DisplayOptions) -> DisplayLine {
    let direction = base_direction(text, opts.fallback);
    if direction == Direction::Ltr && text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return ascii_line(text, width, opts.align);
    }
    let cl = clusters(text, opts.shaping);
    let fit = fit(&cl.list, width);
    let levels = match cl.list.get(..fit.count).and_then(<[_]>::last) {
        Some(last) if opts.bidi == BidiMode::App => {
            let src = cl.src.get(..last.src.end).unwrap_or("");
            needs_reordering(src, direction).then(|| resolve_levels(src, direction))
        }
        _ => None,
    };
    let items = match opts.bidi {
        BidiMode::App => visual_items(
            &cl.list,
            0..fit.count,
            levels.as_deref(),
            direction,
            fit.ellipsis,
        ),
        BidiMode::Terminal => logical_items(0..fit.count, fit.ellipsis),
    };
    let mut line = render(&cl, &items, fit.width, width, opts, direction);
    line.truncated = fit.ellipsis;
    line
}

/// `text` wrapped into lines of `width` cells; each line of the logical text (`\n`) is a
/// paragraph with its own direction. Always at least one line.
pub fn display_paragraph(text: &str, width: usize, opts: &DisplayOptions) -> Vec<DisplayLine> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let para = para.strip_suffix('\r').unwrap_or(para);
        let direction = base_direction(para, opts.fallback);
        let cl = clusters(para, opts.shaping);
        // Levels come from the whole paragraph, then each line is reordered on its own.
        let levels: Option<Vec<Level>> = (opts.bidi == BidiMode::App
            && needs_reordering(&cl.src, direction))
        .then(|| resolve_levels(&cl.src, direction));
        for line in wrap(&cl.list, width) {
            let cells = cl
                .list
                .get(line.clone())
                .map_or(0, |l| l.iter().map(|c| c.width).sum());
            let items = match opts.bidi {
                BidiMode::App => visual_items(&cl.list, line, levels.as_deref(), direction, false),
                BidiMode::Terminal => logical_items(line, false),
            };
            out.push(render(&cl, &items, cells, width, opts, direction));
        }
    }
    out
}

/// `text` in visual order, as one unpadded line (for tests, logs and quick output).
pub fn visual_line(text: &str, fallback: Direction) -> String {
    let opts = DisplayOptions {
        fallback,
        align: Align::None,
        ..DisplayOptions::default()
    };
    display_line(text, usize::MAX, &opts).text
}

/// The common case of plain English: no clusters, no bidi, one allocation.
fn ascii_line(text: &str, width: usize, align: Align) -> DisplayLine {
    let truncated = text.len() > width;
    let kept = if truncated {
        text.get(..width.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches(' ')
    } else {
        text
    };
    let content = kept.len() + usize::from(truncated && width > 0);
    let (left, right) = padding(content, width, align, false);
    let mut out = String::with_capacity(left + text.len().min(width.saturating_add(2)) + right);
    out.extend(std::iter::repeat_n(' ', left));
    out.push_str(kept);
    if truncated && width > 0 {
        out.push(ELLIPSIS);
    }
    out.extend(std::iter::repeat_n(' ', right));
    DisplayLine {
        text: out,
        width: left + content + right,
        direction: Direction::Ltr,
        truncated,
    }
}

/// Writes visual `items` of `cl`, `content` cells wide, into a line padded to `width`.
pub(crate) fn render(
    cl: &Clusters<'_>,
    items: &[(usize, u8)],
    content: usize,
    width: usize,
    opts: &DisplayOptions,
    direction: Direction,
) -> DisplayLine {
    let (left, right) = padding(content, width, opts.align, direction.is_rtl());
    let mut out = String::with_capacity(left + cl.src.len() + 4 + right);
    out.extend(std::iter::repeat_n(' ', left));
    let reordering = opts.bidi == BidiMode::App;
    for &(i, level) in items {
        if i == ELLIPSIS_SLOT {
            out.push(ELLIPSIS);
            continue;
        }
        let Some(c) = cl.list.get(i) else { continue };
        if reordering && c.kind == ClusterKind::Hidden {
            // Its work (steering the order) is done; ratatui would drop it anyway.
            continue;
        }
        let shown = cl.text(c);
        let mut chars = shown.chars();
        // Rule L4: a bracket in a right-to-left run is drawn as its mirror image.
        let mirror = chars
            .next()
            .filter(|_| reordering && level % 2 == 1)
            .and_then(mirrored);
        match mirror {
            Some(m) => {
                out.push(m);
                out.push_str(chars.as_str());
            }
            None => out.push_str(shown),
        }
    }
    out.extend(std::iter::repeat_n(' ', right));
    DisplayLine {
        text: out,
        width: left + content + right,
        direction,
        truncated: false,
    }
}
