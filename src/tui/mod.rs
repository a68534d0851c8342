//! The terminal UI: key -> Action -> update -> view, over a [`crate::document::Document`].
//!
//! `update` is the only place state changes; `view` draws from the state and never does IO;
//! IO (saving, the external editor, the recovery file) is asked for as an [`app::Effect`] and
//! done by the run loop, with slow work on a worker thread.

pub mod action;
pub mod app;
pub mod config;
pub mod details;
pub(crate) mod disk_view;
pub mod editing;
pub mod editor;
pub mod effects;
pub mod exchange;
pub mod form;
mod input;
pub mod keymap;
pub mod lists;
#[cfg(test)]
mod lists_props;
pub(crate) mod mouse;
pub mod paint;
pub mod popup;
pub mod recovery;
pub mod repo_view;
mod rights;
pub mod run;
pub mod screens;
pub mod search;
pub mod shared;
pub(crate) mod theme;
pub mod view;
pub mod watch;
pub mod words;

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
    /// Commits that touched the plan.
    History,
    /// Consultation rounds: their design, collecting answers, results.
    Consultations,
    /// What changed between two revisions (a baseline, a commit, the working plan).
    Review,
    /// The conflicts of a merge in progress.
    Conflicts,
}
