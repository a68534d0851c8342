//! A text field's editing buffer: logical text and a cursor between graphemes.
//!
//! Every edit happens on the logical text; the display is recomputed from it. The cursor is a
//! grapheme index (0 = before the first grapheme), so it never lands between a letter and its
//! harakat.
//!
//! Decisions:
//! - **Backspace** removes the whole grapheme before the cursor (a letter with its harakat),
//!   except right after typing harakat: then it removes the last haraka typed, one per press,
//!   as Arabic keyboards on phones and desktops do, so a mistyped vowel costs one key.
//!   Any other key (a move, a letter, Delete) ends that state.
//! - **Delete** removes the whole grapheme after the cursor.
//! - **Left/Right** move visually: in a right-to-left field Left goes forward in reading
//!   order. In mixed text the cursor walks the cells of the reordered line one by one (GTK's
//!   choice), so inside an English word in an Arabic field Left still goes left. With
//!   `bidi = terminal` khutta cannot know the terminal's order and moves logically, Left
//!   forward in a right-to-left field.
//! - **Home/End** go to the logical start and end: the right and left edges of an Arabic field.
//! - The cursor is drawn on the cell of the grapheme after it (the one that typing pushes
//!   along), as terminals do; at the end of the text, one cell past the paragraph's end: left
//!   of an Arabic text, right of an English one. A field keeps one cell for that.

use super::bidi::{
    BidiMode, Direction, base_direction, logical_items, needs_reordering, resolve_levels,
    visual_items,
};
use super::cluster::{Cluster, clusters};
use super::display::{DisplayLine, DisplayOptions, render};
use super::width::padding;
use unicode_bidi::{BidiClass, bidi_class};
use unicode_segmentation::UnicodeSegmentation;

/// The text of a field being edited, with its cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditBuffer {
    text: String,
    cursor: usize,
    /// Harakat typed in a row at the cursor, which Backspace takes back one by one.
    marks_typed: usize,
    opts: DisplayOptions,
}

/// What to draw for a field: its line and the column of the cursor in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldView {
    /// The visible part of the text, padded to the field's width.
    pub line: DisplayLine,
    /// The cursor's column, from the field's left edge.
    pub cursor: usize,
}

impl EditBuffer {
    /// A buffer holding `text`, with the cursor at its end; `opts` are the field's display
    /// options (its language's fallback direction, the bidi and shaping settings).
    pub fn new(text: impl Into<String>, opts: DisplayOptions) -> EditBuffer {
        let text = text.into();
        let cursor = text.graphemes(true).count();
        EditBuffer {
            text,
            cursor,
            marks_typed: 0,
            opts,
        }
    }

    /// The display options the buffer was made with.
    pub fn options(&self) -> DisplayOptions {
        self.opts
    }

    /// The logical text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The logical text, giving up the buffer.
    pub(crate) fn into_text(self) -> String {
        self.text
    }

    /// The cursor: how many graphemes come before it.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Places the cursor before grapheme `index` (at the end when past it).
    pub fn set_cursor(&mut self, index: usize) {
        self.cursor = index.min(self.len());
        self.marks_typed = 0;
    }

    /// The number of graphemes.
    pub fn len(&self) -> usize {
        self.text.graphemes(true).count()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The direction of the field's paragraph (first strong letter, else the field's language).
    pub fn direction(&self) -> Direction {
        base_direction(&self.text, self.opts.fallback)
    }

    /// Types `c` at the cursor. A haraka joins the letter before it and the cursor stays after
    /// that letter.
    pub fn insert_char(&mut self, c: char) {
        let before = self.cursor;
        let mut buf = [0; 4];
        self.insert(c.encode_utf8(&mut buf));
        let joined = self.cursor == before && bidi_class(c) == BidiClass::NSM;
        self.marks_typed = if joined { self.marks_typed + 1 } else { 0 };
    }

    /// Inserts `s` (pasted text) at the cursor and places the cursor after it.
    pub fn insert_str(&mut self, s: &str) {
        self.insert(s);
        self.marks_typed = 0;
    }

    fn insert(&mut self, s: &str) {
        let at = self.byte_of(self.cursor);
        self.text.insert_str(at, s);
        self.cursor = self.graphemes_before(at + s.len());
    }

