//! `khutta sync` of a one-activity change against a repository of 1,000 commits, over a real
//! `git daemon` on 127.0.0.1. Target: well under a second. Then a plan of 10,000 activities:
//! a sync that only pushes, and one that merges a partner's change to another activity first
//! (target: 200 ms).
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

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::repo::{PlanRepo, SyncOptions};
use std::path::{Path, PathBuf};
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

/// A repository made from the plan folder `from` in `dir/seed` (`more` runs on it before it
/// is served), served bare by a git daemon, and a partner's clone of it with the plan at its
/// top: the daemon (kept alive), the served bare repository's path and the partner's folder.
fn served(
    dir: &Path,
    from: PathBuf,
    more: impl FnOnce(&PlanRepo),
) -> (support::daemon::Daemon, PathBuf, PathBuf) {
    let opts = khutta::repo::InitOptions {
        dir: dir.join("seed"),
        from: Some(from),
        exe: "khutta".into(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    };
    // The signature comes from the environment, as for a partner.
    let r = khutta::repo::init(&opts).unwrap_or_else(|e| {
        panic!("{e}: set GIT_AUTHOR_NAME/EMAIL and GIT_COMMITTER_NAME/EMAIL to run this bench")
    });
    more(&r);
    let served = dir.join("served");
    std::fs::create_dir_all(&served).unwrap();
    support::cmd::git_ok(dir, &["clone", "-q", "--bare", "seed", "served/origin.git"]);
    let daemon = support::daemon::Daemon::start(&served);
    support::cmd::git_ok(dir, &["clone", "-q", &daemon.url("origin.git"), "partner"]);
    let partner = dir.join("partner");
    support::cmd::git_ok(&partner, &["config", "khutta.plan", "."]);
    (daemon, served.join("origin.git"), partner)
}

fn bench(c: &mut Criterion) {
    // `KHUTTA_BENCH_LOG=khutta=debug` shows the steps of each sync with their times.
    if let Ok(filter) = std::env::var("KHUTTA_BENCH_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .try_init();
    }
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let (daemon, _origin, partner) = served(dir.path(), bundled, |r| history(r, 1000));
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

/// An activity's file with its English title changed (a comment would not parse).
fn retitled(text: &str, n: u32) -> String {
    text.replacen("en: \"", &format!("en: \"{n} "), 1)
}

/// A commit on the served branch changing `id`'s file, made straight in the bare repository
/// as a partner's push would leave it.
fn partner_change(served: &git2::Repository, id: &str, n: u32) {
    let sig = git2::Signature::now("Partner", "partner@khutta.invalid").unwrap();
    let parent = served
        .find_reference("refs/heads/main")
        .unwrap()
        .peel_to_commit()
        .unwrap();
    let tree = parent.tree().unwrap();
    let acts = tree
        .get_name("activities")
        .unwrap()
        .to_object(served)
        .unwrap()
        .into_tree()
        .unwrap();
    let name = format!("{id}.ron");
    let text = String::from_utf8(
        served
            .find_blob(acts.get_name(&name).unwrap().id())
            .unwrap()
            .content()
            .to_vec(),
    )
    .unwrap();
    let blob = served.blob(retitled(&text, n).as_bytes()).unwrap();
    let mut ab = served.treebuilder(Some(&acts)).unwrap();
    ab.insert(&name, blob, 0o100644).unwrap();
    let mut root = served.treebuilder(Some(&tree)).unwrap();
    root.insert("activities", ab.write().unwrap(), 0o040000)
        .unwrap();
    let new_tree = served.find_tree(root.write().unwrap()).unwrap();
    served
        .commit(
            Some("refs/heads/main"),
            &sig,
            &sig,
            &format!("partner {n}"),
            &new_tree,
            &[&parent],
        )
        .unwrap();
}

/// A 10,000-activity plan: a sync that pushes one change, and one that first merges a
/// partner's change to another activity.
fn large(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source");
    generate::write(10_000, 1, &source).unwrap();
    let (daemon, origin, partner) = served(dir.path(), source, |_| {});
    let bare = git2::Repository::open_bare(origin).unwrap();
    let pr = PlanRepo::open(&partner).unwrap();
    let ids: Vec<String> = khutta::store::load_with_cache(&partner, None)
        .unwrap()
        .plan
        .activities
        .keys()
        .map(|k| k.to_string())
        .collect();
    // Ours change the first activities, the partner's the last ones: never the same file.
    let ours = |n: u32| partner.join(format!("activities/{}.ron", ids[n as usize % 100]));
    let theirs = |n: u32| ids[ids.len() - 1 - n as usize % 100].clone();
    let mut n = 0u32;
    let mut g = c.benchmark_group("sync-10000-activities");
    g.sample_size(10)
        .sampling_mode(criterion::SamplingMode::Flat)
        .measurement_time(Duration::from_secs(5));
    for merging in [false, true] {
        let name = if merging {
            "merge a partner's change to another activity, then push"
        } else {
            "push one change"
        };
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let file = ours(n);
                    let text = std::fs::read_to_string(&file).unwrap();
                    std::fs::write(&file, retitled(&text, n)).unwrap();
                    khutta::repo::commit(&pr, &format!("bench {n}"), false).unwrap();
                    if merging {
                        partner_change(&bare, &theirs(n), n);
                    }
                    let start = Instant::now();
                    let out =
                        khutta::repo::sync(&pr, &SyncOptions::default(), &mut |_| {}).unwrap();
                    total += start.elapsed();
                    assert!(
                        matches!(
                            out.outcome,
                            khutta::repo::SyncOutcome::Synced {
                                pushed: true,
                                merged,
                                ..
                            } if merged == merging
                        ),
                        "{out:?}"
                    );
                }
                total
            })
        });
    }
    g.finish();
    drop(daemon);
}

criterion_group!(benches, bench, large);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
