//! Logical text cut into display clusters: the pieces that reordering moves as a whole and that
//! each fill one or more terminal cells.
//!
//! A cluster is one grapheme (a letter with its harakat stays one cluster, so reordering never
//! separates them), the visible escape of a dangerous character, or, with shaping, a lam-alef
//! ligature made of two graphemes. Each cluster remembers where it came from in the logical text
//! (for the editing cursor) and where its display form lies in `src`, the text that the bidi
//! algorithm and the output read.

use super::sanitize::{is_dangerous, push_escape};
use super::shape::{Joining, Shaper, Shaping, joining};
use std::borrow::Cow;
use std::ops::Range;
use unicode_bidi::{BidiClass, bidi_class};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Shown before a combining mark that has no letter to sit on (a haraka typed first).
const DOTTED_CIRCLE: char = '\u{25CC}';

/// What a cluster is, for wrapping, reordering and output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ClusterKind {
    /// Letters, digits, punctuation.
    Text,
    /// A space (also a tab or line break shown as one): where lines may wrap.
    Space,
    /// The visible escape of a control character or bidi override.
    Escape,
    /// A zero-width format character (LRM, ZWSP...): it steers the bidi algorithm but takes no
    /// cell, and ratatui drops it anyway.
    Hidden,
}

/// One display cluster.
#[derive(Clone, Debug)]
pub(crate) struct Cluster {
    /// Byte range of its display form in [`Clusters::src`].
    pub src: Range<usize>,
    /// The logical graphemes it covers (two for a lam-alef ligature).
    pub graphemes: Range<usize>,
    /// Terminal cells, as ratatui's buffer counts them (grapheme by grapheme).
    pub width: usize,
    /// What it is.
    pub kind: ClusterKind,
}

/// A text's clusters and the display source they point into.
#[derive(Debug)]
pub(crate) struct Clusters<'a> {
    /// The display source: the logical text with escapes, spaces for tabs and line breaks,
    /// and presentation forms when shaping. Borrowed when nothing had to change.
    pub src: Cow<'a, str>,
    /// The clusters, in logical order.
    pub list: Vec<Cluster>,
}

impl Clusters<'_> {
    /// The display form of cluster `c`.
    pub fn text(&self, c: &Cluster) -> &str {
        self.src.get(c.src.clone()).unwrap_or("")
    }

    /// The cells of all clusters.
    #[cfg(test)]
    pub fn width(&self) -> usize {
        self.list.iter().map(|c| c.width).sum()
    }
}

/// Builds the display source, borrowing the logical text until the first change.
struct Source<'a> {
    text: &'a str,
    owned: Option<String>,
    borrowed_end: usize,
}

impl<'a> Source<'a> {
    fn len(&self) -> usize {
        self.owned.as_ref().map_or(self.borrowed_end, String::len)
    }

    /// Appends the logical `range` unchanged.
    fn keep(&mut self, range: Range<usize>) -> Range<usize> {
        let start = self.len();
        match &mut self.owned {
            Some(o) => o.push_str(self.text.get(range).unwrap_or("")),
            None => self.borrowed_end = range.end,
        }
        start..self.len()
    }

    /// The owned source, to append a changed display form to.
    fn owned(&mut self) -> &mut String {
        let (text, end) = (self.text, self.borrowed_end);
        self.owned.get_or_insert_with(|| {
            let mut s = String::with_capacity(text.len() + 16);
            s.push_str(text.get(..end).unwrap_or(""));
            s
        })
    }

    fn finish(self) -> Cow<'a, str> {
        match self.owned {
            Some(o) => Cow::Owned(o),
            None => Cow::Borrowed(self.text.get(..self.borrowed_end).unwrap_or("")),
        }
    }
}

