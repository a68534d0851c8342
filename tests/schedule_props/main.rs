//! Laws of the scheduler over random plans.
//!
//! Random acyclic plans (tasks, milestones, nested groups, cancelled activities, every
//! dependency type, lags and leads, several calendars with weekends and holidays): every
//! dependency holds in the early schedule and in the late one, critical activities have zero
//! total slack, nothing starts before the plan's start. The checks count working days one day
//! at a time, independently of the engine's tables. Random graphs of any shape (cycles, bad
//! parents, absurd lags, a calendar with no working day) must schedule without a panic.

mod incremental;
mod laws;
mod plans;

use khutta::model::*;
use khutta::schedule::{conflict_diagnostics, schedule};
use laws::{broken_dependency, moments};
use plans::{DAYS, WINDOW_START, acyclic_plan, calendars, date, meta, step};
use proptest::prelude::*;

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
