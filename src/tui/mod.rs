//! The terminal UI: key -> Action -> update -> view, over a [`document::Document`].

pub mod action;
pub mod config;
pub mod document;
pub mod form;
pub mod keymap;

/// The screens of the TUI, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Title, window, counts, finish date, check status, funding coverage.
    Overview,
    /// The activity tree.
    Activities,
    /// Partner organisations.
    Partners,
    /// Beneficiary groups.
    Beneficiaries,
    /// Funding sources.
    Funding,
    /// The Gantt chart.
    Gantt,
    /// The check's diagnostics.
    Problems,
}
