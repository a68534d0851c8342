//! The chart's time scale: which day is drawn where, in either direction, and the days shown.

use super::gantt::{CHART_W, LABEL_W, PAD};
use crate::gantt::Gantt;
use crate::i18n::Messages;
use crate::model::Plan;
use crate::schedule::Schedule;
use crate::text::Direction;
use chrono::NaiveDate;

/// The time scale: which day is where.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DayScale {
    /// Day 0.
    pub from: NaiveDate,
    /// Days shown.
    pub days: i64,
    /// Width of one day.
    pub day_w: f64,
    /// The edge where day 0 begins: its left edge in English, its right edge in Arabic.
    pub x0: f64,
    /// Whether time runs to the left.
    pub rtl: bool,
}

impl DayScale {
    /// The scale over `from..from+days`, in the direction of `rtl`.
    pub(crate) fn new(from: NaiveDate, days: i64, rtl: bool) -> DayScale {
        let days = days.max(1);
        DayScale {
            from,
            days,
            // Cut to the three decimals the chart is written with, so that every position
            // is exactly a whole number of days from the axis's origin.
            day_w: (CHART_W / days as f64 * 1000.0).floor() / 1000.0,
            x0: if rtl { PAD + CHART_W } else { PAD + LABEL_W },
            rtl,
        }
    }

    /// The left edge of column `k` (in Arabic the side where the day ends).
    pub(crate) fn left(&self, k: i64) -> f64 {
        if self.rtl {
            self.x0 - (k + 1) as f64 * self.day_w
        } else {
            self.x0 + k as f64 * self.day_w
        }
    }

    /// The edge where column `k` begins in time.
    pub(crate) fn begins(&self, k: i64) -> f64 {
        if self.rtl {
            self.x0 - k as f64 * self.day_w
        } else {
            self.x0 + k as f64 * self.day_w
        }
    }

    /// The edge where column `k` ends in time.
    pub(crate) fn ends(&self, k: i64) -> f64 {
        self.begins(k + 1)
    }

    /// The middle of column `k`.
    pub(crate) fn middle(&self, k: i64) -> f64 {
        self.left(k) + self.day_w / 2.0
    }

    /// +1 where time runs to the right, -1 where it runs to the left.
    pub(crate) fn forward(&self) -> f64 {
        if self.rtl { -1.0 } else { 1.0 }
    }

    /// The column of `d`.
    pub(crate) fn column(&self, d: NaiveDate) -> i64 {
        (d - self.from).num_days()
    }
}

/// The days to show: from the earliest of the window's start and every early start, to the
/// latest of the plan finish and every latest finish (so that slack shows whole), at most
/// `u16::MAX` days, the most columns a layout holds.
pub(crate) fn range(plan: &Plan, schedule: &Schedule) -> (NaiveDate, i64) {
    let window = plan.meta.window;
    let dated = schedule.entries.iter().filter_map(|e| e.dates);
    let from = dated
        .clone()
        .map(|d| d.early_start)
        .fold(window.start, NaiveDate::min);
    let to = dated
        .map(|d| d.late_finish.max(d.early_finish))
        .fold(schedule.finish.unwrap_or(window.end), NaiveDate::max)
        .max(from);
    let days = ((to - from).num_days() + 1).clamp(1, i64::from(u16::MAX));
    (from, days)
}

/// The layout of `schedule` at one column per day over [`range`].
pub(crate) fn layout(
    plan: &Plan,
    schedule: &Schedule,
    today: NaiveDate,
    m: &Messages,
) -> (Gantt, DayScale) {
    let (from, days) = range(plan, schedule);
    let columns = u16::try_from(days).unwrap_or(u16::MAX);
    let to = from
        .checked_add_days(chrono::Days::new(u64::from(columns) - 1))
        .unwrap_or(NaiveDate::MAX);
    let options = crate::gantt::Options {
        scale: Some(crate::gantt::Scale::Day),
        from: Some(from),
        to: Some(to),
        columns,
        today: Some(today),
        months: crate::i18n::month_names(m),
    };
    let gantt = crate::gantt::layout(plan, schedule, &options);
    let scale = DayScale::new(gantt.axis.from, i64::from(gantt.axis.columns), is_rtl(m));
    (gantt, scale)
}

fn is_rtl(m: &Messages) -> bool {
    Direction::of_lang(m.lang()).is_rtl()
}
