//! The activity form.

use super::spec::{EditorKind as E, Field, ItemField, List, Subject, always};
use super::value as v;
use crate::i18n::Said;
use crate::model::{
    Activity, ActivityKind, ActivityPartner, BudgetCategory, BudgetLine, Currency, Dependency,
    DependencyKind, EntityKind, Location, OrgRole, Status, Text, Timing,
};
use crate::said;

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
/// than the old start; a duration becomes fixed from its `not_before` (or 2026-01-01 when it has
/// none, for the person to correct) over as many calendar days.
fn set_timing(a: &mut Activity, s: &str) -> Result<(), Said> {
    let fallback = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    a.timing = match (s.trim(), &a.timing) {
        ("Fixed", Timing::Fixed { .. })
        | ("Duration", Timing::Duration { .. })
        | ("Span", Timing::Span) => return Ok(()),
        ("Fixed", Timing::Duration { days, not_before }) => {
            let start = not_before.unwrap_or(fallback);
            Timing::Fixed {
                start,
                end: start + chrono::Days::new(u64::from(days.saturating_sub(1))),
            }
        }
        ("Fixed", Timing::Span) => Timing::Fixed {
            start: fallback,
            end: fallback,
        },
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
                *days = v::int(s, 0, 10_000)?;
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

static DEPENDENCY_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "activity",
        editor: E::Ref(EntityKind::Activity),
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.activity.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let id = v::id(s)?;
            if id == a.id {
                return Err(said!("form-depends-on-itself"));
            }
            if let Some(d) = a.dependencies.get_mut(i) {
                d.activity = id;
            }
            Ok(())
        },
    },
    ItemField {
        name: "dependency_kind",
        editor: E::Choice(DEP_KINDS),
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.kind.code().to_owned())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let k = v::choice::<DependencyKind>(s, DEP_KINDS)?;
            if let Some(d) = a.dependencies.get_mut(i) {
                d.kind = k;
            }
            Ok(())
        },
    },
    ItemField {
        name: "lag",
        editor: E::Number,
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.lag.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let lag = v::int(s, -10_000, 10_000)?;
            if let Some(d) = a.dependencies.get_mut(i) {
                d.lag = lag;
            }
            Ok(())
        },
    },
];

static PARTNER_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "partner",
        editor: E::Ref(EntityKind::Partner),
        get: |a, i| {
            a.partners
                .get(i)
                .map(|p| p.partner.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let id = v::id(s)?;
            if let Some(p) = a.partners.get_mut(i) {
                p.partner = id;
            }
            Ok(())
        },
    },
    ItemField {
        name: "role",
        editor: E::Choice(ROLES),
        get: |a, i| {
            a.partners
                .get(i)
                .map(|p| v::name_of(&p.role))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let r = v::choice::<OrgRole>(s, ROLES)?;
            if let Some(p) = a.partners.get_mut(i) {
                p.role = r;
            }
            Ok(())
        },
    },
];

static BUDGET_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "category",
        editor: E::Choice(CATEGORIES),
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| v::name_of(&b.category))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let c = v::choice::<BudgetCategory>(s, CATEGORIES)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.category = c;
            }
            Ok(())
        },
    },
    ItemField {
        name: "amount",
        editor: E::Amount,
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| b.amount.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let x = v::amount(s)?;
            if x.0.is_sign_negative() {
                return Err(said!("form-negative-line"));
            }
            if let Some(b) = a.budget.get_mut(i) {
                b.amount = x;
            }
            Ok(())
        },
    },
    ItemField {
        name: "currency",
        editor: E::Text,
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| b.currency.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let c = v::currency(s)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.currency = c;
            }
            Ok(())
        },
    },
    ItemField {
        name: "funding",
        editor: E::OptRef(EntityKind::Funding),
        get: |a, i| {
            a.budget
                .get(i)
                .and_then(|b| b.funding.as_ref().map(|f| f.to_string()))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let f = v::opt_id(s)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.funding = f;
            }
            Ok(())
        },
    },
    ItemField {
        name: "note",
        editor: E::Text,
        get: |a, i| {
            a.budget
                .get(i)
                .and_then(|b| b.note.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(b) = a.budget.get_mut(i) {
                b.note = v::opt_text(s);
            }
            Ok(())
        },
    },
];

