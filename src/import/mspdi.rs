//! MS Project XML (MSPDI) into a new plan: tasks, outline, links, lags and calendars.
//!
//! What becomes what (the reverse of `export::mspdi`):
//!
//! - a summary task is a group spanning its children; the outline (`OutlineLevel`, in task
//!   order) gives each task its parent; a milestone is a milestone, any other task a task;
//! - `Must Start On` is fixed dates from the constraint date to the task's finish, `Must
//!   Finish On` fixed dates from its start to the constraint date; `Start No Earlier Than` is
//!   a duration with `not_before`; every other task is a duration placed by its links;
//! - durations and lags are counted in working days of the project's `MinutesPerDay`
//!   (rounded to the nearest day); a lag given as a percentage is refused (E073);
//! - base calendars keep their working weekdays and their non-working exceptions (both the
//!   `DayType` 0 days and `Exceptions`); a task's calendar is its `CalendarUID`, a derived
//!   calendar standing for its base; the project calendar is the plan's default;
//! - inactive tasks are cancelled; a finished task (actual finish or 100 %) is done, a started
//!   one (actual start or progress) under way;
//! - khutta's own custom fields (Text1 id, Text2 and Text3 titles) are read back; otherwise the
//!   id is made from the name and the name is the title, Arabic when written in Arabic script.
//!
//! Not carried: resources and assignments, costs, working hours within a day, recurring
//! exceptions beyond their first range, deadlines, and constraints other than the three above.

use super::mspdi_calendar::{CalendarIn, read_calendar};
#[cfg(test)]
use super::names::is_arabic;
use super::names::{slug, text_in_script, unique};
use super::xml::{bad, child, children, parse, text};
use crate::check::Diagnostic;
use crate::model::{
    Activity, ActivityKind, Calendar, Currency, Dependency, DependencyKind, FORMAT_VERSION,
    Holiday, Id, Plan, PlanMeta, Status, Text, Timing, Window,
};
use crate::said;
use chrono::NaiveDate;
use roxmltree::Node;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The calendar `export::mspdi` adds for activities without one (every day working).
const EVERY_DAY: &str = "khutta-every-day";
/// khutta's custom fields: Text1 (id), Text2 (Arabic title), Text3 (English title).
const FIELD_ID: &str = "188743731";
const FIELD_TITLE_AR: &str = "188743734";
const FIELD_TITLE_EN: &str = "188743737";

