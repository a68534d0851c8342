//! `khutta op log` and `khutta op undo`: the operation log, and taking a step back.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::repo::oplog::OpLog;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Arguments of `khutta op`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// The operations that changed the plan's files, newest first: when, who, what, which files.
    Log {
        /// At most this many operations.
        #[arg(long, short = 'n', default_value_t = 50)]
        limit: usize,
    },
    /// Put the plan's files back as they were before operation N (default: the last one), as a
    /// new change that is itself an operation; committed history is never rewritten.
    Undo {
        /// The operation, as `khutta op log` numbers it.
        number: Option<u64>,
    },
}

/// Exit 0 when done, 1 when there is no such operation, 2 when the plan cannot be read.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let shown = |line: &str| ui.plan_line(line, m.lang(), terminal).into_owned();
    match args.what {
        What::Log { limit } => {
            let root = resolve_plan(None)?;
            let ops = OpLog::open(&root, ui.folders.state.as_deref())?.list(limit)?;
            if ops.is_empty() {
                writeln!(out, "{}", shown(&m.get("op-none")))?;
            }
            for op in ops {
                let when = chrono::DateTime::from_timestamp(op.when, 0)
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default();
                let what = escape_controls(&op.kind.said().show(m)).into_owned();
                let head = format!("{:>4}  {when}  {}  {what}", op.n, escape_controls(&op.who));
                writeln!(out, "{}", shown(&head))?;
                if !op.files.is_empty() {
                    let files: Vec<String> = op
                        .files
                        .iter()
                        .map(|f| escape_controls(&f.path).into_owned())
                        .collect();
                    writeln!(out, "      {}", shown(&files.join(", ")))?;
                }
            }
        }
        What::Undo { number } => {
            let root = resolve_plan(None)?;
            let log = OpLog::open(&root, ui.folders.state.as_deref())?;
            let n = match number {
                Some(n) => n,
                None => log
                    .list(1)?
                    .first()
                    .map(|o| o.n)
                    .ok_or(CommandError::User {
                        message: khutta::said!("op-none"),
                        hint: None,
                    })?,
            };
            let undone = log.undo(n)?;
            let key = if undone.files.is_empty() {
                "op-undone-nothing"
            } else {
                "op-undone"
            };
            let files = escape_controls(&undone.files.join(", ")).into_owned();
            let line = m.get_args(
                key,
                &[
                    ("number", n.into()),
                    ("count", undone.files.len().into()),
                    ("files", files.into()),
                    ("op", undone.op.into()),
                ],
            );
            writeln!(out, "{}", shown(&line))?;
            if undone.merge_restored {
                writeln!(out, "{}", shown(&m.get("op-merge-waits-again")))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
