//! Gantt layout: a schedule turned into a time axis and rows of marks, as plain data.
//!
//! Pure and shared: the terminal renderer of `khutta gantt`, the TUI and the SVG exporter all
//! draw the same [`Gantt`]. Nothing here holds colours, escape sequences or plan text; a row
//! names its activity by position and the renderer fetches and fits the title itself.

mod axis;
pub mod baseline;
pub mod labels;

pub use axis::{Axis, MonthNames, Scale, Tick, english_months};

use crate::model::{ActivityKind, DependencyKind, Plan};
use crate::schedule::{Schedule, Shape};
use chrono::NaiveDate;

/// What to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The time per column; `None` picks the finest scale that fits.
    pub scale: Option<Scale>,
    /// The first day shown (default: the planning window's start).
    pub from: Option<NaiveDate>,
    /// The last day shown (default: the plan finish, or the window's end when nothing is
    /// scheduled).
    pub to: Option<NaiveDate>,
    /// The most columns the chart may take.
    pub columns: u16,
    /// Today, for the today line; `None` draws none.
    pub today: Option<NaiveDate>,
    /// The months' names on the axis.
    pub months: MonthNames,
}

/// A laid-out chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gantt {
    /// The time axis.
    pub axis: Axis,
    /// One row per activity, in tree order.
    pub rows: Vec<Row>,
    /// The column of today's line, if today is on the chart.
    pub today: Option<u16>,
    /// Dependencies between rows.
    pub links: Vec<Link>,
}

/// One activity's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The activity's position in `plan.activities` (id order).
    pub activity: usize,
    /// How deep it sits in the tree of groups (0 for the top level).
    pub depth: u16,
    /// How it is scheduled.
    pub shape: Shape,
    /// Whether it is critical.
    pub critical: bool,
    /// Whether it is cancelled.
    pub cancelled: bool,
    /// What to draw in the chart.
    pub mark: Mark,
}

/// What a row shows in the chart area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// No dates (the activity lies on a cycle).
    Unscheduled,
    /// Entirely before the first column.
    Before,
    /// Entirely after the last column.
    After,
    /// A bar over columns `start..=end`, for a task or a group's span. `slack_end` is the
    /// column of the latest finish when it is later than the bar's end (and on the chart).
    Bar {
        /// The first column.
        start: u16,
        /// The last column.
        end: u16,
        /// Whether the bar begins before the first column.
        cut_start: bool,
        /// Whether the bar goes on after the last column.
        cut_end: bool,
        /// The last column of the slack after the bar.
        slack_end: Option<u16>,
    },
    /// A milestone (or a cancelled activity) at one column.
    Point {
        /// The column.
        column: u16,
    },
}

/// A dependency between two rows, drawn as a marker before the successor's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The predecessor's row.
    pub from_row: usize,
    /// The row of the activity that holds the dependency.
    pub to_row: usize,
    /// The dependency type.
    pub kind: DependencyKind,
    /// Whether both ends are critical.
    pub critical: bool,
}

/// Lays out `schedule` of `plan` with `options`.
pub fn layout(plan: &Plan, schedule: &Schedule, options: &Options) -> Gantt {
    let window = plan.meta.window;
    let from = options.from.unwrap_or(window.start);
    let to = options.to.unwrap_or(schedule.finish.unwrap_or(window.end));
    let axis = Axis::new(options.scale, from, to, options.columns, &options.months);
    let order = tree_order(plan, schedule);
    let mut row_of = vec![usize::MAX; order.len()];
    let mut rows = Vec::with_capacity(order.len());
    for (r, &(i, depth)) in order.iter().enumerate() {
        row_of[i] = r;
        let e = &schedule.entries[i];
        rows.push(Row {
            activity: i,
            depth,
            shape: e.shape,
            critical: e.dates.is_some_and(|d| d.critical),
            cancelled: e.cancelled,
            mark: mark(&axis, e),
        });
    }
    let ids: Vec<&str> = plan.activities.keys().map(|k| k.as_str()).collect();
    let mut links = Vec::new();
    for (i, a) in plan.activities.values().enumerate() {
        for d in &a.dependencies {
            let Ok(p) = ids.binary_search(&d.activity.as_str()) else {
                continue;
            };
            links.push(Link {
                from_row: row_of[p],
                to_row: row_of[i],
                kind: d.kind,
                critical: rows[row_of[p]].critical && rows[row_of[i]].critical,
            });
        }
    }
    Gantt {
        today: options.today.and_then(|t| axis.visible(t)),
        axis,
        rows,
        links,
    }
}

/// The mark of one entry on `axis`.
fn mark(axis: &Axis, e: &crate::schedule::Entry) -> Mark {
    let Some(d) = e.dates else {
        return Mark::Unscheduled;
    };
    let last = i64::from(axis.columns) - 1;
    let (start, end) = (axis.column(d.early_start), axis.column(d.early_finish));
    if end < 0 {
        return Mark::Before;
    }
    if start > last {
        return Mark::After;
    }
    let clamp = |c: i64| u16::try_from(c.clamp(0, last)).unwrap_or(0);
    if e.shape == Shape::Milestone {
        return Mark::Point { column: clamp(end) };
    }
    let slack = axis.column(d.late_finish);
    Mark::Bar {
        start: clamp(start),
        end: clamp(end),
        cut_start: start < 0,
        cut_end: end > last,
        slack_end: (slack > end && end < last).then(|| clamp(slack)),
    }
}

