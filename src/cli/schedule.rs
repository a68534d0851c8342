//! `khutta schedule`: each activity's early and late dates, slack and criticality, and the
//! plan's finish and critical paths, as a table, JSON or CSV.

use super::output::Style;
use super::{CommandError, clock, resolve_plan};
use khutta::model::{Activity, ActivityKind, Plan, Status};
use khutta::schedule::{Entry, Schedule, Shape};
use khutta::text::escape_controls;
use std::io::{BufWriter, Write};
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
/// finish has passed. Groups have no status of their own to compare.
fn is_late(a: &Activity, e: &Entry, today: chrono::NaiveDate) -> bool {
    !e.cancelled
        && e.shape != Shape::Group
        && a.status != Status::Done
        && e.dates.is_some_and(|d| d.late_finish < today)
}

fn kind_name(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Task => "task",
        ActivityKind::Milestone => "milestone",
        ActivityKind::Group => "group",
    }
}

/// Prints the schedule. Exit 0 even when the plan has conflicts or cycles: they are listed,
/// and `khutta check` is the command that fails on them.
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load(&root)?;
    let today = clock::today(args.today)?;
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let unreadable = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
    if unreadable > 0 {
        eprintln!(
            "note: {unreadable} problem{} reading the plan; the schedule covers what could be read (run `khutta check`)",
            if unreadable == 1 { "" } else { "s" }
        );
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Table => table(&mut out, plan, &schedule, today)?,
        Format::Json => json(&mut out, plan, &schedule, today)?,
        Format::Csv => csv(&mut out, plan, &schedule, today)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn table(
    out: &mut impl Write,
    plan: &Plan,
    s: &Schedule,
    today: chrono::NaiveDate,
) -> std::io::Result<()> {
    let style = Style::stdout();
    let ids: Vec<std::borrow::Cow<str>> = plan
        .activities
        .keys()
        .map(|k| escape_controls(k.as_str()))
        .collect();
    let w = ids
        .iter()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "{:w$}  {:9}  {:10}  {:10}  {:10}  {:10}  {:>5}  {:>5}  {:>5}  flags",
            "activity",
            "kind",
            "start",
            "finish",
            "late start",
            "late end",
            "days",
            "slack",
            "free"
        ))
    )?;
    for ((id, a), e) in ids.iter().zip(plan.activities.values()).zip(&s.entries) {
        let Some(d) = e.dates else {
            writeln!(
                out,
                "{id:w$}  {:9}  unscheduled: on a dependency cycle",
                kind_name(a.kind)
            )?;
            continue;
        };
        let mut flags = Vec::new();
        if d.critical {
            flags.push("critical");
        }
        if e.fixed {
            flags.push("fixed");
        }
        if e.cancelled {
            flags.push("cancelled");
        }
        if is_late(a, e, today) {
            flags.push("late");
        }
        let line = format!(
            "{id:w$}  {:9}  {}  {}  {}  {}  {:>5}  {:>5}  {:>5}  {}",
            kind_name(a.kind),
            d.early_start,
            d.early_finish,
            d.late_start,
            d.late_finish,
            d.duration,
            d.total_slack,
            d.free_slack,
            flags.join(" ")
        );
        if d.critical {
            writeln!(out, "{}", style.bold(&line))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "start     {}", s.start)?;
    let window_end = plan.meta.window.end;
    match s.finish {
        Some(f) if f > window_end => {
            writeln!(out, "finish    {f} (after the window ends on {window_end})")?
        }
        Some(f) => writeln!(out, "finish    {f}")?,
        None => writeln!(out, "finish    none: nothing could be scheduled")?,
    }
    writeln!(out, "today     {today}")?;
    for (k, p) in s.critical_paths.iter().enumerate() {
        let names: Vec<std::borrow::Cow<str>> =
            p.iter().map(|i| escape_controls(i.as_str())).collect();
        let head = if k == 0 { "critical" } else { "" };
        writeln!(out, "{head:9} {}", names.join(" -> "))?;
    }
    if s.critical_paths_truncated {
        writeln!(out, "          (more critical paths than shown)")?;
    }
    if !s.conflicts.is_empty() {
        writeln!(
            out,
            "{}",
            style.error(&format!(
                "conflicts {} fixed date{} cannot hold; `khutta check` names them",
                s.conflicts.len(),
                if s.conflicts.len() == 1 { "" } else { "s" }
            ))
        )?;
    }
    for c in &s.cycles {
        let cycle = khutta::check::format_cycle(c);
        let line = format!("cycle     {}", escape_controls(&cycle));
        writeln!(out, "{}", style.error(&line))?;
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

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
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
