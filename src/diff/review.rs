//! What a reviewer sees between two revisions: the semantic diff, the schedule variance, the
//! problems the change introduces and fixes, and who made the commits of the range; as
//! terminal text (or [`Line`]s), Markdown and JSON. Text and Markdown are in the language
//! of the messages they are given; ids, field paths, values and dates stay as they are. JSON
//! is for tools and has English keys.
//!
//! The variance is a value beside [`PlanDiff`] rather than inside it, so that [`diff`] stays
//! a function of two plans alone and the scheduler is only run by whoever builds a review.
//!
//! [`diff`]: super::diff

use super::authors::Author;
use super::consequences;
use super::lines::{self, Line, LineKind};
use super::problems::{self, ProblemChanges, problems_of};
use super::render::{self, code, esc};
use super::variance::{self, FinishShift, Placed, Shift, Timeline, Variance};
use super::{PlanDiff, diff};
use crate::i18n::Messages;
use crate::model::{EntityKind, Plan};
use crate::schedule::Schedule;
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
    /// The problems `check` finds after and not before, and before and not after; `None`
    /// when they were not looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<ProblemChanges>,
    /// Who made the commits between the two revisions, in the order of their first commit;
    /// `None` when a side is not a commit (the working plan), so there is no range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors: Option<Vec<Author>>,
}

impl Review {
    /// The review from `a` to `b`: each is scheduled and checked.
    pub fn new(a: &Plan, b: &Plan) -> Review {
        let (sa, sb) = (crate::schedule::schedule(a), crate::schedule::schedule(b));
        Review::with_schedules(a, b, &sa, &sb)
    }

    /// The review from `a` to `b`, given their schedules (the TUI keeps the working plan's);
    /// each is checked as `khutta check` would.
    pub fn with_schedules(a: &Plan, b: &Plan, sa: &Schedule, sb: &Schedule) -> Review {
        let (ta, tb) = (variance::timeline_of(a, sa), variance::timeline_of(b, sb));
        let mut r = Review::with_timelines(a, b, Some((&ta, &tb)));
        // Nothing changed, nothing to look for: the same plan has the same problems.
        let problems = if r.diff.is_empty() {
            ProblemChanges::default()
        } else {
            let renamed: Vec<_> = r.renamed().collect();
            problems::compare(&problems_of(a, sa), &problems_of(b, sb), &renamed)
        };
        r.problems = Some(problems);
        r
    }

    /// The review from `a` to `b` with the given timelines (`None`: no schedule section), and
    /// no problems looked for.
    pub(crate) fn with_timelines(
        a: &Plan,
        b: &Plan,
        timelines: Option<(&Timeline, &Timeline)>,
    ) -> Review {
        let d = diff(a, b);
        let variance = timelines.map(|(ta, tb)| variance::variance(ta, tb, &d));
        Review {
            diff: d,
            variance,
            problems: None,
            authors: None,
        }
    }

    /// The review with who made the commits of the range.
    pub fn by(mut self, authors: Vec<Author>) -> Review {
        self.authors = Some(authors);
        self
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.diff.is_empty()
            && self.variance.as_ref().is_none_or(Variance::is_empty)
            && self.problems.as_ref().is_none_or(ProblemChanges::is_empty)
    }

    /// The renamed entities of the diff, with their kind.
    pub(crate) fn renamed(&self) -> impl Iterator<Item = (EntityKind, &super::Renamed)> {
        self.diff
            .entities
            .iter()
            .flat_map(|k| k.renamed.iter().map(move |n| (k.kind, n)))
    }
}

/// The review as lines for a terminal, in the language of `m`: the diff, then the schedule
/// section.
pub fn lines(r: &Review, m: &Messages) -> Vec<Line> {
    if r.is_empty() {
        return vec![Line::new(LineKind::Heading, m.get("review-no-changes"))];
    }
    let mut out = if r.diff.is_empty() {
        Vec::new()
    } else {
        render::lines(&r.diff, m)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        out.extend(variance_lines(v, m));
    }
    if let Some(p) = &r.problems {
        out.extend(consequences::problem_lines(p, m));
    }
    if let Some(a) = &r.authors {
        out.extend(consequences::author_lines(a, m));
    }
    out
}

