//! `khutta sync` of a one-activity change against a repository of 1,000 commits, over a real
//! `git daemon` on 127.0.0.1. Target: well under a second.
//!
//! `cargo bench --bench sync` (needs the stock git CLI for the daemon).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark"
)]

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::repo::{PlanRepo, SyncOptions};
use std::path::Path;
use std::time::{Duration, Instant};

/// 1,000 commits, each changing one activity's progress, written straight into the object store.
fn history(r: &PlanRepo, commits: usize) {
    let repo = &r.repo;
    let sig = git2::Signature::now("Bench", "bench@khutta.invalid").unwrap();
    let mut parent = repo.head().unwrap().peel_to_commit().unwrap();
    let ids: Vec<String> = khutta::store::load_with_cache(repo.workdir().unwrap(), None)
        .unwrap()
        .plan
        .activities
        .keys()
        .map(|k| k.to_string())
        .collect();
    for i in 0..commits {
        let id = &ids[i % ids.len()];
        let tree = parent.tree().unwrap();
        let acts = tree
            .get_name("activities")
            .unwrap()
            .to_object(repo)
            .unwrap()
            .into_tree()
            .unwrap();
        let entry = acts.get_name(&format!("{id}.ron")).unwrap();
        let text =
            String::from_utf8(repo.find_blob(entry.id()).unwrap().content().to_vec()).unwrap();
        let text = format!("{text}// revision {i}\n");
        let blob = repo.blob(text.as_bytes()).unwrap();
        let mut ab = repo.treebuilder(Some(&acts)).unwrap();
        ab.insert(format!("{id}.ron"), blob, 0o100644).unwrap();
        let mut root = repo.treebuilder(Some(&tree)).unwrap();
        root.insert("activities", ab.write().unwrap(), 0o040000)
            .unwrap();
        let new_tree = repo.find_tree(root.write().unwrap()).unwrap();
        let c = repo
            .commit(
                None,
                &sig,
                &sig,
                &format!("revision {i}"),
                &new_tree,
                &[&parent],
            )
            .unwrap();
        parent = repo.find_commit(c).unwrap();
    }
    repo.reference("refs/heads/main", parent.id(), true, "bench history")
        .unwrap();
    repo.checkout_head(Some(git2::build::CheckoutBuilder::new().force()))
        .unwrap();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let seed = dir.path().join("seed");
    let opts = khutta::repo::InitOptions {
        dir: seed.clone(),
        from: Some(bundled),
        exe: "khutta".into(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    };
    // The signature comes from the environment, as for a partner.
    let r = khutta::repo::init(&opts).unwrap_or_else(|e| {
        panic!("{e}: set GIT_AUTHOR_NAME/EMAIL and GIT_COMMITTER_NAME/EMAIL to run this bench")
    });
    history(&r, 1000);
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    support::cmd::git_ok(
        dir.path(),
        &["clone", "-q", "--bare", "seed", "served/origin.git"],
    );
    let daemon = support::daemon::Daemon::start(&served);
    support::cmd::git_ok(
        dir.path(),
        &["clone", "-q", &daemon.url("origin.git"), "partner"],
    );
    let partner = dir.path().join("partner");
    support::cmd::git_ok(&partner, &["config", "khutta.plan", "."]);
    let pr = PlanRepo::open(&partner).unwrap();
    let file = partner.join("activities/pilot-tunis.ron");
    let mut n = 0u32;
    let mut g = c.benchmark_group("sync-1000-commits");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function(
        "one-activity change, fetch + push over git://127.0.0.1",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let text = std::fs::read_to_string(&file).unwrap();
                    std::fs::write(&file, format!("{text}// bench {n}\n")).unwrap();
                    khutta::repo::commit(&pr, &format!("bench {n}"), false).unwrap();
                    let start = Instant::now();
                    let out =
                        khutta::repo::sync(&pr, &SyncOptions::default(), &mut |_| {}).unwrap();
                    total += start.elapsed();
                    assert!(
                        matches!(
                            out.outcome,
                            khutta::repo::SyncOutcome::Synced { pushed: true, .. }
                        ),
                        "{out:?}"
                    );
                }
                total
            })
        },
    );
    g.finish();
    drop(daemon);
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
