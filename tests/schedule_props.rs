//! Laws of the scheduler over random plans.
//!
//! Random acyclic plans (tasks, milestones, nested groups, cancelled activities, every
//! dependency type, lags and leads, several calendars with weekends and holidays): every
//! dependency holds in the early schedule and in the late one, critical activities have zero
//! total slack, nothing starts before the plan's start. The checks count working days one day
//! at a time, independently of the engine's tables. Random graphs of any shape (cycles, bad
//! parents, absurd lags, a calendar with no working day) must schedule without a panic.

use chrono::{Datelike, NaiveDate};
use khutta::model::*;
use khutta::schedule::{Schedule, Shape, conflict_diagnostics, schedule};
use proptest::prelude::*;

const WINDOW_START: &str = "2026-03-01";
const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

fn before(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

fn meta(calendars: Vec<Calendar>, default: Option<usize>) -> PlanMeta {
    let default_calendar = default.and_then(|i| calendars.get(i)).map(|c| c.id.clone());
    PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("p"),
        title: Text::en("P"),
        summary: Text::default(),
        window: Window {
            start: date(WINDOW_START),
            end: date("2026-12-31"),
        },
        currency: Currency::new_unchecked("USD"),
        exchange_rates: vec![],
        calendars,
        default_calendar,
        sdg_goals: vec![],
        sdg_targets: vec![],
        countries: vec![],
        cities: vec![],
    }
}

/// One step of building a plan: a leaf, or opening or closing a group.
#[derive(Clone, Debug)]
struct Step {
    what: u8,
    days: u32,
    cancelled: bool,
    not_before: Option<u32>,
    calendar: u8,
    deps: Vec<(usize, u8, i32)>,
}

fn step() -> impl Strategy<Value = Step> {
    (
        0u8..10,
        0u32..8,
        prop::bool::weighted(0.1),
        prop::option::weighted(0.2, 0u32..20),
        0u8..6,
        prop::collection::vec((any::<usize>(), 0u8..4, -4i32..5), 0..3),
    )
        .prop_map(|(what, days, cancelled, not_before, calendar, deps)| Step {
            what,
            days,
            cancelled,
            not_before,
            calendar,
            deps,
        })
}

fn calendars() -> impl Strategy<Value = Vec<Calendar>> {
    let one = (
        prop::collection::vec(0usize..7, 0..4),
        prop::collection::vec((0i64..60, 0i64..4), 0..3),
    );
    prop::collection::vec(one, 1..4).prop_map(|cals| {
        cals.into_iter()
            .enumerate()
            .map(|(i, (weekend, holidays))| {
                let mut weekend: Vec<Weekday> = weekend.into_iter().map(|d| DAYS[d]).collect();
                weekend.sort();
                weekend.dedup();
                let start = date(WINDOW_START);
                Calendar {
                    id: Id::new_unchecked(format!("cal-{i}")),
                    name: Text::en("Calendar"),
                    weekend,
                    holidays: holidays
                        .into_iter()
                        .map(|(from, len)| Holiday {
                            date: start + chrono::Days::new(from as u64),
                            until: (len > 0)
                                .then(|| start + chrono::Days::new((from + len) as u64)),
                            name: Text::default(),
                        })
                        .collect(),
                    countries: vec![CountryCode::new_unchecked(["EG", "MA", "TN"][i % 3])],
                }
            })
            .collect()
    })
}

