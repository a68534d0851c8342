//! `khutta export html`: the report of the bundled plan opened in headless Chromium, in English
//! and Arabic. The page must load without a console message, an error or a request to the
//! network; every mark of the Gantt chart must sit, as rendered, on the days
//! `khutta schedule --format json` gives; the Arabic chart must run right to left; the chart's
//! blocks must fit a printed page; the PDF must print. A screenshot at 1280x800 and the PDF of
//! each language are kept under `target/test-artefacts/`.
//!
//! Chromium is driven through the DevTools protocol over a pipe by a small Node script
//! (`export_html/driver.mjs`, no npm package). Both come from Debian (`scripts/test` installs
//! them); without them the test fails and says how to install them.

use crate::support::cmd::{TODAY, khutta, test_home};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const INSTALL: &str = "apt-get install chromium nodejs (scripts/test installs them)";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled() -> PathBuf {
    repo().join("plans/open-government-nua")
}

/// Where the screenshots and PDFs are kept for a person to look at.
fn artefacts() -> PathBuf {
    let dir = repo().join("target/test-artefacts");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// The Chromium binary: `KHUTTA_CHROMIUM`, else `chromium` on the PATH.
fn chromium() -> PathBuf {
    let found = std::env::var_os("KHUTTA_CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path("chromium"))
        .or_else(|| on_path("chromium-browser"));
    found.unwrap_or_else(|| panic!("headless Chromium is needed: {INSTALL}"))
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Writes the report of the bundled plan in `lang` and returns its path.
fn export(dir: &Path, lang: &str) -> PathBuf {
    let out = dir.join(format!("report-{lang}.html"));
    let run = khutta(repo())
        .args(["export", "html"])
        .arg(bundled())
        .arg("--out")
        .arg(&out)
        .args(["--lang", lang])
        .output()
        .expect("khutta runs");
    assert!(
        run.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        run.stdout.is_empty(),
        "with --out, nothing on standard output"
    );
    out
}

/// Opens `file` in Chromium; the screenshot and PDF go to `prefix`.png and `prefix`.pdf.
fn open_in_chromium(file: &Path, prefix: &Path) -> Value {
    let chromium = chromium();
    let driver = repo().join("tests/cli/export_html/driver.mjs");
    let run = Command::new("node")
        .arg(&driver)
        .arg(&chromium)
        .arg(file)
        .arg(prefix)
        .env("HOME", test_home())
        .output()
        .unwrap_or_else(|e| panic!("node runs ({e}): {INSTALL}"));
    assert!(
        run.status.success(),
        "the Chromium driver failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "the driver's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&run.stdout)
        )
    })
}

/// `khutta schedule --format json` of the bundled plan.
fn schedule() -> Value {
    let run = khutta(repo())
        .args(["schedule", "--format", "json"])
        .arg(bundled())
        .output()
        .expect("khutta runs");
    assert!(run.status.success());
    serde_json::from_slice(&run.stdout).expect("the schedule is JSON")
}

fn f(v: &Value) -> f64 {
    v.as_f64()
        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or(f64::NAN)
}

fn date(v: &Value) -> chrono::NaiveDate {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a date: {v}"))
}

/// Every mark sits, as rendered, on the days the schedule gives its activity.
fn assert_marks_match_schedule(page: &Value, schedule: &Value, rtl: bool) {
    let blocks = page["blocks"].as_array().expect("blocks");
    assert!(!blocks.is_empty(), "no chart");
    let b = &blocks[0];
    let from = date(&b["from"]);
    let (dw, x0) = (f(&b["dayWidth"]), f(&b["x0"]));
    assert_eq!(b["dir"], if rtl { "rtl" } else { "ltr" });
    let marks = page["marks"].as_array().expect("marks");
    let mut checked = 0;
    for a in schedule["activities"].as_array().expect("activities") {
        let id = a["id"].as_str().expect("id");
        let found: Vec<&Value> = marks.iter().filter(|m| m["id"] == id).collect();
        if a["scheduled"] != true {
            assert!(found.is_empty(), "{id}: unscheduled but drawn");
            continue;
        }
        assert_eq!(found.len(), 1, "{id}: one mark");
        let m = found[0];
        assert_eq!(m["start"], a["early_start"], "{id}");
        assert_eq!(m["finish"], a["early_finish"], "{id}");
        assert_eq!(m["critical"], a["critical"], "{id}");
        let s = (date(&a["early_start"]) - from).num_days() as f64;
        let e = (date(&a["early_finish"]) - from).num_days() as f64;
        let (x, w) = (f(&m["x"]), f(&m["width"]));
        if a["shape"] == "milestone" {
            // A diamond centred on its day.
            let centre = if rtl {
                x0 - (e + 0.5) * dw
            } else {
                x0 + (e + 0.5) * dw
            };
            assert!(
                (x + w / 2.0 - centre).abs() < 0.05,
                "{id}: {x}+{w}/2 vs {centre}"
            );
        } else {
            let want = if rtl {
                x0 - (e + 1.0) * dw
            } else {
                x0 + s * dw
            };
            assert!((x - want).abs() < 0.05, "{id}: x {x}, want {want}");
            assert!(
                (w - (e - s + 1.0) * dw).abs() < 0.05,
                "{id}: width {w}, want {}",
                (e - s + 1.0) * dw
            );
        }
        checked += 1;
    }
    assert!(checked > 40, "only {checked} marks checked");
    // On screen, the earliest activity is at the start of the reading direction.
    let first = marks
        .iter()
        .min_by_key(|m| m["start"].as_str().map(str::to_owned))
        .expect("a mark");
    let (left, right) = (f(&first["left"]), f(&first["right"]));
    for m in marks {
        if rtl {
            assert!(
                f(&m["right"]) <= right + 0.5,
                "{} right of the first",
                m["id"]
            );
        } else {
            assert!(f(&m["left"]) >= left - 0.5, "{} left of the first", m["id"]);
        }
    }
}

/// A report for `lang`: loads cleanly, matches the schedule, fits the page, prints.
fn check_report(lang: &str) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = export(dir.path(), lang);
    let html = std::fs::read_to_string(&file).expect("the report is UTF-8");
    let rtl = lang == "ar";
    let dir_attr = if rtl { "rtl" } else { "ltr" };
    assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir_attr}\">")));
    let prefix = artefacts().join(format!("export-html-{lang}"));
    let page = open_in_chromium(&file, &prefix);
    assert_eq!(
        page["problems"],
        Value::Array(vec![]),
        "console or load problems"
    );
    let requests: Vec<&str> = page["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .filter_map(Value::as_str)
        .filter(|u| !u.starts_with("file:") && !u.starts_with("data:"))
        .collect();
    assert!(
        requests.is_empty(),
        "the page asked the network: {requests:?}"
    );
    let screen = &page["screen"];
    assert_eq!(screen["lang"], lang);
    assert_eq!(screen["dir"], dir_attr);
    let schedule = schedule();
    assert_marks_match_schedule(screen, &schedule, rtl);
    // Today's line on today's day.
    let today = &screen["today"][0];
    assert_eq!(today["date"], TODAY);
    // Printed, every block of the chart fits the page's width and height: nothing is cut.
    let print = &page["print"];
    for b in print["blocks"].as_array().expect("blocks") {
        assert!(f(&b["left"]) >= -0.5, "a block starts off the page: {b}");
        assert!(
            f(&b["right"]) <= f(&print["viewport"]) + 0.5,
            "cut at the edge: {b}"
        );
        assert!(f(&b["height"]) <= 703.0, "taller than a page: {b}");
    }
    let pdf = std::fs::read(prefix.with_extension("pdf")).expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert_eq!(page["pdfBytes"].as_u64(), Some(pdf.len() as u64));
    assert!(pdf.len() > 20_000, "a PDF of {} bytes", pdf.len());
    let png = std::fs::read(prefix.with_extension("png")).expect("the screenshot is written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((size(16), size(20)), (1280, 800), "screenshot size");
}

#[test]
fn english_report_in_chromium() {
    check_report("en");
}

#[test]
fn arabic_report_in_chromium_runs_right_to_left() {
    check_report("ar");
}

/// The driver sees what it must fail on: a console error, a script's exception and a
/// request to the network (here refused by the page's own policy).
#[test]
fn the_driver_reports_console_errors_and_network_requests() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
         <img src=\"http://127.0.0.1:9/x.png\"><script>console.error('boom'); null.x;</script>\
         </body></html>",
    )
    .expect("write the page");
    let report = open_in_chromium(&page, &dir.path().join("bad"));
    let problems = report["problems"].to_string();
    assert!(problems.contains("boom"), "{problems}");
    assert!(problems.contains("exception"), "{problems}");
    let requests = report["requests"].to_string();
    assert!(requests.contains("127.0.0.1:9"), "{requests}");
}

/// Without `--out` the report goes to standard output; a folder that does not exist is an
/// error that says so.
#[test]
fn standard_output_and_a_bad_path() {
    let out = khutta(repo())
        .args(["export", "html"])
        .arg(bundled())
        .output()
        .expect("khutta runs");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"<!DOCTYPE html>"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = khutta(repo())
        .args(["export", "html"])
        .arg(bundled())
        .arg("--out")
        .arg(dir.path().join("missing/report.html"))
        .output()
        .expect("khutta runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write"), "{err}");
    assert!(err.contains("hint"), "{err}");
}
