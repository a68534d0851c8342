//! Writing to the terminal: colour only for a terminal that wants it, plan text escaped.

use std::io::IsTerminal;

/// ANSI styling, switched off for pipes and when `NO_COLOR` is set.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Styling for standard output.
    pub fn stdout() -> Style {
        Style {
            on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// Styling for standard error.
    pub fn stderr() -> Style {
        Style {
            on: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    /// Whether styling is on.
    pub fn is_on(self) -> bool {
        self.on
    }

    fn paint(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    /// Red and bold, for errors.
    pub fn error(self, s: &str) -> String {
        self.paint("1;31", s)
    }

    /// Yellow and bold, for warnings.
    pub fn warning(self, s: &str) -> String {
        self.paint("1;33", s)
    }

    /// Bold.
    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }

    /// Dim, for hints and secondary text.
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }

    /// Green, for what was added.
    pub fn added(self, s: &str) -> String {
        self.paint("32", s)
    }

    /// Red, for what was removed.
    pub fn removed(self, s: &str) -> String {
        self.paint("31", s)
    }

    /// Cyan, for what changed.
    pub fn changed(self, s: &str) -> String {
        self.paint("36", s)
    }
}
