//! Times each phase of opening a plan folder: `phases PLAN_DIR [ROUNDS]`.
//!
//! A release-mode companion to `cargo bench --bench schedule`, for finding where the time of
//! load + check + schedule goes: `cargo run --release --example phases -- /tmp/g10k 10`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: phases PLAN_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut best = [Duration::MAX; 4];
    for _ in 0..rounds {
        let t0 = Instant::now();
        let Ok(loaded) = khutta::store::load(&dir) else {
            eprintln!("could not load {}", dir.display());
            std::process::exit(1);
        };
        let t1 = Instant::now();
        let unread = khutta::check::Unread::default();
        let found = khutta::check::check(&loaded.plan, &unread);
        let t2 = Instant::now();
        let schedule = khutta::schedule::schedule(&loaded.plan);
        let t3 = Instant::now();
        let all = khutta::workspace::analyse(&loaded);
        let t4 = Instant::now();
        std::hint::black_box((&found, &schedule, &all));
        for (slot, d) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) {
            *slot = (*slot).min(d);
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "load {:.1} ms; alone: check rules {:.1} ms, schedule {:.1} ms; together (workspace::analyse) {:.1} ms (best of {rounds})",
        ms(best[0]),
        ms(best[1]),
        ms(best[2]),
        ms(best[3])
    );
}

#[path = "../src/alloc.rs"]
mod alloc;
