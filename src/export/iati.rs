//! IATI 2.03 activity XML: the plan as one `iati-activity`, for open-data publication.
//!
//! # One activity, not one per phase
//!
//! The whole plan is published as a single `iati-activity`; its groups (phases) are not child
//! activities joined by `related-activity`. An IATI activity is the unit an organisation
//! reports money and results on, and its identifier must never change once published. khutta's
//! groups are a way to lay out the schedule: they are renamed and regrouped as the plan
//! evolves (a rename changes the id), they share funding sources and partners, and budget
//! lines belong to tasks, not to phases. Publishing phases would turn each of those edits into
//! a withdrawn activity and a new one, and would split funding sources between children by a
//! rule no one chose. The identifier is the reporting organisation's own identifier followed
//! by the plan's id (`XM-DAC-41120-open-government-nua`), which stays as long as the plan.
//!
//! # What goes where
//!
//! - `reporting-org`: the partner named with `--reporting-org`, else the one partner with the
//!   Accountable role; it must have an `iati_ref` (E070; E071 when none or several qualify).
//! - `participating-org`: every partner with a role: its own `roles`, its roles in
//!   activities, Implementing for a lead, Funding for the funder of a funding source.
//! - `activity-date`: planned start and end from the schedule; actual start from the first
//!   activity that is done or under way, actual end when every activity is done.
//! - `budget`: the budget lines, each spread over the calendar days of its activity's
//!   scheduled dates, summed per year or per quarter, in the plan currency where a rate
//!   converts them (otherwise in their own currency).
//! - `planned-disbursement`: each funding source that is more than a hope (not Pipeline),
//!   spread over its availability window per period, with its funder as `provider-org`.
//! - `tag`: SDG goals (vocabulary 2) and targets (vocabulary 3) of the plan and its activities.
//! - titles, descriptions and names as `narrative`s in Arabic and English.

use super::iati_money::{budgets, disbursements};
use super::xml::Xml;
use crate::check::{Code, Diagnostic};
use crate::model::{EntityKind, Id, OrgRole, Plan, Status, Text};
use crate::said;
use crate::schedule::{Schedule, Shape};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// The length of one budget period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    /// Calendar years.
    #[default]
    Year,
    /// Calendar quarters.
    Quarter,
}

/// What the export needs besides the plan.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The partner that publishes the activity (default: the one Accountable partner).
    pub reporting_org: Option<Id>,
    /// The length of budget and disbursement periods.
    pub period: Period,
}

/// The IATI code of each value, written as data.
const STATUS_PIPELINE: &str = "1";
const STATUS_IMPLEMENTATION: &str = "2";
const STATUS_FINALISATION: &str = "3";
const STATUS_CANCELLED: &str = "5";
const DATE_PLANNED_START: &str = "1";
const DATE_ACTUAL_START: &str = "2";
const DATE_PLANNED_END: &str = "3";
const DATE_ACTUAL_END: &str = "4";
const VOCAB_SDG_GOAL: &str = "2";
const VOCAB_SDG_TARGET: &str = "3";
pub(super) const BUDGET_ORIGINAL: &str = "1";
pub(super) const BUDGET_INDICATIVE: &str = "1";
const DESCRIPTION_GENERAL: &str = "1";

/// The plan as an IATI activity file, or the located reasons it cannot be one.
pub fn export(
    plan: &Plan,
    schedule: &Schedule,
    opts: &Options,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let reporter = reporting_org(plan, opts)?;
    let partner = &plan.partners[&reporter];
    let Some(org_ref) = partner.iati_ref.as_deref().filter(|r| !r.trim().is_empty()) else {
        let d = Diagnostic::entity(
            Code::NoIatiRef,
            EntityKind::Partner,
            &reporter,
            said!("iati-no-ref", partner = reporter.as_str()),
            said!("iati-no-ref-hint"),
        );
        let at = if partner.roles.is_empty() {
            "id"
        } else {
            "roles"
        };
        return Err(vec![d.at(at)]);
    };
    let org_ref = org_ref.trim();
    let dated: Vec<_> = plan
        .activities
        .values()
        .zip(&schedule.entries)
        .filter_map(|(a, e)| e.dates.map(|d| (a, e, d)))
        .collect();
    let mut x = Xml::new(16 * 1024 + plan.activities.len() * 64);
    x.open("iati-activities", &[("version", "2.03")]);
    x.open(
        "iati-activity",
        &[
            ("xml:lang", "en"),
            ("default-currency", plan.meta.currency.as_str()),
            ("hierarchy", "1"),
        ],
    );
    x.leaf(
        "iati-identifier",
        &[],
        &format!("{org_ref}-{}", plan.meta.id),
    );
    let kind = partner.kind.iati_code().to_string();
    x.open("reporting-org", &[("ref", org_ref), ("type", &kind)]);
    narratives(&mut x, &partner.name, reporter.as_str());
    x.close();
    x.open("title", &[]);
    narratives(&mut x, &plan.meta.title, plan.meta.id.as_str());
    x.close();
    x.open("description", &[("type", DESCRIPTION_GENERAL)]);
    let summary = if plan.meta.summary.is_empty() {
        &plan.meta.title
    } else {
        &plan.meta.summary
    };
    narratives(&mut x, summary, plan.meta.id.as_str());
    x.close();
    participating_orgs(&mut x, plan, &reporter);
    x.empty("activity-status", &[("code", activity_status(plan))]);
    activity_dates(&mut x, plan, schedule, &dated);
    recipient_countries(&mut x, plan);
    sdg_tags(&mut x, plan);
    budgets(&mut x, plan, &dated, opts.period);
    disbursements(&mut x, plan, opts.period);
    Ok(x.finish())
}

