//! Reading one file's bytes into a value, with every failure as a located diagnostic.

use super::format::from_ron;
use super::locate::line_col;
use crate::check::{Code, Diagnostic};
use serde::de::DeserializeOwned;

/// The largest plan file khutta reads. Real entity files are a few kilobytes; this guards
/// against a binary or a runaway generated file being parsed as a plan.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Decodes `bytes` as UTF-8 text, reporting the position of the first bad byte.
pub fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        // The prefix up to the bad byte is valid by definition.
        let text = std::str::from_utf8(&bytes[..good]).unwrap_or("");
        Diagnostic::file(
            Code::NotUtf8,
            path,
            line_col(text, good),
            format!("the file is not valid UTF-8 (byte 0x{:02X} at offset {good})", bytes[good]),
            "save the file as UTF-8; Arabic text must be stored as UTF-8, not Windows-1256 or ISO-8859-6",
        )
    })
}

/// Parses RON text into a value, turning a parse error into a diagnostic.
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Diagnostic> {
    from_ron(text).map_err(|e| {
        let (code, message, hint) = explain(&e.code);
        let pos = (clamp(e.span.start.line), clamp(e.span.start.col));
        Diagnostic::file(code, path, pos, message, hint)
    })
}

/// Sorts a RON error into a code, a message and a hint a coordinator can act on.
fn explain(e: &ron::Error) -> (Code, String, String) {
    use ron::Error as E;
    let syntax_hint = || {
        "the file is not valid RON; compare it with `khutta fmt` output or restore it with `git checkout -- FILE`"
            .to_owned()
    };
    match e {
        E::NoSuchStructField {
            found,
            outer,
            expected,
        } => (
            Code::UnknownField,
            format!(
                "unknown field `{found}`{}; known fields: {}",
                in_outer(outer.as_deref()),
                expected.join(", ")
            ),
            "check the spelling; if a newer khutta wrote this field, upgrade khutta rather than \
             editing the file, so that nothing is lost"
                .to_owned(),
        ),
        E::MissingStructField { field, outer } => (
            Code::MissingField,
            format!("missing field `{field}`{}", in_outer(outer.as_deref())),
            format!("add `{field}: ...`; `khutta check --help` lists the file format"),
        ),
        E::DuplicateStructField { field, outer } => (
            Code::Syntax,
            format!(
                "field `{field}` appears twice{}",
                in_outer(outer.as_deref())
            ),
            "keep one of the two".to_owned(),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            Code::Type,
            format!(
                "`{found}` is not a valid value{}; expected one of: {}",
                in_outer(outer.as_deref()),
                expected.join(", ")
            ),
            "use one of the listed values exactly as written".to_owned(),
        ),
        E::Message(m) => explain_message(m),
        E::InvalidValueForType { .. }
        | E::ExpectedInteger
        | E::ExpectedString
        | E::ExpectedBoolean
        | E::ExpectedFloat
        | E::ExpectedArray
        | E::ExpectedMap
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedDifferentStructName { .. }
        | E::ExpectedUnit
        | E::ExpectedOption
        | E::ExpectedIdentifier
        | E::IntegerOutOfBounds
        | E::ExpectedDifferentLength { .. } => (
            Code::Type,
            format!("wrong type: {e}"),
            "write the value with the type the field expects".into(),
        ),
        E::Eof => (
            Code::Syntax,
            "the file ends too early (is it truncated?)".into(),
            "close every open bracket, or restore the file from git".into(),
        ),
        _ => (Code::Syntax, format!("syntax error: {e}"), syntax_hint()),
    }
}

fn explain_message(m: &str) -> (Code, String, String) {
    // chrono's date parser reports these; a coordinator reads "2021-02-30" as a date problem.
    const DATE_ERRORS: [&str; 5] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
    ];
    if DATE_ERRORS.contains(&m) {
        return (
            Code::Type,
            format!("invalid date ({m})"),
            "write dates as \"YYYY-MM-DD\" and use a real calendar day".into(),
        );
    }
    (
        Code::Type,
        m.to_owned(),
        "write the value with the type the field expects".into(),
    )
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn in_outer(outer: Option<&str>) -> String {
    outer.map(|o| format!(" in `{o}`")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Activity;

    #[test]
    fn invalid_date_is_a_type_error_at_its_position() {
        let text = "Activity(id: \"x\", title: (en: \"a\"),\n timing: Fixed(start: \"2021-02-30\", end: \"2021-03-01\"))";
        let d = parse::<Activity>("activities/x.ron", text).err();
        let d = d.as_ref().map(|d| (d.code, d.line, d.message.as_str()));
        assert_eq!(
            d,
            Some((Code::Type, 2, "invalid date (input is out of range)"))
        );
    }

    #[test]
    fn non_utf8_points_at_the_byte() {
        let d = decode("x.ron", b"(\n  a: \"\xC8\"").err();
        assert_eq!(
            d.map(|d| (d.code, d.line, d.col)),
            Some((Code::NotUtf8, 2, 7))
        );
    }
}
