//! Working-day arithmetic in O(1): a precomputed table of working-day ordinals per calendar.
//!
//! Every calendar gets a table over one span of days that covers the planning window, a margin
//! on each side and the plan's holidays. Inside the table, "how many working days come before
//! this day" and "which day is the k-th working day" are array lookups. Outside it only the
//! weekend applies (it repeats every week), so both questions are answered by division: no
//! loop anywhere depends on a date or a duration, and no input can make one run for long.

use crate::model::{Activity, Calendar, Holiday, Id, Plan, Weekday};
use chrono::{Datelike, NaiveDate};

/// A day as a number (chrono's `num_days_from_ce`: 0001-01-01 is 1), widened to `i64` so that
/// adding durations and lags never overflows. A day number also stands for the moment at the
/// start of that day (midnight before it), which is how start and finish points are kept.
pub(crate) type Day = i64;

/// The day number of `d`.
pub(crate) fn day(d: NaiveDate) -> Day {
    i64::from(d.num_days_from_ce())
}

/// The date of day number `d`, clamped to the dates chrono can represent.
pub(crate) fn date(d: Day) -> NaiveDate {
    let lo = day(NaiveDate::MIN);
    let hi = day(NaiveDate::MAX);
    i32::try_from(d.clamp(lo, hi))
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MAX)
}

/// Days of margin before the window in each table.
const MARGIN_BEFORE: Day = 366;
/// Days of margin after the window: plans often run past their window before they are fixed.
const MARGIN_AFTER: Day = 3 * 366;
/// Holidays further than this from the window start are left out of the table (and so
/// ignored); it bounds the table at about 300 years of days whatever the plan says.
const HOLIDAY_REACH: Day = 100 * 366;

/// One calendar's working days.
#[derive(Clone, Debug)]
pub(crate) struct WorkCalendar {
    /// The first day of the table.
    lo: Day,
    /// `prefix[i]`: working days in `[lo, lo + i)`; one entry more than the table has days.
    prefix: Vec<u32>,
    /// `offsets[k]`: the k-th working day of the table, as an offset from `lo`.
    offsets: Vec<u32>,
    /// Working days per week outside the table (1 to 7).
    per_week: i64,
    /// `week_prefix[r]`: working days among week positions `0..r` (position = day mod 7).
    week_prefix: [i64; 8],
    /// The week positions that are working days, in order; the first `per_week` are valid.
    week_days: [i64; 7],
}

/// Whether week position `p` (day number mod 7) falls on one of `weekend`.
fn is_weekend(weekend: &[Weekday], p: i64) -> bool {
    // Day 1 (0001-01-01) was a Monday, so position 1 is Monday and position 0 Sunday.
    const BY_POSITION: [Weekday; 7] = [
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
    ];
    usize::try_from(p.rem_euclid(7)).is_ok_and(|i| weekend.contains(&BY_POSITION[i]))
}

impl WorkCalendar {
    /// The calendar with `weekend` and `holidays`, tabled over the days `lo..=hi`.
    ///
    /// A weekend of all seven days (reported by `check` as E027) would leave no working day;
    /// such a calendar is treated as having no weekend at all, so that arithmetic still ends.
    pub(crate) fn new(weekend: &[Weekday], holidays: &[Holiday], lo: Day, hi: Day) -> Self {
        let all_week = (0..7).all(|p| is_weekend(weekend, p));
        let weekend = if all_week { &[][..] } else { weekend };
        let mut week_prefix = [0; 8];
        let mut week_days = [0; 7];
        let mut per_week = 0;
        for p in 0..7 {
            week_prefix[p as usize + 1] = week_prefix[p as usize];
            if !is_weekend(weekend, p) {
                week_prefix[p as usize + 1] += 1;
                week_days[per_week as usize] = p;
                per_week += 1;
            }
        }
        let span = usize::try_from((hi - lo + 1).max(1)).unwrap_or(1);
        // Holidays as a difference array, so that long runs cost nothing per day.
        let mut off = vec![0i32; span + 1];
        for h in holidays {
            let first = day(h.date).max(lo);
            let last = h.until.map_or(day(h.date), day).min(lo + span as Day - 1);
            if first <= last {
                off[(first - lo) as usize] += 1;
                off[(last - lo) as usize + 1] -= 1;
            }
        }
        let mut prefix = Vec::with_capacity(span + 1);
        let mut offsets = Vec::with_capacity(span);
        let (mut count, mut holiday) = (0u32, 0i32);
        prefix.push(0);
        for (i, delta) in off.iter().take(span).enumerate() {
            holiday += delta;
            if holiday == 0 && !is_weekend(weekend, lo + i as Day) {
                offsets.push(i as u32);
                count += 1;
            }
            prefix.push(count);
        }
        WorkCalendar {
            lo,
            prefix,
            offsets,
            per_week,
            week_prefix,
            week_days,
        }
    }

    /// The day just after the table.
    fn end(&self) -> Day {
        self.lo + self.prefix.len() as Day - 1
    }

