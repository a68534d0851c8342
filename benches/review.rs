//! The reviewer's tools on real git histories. Targets: blame of one activity over a
//! 1,000-commit history within 2 s; the diff of two 10,000-activity revisions within 100 ms
//! (the semantic diff alone, and the whole review: diff, money tables, both schedules and both
//! sides' problems; from git, also the authors of the range).
//!
//! `cargo bench --bench review`. The histories are written with git2 in the setup (not
//! measured): every commit changes one activity, the blamed one every 50th commit, and the
//! blamed activity is renamed half way, so that blame also follows a rename.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a bench fails by panicking"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::edit::Edit;
use khutta::model::{EntityKind, Id, Plan, Status};
use khutta::repo::{PlanRepo, plan_to_tree};
use std::hint::black_box;

#[path = "common/generate.rs"]
mod gen_plan;

const COMMITS: usize = 1_000;

/// Commits `plan` on top of HEAD (or as the first commit).
fn commit(repo: &git2::Repository, plan: &Plan, n: usize) -> git2::Oid {
    let head = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let keep = head.as_ref().map(|c| c.tree().unwrap());
    let tree = repo
        .find_tree(plan_to_tree(repo, plan, keep.as_ref()).unwrap())
        .unwrap();
    let who = ["Amal", "Karim", "Layla"][n % 3];
    let sig = git2::Signature::new(
        who,
        "x@partners.invalid",
        &git2::Time::new(1_767_225_600 + n as i64 * 3600, 0),
    )
    .unwrap();
    let parents: Vec<&git2::Commit> = head.iter().collect();
    repo.commit(
        Some("HEAD"),
        &sig,
        &sig,
        &format!("change {n}"),
        &tree,
        &parents,
    )
    .unwrap()
}

/// A repository with `COMMITS` commits over a plan of 300 activities; returns the repository
/// and the blamed activity's final id.
fn blame_history() -> (tempfile::TempDir, Id) {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init(dir.path()).unwrap();
    let mut plan = gen_plan::generate(300, 7);
    let ids: Vec<Id> = plan.activities.keys().cloned().collect();
    let mut target = ids[150].clone();
    commit(&repo, &plan, 0);
    for n in 1..COMMITS {
        if n == COMMITS / 2 {
            let renamed = Id::new_unchecked("blamed-activity");
            Edit::rename(&plan, EntityKind::Activity, &target, renamed.as_str())
                .unwrap()
                .apply(&mut plan)
                .unwrap();
            target = renamed;
        } else {
            let id = if n % 50 == 0 {
                &target
            } else {
                &ids[n % ids.len()]
            };
            if let Some(a) = plan.activities.get_mut(id) {
                a.progress = ((a.progress as usize + 7) % 100) as u8;
                a.status = if a.progress > 0 {
                    Status::InProgress
                } else {
                    Status::Planned
                };
                a.tags = vec![format!("t{}", n % 5)];
            }
        }
        commit(&repo, &plan, n);
    }
    (dir, target)
}

/// A repository whose last two commits are a 10,000-activity plan and its revision with 1% of
/// the activities changed.
fn large_revisions() -> (tempfile::TempDir, git2::Oid, git2::Oid) {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init(dir.path()).unwrap();
    let mut plan = gen_plan::generate(10_000, 1);
    let a = commit(&repo, &plan, 0);
    for (i, act) in plan
        .activities
        .values_mut()
        .enumerate()
        .filter(|(i, _)| i % 100 == 3)
    {
        act.title.en = Some(format!("Activity {i}, revised"));
        act.progress = 10;
        act.status = Status::InProgress;
    }
    let b = commit(&repo, &plan, 1);
    (dir, a, b)
}

fn bench(c: &mut Criterion) {
    let (dir, target) = blame_history();
    let r = PlanRepo::discover(dir.path()).unwrap();
    let head = r.commit_of("HEAD").unwrap();
    let lines = r.blame(head, &target, None).unwrap();
    // The id is blamed on the rename, half way; the blamed commits span the history.
    assert!(lines.iter().any(|l| l.field == "id"));
    c.bench_function("blame of one activity over 1,000 commits", |b| {
        b.iter(|| r.blame(black_box(head), black_box(&target), None).unwrap())
    });
    c.bench_function("blame of one field over 1,000 commits", |b| {
        b.iter(|| {
            r.blame(black_box(head), black_box(&target), Some("timing"))
                .unwrap()
        })
    });

    let (dir, a, b) = large_revisions();
    let r = PlanRepo::discover(dir.path()).unwrap();
    let (pa, pb) = (r.plan_at(a).unwrap(), r.plan_at(b).unwrap());
    c.bench_function("semantic diff of two 10k-activity plans", |bench| {
        bench.iter(|| khutta::diff::diff(black_box(&pa), black_box(&pb)))
    });
    c.bench_function(
        "review of two 10k-activity plans (diff, money, two schedules)",
        |bench| bench.iter(|| khutta::diff::Review::new(black_box(&pa), black_box(&pb))),
    );
    c.bench_function(
        "review of two 10k-activity revisions read from git",
        |bench| bench.iter(|| r.review(black_box(a), black_box(b)).unwrap()),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
