//! `khutta git-setup [PLAN]`: register khutta's merge and diff drivers in a partner's clone.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta git-setup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder inside the clone (default: the current folder).
    plan: Option<PathBuf>,
}

/// Writes the local git config entries (and `.gitattributes` when missing).
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let exe = super::init::own_path()?;
    khutta::repo::git_setup(&root, &exe)?;
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    writeln!(
        std::io::stdout().lock(),
        "{}",
        ui.plan_line(&m.get("git-setup-done"), m.lang(), terminal)
    )?;
    Ok(ExitCode::SUCCESS)
}