/// The partners with the Accountable role: the one of them reports, when there is one.
pub fn accountable(plan: &Plan) -> Vec<&Id> {
    plan.partners
        .values()
        .filter(|p| p.roles.contains(&OrgRole::Accountable))
        .map(|p| &p.id)
        .collect()
}

/// The reporting organisation's partner id.
fn reporting_org(plan: &Plan, opts: &Options) -> Result<Id, Vec<Diagnostic>> {
    if let Some(id) = &opts.reporting_org {
        if plan.partners.contains_key(id) {
            return Ok(id.clone());
        }
        return Err(vec![Diagnostic::plan(
            Code::NoReportingOrg,
            said!("iati-reporting-org-unknown", partner = id.as_str()),
            said!("iati-reporting-org-hint"),
        )]);
    }
    match accountable(plan).as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(vec![Diagnostic::plan(
            Code::NoReportingOrg,
            said!("iati-reporting-org-none"),
            said!("iati-reporting-org-hint"),
        )]),
        [first, rest @ ..] => Err(rest
            .iter()
            .map(|id| {
                Diagnostic::entity(
                    Code::NoReportingOrg,
                    EntityKind::Partner,
                    id,
                    said!(
                        "iati-reporting-org-several",
                        partner = id.as_str(),
                        first = first.as_str()
                    ),
                    said!("iati-reporting-org-hint"),
                )
                .at_value("roles", "Accountable")
            })
            .collect()),
    }
}

/// One `narrative` per language present; the fallback when neither is.
pub(super) fn narratives(x: &mut Xml, t: &Text, fallback: &str) {
    let mut any = false;
    for (lang, s) in [
        ("ar", t.get(crate::model::Lang::Ar)),
        ("en", t.get(crate::model::Lang::En)),
    ] {
        if let Some(s) = s {
            x.leaf("narrative", &[("xml:lang", lang)], s);
            any = true;
        }
    }
    if !any {
        x.leaf("narrative", &[], fallback);
    }
}

/// Every (partner, role) the plan states, by role code then partner id.
fn participating_orgs(x: &mut Xml, plan: &Plan, reporter: &Id) {
    let mut pairs: BTreeSet<(u8, &Id)> = BTreeSet::new();
    for p in plan.partners.values() {
        for r in &p.roles {
            pairs.insert((r.iati_code(), &p.id));
        }
    }
    for a in plan.activities.values() {
        if let Some(lead) = &a.lead {
            pairs.insert((OrgRole::Implementing.iati_code(), lead));
        }
        for ap in &a.partners {
            pairs.insert((ap.role.iati_code(), &ap.partner));
        }
    }
    for f in plan.funding.values() {
        pairs.insert((OrgRole::Funding.iati_code(), &f.funder));
    }
    if pairs.is_empty() {
        pairs.insert((OrgRole::Accountable.iati_code(), reporter));
    }
    for (role, id) in pairs {
        let Some(p) = plan.partners.get(id) else {
            continue;
        };
        let role = role.to_string();
        let kind = p.kind.iati_code().to_string();
        let mut attrs = vec![("role", role.as_str()), ("type", kind.as_str())];
        if let Some(r) = p.iati_ref.as_deref().filter(|r| !r.trim().is_empty()) {
            attrs.insert(0, ("ref", r.trim()));
        }
        x.open("participating-org", &attrs);
        narratives(x, &p.name, id.as_str());
        x.close();
    }
}

