//! `khutta verify` on a real history. Target: a 1,000-commit range of a 10,000-activity plan
//! within 3 s (rights judged by the rules before each commit, signatures looked at, and the
//! plan checked after each commit).
//!
//! `cargo bench --bench verify`. The history is written with git2 in the setup (not measured):
//! a first commit holds the plan and its `governance.ron` (one coordinator, a person for each
//! partner, a grant of progress and status on the activities each partner leads); then every
//! commit changes one activity, by a person of the partner that leads it, except every tenth,
//! by someone else, which is a breach.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a bench fails by panicking"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::model::governance::{Change, Grant, Kind, Person, Signing};
use khutta::model::{EntityKind, Governance, Id, Plan, Status, Unit};
use khutta::repo::{PlanRepo, VerifyOptions, verify_range};
use std::hint::black_box;

#[path = "common/history.rs"]
mod commits;
#[path = "common/generate.rs"]
mod gen_plan;

const ACTIVITIES: usize = 10_000;
const COMMITS: usize = 1_000;

fn email(partner: &Id) -> String {
    format!("someone@{partner}.example")
}

fn rules(plan: &Plan) -> Governance {
    let people = plan
        .partners
        .keys()
        .map(|p| Person {
            name: format!("Someone of {p}"),
            email: email(p),
            partner: p.clone(),
            keys: vec![],
        })
        .collect();
    let grants = plan
        .partners
        .keys()
        .skip(1)
        .map(|p| Grant {
            partner: p.clone(),
            may: vec![Change {
                kind: Kind::Activity,
                ids: None,
                lead: true,
                group: None,
                fields: Some(vec!["progress".into(), "status".into()]),
                add: false,
                remove: false,
            }],
        })
        .collect();
    Governance {
        signing: Signing::Optional,
        coordinators: plan.partners.keys().take(1).cloned().collect(),
        people,
        grants,
    }
}

/// The history; returns the repository folder, the base (the plan's first commit) and the tip.
fn history() -> (tempfile::TempDir, git2::Oid, git2::Oid) {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init(dir.path()).unwrap();
    let mut plan = gen_plan::generate(ACTIVITIES, 3);
    plan.governance = Some(rules(&plan));
    let coordinator = plan.partners.keys().next().cloned().unwrap();
    let base = commits::first_commit(&repo, &plan, &email(&coordinator));
    let ids: Vec<Id> = plan.activities.keys().cloned().collect();
    let mut tip = base;
    for n in 1..=COMMITS {
        let id = &ids[(n * 7919) % ids.len()];
        let a = plan.activities.get_mut(id).unwrap();
        a.progress = ((a.progress as usize + 7) % 100) as u8;
        a.status = if a.progress > 0 {
            Status::InProgress
        } else {
            Status::Planned
        };
        let lead = a.lead.clone().unwrap_or_else(|| coordinator.clone());
        let who = if n % 10 == 0 {
            email(&Id::new_unchecked("outsider"))
        } else {
            email(&lead)
        };
        let unit = Unit::entity(EntityKind::Activity, id);
        tip = commits::commit_units(&repo, &plan, &[unit], n, &who, &format!("change {n}"));
    }
    (dir, base, tip)
}

fn bench(c: &mut Criterion) {
    let (dir, base, tip) = history();
    let r = PlanRepo::discover(dir.path()).unwrap();
    let (base, tip) = (base.into(), tip.into());
    let report = verify_range(&r, Some(base), tip, &VerifyOptions::default()).unwrap();
    assert_eq!(report.walked, COMMITS);
    // Every tenth commit is by someone the rules do not know.
    assert!(report.commits.len() >= COMMITS / 10);
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    group.bench_function("verify 1,000 commits of a 10,000-activity plan", |b| {
        b.iter(|| {
            verify_range(
                &r,
                black_box(Some(base)),
                black_box(tip),
                &VerifyOptions::default(),
            )
            .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
