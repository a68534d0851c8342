//! `khutta commit -m MESSAGE [PLAN]`: commit the plan's changed files, and only those.

use super::{CommandError, resolve_plan};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta commit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder).
    plan: Option<PathBuf>,
    /// The commit message.
    #[arg(short, long)]
    message: String,
}

/// Stages the plan's files and commits them; exit 1 when there is nothing to commit.
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let r = khutta::repo::PlanRepo::open(&root)?;
    let c = khutta::repo::commit(&r, &args.message, false)?;
    let short = c.id.to_string();
    writeln!(
        std::io::stdout().lock(),
        "committed {} ({} file{})",
        &short[..short.len().min(10)],
        c.files,
        if c.files == 1 { "" } else { "s" }
    )?;
    Ok(ExitCode::SUCCESS)
}