    /// Working days in the table.
    fn total(&self) -> i64 {
        self.offsets.len() as i64
    }

    /// Weekend-only working days before `x`, counted from a fixed origin.
    fn periodic_ord(&self, x: Day) -> i64 {
        x.div_euclid(7) * self.per_week + self.week_prefix[x.rem_euclid(7) as usize]
    }

    /// The weekend-only working day with periodic ordinal `k`.
    fn periodic_nth(&self, k: i64) -> Day {
        k.div_euclid(self.per_week) * 7 + self.week_days[k.rem_euclid(self.per_week) as usize]
    }

    /// How many working days come before day `x` (negative before the table): a
    /// non-decreasing function that grows by one after each working day.
    pub(crate) fn ord(&self, x: Day) -> i64 {
        if x < self.lo {
            self.periodic_ord(x) - self.periodic_ord(self.lo)
        } else if x <= self.end() {
            i64::from(self.prefix[(x - self.lo) as usize])
        } else {
            self.total() + self.periodic_ord(x) - self.periodic_ord(self.end())
        }
    }

    /// The working day with ordinal `k`: the inverse of [`ord`](Self::ord) on working days.
    pub(crate) fn nth(&self, k: i64) -> Day {
        if k < 0 {
            self.periodic_nth(k + self.periodic_ord(self.lo))
        } else if k < self.total() {
            self.lo + i64::from(self.offsets[k as usize])
        } else {
            self.periodic_nth(k - self.total() + self.periodic_ord(self.end()))
        }
    }

    /// Whether `x` is a working day.
    #[cfg(test)]
    pub(crate) fn is_working(&self, x: Day) -> bool {
        self.ord(x + 1) > self.ord(x)
    }

    /// The start point reached `lag` working days after point `x`: the first working day on
    /// or after `x`, moved by `lag` working days (a negative lag is a lead).
    pub(crate) fn start_after(&self, x: Day, lag: i64) -> Day {
        self.nth(self.ord(x).saturating_add(lag))
    }

    /// The finish point reached `lag` working days after point `x`: the end of the last
    /// working day before `x`, moved by `lag` working days.
    pub(crate) fn finish_after(&self, x: Day, lag: i64) -> Day {
        self.nth(self.ord(x - 1).saturating_add(lag)) + 1
    }

    /// The latest point `x` such that `start_after(x, lag) <= y`.
    pub(crate) fn latest_before_start(&self, y: Day, lag: i64) -> Day {
        self.nth((self.ord(y + 1) - 1).saturating_sub(lag))
    }

    /// The latest point `x` such that `finish_after(x, lag) <= y`.
    pub(crate) fn latest_before_finish(&self, y: Day, lag: i64) -> Day {
        self.nth((self.ord(y) - 1).saturating_sub(lag)) + 1
    }
}

/// A country code packed into a number; codes longer than eight bytes (never valid, and
/// reported by `check`) match no calendar.
fn country_key(code: &str) -> Option<u64> {
    let bytes = code.as_bytes();
    (bytes.len() <= 8).then(|| {
        bytes
            .iter()
            .enumerate()
            .fold(0u64, |w, (k, b)| w | u64::from(*b) << (8 * k))
    })
}

/// The working calendars of a plan, and which one each activity uses.
#[derive(Clone, Debug)]
pub(crate) struct Calendars {
    /// The plan's calendars in plan order, then the fallback with no weekend and no holiday.
    tables: Vec<WorkCalendar>,
    /// The index of `default_calendar`, or of the fallback.
    default: usize,
    ids: Vec<Id>,
    /// (country, calendar index): the first calendar listing each country, the country
    /// packed into a number so that looking it up costs no string comparison.
    by_country: Vec<(u64, usize)>,
}

impl Calendars {
    /// Tables for every calendar of `plan`, over a span that covers its window and holidays.
    pub(crate) fn new(plan: &Plan) -> Self {
        let w = plan.meta.window;
        let (first, last) = (day(w.start.min(w.end)), day(w.start.max(w.end)));
        let (mut lo, mut hi) = (first - MARGIN_BEFORE, last + MARGIN_AFTER);
        let reach = (first - HOLIDAY_REACH, first + 2 * HOLIDAY_REACH);
        for h in plan.meta.calendars.iter().flat_map(|c| &c.holidays) {
            lo = lo.min(day(h.date).max(reach.0));
            hi = hi.max(h.until.map_or(day(h.date), day).min(reach.1));
        }
        hi = hi.min(reach.1).max(lo);
        let mut tables: Vec<WorkCalendar> = plan
            .meta
            .calendars
            .iter()
            .map(|c: &Calendar| WorkCalendar::new(&c.weekend, &c.holidays, lo, hi))
            .collect();
        tables.push(WorkCalendar::new(&[], &[], lo, hi));
        let ids: Vec<Id> = plan.meta.calendars.iter().map(|c| c.id.clone()).collect();
        let fallback = tables.len() - 1;
        let default = plan
            .meta
            .default_calendar
            .as_ref()
            .and_then(|d| ids.iter().position(|i| i == d))
            .unwrap_or(fallback);
        let mut by_country: Vec<(u64, usize)> = Vec::new();
        for (i, c) in plan.meta.calendars.iter().enumerate() {
            for key in c.countries.iter().filter_map(|c| country_key(c.as_str())) {
                if !by_country.iter().any(|(k, _)| *k == key) {
                    by_country.push((key, i));
                }
            }
        }
        Calendars {
            tables,
            default,
            ids,
            by_country,
        }
    }

