//! Exchange formats on a generated plan of 10,000 activities: CSV, iCalendar, the Markdown
//! report, IATI, MS Project XML and the HTML report out; CSV, MS Project XML and IATI back in. Targets: every
//! export within 1 s, every import within 2 s.
//!
//! The plan comes from the generator shared with
//! `cargo run --release --example gen_plan -- N SEED OUT_DIR`, written to a temporary folder
//! and loaded back, so that what is exported is exactly what a user's disk would hold.
//! Run with `cargo bench --bench exchange`.

#![allow(missing_docs, reason = "a benchmark")]

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::export::Input;
use khutta::import::csv::{Source, Sources};
use khutta::model::{Id, Lang, OrgRole};
use std::hint::black_box;
use std::time::Duration;

/// The generated plan on disk and loaded back, with a partner that reports it to IATI.
fn plan_on_disk(n: usize) -> Option<(tempfile::TempDir, khutta::model::Plan)> {
    let dir = tempfile::tempdir().ok()?;
    let mut plan = generate::generate(n, 7);
    let reporter = plan
        .partners
        .get_mut(&Id::new_unchecked("partner-000000"))?;
    reporter.roles.push(OrgRole::Accountable);
    reporter.iati_ref = Some("XI-IATI-EXAMPLE".into());
    khutta::store::write_new_plan(dir.path(), &plan).ok()?;
    let loaded = khutta::store::load(dir.path()).ok()?;
    Some((dir, loaded.plan))
}

fn bench(c: &mut Criterion) {
    let n = 10_000;
    let Some((_dir, plan)) = plan_on_disk(n) else {
        eprintln!("could not write a plan of {n} activities to a temporary folder");
        return;
    };
    let schedule = khutta::schedule::schedule(&plan);
    let input = Input {
        plan: &plan,
        schedule: &schedule,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
        lang: Lang::En,
    };
    let iati_opts = khutta::export::iati::Options::default();
    let mspdi_opts = khutta::export::mspdi::Options::default();
    let iati = khutta::export::iati::export(&plan, &schedule, &iati_opts).unwrap_or_default();
    let mspdi = khutta::export::mspdi::export(&plan, &schedule, &mspdi_opts);
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
    for lang in [Lang::En, Lang::Ar] {
        let messages = khutta::i18n::Messages::new(lang);
        let options = khutta::export::html::Options {
            messages: &messages,
            today: input.today,
        };
        group.bench_function(format!("export html ({})", lang.tag()), |b| {
            b.iter(|| khutta::export::html::report(black_box(&plan), &schedule, &options).len())
        });
    }
    group.bench_function("export iati (with schedule)", |b| {
        b.iter(|| {
            let s = khutta::schedule::schedule(black_box(&plan));
            khutta::export::iati::export(&plan, &s, &iati_opts).map(|v| v.len())
        })
    });
    group.bench_function("export mspdi (with schedule)", |b| {
        b.iter(|| {
            let s = khutta::schedule::schedule(black_box(&plan));
            khutta::export::mspdi::export(&plan, &s, &mspdi_opts).len()
        })
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
    group.bench_function("import mspdi", |b| {
        b.iter(|| {
            khutta::import::mspdi::import("plan.xml", black_box(&mspdi)).map(|p| p.activities.len())
        })
    });
    let linked = khutta::import::iati::Linked::All;
    group.bench_function("import iati", |b| {
        b.iter(|| {
            khutta::import::iati::import("activity.xml", black_box(&iati), &plan, &linked)
                .map(|i| i.partners.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
