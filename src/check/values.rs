//! Values in range, codes well formed, kinds used as meant, text in at least one language.

use super::{Code, Diagnostic, Unread};
use crate::model::{
    ActivityKind, CountryCode, Currency, EntityKind, Id, Plan, Status, Text, Timing,
};
use std::collections::HashSet;

pub(super) fn check(plan: &Plan, unread: &Unread, out: &mut Vec<Diagnostic>) {
    if !unread.meta {
        check_meta(plan, out);
    }
    let calendars: HashSet<&Id> = plan.meta.calendars.iter().map(|c| &c.id).collect();
    for a in plan.activities.values() {
        let mut e = Entity {
            kind: EntityKind::Activity,
            id: &a.id,
            out,
        };
        e.text("title", &a.title);
        if a.progress > 100 {
            e.push(
                Code::BadValue,
                "progress",
                format!("progress is {}%; it goes from 0 to 100", a.progress),
                "write a whole percentage between 0 and 100",
            );
        }
        if let Some(loc) = &a.location {
            e.country("country", &loc.country);
        }
        for line in &a.budget {
            e.currency(&line.currency);
            if line.amount.0.is_sign_negative() {
                e.push(
                    Code::BadValue,
                    "amount",
                    format!("a budget line of {} is negative", line.money()),
                    "budget lines are costs; record savings by lowering the line",
                );
            }
        }
        e.sdg_targets(&a.sdg_targets);
        if let Some(c) = &a.calendar
            && !unread.meta
            && !calendars.contains(c)
        {
            e.out.push(
                Diagnostic::entity(Code::Dangling, e.kind, e.id, format!("`calendar` refers to calendar `{c}`, which plan.ron does not define"), "add the calendar to `calendars` in plan.ron, or remove the field to use the country's calendar")
                    .at_value("calendar", c.as_str()),
            );
        }
        structure(plan, a, &mut e);
        if a.lead.is_none() && a.kind != ActivityKind::Group && a.status != Status::Cancelled {
            e.push(
                Code::NoLead,
                "id",
                format!("`{}` has no lead partner", a.id),
                "set `lead` to the partner that answers for this activity",
            );
        }
        if a.status == Status::Done && a.progress != 100 {
            e.push(
                Code::StatusProgress,
                "progress",
                format!("`{}` is done but its progress is {}%", a.id, a.progress),
                "set progress to 100, or change the status",
            );
        }
        if a.status == Status::Planned && a.progress > 0 && a.progress <= 100 {
            e.push(
                Code::StatusProgress,
                "progress",
                format!(
                    "`{}` is planned (not started) but its progress is {}%",
                    a.id, a.progress
                ),
                "set the status to InProgress, or progress to 0",
            );
        }
    }
    for p in plan.partners.values() {
        let mut e = Entity {
            kind: EntityKind::Partner,
            id: &p.id,
            out,
        };
        e.text("name", &p.name);
        if let Some(c) = &p.country {
            e.country("country", c);
        }
    }
    for b in plan.beneficiaries.values() {
        let mut e = Entity {
            kind: EntityKind::Beneficiary,
            id: &b.id,
            out,
        };
        e.text("name", &b.name);
        if let Some(c) = &b.country {
            e.country("country", c);
        }
    }
    for f in plan.funding.values() {
        let mut e = Entity {
            kind: EntityKind::Funding,
            id: &f.id,
            out,
        };
        e.text("title", &f.title);
        e.currency(&f.currency);
        if f.amount.0.is_sign_negative() {
            e.push(
                Code::BadValue,
                "amount",
                format!("the amount {} is negative", f.money()),
                "write the amount the funder provides",
            );
        }
    }
}

