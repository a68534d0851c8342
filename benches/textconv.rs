//! `git log -p -n 1000` on a plan repository of 1,000 commits set up with `khutta git-setup`,
//! so that git runs `khutta diff --textconv` on every plan file it shows. With
//! `diff.khutta.cachetextconv` (which `git-setup` sets) git keeps each conversion in
//! `refs/notes/textconv/khutta` and runs khutta once per blob ever. Target: 2 s warm.
//!
//! `cargo bench --bench textconv` (needs the stock git CLI). The setup prints, once, the
//! first (cold) run and a run without the cache, for comparison.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a bench fails by panicking"
)]

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "common/generate.rs"]
mod gen_plan;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::model::{Id, Plan, Status};
use khutta::repo::plan_to_tree;
use std::path::Path;
use std::time::{Duration, Instant};

const COMMITS: usize = 1_000;

/// Commits `plan` on top of HEAD (or as the first commit).
fn commit(repo: &git2::Repository, plan: &Plan, n: usize) {
    let head = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let keep = head.as_ref().map(|c| c.tree().unwrap());
    let tree = repo
        .find_tree(plan_to_tree(repo, plan, keep.as_ref()).unwrap())
        .unwrap();
    let sig = git2::Signature::new(
        ["Amal", "Karim", "Layla"][n % 3],
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
    .unwrap();
}

/// A plan of 300 activities and 1,000 commits, each changing one activity's progress, status
/// and tags; checked out and set up for khutta by the release binary.
fn history(dir: &Path) {
    let repo =
        git2::Repository::init_opts(dir, git2::RepositoryInitOptions::new().initial_head("main"))
            .unwrap();
    let mut plan = gen_plan::generate(300, 7);
    let ids: Vec<Id> = plan.activities.keys().cloned().collect();
    commit(&repo, &plan, 0);
    for n in 1..COMMITS {
        if let Some(a) = plan.activities.get_mut(&ids[(n * 7) % ids.len()]) {
            a.progress = ((a.progress as usize + 7) % 100) as u8;
            a.status = if a.progress > 0 {
                Status::InProgress
            } else {
                Status::Planned
            };
            a.tags = vec![format!("t{}", n % 5)];
        }
        commit(&repo, &plan, n);
    }
    repo.checkout_head(Some(git2::build::CheckoutBuilder::new().force()))
        .unwrap();
    let mut setup = std::process::Command::new(env!("CARGO_BIN_EXE_khutta"));
    support::cmd::pin_env(&mut setup);
    let out = setup.current_dir(dir).arg("git-setup").output().unwrap();
    assert!(out.status.success(), "{}", support::cmd::transcript(&out));
}

/// Runs `git log -p -n 1000` (with `extra` config first) and returns how long it took.
fn log_p(dir: &Path, extra: &[&str]) -> Duration {
    let start = Instant::now();
    let mut cmd = support::cmd::git(dir);
    for c in extra {
        cmd.args(["-c", c]);
    }
    let out = cmd.args(["log", "-p", "-n", "1000"]).output().unwrap();
    let took = start.elapsed();
    assert!(out.status.success(), "{}", support::cmd::transcript(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    // The converter ran: plan files read as facts, not RON.
    assert!(text.contains("+progress = "), "no textconv in the log");
    took
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    history(dir.path());
    let cold = log_p(dir.path(), &[]);
    let uncached = log_p(dir.path(), &["diff.khutta.cachetextconv=false"]);
    eprintln!(
        "git log -p -n 1000: first run (cache filled) {:.2} s; without the cache {:.2} s",
        cold.as_secs_f64(),
        uncached.as_secs_f64()
    );
    let mut g = c.benchmark_group("textconv-1000-commits");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("git log -p -n 1000, warm cache", |b| {
        b.iter(|| log_p(dir.path(), &[]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
