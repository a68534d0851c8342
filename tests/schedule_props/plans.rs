//! Random plans: acyclic ones built step by step, and the pieces they are made of.

use chrono::NaiveDate;
use khutta::model::*;
use proptest::prelude::*;

pub const WINDOW_START: &str = "2026-03-01";
pub const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub fn after(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

pub fn before(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

pub fn meta(calendars: Vec<Calendar>, default: Option<usize>) -> PlanMeta {
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
pub struct Step {
    what: u8,
    days: u32,
    cancelled: bool,
    not_before: Option<u32>,
    calendar: u8,
    deps: Vec<(usize, u8, i32)>,
}

pub fn step() -> impl Strategy<Value = Step> {
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

pub fn calendars() -> impl Strategy<Value = Vec<Calendar>> {
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
pub fn acyclic_plan(steps: Vec<Step>, cals: Vec<Calendar>, default: Option<usize>) -> Plan {
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
