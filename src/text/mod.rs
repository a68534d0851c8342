//! Display helpers: plan text is data from other organisations, made safe and readable for a
//! terminal.

mod sanitize;

pub use sanitize::{escape_controls, is_dangerous};
