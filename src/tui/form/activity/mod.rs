//! The activity form: its fields. Its lists (dependencies, partners, budget, outputs) are in
//! `lists`.

mod lists;

use super::spec::{EditorKind as E, Field, List, Subject, always};
use super::value as v;
use crate::i18n::Said;
use crate::model::{Activity, ActivityKind, EntityKind, Location, Status, Timing};
use crate::said;
use lists::LISTS;

pub(super) const KINDS: &[&str] = &["Task", "Milestone", "Group"];
pub(super) const TIMINGS: &[&str] = &["Fixed", "Duration", "Span"];
pub(super) const STATUSES: &[&str] = &["Planned", "InProgress", "Done", "OnHold", "Cancelled"];
pub(super) const DEP_KINDS: &[&str] = &["FS", "SS", "FF", "SF"];
pub(super) const ROLES: &[&str] = &["Funding", "Accountable", "Extending", "Implementing"];
pub(super) const CATEGORIES: &[&str] = &[
    "Staff",
    "Consultants",
    "Travel",
    "Meetings",
    "Training",
    "Equipment",
    "Communication",
    "Grants",
    "Evaluation",
    "Other",
];

fn timing_name(a: &Activity) -> String {
    match a.timing {
        Timing::Fixed { .. } => "Fixed",
        Timing::Duration { .. } => "Duration",
        Timing::Span => "Span",
    }
    .into()
}

/// Switching timing keeps what can be kept: fixed dates become a duration starting no earlier
/// than the old start. `Fixed` may carry the dates to fix (`Fixed 2026-03-02 2026-03-20`): the
/// TUI passes the activity's scheduled dates, so that fixing an activity keeps it where the
/// schedule has it. Without them, a duration becomes fixed from its `not_before` over as many
/// days, and an activity with neither is refused: no plausible date is made up.
fn set_timing(a: &mut Activity, s: &str) -> Result<(), Said> {
    let mut words = s.split_whitespace();
    let name = words.next().unwrap_or_default();
    let dates: Vec<&str> = words.collect();
    if name == "Fixed" && !dates.is_empty() {
        let [start, end] = dates[..] else {
            return Err(said!("form-fixed-dates"));
        };
        let (start, end) = (v::date(start)?, v::date(end)?);
        if end < start {
            return Err(said!("form-fixed-dates"));
        }
        a.timing = Timing::Fixed { start, end };
        return Ok(());
    }
    a.timing = match (name, &a.timing) {
        ("Fixed", Timing::Fixed { .. })
        | ("Duration", Timing::Duration { .. })
        | ("Span", Timing::Span) => return Ok(()),
        ("Fixed", Timing::Duration { days, not_before }) => {
            // A duration from someone else's file may be far past what the calendar holds.
            let max = crate::model::limits::MAX_DAYS;
            if *days > max {
                return Err(said!(
                    "value-out-of-range",
                    value = *days,
                    min = 0,
                    max = max
                ));
            }
            let start = not_before.ok_or_else(|| said!("form-fixed-unscheduled"))?;
            let end = (*days <= max)
                .then(|| {
                    start.checked_add_days(chrono::Days::new(u64::from(days.saturating_sub(1))))
                })
                .flatten()
                .ok_or_else(|| said!("value-out-of-range", value = *days, min = 0, max = max))?;
            Timing::Fixed { start, end }
        }
        ("Fixed", Timing::Span) => return Err(said!("form-fixed-unscheduled")),
        ("Duration", Timing::Fixed { start, end }) => {
            let days = u32::try_from((*end - *start).num_days() + 1).unwrap_or(1);
            Timing::Duration {
                days,
                not_before: Some(*start),
            }
        }
        ("Duration", Timing::Span) => Timing::Duration {
            days: 1,
            not_before: None,
        },
        ("Span", _) => Timing::Span,
        (other, _) => {
            let text = format!("{other:?}");
            return Err(said!(
                "value-not-one-of",
                text = &text,
                allowed = &TIMINGS.join(", ")
            ));
        }
    };
    Ok(())
}

