//! Shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses part of the support code")]

pub mod arb;
pub mod cmd;
pub mod daemon;
pub mod edits;
pub mod gitolite;
pub mod http;
pub mod sshd;
pub mod tmux;
pub mod tools;
pub mod world;
