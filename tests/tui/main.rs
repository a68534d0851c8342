//! The terminal UI, driven through `update` and drawn on ratatui's `TestBackend`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "../support/mod.rs"]
mod support;

mod consult;
mod defaults;
mod details;
mod disk;
mod exchange;
mod extremes;
mod gantt;
mod git;
mod harness;
mod hostile;
mod keys;
mod model;
mod problems;
mod review;
mod rights;
mod search;
mod signing;
mod snapshots;
mod standing;
mod sync;
