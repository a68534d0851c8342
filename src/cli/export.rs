//! `khutta export FORMAT`: the plan and its schedule as files other tools read.
//!
//! The formats themselves are pure functions in [`khutta::export`]; this file loads the
//! plan, schedules it and writes what they give: one file to `--out` or standard output, or
//! several into the folder `--out`, each written atomically.

use super::check::write_diagnostic;
use super::output::Style;
use super::ui::Ui;
use super::{CommandError, clock, resolve_plan};
use khutta::check::Diagnostic;
use khutta::export::{File, Input};
use khutta::model::Id;
use khutta::said;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The format.
    #[arg(value_enum)]
    format: Format,
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// Where to write: a file (default: standard output), or for CSV a folder.
    #[arg(long, short, value_name = "PATH")]
    out: Option<PathBuf>,
    /// The date to treat as today: late work, the calendar's DTSTAMP (default:
    /// `KHUTTA_TODAY`, else the system clock).
    #[arg(long, value_name = "DATE")]
    today: Option<chrono::NaiveDate>,
    /// iCalendar: activities too, as multi-day events (milestones always).
    #[arg(long)]
    activities: bool,
    /// iCalendar: only the activities this partner leads or takes part in.
    #[arg(long, value_name = "ID")]
    partner: Option<String>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum BudgetPeriod {
    Year,
    Quarter,
}

/// The formats `khutta export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// activities.csv, budget.csv and partners.csv, into the folder `--out`.
    Csv,
    /// iCalendar (RFC 5545): milestones, and with `--activities` activities.
    Ics,
    /// A status report in Markdown with a Mermaid Gantt chart.
    Markdown,
    /// IATI 2.03 activity XML, for open-data publication.
    Iati,
    /// MS Project XML (MSPDI), for MS Project, ProjectLibre and MPXJ.
    Mspdi,
    /// One self-contained HTML report: Gantt chart, activities, budget, consultations.
    Html,
}

/// Plans at least this large say on a terminal what they are doing.
const LARGE: usize = 2_000;

/// Writes the export. Exit 0 once written, even when the plan has problems (`khutta check`
/// is the command that fails on them; an unreadable file is noted on standard error).
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let today = clock::today(args.today)?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    let m = &ui.messages;
    let terminal = std::io::stderr().is_terminal();
    let progress = terminal && loaded.plan.activities.len() >= LARGE;
    let note = |step: khutta::i18n::Said| {
        if progress {
            let line = said!(
                "export-progress",
                count = loaded.plan.activities.len(),
                step = step
            );
            eprintln!("{}", ui.plan_line(&line.show(m), m.lang(), terminal));
        }
    };
    let unread: Vec<Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    let unreadable = unread.len();
    // What is published for others must be the whole plan: refuse, showing what did not load.
    if unreadable > 0 && khutta::export::format::Format::from(args.format).needs_whole_plan() {
        return Err(fail_with(
            &root,
            unread,
            ui,
            said!("export-failed"),
            said!("export-failed-hint"),
        ));
    }
    if unreadable > 0 {
        let line = m.count("export-unreadable", unreadable);
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
    }
    note(said!("export-step-schedule"));
    let schedule = khutta::schedule::schedule(&loaded.plan);
    let input = Input {
        plan: &loaded.plan,
        schedule: &schedule,
        today,
        lang: m.lang(),
    };
    note(said!("export-step-write"));
    let options = khutta::export::format::Options {
        ics: khutta::export::ics::Options {
            activities: args.activities,
            partner: args
                .partner
                .as_deref()
                .map(|p| partner(&loaded.plan, p))
                .transpose()?,
        },
        iati: khutta::export::iati::Options {
            reporting_org: args.reporting_org.as_deref().map(Id::new_unchecked),
            period: match args.budget_period {
                BudgetPeriod::Year => khutta::export::iati::Period::Year,
                BudgetPeriod::Quarter => khutta::export::iati::Period::Quarter,
            },
        },
        baseline: match &args.baseline {
            Some(name) => Some(baseline(&root, name)?),
            None => None,
        },
    };
    let files =
        khutta::export::format::export(args.format.into(), &input, &options, m).map_err(|ds| {
            fail_with(
                &root,
                ds,
                ui,
                said!("export-failed"),
                said!("export-failed-hint"),
            )
        })?;
    write(&files, args.out.as_deref(), args.format, ui)?;
    Ok(ExitCode::SUCCESS)
}

/// The partner `--partner` names, which must be one of the plan's.
fn partner(plan: &khutta::model::Plan, id: &str) -> Result<Id, CommandError> {
    plan.partners
        .keys()
        .find(|k| k.as_str() == id)
        .cloned()
        .ok_or_else(|| CommandError::User {
            message: said!("export-no-partner", id = id),
            hint: Some(said!(
                "export-no-partner-hint",
                partners = &plan
                    .partners
                    .keys()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        })
}

/// One file to `out` (or standard output); several into the folder `out`, which they need.
fn write(files: &[File], out: Option<&Path>, format: Format, ui: &Ui) -> Result<(), CommandError> {
    let m = &ui.messages;
    let failed = |e: khutta::exchange::ExchangeError| CommandError::User {
        message: e.said(),
        hint: e.hint(),
    };
    match (files, out) {
        ([file], None) => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&file.bytes)?;
            stdout.flush()?;
        }
        ([_], Some(path)) => {
            khutta::exchange::write(files, path).map_err(failed)?;
            let line = m.get_args(
                "export-written",
                &[("path", path.display().to_string().into())],
            );
            // What was done goes to standard error: standard output is the export's own.
            eprintln!(
                "{}",
                ui.plan_line(&line, m.lang(), std::io::stderr().is_terminal())
            );
        }
        (_, None) => {
            return Err(CommandError::Usage {
                message: said!("export-needs-out", format = format_name(format)),
                hint: Some(said!("export-needs-out-hint", format = format_name(format))),
            });
        }
        (files, Some(dir)) => {
            khutta::exchange::write(files, dir).map_err(failed)?;
            let line = m.get_args(
                "export-written-files",
                &[
                    ("files", m.count("count-files", files.len()).into()),
                    ("path", dir.display().to_string().into()),
                ],
            );
            // What was done goes to standard error: standard output is the export's own.
            eprintln!(
                "{}",
                ui.plan_line(&line, m.lang(), std::io::stderr().is_terminal())
            );
        }
    }
    Ok(())
}

fn format_name(f: Format) -> &'static str {
    khutta::export::format::Format::from(f).name()
}

impl From<Format> for khutta::export::format::Format {
    fn from(f: Format) -> Self {
        use khutta::export::format::Format as F;
        match f {
            Format::Csv => F::Csv,
            Format::Ics => F::Ics,
            Format::Markdown => F::Markdown,
            Format::Iati => F::Iati,
            Format::Mspdi => F::Mspdi,
            Format::Html => F::Html,
        }
    }
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
