//! The laws checked on a schedule, with working days counted one day at a time.

use super::plans::{DAYS, after, before};
use chrono::{Datelike, NaiveDate};
use khutta::model::*;
use khutta::schedule::{Schedule, Shape};

/// A calendar that answers one day at a time: the slow, obviously right way.
struct SlowCalendar<'a> {
    cal: Option<&'a Calendar>,
}

impl SlowCalendar<'_> {
    fn working(&self, d: NaiveDate) -> bool {
        let Some(c) = self.cal else { return true };
        let wd = DAYS[d.weekday().num_days_from_monday() as usize];
        if c.weekend.len() < 7 && c.weekend.contains(&wd) {
            return false;
        }
        !c.holidays
            .iter()
            .any(|h| h.date <= d && d <= h.until.unwrap_or(h.date))
    }

    /// Working days in `[a, b)`, negative when `b` comes before `a`.
    fn between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        sign * lo
            .iter_days()
            .take_while(|d| *d < hi)
            .filter(|d| self.working(*d))
            .count() as i64
    }
}

/// The calendar an activity uses, found the documented way.
fn calendar_of<'p>(plan: &'p Plan, a: &Activity) -> SlowCalendar<'p> {
    let cals = &plan.meta.calendars;
    let named = a
        .calendar
        .as_ref()
        .and_then(|c| cals.iter().find(|x| &x.id == c));
    let by_country = || {
        a.location
            .as_ref()
            .and_then(|l| cals.iter().find(|c| c.countries.contains(&l.country)))
    };
    let default = || {
        plan.meta
            .default_calendar
            .as_ref()
            .and_then(|d| cals.iter().find(|c| &c.id == d))
    };
    SlowCalendar {
        cal: named.or_else(by_country).or_else(default),
    }
}

/// Start and finish moments (the midnight before a day) of every activity, early or late.
pub fn moments(plan: &Plan, s: &Schedule, late: bool) -> Vec<Option<(NaiveDate, NaiveDate)>> {
    let ids: Vec<&Id> = plan.activities.keys().collect();
    let mut out: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; ids.len()];
    // Children come after their group in id order, so filling from the end sees them first.
    for (i, (a, e)) in plan.activities.values().zip(&s.entries).enumerate().rev() {
        let Some(d) = e.dates else { continue };
        let (first, last) = if late {
            (d.late_start, d.late_finish)
        } else {
            (d.early_start, d.early_finish)
        };
        out[i] = match e.shape {
            Shape::Group => {
                let kids = plan
                    .activities
                    .values()
                    .enumerate()
                    .filter(|(_, c)| c.parent.as_ref() == Some(&a.id));
                let spans: Vec<(NaiveDate, NaiveDate)> = kids.filter_map(|(k, _)| out[k]).collect();
                let start = spans.iter().map(|p| p.0).min();
                let finish = spans.iter().map(|p| p.1).max();
                match (start, finish) {
                    (Some(st), Some(fi)) => Some((st, fi)),
                    // A group with no child is placed like a milestone.
                    _ => Some((first, after(last))),
                }
            }
            // A milestone, like a one-day task, starts at the beginning of its day and
            // finishes at its end.
            _ => Some((first, after(last))),
        };
    }
    out
}

/// Checks every dependency against the moments `m`; returns the first one broken.
pub fn broken_dependency(
    plan: &Plan,
    s: &Schedule,
    m: &[Option<(NaiveDate, NaiveDate)>],
) -> Option<String> {
    let ids: Vec<&Id> = plan.activities.keys().collect();
    let index = |id: &Id| ids.binary_search(&id).ok();
    let acts: Vec<&Activity> = plan.activities.values().collect();
    for (h, holder) in acts.iter().enumerate() {
        let cal = calendar_of(plan, holder);
        // The dependency binds the holder, or every task and milestone inside a group.
        let mut targets = vec![h];
        let mut k = 0;
        while k < targets.len() {
            let t = targets[k];
            if s.entries[t].shape == Shape::Group {
                targets.extend(
                    (0..acts.len()).filter(|c| acts[*c].parent.as_ref() == Some(&acts[t].id)),
                );
            }
            k += 1;
        }
        for d in &holder.dependencies {
            let Some(p) = index(&d.activity) else {
                continue;
            };
            let Some((ps, pf)) = m[p] else { continue };
            let x = match d.kind {
                DependencyKind::StartToStart | DependencyKind::StartToFinish => ps,
                _ => pf,
            };
            let need = i64::from(d.lag) + 1;
            for &t in &targets {
                if s.entries[t].shape == Shape::Group {
                    continue;
                }
                let Some((ts, tf)) = m[t] else { continue };
                // FS bounds a milestone's finish: it falls on the day its predecessor ends.
                let point = s.entries[t].shape == Shape::Milestone;
                let ok = match d.kind {
                    DependencyKind::FinishToStart if point => cal.between(before(x), tf) >= need,
                    DependencyKind::FinishToStart | DependencyKind::StartToStart => {
                        cal.between(x, after(ts)) >= need
                    }
                    _ => cal.between(before(x), tf) >= need,
                };
                if !ok {
                    return Some(format!(
                        "{} on {} ({:?}, lag {}) broken at {}",
                        holder.id, d.activity, d.kind, d.lag, ids[t]
                    ));
                }
            }
        }
    }
    None
}
