//! The command line, end to end: the real binary on real folders.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "../support/mod.rs"]
mod support;

/// The large-plan generator of the benches, for exports of generated plans.
#[path = "../../benches/common/generate.rs"]
mod generate;

mod baseline_sync;
mod bundled;
mod cache;
mod check_cases;
mod completions;
mod consult;
mod consult_cases;
mod crash;
mod credentials;
mod explain;
mod export_csv;
mod export_html;
mod export_iati;
mod export_ics;
mod export_markdown;
mod export_mspdi;
mod gantt;
mod guard;
mod guard_hooks;
mod hostile;
mod lang_commands;
mod lang_errors;
mod logging;
mod ops;
mod partners;
mod renames;
mod repo;
mod review;
mod review_ar;
mod review_consequences;
mod rules_merge;
mod safety;
mod schedule;
mod server;
mod signing;
mod ssh;
mod sync;
mod terminal;
mod verify;
mod verify_props;
