//! Control characters, escape sequences and bidi overrides are shown, never sent raw.
//!
//! A title holding `ESC [ 2 J` would clear a reviewer's screen; one holding U+202E would make
//! the rest of a line read backwards and could disguise an id. Each such character is replaced
//! by a visible escape such as `\u{1b}`.

/// Whether `c` must not reach a terminal as-is.
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidi embeddings, overrides and isolates: they change how the rest of the line is shown.
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // Line and paragraph separators break a one-line field.
        | '\u{2028}' | '\u{2029}')
}

/// `s` with every dangerous character (and tab and newline) replaced by a visible escape.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_dangerous(c) || c == '\n' || c == '\t' || c == '\r')
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_dangerous(c) => push_escape(c, &mut out),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
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
    }
}
