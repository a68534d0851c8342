//! Consultations beside the plan: results of a round with filters, the questions and results
//! about one plan item, CSV import of answers collected elsewhere, and the renderers of
//! `khutta consult results`. Pure: no IO; the CLI and the TUI read and write the files.

mod about;
mod filter;
mod import;
pub mod render;
mod results;

pub use about::{ItemMention, results_for};
pub use filter::{Filter, filter_choices};
pub use import::{ImportError, ImportOutcome, RowError, csv_header, parse_csv};
pub use results::{
    BordaRow, QuestionResult, ResultsOptions, RoundResults, Row, Tally, TextAnswer, item_label,
    question_result, results,
};

#[cfg(test)]
pub(crate) mod tests;
