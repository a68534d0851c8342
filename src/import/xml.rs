//! Reading XML for the imports: parse errors and bad elements located at `line:col`.
//!
//! roxmltree refuses DTDs by default, so no entity expansion can make a small file large.

use crate::check::{Code, Diagnostic};
use crate::i18n::Said;
use crate::said;
use roxmltree::{Document, Node};

/// Parses `bytes` from the file `path`, or says where it stops being XML.
pub(crate) fn parse<'a>(path: &str, text: &'a str) -> Result<Document<'a>, Diagnostic> {
    Document::parse(text).map_err(|e| {
        let p = e.pos();
        Diagnostic::file(
            Code::BadXml,
            path,
            (p.row, p.col),
            said!("import-bad-xml", reason = &e.to_string()),
            said!("import-bad-xml-hint"),
        )
    })
}

/// The first child element called `name` (whatever its namespace).
pub(crate) fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Every child element called `name`.
pub(crate) fn children<'a, 'i: 'a>(
    n: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    n.children()
        .filter(move |c| c.is_element() && c.tag_name().name() == name)
}

/// The trimmed text of the child element `name`, when it has some.
pub(crate) fn text<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(n, name)
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A diagnostic at the start of `node` in `path`.
pub(crate) fn bad(path: &str, node: Node<'_, '_>, message: Said) -> Diagnostic {
    let p = node.document().text_pos_at(node.range().start);
    Diagnostic::file(
        Code::BadExchange,
        path,
        (p.row, p.col),
        message,
        said!("import-bad-element-hint"),
    )
}
