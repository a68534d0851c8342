//! `khutta export FORMAT [PLAN] [--out PATH]`: the plan in another program's format.
//!
//! The formats themselves are pure functions in `khutta::export`; this file loads the plan,
//! schedules it, and writes the bytes to standard output or atomically to `--out`.

use super::check::write_diagnostic;
use super::output::Style;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::check::Diagnostic;
use khutta::model::Id;
use khutta::said;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format to write.
    #[arg(value_enum)]
    format: Format,
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// The file to write (default: standard output). Written whole or not at all.
    #[arg(long, short = 'o', value_name = "PATH")]
    out: Option<PathBuf>,
    /// IATI: the partner that publishes the activity (default: the one Accountable partner).
    #[arg(long, value_name = "PARTNER")]
    reporting_org: Option<String>,
    /// IATI: the length of budget and planned-disbursement periods.
    #[arg(long, value_enum, default_value_t = BudgetPeriod::Year)]
    budget_period: BudgetPeriod,
    /// MS Project: write the dates of this baseline (see `khutta baseline`) as baseline 0.
    #[arg(long, value_name = "NAME")]
    baseline: Option<String>,
}

/// The formats `khutta export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// IATI 2.03 activity XML, for open-data publication.
    Iati,
    /// MS Project XML (MSPDI), for MS Project, ProjectLibre and MPXJ.
    Mspdi,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum BudgetPeriod {
    Year,
    Quarter,
}

/// Prints located diagnostics on standard error and fails with `message`.
pub fn fail_with(
    root: &Path,
    mut diagnostics: Vec<Diagnostic>,
    ui: &Ui,
    message: khutta::i18n::Said,
    hint: khutta::i18n::Said,
) -> CommandError {
    khutta::store::locate_all(root, &mut diagnostics);
    let terminal = std::io::stderr().is_terminal();
    let mut err = std::io::stderr().lock();
    for d in &diagnostics {
        let _ = write_diagnostic(&mut err, Style::stderr(), ui, terminal, root, d);
    }
    CommandError::User {
        message,
        hint: Some(hint),
    }
}

/// Writes `bytes` to `out` atomically, or to standard output.
pub fn write_out(out: Option<&Path>, bytes: &[u8], ui: &Ui) -> Result<(), CommandError> {
    match out {
        Some(path) => {
            khutta::store::write_atomic(path, bytes).map_err(|e| CommandError::User {
                message: said!("export-cannot-write", path = &path.display(), error = &e),
                hint: None,
            })?;
            let m = &ui.messages;
            let shown = khutta::text::escape_controls(&path.display().to_string()).into_owned();
            let line = m.get_args("export-written", &[("path", shown.into())]);
            let terminal = std::io::stderr().is_terminal();
            eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
            Ok(())
        }
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(bytes)?;
            o.flush()?;
            Ok(())
        }
    }
}

/// The scheduled dates of the plan at baseline `name`.
fn baseline(
    root: &Path,
    name: &str,
) -> Result<std::collections::BTreeMap<Id, khutta::schedule::Dates>, CommandError> {
    let missing = || CommandError::Usage {
        message: said!("export-no-baseline", name = name),
        hint: Some(said!("export-no-baseline-hint")),
    };
    let r = khutta::repo::PlanRepo::discover(root)?;
    let commit = r
        .commit_of(&format!("refs/tags/baseline/{name}"))
        .map_err(|_| missing())?;
    let plan = r.plan_at(commit)?;
    let schedule = khutta::schedule::schedule(&plan);
    Ok(khutta::export::mspdi::baseline_dates(&plan, &schedule))
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache(&root).as_deref())?;
    // A plan read in part would be published in part: refuse, showing what did not load.
    let unread: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    if !unread.is_empty() {
        return Err(fail_with(
            &root,
            unread,
            ui,
            said!("export-failed"),
            said!("export-failed-hint"),
        ));
    }
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let bytes = match args.format {
        Format::Iati => {
            let opts = khutta::export::iati::Options {
                reporting_org: args.reporting_org.as_deref().map(Id::new_unchecked),
                period: match args.budget_period {
                    BudgetPeriod::Year => khutta::export::iati::Period::Year,
                    BudgetPeriod::Quarter => khutta::export::iati::Period::Quarter,
                },
            };
            khutta::export::iati::export(plan, &schedule, &opts).map_err(|ds| {
                fail_with(
                    &root,
                    ds,
                    ui,
                    said!("export-failed"),
                    said!("export-failed-hint"),
                )
            })?
        }
        Format::Mspdi => {
            let opts = khutta::export::mspdi::Options {
                lang: ui.messages.lang(),
                baseline: match &args.baseline {
                    Some(name) => Some(baseline(&root, name)?),
                    None => None,
                },
            };
            khutta::export::mspdi::export(plan, &schedule, &opts)
        }
    };
    write_out(args.out.as_deref(), &bytes, ui)?;
    Ok(ExitCode::SUCCESS)
}
