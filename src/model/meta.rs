//! `plan.ron`: what the whole plan shares.

use super::{Amount, Calendar, CountryCode, Currency, Id, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The plan format this khutta reads and writes. A file with a higher number is refused
/// (never half-read), so an older khutta cannot silently drop what a newer one wrote.
pub const FORMAT_VERSION: u32 = 1;

/// The contents of `plan.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeta {
    /// The plan format version; see [`FORMAT_VERSION`].
    pub format: u32,
    /// The plan's id.
    pub id: Id,
    /// The plan's title.
    pub title: Text,
    /// A summary of what the plan is for.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub summary: Text,
    /// The planning window: nothing is scheduled outside it.
    pub window: Window,
    /// The currency that totals are reported in.
    pub currency: Currency,
    /// Rates that convert other currencies into `currency`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRate>,
    /// Working calendars.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calendars: Vec<Calendar>,
    /// The calendar of activities that name none and whose country has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_calendar: Option<Id>,
    /// Sustainable Development Goals the plan serves (11, 16, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_goals: Vec<u8>,
    /// SDG targets the plan serves ("11.3", "16.7", ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_targets: Vec<String>,
    /// Target countries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<CountryCode>,
    /// Target cities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cities: Vec<City>,
}

/// A date range, both ends inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

impl Window {
    /// Whether `d` falls inside the window.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// How many units of the plan's currency one unit of `currency` was worth on `date`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// The foreign currency.
    pub currency: Currency,
    /// Units of the plan currency per one unit of `currency`.
    pub rate: Amount,
    /// The date the rate was taken.
    pub date: NaiveDate,
    /// Where the rate comes from (for example "UN operational rate").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A target city.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// Its country.
    pub country: CountryCode,
    /// Its name.
    pub name: Text,
}

impl PlanMeta {
    /// Sorts the plan's lists into canonical order.
    pub fn normalize(&mut self) {
        self.exchange_rates
            .sort_by(|a, b| (&a.currency, a.date).cmp(&(&b.currency, b.date)));
        self.calendars.sort_by(|a, b| a.id.cmp(&b.id));
        self.calendars.iter_mut().for_each(Calendar::normalize);
        self.sdg_goals.sort_unstable();
        self.sdg_goals.dedup();
        super::sort_dedup(&mut self.sdg_targets);
        super::sort_dedup(&mut self.countries);
        self.cities
            .sort_by(|a, b| (&a.country, &a.name.en).cmp(&(&b.country, &b.name.en)));
    }

    /// The rate converting `currency` to the plan currency: the most recent one recorded.
    pub fn rate(&self, currency: &Currency) -> Option<&ExchangeRate> {
        self.exchange_rates
            .iter()
            .filter(|r| &r.currency == currency)
            .max_by_key(|r| r.date)
    }
}
