//! `khutta sync [REMOTE]`: fetch, merge the plan by meaning, push.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::i18n::{Arg, Messages};
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
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let r = PlanRepo::open(&root)?;
    super::warn_about_drivers(&root, ui);
    // What arrives with the partners' changes is checked as a whole, as a merge is.
    let errors_before = super::check::error_keys(&root);
    let show = std::io::stderr().is_terminal();
    let m = &ui.messages;
    let mut err = std::io::stderr().lock();
    let mut progress = |e: SyncEvent| {
        if show {
            let line = progress_line(m, e);
            let _ = write!(err, "\r\x1b[2K{}", ui.plan_line(&line, m.lang(), true));
        }
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
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal));
    let remote = || Arg::Text(args.remote.as_str().into());
    match outcome {
        Ok(SyncOutcome::UpToDate) => {
            say(m.get_args("sync-up-to-date", &[("remote", remote())]))?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(SyncOutcome::Synced {
            received,
            merged,
            pushed,
        }) => {
            let came = received.then(|| {
                m.get(if merged {
                    "sync-merged-theirs"
                } else {
                    "sync-took-theirs"
                })
            });
            let went = pushed.then(|| m.get("sync-sent-yours"));
            let did = match (came, went) {
                (Some(c), Some(w)) => m.get_args(
                    "sync-did-both",
                    &[("received", c.as_ref().into()), ("sent", w.as_ref().into())],
                ),
                (c, w) => c.or(w).map(|x| x.into_owned()).unwrap_or_default(),
            };
            say(m.get_args("sync-synced", &[("remote", remote()), ("did", did.into())]))?;
            drop(out);
            let new = if received {
                super::check::report_new_errors(&root, &errors_before, ui)?
            } else {
                0
            };
            Ok(ExitCode::from(u8::from(new > 0)))
        }
        Ok(SyncOutcome::Conflicts(n)) => {
            say(m.count("sync-conflicts", n))?;
            let hint = m.get("sync-conflicts-hint");
            writeln!(out, "  {}", ui.plan_line(&hint, m.lang(), terminal))?;
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

/// A line of progress for standard error.
fn progress_line(m: &Messages, e: SyncEvent) -> String {
    let count = |key, done: usize, total: usize, bytes: usize| {
        m.get_args(
            key,
            &[
                ("bar", bar(done, total).into()),
                ("done", done.into()),
                ("total", total.into()),
                ("kib", (bytes / 1024).into()),
            ],
        )
    };
    match e {
        SyncEvent::Fetching {
            received,
            total,
            bytes,
        } => count("sync-receiving", received, total, bytes),
        SyncEvent::Merging => m.get("sync-merging").into_owned(),
        SyncEvent::Pushing { sent, total, bytes } => count("sync-sending", sent, total, bytes),
        SyncEvent::Retrying(n) => m.get_args("sync-retrying", &[("attempt", n.into())]),
    }
}

fn bar(done: usize, total: usize) -> String {
    let filled = (done * 20).checked_div(total).unwrap_or(20).min(20);
    format!("[{}{}]", "#".repeat(filled), " ".repeat(20 - filled))
}
