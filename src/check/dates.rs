//! Dates in order and inside the planning window.

use super::{Code, Diagnostic};
use crate::model::{EntityKind, Plan, Timing};

pub(super) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let w = plan.meta.window;
    if w.end < w.start {
        out.push(
            Diagnostic::plan(
                Code::EndBeforeStart,
                format!(
                    "the planning window ends ({}) before it starts ({})",
                    w.end, w.start
                ),
                "swap the two dates, or correct the one that is wrong",
            )
            .at("window"),
        );
        // Every "outside the window" report would be noise until the window is fixed.
        return;
    }
    for cal in &plan.meta.calendars {
        for h in &cal.holidays {
            if h.until.is_some_and(|u| u < h.date) {
                out.push(
                    Diagnostic::plan(
                        Code::EndBeforeStart,
                        format!(
                            "holiday {} in calendar `{}` ends before it starts",
                            h.date, cal.id
                        ),
                        "`until` is the last day of the holiday and comes on or after `date`",
                    )
                    .at_value("date", h.date.to_string()),
                );
            }
        }
    }
    for a in plan.activities.values() {
        let at = |code, field: &'static str, message: String, hint: &str| {
            Diagnostic::entity(code, EntityKind::Activity, &a.id, message, hint).at(field)
        };
        match &a.timing {
            Timing::Fixed { start, end } => {
                if end < start {
                    out.push(at(
                        Code::EndBeforeStart,
                        "end",
                        format!("`{}` ends on {end}, before it starts on {start}", a.id),
                        "the end date is the last day of the activity and comes on or after the start",
                    ));
                }
                for (field, d) in [("start", start), ("end", end)] {
                    if !w.contains(*d) {
                        out.push(at(
                            Code::OutsideWindow,
                            field,
                            format!(
                                "`{}` {field}s on {d}, outside the planning window {} to {}",
                                a.id, w.start, w.end
                            ),
                            "move the date into the window, or widen the window in plan.ron",
                        ));
                    }
                }
            }
            Timing::Duration {
                not_before: Some(d),
                ..
            } if !w.contains(*d) => out.push(at(
                Code::OutsideWindow,
                "not_before",
                format!(
                    "`{}` may not start before {d}, outside the planning window {} to {}",
                    a.id, w.start, w.end
                ),
                "move the date into the window, or widen the window in plan.ron",
            )),
            _ => {}
        }
    }
    for f in plan.funding.values() {
        if let Some(av) = f.available
            && av.end < av.start
        {
            out.push(
                Diagnostic::entity(
                    Code::EndBeforeStart,
                    EntityKind::Funding,
                    &f.id,
                    format!(
                        "`{}` is available until {}, before it becomes available on {}",
                        f.id, av.end, av.start
                    ),
                    "swap the two dates, or correct the one that is wrong",
                )
                .at("available"),
            );
        }
    }
}
