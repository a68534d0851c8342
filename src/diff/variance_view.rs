//! The schedule section of a review: how far each activity and milestone moved, what became
//! or stopped being critical, and the plan finish; as table lines and as Markdown, in the
//! language of the messages.

use super::lines::{self, Line, LineKind};
use super::render::{self, code, esc};
use super::variance::{FinishShift, Placed, Shift, Variance};
use crate::i18n::Messages;
use chrono::NaiveDate;
use std::fmt::Write as _;

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
pub(crate) fn plan_finish_md(v: &Variance, m: &Messages) -> String {
    let unscheduled = m.get("review-unscheduled");
    let arrow = m.get("review-md-arrow");
    let prose = Words {
        arrow: &arrow,
        unscheduled: &unscheduled,
    };
    let finish = [("finish", finish_line(&v.finish, &prose, m).into())];
    m.get_args("review-md-plan-finish", &finish)
}
