//! Exports: a plan and its schedule written in another program's format.
//!
//! Pure: each format is a function from the plan (and its schedule) to the bytes of the file,
//! or to located diagnostics saying why the plan cannot be written in that format. The CLI
//! (`khutta export`) does the IO, writing files atomically.

pub mod iati;
mod iati_money;
pub mod mspdi;
mod xml;
