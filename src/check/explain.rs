//! What each check code means, for `khutta check --explain CODE` and the book.
//!
//! This is the one table of explanations: for every [`Code`] the catalogue keys of its title,
//! meaning, example and fix (`locales/{en,ar}/explain.ftl`). The book's check-code reference,
//! `docs/src/reference/check-codes.md`, is generated from it by `tests/docs.rs`, which fails
//! when the committed chapter differs.

use super::{Code, Severity};

/// Where the explanation of one code lives in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The code explained.
    pub code: Code,
    /// The key of its title: the problem in a few words.
    pub title: &'static str,
    /// The key of what the problem means and why khutta reports it.
    pub meaning: &'static str,
    /// The key of a short example of the problem.
    pub example: &'static str,
    /// The key of what to do about it.
    pub fix: &'static str,
}

impl Explanation {
    /// The severity of the code explained.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Whether the code is one of the CSV import's (`I001`...), which have a chapter of their
    /// own in the book and a heading of their own in `khutta check --explain`.
    pub fn is_import(&self) -> bool {
        self.code.as_str().starts_with('I')
    }

    /// The key that says what the severity means for `khutta check`.
    pub fn severity_key(&self) -> &'static str {
        if self.is_import() {
            return "explain-severity-import";
        }
        // Reported by `khutta export` and `khutta import`, never by `khutta check`.
        if matches!(
            self.code,
            Code::NoIatiRef | Code::NoReportingOrg | Code::BadXml | Code::BadExchange
        ) {
            return "explain-severity-exchange";
        }
        match self.severity() {
            Severity::Error => "explain-severity-error",
            Severity::Warning => "explain-severity-warning",
        }
    }
}

/// The table: each code with the stem of its keys. The match in [`explanation`] is
/// exhaustive, so a new code does not compile until it is explained here.
macro_rules! table {
    ($($variant:ident => $stem:literal,)*) => {
        /// Every code khutta reports, in the order of the reference: errors, then warnings,
        /// each by number, then the CSV import's codes.
        pub const CODES: &[Code] = &[$(Code::$variant),*];

        /// The explanation of `code`.
        pub fn explanation(code: Code) -> Explanation {
            match code {
                $(Code::$variant => Explanation {
                    code,
                    title: concat!("explain-", $stem, "-title"),
                    meaning: concat!("explain-", $stem, "-meaning"),
                    example: concat!("explain-", $stem, "-example"),
                    fix: concat!("explain-", $stem, "-fix"),
                },)*
            }
        }
    };
}

table! {
    Syntax => "e001",
    Type => "e002",
    UnknownField => "e003",
    MissingField => "e004",
    NotUtf8 => "e005",
    TooLarge => "e006",
    FormatVersion => "e007",
    Unreadable => "e008",
    Comment => "e009",
    BadId => "e010",
    IdMismatch => "e011",
    DuplicateId => "e012",
    RenamedTwoWays => "e013",
    Dangling => "e020",
    Cycle => "e021",
    EndBeforeStart => "e022",
    OutsideWindow => "e023",
    NoExchangeRate => "e024",
    OverAllocated => "e025",
    EmptyText => "e026",
    BadValue => "e027",
    Structure => "e028",
    DateConflict => "e030",
    UnknownQuestion => "e040",
    UnknownOption => "e041",
    RatingRange => "e042",
    NotARanking => "e043",
    AnswerShape => "e044",
    DuplicateParticipant => "e045",
    QuestionDesign => "e046",
    NoRound => "e047",
    ConflictMarkers => "e048",
    NoIatiRef => "e070",
    NoReportingOrg => "e071",
    BadXml => "e072",
    BadExchange => "e073",
    GovernancePartner => "e080",
    GrantMatch => "e081",
    GrantField => "e082",
    PersonTwice => "e083",
    BadKey => "e084",
    NoCoordinator => "e085",
    NoLead => "w001",
    StrayFile => "w002",
    StatusProgress => "w003",
    PossibleDuplicate => "w004",
    CsvUnreadable => "i001",
    CsvMissingColumn => "i002",
    CsvUnknownColumn => "i003",
    CsvDuplicateColumn => "i004",
    CsvCellCount => "i005",
    CsvBadDate => "i006",
    CsvBadValue => "i007",
    CsvBadId => "i008",
    CsvUnknownReference => "i009",
    CsvDuplicateRow => "i010",
    CsvTiming => "i011",
}

/// The explanation of the code written `code` (`E027`, or `e027`), if khutta has such a code.
pub fn find(code: &str) -> Option<Explanation> {
    CODES
        .iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(code.trim()))
        .map(|c| explanation(*c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::model::Lang;

    #[test]
    fn every_code_once_in_order_with_keys_named_after_it() {
        let printed: Vec<&str> = CODES.iter().map(|c| c.as_str()).collect();
        let mut sorted = printed.clone();
        sorted.sort_by_key(|s| (s.starts_with('I'), s.starts_with('W'), *s));
        sorted.dedup();
        assert_eq!(printed, sorted);
        for code in CODES {
            let e = explanation(*code);
            let stem = format!("explain-{}-", code.as_str().to_ascii_lowercase());
            for key in [e.title, e.meaning, e.example, e.fix] {
                assert!(key.starts_with(&stem), "{code}: {key}");
            }
        }
    }

    #[test]
    fn every_explanation_exists_in_both_languages() {
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for code in CODES {
                let e = explanation(*code);
                for key in [e.title, e.meaning, e.example, e.fix, e.severity_key()] {
                    assert!(m.has(key), "{key} missing in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn codes_are_found_as_written_and_in_lower_case() {
        assert_eq!(find("E027").map(|e| e.code), Some(Code::BadValue));
        assert_eq!(find("w004").map(|e| e.code), Some(Code::PossibleDuplicate));
        assert_eq!(find("E029"), None);
        assert_eq!(find(""), None);
    }
}
