//! Dates in order and inside the planning window.

use super::{Code, Diagnostic, Said, Scope};
use crate::model::{EntityKind, Plan, Timing};
use crate::said;

pub(super) fn check(plan: &Plan, scope: Scope, out: &mut Vec<Diagnostic>) {
    let w = plan.meta.window;
    if w.end < w.start {
        if !scope.whole() {
            return;
        }
        out.push(
            Diagnostic::plan(
                Code::EndBeforeStart,
                said!("check-window-reversed", start = w.start, end = w.end),
                said!("check-swap-dates-hint"),
            )
            .at("window"),
        );
        // Every "outside the window" report would be noise until the window is fixed.
        return;
    }
    for cal in plan.meta.calendars.iter().filter(|_| scope.whole()) {
        for h in &cal.holidays {
            if h.until.is_some_and(|u| u < h.date) {
                out.push(
                    Diagnostic::plan(
                        Code::EndBeforeStart,
                        said!("check-holiday-reversed", date = h.date, calendar = &cal.id),
                        said!("check-holiday-reversed-hint"),
                    )
                    .at_value("date", h.date.to_string()),
                );
            }
        }
    }
    for a in scope.each(EntityKind::Activity, &plan.activities) {
        let at = |code, field: &'static str, message: Said, hint: Said| {
            Diagnostic::entity(code, EntityKind::Activity, &a.id, message, hint).at(field)
        };
        match &a.timing {
            Timing::Fixed { start, end } => {
                if end < start {
                    out.push(at(
                        Code::EndBeforeStart,
                        "end",
                        said!(
                            "check-activity-reversed",
                            id = &a.id,
                            start = *start,
                            end = *end
                        ),
                        said!("check-activity-reversed-hint"),
                    ));
                }
                let starts = said!(
                    "check-starts-outside",
                    id = &a.id,
                    date = *start,
                    from = w.start,
                    to = w.end
                );
                let ends = said!(
                    "check-ends-outside",
                    id = &a.id,
                    date = *end,
                    from = w.start,
                    to = w.end
                );
                for (field, d, message) in [("start", start, starts), ("end", end, ends)] {
                    if !w.contains(*d) {
                        out.push(at(
                            Code::OutsideWindow,
                            field,
                            message,
                            said!("check-outside-window-hint"),
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
                said!(
                    "check-not-before-outside",
                    id = &a.id,
                    date = *d,
                    from = w.start,
                    to = w.end
                ),
                said!("check-outside-window-hint"),
            )),
            _ => {}
        }
    }
    for f in scope.each(EntityKind::Funding, &plan.funding) {
        if let Some(av) = f.available
            && av.end < av.start
        {
            out.push(
                Diagnostic::entity(
                    Code::EndBeforeStart,
                    EntityKind::Funding,
                    &f.id,
                    said!(
                        "check-availability-reversed",
                        id = &f.id,
                        start = av.start,
                        end = av.end
                    ),
                    said!("check-swap-dates-hint"),
                )
                .at("available"),
            );
        }
    }
}
