//! The command line, end to end: the real binary on real folders.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod gantt;
mod schedule;
