//! Case folders for the scheduler: `tests/cases/schedule/<name>/` holds a plan folder
//! (`plan/`), the dates and slack worked out by hand (`expected`) and a README with the
//! arithmetic. Each case is loaded from disk, scheduled and compared line by line.
//!
//! `expected` has one line per activity, in id order:
//! `id  early-start early-finish  late-start late-finish  duration  total-slack free-slack  flag`
//! (flag: `critical`, `cancelled` or `-`; an activity on a cycle is `id unscheduled`), then the
//! critical paths, conflicts, cycles and the diagnostics `check` adds. Runs of spaces are
//! not significant.

use khutta::check::format_cycle;
use khutta::schedule::{FixedDate, Schedule, conflict_diagnostics, schedule};
use std::fmt::Write;
use std::path::Path;

fn render(plan: &khutta::model::Plan, s: &Schedule) -> String {
    let mut out = String::new();
    let finish = s.finish.map_or("none".to_owned(), |d| d.to_string());
    let _ = writeln!(out, "finish {finish}");
    for (a, e) in plan.activities.values().zip(&s.entries) {
        let Some(d) = e.dates else {
            let _ = writeln!(out, "{} unscheduled", a.id);
            continue;
        };
        let flag = if e.cancelled {
            "cancelled"
        } else if d.critical {
            "critical"
        } else {
            "-"
        };
        let _ = writeln!(
            out,
            "{} {} {} {} {} {} {} {} {flag}",
            a.id,
            d.early_start,
            d.early_finish,
            d.late_start,
            d.late_finish,
            d.duration,
            d.total_slack,
            d.free_slack
        );
    }
    for p in &s.critical_paths {
        let ids: Vec<&str> = p.iter().map(|i| i.as_str()).collect();
        let _ = writeln!(out, "path {}", ids.join(" -> "));
    }
    for c in &s.conflicts {
        let date = match c.date {
            FixedDate::Start => "start",
            FixedDate::End => "end",
        };
        let via = c
            .via
            .as_ref()
            .map_or(String::new(), |g| format!(" via {g}"));
        let _ = writeln!(
            out,
            "conflict {} {date} fixed {} earliest {} days {} on {} {} {}{via}",
            c.activity,
            c.fixed,
            c.earliest,
            c.days,
            c.predecessor,
            c.kind.code(),
            c.lag
        );
    }
    for c in &s.cycles {
        let _ = writeln!(out, "cycle {}", format_cycle(c));
    }
    for d in conflict_diagnostics(plan, s) {
        let _ = writeln!(out, "{} {} {}", d.code, d.path, d.message);
    }
    out
}

fn normalize(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn schedule_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/schedule");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    assert!(
        dirs.len() >= 10,
        "the schedule cases are missing from {root:?}"
    );
    let mut failed = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let loaded = match khutta::store::load(&dir.join("plan")) {
            Ok(l) => l,
            Err(e) => {
                failed.push(format!("{name}: cannot load: {e}"));
                continue;
            }
        };
        let expected = std::fs::read_to_string(dir.join("expected")).unwrap_or_default();
        assert!(dir.join("README.md").is_file(), "{name} has no README.md");
        let actual = render(&loaded.plan, &schedule(&loaded.plan));
        if normalize(&actual) != normalize(&expected) {
            failed.push(format!("{name}: expected\n{expected}\ngot\n{actual}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n----\n"));
}
