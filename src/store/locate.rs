//! Turning "the `lead` field of activity x" into a line and column in x's file.
//!
//! The checks are pure and speak of fields and values; only the store has the text. Files are
//! usually canonical, so a textual search for `field:` and then `"value"` is exact in practice,
//! and it degrades to the field (or the first line) for hand-written files.

use crate::check::Anchor;

/// The 1-based line and column (in characters) that `anchor` points to in `text`.
pub fn locate(text: &str, anchor: &Anchor) -> (u32, u32) {
    let field_at = anchor.field.and_then(|f| find_field(text, f));
    let value_at = anchor.value.as_ref().and_then(|v| {
        let quoted = format!("\"{v}\"");
        let from = field_at.unwrap_or(0);
        text[from..]
            .find(&quoted)
            .map(|i| from + i)
            .or_else(|| text.find(&quoted))
    });
    match value_at.or(field_at) {
        Some(offset) => line_col(text, offset),
        None => (1, 1),
    }
}

/// The byte offset of `field:` where it starts a field (not inside a longer name).
fn find_field(text: &str, field: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(field) {
        let at = from + i;
        let before_ok = at == 0 || !is_ident(bytes[at - 1]);
        let rest = text[at + field.len()..].trim_start_matches([' ', '\t']);
        if before_ok && rest.starts_with(':') {
            return Some(at);
        }
        from = at + field.len();
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'"'
}

/// The 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (to_u32(line), to_u32(col))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_field_then_value() {
        let text = "Activity(\n    id: \"a\",\n    lead: \"escwa\",\n    dependencies: [\n        Dependency(\n            activity: \"b\",\n        ),\n    ],\n)\n";
        let a = |field, value: Option<&str>| Anchor {
            field: Some(field),
            value: value.map(Into::into),
        };
        assert_eq!(locate(text, &a("lead", None)), (3, 5));
        assert_eq!(locate(text, &a("dependencies", Some("b"))), (6, 23));
        assert_eq!(locate(text, &a("missing", None)), (1, 1));
        // `id` must not match inside `activity:`'s value or another name.
        assert_eq!(locate(text, &a("id", None)), (2, 5));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("(ar: \"خطة\", x", 14), (1, 12));
    }
}
