//! MS Project XML (MSPDI): the plan's tasks, outline, links, lags and calendars, with
//! khutta's dates, for MS Project, ProjectLibre and every program that reads MPXJ's formats.
//!
//! - **Tasks** in outline order (a group, then its children by start date); groups are summary
//!   tasks, milestones `Milestone`, cancelled activities inactive (`Active` 0). `WBS` and
//!   `OutlineNumber` number the outline (`2.3.1`), `OutlineLevel` its depth.
//! - **Dates** are khutta's schedule (early dates), a working day being 08:00-12:00 and
//!   13:00-17:00: a task starts at 08:00 of its first day and finishes at 17:00 of its last;
//!   a milestone sits at 08:00 of its day. Durations are working days of 8 hours
//!   (`DurationFormat` 7, days).
//! - **Timing**: a duration is scheduled as soon as possible, or `Start No Earlier Than` its
//!   `not_before`; fixed dates are `Must Start On` the start, with the duration that reaches
//!   the fixed end.
//! - **Links**: FS, SS, FF and SF (`Type` 1, 3, 0, 2); a lag of `n` working days is
//!   `LinkLag` `n × 4800` (tenths of a minute in 8-hour days) with `LagFormat` 7 (days).
//! - **Calendars**: each of the plan's, with its weekend (`DayWorking` 0) and its holidays
//!   (exception days, `DayType` 0); the plan's default is the project calendar. Every task
//!   names the calendar khutta schedules it with; activities with none use an added calendar
//!   with every day working, named [`EVERY_DAY`].
//! - **Status**: `PercentComplete` is the progress; under way or on hold write `ActualStart`,
//!   done writes `ActualFinish` too.
//! - **khutta's own fields**: the task's id and both titles are custom fields Text1 (id),
//!   Text2 (Arabic title) and Text3 (English title), named in `ExtendedAttributes`; `Name` is
//!   the title in the export's language and `Notes` the description in it.
//! - **Baseline** (`--baseline NAME`): baseline 0 of each task holds that baseline's dates.

use super::xml::Xml;
use crate::model::{ActivityKind, DependencyKind, Id, Lang, Plan, Status, Timing, Weekday};
use crate::schedule::{Dates, Schedule, Shape};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The name of the calendar added for activities that have none (every day working).
pub const EVERY_DAY: &str = "khutta-every-day";

/// The custom fields khutta writes: (MSPDI field id, field name, alias).
pub(crate) const FIELDS: [(&str, &str, &str); 3] = [
    ("188743731", "Text1", "khutta id"),
    ("188743734", "Text2", "title (ar)"),
    ("188743737", "Text3", "title (en)"),
];

/// Tenths of a minute in one working day of 8 hours.
pub const LAG_PER_DAY: i64 = 8 * 60 * 10;

/// What the export needs besides the plan and its schedule.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The language of task names and notes.
    pub lang: Lang,
    /// Baseline dates by activity, written as baseline 0.
    pub baseline: Option<BTreeMap<Id, Dates>>,
}

/// The dates of each scheduled activity, to pass as a baseline.
pub fn baseline_dates(plan: &Plan, schedule: &Schedule) -> BTreeMap<Id, Dates> {
    plan.activities
        .keys()
        .zip(&schedule.entries)
        .filter_map(|(id, e)| e.dates.map(|d| (id.clone(), d)))
        .collect()
}

/// MSPDI's code of a link type.
fn link_type(k: DependencyKind) -> &'static str {
    match k {
        DependencyKind::FinishToFinish => "0",
        DependencyKind::FinishToStart => "1",
        DependencyKind::StartToFinish => "2",
        DependencyKind::StartToStart => "3",
    }
}

/// MSPDI's `DayType` of a weekday (Sunday is 1).
fn day_type(d: Weekday) -> u8 {
    match d {
        Weekday::Sun => 1,
        Weekday::Mon => 2,
        Weekday::Tue => 3,
        Weekday::Wed => 4,
        Weekday::Thu => 5,
        Weekday::Fri => 6,
        Weekday::Sat => 7,
    }
}

const WEEK: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

fn hours(days: i64) -> String {
    format!("PT{}H0M0S", days.max(0) * 8)
}

fn at(d: NaiveDate, time: &str) -> String {
    format!("{d}T{time}")
}

