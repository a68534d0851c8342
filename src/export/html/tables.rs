//! The activity table: one row per activity, in the chart's order.

use super::escape::{escaped, push_bdi, push_escaped, push_plan_text};
use crate::gantt::Gantt;
use crate::i18n::Messages;
use crate::model::{Plan, Status, keys};
use crate::schedule::{Schedule, Shape};
use std::fmt::Write as _;

/// The columns' headings.
const HEADINGS: [&str; 8] = [
    "report-col-id",
    "report-col-title",
    "report-col-lead",
    "report-col-start",
    "report-col-finish",
    "report-col-days",
    "report-col-status",
    "report-col-slack",
];

/// Appends the table of activities, in the rows' order of `gantt`.
pub(crate) fn activities(out: &mut String, plan: &Plan, s: &Schedule, g: &Gantt, m: &Messages) {
    let lang = m.lang();
    out.push_str("<table class=\"activities\">\n<thead><tr>");
    for (k, h) in HEADINGS.iter().enumerate() {
        out.push_str(if k >= 5 && k != 6 {
            "<th class=\"num\">"
        } else {
            "<th>"
        });
        push_escaped(out, &m.get(h));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let activities: Vec<_> = plan.activities.values().collect();
    let critical = m.get("schedule-flag-critical");
    // Each status's name, escaped once rather than formatted again on every row.
    let statuses: Vec<(Status, String)> = Status::ALL
        .iter()
        .map(|s| (*s, escaped(&m.get(keys::status(*s)))))
        .collect();
    for row in &g.rows {
        let (Some(a), Some(e)) = (activities.get(row.activity), s.entries.get(row.activity)) else {
            continue;
        };
        let mut class = vec![match e.shape {
            Shape::Task => "task",
            Shape::Milestone => "milestone",
            Shape::Group => "group",
        }];
        if row.critical {
            class.push("critical");
        }
        if e.cancelled {
            class.push("cancelled");
        }
        let _ = write!(out, "<tr class=\"{}\" data-id=\"", class.join(" "));
        push_plan_text(out, a.id.as_str());
        out.push_str("\"><td><code>");
        push_bdi(out, a.id.as_str());
        let _ = write!(
            out,
            "</code></td><td class=\"title depth-{}\">",
            row.depth.min(8)
        );
        push_bdi(out, a.title.show(lang));
        out.push_str("</td><td>");
        if let Some(lead) = &a.lead {
            let name = plan.partners.get(lead).map_or("", |p| {
                p.acronym
                    .as_deref()
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| p.name.show(lang))
            });
            push_bdi(out, if name.is_empty() { lead.as_str() } else { name });
        }
        out.push_str("</td>");
        match e.dates {
            Some(d) => {
                let _ = write!(
                    out,
                    "<td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}</td>",
                    d.early_start, d.early_finish, d.duration
                );
            }
            None => {
                out.push_str(
                    "<td class=\"date\">—</td><td class=\"date\">—</td><td class=\"num\">—</td>",
                );
            }
        }
        out.push_str("<td>");
        if let Some((_, name)) = statuses.iter().find(|(s, _)| *s == a.status) {
            out.push_str(name);
        }
        out.push_str("</td><td class=\"num\">");
        match e.dates {
            Some(d) => {
                let _ = write!(out, "{}", d.total_slack);
                if d.critical {
                    out.push_str(" <span class=\"badge critical\">");
                    push_escaped(out, &critical);
                    out.push_str("</span>");
                }
            }
            None => push_escaped(out, &m.get("schedule-unscheduled")),
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