static FIELDS: &[Field<Activity>] = &[
    Field {
        name: "title.ar",
        editor: E::Text,
        get: |a| a.title.ar.clone().unwrap_or_default(),
        set: |a, s| {
            a.title.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "title.en",
        editor: E::Text,
        get: |a| a.title.en.clone().unwrap_or_default(),
        set: |a, s| {
            a.title.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.ar",
        editor: E::Long,
        get: |a| a.description.ar.clone().unwrap_or_default(),
        set: |a, s| {
            a.description.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.en",
        editor: E::Long,
        get: |a| a.description.en.clone().unwrap_or_default(),
        set: |a, s| {
            a.description.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "kind",
        editor: E::Choice(KINDS),
        get: |a| v::name_of(&a.kind),
        set: |a, s| {
            a.kind = v::choice::<ActivityKind>(s, KINDS)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "parent",
        editor: E::OptRef(EntityKind::Activity),
        get: |a| a.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
        set: |a, s| {
            a.parent = v::opt_id(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "timing",
        editor: E::Choice(TIMINGS),
        get: timing_name,
        set: set_timing,
        shown: always,
    },
    Field {
        name: "start",
        editor: E::Date,
        get: |a| match a.timing {
            Timing::Fixed { start, .. } => start.to_string(),
            _ => String::new(),
        },
        set: |a, s| match &mut a.timing {
            Timing::Fixed { start, .. } => {
                *start = v::date(s)?;
                Ok(())
            }
            _ => Err(said!("form-dates-fixed-only")),
        },
        shown: |a| matches!(a.timing, Timing::Fixed { .. }),
    },
    Field {
        name: "end",
        editor: E::Date,
        get: |a| match a.timing {
            Timing::Fixed { end, .. } => end.to_string(),
            _ => String::new(),
        },
        set: |a, s| match &mut a.timing {
            Timing::Fixed { end, .. } => {
                *end = v::date(s)?;
                Ok(())
            }
            _ => Err(said!("form-dates-fixed-only")),
        },
        shown: |a| matches!(a.timing, Timing::Fixed { .. }),
    },
    Field {
        name: "days",
        editor: E::Number,
        get: |a| match a.timing {
            Timing::Duration { days, .. } => days.to_string(),
            _ => String::new(),
        },
        set: |a, s| match &mut a.timing {
            Timing::Duration { days, .. } => {
                *days = v::int(s, 0, i64::from(crate::model::limits::MAX_DAYS))?;
                Ok(())
            }
            _ => Err(said!("form-days-duration-only")),
        },
        shown: |a| matches!(a.timing, Timing::Duration { .. }),
    },
    Field {
        name: "not_before",
        editor: E::OptDate,
        get: |a| match a.timing {
            Timing::Duration {
                not_before: Some(d),
                ..
            } => d.to_string(),
            _ => String::new(),
        },
        set: |a, s| match &mut a.timing {
            Timing::Duration { not_before, .. } => {
                *not_before = v::opt_date(s)?;
                Ok(())
            }
            _ => Err(said!("form-not-before-duration-only")),
        },
        shown: |a| matches!(a.timing, Timing::Duration { .. }),
    },
    Field {
        name: "status",
        editor: E::Choice(STATUSES),
        get: |a| v::name_of(&a.status),
        set: |a, s| {
            a.status = v::choice::<Status>(s, STATUSES)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "progress",
        editor: E::Number,
        get: |a| a.progress.to_string(),
        set: |a, s| {
            a.progress = v::int(s, 0, 100)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "lead",
        editor: E::OptRef(EntityKind::Partner),
        get: |a| a.lead.as_ref().map(|p| p.to_string()).unwrap_or_default(),
        set: |a, s| {
            a.lead = v::opt_id(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "beneficiaries",
        editor: E::Refs(EntityKind::Beneficiary),
        get: |a| v::join_ids(&a.beneficiaries),
        set: |a, s| {
            a.beneficiaries = v::ids(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "country",
        editor: E::Text,
        get: |a| {
            a.location
                .as_ref()
                .map(|l| l.country.to_string())
                .unwrap_or_default()
        },
        set: |a, s| {
            match v::opt_country(s)? {
                Some(country) => {
                    let city = a.location.take().and_then(|l| l.city);
                    a.location = Some(Location { country, city });
                }
                None => a.location = None,
            }
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "city",
        editor: E::Text,
        get: |a| {
            a.location
                .as_ref()
                .and_then(|l| l.city.clone())
                .unwrap_or_default()
        },
        set: |a, s| match &mut a.location {
            Some(l) => {
                l.city = v::opt_text(s);
                Ok(())
            }
            None => {
                if s.trim().is_empty() {
                    Ok(())
                } else {
                    Err(said!("form-country-first"))
                }
            }
        },
        shown: always,
    },
    Field {
        name: "calendar",
        editor: E::Calendar,
        get: |a| {
            a.calendar
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |a, s| {
            a.calendar = v::opt_id(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "sdg_targets",
        editor: E::Words,
        get: |a| a.sdg_targets.join(", "),
        set: |a, s| {
            a.sdg_targets = v::words(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "tags",
        editor: E::Words,
        get: |a| a.tags.join(", "),
        set: |a, s| {
            a.tags = v::words(s).into_iter().map(|t| t.to_lowercase()).collect();
            Ok(())
        },
        shown: always,
    },
];

impl Subject for Activity {
    fn fields() -> &'static [Field<Activity>] {
        FIELDS
    }
    fn lists() -> &'static [List<Activity>] {
        LISTS
    }
}
