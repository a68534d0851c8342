//! The text layer: reordering, widths, wrapping, shaping and editing, as the TUI and the CLI
//! use it. One test binary, so the suite links once.

mod display;
mod edit;
mod laws;
mod reorder;