static OUTPUT_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "text.ar",
        editor: E::Text,
        get: |a, i| {
            a.outputs
                .get(i)
                .and_then(|o| o.ar.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(o) = a.outputs.get_mut(i) {
                o.ar = v::opt_text(s);
            }
            Ok(())
        },
    },
    ItemField {
        name: "text.en",
        editor: E::Text,
        get: |a, i| {
            a.outputs
                .get(i)
                .and_then(|o| o.en.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(o) = a.outputs.get_mut(i) {
                o.en = v::opt_text(s);
            }
            Ok(())
        },
    },
];

static LISTS: &[List<Activity>] = &[
    List {
        name: "dependencies",
        len: |a| a.dependencies.len(),
        summary: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| format!("{} {} {:+}", d.activity, d.kind.code(), d.lag))
                .unwrap_or_default()
        },
        add_editor: E::Ref(EntityKind::Activity),
        add: |a, s| {
            let id = v::id(s)?;
            if id == a.id {
                return Err(said!("form-depends-on-itself"));
            }
            if a.dependencies.iter().any(|d| d.activity == id) {
                return Err(said!("form-already-depends", id = &a.id, other = &id));
            }
            a.dependencies.push(Dependency {
                activity: id,
                kind: DependencyKind::FinishToStart,
                lag: 0,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.dependencies.len() {
                a.dependencies.remove(i);
            }
        },
        fields: DEPENDENCY_FIELDS,
    },
    List {
        name: "partners",
        len: |a| a.partners.len(),
        summary: |a, i| {
            a.partners
                .get(i)
                .map(|p| format!("{} ({})", p.partner, v::name_of(&p.role)))
                .unwrap_or_default()
        },
        add_editor: E::Ref(EntityKind::Partner),
        add: |a, s| {
            a.partners.push(ActivityPartner {
                partner: v::id(s)?,
                role: OrgRole::Implementing,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.partners.len() {
                a.partners.remove(i);
            }
        },
        fields: PARTNER_FIELDS,
    },
    List {
        name: "budget",
        len: |a| a.budget.len(),
        summary: |a, i| {
            a.budget
                .get(i)
                .map(|b| {
                    format!(
                        "{} {} {}",
                        v::name_of(&b.category),
                        b.money(),
                        b.funding
                            .as_ref()
                            .map(|f| format!("← {f}"))
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_default()
        },
        add_editor: E::Amount,
        add: |a, s| {
            let amount = v::amount(s)?;
            a.budget.push(BudgetLine {
                category: BudgetCategory::Other,
                amount,
                currency: a
                    .budget
                    .last()
                    .map(|b| b.currency.clone())
                    .unwrap_or_else(|| Currency::new_unchecked("USD")),
                funding: None,
                note: None,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.budget.len() {
                a.budget.remove(i);
            }
        },
        fields: BUDGET_FIELDS,
    },
    List {
        name: "outputs",
        len: |a| a.outputs.len(),
        summary: |a, i| {
            a.outputs
                .get(i)
                .map(|o| o.show(crate::model::Lang::En).to_owned())
                .unwrap_or_default()
        },
        add_editor: E::Text,
        add: |a, s| {
            let t = if s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                Text {
                    ar: v::opt_text(s),
                    en: None,
                }
            } else {
                Text {
                    ar: None,
                    en: v::opt_text(s),
                }
            };
            a.outputs.push(t);
            Ok(())
        },
        remove: |a, i| {
            if i < a.outputs.len() {
                a.outputs.remove(i);
            }
        },
        fields: OUTPUT_FIELDS,
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
