//! `khutta init DIR [--from PLAN]`: a new plan repository, set up for khutta's merge and diff.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use std::io::{IsTerminal, Write};
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
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let from = match &args.from {
        Some(p) => Some(resolve_plan(Some(p))?),
        None => None,
    };
    let opts = khutta::repo::InitOptions {
        dir: args.dir.clone(),
        from,
        exe: own_path()?,
        today: super::clock::today(None)?,
    };
    let r = khutta::repo::init(&opts)?;
    let m = &ui.messages;
    let dir = khutta::text::escape_controls(&args.dir.display().to_string()).into_owned();
    let mut lines = vec![
        m.get_args("init-created", &[("dir", dir.into())]),
        m.get("init-drivers").into_owned(),
    ];
    if r.prefix.is_empty() {
        lines.push(m.get("init-next").into_owned());
    }
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for line in lines {
        writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The running khutta's own path, which git is told to run as the merge and diff driver.
pub fn own_path() -> Result<PathBuf, CommandError> {
    std::env::current_exe().map_err(|e| {
        CommandError::Internal(khutta::said!("setup-own-path", error = &e.to_string()))
    })
}
