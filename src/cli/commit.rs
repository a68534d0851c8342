//! `khutta commit -m MESSAGE [PLAN]`: commit the plan's changed files, and only those.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use std::io::{IsTerminal, Write};
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
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let r = khutta::repo::PlanRepo::open(&root)?;
    let c = khutta::repo::commit(&r, &args.message, false)?;
    let short = c.id.to_string();
    let m = &ui.messages;
    let line = m.get_args(
        "commit-done",
        &[
            ("commit", short[..short.len().min(10)].into()),
            ("count", c.files.into()),
        ],
    );
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    if !c.left.is_empty() {
        let files = khutta::text::escape_controls(&c.left.join(", ")).into_owned();
        let line = m.get_args("commit-left-out", &[("files", files.into())]);
        writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    }
    Ok(ExitCode::SUCCESS)
}
