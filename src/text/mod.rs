//! Display helpers: plan text is data from other organisations, made safe and readable for a
//! terminal, in Arabic and English.
//!
//! Text is stored in logical order (as typed); the order it is drawn in is computed here, and
//! nowhere else. The TUI, the CLI and the exporters call [`display_line`] or
//! [`display_paragraph`] and draw the result as it is; a text field keeps an [`EditBuffer`].
//! Nothing here does IO or knows about ratatui: a [`DisplayLine`] is a string, its width and
//! its direction, and [`DisplayLine::segments`] gives the pieces to turn into ratatui spans.

mod bidi;
mod cluster;
mod display;
mod edit;
mod sanitize;
pub mod search;
mod shape;
mod width;
mod wrap;

pub use bidi::{BidiMode, Direction, EXPLICIT_MODE, IMPLICIT_MODE, base_direction};
pub use display::{DisplayLine, DisplayOptions, display_line, display_paragraph, visual_line};
pub use edit::{EditBuffer, FieldView};
pub use sanitize::{clean_paste, csv_cell, escape_controls, is_dangerous, is_direction_mark};
pub use shape::{Shaping, shape};
pub use width::{Align, ELLIPSIS, Segments, grapheme_width, segments, str_width, truncate};
