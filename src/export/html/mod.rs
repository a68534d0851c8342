//! The plan as one self-contained HTML report: the Gantt chart as inline SVG, the activity
//! table, budget and funding coverage, and the consultation results, in Arabic (right to
//! left, the time axis mirrored) or English.
//!
//! One file that needs nothing else: the style sheet and the chart are inline, no font,
//! script or image is fetched, and a Content-Security-Policy says so to the browser, so that
//! a report opened from an email or a shared drive shows the same everywhere and calls no one.
//! Plan text is escaped (`escape`); the page prints to PDF with a page per section, the
//! chart cut into blocks that fit a page (`gantt`).

mod budget;
mod consult;
mod escape;
mod gantt;
mod scale;
mod tables;

#[cfg(test)]
mod tests;

#[cfg(test)]
use gantt::ROWS_PER_BLOCK;

use crate::i18n::Messages;
use crate::model::Plan;
use crate::schedule::Schedule;
use chrono::NaiveDate;
use escape::{push_bdi, push_escaped, push_paragraph};
use std::fmt::Write as _;

/// The report's style sheet, screen and print.
const STYLE: &str = include_str!("style.css");

/// Nothing may be fetched: no script, font, image or connection; only the inline style.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// What the report is written for.
#[derive(Debug)]
pub struct Options<'a> {
    /// The messages of the report's language (Arabic is written right to left).
    pub messages: &'a Messages,
    /// Today, for the today line and the report's date.
    pub today: NaiveDate,
}

/// The HTML report of `plan`, scheduled as `schedule`.
pub fn report(plan: &Plan, schedule: &Schedule, options: &Options) -> String {
    let m = options.messages;
    let lang = m.lang();
    let rtl = crate::text::Direction::of_lang(lang).is_rtl();
    let (chart, scale) = scale::layout(plan, schedule, options.today, m);
    let mut out = String::with_capacity(16_384 + plan.activities.len() * 1_400);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"khutta\">\n<title>",
        lang.tag(),
        if rtl { "rtl" } else { "ltr" },
    );
    escape::push_plan_text(&mut out, plan_title(plan, m));
    out.push_str(" — ");
    push_escaped(&mut out, &m.get("html-title"));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, plan, schedule, options);
    section(&mut out, "gantt", &m.get("html-gantt"), |out| {
        gantt::Chart {
            plan,
            schedule,
            gantt: &chart,
            scale,
            messages: m,
        }
        .write(out);
    });
    section(&mut out, "activities", &m.get("report-activities"), |out| {
        tables::activities(out, plan, schedule, &chart, m);
    });
    section(&mut out, "budget", &m.get("html-budget"), |out| {
        budget::budget(out, plan, m);
    });
    section(
        &mut out,
        "consultations",
        &m.get("report-consultations"),
        |out| consult::consultations(out, plan, m),
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// The plan's title in the report's language, or its id.
fn plan_title<'p>(plan: &'p Plan, m: &Messages) -> &'p str {
    match plan.meta.title.show(m.lang()) {
        "" => plan.meta.id.as_str(),
        t => t,
    }
}

fn section(out: &mut String, id: &str, title: &str, body: impl FnOnce(&mut String)) {
    let _ = write!(out, "<section id=\"{id}\">\n<h2>");
    push_escaped(out, title);
    out.push_str("</h2>\n");
    body(out);
    out.push_str("</section>\n");
}

/// Appends the message `key` whose variable `var` is plan text: the message's own words
/// escaped, the plan text isolated in `<bdi>` where the message puts it.
pub(crate) fn push_message(out: &mut String, m: &Messages, key: &str, var: &str, text: &str) {
    // A character no message holds marks where the variable goes.
    const MARK: &str = "\u{E000}";
    let said = m.get_args(key, &[(var, MARK.into())]);
    for (i, piece) in said.split(MARK).enumerate() {
        if i > 0 {
            push_bdi(out, text);
        }
        push_escaped(out, piece);
    }
}

/// The title, the summary and the schedule's key dates.
fn header(out: &mut String, plan: &Plan, s: &Schedule, options: &Options) {
    let m = options.messages;
    out.push_str("<header>\n<h1>");
    push_bdi(out, plan_title(plan, m));
    out.push_str("</h1>\n");
    let summary = plan.meta.summary.show(m.lang());
    if !summary.trim().is_empty() {
        out.push_str("<p class=\"summary\" dir=\"auto\">");
        push_paragraph(out, summary);
        out.push_str("</p>\n");
    }
    out.push_str("<dl class=\"facts\">\n");
    let mut fact = |key: &str, value: &dyn Fn(&mut String)| {
        out.push_str("<div><dt>");
        push_escaped(out, &m.get(key));
        out.push_str("</dt><dd>");
        value(out);
        out.push_str("</dd></div>\n");
    };
    let window = plan.meta.window;
    fact("report-plan-id", &|o| {
        o.push_str("<code>");
        push_bdi(o, plan.meta.id.as_str());
        o.push_str("</code>");
    });
    fact("report-window", &|o| {
        let _ = write!(
            o,
            "<span dir=\"ltr\">{} – {}</span>",
            window.start, window.end
        );
    });
    fact("report-start", &|o| {
        let _ = write!(o, "{}", s.start);
    });
    fact("report-finish", &|o| match s.finish {
        Some(f) => {
            let _ = write!(o, "{f}");
        }
        None => push_escaped(o, &m.get("schedule-finish-none")),
    });
    fact("report-today", &|o| {
        let _ = write!(o, "{}", options.today);
    });
    if let Some(path) = s.critical_paths.first() {
        fact("report-critical-path", &|o| {
            o.push_str("<span class=\"path\">");
            for (i, id) in path.iter().enumerate() {
                if i > 0 {
                    // The arrow points the way the page reads.
                    o.push_str(if m.lang() == crate::model::Lang::Ar {
                        " ← "
                    } else {
                        " → "
                    });
                }
                o.push_str("<code>");
                push_bdi(o, id.as_str());
                o.push_str("</code>");
            }
            o.push_str("</span>");
        });
    }
    if !s.conflicts.is_empty() {
        fact("report-conflicts", &|o| {
            push_escaped(o, &m.count("schedule-conflicts-count", s.conflicts.len()));
        });
    }
    for c in &s.cycles {
        fact("report-cycle", &|o| {
            o.push_str("<code>");
            push_bdi(o, &crate::check::format_cycle(c));
            o.push_str("</code>");
        });
    }
    out.push_str("</dl>\n</header>\n");
}