/// The review as plain text for a terminal, in the language of `m`.
pub fn text(r: &Review, m: &Messages) -> String {
    lines::join(&lines(r, m))
}

/// The review as Markdown, for a pull-request description, in the language of `m`.
pub fn markdown(r: &Review, m: &Messages) -> String {
    if r.is_empty() {
        return format!("{}\n", m.get("review-md-no-changes"));
    }
    let mut s = if r.diff.is_empty() {
        format!("## {}\n", m.get("review-md-title"))
    } else {
        render::markdown(&r.diff, m)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        s.push_str(&variance_markdown(v, m));
    }
    if let Some(p) = &r.problems {
        s.push_str(&consequences::problem_markdown(p, m));
    }
    if let Some(a) = &r.authors {
        s.push_str(&consequences::author_markdown(a, m));
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

/// How values are written: the arrow between old and new, and the word for no date.
struct Words<'a> {
    arrow: &'a str,
    unscheduled: &'a str,
}

/// `old -> new (+n)`, or the one value when it did not change.
fn moved<T: PartialEq + std::fmt::Display>(
    before: Option<T>,
    after: Option<T>,
    change: Option<i64>,
    w: &Words<'_>,
) -> String {
    let show = |x: &Option<T>| x.as_ref().map_or(w.unscheduled.to_owned(), T::to_string);
    if before == after {
        return show(&after);
    }
    let delta = change
        .map(|d| format!(" ({})", signed(d)))
        .unwrap_or_default();
    format!("{} {} {}{delta}", show(&before), w.arrow, show(&after))
}

/// The cells of one shifted activity: start, finish, duration.
fn cells(s: &Shift, w: &Words<'_>) -> [String; 3] {
    let get = |p: Option<Placed>, f: fn(Placed) -> NaiveDate| p.map(f);
    [
        moved(
            get(s.before, |p| p.start),
            get(s.after, |p| p.start),
            s.start_days,
            w,
        ),
        moved(
            get(s.before, |p| p.finish),
            get(s.after, |p| p.finish),
            s.finish_days,
            w,
        ),
        moved(
            s.before.map(|p| p.duration),
            s.after.map(|p| p.duration),
            s.duration_days,
            w,
        ),
    ]
}

/// `regional-report (was report)`, each id written by `id`.
fn name(s: &Shift, m: &Messages, id: impl Fn(&str) -> String) -> String {
    match &s.was {
        Some(w) => m.get_args(
            "review-was",
            &[
                ("id", id(s.id.as_str()).into()),
                ("old", id(w.as_str()).into()),
            ],
        ),
        None => id(s.id.as_str()),
    }
}

fn finish_line(f: &FinishShift, w: &Words<'_>, m: &Messages) -> String {
    match (f.before, f.after) {
        (None, None) => m.get("review-nothing-scheduled").into_owned(),
        (a, b) if a == b => {
            let dates = moved(a, b, None, w);
            m.get_args("review-finish-unchanged", &[("dates", dates.into())])
        }
        (a, b) => {
            let dates = moved(a, b, None, w);
            match f.days {
                Some(d) => {
                    let sign = match d.cmp(&0) {
                        std::cmp::Ordering::Greater => "+",
                        std::cmp::Ordering::Less => "-",
                        std::cmp::Ordering::Equal => "",
                    };
                    let args = [
                        ("dates", dates.into()),
                        ("sign", sign.into()),
                        ("days", d.saturating_abs().into()),
                    ];
                    m.get_args("review-finish-moved", &args)
                }
                None => dates,
            }
        }
    }
}

fn ids(list: &[crate::model::Id], each: impl Fn(&str) -> String, m: &Messages) -> String {
    render::list(list.iter().map(|id| each(id.as_str())), m)
}

/// The schedule section as lines, in the language of `m`.
pub(crate) fn variance_lines(v: &Variance, m: &Messages) -> Vec<Line> {
    let unscheduled = m.get("review-unscheduled");
    let w = Words {
        arrow: "->",
        unscheduled: &unscheduled,
    };
    let esc_id = |i: &str| esc(&i);
    let mut out = vec![Line::new(LineKind::Heading, m.get("review-schedule"))];
    let detail = |text: String| Line::new(LineKind::Detail, text);
    if !v.activities.is_empty() {
        out.push(detail(format!("  {}", m.get("review-schedule-activities"))));
        let mut rows = vec![
            [
                "review-column-activity",
                "review-column-start",
                "review-column-finish",
                "review-column-duration",
            ]
            .map(|k| m.get(k).into_owned())
            .to_vec(),
        ];
        for a in &v.activities {
            let mut row = vec![name(a, m, esc_id)];
            row.extend(cells(a, &w));
            rows.push(row);
        }
        out.extend(lines::table(&rows, "    ", &[]));
    }
    if !v.milestones.is_empty() {
        out.push(detail(format!("  {}", m.get("review-schedule-milestones"))));
        let rows: Vec<Vec<String>> = v
            .milestones
            .iter()
            .map(|s| {
                let [_, finish, _] = cells(s, &w);
                vec![name(s, m, esc_id), finish]
            })
            .collect();
        out.extend(lines::table(&rows, "    ", &[]));
    }
    let critical = |key: &str, list: &[crate::model::Id]| {
        let args = [("ids", ids(list, esc_id, m).into())];
        detail(format!("  {}", m.get_args(key, &args)))
    };
    if !v.became_critical.is_empty() {
        out.push(critical("review-became-critical", &v.became_critical));
    }
    if !v.no_longer_critical.is_empty() {
        out.push(critical("review-no-longer-critical", &v.no_longer_critical));
    }
    let finish = [("finish", finish_line(&v.finish, &w, m).into())];
    out.push(detail(format!(
        "  {}",
        m.get_args("review-plan-finish", &finish)
    )));
    out
}

/// The schedule section as text, in the language of `m`.
#[cfg(test)]
pub(crate) fn variance_text(v: &Variance, m: &Messages) -> String {
    lines::join(&variance_lines(v, m))
}

/// The schedule section as Markdown, in the language of `m`.
pub(crate) fn variance_markdown(v: &Variance, m: &Messages) -> String {
    let unscheduled = m.get("review-unscheduled");
    let cell = Words {
        arrow: "→",
        unscheduled: &unscheduled,
    };
    let mut s = format!(
        "\n### {}\n\n{}\n",
        m.get("review-md-schedule"),
        m.get("review-md-schedule-note")
    );
    let header = |keys: &[&str]| {
        let names: Vec<_> = keys.iter().map(|k| m.get(k)).collect();
        format!(
            "\n| {} |\n|{}\n",
            names.join(" | "),
            "---|".repeat(keys.len())
        )
    };
    if !v.activities.is_empty() {
        s.push_str(&header(&[
            "review-column-activity",
            "review-column-start",
            "review-column-finish",
            "review-column-duration",
        ]));
        for a in &v.activities {
            let [start, finish, duration] = cells(a, &cell);
            let _ = writeln!(
                s,
                "| {} | {start} | {finish} | {duration} |",
                name(a, m, code)
            );
        }
    }
    if !v.milestones.is_empty() {
        s.push_str(&header(&["review-column-milestone", "review-column-date"]));
        for ms in &v.milestones {
            let [_, finish, _] = cells(ms, &cell);
            let _ = writeln!(s, "| {} | {finish} |", name(ms, m, code));
        }
    }
    s.push('\n');
    if !v.became_critical.is_empty() {
        let args = [("ids", ids(&v.became_critical, code, m).into())];
        let _ = writeln!(s, "- {}", m.get_args("review-md-became-critical", &args));
    }
    if !v.no_longer_critical.is_empty() {
        let args = [("ids", ids(&v.no_longer_critical, code, m).into())];
        let _ = writeln!(s, "- {}", m.get_args("review-md-no-longer-critical", &args));
    }
    let _ = writeln!(s, "- {}", plan_finish_md(v, m));
    s
}

/// `Plan finish: 2026-06-30 → 2026-07-15 (+15 days)`, as Markdown prose says it.
pub(super) fn plan_finish_md(v: &Variance, m: &Messages) -> String {
    let unscheduled = m.get("review-unscheduled");
    let arrow = m.get("review-md-arrow");
    let prose = Words {
        arrow: &arrow,
        unscheduled: &unscheduled,
    };
    let finish = [("finish", finish_line(&v.finish, &prose, m).into())];
    m.get_args("review-md-plan-finish", &finish)
}
