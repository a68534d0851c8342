//! What each import code means, for `khutta check --explain CODE` and the book.
//!
//! Like the check codes' table (`check::explain`): for every [`Code`] the catalogue keys of
//! its title, meaning, example and fix (`locales/{en,ar}/explain.ftl`). The book's
//! import-code reference, `docs/src/reference/import-codes.md`, is generated from it by
//! `tests/docs.rs`.

use super::Code;

/// Where the explanation of one import code lives in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The code explained.
    pub code: Code,
    /// The key of its title.
    pub title: &'static str,
    /// The key of what it means.
    pub meaning: &'static str,
    /// The key of an example.
    pub example: &'static str,
    /// The key of what to do.
    pub fix: &'static str,
}

/// The key that says what an import code means for `khutta import`: every one is an error.
pub const SEVERITY_KEY: &str = "explain-severity-import";

macro_rules! table {
    ($($variant:ident => $stem:literal,)*) => {
        /// Every import code, in order.
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
    Unreadable => "i001",
    MissingColumn => "i002",
    UnknownColumn => "i003",
    DuplicateColumn => "i004",
    CellCount => "i005",
    BadDate => "i006",
    BadValue => "i007",
    BadId => "i008",
    UnknownReference => "i009",
    DuplicateRow => "i010",
    Timing => "i011",
}

/// The explanation of the import code written `code` (`I006`, or `i006`).
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
    fn every_code_once_in_order_explained_in_both_languages() {
        let printed: Vec<&str> = CODES.iter().map(|c| c.as_str()).collect();
        let mut sorted = printed.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(printed, sorted);
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for code in CODES {
                let e = explanation(*code);
                for key in [e.title, e.meaning, e.example, e.fix, SEVERITY_KEY] {
                    assert!(m.has(key), "{key} missing in {lang:?}");
                }
            }
        }
        assert_eq!(find("i006").map(|e| e.code), Some(Code::BadDate));
        assert_eq!(find("E001"), None);
    }
}