/// The activities in outline order, each with its outline number and depth. Activities on a
/// parent cycle (E021) or whose parent is missing start a branch of their own.
fn outline(plan: &Plan, schedule: &Schedule) -> Vec<(usize, String, usize)> {
    let index: BTreeMap<&Id, usize> = plan
        .activities
        .keys()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let acts: Vec<_> = plan.activities.values().collect();
    let start = |i: usize| {
        schedule
            .entries
            .get(i)
            .and_then(|e| e.dates)
            .map(|d| d.early_start)
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); acts.len()];
    let mut roots = Vec::new();
    for (i, a) in acts.iter().enumerate() {
        match a.parent.as_ref().and_then(|p| index.get(p)) {
            Some(&p) if p != i => children[p].push(i),
            _ => roots.push(i),
        }
    }
    let order = |v: &mut Vec<usize>| v.sort_by_key(|&i| (start(i).unwrap_or(NaiveDate::MAX), i));
    order(&mut roots);
    children.iter_mut().for_each(order);
    let mut out = Vec::with_capacity(acts.len());
    let mut seen = vec![false; acts.len()];
    let walk = |roots: &[usize],
                out: &mut Vec<(usize, String, usize)>,
                seen: &mut Vec<bool>,
                base: usize| {
        // Iterative, so that no plan can make the stack deep.
        let mut stack: Vec<(usize, String, usize)> = roots
            .iter()
            .enumerate()
            .rev()
            .map(|(n, &i)| (i, (base + n + 1).to_string(), 1))
            .collect();
        while let Some((i, number, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            for (n, &c) in children[i].iter().enumerate().rev() {
                stack.push((c, format!("{number}.{}", n + 1), depth + 1));
            }
            out.push((i, number, depth));
        }
    };
    walk(&roots, &mut out, &mut seen, 0);
    let rest: Vec<usize> = (0..acts.len()).filter(|&i| !seen[i]).collect();
    let base = roots.len();
    walk(&rest, &mut out, &mut seen, base);
    out
}

/// The plan as an MSPDI project file.
pub fn export(plan: &Plan, schedule: &Schedule, opts: &Options) -> Vec<u8> {
    let lang = opts.lang;
    let mut x = Xml::new(4096 + plan.activities.len() * 1200);
    x.open(
        "Project",
        &[("xmlns", "http://schemas.microsoft.com/project")],
    );
    x.leaf("SaveVersion", &[], "14");
    x.leaf("Name", &[], &format!("{}.xml", plan.meta.id));
    x.leaf("Title", &[], plan.meta.title.show(lang));
    x.leaf("ScheduleFromStart", &[], "1");
    x.leaf("StartDate", &[], &at(plan.meta.window.start, "08:00:00"));
    x.leaf("FinishDate", &[], &at(plan.meta.window.end, "17:00:00"));
    // Calendars: the plan's, then the every-day one when an activity needs it.
    let uses_every_day = schedule.entries.iter().any(|e| e.calendar.is_none());
    let cal_uid = |i: Option<usize>| match i {
        Some(i) => (i + 1).to_string(),
        None => (plan.meta.calendars.len() + 1).to_string(),
    };
    let default = plan
        .meta
        .default_calendar
        .as_ref()
        .and_then(|d| plan.meta.calendars.iter().position(|c| &c.id == d));
    x.leaf("CalendarUID", &[], &cal_uid(default));
    x.leaf("DefaultStartTime", &[], "08:00:00");
    x.leaf("DefaultFinishTime", &[], "17:00:00");
    x.leaf("MinutesPerDay", &[], "480");
    x.leaf("MinutesPerWeek", &[], "2400");
    x.leaf("DaysPerMonth", &[], "20");
    x.leaf("DurationFormat", &[], "7");
    x.leaf("CurrencyCode", &[], plan.meta.currency.as_str());
    x.open("ExtendedAttributes", &[]);
    for (id, name, alias) in FIELDS {
        x.open("ExtendedAttribute", &[]);
        x.leaf("FieldID", &[], id);
        x.leaf("FieldName", &[], name);
        x.leaf("Alias", &[], alias);
        x.close();
    }
    x.close();
    x.open("Calendars", &[]);
    for (i, c) in plan.meta.calendars.iter().enumerate() {
        let holidays: Vec<_> = c
            .holidays
            .iter()
            .map(|h| (h.date, h.until.unwrap_or(h.date)))
            .collect();
        calendar(
            &mut x,
            &cal_uid(Some(i)),
            c.id.as_str(),
            &c.weekend,
            &holidays,
        );
    }
    if uses_every_day || default.is_none() {
        calendar(&mut x, &cal_uid(None), EVERY_DAY, &[], &[]);
    }
    x.close();
    let order = outline(plan, schedule);
    let acts: Vec<_> = plan.activities.values().collect();
    let mut uid = vec![0usize; acts.len()];
    for (n, (i, _, _)) in order.iter().enumerate() {
        uid[*i] = n + 1;
    }
    let uid_of: BTreeMap<&Id, usize> = acts
        .iter()
        .enumerate()
        .map(|(i, a)| (&a.id, uid[i]))
        .collect();
    x.open("Tasks", &[]);
    for (i, number, depth) in &order {
        let a = acts[*i];
        let Some(e) = schedule.entries.get(*i) else {
            continue;
        };
        let dates = e.dates;
        let (start, finish) = dates.map_or((plan.meta.window.start, plan.meta.window.start), |d| {
            (d.early_start, d.early_finish)
        });
        let moment = e.shape == Shape::Milestone;
        x.open("Task", &[]);
        let u = uid[*i].to_string();
        x.leaf("UID", &[], &u);
        x.leaf("ID", &[], &u);
        x.leaf("Name", &[], a.title.show(lang));
        x.leaf(
            "Active",
            &[],
            if a.status == Status::Cancelled {
                "0"
            } else {
                "1"
            },
        );
        x.leaf("Manual", &[], "0");
        x.leaf("Type", &[], "1");
        x.leaf("IsNull", &[], "0");
        x.leaf("WBS", &[], number);
        x.leaf("OutlineNumber", &[], number);
        x.leaf("OutlineLevel", &[], &depth.to_string());
        x.leaf("Start", &[], &at(start, "08:00:00"));
        x.leaf(
            "Finish",
            &[],
            &at(finish, if moment { "08:00:00" } else { "17:00:00" }),
        );
        let days = match (&a.timing, a.kind) {
            (Timing::Duration { days, .. }, ActivityKind::Task) => i64::from(*days),
            _ if moment => 0,
            _ => dates.map_or(0, |d| d.duration),
        };
        x.leaf("Duration", &[], &hours(days));
        x.leaf("DurationFormat", &[], "7");
        x.leaf(
            "Milestone",
            &[],
            if a.kind == ActivityKind::Milestone {
                "1"
            } else {
                "0"
            },
        );
        x.leaf(
            "Summary",
            &[],
            if a.kind == ActivityKind::Group {
                "1"
            } else {
                "0"
            },
        );
        x.leaf("PercentComplete", &[], &a.progress.min(100).to_string());
        if matches!(a.status, Status::InProgress | Status::OnHold | Status::Done) {
            x.leaf("ActualStart", &[], &at(start, "08:00:00"));
        }
        if a.status == Status::Done {
            x.leaf(
                "ActualFinish",
                &[],
                &at(finish, if moment { "08:00:00" } else { "17:00:00" }),
            );
        }
        let constraint = match &a.timing {
            Timing::Fixed { start, .. } => Some(("2", *start)),
            Timing::Duration {
                not_before: Some(d),
                ..
            } => Some(("4", *d)),
            _ => None,
        };
        x.leaf("ConstraintType", &[], constraint.map_or("0", |c| c.0));
        x.leaf("CalendarUID", &[], &cal_uid(e.calendar));
        if let Some((_, d)) = constraint {
            x.leaf("ConstraintDate", &[], &at(d, "08:00:00"));
        }
        if let Some(notes) = a
            .description
            .get(lang)
            .or_else(|| a.description.get(lang.other()))
        {
            x.leaf("Notes", &[], notes);
        }
        for dep in &a.dependencies {
            let Some(p) = uid_of.get(&dep.activity) else {
                continue;
            };
            x.open("PredecessorLink", &[]);
            x.leaf("PredecessorUID", &[], &p.to_string());
            x.leaf("Type", &[], link_type(dep.kind));
            x.leaf("CrossProject", &[], "0");
            x.leaf(
                "LinkLag",
                &[],
                &(i64::from(dep.lag) * LAG_PER_DAY).to_string(),
            );
            x.leaf("LagFormat", &[], "7");
            x.close();
        }
        let titles = [
            Some(a.id.as_str()),
            a.title.ar.as_deref(),
            a.title.en.as_deref(),
        ];
        for ((field, _, _), value) in FIELDS.iter().zip(titles) {
            if let Some(v) = value {
                x.open("ExtendedAttribute", &[]);
                x.leaf("FieldID", &[], field);
                x.leaf("Value", &[], v);
                x.close();
            }
        }
        if let Some(b) = opts.baseline.as_ref().and_then(|b| b.get(&a.id)) {
            x.open("Baseline", &[]);
            x.leaf("Number", &[], "0");
            x.leaf("Start", &[], &at(b.early_start, "08:00:00"));
            x.leaf("Finish", &[], &at(b.early_finish, "17:00:00"));
            x.leaf("Duration", &[], &hours(b.duration));
            x.close();
        }
        x.close();
    }
    x.close();
    x.finish()
}

