//! Colours and styles, in one place.

use ratatui::style::{Color, Modifier, Style};

/// The selected row.
pub fn selected() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// Headings and labels.
pub fn heading() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Less important text.
pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// Errors.
pub fn error() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// Warnings.
pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

/// Good news (no problems, saved).
pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

/// The critical path.
pub fn critical() -> Style {
    Style::new().fg(Color::Red)
}

/// The active tab.
pub(crate) fn tab_active() -> Style {
    Style::new()
        .bg(Color::White)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}
