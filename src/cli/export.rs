//! `khutta export FORMAT [PLAN] [--out PATH]`: the plan written in another format, in the
//! language of `--lang`. The formats are pure functions of `khutta::export`; this file reads
//! the plan and writes what they return, atomically, or to standard output.

use super::ui::Ui;
use super::{CommandError, clock, resolve_plan};
use khutta::said;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to write.
    #[arg(value_enum)]
    format: Format,
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// The file to write (default: standard output).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// The date to treat as today (default: `KHUTTA_TODAY`, else the system clock).
    #[arg(long, value_name = "DATE")]
    today: Option<chrono::NaiveDate>,
}

/// The formats `khutta export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One self-contained HTML report: Gantt chart, activities, budget, consultations.
    Html,
}

/// Writes the export. Exit 0 even when the plan has problems: `khutta check` fails on them.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache(&root).as_deref())?;
    let today = clock::today(args.today)?;
    let plan = &loaded.plan;
    let unreadable = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if unreadable > 0 {
        let m = &ui.messages;
        let note = m.count("schedule-unreadable", unreadable);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&note, m.lang(), terminal));
    }
    let schedule = khutta::schedule::schedule(plan);
    let bytes = match args.format {
        Format::Html => khutta::export::html::report(
            plan,
            &schedule,
            &khutta::export::html::Options {
                messages: &ui.messages,
                today,
            },
        )
        .into_bytes(),
    };
    match &args.out {
        Some(path) => {
            khutta::store::write_atomic(path, &bytes).map_err(|e| CommandError::User {
                message: said!("export-cannot-write", path = &path.display(), error = &e),
                hint: Some(said!("export-cannot-write-hint")),
            })?
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
