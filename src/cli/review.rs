//! `khutta review BASE..HEAD`: a review of a range of commits as a pull-request comment — a
//! summary, then what the change does (money by source, schedule, problems introduced and
//! fixed), who made the commits, and every change folded; in Markdown for a forge (`--format
//! md`, right to left with `--lang ar`), text for a terminal, or JSON for tools.
//!
//! Exit 0; 2 when a revision or the plan at it cannot be read.

use super::diff::{paint_line, unreadable};
use super::output::Style;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::diff::comment;
use khutta::repo::PlanRepo;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Arguments of `khutta review`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The commits to review: `BASE..HEAD` (as git names a range: what HEAD has and BASE has
    /// not), or `BASE` alone for `BASE..HEAD`.
    range: String,
    /// Output format: Markdown for a pull-request comment, text for a terminal, or JSON.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Md,
    Text,
    Json,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let r = PlanRepo::discover(&root).map_err(unreadable)?;
    let (base, head) = match args.range.split_once("..") {
        Some((a, b)) => (a, b),
        None => (args.range.as_str(), ""),
    };
    let or_head = |s: &str| if s.is_empty() { "HEAD" } else { s }.to_owned();
    let commit = |rev: &str| r.commit_of(rev).map_err(unreadable);
    let (base, head) = (commit(&or_head(base))?, commit(&or_head(head))?);
    let review = r.review(base, head).map_err(unreadable)?;
    let msg = &ui.messages;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Md => write!(out, "{}", comment::markdown(&review, &args.range, msg))?,
        Format::Text => {
            let (terminal, style) = (std::io::stdout().is_terminal(), Style::stdout());
            for line in comment::text(&review, &args.range, msg) {
                let shown = ui.review_line(&line, terminal);
                writeln!(out, "{}", paint_line(line.kind, &shown, style))?;
            }
        }
        Format::Json => write!(
            out,
            "{}",
            comment::json(&review, &args.range).map_err(|e| CommandError::Internal(
                khutta::said!("output-internal", reason = &e.to_string())
            ))?
        )?,
    }
    Ok(ExitCode::SUCCESS)
}
