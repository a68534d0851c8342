//! MSPDI calendars: working weekdays and non-working exceptions of base calendars.

use super::mspdi::date;
use super::xml::{child, children, text};
use crate::model::Weekday;
use chrono::NaiveDate;
use roxmltree::Node;
use std::collections::BTreeSet;

fn weekday(day_type: &str) -> Option<Weekday> {
    Some(match day_type {
        "1" => Weekday::Sun,
        "2" => Weekday::Mon,
        "3" => Weekday::Tue,
        "4" => Weekday::Wed,
        "5" => Weekday::Thu,
        "6" => Weekday::Fri,
        "7" => Weekday::Sat,
        _ => return None,
    })
}

/// A base calendar as read: its name, weekend and non-working days.
pub(super) struct CalendarIn {
    pub(super) name: String,
    pub(super) base: Option<String>,
    pub(super) weekend: BTreeSet<Weekday>,
    pub(super) holidays: BTreeSet<(NaiveDate, NaiveDate)>,
}

pub(super) fn read_calendar(c: Node<'_, '_>) -> CalendarIn {
    let mut weekend = BTreeSet::new();
    let mut listed = BTreeSet::new();
    let mut holidays = BTreeSet::new();
    let off = |n: Node<'_, '_>, holidays: &mut BTreeSet<(NaiveDate, NaiveDate)>| {
        if text(n, "DayWorking") == Some("1") {
            return;
        }
        if let Some(p) = child(n, "TimePeriod")
            && let (Some(from), Some(to)) = (date(text(p, "FromDate")), date(text(p, "ToDate")))
        {
            holidays.insert((from, to.max(from)));
        }
    };
    if let Some(days) = child(c, "WeekDays") {
        for d in children(days, "WeekDay") {
            match text(d, "DayType").and_then(weekday) {
                Some(w) => {
                    listed.insert(w);
                    if text(d, "DayWorking") != Some("1") {
                        weekend.insert(w);
                    }
                }
                None => off(d, &mut holidays),
            }
        }
    }
    if let Some(ex) = child(c, "Exceptions") {
        for e in children(ex, "Exception") {
            off(e, &mut holidays);
        }
    }
    // A base calendar that leaves days out takes MS Project's standard week for them.
    let base = text(c, "BaseCalendarUID")
        .filter(|b| *b != "-1")
        .map(str::to_owned);
    if base.is_none() {
        for w in [Weekday::Sat, Weekday::Sun] {
            if !listed.contains(&w) {
                weekend.insert(w);
            }
        }
    }
    CalendarIn {
        name: text(c, "Name").unwrap_or_default().to_owned(),
        base,
        weekend,
        holidays,
    }
}
