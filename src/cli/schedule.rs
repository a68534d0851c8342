//! `khutta schedule`: each activity's early and late dates, slack and criticality, and the
//! plan's finish and critical paths, as a table, JSON or CSV.

use super::output::Style;
use super::ui::Cells;
use super::ui::Ui;
use super::{CommandError, clock, resolve_plan};
use khutta::i18n::Messages;
use khutta::model::{Activity, ActivityKind, Plan, Status};
use khutta::schedule::{Entry, Schedule, Shape};
use khutta::text::{Align, escape_controls, str_width};
use std::borrow::Cow;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta schedule`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// The date to treat as today, for flagging late activities (default: `KHUTTA_TODAY`,
    /// else the system clock).
    #[arg(long, value_name = "DATE")]
    today: Option<chrono::NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

/// Whether a task or milestone should have finished by `today` and is not done: its latest
/// finish has passed (the TUI's flag, from the same definition).
fn is_late(a: &Activity, e: &Entry, today: chrono::NaiveDate) -> bool {
    khutta::schedule::standing::flag(a, e, today) == Some(khutta::schedule::standing::Flag::Late)
}

fn kind_name(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Task => "task",
        ActivityKind::Milestone => "milestone",
        ActivityKind::Group => "group",
    }
}

/// The kind as the table shows it, in the UI's language.
fn kind_key(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Task => "schedule-kind-task",
        ActivityKind::Milestone => "schedule-kind-milestone",
        ActivityKind::Group => "schedule-kind-group",
    }
}

/// Prints the schedule. Exit 0 even when the plan has conflicts or cycles: they are listed,
/// and `khutta check` is the command that fails on them.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    let today = clock::today(args.today)?;
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let unreadable = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if unreadable > 0 {
        let m = &ui.messages;
        let note = m.count("schedule-unreadable", unreadable);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&note, m.lang(), terminal));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Table => {
            let cells = Cells::new(ui, std::io::stdout().is_terminal());
            table(&mut out, plan, &schedule, today, &ui.messages, &cells)?
        }
        Format::Json => json(&mut out, plan, &schedule, today)?,
        Format::Csv => csv(&mut out, plan, &schedule, today)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The table's column headings, but for the last, the flags.
const HEADINGS: [&str; 9] = [
    "schedule-col-activity",
    "schedule-col-kind",
    "schedule-col-start",
    "schedule-col-finish",
    "schedule-col-late-start",
    "schedule-col-late-end",
    "schedule-col-days",
    "schedule-col-slack",
    "schedule-col-free",
];

/// The labels of the lines under the table.
const TOTALS: [&str; 6] = [
    "schedule-start",
    "schedule-finish",
    "schedule-today",
    "schedule-critical",
    "schedule-conflicts",
    "schedule-cycle",
];

fn table(
    out: &mut impl Write,
    plan: &Plan,
    s: &Schedule,
    today: chrono::NaiveDate,
    m: &Messages,
    cells: &Cells,
) -> std::io::Result<()> {
    let style = Style::stdout();
    let ids: Vec<Cow<str>> = plan
        .activities
        .keys()
        .map(|k| escape_controls(k.as_str()))
        .collect();
    let heads = HEADINGS.map(|k| m.get(k));
    let kinds = [
        ActivityKind::Task,
        ActivityKind::Milestone,
        ActivityKind::Group,
    ]
    .map(|k| str_width(&m.get(kind_key(k))));
    // The widths English has always had (a date is 10 wide), or a heading's when wider.
    let id_w = ids.iter().map(|i| str_width(i)).max().unwrap_or(0).max(8);
    let mut widths = [id_w, 9, 10, 10, 10, 10, 5, 5, 5];
    widths[1] = widths[1].max(kinds.into_iter().max().unwrap_or(0));
    for (w, h) in widths.iter_mut().zip(&heads) {
        *w = (*w).max(str_width(h));
    }
    // Text on the left of its column, numbers on the right.
    let align = |k: usize| if k < 6 { Align::Left } else { Align::Right };
    let mut line: Vec<String> = heads
        .iter()
        .enumerate()
        .map(|(k, h)| cells.pad(h, widths[k], align(k)))
        .collect();
    line.push(cells.last(&m.get("schedule-col-flags")));
    writeln!(out, "{}", cells.line(style.bold(&line.join("  "))))?;
    for ((id, a), e) in ids.iter().zip(plan.activities.values()).zip(&s.entries) {
        let mut line = vec![
            cells.pad(id, widths[0], Align::Left),
            cells.pad(&m.get(kind_key(a.kind)), widths[1], Align::Left),
        ];
        let Some(d) = e.dates else {
            line.push(cells.last(&m.get("schedule-unscheduled")));
            writeln!(out, "{}", cells.line(line.join("  ")))?;
            continue;
        };
        let flags: Vec<Cow<str>> = [
            (d.critical, "schedule-flag-critical"),
            (e.fixed, "schedule-flag-fixed"),
            (e.cancelled, "schedule-flag-cancelled"),
            (is_late(a, e, today), "schedule-flag-late"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, k)| m.get(k))
        .collect();
        let dates = [d.early_start, d.early_finish, d.late_start, d.late_finish];
        let numbers = [d.duration, d.total_slack, d.free_slack];
        let values = dates
            .iter()
            .map(ToString::to_string)
            .chain(numbers.iter().map(ToString::to_string));
        for (k, v) in values.enumerate() {
            line.push(cells.pad(&v, widths[k + 2], align(k + 2)));
        }
        line.push(cells.last(&flags.join(" ")));
        let line = line.join("  ");
        let line = if d.critical { style.bold(&line) } else { line };
        writeln!(out, "{}", cells.line(line))?;
    }
    totals(out, plan, s, today, m, cells)
}

/// The plan's start and finish, today, the critical paths, conflicts and cycles, each line
/// after a label in a column of its own.
fn totals(
    out: &mut impl Write,
    plan: &Plan,
    s: &Schedule,
    today: chrono::NaiveDate,
    m: &Messages,
    cells: &Cells,
) -> std::io::Result<()> {
    let style = Style::stdout();
    let labels = TOTALS.map(|k| m.get(k));
    let w = labels
        .iter()
        .map(|l| str_width(l))
        .max()
        .unwrap_or(0)
        .max(9);
    let [start, finish, today_label, critical, conflicts, cycle] =
        labels.map(|l| cells.pad(&l, w, Align::Left));
    let blank = " ".repeat(w);
    let line = |label: &str, value: &str| cells.line(format!("{label} {}", cells.last(value)));
    writeln!(out)?;
    writeln!(out, "{}", line(&start, &s.start.to_string()))?;
    let window_end = plan.meta.window.end;
    let f = match s.finish {
        Some(f) if f > window_end => m.get_args(
            "schedule-finish-after-window",
            &[
                ("finish", f.to_string().into()),
                ("end", window_end.to_string().into()),
            ],
        ),
        Some(f) => f.to_string(),
        None => m.get("schedule-finish-none").into_owned(),
    };
    writeln!(out, "{}", line(&finish, &f))?;
    writeln!(out, "{}", line(&today_label, &today.to_string()))?;
    for (k, p) in s.critical_paths.iter().enumerate() {
        let names: Vec<Cow<str>> = p.iter().map(|i| escape_controls(i.as_str())).collect();
        let head = if k == 0 { &critical } else { &blank };
        writeln!(out, "{}", line(head, &names.join(" -> ")))?;
    }
    if s.critical_paths_truncated {
        writeln!(out, "{}", line(&blank, &m.get("schedule-more-paths")))?;
    }
    if !s.conflicts.is_empty() {
        let n = m.count("schedule-conflicts-count", s.conflicts.len());
        writeln!(out, "{}", style.error(&line(&conflicts, &n)))?;
    }
    for c in &s.cycles {
        let cycle_ids = khutta::check::format_cycle(c);
        let l = line(&cycle, &escape_controls(&cycle_ids));
        writeln!(out, "{}", style.error(&l))?;
    }
    Ok(())
}

/// One activity in the JSON output, borrowed from the plan and the schedule.
#[derive(serde::Serialize)]
struct JsonActivity<'a> {
    id: &'a str,
    kind: &'static str,
    shape: Shape,
    status: Status,
    calendar: Option<&'a str>,
    scheduled: bool,
    early_start: Option<chrono::NaiveDate>,
    early_finish: Option<chrono::NaiveDate>,
    late_start: Option<chrono::NaiveDate>,
    late_finish: Option<chrono::NaiveDate>,
    duration: Option<i64>,
    total_slack: Option<i64>,
    free_slack: Option<i64>,
    critical: bool,
    fixed: bool,
    cancelled: bool,
    late: bool,
}

/// The activities, serialised one by one as the writer asks for them.
struct JsonActivities<'a> {
    plan: &'a Plan,
    schedule: &'a Schedule,
    today: chrono::NaiveDate,
}

impl serde::Serialize for JsonActivities<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = ser.serialize_seq(Some(self.schedule.entries.len()))?;
        for (a, e) in self.plan.activities.values().zip(&self.schedule.entries) {
            let d = e.dates;
            seq.serialize_element(&JsonActivity {
                id: a.id.as_str(),
                kind: kind_name(a.kind),
                shape: e.shape,
                status: a.status,
                calendar: e
                    .calendar
                    .and_then(|c| self.plan.meta.calendars.get(c))
                    .map(|c| c.id.as_str()),
                scheduled: d.is_some(),
                early_start: d.map(|d| d.early_start),
                early_finish: d.map(|d| d.early_finish),
                late_start: d.map(|d| d.late_start),
                late_finish: d.map(|d| d.late_finish),
                duration: d.map(|d| d.duration),
                total_slack: d.map(|d| d.total_slack),
                free_slack: d.map(|d| d.free_slack),
                critical: d.is_some_and(|d| d.critical),
                fixed: e.fixed,
                cancelled: e.cancelled,
                late: is_late(a, e, self.today),
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct JsonConflict<'a> {
    activity: &'a str,
    predecessor: &'a str,
    via: Option<&'a str>,
    kind: &'static str,
    lag: i32,
    date: khutta::schedule::FixedDate,
    fixed: chrono::NaiveDate,
    earliest: chrono::NaiveDate,
    days: i64,
}

#[derive(serde::Serialize)]
struct JsonSchedule<'a> {
    plan: &'a str,
    start: chrono::NaiveDate,
    finish: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
    critical_paths: &'a [Vec<khutta::model::Id>],
    critical_paths_truncated: bool,
    conflicts: Vec<JsonConflict<'a>>,
    cycles: &'a [Vec<khutta::model::Id>],
    activities: JsonActivities<'a>,
}

fn json(
    out: &mut impl Write,
    plan: &Plan,
    s: &Schedule,
    today: chrono::NaiveDate,
) -> std::io::Result<()> {
    let doc = JsonSchedule {
        plan: plan.meta.id.as_str(),
        start: s.start,
        finish: s.finish,
        today,
        critical_paths: &s.critical_paths,
        critical_paths_truncated: s.critical_paths_truncated,
        conflicts: s
            .conflicts
            .iter()
            .map(|c| JsonConflict {
                activity: c.activity.as_str(),
                predecessor: c.predecessor.as_str(),
                via: c.via.as_ref().map(|v| v.as_str()),
                kind: c.kind.code(),
                lag: c.lag,
                date: c.date,
                fixed: c.fixed,
                earliest: c.earliest,
                days: c.days,
            })
            .collect(),
        cycles: &s.cycles,
        activities: JsonActivities {
            plan,
            schedule: s,
            today,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180), and never
/// a spreadsheet formula (see [`khutta::text::csv_cell`]).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    let s = khutta::text::csv_cell(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into_owned().into()
    }
}

fn csv(
    out: &mut impl Write,
    plan: &Plan,
    s: &Schedule,
    today: chrono::NaiveDate,
) -> std::io::Result<()> {
    writeln!(
        out,
        "id,kind,status,early_start,early_finish,late_start,late_finish,duration,total_slack,free_slack,critical,fixed,cancelled,late"
    )?;
    for (a, e) in plan.activities.values().zip(&s.entries) {
        let status = format!("{:?}", a.status);
        write!(
            out,
            "{},{},{status},",
            field(a.id.as_str()),
            kind_name(a.kind)
        )?;
        match e.dates {
            Some(d) => write!(
                out,
                "{},{},{},{},{},{},{},{}",
                d.early_start,
                d.early_finish,
                d.late_start,
                d.late_finish,
                d.duration,
                d.total_slack,
                d.free_slack,
                d.critical
            )?,
            None => write!(out, ",,,,,,,false")?,
        }
        writeln!(out, ",{},{},{}", e.fixed, e.cancelled, is_late(a, e, today))?;
    }
    Ok(())
}