pub(super) fn date(s: Option<&str>) -> Option<NaiveDate> {
    let s = s?;
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Minutes in an ISO 8601 duration such as `PT16H30M0S` (days count 24 hours).
fn minutes(s: &str) -> Option<f64> {
    let rest = s.trim().strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut total = 0.0;
    if let Some(d) = days.strip_suffix('D') {
        total += d.parse::<f64>().ok()? * 24.0 * 60.0;
    }
    let mut num = String::new();
    for c in time.chars() {
        match c {
            'H' | 'M' | 'S' => {
                let v: f64 = num.parse().ok()?;
                total += match c {
                    'H' => v * 60.0,
                    'M' => v,
                    _ => v / 60.0,
                };
                num.clear();
            }
            c => num.push(c),
        }
    }
    Some(total)
}

fn link_kind(code: &str) -> Option<DependencyKind> {
    Some(match code {
        "0" => DependencyKind::FinishToFinish,
        "1" => DependencyKind::FinishToStart,
        "2" => DependencyKind::StartToFinish,
        "3" => DependencyKind::StartToStart,
        _ => return None,
    })
}

/// Reads an MSPDI file into a new plan. `path` names the file in diagnostics.
pub fn import(path: &str, bytes: &[u8]) -> Result<Plan, Vec<Diagnostic>> {
    let text_in = crate::store::decode(path, bytes).map_err(|d| vec![d])?;
    let doc = parse(path, text_in).map_err(|d| vec![d])?;
    let root = doc.root_element();
    if root.tag_name().name() != "Project" {
        return Err(vec![bad(
            path,
            root,
            said!(
                "import-not-format",
                format = "MSPDI",
                element = root.tag_name().name()
            ),
        )]);
    }
    let per_day = text(root, "MinutesPerDay")
        .and_then(|m| m.parse::<f64>().ok())
        .filter(|m| *m > 0.0)
        .unwrap_or(480.0);
    // Calendars by UID; derived ones stand for their base.
    let mut read: BTreeMap<String, CalendarIn> = BTreeMap::new();
    if let Some(cals) = child(root, "Calendars") {
        for c in children(cals, "Calendar") {
            if let Some(uid) = text(c, "UID") {
                read.insert(uid.to_owned(), read_calendar(c));
            }
        }
    }
    let mut taken = BTreeSet::new();
    let mut calendars = Vec::new();
    let mut cal_id: HashMap<String, Option<Id>> = HashMap::new();
    for (uid, c) in &read {
        if c.base.is_some() {
            continue;
        }
        if c.name == EVERY_DAY {
            cal_id.insert(uid.clone(), None);
            continue;
        }
        let wanted = Id::parse(&c.name)
            .ok()
            .or_else(|| slug(&c.name))
            .unwrap_or_else(|| Id::new_unchecked(format!("calendar-{uid}")));
        let id = unique(wanted, &mut taken);
        cal_id.insert(uid.clone(), Some(id.clone()));
        calendars.push(Calendar {
            id,
            name: text_in_script(&c.name),
            weekend: c.weekend.iter().copied().collect(),
            holidays: c
                .holidays
                .iter()
                .map(|(from, to)| Holiday {
                    date: *from,
                    until: (to != from).then_some(*to),
                    name: Text::default(),
                })
                .collect(),
            countries: Vec::new(),
        });
    }
    for (uid, c) in &read {
        if let Some(base) = &c.base {
            let id = cal_id.get(base).cloned().flatten();
            cal_id.insert(uid.clone(), id);
        }
    }
    let calendar_of = |uid: Option<&str>| -> Option<Option<Id>> { cal_id.get(uid?).cloned() };
    let default_calendar = calendar_of(text(root, "CalendarUID")).flatten();

    let tasks: Vec<Node<'_, '_>> = child(root, "Tasks")
        .map(|t| children(t, "Task").collect())
        .unwrap_or_default();
    let tasks: Vec<Node<'_, '_>> = tasks
        .into_iter()
        .filter(|t| text(*t, "IsNull") != Some("1") && text(*t, "UID").is_some_and(|u| u != "0"))
        .collect();
    // Ids first, so that links can name any task.
    let mut ids: HashMap<&str, Id> = HashMap::new();
    let mut taken = BTreeSet::new();
    let field = |t: Node<'_, '_>, id: &str| -> Option<String> {
        children(t, "ExtendedAttribute")
            .find(|e| text(*e, "FieldID") == Some(id))
            // Untrimmed: a title keeps the spaces it was written with.
            .and_then(|e| child(e, "Value").and_then(|v| v.text()))
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut problems = Vec::new();
    for t in &tasks {
        let uid = text(*t, "UID").unwrap_or_default();
        let wanted = field(*t, FIELD_ID)
            .and_then(|s| Id::parse(s.trim()).ok())
            .or_else(|| text(*t, "Name").and_then(slug))
            .unwrap_or_else(|| Id::new_unchecked(format!("task-{uid}")));
        if ids.contains_key(uid) {
            problems.push(bad(
                path,
                *t,
                said!("import-mspdi-duplicate-uid", uid = uid),
            ));
            continue;
        }
        ids.insert(uid, unique(wanted, &mut taken));
    }
    let mut activities = BTreeMap::new();
    // The open summary task at each outline level, for parents.
    let mut open: Vec<(usize, Id)> = Vec::new();
    let (mut first, mut last): (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
    for t in &tasks {
        let uid = text(*t, "UID").unwrap_or_default();
        let Some(id) = ids.get(uid).cloned() else {
            continue;
        };
        let level: usize = text(*t, "OutlineLevel")
            .and_then(|l| l.parse().ok())
            .unwrap_or(1);
        while open.last().is_some_and(|(l, _)| *l >= level) {
            open.pop();
        }
        let parent = open.last().map(|(_, p)| p.clone());
        let kind = if text(*t, "Summary") == Some("1") {
            open.push((level, id.clone()));
            ActivityKind::Group
        } else if text(*t, "Milestone") == Some("1") {
            ActivityKind::Milestone
        } else {
            ActivityKind::Task
        };
        let start = date(text(*t, "Start"));
        let finish = date(text(*t, "Finish"));
        first = first.min(start).or(first).or(start);
        last = last.max(finish);
        let constraint = date(text(*t, "ConstraintDate"));
        let days = text(*t, "Duration")
            .and_then(minutes)
            .map(|m| (m / per_day).round().max(0.0) as u32)
            .unwrap_or(0);
        let timing = match (kind, text(*t, "ConstraintType"), constraint) {
            (ActivityKind::Group, _, _) => Timing::Span,
            (ActivityKind::Milestone, Some("2" | "3"), Some(d)) => {
                Timing::Fixed { start: d, end: d }
            }
            (_, Some("2"), Some(d)) => Timing::Fixed {
                start: d,
                end: finish.unwrap_or(d).max(d),
            },
            (_, Some("3"), Some(d)) => Timing::Fixed {
                start: start.unwrap_or(d).min(d),
                end: d,
            },
            (k, c, d) => Timing::Duration {
                days: if k == ActivityKind::Milestone {
                    0
                } else {
                    days
                },
                not_before: if c == Some("4") { d } else { None },
            },
        };
        let mut dependencies = Vec::new();
        for link in children(*t, "PredecessorLink") {
            let Some(pred) = text(link, "PredecessorUID").and_then(|u| ids.get(u)) else {
                problems.push(bad(
                    path,
                    link,
                    said!(
                        "import-mspdi-unknown-task",
                        uid = text(link, "PredecessorUID").unwrap_or_default()
                    ),
                ));
                continue;
            };
            let Some(kind) = link_kind(text(link, "Type").unwrap_or("1")) else {
                problems.push(bad(
                    path,
                    link,
                    said!(
                        "import-mspdi-link-type",
                        code = text(link, "Type").unwrap_or_default()
                    ),
                ));
                continue;
            };
            let format = text(link, "LagFormat").unwrap_or("7");
            if matches!(format, "19" | "20" | "51" | "52") {
                problems.push(bad(path, link, said!("import-mspdi-percent-lag")));
                continue;
            }
            let lag = text(link, "LinkLag")
                .and_then(|l| l.parse::<f64>().ok())
                .map(|l| (l / (per_day * 10.0)).round())
                .unwrap_or(0.0)
                .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
            dependencies.push(Dependency {
                activity: pred.clone(),
                kind,
                lag,
            });
        }
        let progress: u8 = text(*t, "PercentComplete")
            .and_then(|p| p.parse::<u32>().ok())
            .map_or(0, |p| p.min(100) as u8);
        let status = if text(*t, "Active") == Some("0") {
            Status::Cancelled
        } else if kind == ActivityKind::Group {
            Status::Planned
        } else if text(*t, "ActualFinish").is_some() || progress == 100 {
            Status::Done
        } else if text(*t, "ActualStart").is_some() || progress > 0 {
            Status::InProgress
        } else {
            Status::Planned
        };
        let name = text(*t, "Name").unwrap_or_default();
        let (ar, en) = (field(*t, FIELD_TITLE_AR), field(*t, FIELD_TITLE_EN));
        let title = if ar.is_some() || en.is_some() {
            Text { ar, en }
        } else if name.is_empty() {
            Text::en(id.as_str())
        } else {
            text_in_script(name)
        };
        let mut a = Activity::new(id.clone(), title, 0);
        a.description = child(*t, "Notes")
            .and_then(|n| n.text())
            .filter(|s| !s.trim().is_empty())
            .map(text_in_script)
            .unwrap_or_default();
        a.kind = kind;
        a.parent = parent;
        a.timing = timing;
        a.dependencies = dependencies;
        a.status = status;
        a.progress = if kind == ActivityKind::Group {
            0
        } else {
            progress
        };
        a.calendar = calendar_of(text(*t, "CalendarUID")).flatten();
        a.normalize();
        activities.insert(id, a);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let start = date(text(root, "StartDate")).or(first).unwrap_or_default();
    let end = [date(text(root, "FinishDate")), last]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(start)
        .max(start);
    let file_name = text(root, "Name").unwrap_or_default();
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
    let plan_id = Id::parse(stem)
        .ok()
        .or_else(|| slug(stem))
        .unwrap_or_else(|| Id::new_unchecked("imported-project"));
    let title = text(root, "Title")
        .map(text_in_script)
        .unwrap_or_else(|| Text::en(plan_id.as_str()));
    let currency = text(root, "CurrencyCode")
        .and_then(|c| Currency::parse(c).ok())
        .unwrap_or_else(|| Currency::new_unchecked("USD"));
    let mut plan = Plan::new(PlanMeta {
        format: FORMAT_VERSION,
        id: plan_id,
        title,
        summary: Text::default(),
        window: Window { start, end },
        currency,
        exchange_rates: Vec::new(),
        calendars,
        default_calendar,
        sdg_goals: Vec::new(),
        sdg_targets: Vec::new(),
        countries: Vec::new(),
        cities: Vec::new(),
    });
    plan.activities = activities;
    plan.normalize();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_names() {
        assert_eq!(minutes("PT16H0M0S"), Some(960.0));
        assert_eq!(minutes("PT8H30M0S"), Some(510.0));
        assert_eq!(minutes("P1DT0H0M0S"), Some(1440.0));
        assert_eq!(minutes("nonsense"), None);
        assert_eq!(
            slug("Phase 1: Design & Build").map(|i| i.to_string()),
            Some("phase-1-design-build".into())
        );
        assert_eq!(slug("مرحلة"), None);
        assert!(is_arabic("مرحلة 1"));
    }

    #[test]
    fn malformed_xml_is_located() {
        let err = import("p.xml", b"<Project>\n  <Tasks>\n</Project>")
            .err()
            .unwrap_or_default();
        assert_eq!(err.len(), 1);
        assert_eq!((err[0].line, err[0].col), (3, 1));
        assert_eq!(err[0].code, crate::check::Code::BadXml);
    }
}
