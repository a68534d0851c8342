//! Plan text on its way into HTML: shown, never interpreted.
//!
//! Plan text is written by other organisations. A title holding `<script>` must read as those
//! characters, and one holding a bidi override or a zero-width space must not disguise what
//! it says, so control and invisible characters become the visible escapes the command line
//! shows (`text::escape_controls`) before the five HTML specials become entities.

use crate::text::escape_controls;

/// Appends `s` with `&`, `<`, `>`, `"` and `'` as entities: for text the code wrote itself
/// (messages, dates, numbers) in an element or a quoted attribute.
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` escaped by [`push_escaped`].
pub(crate) fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

/// Appends one line of plan text: controls and invisible characters as escapes, then HTML's
/// specials as entities.
pub(crate) fn push_plan_text(out: &mut String, s: &str) {
    push_escaped(out, &escape_controls(s));
}

/// One line of plan text, escaped by [`push_plan_text`].
pub(crate) fn plan_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_plan_text(&mut out, s);
    out
}

/// Appends plan text that may hold several lines (a summary, a free-text answer): each line
/// escaped by [`push_plan_text`], the lines joined by `<br>`.
pub(crate) fn push_paragraph(out: &mut String, s: &str) {
    let s = s.replace("\r\n", "\n");
    for (i, line) in s.split(['\n', '\r']).enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        push_plan_text(out, line);
    }
}

/// Appends plan text isolated from what surrounds it (`<bdi>`), so that an English title in
/// an Arabic sentence, or the reverse, keeps its own direction and does not reorder its
/// neighbours.
pub(crate) fn push_bdi(out: &mut String, s: &str) {
    out.push_str("<bdi>");
    push_plan_text(out, s);
    out.push_str("</bdi>");
}