/// One base calendar: working weekdays of 8 hours, the weekend off, holidays as exceptions.
fn calendar(
    x: &mut Xml,
    uid: &str,
    name: &str,
    weekend: &[Weekday],
    holidays: &[(NaiveDate, NaiveDate)],
) {
    x.open("Calendar", &[]);
    x.leaf("UID", &[], uid);
    x.leaf("Name", &[], name);
    x.leaf("IsBaseCalendar", &[], "1");
    x.leaf("BaseCalendarUID", &[], "-1");
    x.open("WeekDays", &[]);
    for d in WEEK {
        x.open("WeekDay", &[]);
        x.leaf("DayType", &[], &day_type(d).to_string());
        if weekend.contains(&d) {
            x.leaf("DayWorking", &[], "0");
        } else {
            x.leaf("DayWorking", &[], "1");
            x.open("WorkingTimes", &[]);
            for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
                x.open("WorkingTime", &[]);
                x.leaf("FromTime", &[], from);
                x.leaf("ToTime", &[], to);
                x.close();
            }
            x.close();
        }
        x.close();
    }
    for (from, to) in holidays {
        x.open("WeekDay", &[]);
        x.leaf("DayType", &[], "0");
        x.leaf("DayWorking", &[], "0");
        x.open("TimePeriod", &[]);
        x.leaf("FromDate", &[], &at(*from, "00:00:00"));
        x.leaf("ToDate", &[], &at(*to, "23:59:00"));
        x.close();
        x.close();
    }
    x.close();
    x.close();
}
