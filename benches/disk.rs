//! The plan on disk while the TUI is open, and the operation log.
//!
//! - A one-file change in a 10,000-activity plan, from the write on disk to the redrawn frame:
//!   the watcher notices it, the runner reads the file on a thread of its own, the document
//!   takes it in, the frame is drawn. Target: 50 ms.
//! - `op log` and `op undo` on a log of 1,000 operations. Target: 200 ms.
//! - Opening a 10,000-activity plan (load, check, schedule) never opened at its path: never
//!   opened at all (an empty parse cache, filled by the open), and a fresh copy of a plan
//!   opened elsewhere (the cache shared by content); beside them, no cache and a one-file
//!   change. Target: 100 ms.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark"
)]

#[path = "common/generate.rs"]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use khutta::document::Document;
use khutta::model::Lang;
use khutta::repo::oplog::{OpKind, OpLog};
use khutta::tui::action::{Action, Command};
use khutta::tui::app::App;
use khutta::tui::effects::{Host, Runner};
use khutta::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

struct NoEditor;

impl Host for NoEditor {
    fn external_editor(&mut self, _: &str) -> Result<String, khutta::i18n::Said> {
        Err(khutta::said!(
            "editor-cannot-run",
            editor = "-",
            detail = "-"
        ))
    }
}

/// Rewrites one activity's file as another program would (a new progress each time).
fn write_outside(root: &Path, rel: &str, round: usize) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut a: khutta::model::Activity = khutta::store::from_ron(&text).unwrap();
    a.progress = u8::try_from(round % 97).unwrap();
    khutta::store::write_atomic(&path, khutta::store::to_canonical(&a).unwrap().as_bytes())
        .unwrap();
}

fn change_on_disk(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    generate::write(10_000, 1, dir.path()).unwrap();
    let root = dir.path();
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    let rel = loaded
        .sources
        .files
        .iter()
        .find(|(k, _)| *k == khutta::model::EntityKind::Activity)
        .map(|(k, id)| khutta::store::layout::entity_path(*k, id))
        .unwrap();
    let mut app = App::new(
        Document::new(loaded),
        Lang::En,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        Keymap::default(),
    );
    app.update(Action::Resize(120, 40));
    app.update(Action::Command(Command::ScreenActivities));
    let (tx, rx) = mpsc::channel::<Action>();
    let send: khutta::tui::effects::Send = Arc::new(move |a| {
        let _ = tx.send(a);
    });
    let runner = Runner::background(root, Some(state.path().into()), Lang::En, Arc::clone(&send));
    let _watch = khutta::tui::watch::start(root, send).unwrap();
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut round = 0;
    let mut g = c.benchmark_group("disk-10k");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("one file changed on disk, to the redrawn frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let start = Instant::now();
                write_outside(root, &rel, round);
                // Until the document holds the new value and the frame is drawn.
                loop {
                    let action = rx
                        .recv_timeout(Duration::from_secs(5))
                        .expect("the watcher");
                    let took_in = matches!(action, Action::DiskRead(_));
                    let effects = app.update(action);
                    runner.run(&mut app, effects, &mut NoEditor);
                    if took_in {
                        break;
                    }
                }
                t.draw(|f| khutta::tui::view::draw(&app, f)).unwrap();
                total += start.elapsed();
                // What the status line's "who" lookup sends back is not part of the measure.
                while let Ok(a) = rx.recv_timeout(Duration::from_millis(30)) {
                    let effects = app.update(a);
                    runner.run(&mut app, effects, &mut NoEditor);
                }
            }
            total
        })
    });
    g.finish();
}

fn op_log(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let root = dir.path();
    generate::write(200, 1, root).unwrap();
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    let files: Vec<String> = loaded
        .sources
        .files
        .iter()
        .filter(|(k, _)| *k == khutta::model::EntityKind::Activity)
        .take(100)
        .map(|(k, id)| khutta::store::layout::entity_path(*k, id))
        .collect();
    let log = OpLog::open(root, Some(state.path())).unwrap();
    for i in 0..1_000 {
        let rel = &files[i % files.len()];
        log.record(OpKind::Save, std::slice::from_ref(rel)).unwrap();
        write_outside(root, rel, i);
    }
    // Each round starts from the same log of 1,000 operations and the same files: the log
    // would otherwise grow by the undos themselves.
    let journal = state
        .path()
        .join("ops")
        .join(format!("{}.git", khutta::store::path_key(root).unwrap()));
    let tip = git2::Repository::open_bare(&journal)
        .unwrap()
        .refname_to_id(khutta::repo::oplog::OPS_REF)
        .unwrap();
    let saved: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(root.join(f)).unwrap()))
        .collect();
    let restore = || {
        git2::Repository::open_bare(&journal)
            .unwrap()
            .reference(khutta::repo::oplog::OPS_REF, tip, true, "bench")
            .unwrap();
        // Written durably here, so that the measured undo does not flush these writes too.
        for (f, bytes) in &saved {
            khutta::store::write_atomic(&root.join(f), bytes).unwrap();
        }
    };
    let mut g = c.benchmark_group("op-log-1000");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("op log of 1,000 operations", |b| {
        b.iter(|| {
            let log = OpLog::open(root, Some(state.path())).unwrap();
            assert!(log.list(1_000).unwrap().len() >= 1_000);
        })
    });
    g.bench_function(
        "op undo to before operation 500 of 1,000 (100 files put back)",
        |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    let log = OpLog::open(root, Some(state.path())).unwrap();
                    let undone = log.undo(500).unwrap();
                    total += start.elapsed();
                    assert_eq!(undone.files.len(), 100);
                    restore();
                }
                total
            })
        },
    );
    g.finish();
}

fn open_unseen(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let opened = dir.path().join("opened");
    generate::write(10_000, 1, &opened).unwrap();
    let open = |root: &Path, cache: Option<&Path>| {
        let opened = khutta::workspace::open_folder(root, cache).unwrap();
        assert_eq!(opened.0.plan.activities.len(), 10_000);
        opened
    };
    let mut g = c.benchmark_group("open-10k");
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("no parse cache", |b| {
        b.iter(|| open(&opened, None));
    });
    g.bench_function("never opened: an empty parse cache, filled", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |store| open(&opened, Some(store.path())),
            criterion::BatchSize::PerIteration,
        );
    });
    // The plan opened at one path fills the store; a copy of it elsewhere (a fresh clone) has
    // never been opened, and finds every file in the store all the same.
    let store = tempfile::tempdir().unwrap();
    open(&opened, Some(store.path()));
    let mut at = opened;
    let mut moves = 0;
    g.bench_function("a fresh clone of a plan opened elsewhere", |b| {
        b.iter_batched(
            || {
                // Each time at a path never opened before.
                moves += 1;
                let next = dir.path().join(format!("clone-{moves}"));
                std::fs::rename(&at, &next).unwrap();
                at = next.clone();
                next
            },
            |root| open(&root, Some(store.path())),
            criterion::BatchSize::PerIteration,
        );
    });
    let clone = at;
    let rel = "activities/act-000000.ron";
    let mut round = 0;
    g.bench_function("one file changed since the last open", |b| {
        b.iter_batched(
            || {
                round += 1;
                write_outside(&clone, rel, round);
            },
            |()| open(&clone, Some(store.path())),
            criterion::BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, open_unseen, op_log, change_on_disk);
criterion_main!(benches);

#[path = "../src/alloc.rs"]
mod alloc;