/// Kinds used as meant: milestones are points, groups span children, parents are groups.
fn structure(plan: &Plan, a: &crate::model::Activity, e: &mut Entity) {
    let msg = |m: &str| m.to_owned();
    match (a.kind, &a.timing) {
        (ActivityKind::Milestone, Timing::Duration { days, .. }) if *days > 0 => e.push(
            Code::Structure, "days", format!("milestone `{}` has a duration of {days} working days", a.id),
            "a milestone is a point in time: use `Duration(days: 0)`, or make it a Task",
        ),
        (ActivityKind::Milestone, Timing::Fixed { start, end }) if start != end => e.push(
            Code::Structure, "end", format!("milestone `{}` lasts from {start} to {end}", a.id),
            "a milestone is a point in time: give it the same start and end, or make it a Task",
        ),
        (ActivityKind::Group, Timing::Fixed { .. } | Timing::Duration { .. }) => e.push(
            Code::Structure, "timing", format!("group `{}` has its own dates", a.id),
            "a group spans its children: write `timing: Span`",
        ),
        (ActivityKind::Task | ActivityKind::Milestone, Timing::Span) => e.push(
            Code::Structure, "timing", format!("`{}` is not a group, so it cannot span children", a.id),
            "give it `Fixed(start: ..., end: ...)` or `Duration(days: ...)` timing, or make it a Group",
        ),
        _ => {}
    }
    if let Some(parent) = a.parent.as_ref().and_then(|p| plan.activities.get(p))
        && parent.kind != ActivityKind::Group
    {
        e.out.push(
            Diagnostic::entity(
                Code::Structure,
                e.kind,
                e.id,
                format!("parent `{}` is a {:?}, not a group", parent.id, parent.kind),
                msg("make the parent a Group, or choose a group as parent"),
            )
            .at_value("parent", parent.id.as_str()),
        );
    }
    if a.dependencies.iter().any(|d| d.lag.unsigned_abs() > 10_000) {
        e.push(
            Code::BadValue,
            "lag",
            format!("`{}` has a lag of more than 10,000 working days", a.id),
            "lags and leads are counted in working days; check the number",
        );
    }
}

/// Collects diagnostics about one entity.
struct Entity<'a> {
    kind: EntityKind,
    id: &'a Id,
    out: &'a mut Vec<Diagnostic>,
}

impl Entity<'_> {
    fn push(&mut self, code: Code, field: &'static str, message: String, hint: &str) {
        self.out
            .push(Diagnostic::entity(code, self.kind, self.id, message, hint).at(field));
    }

    fn text(&mut self, field: &'static str, t: &Text) {
        if t.is_empty() {
            self.push(
                Code::EmptyText,
                field,
                format!("`{field}` has neither Arabic nor English text"),
                "write it in at least one language: `(ar: \"...\", en: \"...\")`",
            );
        }
    }

    fn currency(&mut self, c: &Currency) {
        if !c.is_well_formed() {
            self.out.push(
                Diagnostic::entity(
                    Code::BadValue,
                    self.kind,
                    self.id,
                    format!("`{c}` is not an ISO 4217 currency code"),
                    "write three capital letters, such as USD, EUR or EGP",
                )
                .at_value("currency", c.as_str()),
            );
        }
    }

    fn country(&mut self, field: &'static str, c: &CountryCode) {
        if !c.is_assigned() {
            self.out.push(
                Diagnostic::entity(
                    Code::BadValue,
                    self.kind,
                    self.id,
                    format!("`{c}` is not an ISO 3166-1 country code"),
                    "write two capital letters, such as EG, JO, MA or TN",
                )
                .at_value(field, c.as_str()),
            );
        }
    }

    fn sdg_targets(&mut self, targets: &[String]) {
        for t in targets.iter().filter(|t| !is_sdg_target(t)) {
            self.out.push(
                Diagnostic::entity(
                    Code::BadValue,
                    self.kind,
                    self.id,
                    format!("`{t}` is not an SDG target"),
                    "write the goal and target, such as \"11.3\" or \"16.7\"",
                )
                .at_value("sdg_targets", t.as_str()),
            );
        }
    }
}

/// Whether `t` looks like an SDG target: goal 1-17, a dot, then a number or a letter.
fn is_sdg_target(t: &str) -> bool {
    let Some((goal, target)) = t.split_once('.') else {
        return false;
    };
    goal.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g))
        && !target.is_empty()
        && target.len() <= 2
        && target
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
}

