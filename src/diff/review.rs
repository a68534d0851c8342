//! What a reviewer sees between two revisions: the semantic diff and the schedule variance,
//! as terminal text, Markdown and JSON.
//!
//! The variance is a value beside [`PlanDiff`] rather than inside it, so that [`diff`] stays
//! a function of two plans alone and the scheduler is only run by whoever builds a review.
//!
//! [`diff`]: super::diff

use super::render::{self, code, esc};
use super::variance::{self, FinishShift, Placed, Shift, Timeline, Variance};
use super::{PlanDiff, diff};
use crate::model::Plan;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write as _;

/// Everything that changed between two revisions, for a reviewer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// Entities, `plan.ron` and money.
    #[serde(flatten)]
    pub diff: PlanDiff,
    /// The schedule variance; `None` when no schedule is available.
    #[serde(rename = "schedule", skip_serializing_if = "Option::is_none")]
    pub variance: Option<Variance>,
}

impl Review {
    /// The review from `a` to `b`, each scheduled by [`variance::timeline`].
    pub fn new(a: &Plan, b: &Plan) -> Review {
        let (ta, tb) = (variance::timeline(a), variance::timeline(b));
        Review::with_timelines(a, b, Some((&ta, &tb)))
    }

    /// The review from `a` to `b` with the given timelines (`None`: no schedule section).
    pub fn with_timelines(a: &Plan, b: &Plan, timelines: Option<(&Timeline, &Timeline)>) -> Review {
        let d = diff(a, b);
        let variance = timelines.map(|(ta, tb)| variance::variance(ta, tb, &d));
        Review { diff: d, variance }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.diff.is_empty() && self.variance.as_ref().is_none_or(Variance::is_empty)
    }
}

/// The review as plain text for a terminal: the diff, then the schedule section.
pub fn text(r: &Review) -> String {
    if r.is_empty() {
        return "no changes\n".to_owned();
    }
    let mut s = if r.diff.is_empty() {
        String::new()
    } else {
        render::text(&r.diff)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        s.push_str(&variance_text(v));
    }
    s
}

/// The review as Markdown, for a pull-request description.
pub fn markdown(r: &Review) -> String {
    if r.is_empty() {
        return "No changes.\n".to_owned();
    }
    let mut s = if r.diff.is_empty() {
        "## Plan changes\n".to_owned()
    } else {
        render::markdown(&r.diff)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        s.push_str(&variance_markdown(v));
    }
    s
}

/// The review as pretty JSON: the diff's fields, and `schedule` when there is one.
pub fn json(r: &Review) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(r).map(|mut s| {
        s.push('\n');
        s
    })
}

/// `+3`, `-2`, `0`.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// `old -> new (+n)`, or the one value when it did not change.
fn moved<T: PartialEq + std::fmt::Display>(
    before: Option<T>,
    after: Option<T>,
    change: Option<i64>,
    arrow: &str,
) -> String {
    let show = |x: &Option<T>| x.as_ref().map_or("(unscheduled)".to_owned(), T::to_string);
    if before == after {
        return show(&after);
    }
    let delta = change
        .map(|d| format!(" ({})", signed(d)))
        .unwrap_or_default();
    format!("{} {arrow} {}{delta}", show(&before), show(&after))
}

/// The cells of one shifted activity: start, finish, duration.
fn cells(s: &Shift, arrow: &str) -> [String; 3] {
    let get = |p: Option<Placed>, f: fn(Placed) -> NaiveDate| p.map(f);
    [
        moved(
            get(s.before, |p| p.start),
            get(s.after, |p| p.start),
            s.start_days,
            arrow,
        ),
        moved(
            get(s.before, |p| p.finish),
            get(s.after, |p| p.finish),
            s.finish_days,
            arrow,
        ),
        moved(
            s.before.map(|p| p.duration),
            s.after.map(|p| p.duration),
            s.duration_days,
            arrow,
        ),
    ]
}

/// `regional-report (was report)`.
fn name(s: &Shift) -> String {
    match &s.was {
        Some(w) => format!("{} (was {})", esc(&s.id), esc(w)),
        None => esc(&s.id),
    }
}

