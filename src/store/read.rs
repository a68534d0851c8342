//! Reading single files: size limit, UTF-8, `plan.ron` with its format version, and a small
//! work-sharing loop that spreads files over the machine's cores.

use super::layout::PLAN_FILE;
use super::parse::{MAX_FILE_BYTES, decode, parse};
use crate::check::{Code, Diagnostic};
use crate::model::{FORMAT_VERSION, Id, PlanMeta};
use crate::said;
use serde::Deserialize;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Reads `plan.ron`, refusing a format newer than this khutta before looking at any field;
/// returns the hash of its bytes (when they could be read) and the plan's own fields.
pub(super) fn read_meta(
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<u64>, Option<PlanMeta>) {
    #[derive(Deserialize)]
    #[serde(rename = "PlanMeta")]
    struct FormatOnly {
        format: u32,
    }
    let (hash, text) = read_text(path, PLAN_FILE);
    let text = match text {
        Ok(t) => t,
        Err(d) => {
            diagnostics.push(d);
            return (hash, None);
        }
    };
    if let Ok(FormatOnly { format }) = super::format::from_ron::<FormatOnly>(&text)
        && format > FORMAT_VERSION
    {
        let d = Diagnostic::plan(
            Code::FormatVersion,
            said!(
                "check-format-newer",
                format = format,
                supported = FORMAT_VERSION
            ),
            said!("check-format-newer-hint"),
        )
        .at("format");
        diagnostics.push(d);
        return (hash, None);
    }
    match parse::<PlanMeta>(PLAN_FILE, &text) {
        Ok(m) => (hash, Some(m)),
        Err(d) => {
            diagnostics.push(d);
            (hash, None)
        }
    }
}

/// Stands in for an unreadable `plan.ron` so that the entity files can still be checked.
pub(crate) fn placeholder_meta() -> PlanMeta {
    let day = chrono::NaiveDate::MIN;
    PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("unreadable"),
        title: crate::model::Text::en("(plan.ron could not be read)"),
        summary: Default::default(),
        window: crate::model::Window {
            start: day,
            end: chrono::NaiveDate::MAX,
        },
        currency: crate::model::Currency::new_unchecked("XXX"),
        exchange_rates: Vec::new(),
        calendars: Vec::new(),
        default_calendar: None,
        sdg_goals: Vec::new(),
        sdg_targets: Vec::new(),
        countries: Vec::new(),
        cities: Vec::new(),
    }
}

/// The hash by which khutta knows a file's content: XXH3 of its bytes. It tells a file that
/// changed on disk from one khutta wrote itself, and guards every save against writing over
/// content khutta has not read.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Reads a file as UTF-8 text within the size limit, with the hash of its bytes when they
/// could be read.
pub(super) fn read_text(path: &Path, rel: &str) -> (Option<u64>, Result<String, Diagnostic>) {
    let unreadable = |e: std::io::Error| {
        Diagnostic::file(
            Code::Unreadable,
            rel,
            (1, 1),
            said!("check-unreadable", detail = &e),
            said!("check-unreadable-hint"),
        )
    };
    // Reading at most one byte past the limit tells a too-large file without asking the file
    // system for its size first: at 100,000 files, every system call saved counts.
    let mut bytes = Vec::with_capacity(4096);
    if let Err(e) = super::open_plain(path).and_then(|f| {
        std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes)
    }) {
        return (None, Err(unreadable(e)));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return (
            None,
            Err(Diagnostic::file(
                Code::TooLarge,
                rel,
                (1, 1),
                said!("check-too-large", size = size, max = MAX_FILE_BYTES),
                said!("check-too-large-hint"),
            )),
        );
    }
    let hash = Some(content_hash(&bytes));
    // Taking the buffer as it is saves copying every file once more.
    let text = match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => Err(decode(rel, e.as_bytes()).err().unwrap_or_else(|| {
            Diagnostic::file(
                Code::NotUtf8,
                rel,
                (1, 1),
                said!("check-not-utf8"),
                said!("check-not-utf8-hint"),
            )
        })),
    };
    (hash, text)
}

/// Applies `work` to every item in place on `threads` threads. Items are handed out a few at a
/// time, so that one thread never waits for another with a run of large files; nothing is
/// collected, moved or sorted afterwards.
pub(crate) fn parallel_mut<T: Send>(items: &mut [T], threads: usize, work: impl Fn(&mut T) + Sync) {
    if threads <= 1 {
        items.iter_mut().for_each(work);
        return;
    }
    let chunks = Mutex::new(items.chunks_mut(16));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let chunk = chunks.lock().ok().and_then(|mut c| c.next());
                    let Some(chunk) = chunk else { break };
                    chunk.iter_mut().for_each(&work);
                }
            });
        }
    });
}

/// Applies `work` to every item on `threads` threads, keeping the items' order.
pub(crate) fn parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    mine.push((i, work(item)));
                }
                if let Ok(mut all) = results.lock() {
                    all.append(&mut mine);
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}
