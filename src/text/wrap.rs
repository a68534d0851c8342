//! Wrapping a paragraph into lines, on logical text.
//!
//! Lines must be cut before reordering: reordering first and wrapping the visual string puts an
//! Arabic paragraph's lines in the wrong order (its end would come first). Each wrapped line is
//! then reordered with the levels of the whole paragraph.

use super::cluster::{Cluster, ClusterKind};
use std::ops::Range;

/// Greedy word wrap of `list` into lines of at most `width` cells, as ranges of clusters.
///
/// Lines break at spaces, and the spaces at a break are dropped; a word wider than a line is
/// cut between clusters (never inside one, so a letter keeps its harakat). Always at least one
/// line, possibly empty.
pub(crate) fn wrap(list: &[Cluster], width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The line being filled is list[start..end]; `used` is its width.
    let (mut start, mut end, mut used) = (0, 0, 0);
    let mut i = 0;
    while i < list.len() {
        let spaces = i..skip(list, i, true);
        let word = spaces.end..skip(list, spaces.end, false);
        i = word.end;
        if word.is_empty() {
            // Spaces at the end of the paragraph.
            break;
        }
        let (spaces_w, word_w) = (cells(list, &spaces), cells(list, &word));
        if used + spaces_w + word_w <= width {
            end = word.end;
            used += spaces_w + word_w;
            continue;
        }
        if end > start {
            lines.push(start..end);
        }
        // The word opens a new line, without the spaces before it; a word wider than the
        // line is cut into line-sized pieces.
        (start, end, used) = (word.start, word.start, 0);
        for (j, c) in list.iter().enumerate().take(word.end).skip(word.start) {
            if used + c.width > width && end > start {
                lines.push(start..end);
                (start, used) = (end, 0);
            }
            used += c.width;
            end = j + 1;
        }
    }
    if end > start || lines.is_empty() {
        lines.push(start..end);
    }
    lines
}

/// The index after the run of spaces (`spaces`) or of non-spaces starting at `from`.
fn skip(list: &[Cluster], from: usize, spaces: bool) -> usize {
    let run = list
        .iter()
        .skip(from)
        .take_while(|c| (c.kind == ClusterKind::Space) == spaces)
        .count();
    from + run
}

fn cells(list: &[Cluster], range: &Range<usize>) -> usize {
    list.get(range.clone())
        .map_or(0, |r| r.iter().map(|c| c.width).sum())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Shaping;
    use crate::text::cluster::clusters;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let c = clusters(text, Shaping::Terminal);
        wrap(&c.list, width)
            .into_iter()
            .map(|r| {
                let (Some(first), Some(last)) = (
                    c.list.get(r.start),
                    r.end.checked_sub(1).and_then(|e| c.list.get(e)),
                ) else {
                    return String::new();
                };
                c.src[first.src.start..last.src.end].to_owned()
            })
            .collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(lines("one two three four", 9), ["one two", "three", "four"]);
        // Arabic wraps on its logical text: "واحد اثنان" first ("one two"), not the end.
        assert_eq!(
            lines("واحد اثنان ثلاثة اربعة خمسة", 12),
            ["واحد اثنان", "ثلاثة اربعة", "خمسة"]
        );
    }

    #[test]
    fn long_words_are_cut_between_letters() {
        assert_eq!(lines("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        // Harakat stay with their letter: three letters a line.
        assert_eq!(lines("مَرْحَبًا", 3), ["مَرْحَ", "بًا"]);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("   ", 5), [""]);
        assert_eq!(lines("  indented", 20), ["  indented"]);
    }
}
