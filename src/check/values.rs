//! Values in range, codes well formed, kinds used as meant, text in at least one language.

use super::{Code, Diagnostic, Said, Scope, Unread};
use crate::model::{
    ActivityKind, CountryCode, Currency, EntityKind, Id, Plan, Status, Text, Timing,
};
use crate::said;
use std::collections::HashSet;

pub(super) fn check(plan: &Plan, unread: &Unread, scope: Scope, out: &mut Vec<Diagnostic>) {
    if !unread.meta && scope.whole() {
        check_meta(plan, out);
    }
    let calendars: HashSet<&Id> = plan.meta.calendars.iter().map(|c| &c.id).collect();
    for a in scope.each(EntityKind::Activity, &plan.activities) {
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
                said!("check-progress-range", progress = a.progress),
                said!("check-progress-range-hint"),
            );
        }
        if let Some(loc) = &a.location {
            e.country("country", &loc.country);
        }
        if let Timing::Duration { days, .. } = a.timing
            && days > crate::model::limits::MAX_DAYS
        {
            e.push(
                Code::BadValue,
                "timing",
                said!(
                    "check-days-range",
                    days = days,
                    max = crate::model::limits::MAX_DAYS
                ),
                said!("check-days-range-hint"),
            );
        }
        for line in &a.budget {
            e.currency(&line.currency);
            if !crate::model::limits::amount_in_range(line.amount) {
                e.push(
                    Code::BadValue,
                    "amount",
                    said!("check-amount-range", amount = &line.money()),
                    said!("check-amount-range-hint"),
                );
            } else if line.amount.is_negative() {
                e.push(
                    Code::BadValue,
                    "amount",
                    said!("check-negative-line", amount = &line.money()),
                    said!("check-negative-line-hint"),
                );
            }
        }
        e.sdg_targets(&a.sdg_targets);
        if let Some(c) = &a.calendar
            && !unread.meta
            && !calendars.contains(c)
        {
            e.out.push(
                Diagnostic::entity(
                    Code::Dangling,
                    e.kind,
                    e.id,
                    said!("check-unknown-calendar", calendar = c),
                    said!("check-unknown-calendar-hint"),
                )
                .at_value("calendar", c.as_str()),
            );
        }
        structure(plan, a, &mut e);
        if a.lead.is_none() && a.kind != ActivityKind::Group && a.status != Status::Cancelled {
            e.push(
                Code::NoLead,
                "id",
                said!("check-no-lead", id = &a.id),
                said!("check-no-lead-hint"),
            );
        }
        if a.status == Status::Done && a.progress != 100 {
            e.push(
                Code::StatusProgress,
                "progress",
                said!("check-done-unfinished", id = &a.id, progress = a.progress),
                said!("check-done-unfinished-hint"),
            );
        }
        if a.status == Status::Planned && a.progress > 0 && a.progress <= 100 {
            e.push(
                Code::StatusProgress,
                "progress",
                said!("check-planned-progress", id = &a.id, progress = a.progress),
                said!("check-planned-progress-hint"),
            );
        }
    }
    for p in scope.each(EntityKind::Partner, &plan.partners) {
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
    for b in scope.each(EntityKind::Beneficiary, &plan.beneficiaries) {
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
    for f in scope.each(EntityKind::Funding, &plan.funding) {
        let mut e = Entity {
            kind: EntityKind::Funding,
            id: &f.id,
            out,
        };
        e.text("title", &f.title);
        e.currency(&f.currency);
        if !crate::model::limits::amount_in_range(f.amount) {
            e.push(
                Code::BadValue,
                "amount",
                said!("check-amount-range", amount = &f.money()),
                said!("check-amount-range-hint"),
            );
        } else if f.amount.is_negative() {
            e.push(
                Code::BadValue,
                "amount",
                said!("check-negative-amount", amount = &f.money()),
                said!("check-negative-amount-hint"),
            );
        }
    }
}

/// Kinds used as meant: milestones are points, groups span children, parents are groups.
fn structure(plan: &Plan, a: &crate::model::Activity, e: &mut Entity) {
    match (a.kind, &a.timing) {
        (ActivityKind::Milestone, Timing::Duration { days, .. }) if *days > 0 => e.push(
            Code::Structure,
            "days",
            said!("check-milestone-duration", id = &a.id, days = *days),
            said!("check-milestone-duration-hint"),
        ),
        (ActivityKind::Milestone, Timing::Fixed { start, end }) if start != end => e.push(
            Code::Structure,
            "end",
            said!(
                "check-milestone-span",
                id = &a.id,
                start = *start,
                end = *end
            ),
            said!("check-milestone-span-hint"),
        ),
        (ActivityKind::Group, Timing::Fixed { .. } | Timing::Duration { .. }) => e.push(
            Code::Structure,
            "timing",
            said!("check-group-dates", id = &a.id),
            said!("check-group-dates-hint"),
        ),
        (ActivityKind::Task | ActivityKind::Milestone, Timing::Span) => e.push(
            Code::Structure,
            "timing",
            said!("check-span-not-group", id = &a.id),
            said!("check-span-not-group-hint"),
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
                said!(
                    "check-parent-not-group",
                    parent = &parent.id,
                    kind = &format!("{:?}", parent.kind)
                ),
                said!("check-parent-not-group-hint"),
            )
            .at_value("parent", parent.id.as_str()),
        );
    }
    if a.dependencies
        .iter()
        .any(|d| i64::from(d.lag).unsigned_abs() > crate::model::limits::MAX_LAG.unsigned_abs())
    {
        e.push(
            Code::BadValue,
            "lag",
            said!("check-lag-range", id = &a.id),
            said!("check-lag-range-hint"),
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
    fn push(&mut self, code: Code, field: &'static str, message: Said, hint: Said) {
        self.out
            .push(Diagnostic::entity(code, self.kind, self.id, message, hint).at(field));
    }

    fn text(&mut self, field: &'static str, t: &Text) {
        if t.is_empty() {
            self.push(
                Code::EmptyText,
                field,
                said!("check-empty-field", field = field),
                said!("check-empty-text-hint"),
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
                    said!("check-bad-currency", currency = c),
                    said!("check-bad-currency-hint"),
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
                    said!("check-bad-country", country = c),
                    said!("check-bad-country-hint"),
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
                    said!("check-bad-sdg-target", target = t),
                    said!("check-bad-sdg-target-hint"),
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
    let mut push = |code, field: &'static str, value: Option<&str>, message: Said, hint: Said| {
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
            said!("check-bad-plan-id", id = &m.id, reason = e.said()),
            said!("check-bad-id-hint", example = "open-government-nua"),
        );
    }
    if m.title.is_empty() {
        push(
            Code::EmptyText,
            "title",
            None,
            said!("check-plan-untitled"),
            said!("check-empty-text-hint"),
        );
    }
    if !m.currency.is_well_formed() {
        push(
            Code::BadValue,
            "currency",
            None,
            said!("check-bad-currency", currency = &m.currency),
            said!("check-bad-currency-hint"),
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
            said!("check-bad-currency", currency = &r.currency),
            said!("check-bad-currency-hint"),
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
                said!("check-bad-country", country = c),
                said!("check-bad-country-hint"),
            );
        }
    }
    for g in m.sdg_goals.iter().filter(|g| !(1..=17).contains(*g)) {
        push(
            Code::BadValue,
            "sdg_goals",
            None,
            said!("check-bad-sdg-goal", goal = *g),
            said!("check-bad-sdg-goal-hint"),
        );
    }
    for t in m.sdg_targets.iter().filter(|t| !is_sdg_target(t)) {
        push(
            Code::BadValue,
            "sdg_targets",
            Some(t),
            said!("check-bad-sdg-target", target = t),
            said!("check-bad-sdg-target-hint"),
        );
    }
    let mut ids = HashSet::new();
    for c in &m.calendars {
        if !ids.insert(&c.id) {
            push(
                Code::DuplicateId,
                "id",
                Some(c.id.as_str()),
                said!("check-calendar-twice", calendar = &c.id),
                said!("check-calendar-twice-hint"),
            );
        }
        if let Err(e) = c.id.validate() {
            push(
                Code::BadId,
                "id",
                Some(c.id.as_str()),
                said!("check-bad-calendar-id", id = &c.id, reason = e.said()),
                said!("check-bad-id-hint", example = "fri-sat"),
            );
        }
        if c.weekend.len() >= 7 {
            push(
                Code::BadValue,
                "weekend",
                None,
                said!("check-no-working-day", calendar = &c.id),
                said!("check-no-working-day-hint"),
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
            said!("check-unknown-default-calendar", calendar = d),
            said!("check-unknown-default-calendar-hint"),
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
