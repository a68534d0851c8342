//! Export and import speed on a generated plan of 10,000 activities (target: every export
//! within 1 s, every import within 2 s).
//!
//! The plan comes from the generator shared with
//! `cargo run --release --example gen_plan -- N SEED OUT_DIR`, written to a temporary folder
//! and loaded back, so that the plan exported is exactly what a user's disk would hold.
//! Run with `cargo bench --bench exchange`.

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
    let n = 10_000;
    let Some((_dir, loaded)) = plan_on_disk(n) else {
        eprintln!("could not write a plan of {n} activities to a temporary folder");
        return;
    };
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    let mut group = c.benchmark_group(format!("export {n} activities"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for lang in [khutta::model::Lang::En, khutta::model::Lang::Ar] {
        let messages = khutta::i18n::Messages::new(lang);
        let options = khutta::export::html::Options {
            messages: &messages,
            today,
        };
        group.bench_function(format!("html ({})", lang.tag()), |b| {
            b.iter(|| khutta::export::html::report(black_box(plan), &schedule, &options).len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
