//! A review as lines of text: what each line says, so that a view can colour it, and for a row
//! of a table where its cells are.
//!
//! The text is in logical order and escaped, ready for a pipe or a file. For a terminal on
//! which khutta puts Arabic into display order, [`Line::visual`] reorders a line of prose as a
//! whole after its indentation (which stays on the left, so that the outline still shows), and
//! a row of a table cell by cell: reordered as one paragraph, an Arabic header would swap
//! places with the header beside it and no longer sit above its column.

use crate::text::{Direction, str_width, visual_line};
use std::fmt::Write as _;
use std::ops::Range;

/// What a line of a review says, so that views can colour it in any language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The head of a section: a kind of entity, `plan.ron`, money, the schedule.
    Heading,
    /// An entity that was added.
    Added,
    /// An entity that was removed.
    Removed,
    /// An entity that was renamed.
    Renamed,
    /// An entity whose fields changed.
    Changed,
    /// A problem the change introduces.
    Introduced,
    /// A problem the change fixes.
    Fixed,
    /// Anything else: a field, a row of a table, a note.
    Detail,
}

/// One line of a review: its text in logical order, escaped, without the line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// What the line says.
    pub kind: LineKind,
    /// The text, as written to a pipe.
    pub text: String,
    /// For a row of a table, the byte range of each cell's text in `text`; empty for prose.
    cells: Vec<Range<usize>>,
}

impl Line {
    /// A line of prose.
    pub fn new(kind: LineKind, text: impl Into<String>) -> Line {
        Line {
            kind,
            text: text.into(),
            cells: Vec::new(),
        }
    }

    /// Whether the line is a row of a table.
    pub(crate) fn is_row(&self) -> bool {
        !self.cells.is_empty()
    }

    /// The line in display order, for a terminal that does no bidi of its own: the
    /// indentation first, then the rest reordered as a paragraph whose direction is its first
    /// strong letter's (`fallback` when it has none); a table row cell by cell, each cell
    /// as wide as before, so that the columns stay where they are.
    pub fn visual(&self, fallback: Direction) -> String {
        if self.cells.is_empty() {
            let rest = self.text.trim_start_matches(' ');
            let indent = self.text.len() - rest.len();
            return format!("{:indent$}{}", "", visual_line(rest, fallback));
        }
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for cell in &self.cells {
            out.push_str(self.text.get(at..cell.start).unwrap_or(""));
            // A cell with no letter (a date, an amount) reads left to right, as in English.
            let text = self.text.get(cell.clone()).unwrap_or("");
            out.push_str(&visual_line(text, Direction::Ltr));
            at = cell.end;
        }
        out.push_str(self.text.get(at..).unwrap_or(""));
        out
    }
}

/// Where the cells of a column sit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    /// On the left (names, and cells holding arrows).
    Left,
    /// On the right (amounts, as in a ledger).
    Right,
}

/// Rows of cells as table lines after `indent`: each column as wide as its widest cell in
/// terminal cells, so that Arabic text lines up as well as ASCII, two spaces between columns.
/// Columns past the end of `columns` sit on the left.
pub(crate) fn table(rows: &[Vec<String>], indent: &str, columns: &[Column]) -> Vec<Line> {
    let mut widths = vec![0usize; rows.iter().map(Vec::len).max().unwrap_or(0)];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(str_width(c));
        }
    }
    rows.iter()
        .map(|r| {
            let mut text = String::from(indent);
            let mut cells = Vec::with_capacity(r.len());
            for (i, (c, w)) in r.iter().zip(&widths).enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                let pad = w.saturating_sub(str_width(c));
                let right = columns.get(i) == Some(&Column::Right);
                if right {
                    let _ = write!(text, "{:pad$}", "");
                }
                cells.push(text.len()..text.len() + c.len());
                text.push_str(c);
                if !right {
                    let _ = write!(text, "{:pad$}", "");
                }
            }
            let kept = text.trim_end().len();
            text.truncate(kept);
            for cell in &mut cells {
                cell.end = cell.end.min(kept);
                cell.start = cell.start.min(cell.end);
            }
            Line {
                kind: LineKind::Detail,
                text,
                cells,
            }
        })
        .collect()
}

/// The lines as one text, each ending with a line break.
pub fn join(lines: &[Line]) -> String {
    let mut s = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for l in lines {
        s.push_str(&l.text);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_keeps_its_columns_in_display_order() {
        let rows = vec![
            vec!["النشاط".to_owned(), "قبل".to_owned(), "بعد".to_owned()],
            vec!["egm".to_owned(), "8,000".to_owned(), "9,000".to_owned()],
        ];
        let lines = table(&rows, "  ", &[Column::Left, Column::Right, Column::Right]);
        assert_eq!(lines[0].text, "  النشاط    قبل    بعد");
        assert_eq!(lines[1].text, "  egm     8,000  9,000");
        // Each header reads right to left where it stands; the columns do not move.
        let header = lines[0].visual(Direction::Rtl);
        assert_eq!(header, "  طاشنلا    لبق    دعب");
        assert_eq!(str_width(&header), str_width(&lines[1].text));
        assert_eq!(lines[1].visual(Direction::Rtl), lines[1].text);
    }

    #[test]
    fn prose_keeps_its_indentation_on_the_left() {
        // Each word reversed with its harakat, the words from the right; the indent stays.
        let line = Line::new(LineKind::Added, "    أُضيف egm: اجتماع");
        assert_eq!(line.visual(Direction::Rtl), "    عامتجا :egm فيضأُ");
        let plain = Line::new(LineKind::Detail, "  progress: 0 -> 50");
        assert_eq!(plain.visual(Direction::Rtl), "  progress: 0 -> 50");
    }
}