fn check_meta(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let m = &plan.meta;
    let mut push = |code, field: &'static str, value: Option<&str>, message: String, hint: &str| {
        let d = Diagnostic::plan(code, message, hint);
        out.push(match value {
            Some(v) => d.at_value(field, v),
            None => d.at(field),
        });
    };
    if let Err(e) = m.id.validate() {
        push(
            Code::BadId,
            "id",
            None,
            format!("`{}` is not a valid plan id: {e}", m.id),
            "ids are lowercase slugs such as `open-government-nua`",
        );
    }
    if m.title.is_empty() {
        push(
            Code::EmptyText,
            "title",
            None,
            "the plan has no title".into(),
            "write it in at least one language: `(ar: \"...\", en: \"...\")`",
        );
    }
    if !m.currency.is_well_formed() {
        push(
            Code::BadValue,
            "currency",
            None,
            format!("`{}` is not an ISO 4217 currency code", m.currency),
            "write three capital letters, such as USD",
        );
    }
    for r in m
        .exchange_rates
        .iter()
        .filter(|r| !r.currency.is_well_formed())
    {
        push(
            Code::BadValue,
            "currency",
            Some(r.currency.as_str()),
            format!("`{}` is not an ISO 4217 currency code", r.currency),
            "write three capital letters, such as EUR",
        );
    }
    for c in m
        .countries
        .iter()
        .chain(m.cities.iter().map(|c| &c.country))
        .chain(m.calendars.iter().flat_map(|c| &c.countries))
    {
        if !c.is_assigned() {
            push(
                Code::BadValue,
                "country",
                Some(c.as_str()),
                format!("`{c}` is not an ISO 3166-1 country code"),
                "write two capital letters, such as EG or MA",
            );
        }
    }
    for g in m.sdg_goals.iter().filter(|g| !(1..=17).contains(*g)) {
        push(
            Code::BadValue,
            "sdg_goals",
            None,
            format!("there is no Sustainable Development Goal {g}"),
            "the goals are numbered 1 to 17",
        );
    }
    for t in m.sdg_targets.iter().filter(|t| !is_sdg_target(t)) {
        push(
            Code::BadValue,
            "sdg_targets",
            Some(t),
            format!("`{t}` is not an SDG target"),
            "write the goal and target, such as \"11.3\"",
        );
    }
    let mut ids = HashSet::new();
    for c in &m.calendars {
        if !ids.insert(&c.id) {
            push(
                Code::DuplicateId,
                "id",
                Some(c.id.as_str()),
                format!("calendar `{}` is defined twice", c.id),
                "give one of them another id",
            );
        }
        if let Err(e) = c.id.validate() {
            push(
                Code::BadId,
                "id",
                Some(c.id.as_str()),
                format!("`{}` is not a valid calendar id: {e}", c.id),
                "ids are lowercase slugs such as `fri-sat`",
            );
        }
        if c.weekend.len() >= 7 {
            push(
                Code::BadValue,
                "weekend",
                None,
                format!("calendar `{}` has no working day", c.id),
                "a weekend has at most six days; Friday-Saturday is `[Fri, Sat]`",
            );
        }
    }
    if let Some(d) = &m.default_calendar
        && !ids.contains(d)
    {
        push(
            Code::Dangling,
            "default_calendar",
            Some(d.as_str()),
            format!("`default_calendar` refers to calendar `{d}`, which is not defined"),
            "add it to `calendars`, or correct the id",
        );
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Currency, FORMAT_VERSION, PlanMeta, Window};

    /// A valid plan with nothing in it, for rule tests.
    pub(crate) fn empty_plan() -> Plan {
        let d = |s: &str| s.parse().unwrap_or_default();
        Plan::new(PlanMeta {
            format: FORMAT_VERSION,
            id: Id::new_unchecked("p"),
            title: Text::en("P"),
            summary: Text::default(),
            window: Window {
                start: d("2026-01-01"),
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
        })
    }

    #[test]
    fn sdg_targets() {
        assert!(is_sdg_target("11.3"));
        assert!(is_sdg_target("16.a"));
        assert!(!is_sdg_target("18.1"));
        assert!(!is_sdg_target("11"));
        assert!(!is_sdg_target("11.300"));
    }
}
