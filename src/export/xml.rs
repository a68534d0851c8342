//! A small XML writer for the exports: indented elements, every text and attribute escaped.
//!
//! Plan text is written by partners and may hold anything: `&`, `<`, quotes, and characters
//! XML 1.0 cannot carry at all (most C0 controls, lone surrogates cannot occur in a `str`).
//! Those are replaced with U+FFFD, so the file stays well-formed whatever the plan holds.

use std::fmt::Write;

/// An XML document being written, one element at a time.
pub(crate) struct Xml {
    out: String,
    open: Vec<&'static str>,
}

/// Whether XML 1.0 can carry `c` at all.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` escaped for element content.
pub(crate) fn text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A bare CR would be read back as LF: keep it as written.
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// `s` escaped for a double-quoted attribute value; line breaks and tabs as references, since
/// a parser turns literal ones into spaces.
pub(crate) fn attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => text(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

impl Xml {
    /// A document starting with the XML declaration.
    pub(crate) fn new(capacity: usize) -> Xml {
        let mut out = String::with_capacity(capacity);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Xml {
            out,
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            let _ = write!(self.out, " {k}=\"");
            attr(v, &mut self.out);
            self.out.push('"');
        }
    }

    /// Opens `<name attrs>`; [`Xml::close`] closes it.
    pub(crate) fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// `<name attrs>text</name>` on one line.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], content: &str) {
        self.start(name, attrs);
        self.out.push('>');
        text(content, &mut self.out);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str("/>\n");
    }

    /// The document, every element closed.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        while !self.open.is_empty() {
            self.close();
        }
        self.out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_xml_cannot_hold_as_is() {
        let mut x = Xml::new(64);
        x.open("a", &[("b", "\"<&>\n\t'")]);
        x.leaf("c", &[], "x & y < z > \u{1}\r");
        let s = String::from_utf8(x.finish()).unwrap_or_default();
        assert!(
            s.contains(r#"<a b="&quot;&lt;&amp;&gt;&#10;&#9;'">"#),
            "{s}"
        );
        assert!(
            s.contains("<c>x &amp; y &lt; z &gt; \u{FFFD}&#13;</c>"),
            "{s}"
        );
        let doc = roxmltree::Document::parse(&s);
        assert!(doc.is_ok(), "{doc:?}");
    }
}