    /// Backspace; false when there was nothing before the cursor.
    pub fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let end = self.byte_of(self.cursor);
        if self.marks_typed > 0 {
            self.marks_typed -= 1;
            let last = self.text.get(..end).and_then(|t| t.chars().next_back());
            if let Some(mark) = last.filter(|m| bidi_class(*m) == BidiClass::NSM) {
                let start = end - mark.len_utf8();
                self.remove(start, end);
                return true;
            }
        }
        self.marks_typed = 0;
        let start = self.byte_of(self.cursor - 1);
        self.remove(start, end);
        true
    }

    /// Delete; false when there was nothing after the cursor.
    pub fn delete(&mut self) -> bool {
        self.marks_typed = 0;
        let start = self.byte_of(self.cursor);
        let end = self.byte_of(self.cursor + 1);
        if start == end {
            return false;
        }
        self.remove(start, end);
        true
    }

    fn remove(&mut self, start: usize, end: usize) {
        if self.text.is_char_boundary(start) && self.text.is_char_boundary(end) && start <= end {
            self.text.replace_range(start..end, "");
        }
        self.cursor = self.graphemes_before(start);
    }

    /// Moves to the logical start (the right edge of an Arabic field).
    pub fn home(&mut self) {
        self.set_cursor(0);
    }

    /// Moves to the logical end (the left edge of an Arabic field).
    pub fn end(&mut self) {
        self.set_cursor(self.len());
    }

    /// Moves one cell to the left on screen.
    pub fn move_left(&mut self) {
        self.step(false);
    }

    /// Moves one cell to the right on screen.
    pub fn move_right(&mut self) {
        self.step(true);
    }

    fn step(&mut self, right: bool) {
        self.marks_typed = 0;
        let stops = self.stops();
        let Some(here) = stops.iter().position(|s| *s == self.cursor) else {
            return;
        };
        let there = if right {
            here.checked_add(1)
        } else {
            here.checked_sub(1)
        };
        if let Some(s) = there.and_then(|t| stops.get(t)) {
            self.cursor = *s;
        }
    }

    /// Every cursor position, in the order of the cells they are drawn on, left to right.
    fn stops(&self) -> Vec<usize> {
        let n = self.len();
        let rtl = self.direction().is_rtl();
        let mut stops = Vec::with_capacity(n + 1);
        if self.opts.bidi == BidiMode::Terminal {
            stops.extend(0..=n);
            if rtl {
                stops.reverse();
            }
            return stops;
        }
        let cl = clusters(&self.text, self.opts.shaping);
        let dir = self.direction();
        let levels = needs_reordering(&cl.src, dir).then(|| resolve_levels(&cl.src, dir));
        if rtl {
            stops.push(n);
        }
        for (i, level) in visual_items(&cl.list, 0..cl.list.len(), levels.as_deref(), dir, false) {
            if let Some(c) = cl.list.get(i) {
                // A ligature's two graphemes share a cell; in a right-to-left run the later
                // one is further left.
                if level % 2 == 1 {
                    stops.extend(c.graphemes.clone().rev());
                } else {
                    stops.extend(c.graphemes.clone());
                }
            }
        }
        if !rtl {
            stops.push(n);
        }
        stops
    }

    /// The field drawn `width` cells wide: the part of the text around the cursor, and the
    /// cursor's column.
    pub fn view(&self, width: usize) -> FieldView {
        let dir = self.direction();
        let cl = clusters(&self.text, self.opts.shaping);
        let at = cl
            .list
            .iter()
            .position(|c| c.graphemes.contains(&self.cursor))
            .unwrap_or(cl.list.len());
        let shown = window(&cl.list, at, width.saturating_sub(1));
        let items = match self.opts.bidi {
            BidiMode::App => {
                let levels = needs_reordering(&cl.src, dir).then(|| resolve_levels(&cl.src, dir));
                visual_items(&cl.list, shown.clone(), levels.as_deref(), dir, false)
            }
            BidiMode::Terminal => logical_items(shown.clone(), false),
        };
        let content: usize = cl
            .list
            .get(shown)
            .map_or(0, |s| s.iter().map(|c| c.width).sum());
        let (left, _) = padding(content, width, self.opts.align, dir.is_rtl());
        let mut x = left;
        let mut cursor = None;
        for (i, level) in &items {
            let w = cl.list.get(*i).map_or(0, |c| c.width);
            if *i == at {
                // A zero-width character (a bidi mark) has no cell: show the cursor on the
                // cell of the character that follows it in reading order.
                cursor = Some(if w == 0 && level % 2 == 1 {
                    x.saturating_sub(1)
                } else {
                    x
                });
                break;
            }
            x += w;
        }
        let cursor = cursor.unwrap_or(if dir.is_rtl() && self.opts.bidi == BidiMode::App {
            left.saturating_sub(1)
        } else {
            left + content
        });
        FieldView {
            line: render(&cl, &items, content, width, &self.opts, dir),
            cursor: cursor.min(width.saturating_sub(1)),
        }
    }

    fn byte_of(&self, grapheme: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .nth(grapheme)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn graphemes_before(&self, byte: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .take_while(|(i, _)| *i < byte)
            .count()
    }
}

/// The clusters to show in `budget` cells so that cluster `at` (or the end) is visible,
/// preferring the text before it.
fn window(list: &[Cluster], at: usize, budget: usize) -> std::ops::Range<usize> {
    let total: usize = list.iter().map(|c| c.width).sum();
    if total <= budget {
        return 0..list.len();
    }
    let (mut start, mut end) = (at.min(list.len()), (at + 1).min(list.len()));
    let mut used = list.get(at).map_or(0, |c| c.width);
    while let Some(c) = start.checked_sub(1).and_then(|i| list.get(i)) {
        if used + c.width > budget {
            break;
        }
        used += c.width;
        start -= 1;
    }
    while let Some(c) = list.get(end) {
        if used + c.width > budget {
            break;
        }
        used += c.width;
        end += 1;
    }
    start..end
}
