//! Export and import speed on a generated plan of 10,000 activities: CSV, iCalendar and the
//! Markdown report out, CSV back in. Targets: each export within 1 s, the import within 2 s.
//!
//! The plan comes from the generator shared with the other benches
//! (`cargo run --release --example gen_plan -- N SEED OUT_DIR`). Run with
//! `cargo bench --bench exchange`.

#![allow(missing_docs, reason = "a benchmark")]

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::export::Input;
use khutta::import::csv::{Source, Sources};
use khutta::model::Lang;
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let n = 10_000;
    let plan = generate::generate(n, 7);
    let schedule = khutta::schedule::schedule(&plan);
    let input = Input {
        plan: &plan,
        schedule: &schedule,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
        lang: Lang::En,
    };
    let mut group = c.benchmark_group(format!("{n} activities"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("export csv (3 files)", |b| {
        b.iter(|| khutta::export::csv::export(black_box(&input)))
    });
    let options = khutta::export::ics::Options {
        activities: true,
        partner: None,
    };
    group.bench_function("export ics (--activities)", |b| {
        b.iter(|| khutta::export::ics::export(black_box(&input), &options))
    });
    group.bench_function("export markdown", |b| {
        b.iter(|| khutta::export::markdown::export(black_box(&input)))
    });
    let activities = khutta::export::csv::activities(&input);
    let budget = khutta::export::csv::budget(&input);
    let mut empty = plan.clone();
    empty.activities.clear();
    group.bench_function("import csv (into a plan without activities)", |b| {
        b.iter(|| {
            let sources = Sources {
                activities: Some(Source {
                    name: "activities.csv",
                    bytes: activities.as_bytes(),
                }),
                budget: Some(Source {
                    name: "budget.csv",
                    bytes: budget.as_bytes(),
                }),
            };
            let imported = khutta::import::csv::import(black_box(&empty), sources);
            imported.map(|p| p.activities.len()).unwrap_or_default()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
