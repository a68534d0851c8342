//! The time axis: one column per day, week, month or quarter, and the ticks to label it.

use chrono::{Datelike, Months, NaiveDate};

/// How much time one column of the chart covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scale {
    /// One day per column.
    Day,
    /// One week (Monday to Sunday, as ISO weeks) per column.
    Week,
    /// One calendar month per column.
    Month,
    /// One quarter (January-March, ...) per column.
    Quarter,
}

impl Scale {
    /// Every scale, finest first.
    pub const ALL: [Scale; 4] = [Scale::Day, Scale::Week, Scale::Month, Scale::Quarter];

    /// The scale's name, as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Day => "day",
            Scale::Week => "week",
            Scale::Month => "month",
            Scale::Quarter => "quarter",
        }
    }

    /// The number of the unit that holds `d`, counted from a fixed origin, so that the
    /// difference of two is a difference in columns.
    pub fn unit(self, d: NaiveDate) -> i64 {
        let days = i64::from(d.num_days_from_ce());
        let months = i64::from(d.year()) * 12 + i64::from(d.month0());
        match self {
            Scale::Day => days,
            // Day 1 is a Monday, so weeks counted from day 1 are Monday-to-Sunday weeks.
            Scale::Week => (days - 1).div_euclid(7),
            Scale::Month => months,
            Scale::Quarter => months.div_euclid(3),
        }
    }

    /// The first day of the unit that holds `d`. The week of chrono's first day begins before
    /// that day, which no date can name: it starts on that day instead.
    pub(crate) fn start_of(self, d: NaiveDate) -> NaiveDate {
        let first_of_month = || d.with_day(1).unwrap_or(d);
        match self {
            Scale::Day => d,
            Scale::Week => d
                .checked_sub_days(chrono::Days::new(u64::from(
                    d.weekday().num_days_from_monday(),
                )))
                .unwrap_or(NaiveDate::MIN),
            Scale::Month => first_of_month(),
            Scale::Quarter => {
                let back = d.month0() % 3;
                first_of_month()
                    .checked_sub_months(Months::new(back))
                    .unwrap_or(NaiveDate::MIN)
            }
        }
    }

    /// The first day of the unit `n` units after the one that starts on `start`.
    fn advance(self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        match self {
            Scale::Day => start.checked_add_days(chrono::Days::new(u64::from(n))),
            Scale::Week => start.checked_add_days(chrono::Days::new(u64::from(n) * 7)),
            Scale::Month => start.checked_add_months(Months::new(n)),
            Scale::Quarter => start.checked_add_months(Months::new(n.saturating_mul(3))),
        }
    }

    /// How many columns `from..=to` takes.
    pub fn columns(self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.unit(to) - self.unit(from) + 1
    }
}

/// A labelled place on the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The column.
    pub column: u16,
    /// The first day of the unit at that column.
    pub date: NaiveDate,
    /// The label: `Mar 2026`, `2026`, `Mar`, `16`...
    pub label: String,
    /// A major tick starts a larger unit (a month on the day scale, a year on the others) and
    /// is also set on the first column; minor ticks mark Mondays on the day scale and months
    /// on the week and month scales.
    pub major: bool,
}

/// The time axis of a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Axis {
    /// What one column covers.
    pub scale: Scale,
    /// The first day of the first column.
    pub from: NaiveDate,
    /// The last day of the last column.
    pub to: NaiveDate,
    /// The number of columns.
    pub columns: u16,
    /// Major and minor ticks, by column; a renderer shows the labels that fit.
    pub ticks: Vec<Tick>,
}

/// The names of the months on the axis, January first, in the reader's language (the UI
/// passes them in; see `i18n::month_names`).
pub type MonthNames = [String; 12];

/// The English abbreviations, for callers with no language of their own.
pub fn english_months() -> MonthNames {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .map(str::to_owned)
}

impl Axis {
    /// The axis over `from..=to` at `scale`, cut to at most `max_columns` columns, its
    /// months named by `months`. Without a scale, the finest one that fits the range into
    /// `max_columns` is chosen.
    pub fn new(
        scale: Option<Scale>,
        from: NaiveDate,
        to: NaiveDate,
        max_columns: u16,
        months: &MonthNames,
    ) -> Axis {
        let to = to.max(from);
        let max_columns = max_columns.max(1);
        let scale = scale.unwrap_or_else(|| {
            Scale::ALL
                .into_iter()
                .find(|s| s.columns(from, to) <= i64::from(max_columns))
                .unwrap_or(Scale::Quarter)
        });
        let from = scale.start_of(from);
        let wanted = scale.columns(from, to).clamp(1, i64::from(max_columns));
        let columns = u16::try_from(wanted).unwrap_or(max_columns);
        let last_unit = scale.advance(from, u32::from(columns));
        let to = last_unit
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        let mut axis = Axis {
            scale,
            from,
            to,
            columns,
            ticks: Vec::new(),
        };
        axis.ticks = axis.make_ticks(months);
        axis
    }

