//! Control characters, escape sequences, bidi overrides and invisible characters are shown,
//! never sent raw.
//!
//! A title holding `ESC [ 2 J` would clear a reviewer's screen; one holding U+202E would make
//! the rest of a line read backwards and could disguise an id; one holding U+200B (or a
//! direction mark, a byte-order mark, a tag character) looks exactly like another title that
//! does not. Each such character is replaced by a visible escape such as `\u{1b}`. The
//! joiners U+200C and U+200D are left alone: Persian and Arabic text uses them.

/// Whether `c` must not reach a terminal as-is.
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidi embeddings, overrides and isolates: they change how the rest of the line is shown.
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // Line and paragraph separators break a one-line field.
        | '\u{2028}' | '\u{2029}'
        // Invisible: a zero-width space, word joiners and invisible operators, a byte-order
        // mark, the soft hyphen, the Mongolian vowel separator, tags.
        | '\u{200b}' | '\u{2060}'..='\u{2064}'
        | '\u{feff}' | '\u{ad}' | '\u{180e}' | '\u{e0000}'..='\u{e007f}')
}

/// Text pasted into a one-line field, as it should be kept: line breaks of any platform
/// (CR LF, CR, LF, U+2028) and tabs become one space each, and what [`is_dangerous`] names is
/// dropped; a line break at the end is dropped too. A paste from a web page or a spreadsheet brings these along unseen; typed, none of
/// them could be entered.
pub fn clean_paste(s: &str) -> String {
    // A copied line usually brings its line break along: it ends the paste, not the text.
    let s = s.trim_end_matches(['\r', '\n']);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_dangerous(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The left-to-right, right-to-left and Arabic letter marks. The TUI, which lays out mixed
/// Arabic and English itself, lets them steer the order and shows nothing; in CLI text, which
/// a terminal lays out, they are shown, since a mark is all that tells two ids apart there.
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// `s` with every dangerous character, direction mark, tab and newline replaced by a visible
/// escape: the one door for plan text on its way into CLI output.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_dangerous(c) || is_direction_mark(c) || matches!(c, '\n' | '\t' | '\r'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_dangerous(c) || is_direction_mark(c) => push_escape(c, &mut out),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A cell of a CSV file khutta writes, made safe for spreadsheets: text starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be read as a formula (`=HYPERLINK(...)`
/// in a participant's answer becomes a live link), so it gets a leading `'`, which
/// spreadsheets show as text. Numbers such as `-3` are left as they are.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if !risky || s.parse::<f64>().is_ok() {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(format!("'{s}"))
}

/// Appends the visible escape of `c` (`\u{1b}`) to `out`.
pub(crate) fn push_escape(c: char, out: &mut String) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("خطة (plan)"), "خطة (plan)");
        assert_eq!(escape_controls("a\nb"), "a\\nb");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("-3"), "-3");
        assert_eq!(csv_cell("-0.25"), "-0.25");
        assert_eq!(csv_cell("-x"), "'-x");
        assert_eq!(csv_cell("نص"), "نص");
        assert_eq!(escape_controls("Tunis\u{200b}"), "Tunis\\u{200b}");
        assert_eq!(escape_controls("a\u{e0041}"), "a\\u{e0041}");
        assert_eq!(escape_controls("a\u{200e}b"), "a\\u{200e}b");
        // Joiners belong to Persian and Arabic text.
        assert_eq!(escape_controls("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }
}
