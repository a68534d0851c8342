//! Reading one file's bytes into a value, with every failure as a located diagnostic.

use super::format::from_ron;
use super::locate::line_col;
use crate::check::{Code, Diagnostic, Part, Said};
use crate::said;
use serde::de::DeserializeOwned;

/// The largest plan file khutta reads. Real entity files are a few kilobytes; this guards
/// against a binary or a runaway generated file being parsed as a plan.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The largest file of khutta's own state (a recovery file, a merge in progress) it reads:
/// these hold whole units of a plan, so they may be far larger than one plan file.
pub const MAX_STATE_BYTES: u64 = 512 * 1024 * 1024;

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
            said!(
                "check-not-utf8-at",
                byte = &format!("0x{:02X}", bytes[good]),
                offset = good
            ),
            said!("check-not-utf8-hint"),
        )
    })
}

/// Parses RON text into a value, turning a parse error into a diagnostic. Conflict markers
/// and comments are refused first (see `lexical`).
pub fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, Diagnostic> {
    if let Some(d) = super::lexical::refuse(path, text) {
        return Err(d);
    }
    from_ron(text).map_err(|e| {
        // A file cut short is said to be so, where it ends, whatever the parser met first.
        if let Some(end) = super::lexical::ends_early(text) {
            let (message, hint) = (said!("check-early-end"), said!("check-early-end-hint"));
            return Diagnostic::file(Code::Syntax, path, end, message, hint);
        }
        let (code, message, hint) = explain(&e.code);
        let pos = (clamp(e.span.start.line), clamp(e.span.start.col));
        Diagnostic::file(code, path, pos, message, hint)
    })
}

/// Sorts a RON error into a code, a message and a hint a coordinator can act on.
fn explain(e: &ron::Error) -> (Code, Said, Said) {
    use ron::Error as E;
    match e {
        E::NoSuchStructField {
            found,
            outer,
            expected,
        } => (
            Code::UnknownField,
            said!(
                "check-unknown-field",
                found = found,
                place = in_outer(outer.as_deref()),
                expected = &expected.join(", ")
            ),
            said!("check-unknown-field-hint"),
        ),
        E::MissingStructField { field, outer } => (
            Code::MissingField,
            said!(
                "check-missing-field",
                field = field,
                place = in_outer(outer.as_deref())
            ),
            said!("check-missing-field-hint", field = field),
        ),
        E::DuplicateStructField { field, outer } => (
            Code::Syntax,
            said!(
                "check-field-twice",
                field = field,
                place = in_outer(outer.as_deref())
            ),
            said!("check-field-twice-hint"),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            Code::Type,
            said!(
                "check-unknown-variant",
                found = found,
                place = in_outer(outer.as_deref()),
                expected = &expected.join(", ")
            ),
            said!("check-unknown-variant-hint"),
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
            said!("check-wrong-type", detail = ron_words(e)),
            said!("check-wrong-type-hint"),
        ),
        E::Eof => (
            Code::Syntax,
            said!("check-early-end"),
            said!("check-early-end-hint"),
        ),
        _ => (
            Code::Syntax,
            said!("check-syntax", detail = ron_words(e)),
            said!("check-syntax-hint"),
        ),
    }
}

fn explain_message(m: &str) -> (Code, Said, Said) {
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
            said!("check-invalid-date", detail = m),
            said!("check-invalid-date-hint"),
        );
    }
    (
        Code::Type,
        said!("check-parser-says", detail = m),
        said!("check-wrong-type-hint"),
    )
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The parser's own words for its commonest complaints, in the reader's language; any other
/// complaint as the parser wrote it (in English), since its details vary.
fn ron_words(e: &ron::Error) -> Part {
    use ron::Error as E;
    let said = match e {
        E::ExpectedInteger => said!("check-ron-integer"),
        E::ExpectedFloat => said!("check-ron-float"),
        E::ExpectedBoolean => said!("check-ron-boolean"),
        E::ExpectedString => said!("check-ron-string"),
        E::ExpectedIdentifier => said!("check-ron-identifier"),
        E::ExpectedOption => said!("check-ron-option"),
        E::ExpectedUnit => said!("check-ron-unit"),
        E::ExpectedArray => said!("check-ron-open", bracket = "["),
        E::ExpectedStructLike => said!("check-ron-open", bracket = "("),
        E::ExpectedArrayEnd => said!("check-ron-close", bracket = "]"),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => said!("check-ron-close", bracket = ")"),
        E::ExpectedComma => said!("check-ron-comma"),
        E::ExpectedMapColon => said!("check-ron-colon"),
        E::ExpectedStringEnd => said!("check-ron-string-end"),
        E::IntegerOutOfBounds => said!("check-ron-out-of-bounds"),
        E::TrailingCharacters => said!("check-ron-trailing"),
        E::UnexpectedChar(c) => said!("check-ron-unexpected-char", char = &format!("{c:?}")),
        other => return Part::Text(other.to_string()),
    };
    said.into()
}

fn in_outer(outer: Option<&str>) -> Part {
    outer.map_or(Part::Text(String::new()), |o| {
        said!("check-in-outer", outer = o).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Activity;

    /// Every cut of a real file is said to end early (E001), never a wrong type or a missing
    /// field at the cut.
    #[test]
    fn a_file_cut_anywhere_ends_early() {
        let plan = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/open-government-nua/");
        fn cuts<T: DeserializeOwned>(text: &str) -> Vec<(usize, Code)> {
            let whole = text.trim_end();
            (0..whole.len())
                .filter(|&n| whole.is_char_boundary(n))
                .filter_map(|n| parse::<T>("x.ron", &whole[..n]).err().map(|d| (n, d.code)))
                .filter(|(_, code)| *code != Code::Syntax)
                .collect()
        }
        let read = |rel: &str| std::fs::read_to_string(format!("{plan}{rel}")).unwrap();
        assert_eq!(cuts::<Activity>(&read("activities/pilot-tunis.ron")), []);
        assert_eq!(
            cuts::<crate::model::FundingSource>(&read("funding/escwa-rptc.ron")),
            []
        );
        assert_eq!(
            cuts::<crate::model::Partner>(&read("partners/escwa.ron")),
            []
        );
        assert_eq!(cuts::<crate::model::PlanMeta>(&read("plan.ron")), []);
    }

    #[test]
    fn invalid_date_is_a_type_error_at_its_position() {
        let text = "Activity(id: \"x\", title: (en: \"a\"),\n timing: Fixed(start: \"2021-02-30\", end: \"2021-03-01\"))";
        let d = parse::<Activity>("activities/x.ron", text).err();
        let d = d.as_ref().map(|d| (d.code, d.line, d.message.english()));
        assert_eq!(
            d,
            Some((Code::Type, 2, "invalid date (input is out of range)".into()))
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
