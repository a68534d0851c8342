//! `khutta gantt`: snapshots of the text chart at pinned dates and widths.

use std::path::Path;
use std::process::Command;

/// What a run of `khutta` printed and how it exited.
#[allow(dead_code, reason = "not every test reads every field")]
struct Run {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

/// Runs `khutta` from the repository root with `args` and extra environment variables, in
/// the pinned test environment without `KHUTTA_TODAY`.
#[allow(dead_code, reason = "kept alike in each module")]
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

/// The bundled plan, relative to the repository root.
const BUNDLED: &str = "plans/open-government-nua";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The chart of `plan` on 2026-02-02, 100 columns wide unless `extra` says otherwise.
fn gantt(plan: &str, extra: &[&str]) -> String {
    let mut args = vec!["gantt", plan, "--today", "2026-02-02"];
    if !extra.contains(&"--width") {
        args.extend(["--width", "100"]);
    }
    args.extend_from_slice(extra);
    let run = khutta(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

#[test]
fn fixture_in_english() {
    insta::assert_snapshot!(gantt(FIXTURE, &[]));
}

#[test]
fn fixture_in_ascii_by_day() {
    insta::assert_snapshot!(gantt(
        FIXTURE,
        &[
            "--ascii",
            "--scale",
            "day",
            "--from",
            "2026-01-26",
            "--to",
            "2026-03-13"
        ]
    ));
}

#[test]
fn fixture_in_arabic_by_month() {
    insta::assert_snapshot!(gantt(
        FIXTURE,
        &["--lang", "ar", "--scale", "month", "--width", "60"]
    ));
}

/// With `--bidi app` khutta puts Arabic into display order itself, even into a pipe.
#[test]
fn fixture_in_arabic_in_display_order() {
    insta::assert_snapshot!(gantt(
        FIXTURE,
        &[
            "--lang", "ar", "--bidi", "app", "--scale", "month", "--width", "60"
        ]
    ));
}

/// `check` speaks Arabic: every message, hint and the summary line, with ids and plan paths
/// kept in their order.
#[test]
fn check_in_arabic() {
    let run = khutta(&[
        "--lang",
        "ar",
        "check",
        "tests/cases/check/dangling-references/plan",
    ]);
    assert_eq!(run.code, Some(1));
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn bundled_plan() {
    if !repo().join(BUNDLED).join("plan.ron").is_file() {
        return;
    }
    insta::assert_snapshot!(gantt(BUNDLED, &[]));
}

#[test]
fn bundled_plan_in_ascii_by_quarter() {
    if !repo().join(BUNDLED).join("plan.ron").is_file() {
        return;
    }
    insta::assert_snapshot!(gantt(
        BUNDLED,
        &["--ascii", "--scale", "quarter", "--width", "80"]
    ));
}

#[test]
fn to_before_from_is_a_usage_error() {
    let run = khutta(&[
        "gantt",
        FIXTURE,
        "--from",
        "2026-03-01",
        "--to",
        "2026-02-01",
    ]);
    assert_eq!(run.code, Some(2));
}

#[test]
fn control_characters_in_titles_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan_dir = dir.path().join("plan");
    let mut plan = khutta::store::load(&repo().join(FIXTURE)).unwrap().plan;
    if let Some(a) = plan.activities.values_mut().next() {
        a.title = khutta::model::Text::en("Evil\u{1b}[2J title");
    }
    khutta::store::write_new_plan(&plan_dir, &plan).unwrap();
    let path = plan_dir.to_string_lossy().into_owned();
    let run = khutta(&["gantt", &path, "--today", "2026-02-02"]);
    assert!(
        !run.stdout.contains('\u{1b}'),
        "a raw escape reached the terminal"
    );
    assert!(run.stdout.contains("Evil\\u{1b}[2J"), "{}", run.stdout);
}

#[test]
fn activities_on_a_cycle_are_marked() {
    insta::assert_snapshot!(gantt(
        "tests/cases/schedule/cycle/plan",
        &["--ascii", "--width", "60"]
    ));
}

/// The axis names the months in the UI's language: in logical order in a pipe, in display
/// order with `--bidi app`; a chart too narrow for the names numbers the months.
#[test]
fn months_in_arabic() {
    let wide = ["--scale", "month", "--width", "140"];
    let axis = |extra: &[&str]| -> String {
        let out = gantt(BUNDLED, extra);
        out.lines().nth(1).unwrap_or("").to_owned()
    };
    let en = axis(&wide);
    assert!(en.contains("Jan") && en.contains("Sep"), "{en}");
    let ar = axis(&[&["--lang", "ar"][..], &wide].concat());
    assert!(ar.contains("يناير") && ar.contains("سبتمبر"), "{ar}");
    assert!(!ar.contains("Jan"), "{ar}");
    let app = axis(&[&["--lang", "ar", "--bidi", "app"][..], &wide].concat());
    let reversed: String = "يناير".chars().rev().collect();
    assert!(app.contains(&reversed), "{app}");
    // Three months in three columns: no name fits, the numbers do.
    let narrow = gantt(
        FIXTURE,
        &["--lang", "ar", "--scale", "month", "--width", "60"],
    );
    assert!(
        narrow.lines().nth(1).is_some_and(|l| l.trim() == "1 3"),
        "{narrow}"
    );
}

/// The label column takes the room there is, as the TUI's does: a third of a wide chart,
/// so that the five city assessments and the long titles read whole at 200 columns.
#[test]
fn the_label_column_grows_with_the_width() {
    let wide = gantt(BUNDLED, &["--width", "200"]);
    let narrow = gantt(BUNDLED, &["--width", "100"]);
    let title = "Finalising the joint ESCWA-OECD report";
    let line = |chart: &str| {
        chart
            .lines()
            .find(|l| l.contains("Finalising the joint"))
            .unwrap_or_else(|| panic!("{chart}"))
            .to_owned()
    };
    assert!(line(&wide).contains(title), "{wide}");
    assert!(
        line(&narrow).contains("Finalising the joint ESCWA-OEC…"),
        "{narrow}"
    );
    // Every line as wide as asked, no wider.
    for l in wide.lines() {
        assert!(khutta::text::str_width(l) <= 200, "{l}");
    }
}
