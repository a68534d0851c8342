//! Exports: a plan and its schedule written as files for other tools and for people.
//!
//! Pure: each format is a function from the plan (and its schedule, and the messages of the
//! language asked for) to bytes; `khutta export` reads the plan and writes the bytes. One
//! module per format.

pub mod html;