    /// The calendar an activity uses: the one it names, else the first that lists its country,
    /// else the plan's default, else a calendar in which every day is a working day.
    pub(crate) fn index_for(&self, a: &Activity) -> usize {
        if let Some(i) = a
            .calendar
            .as_ref()
            .and_then(|c| self.ids.iter().position(|i| i == c))
        {
            return i;
        }
        a.location
            .as_ref()
            .and_then(|l| country_key(l.country.as_str()))
            .and_then(|key| self.by_country.iter().find(|(k, _)| *k == key))
            .map_or(self.default, |(_, i)| *i)
    }

    /// The calendar at `index` (as given by [`index_for`](Self::index_for)).
    pub(crate) fn get(&self, index: usize) -> &WorkCalendar {
        &self.tables[index.min(self.tables.len() - 1)]
    }

    /// The id of the calendar at `index`, or `None` for the fallback.
    pub(crate) fn id(&self, index: usize) -> Option<&Id> {
        self.ids.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Day {
        day(s.parse().unwrap_or_default())
    }

    /// Counts working days in `[a, b)` one day at a time: the slow, obvious answer.
    fn slow_count(cal: &WorkCalendar, a: Day, b: Day) -> i64 {
        (a..b).filter(|x| cal.is_working(*x)).count() as i64
    }

    #[test]
    fn weekday_positions() {
        // 2026-03-06 is a Friday, 2026-03-08 a Sunday.
        assert!(is_weekend(&[Weekday::Fri], d("2026-03-06")));
        assert!(is_weekend(&[Weekday::Sun], d("2026-03-08")));
        assert!(!is_weekend(&[Weekday::Sun], d("2026-03-09")));
    }

    #[test]
    fn ord_and_nth_agree_inside_and_outside_the_table() {
        let hol = Holiday {
            date: "2026-03-10".parse().unwrap_or_default(),
            until: "2026-03-12".parse().ok(),
            name: Default::default(),
        };
        let cal = WorkCalendar::new(
            &[Weekday::Fri, Weekday::Sat],
            &[hol],
            d("2026-01-01"),
            d("2026-06-30"),
        );
        let (a, b) = (d("2025-10-01"), d("2026-10-01"));
        for x in a..b {
            assert_eq!(cal.ord(x + 1) - cal.ord(x), i64::from(cal.is_working(x)));
            if cal.is_working(x) {
                assert_eq!(cal.nth(cal.ord(x)), x, "day {x}");
            }
            assert_eq!(cal.ord(x) - cal.ord(a), slow_count(&cal, a, x));
        }
        assert!(!cal.is_working(d("2026-03-11")));
        assert!(!cal.is_working(d("2026-03-13")));
        assert!(cal.is_working(d("2026-03-15")));
    }

    #[test]
    fn seven_day_weekend_falls_back_to_no_weekend() {
        let all = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let cal = WorkCalendar::new(&all, &[], d("2026-01-01"), d("2026-01-31"));
        assert_eq!(cal.start_after(d("2026-01-01"), 10), d("2026-01-11"));
        assert_eq!(
            cal.start_after(d("2030-01-01"), 1_000_000),
            d("2030-01-01") + 1_000_000
        );
    }

    #[test]
    fn arithmetic_on_points() {
        // Saturday-Sunday weekend; 2026-03-05 is a Thursday.
        let cal = WorkCalendar::new(
            &[Weekday::Sat, Weekday::Sun],
            &[],
            d("2026-01-01"),
            d("2026-12-31"),
        );
        // The start after Friday's end is Monday; one day of lag makes it Tuesday.
        assert_eq!(cal.start_after(d("2026-03-07"), 0), d("2026-03-09"));
        assert_eq!(cal.start_after(d("2026-03-07"), 1), d("2026-03-10"));
        // The finish point after the start of Saturday is the end of Friday.
        assert_eq!(cal.finish_after(d("2026-03-07"), 0), d("2026-03-07"));
        for y in d("2026-02-01")..d("2026-04-01") {
            for lag in -3..4 {
                let x = cal.latest_before_start(y, lag);
                assert!(cal.start_after(x, lag) <= y);
                assert!(cal.start_after(x + 1, lag) > y);
                let x = cal.latest_before_finish(y, lag);
                assert!(cal.finish_after(x, lag) <= y);
                assert!(cal.finish_after(x + 1, lag) > y);
            }
        }
    }
}
