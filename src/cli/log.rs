//! `khutta log [--activity ID]`: the commits that touched the plan, in plan terms; with
//! `--activity`, those of one activity, followed back across its renames. Each commit says
//! whether it is signed, and by whom when the plan's governance knows the key.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::model::Id;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta log`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder).
    plan: Option<PathBuf>,
    /// Only commits that changed this activity, under this id or any it had before.
    #[arg(long, value_name = "ID")]
    activity: Option<String>,
    /// At most this many commits.
    #[arg(long, short = 'n', default_value_t = 50)]
    limit: usize,
}

/// Prints one block per commit: id, date, author, message, and what changed. Authors and
/// messages may be Arabic: on a terminal they are shown in display order, as plan text is.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let r = khutta::repo::PlanRepo::discover(&root)?;
    let activity = args.activity.map(Id::new_unchecked);
    let entries = r.log(activity.as_ref(), args.limit)?;
    let signatures = khutta::repo::Signatures::new(&r, r.known_keys());
    let terminal = std::io::stdout().is_terminal();
    let lang = ui.messages.lang();
    let mut out = std::io::stdout().lock();
    for e in entries {
        let when = chrono::DateTime::from_timestamp(e.time, 0)
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let id = e.id.to_string();
        let head = format!("{} {when} {} <{}>", &id[..10], e.author, e.email);
        writeln!(out, "{}", ui.plan_line(&head, lang, terminal))?;
        let signed = signatures.of(&r, e.id).said().show(&ui.messages);
        writeln!(out, "    {}", ui.plan_line(&signed, lang, terminal))?;
        writeln!(out, "    {}", ui.plan_line(&e.message, lang, terminal))?;
        writeln!(
            out,
            "    {}",
            ui.plan_line(&e.changes.show(&ui.messages), lang, terminal)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