    /// The column that holds `d`, which may lie outside `0..columns`.
    pub fn column(&self, d: NaiveDate) -> i64 {
        self.scale.unit(d) - self.scale.unit(self.from)
    }

    /// The column that holds `d`, if it is on the chart.
    pub(crate) fn visible(&self, d: NaiveDate) -> Option<u16> {
        let c = self.column(d);
        u16::try_from(c).ok().filter(|c| *c < self.columns)
    }

    fn make_ticks(&self, months: &MonthNames) -> Vec<Tick> {
        let mut ticks = Vec::new();
        for c in 0..self.columns {
            let Some(date) = self.scale.advance(self.from, u32::from(c)) else {
                break;
            };
            let month = months[date.month0() as usize].as_str();
            // A major tick where the larger unit begins, and on the first column so that
            // the chart always says where it is.
            let (major, major_label, minor_label) = match self.scale {
                Scale::Day => (
                    date.day() == 1,
                    format!("{month} {}", date.year()),
                    (date.weekday() == chrono::Weekday::Mon).then(|| date.day().to_string()),
                ),
                // The week whose Monday falls in a month's first seven days starts that month.
                Scale::Week => (
                    date.month0() == 0 && date.day() <= 7,
                    date.year().to_string(),
                    (date.day() <= 7).then(|| month.to_owned()),
                ),
                Scale::Month => (
                    date.month0() == 0,
                    date.year().to_string(),
                    Some(month.to_owned()),
                ),
                // One column per quarter leaves no room for a label per quarter.
                Scale::Quarter => (date.month0() == 0, date.year().to_string(), None),
            };
            if major || c == 0 {
                ticks.push(Tick {
                    column: c,
                    date,
                    label: major_label,
                    major: true,
                });
            }
            if let Some(label) = minor_label {
                ticks.push(Tick {
                    column: c,
                    date,
                    label,
                    major: false,
                });
            }
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn units_and_starts() {
        // 2026-03-04 is a Wednesday.
        assert_eq!(Scale::Week.start_of(d("2026-03-04")), d("2026-03-02"));
        assert_eq!(
            Scale::Week.unit(d("2026-03-08")),
            Scale::Week.unit(d("2026-03-02"))
        );
        assert_eq!(
            Scale::Week.unit(d("2026-03-09")),
            Scale::Week.unit(d("2026-03-02")) + 1
        );
        assert_eq!(Scale::Quarter.start_of(d("2026-05-20")), d("2026-04-01"));
        assert_eq!(Scale::Month.columns(d("2026-01-31"), d("2026-03-01")), 3);
    }

    /// A plan window that starts on chrono's first day (a partner's file can say so) lays
    /// out at every scale; that day is not a Monday, so its week cannot start on one.
    #[test]
    fn the_first_day_of_the_calendar_lays_out_at_every_scale() {
        use chrono::Weekday;
        assert_ne!(NaiveDate::MIN.weekday(), Weekday::Mon);
        assert_eq!(Scale::Week.start_of(NaiveDate::MIN), NaiveDate::MIN);
        for scale in Scale::ALL {
            for to in [NaiveDate::MIN, d("2026-01-01"), NaiveDate::MAX] {
                let a = Axis::new(Some(scale), NaiveDate::MIN, to, 80, &english_months());
                assert_eq!(a.from, NaiveDate::MIN, "{scale:?}");
            }
        }
    }

    #[test]
    fn automatic_scale_fits() {
        let a = Axis::new(
            None,
            d("2026-01-01"),
            d("2026-12-31"),
            60,
            &english_months(),
        );
        assert_eq!(a.scale, Scale::Week);
        assert_eq!(a.from, d("2025-12-29"));
        assert_eq!(a.columns, 53);
        let a = Axis::new(
            Some(Scale::Day),
            d("2026-01-01"),
            d("2026-12-31"),
            10,
            &english_months(),
        );
        assert_eq!((a.columns, a.to), (10, d("2026-01-10")));
        assert_eq!(a.visible(d("2026-01-11")), None);
        assert_eq!(a.visible(d("2026-01-03")), Some(2));
    }
}
