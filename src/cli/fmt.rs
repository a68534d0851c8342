//! `khutta fmt`: rewrite a plan's files into canonical form, or list those that differ.

use super::check::write_diagnostic;
use super::output::Style;
use super::{CommandError, resolve_plan};
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta fmt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// Change nothing: list the files that are not canonical and exit 1 if there are any.
    #[arg(long)]
    check: bool,
}

/// Exit 0 when every file is (now) canonical, 1 when `--check` finds files to change, 2 when
/// some files cannot be read and so cannot be formatted.
pub fn run(args: Args, ui: &super::ui::Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    // A plan whose plan.ron cannot be read (a newer format, a syntax error) is left as it is
    // whole: rewriting its other files could drop what a newer khutta wrote in them.
    let check_only = args.check || !loaded.meta_readable;
    let mut outcome = khutta::store::format_folder(&loaded, true)?;
    if !check_only {
        khutta::store::sweep_stale_files(&loaded);
    }
    if !check_only && !outcome.changed.is_empty() {
        let kind = khutta::repo::oplog::OpKind::Fmt;
        if let Some(why) =
            khutta::repo::oplog::record(&root, ui.folders.state.as_deref(), kind, &outcome.changed)
        {
            eprintln!(
                "{}",
                ui.messages.get_args(
                    "op-not-recorded",
                    &[("error", why.show(&ui.messages).into())]
                )
            );
        }
        outcome = khutta::store::format_folder(&loaded, false)?;
    }
    let mut out = std::io::stdout().lock();
    let style = Style::stdout();
    let terminal = std::io::stdout().is_terminal();
    for d in &outcome.unreadable {
        write_diagnostic(&mut out, style, ui, terminal, &root, d)?;
    }
    let m = &ui.messages;
    // Said as what would change whenever nothing was written, so the words never claim a write.
    let key = if check_only {
        "fmt-would-reformat"
    } else {
        "fmt-reformatted"
    };
    for rel in &outcome.changed {
        let path = escape_controls(&root.join(rel).display().to_string()).into_owned();
        let line = m.get_args(key, &[("path", path.into())]);
        writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    }
    Ok(if !outcome.unreadable.is_empty() {
        ExitCode::from(2)
    } else if args.check && !outcome.changed.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
