//! The consultation results: each round's tallies, as `khutta consult results` computes them,
//! as tables with bars drawn in CSS.
//!
//! Free-text answers are shown without names or participant ids (the results are
//! anonymised): a report travels further than the plan's repository.

use super::escape::{push_bdi, push_escaped, push_paragraph};
use crate::consult::render::{about, who};
use crate::consult::{ResultsOptions, RoundResults, Row, Tally, results};
use crate::i18n::Messages;
use crate::model::Plan;
use std::fmt::Write as _;

/// Appends every round's results, or a line saying there are none.
pub(crate) fn consultations(out: &mut String, plan: &Plan, m: &Messages) {
    if plan.consultations.is_empty() {
        out.push_str("<p class=\"none\">");
        push_escaped(out, &m.get("report-no-consultations"));
        out.push_str("</p>\n");
        return;
    }
    let options = ResultsOptions {
        anonymise: true,
        lang: m.lang(),
        ..ResultsOptions::default()
    };
    for c in plan.consultations.values() {
        round(out, &results(plan, c, &options), m);
    }
}

fn round(out: &mut String, r: &RoundResults, m: &Messages) {
    let lang = m.lang();
    out.push_str("<article class=\"round\" data-id=\"");
    push_escaped(out, &crate::text::escape_controls(r.round.as_str()));
    out.push_str("\">\n<h3>");
    push_bdi(out, r.title.show(lang));
    out.push_str(" <code>");
    push_bdi(out, r.round.as_str());
    out.push_str("</code></h3>\n<p class=\"who\">");
    push_escaped(out, &who(r, m));
    out.push_str("</p>\n");
    for q in &r.questions {
        out.push_str("<section class=\"question\">\n<h4><code>");
        push_bdi(out, q.id.as_str());
        out.push_str("</code> ");
        push_bdi(out, q.text.show(lang));
        out.push_str("</h4>\n<p class=\"about\">");
        push_escaped(out, &about(q, m));
        out.push_str("</p>\n");
        match &q.tally {
            Tally::SingleChoice { rows }
            | Tally::MultipleChoice { rows }
            | Tally::PlanItems { rows, .. } => choice_rows(out, rows, m),
            Tally::Rating { distribution, mean } => {
                let max = distribution.iter().copied().max().unwrap_or(0);
                head(out, m, &["results-rating", "results-count", ""]);
                for (i, count) in distribution.iter().enumerate() {
                    let _ = write!(out, "<tr><td class=\"num\">{}</td>", i + 1);
                    let _ = write!(out, "<td class=\"num\">{count}</td>");
                    bar(out, *count, max);
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n<p>");
                let mean = mean.map_or("-".to_owned(), |x| format!("{x:.2}"));
                push_escaped(
                    out,
                    &m.get_args("results-md-mean", &[("mean", mean.into())]),
                );
                out.push_str("</p>\n");
            }
            Tally::Ranking { rows } => {
                let max = rows.iter().map(|r| r.points).max().unwrap_or(0);
                head(
                    out,
                    m,
                    &["results-rank", "", "results-points", "results-first", ""],
                );
                for row in rows {
                    let _ = write!(out, "<tr><td class=\"num\">{}</td><td>", row.rank);
                    push_bdi(out, row.label.show(lang));
                    let _ = write!(
                        out,
                        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                        row.points, row.first
                    );
                    bar(out, row.points, max);
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Tally::FreeText { answers } => {
                out.push_str("<ul class=\"answers\">\n");
                for a in answers {
                    // Each answer in its own direction: partners answer in either language.
                    out.push_str("<li dir=\"auto\">");
                    push_paragraph(out, &a.text);
                    out.push_str(" <span class=\"by\">(");
                    if let Some(o) = &a.organisation {
                        push_bdi(out, o);
                        out.push_str(", ");
                    }
                    push_bdi(out, a.country.as_str());
                    out.push_str(")</span></li>\n");
                }
                out.push_str("</ul>\n");
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
}

fn head(out: &mut String, m: &Messages, keys: &[&str]) {
    out.push_str("<table class=\"results\">\n<thead><tr>");
    for k in keys {
        let numeric = matches!(
            *k,
            "results-count"
                | "results-share"
                | "results-rating"
                | "results-rank"
                | "results-points"
                | "results-first"
        );
        out.push_str(if numeric {
            "<th class=\"num\">"
        } else {
            "<th>"
        });
        if !k.is_empty() {
            push_escaped(out, &m.get(k));
        }
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

/// A cell holding a bar as long as `n` is of `max`.
fn bar(out: &mut String, n: usize, max: usize) {
    let percent = (n * 100).checked_div(max).unwrap_or(0);
    let _ = write!(
        out,
        "<td class=\"bar\"><span style=\"width:{percent}%\"></span></td>"
    );
}

fn choice_rows(out: &mut String, rows: &[Row], m: &Messages) {
    let lang = m.lang();
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0);
    head(out, m, &["", "results-count", "results-share", ""]);
    for row in rows {
        out.push_str("<tr><td>");
        push_bdi(out, row.label.show(lang));
        let _ = write!(
            out,
            "</td><td class=\"num\">{}</td><td class=\"num\"><span dir=\"ltr\">{:.1}%</span></td>",
            row.count,
            row.share * 100.0
        );
        bar(out, row.count, max);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
