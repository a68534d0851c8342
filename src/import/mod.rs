//! Imports: files other tools wrote, read into plan values or refused with located errors.
//!
//! An import is a pure function of the plan it goes into and the text of its files; it gives
//! the plan as it would be after the import, or every problem it found, each located at
//! `file:row:col` with a code of its own ([`Code`], explained by `khutta check --explain
//! CODE` and in the book) and a hint. The CLI (`khutta import FORMAT`) writes the plan's
//! changed files only when there is no problem at all, so a bad file never leaves a plan half
//! imported.
//!
//! - [`csv`]: activities and budget lines, as `khutta export csv` writes them.
//! - [`iati`]: the organisations (and, on request, the activity) of a partner's IATI file.
//! - [`mspdi`]: an MS Project XML project, as a new plan folder.
//!
//! The XML formats report malformed or unexpected files as check diagnostics (E072, E073)
//! located at `path:line:col`, like `khutta check`; the CSV import has codes of its own
//! (I001-I011), located by row and column as a spreadsheet shows them.

pub mod csv;
pub mod explain;
pub mod iati;
pub mod mspdi;
mod mspdi_calendar;
mod names;
mod xml;

use crate::i18n::Said;
use std::fmt;

/// The stable code of each kind of problem an import refuses a file for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The file is not UTF-8 text, or not CSV that can be read.
    Unreadable,
    /// A column the import needs is missing.
    MissingColumn,
    /// A column the format does not have.
    UnknownColumn,
    /// A column named twice.
    DuplicateColumn,
    /// A row with more or fewer cells than the header.
    CellCount,
    /// A date that is not a date.
    BadDate,
    /// A value that is not one the column takes (a number, a name, an amount, a code).
    BadValue,
    /// An id that is not a slug.
    BadId,
    /// An id that names nothing in the plan or the file.
    UnknownReference,
    /// Two rows for the same entity.
    DuplicateRow,
    /// Timing cells that do not fit together.
    Timing,
}

impl Code {
    /// The code as printed: `I001`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Unreadable => "I001",
            Code::MissingColumn => "I002",
            Code::UnknownColumn => "I003",
            Code::DuplicateColumn => "I004",
            Code::CellCount => "I005",
            Code::BadDate => "I006",
            Code::BadValue => "I007",
            Code::BadId => "I008",
            Code::UnknownReference => "I009",
            Code::DuplicateRow => "I010",
            Code::Timing => "I011",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem of an imported file, where a spreadsheet shows it: the header is row 1, the
/// first column is column 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The file's name as the user gave it.
    pub file: String,
    /// The row (records, not lines: a quoted cell may hold line breaks).
    pub row: usize,
    /// The column.
    pub col: usize,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong.
    pub message: Said,
    /// What to do about it.
    pub hint: Said,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error[{}]: {}",
            self.file,
            self.row,
            self.col,
            self.code,
            self.message.english()
        )
    }
}
