//! A status report in Markdown: summary, late work, the next milestones, the budget by
//! funding source, and the schedule as a Mermaid Gantt chart.
//!
//! The report's own words come from the catalogue, in the language of the input; the chart's
//! keywords are Mermaid's. Dates are khutta's schedule, written as explicit dates (Mermaid's
//! `after` would reschedule without khutta's working calendars), each task's end the day
//! after its last day, as Mermaid reads an end date.

use super::Input;
use crate::i18n::{Messages, Said};
use crate::model::{Activity, ActivityKind, Amount, Currency, Id, Status, format_amount, keys};
use crate::said;
use crate::schedule::{Entry, Shape};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many milestones "next milestones" lists.
const NEXT_MILESTONES: usize = 10;

/// The report.
pub fn export(input: &Input) -> String {
    let m = Messages::new(input.lang);
    let mut out = String::with_capacity(input.plan.activities.len() * 120);
    let plan = input.plan;
    let say = |s: Said| s.show(&m);
    let _ = writeln!(
        out,
        "# {}\n",
        cell(&say(said!(
            "report-title",
            plan = plan.meta.title.show(input.lang)
        )))
    );
    let _ = writeln!(out, "{}\n", say(said!("report-as-of", date = input.today)));
    summary(&mut out, input, &m);
    late(&mut out, input, &m);
    milestones(&mut out, input, &m);
    budget(&mut out, input, &m);
    let _ = writeln!(out, "## {}\n", m.get("report-gantt"));
    out.push_str("```mermaid\n");
    out.push_str(&gantt(input, &m));
    out.push_str("```\n");
    out
}

fn summary(out: &mut String, input: &Input, m: &Messages) {
    let plan = input.plan;
    let _ = writeln!(out, "## {}\n", m.get("report-summary"));
    let count = |s: Status| plan.activities.values().filter(|a| a.status == s).count();
    let line = said!(
        "report-summary-activities",
        count = plan.activities.len(),
        done = count(Status::Done),
        active = count(Status::InProgress),
        planned = count(Status::Planned),
        held = count(Status::OnHold),
        cancelled = count(Status::Cancelled)
    );
    let _ = writeln!(out, "- {}", line.show(m));
    let window = said!(
        "report-summary-window",
        start = plan.meta.window.start,
        end = plan.meta.window.end
    );
    let _ = writeln!(out, "- {}", window.show(m));
    if let Some(finish) = input.schedule.finish {
        let _ = writeln!(
            out,
            "- {}",
            said!("report-summary-finish", date = finish).show(m)
        );
    }
    if let Some(path) = input.schedule.critical_paths.first() {
        let ids: Vec<String> = path.iter().map(|i| format!("`{i}`")).collect();
        let line = said!("report-summary-critical", path = &ids.join(" → "));
        let _ = writeln!(out, "- {}", line.show(m));
    }
    out.push('\n');
}

/// Whether a task or milestone should have finished by `today` and is not done: the flag
/// that `khutta schedule`, the TUI and this report share.
fn is_late(a: &Activity, e: &Entry, today: NaiveDate) -> bool {
    crate::schedule::standing::flag(a, e, today) == Some(crate::schedule::standing::Flag::Late)
}

fn late(out: &mut String, input: &Input, m: &Messages) {
    let _ = writeln!(out, "## {}\n", m.get("report-late"));
    let mut rows: Vec<(&Activity, NaiveDate)> = input
        .activities()
        .filter_map(|(a, e)| {
            let e = e?;
            let d = e.dates?;
            is_late(a, e, input.today).then_some((a, d.late_finish))
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", m.get("report-late-none"));
        return;
    }
    rows.sort_by_key(|(a, due)| (*due, a.id.clone()));
    header(
        out,
        m,
        &[
            "report-column-id",
            "report-column-activity",
            "report-column-due",
            "report-column-status",
            "report-column-progress",
        ],
    );
    for (a, due) in rows {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {}% |",
            a.id,
            cell(a.title.show(input.lang)),
            due,
            m.get(keys::status(a.status)),
            a.progress
        );
    }
    out.push('\n');
}