/// An acyclic plan: dependencies only on earlier leaves and on groups already closed, so no
/// path can come back.
fn acyclic_plan(steps: Vec<Step>, cals: Vec<Calendar>, default: Option<usize>) -> Plan {
    let ncal = cals.len();
    let mut plan = Plan::new(meta(cals, default));
    let mut open: Vec<Id> = Vec::new();
    let mut done: Vec<Id> = Vec::new();
    for (i, s) in steps.into_iter().enumerate() {
        if s.what == 9 {
            if let Some(g) = open.pop() {
                done.push(g);
            }
            continue;
        }
        let id = Id::new_unchecked(format!("a{i:03}"));
        let mut a = Activity::new(id.clone(), Text::en("x"), s.days);
        a.parent = open.last().cloned();
        for (target, kind, lag) in &s.deps {
            if !done.is_empty() {
                a.dependencies.push(Dependency {
                    activity: done[target % done.len()].clone(),
                    kind: DependencyKind::ALL[usize::from(*kind)],
                    lag: *lag,
                });
            }
        }
        match s.calendar {
            0 | 1 => {
                a.calendar = Some(Id::new_unchecked(format!(
                    "cal-{}",
                    usize::from(s.calendar) % ncal
                )))
            }
            2 | 3 => {
                a.location = Some(Location {
                    country: CountryCode::new_unchecked(
                        ["EG", "MA", "TN"][usize::from(s.calendar) % 3],
                    ),
                    city: None,
                })
            }
            _ => {}
        }
        if s.cancelled {
            a.status = Status::Cancelled;
        }
        match s.what {
            7 | 8 => {
                a.kind = ActivityKind::Group;
                a.timing = Timing::Span;
                open.push(id.clone());
            }
            6 => {
                a.kind = ActivityKind::Milestone;
                a.timing = Timing::Duration {
                    days: 0,
                    not_before: None,
                };
                done.push(id.clone());
            }
            _ => {
                a.timing = Timing::Duration {
                    days: s.days,
                    not_before: s
                        .not_before
                        .map(|d| date(WINDOW_START) + chrono::Days::new(u64::from(d))),
                };
                done.push(id.clone());
            }
        }
        a.normalize();
        plan.activities.insert(id, a);
    }
    plan
}

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
fn moments(plan: &Plan, s: &Schedule, late: bool) -> Vec<Option<(NaiveDate, NaiveDate)>> {
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
fn broken_dependency(
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

proptest! {
    #[test]
    fn acyclic_plans_schedule_lawfully(
        steps in prop::collection::vec(step(), 1..40),
        cals in calendars(),
        default in prop::option::of(0usize..3),
    ) {
        let plan = acyclic_plan(steps, cals, default);
        let s = schedule(&plan);
        prop_assert!(s.cycles.is_empty(), "{:?}", s.cycles);
        prop_assert!(s.conflicts.is_empty());
        let start = plan.meta.window.start;
        for (a, e) in plan.activities.values().zip(&s.entries) {
            let d = e.dates;
            prop_assert!(d.is_some(), "{} has no dates", a.id);
            let Some(d) = d else { continue };
            prop_assert!(d.early_start >= start, "{} starts {} before the plan", a.id, d.early_start);
            if let Timing::Duration { not_before: Some(nb), .. } = a.timing {
                prop_assert!(d.early_start >= nb || e.cancelled, "{} starts before {}", a.id, nb);
            }
            prop_assert!(d.early_start <= d.late_start, "{}", a.id);
            prop_assert!(d.total_slack >= 0 && d.free_slack >= 0, "{}: {:?}", a.id, d);
            prop_assert!(d.free_slack <= d.total_slack, "{}: {:?}", a.id, d);
            if d.critical {
                prop_assert_eq!(d.total_slack, 0, "{} is critical", a.id);
            }
            if let Some(f) = s.finish {
                prop_assert!(d.late_finish <= f, "{} finishes after the plan", a.id);
            }
        }
        for path in &s.critical_paths {
            for id in path {
                prop_assert!(s.entry(&plan, id.as_str()).and_then(|e| e.dates).is_some_and(|d| d.critical));
            }
        }
        let early = moments(&plan, &s, false);
        prop_assert_eq!(broken_dependency(&plan, &s, &early), None, "early schedule");
        let late = moments(&plan, &s, true);
        prop_assert_eq!(broken_dependency(&plan, &s, &late), None, "late schedule");
    }

    #[test]
    fn any_graph_schedules_without_panic(
        acts in prop::collection::vec((
            0u8..4,
            any::<u32>(),
            prop::collection::vec((0usize..30, 0u8..4, any::<i32>()), 0..4),
            prop::option::of(0usize..30),
            any::<i16>(),
            any::<i16>(),
        ), 1..30),
        weekend in prop::collection::vec(0usize..7, 0..8),
        holiday in (any::<i16>(), any::<i16>()),
        window in (any::<i16>(), any::<i16>()),
    ) {
        let base = date(WINDOW_START);
        let shift = |n: i16| base + chrono::TimeDelta::days(i64::from(n) * 7);
        let cal = Calendar {
            id: Id::new_unchecked("c"),
            name: Text::en("c"),
            weekend: weekend.into_iter().map(|d| DAYS[d]).collect(),
            holidays: vec![Holiday { date: shift(holiday.0), until: Some(shift(holiday.1)), name: Text::default() }],
            countries: vec![],
        };
        let mut plan = Plan::new(meta(vec![cal], Some(0)));
        plan.meta.window = Window { start: shift(window.0), end: shift(window.1) };
        let n = acts.len();
        for (i, (kind, days, deps, parent, s, e)) in acts.into_iter().enumerate() {
            let id = Id::new_unchecked(format!("a{i:02}"));
            let mut a = Activity::new(id.clone(), Text::en("x"), days);
            a.kind = [ActivityKind::Task, ActivityKind::Milestone, ActivityKind::Group, ActivityKind::Group][usize::from(kind)];
            a.timing = match days % 4 {
                0 => Timing::Fixed { start: shift(s), end: shift(e) },
                1 => Timing::Span,
                _ => Timing::Duration { days, not_before: Some(shift(s)) },
            };
            a.parent = parent.map(|p| Id::new_unchecked(format!("a{:02}", p % (n + 2))));
            a.dependencies = deps.into_iter().map(|(t, k, lag)| Dependency {
                activity: Id::new_unchecked(format!("a{:02}", t % (n + 2))),
                kind: DependencyKind::ALL[usize::from(k)],
                lag,
            }).collect();
            if days % 7 == 3 {
                a.status = Status::Cancelled;
            }
            plan.activities.insert(id, a);
        }
        let s = schedule(&plan);
        prop_assert_eq!(s.entries.len(), n);
        let _ = conflict_diagnostics(&plan, &s);
    }
}
