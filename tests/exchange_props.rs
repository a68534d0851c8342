//! Laws of the CSV exchange: what `khutta export csv` writes, `khutta import csv` reads back
//! to the same activities and budget lines, for any plan.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::export::Input;
use khutta::export::csv::{activities, budget};
use khutta::import::csv::{Source, Sources, import};
use khutta::model::*;
use proptest::prelude::*;
use support::arb;

/// `plan` with every id its activities refer to made real: a stub partner, beneficiary group,
/// funding source, calendar or activity for each one missing, as a plan that passes its
/// checks would have. (The import refuses references to nothing.)
fn with_references(mut plan: Plan) -> Plan {
    let stub = |id: &Id| Text::en(&format!("stub {id}"));
    let acts: Vec<Activity> = plan.activities.values().cloned().collect();
    for a in &acts {
        let activity_refs = a
            .parent
            .iter()
            .chain(a.dependencies.iter().map(|d| &d.activity));
        for id in activity_refs {
            if !plan.activities.contains_key(id) {
                let s = Activity::new(id.clone(), stub(id), 1);
                plan.activities.insert(id.clone(), s);
            }
        }
        for id in a.lead.iter().chain(a.partners.iter().map(|p| &p.partner)) {
            plan.partners.entry(id.clone()).or_insert_with(|| Partner {
                id: id.clone(),
                name: stub(id),
                acronym: None,
                kind: OrganisationType::Other,
                roles: Vec::new(),
                country: None,
                website: None,
                iati_ref: None,
                contact: None,
            });
        }
        for id in &a.beneficiaries {
            plan.beneficiaries
                .entry(id.clone())
                .or_insert_with(|| Beneficiary {
                    id: id.clone(),
                    name: stub(id),
                    kind: BeneficiaryKind::ALL[0],
                    country: None,
                    city: None,
                    size: None,
                    description: Text::default(),
                });
        }
        for id in a.budget.iter().filter_map(|b| b.funding.as_ref()) {
            plan.funding
                .entry(id.clone())
                .or_insert_with(|| FundingSource {
                    id: id.clone(),
                    funder: id.clone(),
                    title: stub(id),
                    amount: Amount::ZERO,
                    currency: Currency::new_unchecked("USD"),
                    status: FundingStatus::Pledged,
                    available: None,
                    earmarked: Vec::new(),
                    conditions: Text::default(),
                });
        }
        if let Some(c) = &a.calendar
            && !plan.meta.calendars.iter().any(|x| &x.id == c)
        {
            plan.meta.calendars.push(Calendar {
                id: c.clone(),
                name: stub(c),
                weekend: Vec::new(),
                holidays: Vec::new(),
                countries: Vec::new(),
            });
        }
    }
    plan
}

/// What a CSV cell cannot tell apart: an empty text and no text (both a blank cell), and an
/// activity's only output when it has no text in either language (a blank list).
fn as_csv_holds(mut a: Activity) -> Activity {
    fn blank(s: &mut Option<String>) {
        if s.as_deref() == Some("") {
            *s = None;
        }
    }
    for t in std::iter::once(&mut a.title)
        .chain(std::iter::once(&mut a.description))
        .chain(a.outputs.iter_mut())
    {
        blank(&mut t.ar);
        blank(&mut t.en);
    }
    if let Some(l) = &mut a.location {
        blank(&mut l.city);
    }
    for b in &mut a.budget {
        blank(&mut b.note);
        b.amount = b.amount.normalize();
    }
    if let [only] = a.outputs.as_slice()
        && only.ar.is_none()
        && only.en.is_none()
    {
        a.outputs.clear();
    }
    a
}

fn export_import(plan: &Plan, into: &Plan) -> Result<Plan, String> {
    let schedule = khutta::schedule::schedule(plan);
    let input = Input {
        plan,
        schedule: &schedule,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        lang: Lang::En,
    };
    let (acts, lines) = (activities(&input), budget(&input));
    let sources = Sources {
        activities: Some(Source {
            name: "activities.csv",
            bytes: acts.as_bytes(),
        }),
        budget: Some(Source {
            name: "budget.csv",
            bytes: lines.as_bytes(),
        }),
    };
    import(into, sources).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|d| {
                format!(
                    "{}:{}:{}: {}: {}",
                    d.path,
                    d.line,
                    d.col,
                    d.code,
                    d.message.english()
                )
            })
            .collect();
        format!(
            "{}\n--- activities.csv\n{acts}--- budget.csv\n{lines:?}",
            lines.join("\n")
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Into a plan that has none of the activities: every field comes from the files.
    #[test]
    fn csv_export_then_import_gives_back_every_activity(plan in arb::plan()) {
        let plan = with_references(plan);
        let mut empty = plan.clone();
        empty.activities.clear();
        let imported = export_import(&plan, &empty).map_err(TestCaseError::fail)?;
        let want: Vec<Activity> = plan.activities.values().cloned().map(as_csv_holds).collect();
        let got: Vec<Activity> = imported.activities.values().cloned().map(as_csv_holds).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(&imported.partners, &plan.partners);
        prop_assert_eq!(&imported.meta, &plan.meta);
    }

    /// Into the plan it came from: nothing changes at all.
    #[test]
    fn csv_import_of_a_plans_own_export_changes_nothing(plan in arb::plan()) {
        let plan = with_references(plan);
        let imported = export_import(&plan, &plan).map_err(TestCaseError::fail)?;
        let want: Vec<Activity> = plan.activities.values().cloned().map(as_csv_holds).collect();
        let got: Vec<Activity> = imported.activities.values().cloned().map(as_csv_holds).collect();
        prop_assert_eq!(got, want);
    }
}