fn milestones(out: &mut String, input: &Input, m: &Messages) {
    let _ = writeln!(out, "## {}\n", m.get("report-next"));
    let mut rows: Vec<(&Activity, NaiveDate)> = input
        .activities()
        .filter_map(|(a, e)| {
            let e = e?;
            let d = e.dates?;
            let ahead = a.kind == ActivityKind::Milestone
                && !e.cancelled
                && a.status != Status::Done
                && d.early_start >= input.today;
            ahead.then_some((a, d.early_start))
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", m.get("report-next-none"));
        return;
    }
    rows.sort_by_key(|(a, date)| (*date, a.id.clone()));
    header(
        out,
        m,
        &[
            "report-column-date",
            "report-column-id",
            "report-column-milestone",
            "report-column-status",
        ],
    );
    for (a, date) in rows.into_iter().take(NEXT_MILESTONES) {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            date,
            a.id,
            cell(a.title.show(input.lang)),
            m.get(keys::status(a.status))
        );
    }
    out.push('\n');
}

fn budget(out: &mut String, input: &Input, m: &Messages) {
    let plan = input.plan;
    let _ = writeln!(out, "## {}\n", m.get("report-budget"));
    // Budget lines by funding source (`None`: lines without one) and currency.
    let mut drawn: BTreeMap<(Option<&Id>, &Currency), Amount> = BTreeMap::new();
    for a in plan
        .activities
        .values()
        .filter(|a| a.status != Status::Cancelled)
    {
        for b in &a.budget {
            let sum = drawn.entry((b.funding.as_ref(), &b.currency)).or_default();
            *sum = sum.checked_add(b.amount).unwrap_or(*sum);
        }
    }
    header(
        out,
        m,
        &[
            "report-column-funding",
            "report-column-currency",
            "report-column-amount",
            "report-column-budgeted",
        ],
    );
    let money = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), format_amount);
    for f in plan.funding.values() {
        let budgeted = drawn
            .remove(&(Some(&f.id), &f.currency))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} |",
            cell(f.title.show(input.lang)),
            f.id,
            f.currency,
            money(Some(f.amount)),
            money(Some(budgeted))
        );
    }
    // What is left: lines in another currency than their source's, or without a source.
    for ((funding, currency), amount) in drawn {
        let name = match funding {
            Some(id) => format!("`{id}`"),
            None => m.get("report-unfunded").into_owned(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            name,
            currency,
            money(None),
            money(Some(amount))
        );
    }
    out.push('\n');
}

fn header(out: &mut String, m: &Messages, keys: &[&str]) {
    let names: Vec<String> = keys.iter().map(|k| cell(&m.get(k))).collect();
    let _ = writeln!(out, "| {} |", names.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(keys.len()));
}

/// Text for a Markdown table cell: `|` escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Words that Mermaid's Gantt grammar reads at the start of a line, or among a task's tags.
const KEYWORDS: [&str; 17] = [
    "title",
    "section",
    "dateformat",
    "axisformat",
    "tickinterval",
    "includes",
    "excludes",
    "todaymarker",
    "weekday",
    "weekend",
    "inclusiveenddates",
    "topaxis",
    "acctitle",
    "accdescr",
    "click",
    "gantt",
    "displaymode",
];

/// Task tags that an id must not be mistaken for.
const TAGS: [&str; 7] = [
    "done",
    "active",
    "crit",
    "milestone",
    "after",
    "until",
    "vert",
];

