//! `khutta sync [REMOTE]`: fetch, merge the plan by meaning, push.

use super::{CommandError, resolve_plan};
use khutta::repo::{PlanRepo, SyncEvent, SyncOptions, SyncOutcome};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta sync`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The remote to sync with.
    #[arg(default_value = "origin")]
    remote: String,
    /// The plan folder (default: the current folder).
    #[arg(long, short = 'C', value_name = "PLAN")]
    plan: Option<PathBuf>,
}

/// Exit 0 when synced, 1 when conflicts remain to resolve, 2 on failure (nothing lost).
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let r = PlanRepo::open(&root)?;
    let show = std::io::stderr().is_terminal();
    let mut err = std::io::stderr().lock();
    let mut progress = |e: SyncEvent| {
        if !show {
            return;
        }
        let line = match e {
            SyncEvent::Fetching {
                received,
                total,
                bytes,
            } => format!(
                "receiving {} {received}/{total} objects, {} KiB",
                bar(received, total),
                bytes / 1024
            ),
            SyncEvent::Merging => "merging the plan…".to_owned(),
            SyncEvent::Pushing { sent, total, bytes } => format!(
                "sending   {} {sent}/{total} objects, {} KiB",
                bar(sent, total),
                bytes / 1024
            ),
            SyncEvent::Retrying(n) => {
                format!("a partner pushed first: fetching again (attempt {n})")
            }
        };
        let _ = write!(err, "\r\x1b[2K{line}");
    };
    let outcome = khutta::repo::sync(
        &r,
        &SyncOptions {
            remote: args.remote.clone(),
            ..SyncOptions::default()
        },
        &mut progress,
    );
    if show {
        eprint!("\r\x1b[2K");
    }
    let mut out = std::io::stdout().lock();
    match outcome {
        Ok(SyncOutcome::UpToDate) => {
            writeln!(out, "up to date with {}", args.remote)?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(SyncOutcome::Synced {
            received,
            merged,
            pushed,
        }) => {
            let mut did = Vec::new();
            if received {
                did.push(if merged {
                    "merged their changes"
                } else {
                    "took their changes"
                });
            }
            if pushed {
                did.push("sent yours");
            }
            writeln!(out, "synced with {}: {}", args.remote, did.join(", "))?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(SyncOutcome::Conflicts(n)) => {
            writeln!(
                out,
                "the merge stopped on {n} conflict{}; nothing was pushed",
                if n == 1 { "" } else { "s" }
            )?;
            writeln!(
                out,
                "  hint: see them with `khutta merge` or in the TUI's Conflicts screen, then `khutta merge --continue` and sync again"
            )?;
            Ok(ExitCode::from(1))
        }
        Err(e) => {
            let e: CommandError = e.into();
            Err(match e {
                CommandError::User { message, hint } => CommandError::Usage { message, hint },
                other => other,
            })
        }
    }
}

fn bar(done: usize, total: usize) -> String {
    let filled = (done * 20).checked_div(total).unwrap_or(20).min(20);
    format!("[{}{}]", "#".repeat(filled), " ".repeat(20 - filled))
}