/// Activities in tree order with their depth: top-level activities, each group followed by
/// its children, siblings by early start and then id. Activities on a parent cycle come last.
fn tree_order(plan: &Plan, schedule: &Schedule) -> Vec<(usize, u16)> {
    let ids: Vec<&str> = plan.activities.keys().map(|k| k.as_str()).collect();
    let acts: Vec<&crate::model::Activity> = plan.activities.values().collect();
    let n = acts.len();
    let parent: Vec<Option<usize>> = acts
        .iter()
        .map(|a| {
            let p = ids.binary_search(&a.parent.as_ref()?.as_str()).ok()?;
            (acts[p].kind == ActivityKind::Group).then_some(p)
        })
        .collect();
    let start = |i: usize| schedule.entries[i].dates.map(|d| d.early_start);
    let key = |i: &usize| (start(*i).is_none(), start(*i), *i);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    roots.sort_by_key(key);
    children.iter_mut().for_each(|c| c.sort_by_key(key));
    let mut out = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    let mut stack: Vec<(usize, u16)> = roots.iter().rev().map(|r| (*r, 0)).collect();
    let mut unseen = 0;
    loop {
        while let Some((i, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push((i, depth));
            stack.extend(
                children[i]
                    .iter()
                    .rev()
                    .map(|c| (*c, depth.saturating_add(1))),
            );
        }
        // What a parent cycle kept out of reach is shown at the top level.
        while unseen < n && seen[unseen] {
            unseen += 1;
        }
        if unseen == n {
            break;
        }
        stack.push((unseen, 0));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Currency, FORMAT_VERSION, Id, PlanMeta, Text, Timing, Window};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    /// One activity: id, parent, working days (`None` for a group), what it depends on.
    type Spec<'a> = (&'a str, Option<&'a str>, Option<u32>, Option<&'a str>);

    /// A plan in which every day is a working day.
    fn plan(acts: &[Spec]) -> Plan {
        let mut plan = Plan::new(PlanMeta {
            format: FORMAT_VERSION,
            id: Id::new_unchecked("p"),
            title: Text::en("P"),
            summary: Text::default(),
            window: Window {
                start: d("2026-03-02"),
                end: d("2026-12-31"),
            },
            currency: Currency::new_unchecked("USD"),
            exchange_rates: vec![],
            calendars: vec![],
            default_calendar: None,
            sdg_goals: vec![],
            sdg_targets: vec![],
            countries: vec![],
            cities: vec![],
        });
        for (id, parent, days, dep) in acts {
            let mut a = Activity::new(Id::new_unchecked(*id), Text::en(id), days.unwrap_or(0));
            a.parent = parent.map(Id::new_unchecked);
            if days.is_none() {
                a.kind = ActivityKind::Group;
                a.timing = Timing::Span;
            }
            if let Some(p) = dep {
                a.dependencies.push(crate::model::Dependency {
                    activity: Id::new_unchecked(*p),
                    kind: DependencyKind::FinishToStart,
                    lag: 0,
                });
            }
            plan.activities.insert(a.id.clone(), a);
        }
        plan
    }

    fn options(columns: u16) -> Options {
        Options {
            scale: Some(Scale::Day),
            from: None,
            to: None,
            columns,
            today: Some(d("2026-03-04")),
            months: english_months(),
        }
    }

    #[test]
    fn rows_in_tree_order_by_start() {
        let p = plan(&[
            ("z-late", None, Some(2), Some("a-first")),
            ("a-first", None, Some(3), None),
            ("g", None, None, None),
            ("g-second", Some("g"), Some(1), Some("g-first")),
            ("g-first", Some("g"), Some(1), None),
        ]);
        let s = crate::schedule::schedule(&p);
        let g = layout(&p, &s, &options(40));
        let ids: Vec<(&str, u16)> = g
            .rows
            .iter()
            .map(|r| {
                (
                    p.activities
                        .keys()
                        .nth(r.activity)
                        .map_or("", |k| k.as_str()),
                    r.depth,
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("a-first", 0),
                ("g", 0),
                ("g-first", 1),
                ("g-second", 1),
                ("z-late", 0)
            ]
        );
        assert_eq!(g.today, Some(2));
        assert_eq!(g.links.len(), 2);
        // a-first runs 03-02 to 03-04 and z-late 03-05 to 03-06, which ends the plan.
        assert_eq!(g.axis.columns, 5);
        let first = g.rows.iter().find(|r| r.activity == 0).map(|r| r.mark);
        assert!(matches!(
            first,
            Some(Mark::Bar {
                start: 0,
                end: 2,
                ..
            })
        ));
    }

    #[test]
    fn marks_are_cut_at_the_edges() {
        let p = plan(&[
            ("long", None, Some(30), None),
            ("after", None, Some(1), Some("long")),
        ]);
        let s = crate::schedule::schedule(&p);
        let g = layout(&p, &s, &options(10));
        assert_eq!(g.axis.columns, 10);
        let marks: Vec<Mark> = g.rows.iter().map(|r| r.mark).collect();
        assert!(matches!(
            marks[0],
            Mark::Bar {
                start: 0,
                end: 9,
                cut_end: true,
                ..
            }
        ));
        assert_eq!(marks[1], Mark::After);
    }

    #[test]
    fn parent_cycles_still_show_every_activity() {
        let p = plan(&[("a", Some("b"), None, None), ("b", Some("a"), None, None)]);
        let s = crate::schedule::schedule(&p);
        let g = layout(&p, &s, &options(10));
        assert_eq!(g.rows.len(), 2);
    }
}
