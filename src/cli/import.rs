//! `khutta import FORMAT INPUT --into PLAN`: files other tools wrote, into a plan.
//!
//! The import itself is a pure function in [`khutta::import`]; this file reads the input,
//! prints every problem located at `file:row:col`, and only when there is none at all (and
//! the import leaves no check error the plan did not have) writes the plan's changed files,
//! each atomically and over the bytes last read, after recording them in the operation log.
//! So a bad file never leaves a plan half imported.

use super::check::write_diagnostic;
use super::output::Style;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::check::{Diagnostic, Unread};
use khutta::model::{Plan, Unit};
use khutta::said;
use khutta::text::escape_controls;
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format.
    #[arg(value_enum)]
    format: Format,
    /// What to import: for CSV a folder holding activities.csv and/or budget.csv, or one
    /// file (read as budget lines when its name starts with `budget`, else as activities).
    input: PathBuf,
    /// The plan folder to import into.
    #[arg(long, value_name = "PLAN")]
    into: PathBuf,
    /// Check and report without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// IATI: also add the file's activities (or only the one with this identifier) as
    /// activities of the plan that refer to them.
    #[arg(long, value_name = "IDENTIFIER", num_args = 0..=1, default_missing_value = "")]
    activity: Option<String>,
}

/// The formats `khutta import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// activities.csv and budget.csv, as `khutta export csv` writes them.
    Csv,
    /// An IATI 2.0x activity file: its organisations become partners.
    Iati,
    /// MS Project XML (MSPDI): a new plan in the folder `--into`.
    Mspdi,
}

/// Exit 0 once imported (or, with `--dry-run`, when it would be), 1 when a file has problems.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    if matches!(args.format, Format::Iati | Format::Mspdi) {
        let xml = super::import_xml::Request {
            mspdi: args.format == Format::Mspdi,
            input: &args.input,
            into: &args.into,
            activity: args.activity.as_deref(),
            dry_run: args.dry_run,
        };
        return super::import_xml::run(&xml, ui);
    }
    let root = resolve_plan(Some(&args.into))?;
    let mut loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    let imported = csv(&args.input, &loaded.plan)?;
    let plan = match imported {
        Ok(plan) => plan,
        Err(problems) => {
            report(&problems, ui)?;
            return Ok(ExitCode::from(1));
        }
    };
    let new_errors = new_errors(&loaded.plan, &plan);
    if !new_errors.is_empty() {
        let m = &ui.messages;
        let mut out = std::io::stdout().lock();
        let terminal = std::io::stdout().is_terminal();
        let heading = m.count("import-new-errors", new_errors.len());
        writeln!(out, "{}", ui.plan_line(&heading, m.lang(), terminal))?;
        for d in &new_errors {
            write_diagnostic(&mut out, Style::stdout(), ui, terminal, &root, d)?;
        }
        return Ok(ExitCode::from(1));
    }
    let units = changed_activities(&loaded.plan, &plan);
    let files: Vec<String> = units.iter().map(Unit::to_string).collect();
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    if !args.dry_run && !units.is_empty() {
        let kind = khutta::repo::oplog::OpKind::ImportFiles {
            format: format_name(args.format).to_owned(),
        };
        if let Some(why) =
            khutta::repo::oplog::record(&root, ui.folders.state.as_deref(), kind, &files)
        {
            eprintln!(
                "{}",
                m.get_args("op-not-recorded", &[("error", why.show(m).into())])
            );
        }
        let report = khutta::store::save(&mut loaded, &plan)?;
        if !report.changed_on_disk.is_empty() {
            return Err(CommandError::User {
                message: said!(
                    "import-changed-on-disk",
                    files = &report.changed_on_disk.join(", ")
                ),
                hint: Some(said!("error-changed-on-disk-hint")),
            });
        }
    }
    let key = if args.dry_run {
        "import-would-write"
    } else {
        "import-wrote"
    };
    let line = m.get_args(
        key,
        &[
            ("files", m.count("count-files", files.len()).into()),
            (
                "plan",
                escape_controls(&root.display().to_string())
                    .into_owned()
                    .into(),
            ),
        ],
    );
    println!("{}", ui.plan_line(&line, m.lang(), terminal));
    Ok(ExitCode::SUCCESS)
}

/// Reads the CSV files at `input` and imports them into `plan`.
fn csv(input: &Path, plan: &Plan) -> Result<Result<Plan, Vec<Diagnostic>>, CommandError> {
    match khutta::exchange::import_csv(input, plan) {
        Ok(plan) => Ok(Ok(plan)),
        Err(khutta::exchange::ExchangeError::Problems(ds)) => Ok(Err(ds)),
        Err(e) => Err(CommandError::User {
            message: e.said(),
            hint: e.hint(),
        }),
    }
}

/// Each problem as `file:row:col: error[CODE]: message` and its hint, as `check` prints
/// them, then how many.
fn report(problems: &[Diagnostic], ui: &Ui) -> Result<(), CommandError> {
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    for p in problems {
        // The path as the user gave it: a CSV file is not inside the plan folder.
        write_diagnostic(&mut out, Style::stdout(), ui, terminal, Path::new(""), p)?;
    }
    let line = m.count("import-refused", problems.len());
    writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    Ok(())
}

/// The check errors of `after` that `before` does not have (by code, file and words), each
/// located in the canonical text its file would hold.
fn new_errors(before: &Plan, after: &Plan) -> Vec<Diagnostic> {
    let key = |d: &Diagnostic| (d.code, d.path.clone(), d.message.english());
    let unread = Unread::default();
    let had: BTreeSet<_> = khutta::check::check(before, &unread)
        .iter()
        .filter(|d| d.is_error())
        .map(key)
        .collect();
    let mut new: Vec<Diagnostic> = khutta::check::check(after, &unread)
        .into_iter()
        .filter(|d| d.is_error() && !had.contains(&key(d)))
        .collect();
    for d in &mut new {
        let unit = match &d.subject {
            khutta::check::Subject::Entity { entity, id } => Unit::entity(*entity, id),
            _ => Unit::Plan,
        };
        let text = khutta::store::unit_text(after, &unit)
            .ok()
            .flatten()
            .unwrap_or_default();
        let (line, col) = khutta::store::locate(&text, &d.anchor);
        (d.line, d.col) = (line, col);
    }
    khutta::check::sort(&mut new);
    new
}

/// The activity files an import changes (it changes nothing else).
fn changed_activities(before: &Plan, after: &Plan) -> Vec<Unit> {
    after
        .activities
        .iter()
        .filter(|(id, a)| before.activities.get(*id) != Some(*a))
        .map(|(id, _)| Unit::entity(khutta::model::EntityKind::Activity, id))
        .collect()
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Csv => "csv",
        Format::Iati => "iati",
        Format::Mspdi => "mspdi",
    }
}
