//! `khutta git-setup [PLAN]`: register khutta's merge and diff drivers in a partner's clone.

use super::{CommandError, resolve_plan};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta git-setup`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder inside the clone (default: the current folder).
    plan: Option<PathBuf>,
}

/// Writes the local git config entries (and `.gitattributes` when missing).
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let exe = std::env::current_exe().map_err(|e| {
        CommandError::Internal(format!("cannot find khutta's own path: {e}").into())
    })?;
    khutta::repo::git_setup(&root, &exe)?;
    writeln!(
        std::io::stdout().lock(),
        "git in this clone now merges and diffs the plan with khutta"
    )?;
    Ok(ExitCode::SUCCESS)
}
