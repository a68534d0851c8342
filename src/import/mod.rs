//! Imports: files written by other programs turned into plan values.
//!
//! Pure: each format is a function from the bytes of a file to plan values, or to diagnostics
//! located at `path:line:col` in that file. The CLI (`khutta import`) does the IO and writes
//! nothing when the import fails.

pub mod iati;
pub mod mspdi;
mod mspdi_calendar;
mod names;
mod xml;
