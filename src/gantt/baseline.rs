//! A baseline drawn behind the chart: where an earlier, approved revision placed each activity,
//! as marks on the current chart's axis, so that slippage shows as a bar beside its ghost.

use super::{Axis, Gantt, Mark};
use crate::model::{Id, Plan};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Where the baseline placed one activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The first day.
    pub start: NaiveDate,
    /// The last day, inclusive.
    pub finish: NaiveDate,
    /// Whether it was a moment (a milestone), drawn at one column.
    pub point: bool,
}

/// The baseline's spans by activity id. An activity the baseline did not have, or could not
/// schedule, has no span and so no ghost.
pub(crate) type Spans = HashMap<Id, Span>;

/// The mark of `span` on `axis`, as [`super::layout`] places a current bar (without slack).
pub fn mark(axis: &Axis, span: &Span) -> Mark {
    let last = i64::from(axis.columns) - 1;
    let (start, end) = (axis.column(span.start), axis.column(span.finish));
    if end < 0 {
        return Mark::Before;
    }
    if start > last {
        return Mark::After;
    }
    let clamp = |c: i64| u16::try_from(c.clamp(0, last)).unwrap_or(0);
    if span.point {
        return Mark::Point { column: clamp(end) };
    }
    Mark::Bar {
        start: clamp(start),
        end: clamp(end),
        cut_start: start < 0,
        cut_end: end > last,
        slack_end: None,
    }
}

/// The ghost of each row of `gantt` (laid out from `plan`), by row; `None` where the baseline
/// has no span for that activity.
pub fn ghosts(gantt: &Gantt, plan: &Plan, spans: &Spans) -> Vec<Option<Mark>> {
    let ids: Vec<&Id> = plan.activities.keys().collect();
    gantt
        .rows
        .iter()
        .map(|row| {
            let id = ids.get(row.activity)?;
            spans.get(*id).map(|s| mark(&gantt.axis, s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gantt::Scale;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_span_lands_on_the_axis_like_a_bar() {
        let axis = Axis::new(
            Some(Scale::Day),
            d("2026-03-01"),
            d("2026-03-10"),
            10,
            &crate::gantt::english_months(),
        );
        let span = |a, b, point| Span {
            start: d(a),
            finish: d(b),
            point,
        };
        assert_eq!(
            mark(&axis, &span("2026-03-02", "2026-03-04", false)),
            Mark::Bar {
                start: 1,
                end: 3,
                cut_start: false,
                cut_end: false,
                slack_end: None
            }
        );
        assert_eq!(
            mark(&axis, &span("2026-02-20", "2026-03-01", false)),
            Mark::Bar {
                start: 0,
                end: 0,
                cut_start: true,
                cut_end: false,
                slack_end: None
            }
        );
        assert_eq!(
            mark(&axis, &span("2026-03-05", "2026-03-05", true)),
            Mark::Point { column: 4 }
        );
        assert_eq!(
            mark(&axis, &span("2026-02-01", "2026-02-02", false)),
            Mark::Before
        );
        assert_eq!(
            mark(&axis, &span("2026-04-01", "2026-04-02", false)),
            Mark::After
        );
    }
}
