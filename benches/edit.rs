//! An edit, an undo and a redo on a large plan, each to the redrawn frame: what a coordinator
//! waits for after every change. Target: 16 ms at 100,000 activities.
//!
//! `cargo bench --bench edit`. The plan is generated in memory (not read from disk: opening is
//! measured by the `tui` and `disk` benches); the App shows the Activities screen at 120x40,
//! and the edit changes the duration of an activity that others depend on (and, in a second
//! case, its progress, which moves no date).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark"
)]

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::document::Document;
use khutta::edit::Edit;
use khutta::model::{Entity, EntityKind, Id, Lang, Timing};
use khutta::store::{LoadedPlan, Sources};
use khutta::tui::action::{Action, Command};
use khutta::tui::app::App;
use khutta::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

fn app(n: usize) -> App {
    let plan = generate::generate(n, 1);
    let loaded = LoadedPlan {
        root: std::env::temp_dir(),
        plan,
        meta_readable: true,
        sources: Sources::default(),
        diagnostics: Vec::new(),
    };
    let mut app = App::new(
        Document::new(loaded),
        Lang::En,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        Keymap::default(),
    );
    app.update(Action::Resize(120, 40));
    app.update(Action::Command(Command::ScreenActivities));
    app
}

/// An activity with dependants, near the start of the plan, so that a change of its duration
/// moves a large part of the schedule.
fn moved_activity(app: &App) -> Id {
    let plan = &app.shared.doc.plan;
    plan.activities
        .values()
        .find(|a| {
            matches!(a.timing, Timing::Duration { .. })
                && plan
                    .activities
                    .values()
                    .any(|b| b.dependencies.iter().any(|d| d.activity == a.id))
        })
        .map(|a| a.id.clone())
        .expect("the generated plan has dependencies")
}

/// Sets the duration of `id` to `days`, or, with `progress`, its progress to `days`.
fn set_days(app: &mut App, id: &Id, days: u32, progress: bool) {
    let field = if progress { "progress" } else { "timing" };
    let edit = Edit::update(&app.shared.doc.plan, EntityKind::Activity, id, field, |e| {
        if let Entity::Activity(a) = e {
            if progress {
                a.progress = days as u8;
            } else if let Timing::Duration { days: d, .. } = &mut a.timing {
                *d = days;
            }
        }
        Ok::<(), ()>(())
    })
    .unwrap()
    .unwrap();
    khutta::tui::editing::apply(&mut app.shared, Ok(edit));
    // Any action ends by bringing the views up to date with the document.
    app.update(Action::Resize(120, 40));
}

fn bench(c: &mut Criterion) {
    for n in [10_000, 100_000] {
        let mut app = app(n);
        let id = moved_activity(&app);
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut g = c.benchmark_group(format!("edit-{}k", n / 1000));
        g.sample_size(10).measurement_time(Duration::from_secs(10));
        let mut days = 1;
        g.bench_function("edit a duration then redraw", |b| {
            b.iter(|| {
                days = days % 40 + 1;
                set_days(&mut app, &id, days, false);
                t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
            })
        });
        let mut undo = true;
        g.bench_function("undo or redo a duration then redraw", |b| {
            b.iter(|| {
                let key = if undo { Command::Undo } else { Command::Redo };
                undo = !undo;
                app.update(Action::Command(key));
                t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
            })
        });
        // Progress moves no date: the schedule's passes do not run again.
        g.bench_function("edit a progress then redraw", |b| {
            b.iter(|| {
                days = days % 40 + 1;
                set_days(&mut app, &id, days, true);
                t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
