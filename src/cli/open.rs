//! `khutta [PLAN]`: the full-screen UI.

use super::{CommandError, resolve_plan};
use khutta::model::Lang;
use khutta::tui::{config, recovery, run};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Opens the TUI on the plan; refuses (exit 2) when standard output is not a terminal.
pub fn run(plan: Option<&Path>) -> Result<ExitCode, CommandError> {
    if !std::io::stdout().is_terminal() {
        return Err(CommandError::Usage {
            message: "standard output is not a terminal, so khutta's screen cannot be drawn".into(),
            hint: Some(
                "in scripts and pipes use `khutta summary`, `khutta check` or `khutta gantt`"
                    .into(),
            ),
        });
    }
    let root = resolve_plan(plan)?;
    let env = |k: &str| std::env::var(k).ok();
    let (config, config_error) =
        match config::config_path(env("XDG_CONFIG_HOME").as_deref(), env("HOME").as_deref()) {
            Some(path) => match config::load(&path) {
                Ok(c) => (c, None),
                Err(e) => (config::Config::default(), Some(e.to_string())),
            },
            None => (config::Config::default(), None),
        };
    let lang = match config.lang.as_deref() {
        Some("ar") => Lang::Ar,
        Some(_) => Lang::En,
        None => locale_lang(),
    };
    let opts = run::Options {
        recovery: recovery::location(
            &root,
            env("XDG_STATE_HOME").as_deref(),
            env("HOME").as_deref(),
        ),
        root,
        lang,
        explicit_bidi: config.bidi.as_deref() != Some("terminal"),
        today: super::today()?,
        keymap: config.keymap(),
        config_error,
    };
    run::run(opts).map_err(|e| match e {
        run::RunError::Store(s) => s.into(),
        run::RunError::Terminal(t) => CommandError::Internal(format!("the terminal failed: {t}")),
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Arabic when the environment's locale says so, English otherwise.
fn locale_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    if locale.is_some_and(|l| l.starts_with("ar")) {
        Lang::Ar
    } else {
        Lang::En
    }
}
