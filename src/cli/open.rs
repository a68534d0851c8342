//! `khutta [PLAN]`: the full-screen UI.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::text::BidiMode;
use khutta::tui::run;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Opens the TUI on the plan; refuses (exit 2) when standard output is not a terminal.
pub fn run(plan: Option<&Path>, ui: &Ui) -> Result<ExitCode, CommandError> {
    if !std::io::stdout().is_terminal() {
        return Err(CommandError::Usage {
            message: khutta::said!("open-not-a-terminal"),
            hint: Some(khutta::said!("open-not-a-terminal-hint")),
        });
    }
    let root = resolve_plan(plan)?;
    let opts = run::Options {
        state: ui.folders.state.clone(),
        cache: ui.folders.parse_cache(),
        root,
        lang: ui.messages.lang(),
        explicit_bidi: ui.bidi == BidiMode::App,
        today: super::clock::today(None)?,
        keymap: ui.config.keymap(),
        config_error: ui.config_error.clone(),
    };
    run::run(opts).map_err(|e| match e {
        run::RunError::Store(s) => s.into(),
        run::RunError::Terminal(t) => {
            CommandError::Internal(khutta::said!("open-terminal-failed", detail = &t))
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
