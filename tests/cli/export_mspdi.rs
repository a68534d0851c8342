//! `khutta export mspdi` read by MPXJ (a library khutta did not write), `khutta import mspdi`
//! of khutta's own files and of MPXJ's, and the round trip over generated plans.

use crate::generate;
use crate::support::cmd::khutta;
use khutta::model::{ActivityKind, DependencyKind, Id, Lang, Plan, Status, Timing};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const BUNDLED: &str = "plans/open-government-nua";

fn run_in(cwd: &Path, args: &[&str]) -> Output {
    khutta(cwd).args(args).output().expect("khutta runs")
}

fn run(args: &[&str]) -> Output {
    run_in(root(), args)
}

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The Python of the venv scripts/test installs MPXJ into.
fn mpxj_python() -> PathBuf {
    let tools = std::env::var_os("KHUTTA_TEST_TOOLS")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("XDG_CACHE_HOME").map(|c| PathBuf::from(c).join("khutta-test-tools"))
        })
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/khutta-test-tools"))
        })
        .expect("HOME is set");
    tools.join("venv/bin/python")
}

/// Runs tests/tools/mpxj_tool.py with `args`; fails with the install hint when MPXJ is missing.
fn mpxj(args: &[&str]) -> String {
    let python = mpxj_python();
    let out = Command::new(&python)
        .arg(root().join("tests/tools/mpxj_tool.py"))
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{} could not run ({e}): run scripts/test, which installs mpxj and JPype1 into \
                 that venv (MPXJ also needs Java 17: apt-get install openjdk-17-jre-headless)",
                python.display()
            )
        });
    assert!(
        out.status.success(),
        "MPXJ failed (scripts/test installs mpxj and JPype1; Java 17 must be on PATH):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Each activity's (early start, early finish) as `khutta schedule --format json` prints them.
fn schedule_json(plan: &Path) -> BTreeMap<String, (String, String)> {
    let out = ok(run(&["schedule", s(plan), "--format", "json"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    v["activities"]
        .as_array()
        .expect("activities")
        .iter()
        .map(|a| {
            let f = |k: &str| a[k].as_str().unwrap_or_default().to_owned();
            (f("id"), (f("early_start"), f("early_finish")))
        })
        .collect()
}

/// What MPXJ reads from `file`: task id -> [start, finish, baseline start, baseline finish].
fn mpxj_dates(file: &Path) -> BTreeMap<String, Vec<Option<String>>> {
    serde_json::from_str(&mpxj(&["dates", s(file)])).expect("the tool prints JSON")
}

fn generated(dir: &Path, n: usize, seed: u64) -> PathBuf {
    let path = dir.join(format!("generated-{n}-{seed}"));
    khutta::store::write_new_plan(&path, &generate::generate(n, seed)).expect("written");
    path
}

#[test]
fn mspdi_dates_read_by_mpxj_are_khuttas_schedule() {
    let dir = tempfile::tempdir().expect("temp dir");
    for plan in [root().join(BUNDLED), generated(dir.path(), 300, 5)] {
        let file = dir.path().join("export.xml");
        ok(run(&["export", "mspdi", s(&plan), "--out", s(&file)]));
        let ours = schedule_json(&plan);
        let theirs = mpxj_dates(&file);
        assert_eq!(theirs.len(), ours.len(), "{}", plan.display());
        for (id, (start, finish)) in &ours {
            let got = &theirs[id];
            assert_eq!(
                (got[0].as_deref(), got[1].as_deref()),
                (Some(start.as_str()), Some(finish.as_str())),
                "{}: {id}",
                plan.display()
            );
        }
    }
}

#[test]
fn mspdi_written_by_mpxj_imports_to_the_same_schedule() {
    let dir = tempfile::tempdir().expect("temp dir");
    for plan in [root().join(BUNDLED), generated(dir.path(), 200, 9)] {
        let ours = dir.path().join("khutta.xml");
        let theirs = dir.path().join("mpxj.xml");
        ok(run(&["export", "mspdi", s(&plan), "-o", s(&ours)]));
        mpxj(&["rewrite", s(&ours), s(&theirs)]);
        let back = dir.path().join(format!(
            "back-{}",
            plan.file_name().and_then(|n| n.to_str()).unwrap_or("x")
        ));
        ok(run(&["import", "mspdi", s(&theirs), "--into", s(&back)]));
        assert_eq!(
            schedule_json(&back),
            schedule_json(&plan),
            "{}",
            plan.display()
        );
    }
}

#[test]
fn mspdi_baseline_dates_are_the_baselines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("repo");
    ok(run(&["init", s(&plan), "--from", BUNDLED]));
    ok(run_in(&plan, &["baseline", "approved"]));
    // Move one activity after the baseline: its baseline and its dates now differ.
    let file = plan.join("activities/city-selection.ron");
    let text = std::fs::read_to_string(&file).expect("activity");
    assert!(text.contains("days: 20,"));
    std::fs::write(&file, text.replace("days: 20,", "days: 25,")).expect("edited");
    let out = dir.path().join("with-baseline.xml");
    ok(run_in(
        &plan,
        &["export", "mspdi", "--baseline", "approved", "-o", s(&out)],
    ));
    let read = mpxj_dates(&out);
    let now = schedule_json(&plan);
    let note = &read["city-selection"];
    assert_eq!(note[1].as_deref(), Some(now["city-selection"].1.as_str()));
    assert_ne!(note[1], note[3], "the baseline finish is the approved one");
    assert_eq!(note[2], note[0], "same start");
    let missing = run_in(&plan, &["export", "mspdi", "--baseline", "nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no baseline `nope`"));
}

#[test]
fn mspdi_import_errors_are_located_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.xml");
    std::fs::write(&file, "<Project>\n<Tasks>\n<Task><UID>1</UID>\n</Tasks>").expect("written");
    let into = dir.path().join("new");
    let out = run(&["import", "mspdi", s(&file), "--into", s(&into)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!("{}:4:1: error[E072]:", file.display())),
        "{err}"
    );
    assert!(!into.exists());
    std::fs::write(
        &file,
        "<Project>\n <Tasks>\n  <Task><UID>1</UID><Name>A</Name>\n   <PredecessorLink><PredecessorUID>7</PredecessorUID></PredecessorLink>\n   <PredecessorLink><PredecessorUID>1</PredecessorUID><LagFormat>19</LagFormat></PredecessorLink>\n  </Task>\n </Tasks>\n</Project>",
    )
    .expect("written");
    let out = run(&["import", "mspdi", s(&file), "--into", s(&into)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(":4:4: error[E073]: this link names task UID 7"),
        "{err}"
    );
    assert!(
        err.contains(":5:4: error[E073]: a lag given as a percentage"),
        "{err}"
    );
    assert!(!into.exists());
    // An existing plan is never written over.
    let taken = root().join(BUNDLED);
    let ours = dir.path().join("ours.xml");
    ok(run(&["export", "mspdi", BUNDLED, "-o", s(&ours)]));
    let out = run(&["import", "mspdi", s(&ours), "--into", s(&taken)]);
    assert_eq!(out.status.code(), Some(2));
}

/// Status as MSPDI carries it: inactive, finished, started or not.
fn held_status(a: &khutta::model::Activity) -> Status {
    match a.status {
        Status::Cancelled => Status::Cancelled,
        _ if a.kind == ActivityKind::Group => Status::Planned,
        Status::Done => Status::Done,
        _ if a.progress >= 100 => Status::Done,
        Status::InProgress | Status::OnHold => Status::InProgress,
        _ if a.progress > 0 => Status::InProgress,
        s => s,
    }
}

type Held = (
    Option<String>,
    Option<String>,
    String,
    ActivityKind,
    Option<Id>,
    Option<Timing>,
    Vec<(Id, DependencyKind, i32)>,
    u8,
    Status,
    Option<Id>,
);

/// Every field of every activity that MSPDI holds, with the calendar khutta schedules it with.
fn held(plan: &Plan, lang: Lang) -> BTreeMap<Id, Held> {
    let schedule = khutta::schedule::schedule(plan);
    plan.activities
        .values()
        .zip(&schedule.entries)
        .map(|(a, e)| {
            let timing = match (&a.timing, a.status) {
                // A cancelled activity with fixed dates is placed on its start: its end is
                // not in the file (see the book's list of differences).
                (Timing::Fixed { .. }, Status::Cancelled) => None,
                (Timing::Duration { not_before, .. }, _) if a.kind == ActivityKind::Milestone => {
                    Some(Timing::Duration {
                        days: 0,
                        not_before: *not_before,
                    })
                }
                (t, _) => Some(t.clone()),
            };
            let deps = a
                .dependencies
                .iter()
                .filter(|d| plan.activities.contains_key(&d.activity))
                .map(|d| (d.activity.clone(), d.kind, d.lag))
                .collect();
            let calendar = e.calendar.map(|i| plan.meta.calendars[i].id.clone());
            let parent = a.parent.clone().filter(|p| plan.activities.contains_key(p));
            let progress = if a.kind == ActivityKind::Group {
                0
            } else {
                a.progress.min(100)
            };
            let t = (
                a.title.ar.clone().filter(|s| !s.is_empty()),
                a.title.en.clone().filter(|s| !s.is_empty()),
                a.description
                    .get(lang)
                    .or(a.description.get(lang.other()))
                    .unwrap_or("")
                    .to_owned(),
                a.kind,
                parent,
                timing,
                deps,
                progress,
                held_status(a),
                calendar,
            );
            (a.id.clone(), t)
        })
        .collect()
}

fn round_trip(plan: &Plan, lang: Lang) -> Plan {
    let schedule = khutta::schedule::schedule(plan);
    let opts = khutta::export::mspdi::Options {
        lang,
        baseline: None,
    };
    let bytes = khutta::export::mspdi::export(plan, &schedule, &opts);
    khutta::import::mspdi::import("round-trip.xml", &bytes).expect("khutta reads its own MSPDI")
}

fn assert_round_trip(plan: &Plan, lang: Lang) {
    let back = round_trip(plan, lang);
    assert_eq!(held(&back, lang), held(plan, lang));
    let (a, b) = (
        khutta::schedule::schedule(plan),
        khutta::schedule::schedule(&back),
    );
    assert_eq!(
        a.entries.iter().map(|e| e.dates).collect::<Vec<_>>(),
        b.entries.iter().map(|e| e.dates).collect::<Vec<_>>()
    );
    assert_eq!(back.meta.window.start, plan.meta.window.start);
    assert_eq!(back.meta.currency, plan.meta.currency);
    assert_eq!(back.meta.default_calendar, plan.meta.default_calendar);
    let cals = |p: &Plan| -> Vec<_> {
        p.meta
            .calendars
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.weekend.clone(),
                    c.holidays
                        .iter()
                        .map(|h| (h.date, h.until))
                        .collect::<Vec<_>>(),
                )
            })
            .collect()
    };
    assert_eq!(cals(&back), cals(plan));
}

#[test]
fn mspdi_round_trip_keeps_what_mspdi_holds_in_the_fixture_plans() {
    for folder in [BUNDLED, "tests/fixtures/bilingual"] {
        let loaded = khutta::store::load(&root().join(folder)).expect("loads");
        for lang in [Lang::En, Lang::Ar] {
            assert_round_trip(&loaded.plan, lang);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn mspdi_round_trip_keeps_what_mspdi_holds(n in 1usize..400, seed in any::<u64>(), ar in any::<bool>()) {
        let mut plan = generate::generate(n, seed);
        plan.normalize();
        assert_round_trip(&plan, if ar { Lang::Ar } else { Lang::En });
    }
}
