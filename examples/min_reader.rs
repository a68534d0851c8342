//! The least a program must do to hold a plan's files in memory, as a baseline for khutta's
//! own memory and time: `min_reader PLAN_DIR [bytes|model|value]`.
//!
//! It walks the plan folder on one thread, reads every `.ron` file and keeps, until the end:
//! - `bytes`: each file's bytes, nothing parsed;
//! - `model` (the default): each entity file RON-parsed into khutta's own model type
//!   (`Activity`, `Partner`, ...), as serde gives it: no normalising, checks, schedule or cache;
//! - `value`: each file RON-parsed into a generic `ron::Value` (maps of strings: far larger).
//!
//! `scripts/bench-memory` and `scripts/bench-open` run it next to `khutta check` on the same plan.

use std::path::{Path, PathBuf};
use std::time::Instant;

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files),
            Ok(t) if t.is_file() && path.extension().is_some_and(|x| x == "ron") => {
                files.push(path)
            }
            _ => {}
        }
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: min_reader PLAN_DIR");
        std::process::exit(2);
    };
    let started = Instant::now();
    let mut files = Vec::new();
    walk(&dir, &mut files);
    let mode = std::env::args().nth(2).unwrap_or_else(|| "model".into());
    let mut held: Vec<Held> = Vec::with_capacity(files.len());
    let mut failed = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let value = match mode.as_str() {
            "bytes" => Some(Held::Bytes(text.into_bytes())),
            "value" => ron::from_str(&text).ok().map(Held::Value),
            _ => model(path, &text),
        };
        match value {
            Some(v) => held.push(v),
            None => failed += 1,
        }
    }
    println!(
        "{mode}: {} files read, {} held, {failed} not parsed, {:.0} ms",
        files.len(),
        held.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    std::hint::black_box(&held);
}

/// What is kept of one file.
#[expect(dead_code, reason = "only held, to be measured")]
enum Held {
    Bytes(Vec<u8>),
    Value(ron::Value),
    Activity(Box<khutta::model::Activity>),
    Other(Box<dyn std::any::Any>),
}

/// The file parsed into the model type its folder holds.
fn model(path: &Path, text: &str) -> Option<Held> {
    use khutta::model::{Beneficiary, FundingSource, Partner, PlanMeta};
    let folder = path.parent()?.file_name()?.to_str()?;
    let any = |v: Box<dyn std::any::Any>| Some(Held::Other(v));
    match folder {
        "activities" => khutta::store::from_ron(text)
            .ok()
            .map(|a| Held::Activity(Box::new(a))),
        "partners" => any(Box::new(khutta::store::from_ron::<Partner>(text).ok()?)),
        "beneficiaries" => any(Box::new(khutta::store::from_ron::<Beneficiary>(text).ok()?)),
        "funding" => any(Box::new(
            khutta::store::from_ron::<FundingSource>(text).ok()?,
        )),
        _ => any(Box::new(khutta::store::from_ron::<PlanMeta>(text).ok()?)),
    }
}

#[path = "../src/alloc.rs"]
mod alloc;
