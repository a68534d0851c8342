//! Working calendars: weekend days and holidays, which differ across the region.

use super::{CountryCode, Id, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A day of the week, written in files as `Fri`, `Sat`, ...
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[allow(missing_docs, reason = "the day names speak for themselves")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {}

/// A named working calendar: which days are the weekend and which dates are holidays.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The calendar's id, referred to by activities and by the plan's default.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The weekend days (Friday-Saturday in Egypt and Jordan, Saturday-Sunday in Morocco).
    pub weekend: Vec<Weekday>,
    /// Public holidays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<Holiday>,
    /// Countries whose activities use this calendar unless they name another.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<CountryCode>,
}

/// A holiday of one day or a run of days (`until` inclusive).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The first day.
    pub date: NaiveDate,
    /// The last day, when the holiday lasts more than one day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub name: Text,
}

impl Calendar {
    /// Sorts weekend days, holidays and countries into canonical order.
    pub fn normalize(&mut self) {
        self.weekend.sort();
        self.weekend.dedup();
        self.holidays.sort_by_key(|h| (h.date, h.until));
        self.countries.sort();
        self.countries.dedup();
    }
}
