//! `khutta init DIR [--from PLAN]`: a new plan repository, set up for khutta's merge and diff.

use super::{CommandError, resolve_plan};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder of the new plan (created if missing; may be inside an existing repository).
    dir: PathBuf,
    /// Start from this plan (for example the bundled one) instead of an empty plan.
    #[arg(long, value_name = "PLAN")]
    from: Option<PathBuf>,
}

/// Creates the plan, sets the repository up and makes the first commit.
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let from = match &args.from {
        Some(p) => Some(resolve_plan(Some(p))?),
        None => None,
    };
    let exe = std::env::current_exe().map_err(|e| {
        CommandError::Internal(format!("cannot find khutta's own path: {e}").into())
    })?;
    let opts = khutta::repo::InitOptions {
        dir: args.dir.clone(),
        from,
        exe,
        today: super::clock::today(None)?,
    };
    let r = khutta::repo::init(&opts)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "created the plan in {}",
        khutta::text::escape_controls(&args.dir.display().to_string())
    )?;
    writeln!(
        out,
        "git merges and diffs its .ron files with khutta (see .gitattributes and `git config --local --list`)"
    )?;
    if r.prefix.is_empty() {
        writeln!(
            out,
            "next: add a remote (git remote add origin URL) and run `khutta sync`"
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
