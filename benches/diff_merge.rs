//! Diff and merge of two revisions of a 10,000-activity plan, each touching about 1% of the
//! activities. Target: each within 100 ms.
//!
//! `cargo bench --bench diff_merge`. The plan is the generator's of `examples/gen_plan.rs`
//! (included here, so the bench needs no files); the measured code is the pure core only.

#![allow(clippy::unwrap_used, reason = "a bench fails by panicking")]

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::model::{Activity, Amount, Dependency, Id, Plan, Status, Text};
use std::hint::black_box;

#[path = "common/generate.rs"]
mod gen_plan;

const ACTIVITIES: usize = 10_000;

/// The English messages, in which the expected texts are written.
fn en() -> khutta::i18n::Messages {
    khutta::i18n::Messages::new(khutta::model::Lang::En)
}

fn act(p: &mut Plan, i: usize) -> Option<&mut Activity> {
    p.activities.get_mut(format!("act-{i:06}").as_str())
}

/// Ours: 1% of the activities retitled and started, ten new ones.
fn ours(base: &Plan) -> Plan {
    let mut p = base.clone();
    for i in (3..ACTIVITIES).step_by(100) {
        if let Some(a) = act(&mut p, i) {
            a.title.en = Some(format!("Activity {i}, revised"));
            a.status = Status::InProgress;
            a.progress = 10;
        }
    }
    for i in 0..10 {
        let id = Id::new_unchecked(format!("ours-new-{i}"));
        p.activities.insert(
            id.clone(),
            Activity::new(id, Text::en("New on our side"), 5),
        );
    }
    p
}

/// Theirs: another 1% with a longer lag and a tag, half of ours' activities given Arabic
/// titles (other fields than ours), a funding source enlarged, ten new activities.
fn theirs(base: &Plan) -> Plan {
    let mut p = base.clone();
    for i in (7..ACTIVITIES).step_by(100) {
        if let Some(a) = act(&mut p, i) {
            a.dependencies.iter_mut().for_each(|d| d.lag += 1);
            a.tags.push("reviewed".into());
            a.normalize();
        }
    }
    for i in (3..ACTIVITIES).step_by(200) {
        if let Some(a) = act(&mut p, i) {
            a.title.ar = Some(format!("نشاط {i} منقح"));
        }
    }
    if let Some(f) = p.funding.values_mut().next() {
        f.amount = Amount::parse("200000000").unwrap();
    }
    for i in 0..10 {
        let id = Id::new_unchecked(format!("theirs-new-{i}"));
        p.activities.insert(
            id.clone(),
            Activity::new(id, Text::en("New on their side"), 5),
        );
    }
    p
}

/// Both sides add `loop-a` and `loop-b`; ours makes a wait for b, theirs b for a.
fn with_loop(ours: &Plan, theirs: &Plan) -> (Plan, Plan) {
    let (mut o, mut t) = (ours.clone(), theirs.clone());
    for p in [&mut o, &mut t] {
        for name in ["loop-a", "loop-b"] {
            let id = Id::new_unchecked(name);
            p.activities
                .insert(id.clone(), Activity::new(id, Text::en(name), 1));
        }
    }
    let dep = |to: &str| Dependency {
        activity: Id::new_unchecked(to),
        kind: Default::default(),
        lag: 0,
    };
    if let Some(a) = o.activities.get_mut("loop-a") {
        a.dependencies.push(dep("loop-b"));
    }
    if let Some(b) = t.activities.get_mut("loop-b") {
        b.dependencies.push(dep("loop-a"));
    }
    (o, t)
}

fn bench(c: &mut Criterion) {
    let base = gen_plan::generate(ACTIVITIES, 1);
    let (o, t) = (ours(&base), theirs(&base));
    let r = khutta::diff::merge(&base, &o, &t);
    assert!(
        r.conflicts.is_empty(),
        "{}",
        khutta::diff::render::conflicts(&r.conflicts, &en())
    );
    assert_eq!(r.merged.activities.len(), ACTIVITIES + 20);
    c.bench_function("diff of two 10k-activity revisions", |b| {
        b.iter(|| khutta::diff::diff(black_box(&base), black_box(&o)))
    });
    c.bench_function("merge of two 10k-activity revisions", |b| {
        b.iter(|| khutta::diff::merge(black_box(&base), black_box(&o), black_box(&t)))
    });
    // The same with a dependency cycle that only the merge makes: all three plans are checked.
    let (o, t) = with_loop(&o, &t);
    let r = khutta::diff::merge(&base, &o, &t);
    assert_eq!(
        r.conflicts.len(),
        1,
        "{}",
        khutta::diff::render::conflicts(&r.conflicts, &en())
    );
    c.bench_function(
        "merge of two 10k-activity revisions, with a semantic conflict",
        |b| b.iter(|| khutta::diff::merge(black_box(&base), black_box(&o), black_box(&t))),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