fn finish_line(f: &FinishShift, arrow: &str) -> String {
    match (f.before, f.after) {
        (None, None) => "(nothing scheduled)".to_owned(),
        (a, b) if a == b => format!("{} (unchanged)", moved(a, b, None, arrow)),
        (a, b) => {
            let delta = f.days.map(|d| {
                let unit = if d.abs() == 1 { "day" } else { "days" };
                format!(" ({} {unit})", signed(d))
            });
            let plain = moved(a, b, None, arrow);
            format!("{plain}{}", delta.unwrap_or_default())
        }
    }
}

fn ids(list: &[crate::model::Id], each: impl Fn(&str) -> String) -> String {
    list.iter()
        .map(|id| each(id.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows aligned in columns, the first column left, the rest left too (they hold arrows).
fn table(rows: &[Vec<String>], indent: &str) -> String {
    let mut widths = vec![0usize; rows.iter().map(Vec::len).max().unwrap_or(0)];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in rows {
        let mut line = String::from(indent);
        for (c, w) in r.iter().zip(&widths) {
            let _ = write!(line, "{c:<w$}  ");
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s
}

/// The schedule section as text.
pub fn variance_text(v: &Variance) -> String {
    let mut s = String::from(
        "schedule (dates move in calendar days, durations in working days; + is later or longer)\n",
    );
    if !v.activities.is_empty() {
        s.push_str("  activities\n");
        let mut rows = vec![vec![
            "activity".to_owned(),
            "start".to_owned(),
            "finish".to_owned(),
            "duration".to_owned(),
        ]];
        for a in &v.activities {
            let mut row = vec![name(a)];
            row.extend(cells(a, "->"));
            rows.push(row);
        }
        s.push_str(&table(&rows, "    "));
    }
    if !v.milestones.is_empty() {
        s.push_str("  milestones moved\n");
        let rows: Vec<Vec<String>> = v
            .milestones
            .iter()
            .map(|m| {
                let [_, finish, _] = cells(m, "->");
                vec![name(m), finish]
            })
            .collect();
        s.push_str(&table(&rows, "    "));
    }
    if !v.became_critical.is_empty() {
        let _ = writeln!(
            s,
            "  became critical: {}",
            ids(&v.became_critical, |i| esc(&i))
        );
    }
    if !v.no_longer_critical.is_empty() {
        let _ = writeln!(
            s,
            "  no longer critical: {}",
            ids(&v.no_longer_critical, |i| esc(&i))
        );
    }
    let _ = writeln!(s, "  plan finish: {}", finish_line(&v.finish, "->"));
    s
}

/// A renamed activity in Markdown: `` `new` (was `old`) ``.
fn name_md(s: &Shift) -> String {
    match &s.was {
        Some(w) => format!("{} (was {})", code(s.id.as_str()), code(w.as_str())),
        None => code(s.id.as_str()),
    }
}

/// The schedule section as Markdown.
pub fn variance_markdown(v: &Variance) -> String {
    let mut s = String::from(
        "\n### Schedule\n\nDates move in calendar days, durations in working days; + is later or longer.\n",
    );
    if !v.activities.is_empty() {
        s.push_str("\n| activity | start | finish | duration |\n|---|---|---|---|\n");
        for a in &v.activities {
            let [start, finish, duration] = cells(a, "→");
            let _ = writeln!(s, "| {} | {start} | {finish} | {duration} |", name_md(a));
        }
    }
    if !v.milestones.is_empty() {
        s.push_str("\n| milestone | date |\n|---|---|\n");
        for m in &v.milestones {
            let [_, finish, _] = cells(m, "→");
            let _ = writeln!(s, "| {} | {finish} |", name_md(m));
        }
    }
    s.push('\n');
    if !v.became_critical.is_empty() {
        let _ = writeln!(s, "- Became critical: {}", ids(&v.became_critical, code));
    }
    if !v.no_longer_critical.is_empty() {
        let _ = writeln!(
            s,
            "- No longer critical: {}",
            ids(&v.no_longer_critical, code)
        );
    }
    let _ = writeln!(s, "- Plan finish: {}", finish_line(&v.finish, "→"));
    s
}
