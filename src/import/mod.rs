//! Imports: files other tools wrote, read into plan values or refused with located errors.
//!
//! An import is a pure function of the plan it goes into and the text of its files; it gives
//! the plan as it would be after the import, or every problem it found, each a
//! [`crate::check::Diagnostic`] located at `file:line:col` with a code and a hint, as
//! `khutta check` reports a plan's own files (explained by `khutta check --explain CODE`,
//! from the one table in `check::explain`). The CLI (`khutta import FORMAT`) writes the plan's
//! changed files only when there is no problem at all, so a bad file never leaves a plan half
//! imported.
//!
//! - [`csv`]: activities and budget lines, as `khutta export csv` writes them.
//! - [`iati`]: the organisations (and, on request, the activity) of a partner's IATI file.
//! - [`mspdi`]: an MS Project XML project, as a new plan folder.
//!
//! The XML formats report malformed or unexpected files as E072 and E073; the CSV import's
//! codes are I001-I011, located by row and column as a spreadsheet shows them (a row is a
//! record: a quoted cell may hold line breaks).

pub mod csv;
pub mod iati;
pub mod mspdi;
mod mspdi_calendar;
mod names;
mod xml;
