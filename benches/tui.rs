//! The TUI on a 10,000-activity plan: the first frame (read, check, build the tree, draw) and
//! a redraw after a key. Targets: 200 ms and 16 ms.

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
use khutta::model::Lang;
use khutta::tui::action::{Action, Command};
use khutta::tui::app::App;
use khutta::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Duration;

fn first_frame(dir: &std::path::Path, cache: Option<&std::path::Path>) -> App {
    let loaded = khutta::store::load_with_cache(dir, cache).unwrap();
    let mut app = App::new(
        Document::new(loaded),
        Lang::En,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        Keymap::default(),
    );
    app.update(Action::Resize(120, 40));
    app.update(Action::Command(Command::ScreenActivities));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
    app
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    generate::write(10_000, 1, dir.path()).unwrap();
    let mut g = c.benchmark_group("tui-10k");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("first frame, no parse cache", |b| {
        b.iter(|| black_box(first_frame(dir.path(), None)))
    });
    first_frame(dir.path(), Some(cache.path()));
    g.bench_function("first frame, warm parse cache", |b| {
        b.iter(|| black_box(first_frame(dir.path(), Some(cache.path()))))
    });
    let mut app = first_frame(dir.path(), Some(cache.path()));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut down = true;
    g.bench_function("key then redraw (activities, 120x40)", |b| {
        b.iter(|| {
            // Alternate so that the cursor keeps moving through the tree.
            let key = if down {
                Command::PageDown
            } else {
                Command::Down
            };
            down = !down;
            app.update(Action::Command(key));
            t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
        })
    });
    // The Overview answers the day's questions (late work, next milestones, the critical
    // path ahead) from the whole plan at every frame.
    app.update(Action::Command(Command::ScreenOverview));
    g.bench_function("key then redraw (overview, 120x40)", |b| {
        b.iter(|| {
            app.update(Action::Command(Command::Down));
            t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
        })
    });
    // The Gantt lays out again at each zoom, around the cursor.
    app.update(Action::Command(Command::ScreenGantt));
    let mut zoom_in = true;
    g.bench_function("zoom then redraw (gantt, 120x40)", |b| {
        b.iter(|| {
            let key = if zoom_in {
                Command::ZoomIn
            } else {
                Command::ZoomOut
            };
            zoom_in = !zoom_in;
            app.update(Action::Command(key));
            t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
