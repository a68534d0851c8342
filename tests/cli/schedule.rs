//! `khutta schedule`: table, JSON and CSV, and where `today` comes from.

use std::process::Command;

/// What a run of `khutta` printed and how it exited.
struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Runs `khutta` from the repository root with `args` and extra environment variables, in
/// the pinned test environment without `KHUTTA_TODAY`.
fn khutta_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_khutta"));
    // The pinned environment (no developer config, no locale), then this module's own date.
    crate::support::cmd::pin_env(&mut cmd);
    cmd.args(args)
        .env_remove("KHUTTA_TODAY")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("khutta runs");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code(),
    }
}

fn khutta(args: &[&str]) -> Run {
    khutta_with(args, &[])
}

/// The bilingual fixture plan, relative to the repository root.
const FIXTURE: &str = "tests/fixtures/bilingual";

#[test]
fn table_of_the_fixture() {
    let run = khutta(&["schedule", FIXTURE, "--today", "2026-02-02"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_holds_every_activity_and_the_critical_path() {
    let run = khutta(&[
        "schedule",
        FIXTURE,
        "--format",
        "json",
        "--today",
        "2026-02-02",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
    let acts = v["activities"].as_array().cloned().unwrap_or_default();
    assert_eq!(acts.len(), 11);
    assert_eq!(v["finish"], "2026-03-09");
    assert_eq!(v["today"], "2026-02-02");
    let first = &v["critical_paths"][0];
    assert_eq!(first[0], "kickoff");
    let launch = acts.iter().find(|a| a["id"] == "launch");
    assert_eq!(launch.map(|a| a["critical"].clone()), Some(true.into()));
    assert_eq!(launch.map(|a| a["shape"].clone()), Some("milestone".into()));
}

#[test]
fn csv_has_a_header_and_a_line_per_activity() {
    let run = khutta(&[
        "schedule",
        FIXTURE,
        "--format",
        "csv",
        "--today",
        "2026-02-02",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 12);
    assert!(lines[0].starts_with("id,kind,status,early_start"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("translation,task,Cancelled,"))
    );
}

#[test]
fn today_comes_from_the_environment_and_bad_dates_are_refused() {
    let run = khutta_with(&["schedule", FIXTURE], &[("KHUTTA_TODAY", "2026-02-24")]);
    assert!(
        run.stdout.contains("today     2026-02-24"),
        "{}",
        run.stdout
    );
    let run = khutta_with(&["schedule", FIXTURE], &[("KHUTTA_TODAY", "soon")]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("KHUTTA_TODAY"), "{}", run.stderr);
}