/// A label Mermaid's grammar reads as text: `:` (which ends a task's label), `;` (which ends
/// a statement) and `#` (which starts an entity) become their full-width forms, `%%` (a
/// comment) is broken up, line breaks become spaces, and a label that would start with a
/// keyword gets an invisible word joiner in front.
pub fn label(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c {
            ':' => '：',
            ';' => '；',
            '#' => '＃',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .replace("%%", "% %")
        .trim()
        .to_owned();
    let first = out
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if KEYWORDS.contains(&first.as_str()) {
        out.insert(0, '\u{2060}');
    }
    out
}

/// A task id Mermaid reads as an id: khutta's ids are slugs already, and one that is a task
/// tag gets a prefix.
pub fn task_id(id: &Id) -> String {
    if TAGS.contains(&id.as_str()) {
        format!("id-{id}")
    } else {
        id.to_string()
    }
}

/// The Mermaid chart: a section per top-level group (by its start), then one for activities
/// in no group; each task and milestone with its tags, id and dates. Cancelled activities
/// and those the scheduler could not place are left out.
pub fn gantt(input: &Input, m: &Messages) -> String {
    let plan = input.plan;
    let acts: Vec<(&Activity, Option<&Entry>)> = input.activities().collect();
    let index: BTreeMap<&str, usize> = acts
        .iter()
        .enumerate()
        .map(|(i, (a, _))| (a.id.as_str(), i))
        .collect();
    let parent = |i: usize| {
        acts[i]
            .0
            .parent
            .as_ref()
            .and_then(|p| index.get(p.as_str()).copied())
            .filter(|p| acts[*p].0.kind == ActivityKind::Group)
    };
    // Each activity's top-level group; the walk stops after as many steps as there are
    // activities, so a parent cycle cannot hold it.
    let top = |i: usize| {
        let mut at = parent(i)?;
        for _ in 0..acts.len() {
            match parent(at) {
                Some(p) => at = p,
                None => return Some(at),
            }
        }
        None
    };
    let start = |i: usize| acts[i].1.and_then(|e| e.dates).map(|d| d.early_start);
    let mut sections: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (i, (a, e)) in acts.iter().enumerate() {
        let Some(e) = e else { continue };
        if a.kind == ActivityKind::Group
            || e.shape == Shape::Group
            || e.cancelled
            || e.dates.is_none()
        {
            continue;
        }
        sections.entry(top(i)).or_default().push(i);
    }
    let mut order: Vec<Option<usize>> = sections.keys().copied().collect();
    order.sort_by_key(|s| (s.is_none(), s.and_then(start), *s));
    let mut out = String::with_capacity(acts.len() * 80);
    out.push_str("gantt\n");
    let _ = writeln!(out, "    title {}", label(plan.meta.title.show(input.lang)));
    out.push_str("    dateFormat YYYY-MM-DD\n");
    out.push_str("    axisFormat %Y-%m\n");
    let day_after = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    for s in order {
        let name = match s {
            Some(g) => acts[g].0.title.show(input.lang).to_owned(),
            None => m.get("report-gantt-other").into_owned(),
        };
        let name = label(&name);
        let _ = writeln!(
            out,
            "    section {}",
            if name.is_empty() {
                "-".to_owned()
            } else {
                name
            }
        );
        let mut members = sections.remove(&s).unwrap_or_default();
        members.sort_by_key(|i| (start(*i), *i));
        for i in members {
            let (a, e) = acts[i];
            let Some(d) = e.and_then(|e| e.dates) else {
                continue;
            };
            let milestone = e.is_some_and(|e| e.shape == Shape::Milestone);
            let mut tags = Vec::new();
            if d.critical {
                tags.push("crit");
            }
            match a.status {
                Status::Done => tags.push("done"),
                Status::InProgress => tags.push("active"),
                _ => {}
            }
            if milestone {
                tags.push("milestone");
            }
            let mut text = label(a.title.show(input.lang));
            if text.is_empty() {
                text = a.id.to_string();
            }
            let end = if milestone {
                "0d".to_owned()
            } else {
                day_after(d.early_finish).to_string()
            };
            tags.push("");
            let _ = writeln!(
                out,
                "    {text} :{}{}, {}, {end}",
                tags.join(", "),
                task_id(&a.id),
                d.early_start
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_out_of_mermaids_grammar() {
        assert_eq!(
            label("Review: phase #2; final"),
            "Review： phase ＃2； final"
        );
        assert_eq!(label("50%% done"), "50% % done");
        assert_eq!(label("section two"), "\u{2060}section two");
        assert_eq!(label(" a\nb "), "a b");
        assert_eq!(task_id(&Id::new_unchecked("done")), "id-done");
        assert_eq!(task_id(&Id::new_unchecked("launch")), "launch");
    }
}
