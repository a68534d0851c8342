//! iCalendar (RFC 5545): milestones, and on request activities, as all-day events.
//!
//! Each event's `UID` is `ACTIVITY@PLAN.khutta`, the same on every export, so a calendar that
//! imports a newer file updates its events instead of adding copies. Dates are the
//! schedule's early dates; `DTEND` is the day after the last day, as RFC 5545 wants for
//! all-day events. `DTSTAMP` is the day of the export (khutta's `today`), so that the same
//! plan exported for the same day gives the same bytes. Lines end with CRLF and are folded
//! at 75 octets, never inside a UTF-8 character.

use super::Input;
use crate::model::{Activity, ActivityKind, Id, Status};
use crate::schedule::Shape;
use chrono::{Days, NaiveDate};

/// What goes into the calendar.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Tasks as multi-day events, besides milestones.
    pub activities: bool,
    /// Only the activities this partner leads or takes part in.
    pub partner: Option<Id>,
}

/// The longest line, in octets, before it is folded.
const FOLD: usize = 75;

/// The calendar.
pub fn export(input: &Input, options: &Options) -> String {
    let plan = input.plan;
    let lang = input.lang;
    let mut out = String::with_capacity(plan.activities.len() * 300);
    let stamp = format!("{}T000000Z", input.today.format("%Y%m%d"));
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!("PRODID:-//khutta//khutta {}//EN", env!("CARGO_PKG_VERSION")),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(plan.meta.title.show(lang))),
    );
    for (a, entry) in input.activities() {
        let Some(entry) = entry else { continue };
        let Some(dates) = entry.dates else { continue };
        // By what the plan says the activity is: a cancelled task is scheduled as a moment,
        // but it is still a task.
        let wanted = match a.kind {
            ActivityKind::Milestone => true,
            ActivityKind::Task => options.activities,
            ActivityKind::Group => false,
        };
        if !wanted || !takes_part(a, options.partner.as_ref()) {
            continue;
        }
        let last = if entry.shape == Shape::Milestone {
            dates.early_start
        } else {
            dates.early_finish
        };
        event(&mut out, input, a, dates.early_start, last, &stamp);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn takes_part(a: &Activity, partner: Option<&Id>) -> bool {
    partner.is_none_or(|p| a.lead.as_ref() == Some(p) || a.partners.iter().any(|x| &x.partner == p))
}

fn event(
    out: &mut String,
    input: &Input,
    a: &Activity,
    first: NaiveDate,
    last: NaiveDate,
    stamp: &str,
) {
    let lang = input.lang;
    let day = |d: NaiveDate| d.format("%Y%m%d").to_string();
    let after = last.checked_add_days(Days::new(1)).unwrap_or(last);
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", uid(input, &a.id)));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(first)));
    line(out, &format!("DTEND;VALUE=DATE:{}", day(after)));
    line(out, &format!("SUMMARY:{}", escape(a.title.show(lang))));
    let description = a.description.show(lang);
    if !description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape(description)));
    }
    if let Some(l) = &a.location {
        let place = match &l.city {
            Some(city) => format!("{city}, {}", l.country),
            None => l.country.to_string(),
        };
        line(out, &format!("LOCATION:{}", escape(&place)));
    }
    let status = match a.status {
        Status::Cancelled => "CANCELLED",
        Status::OnHold => "TENTATIVE",
        _ => "CONFIRMED",
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
}

/// The event's UID: `ACTIVITY@PLAN.khutta`, stable across exports.
pub fn uid(input: &Input, activity: &Id) -> String {
    format!("{activity}@{}.khutta", input.plan.meta.id)
}

/// A TEXT value escaped (RFC 5545 3.3.11): `\`, `;`, `,` and line breaks; other control
/// characters, which TEXT does not allow, are left out.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded (RFC 5545 3.1): at most 75 octets per line, continuation
/// lines starting with a space, cut only between characters.
fn line(out: &mut String, content: &str) {
    let mut budget = FOLD;
    let mut used = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if used + n > budget {
            out.push_str("\r\n ");
            // The leading space counts towards the continuation line's 75 octets.
            budget = FOLD - 1;
            used = 0;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "خطة".repeat(30));
        line(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, text);
    }

    #[test]
    fn text_escapes_its_separators_and_line_breaks() {
        assert_eq!(escape("a,b;c\\d\r\ne\nf\u{1b}"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