/// Activities that do work: not groups, not cancelled.
fn is_work(a: &crate::model::Activity) -> bool {
    a.kind != crate::model::ActivityKind::Group && a.status != Status::Cancelled
}

fn activity_status(plan: &Plan) -> &'static str {
    let work: Vec<_> = plan.activities.values().filter(|a| is_work(a)).collect();
    let all_cancelled = !plan.activities.is_empty()
        && plan
            .activities
            .values()
            .filter(|a| a.kind != crate::model::ActivityKind::Group)
            .all(|a| a.status == Status::Cancelled);
    if all_cancelled {
        STATUS_CANCELLED
    } else if !work.is_empty() && work.iter().all(|a| a.status == Status::Done) {
        STATUS_FINALISATION
    } else if work
        .iter()
        .any(|a| matches!(a.status, Status::Done | Status::InProgress))
    {
        STATUS_IMPLEMENTATION
    } else {
        STATUS_PIPELINE
    }
}

pub(super) type Dated<'p> = (
    &'p crate::model::Activity,
    &'p crate::schedule::Entry,
    crate::schedule::Dates,
);

fn activity_dates(x: &mut Xml, plan: &Plan, schedule: &Schedule, dated: &[Dated<'_>]) {
    let start = dated
        .iter()
        .map(|(_, _, d)| d.early_start)
        .min()
        .unwrap_or(plan.meta.window.start);
    let end = schedule.finish.unwrap_or(plan.meta.window.end).max(start);
    let date = |x: &mut Xml, kind: &str, d: NaiveDate| {
        x.empty(
            "activity-date",
            &[("type", kind), ("iso-date", &d.to_string())],
        );
    };
    date(x, DATE_PLANNED_START, start);
    let work: Vec<_> = dated
        .iter()
        .filter(|(a, e, _)| is_work(a) && e.shape != Shape::Group)
        .collect();
    let started = work
        .iter()
        .filter(|(a, _, _)| matches!(a.status, Status::Done | Status::InProgress))
        .map(|(_, _, d)| d.early_start)
        .min();
    if let Some(s) = started {
        date(x, DATE_ACTUAL_START, s);
    }
    date(x, DATE_PLANNED_END, end);
    if started.is_some()
        && work.iter().all(|(a, _, _)| a.status == Status::Done)
        && let Some(f) = work.iter().map(|(_, _, d)| d.early_finish).max()
    {
        date(x, DATE_ACTUAL_END, f);
    }
}

/// The plan's countries, sharing 100 percent in whole numbers (the first takes the rest).
fn recipient_countries(x: &mut Xml, plan: &Plan) {
    let n = plan.meta.countries.len();
    if n == 0 {
        return;
    }
    let each = 100 / n;
    for (i, c) in plan.meta.countries.iter().enumerate() {
        let share = if i == 0 { 100 - each * (n - 1) } else { each };
        let share = share.to_string();
        if let Some((ar, en)) = c.name() {
            x.open(
                "recipient-country",
                &[("code", c.as_str()), ("percentage", &share)],
            );
            x.leaf("narrative", &[("xml:lang", "ar")], ar);
            x.leaf("narrative", &[("xml:lang", "en")], en);
            x.close();
        } else {
            x.empty(
                "recipient-country",
                &[("code", c.as_str()), ("percentage", &share)],
            );
        }
    }
}

fn sdg_tags(x: &mut Xml, plan: &Plan) {
    let mut targets: BTreeSet<&str> = plan.meta.sdg_targets.iter().map(String::as_str).collect();
    for a in plan.activities.values() {
        targets.extend(a.sdg_targets.iter().map(String::as_str));
    }
    let goals: BTreeSet<u8> = plan.meta.sdg_goals.iter().copied().collect();
    for g in goals {
        x.empty(
            "tag",
            &[("vocabulary", VOCAB_SDG_GOAL), ("code", &g.to_string())],
        );
    }
    // Targets in their numeric order (11.3 before 16.10 before 16.6 is the text order).
    let mut targets: Vec<&str> = targets.into_iter().collect();
    targets.sort_by_key(|t| {
        let (g, rest) = t.split_once('.').unwrap_or((t, ""));
        (
            g.parse::<u32>().unwrap_or(u32::MAX),
            rest.parse::<u32>().ok(),
            rest.to_owned(),
        )
    });
    for t in targets {
        x.empty("tag", &[("vocabulary", VOCAB_SDG_TARGET), ("code", t)]);
    }
}
