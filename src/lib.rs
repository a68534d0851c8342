//! khutta (خطة, "plan"): a terminal planner for a shared regional plan.
//!
//! The plan lives as RON files in a git repository. This library holds the pure core
//! (model, checks, scheduling, Gantt layout, diff and merge, text display) and the parts that
//! touch the disk and git (store, repo); the TUI and CLI sit on top.

pub mod check;
pub mod consult;
pub mod diff;
pub mod document;
pub mod edit;
pub mod exchange;
pub mod export;
pub mod folders;
pub mod gantt;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod model;
pub mod repo;
pub mod rights;
pub mod schedule;
pub mod store;
pub mod text;
pub mod tui;
pub mod workspace;
