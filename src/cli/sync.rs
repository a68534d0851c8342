//! `khutta sync [REMOTE]`: fetch, merge the plan by meaning, push; baselines travel too.
//! What the server says (a hook's message) is shown as `remote: ...`; Ctrl-C cancels at the
//! next step, a second Ctrl-C ends khutta at once.

use super::prompt::TerminalPrompt;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::i18n::{Arg, Messages};
use khutta::repo::{BaselineNews, Cancel, PlanRepo, Prompter, SyncEvent, SyncOptions, SyncOutcome};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `khutta sync`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The remote to sync with.
    #[arg(default_value = "origin")]
    remote: String,
}

/// Ctrl-C raises the sync's cancel while it runs; a second one ends khutta at once (as a
/// kill would, which loses nothing either). Restores the usual Ctrl-C when dropped.
struct Interrupt(Vec<signal_hook::SigId>);

impl Interrupt {
    fn raise(cancel: &Cancel) -> Interrupt {
        use signal_hook::consts::SIGINT;
        let flag = cancel.flag();
        // The shutdown is registered first, so that it sees the flag the first Ctrl-C raised
        // only on the second.
        let ids = [
            signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&flag)),
            signal_hook::flag::register(SIGINT, flag),
        ];
        Interrupt(ids.into_iter().flatten().collect())
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        for id in self.0.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Exit 0 when synced, 1 when conflicts remain to resolve, 2 on failure (nothing lost).
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let r = PlanRepo::open(&root)?;
    super::warn_about_drivers(&root, ui);
    // What arrives with the partners' changes is checked as a whole, as a merge is: against
    // the plan as it was (a sync starts from a plan folder that is its last commit).
    let before = r.commit_of("HEAD").ok();
    let show = std::io::stderr().is_terminal();
    let m = &ui.messages;
    let cancel = Cancel::default();
    let interrupt = Interrupt::raise(&cancel);
    let prompt = (std::io::stdin().is_terminal() && show).then(|| {
        Arc::new(TerminalPrompt {
            lang: m.lang(),
            cancel: cancel.clone(),
        }) as Arc<dyn Prompter>
    });
    let mut err = std::io::stderr().lock();
    let mut progress = |e: SyncEvent| match e {
        // A person's words from the server (a hook's) stay, whether or not on a terminal.
        SyncEvent::Server(line) if !line.progress => {
            let text = m.get_args("sync-remote", &[("line", line.text.into())]);
            let clear = if show { "\r\x1b[2K" } else { "" };
            let _ = writeln!(err, "{clear}{}", ui.plan_line(&text, m.lang(), show));
        }
        e if show => {
            let line = progress_line(m, e);
            let _ = write!(err, "\r\x1b[2K{}", ui.plan_line(&line, m.lang(), true));
        }
        _ => {}
    };
    let outcome = khutta::repo::sync(
        &r,
        &SyncOptions {
            remote: args.remote.clone(),
            cancel: cancel.clone(),
            prompt,
            ..SyncOptions::default()
        },
        &mut progress,
    );
    drop(interrupt);
    if show {
        eprint!("\r\x1b[2K");
    }
    let report = match outcome {
        Ok(report) => report,
        // Every failure of a sync exits 2: nothing was lost, and the message says what to do.
        Err(e) => {
            return Err(match CommandError::from(e) {
                CommandError::User { message, hint } => CommandError::Usage { message, hint },
                other => other,
            });
        }
    };
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal));
    let remote = || Arg::Text(args.remote.as_str().into());
    let mut check_after = false;
    let code = match report.outcome {
        SyncOutcome::UpToDate => {
            say(m.get_args("sync-up-to-date", &[("remote", remote())]))?;
            ExitCode::SUCCESS
        }
        SyncOutcome::Synced {
            received,
            merged,
            pushed,
        } => {
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
            check_after = received;
            ExitCode::SUCCESS
        }
        SyncOutcome::Conflicts(n) => {
            say(m.count("sync-conflicts", n))?;
            say(format!("  {}", m.get("sync-conflicts-hint")))?;
            ExitCode::from(1)
        }
    };
    for line in baseline_lines(m, &args.remote, &report.baselines) {
        say(line)?;
    }
    let terminal = std::io::stderr().is_terminal();
    for d in &report.baselines.differ {
        let args = [
            ("name", Arg::Text(d.name.as_str().into())),
            ("remote", remote()),
            ("here", short(d.here).into()),
            ("there", short(d.there).into()),
        ];
        for (indent, key) in [
            ("", "sync-baseline-differs"),
            ("  ", "sync-baseline-differs-hint"),
        ] {
            let line = m.get_args(key, &args);
            writeln!(err, "{indent}{}", ui.plan_line(&line, m.lang(), terminal))?;
        }
    }
    // Errors that arrived with the partners' changes make the sync exit 1, listed last.
    drop(out);
    if check_after && super::check::report_new_errors(&root, &r, before, ui)? > 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(code)
}

fn short(id: khutta::repo::CommitId) -> String {
    id.abbreviated(10)
}

/// The baselines received and sent, a line each.
fn baseline_lines(m: &Messages, remote: &str, news: &BaselineNews) -> Vec<String> {
    let mut lines = Vec::new();
    for (key, names) in [
        ("sync-baselines-received", &news.received),
        ("sync-baselines-sent", &news.sent),
    ] {
        if !names.is_empty() {
            lines.push(m.get_args(
                key,
                &[
                    ("remote", remote.into()),
                    ("names", names.join(", ").into()),
                ],
            ));
        }
    }
    lines
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
        SyncEvent::Server(line) => m.get_args("sync-remote", &[("line", line.text.into())]),
    }
}

fn bar(done: usize, total: usize) -> String {
    let filled = (done * 20).checked_div(total).unwrap_or(20).min(20);
    format!("[{}{}]", "#".repeat(filled), " ".repeat(20 - filled))
}