/// Cuts logical `text` into display clusters.
pub(crate) fn clusters(text: &str, shaping: Shaping) -> Clusters<'_> {
    let mut src = Source {
        text,
        owned: None,
        borrowed_end: 0,
    };
    // Arabic letters take two bytes, most harakat two more: half the bytes is a fair guess.
    let mut list = Vec::with_capacity(text.len() / 2 + 4);
    let mut shaper = Shaper::default();
    let mut graphemes = text.grapheme_indices(true).peekable();
    let mut index = 0;
    while let Some((start, g)) = graphemes.next() {
        let logical = start..start + g.len();
        let mut covered = 1;
        let first = g.chars().next().unwrap_or(' ');
        let (range, width, kind);
        if matches!(g, "\n" | "\r\n" | "\t") {
            shaper.reset();
            let begin = src.len();
            src.owned().push(' ');
            (range, width, kind) = (begin..src.len(), 1, ClusterKind::Space);
        } else if g.chars().any(is_dangerous) {
            shaper.reset();
            let begin = src.len();
            let out = src.owned();
            for c in g.chars() {
                if is_dangerous(c) {
                    push_escape(c, out);
                } else {
                    out.push(c);
                }
            }
            let w = out.get(begin..).map_or(0, UnicodeWidthStr::width);
            (range, width, kind) = (begin..src.len(), w, ClusterKind::Escape);
        } else if shaping == Shaping::App && joining(first) != Joining::None {
            let next = graphemes.peek().map(|(_, n)| *n);
            let begin = src.len();
            if shaper.push(g, next, src.owned()) {
                graphemes.next();
                covered = 2;
            }
            let end = src.len();
            let w = src
                .owned()
                .get(begin..end)
                .map_or(0, UnicodeWidthStr::width);
            (range, width, kind) = (begin..end, w, ClusterKind::Text);
        } else {
            shaper.reset();
            let w = g.width();
            if w == 0 && bidi_class(first) == BidiClass::NSM {
                // A lone mark would otherwise land on whatever the terminal drew before it.
                let begin = src.len();
                let out = src.owned();
                out.push(DOTTED_CIRCLE);
                out.push_str(g);
                (range, width, kind) = (begin..src.len(), 1, ClusterKind::Text);
            } else {
                let kind_of = match (w, g) {
                    (0, _) => ClusterKind::Hidden,
                    (_, " ") => ClusterKind::Space,
                    _ => ClusterKind::Text,
                };
                (range, width, kind) = (src.keep(logical.clone()), w, kind_of);
            }
        }
        list.push(Cluster {
            src: range,
            graphemes: index..index + covered,
            width,
            kind,
        });
        index += covered;
    }
    Clusters {
        src: src.finish(),
        list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, shaping: Shaping) -> Vec<(String, usize)> {
        let c = clusters(text, shaping);
        c.list
            .iter()
            .map(|x| (c.text(x).to_owned(), x.width))
            .collect()
    }

    #[test]
    fn letters_keep_their_harakat() {
        // "مَرْحَبًا": five clusters, each one cell.
        let c = clusters("مَرْحَبًا", Shaping::Terminal);
        assert!(matches!(c.src, Cow::Borrowed(_)));
        let texts: Vec<_> = c.list.iter().map(|x| c.text(x)).collect();
        assert_eq!(texts, ["مَ", "رْ", "حَ", "بً", "ا"]);
        assert_eq!(c.width(), 5);
    }

    #[test]
    fn lam_alef_is_two_cells_unless_shaped() {
        assert_eq!(clusters("لا", Shaping::Terminal).width(), 2);
        let shaped = clusters("لا", Shaping::App);
        assert_eq!(shaped.list.len(), 1);
        assert_eq!(shaped.width(), 1);
        assert_eq!(shaped.list[0].graphemes, 0..2);
    }

    #[test]
    fn controls_become_visible_escapes() {
        assert_eq!(
            shown("a\u{1b}b\u{202e}", Shaping::Terminal),
            [
                ("a".into(), 1),
                ("\\u{1b}".into(), 6),
                ("b".into(), 1),
                ("\\u{202e}".into(), 8)
            ]
        );
        assert_eq!(shown("a\tb", Shaping::Terminal)[1], (" ".into(), 1));
    }

    #[test]
    fn lone_mark_gets_a_dotted_circle() {
        assert_eq!(
            shown("\u{64E}", Shaping::Terminal),
            [("\u{25CC}\u{64E}".into(), 1)]
        );
        // A left-to-right mark steers reordering but takes no cell.
        let c = clusters("a\u{200E}", Shaping::Terminal);
        assert_eq!(c.list[1].kind, ClusterKind::Hidden);
        assert_eq!(c.width(), 1);
    }
}
