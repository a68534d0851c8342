//! Scheduling speed on generated plans of 10,000 and 100,000 activities.
//!
//! The plans come from the generator shared with
//! `cargo run --release --example gen_plan -- N SEED OUT_DIR`, written to a temporary folder
//! and loaded back, so that the plan scheduled is exactly what a user's disk would hold.
//! Run with `cargo bench --bench schedule`.

#![allow(missing_docs, reason = "a benchmark")]

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// Writes a generated plan of `n` activities and loads it back.
fn plan_on_disk(n: usize) -> Option<(tempfile::TempDir, khutta::store::LoadedPlan)> {
    let dir = tempfile::tempdir().ok()?;
    let plan = generate::generate(n, 7);
    khutta::store::write_new_plan(dir.path(), &plan).ok()?;
    let loaded = khutta::store::load(dir.path()).ok()?;
    Some((dir, loaded))
}

fn bench(c: &mut Criterion) {
    for n in [10_000, 100_000] {
        let Some((dir, loaded)) = plan_on_disk(n) else {
            eprintln!("could not write a plan of {n} activities to a temporary folder");
            continue;
        };
        let mut group = c.benchmark_group(format!("{n} activities"));
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        group.bench_function("schedule", |b| {
            b.iter(|| khutta::schedule::schedule(black_box(&loaded.plan)))
        });
        group.bench_function("check (with schedule)", |b| {
            b.iter(|| khutta::workspace::diagnostics(black_box(&loaded)))
        });
        group.bench_function("load + check + schedule", |b| {
            b.iter(|| {
                let (loaded, diagnostics, schedule) =
                    khutta::workspace::open_folder(dir.path(), None).ok()?;
                Some((loaded.plan.activities.len(), diagnostics.len(), schedule))
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
