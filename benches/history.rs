//! The plan's history read back: `khutta blame`, `khutta log --activity ID` and
//! `khutta log -n 1000` over 1,000 commits of a 10,000-activity plan, through the library
//! calls the commands make (`PlanRepo::blame`, `PlanRepo::log`). Targets: blame and
//! `log --activity` within 300 ms, `log -n 1000` within 1 s.
//!
//! Once a history has been walked, its steps are read from the index the first walk wrote
//! (`repo/history_index.rs`); the first runs are measured apart.
//!
//! `cargo bench --bench history`. The history is written with git2 in the setup (not
//! measured): a first commit holds the plan; then every commit changes one activity's progress
//! and status, the followed activity every 25th commit (its title every 100th), and the 500th
//! renames it, with the activities that depend on it, so that blame and log follow it across
//! the rename.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a bench fails by panicking"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::edit::Edit;
use khutta::model::{EntityKind, Id, Status, Text, Unit};
use khutta::repo::PlanRepo;
use std::hint::black_box;

#[path = "common/history.rs"]
mod commits;
#[path = "common/generate.rs"]
mod gen_plan;

const ACTIVITIES: usize = 10_000;
const COMMITS: usize = 1_000;
/// How often the followed activity changes.
const EVERY: usize = 25;
const RENAMED_AT: usize = 500;

/// The history; returns the repository folder and the followed activity's id at the tip.
fn history() -> (tempfile::TempDir, Id) {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init(dir.path()).unwrap();
    let mut plan = gen_plan::generate(ACTIVITIES, 3);
    let who = "someone@partner.example";
    commits::first_commit(&repo, &plan, who);
    let ids: Vec<Id> = plan.activities.keys().cloned().collect();
    let mut focus = ids[ids.len() / 2].clone();
    for n in 1..=COMMITS {
        if n == RENAMED_AT {
            let edit = Edit::rename(&plan, EntityKind::Activity, &focus, "followed").unwrap();
            edit.apply(&mut plan).unwrap();
            let units: Vec<Unit> = edit.units().collect();
            commits::commit_units(&repo, &plan, &units, n, who, "rename");
            focus = Id::new_unchecked("followed");
            continue;
        }
        let id = if n % EVERY == 0 {
            focus.clone()
        } else {
            ids[(n * 7919) % ids.len()].clone()
        };
        let Some(a) = plan.activities.get_mut(&id) else {
            // The renamed activity's old id.
            continue;
        };
        a.progress = ((a.progress as usize + 7) % 100) as u8;
        a.status = if a.progress > 0 {
            Status::InProgress
        } else {
            Status::Planned
        };
        if n % 100 == 0 {
            a.title = Text::new(&format!("عنوان {n}"), &format!("Title {n}"));
        }
        let unit = Unit::entity(EntityKind::Activity, &id);
        commits::commit_units(&repo, &plan, &[unit], n, who, &format!("change {n}"));
    }
    (dir, focus)
}

fn bench(c: &mut Criterion) {
    let (dir, focus) = history();
    let r = PlanRepo::discover(dir.path()).unwrap();
    let head = r.commit_of("HEAD").unwrap();
    // The followed activity's commits: its creation, the rename, and one every 25th.
    let followed = r.log(Some(&focus), 1000).unwrap();
    assert_eq!(followed.len(), COMMITS / EVERY + 1, "{followed:#?}");
    let all = r.log(None, 1000).unwrap();
    assert_eq!(all.len(), 1000);
    let blame = r.blame(head, &focus, None).unwrap();
    assert!(
        blame
            .iter()
            .any(|b| b.field == "id" && b.summary == "rename")
    );
    let index = dir.path().join(".git/khutta/history-index");
    assert!(
        index.exists(),
        "the walks above write the index of the history's steps"
    );
    let mut group = c.benchmark_group("history");
    group.sample_size(10);
    // The first walk over a history, which reads every commit's trees and writes the index.
    group.bench_function("blame, first run (writes the index)", |b| {
        b.iter_batched(
            || std::fs::remove_file(&index).unwrap(),
            |()| r.blame(black_box(head), black_box(&focus), None).unwrap(),
            criterion::BatchSize::PerIteration,
        )
    });
    group.bench_function("log -n 1000, first run (writes the index)", |b| {
        b.iter_batched(
            || std::fs::remove_file(&index).unwrap(),
            |()| r.log(None, black_box(1000)).unwrap(),
            criterion::BatchSize::PerIteration,
        )
    });
    group.bench_function("blame over 1,000 commits of a 10,000-activity plan", |b| {
        b.iter(|| r.blame(black_box(head), black_box(&focus), None).unwrap())
    });
    group.bench_function("log --activity over 1,000 commits", |b| {
        b.iter(|| r.log(black_box(Some(&focus)), 50).unwrap())
    });
    group.bench_function("log -n 1000 of a 10,000-activity plan", |b| {
        b.iter(|| r.log(None, black_box(1000)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
