//! `khutta export markdown`: the report's Gantt chart read by Mermaid's own parser, its tasks
//! compared with khutta's schedule, in English and Arabic.

use crate::support::cmd::{khutta, transcript};
use crate::support::tools;
use khutta::model::{Lang, Plan, Status};
use khutta::schedule::{Schedule, Shape};
use serde_json::Value;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const BUNDLED: &str = "plans/open-government-nua";

fn report(plan: &Path, lang: &str) -> String {
    let run = khutta(repo())
        .args(["--lang", lang, "export", "markdown"])
        .arg(plan)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
    String::from_utf8(run.stdout).unwrap()
}

/// The report's one Mermaid block.
fn mermaid_block(report: &str) -> String {
    let (_, rest) = report.split_once("```mermaid\n").expect("a mermaid block");
    let (block, _) = rest.split_once("```").expect("the block ends");
    block.to_owned()
}

/// Mermaid's tasks for `text`, as its parser and Gantt database see them.
fn mermaid_tasks(text: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chart.mmd");
    std::fs::write(&file, text).unwrap();
    let prefix = tools::mermaid_prefix();
    let run = std::process::Command::new("node")
        .arg(tools::script("mermaid-gantt.mjs"))
        .arg(&file)
        .env("MERMAID_PREFIX", prefix)
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "Mermaid refused the chart: {}\n{text}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&run.stdout).unwrap()
}

/// Each scheduled task and milestone as Mermaid should read it: id, label, start, end and
/// its tags.
fn expected(plan: &Plan, schedule: &Schedule, lang: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    for (a, e) in plan.activities.values().zip(&schedule.entries) {
        let Some(d) = e.dates else { continue };
        if e.shape == Shape::Group || e.cancelled {
            continue;
        }
        let milestone = e.shape == Shape::Milestone;
        let end = if milestone {
            d.early_start
        } else {
            d.early_finish + chrono::Days::new(1)
        };
        out.push(serde_json::json!({
            "id": khutta::export::markdown::task_id(&a.id),
            "task": khutta::export::markdown::label(a.title.show(lang)),
            "start": format!("{}T00:00:00.000Z", d.early_start),
            "end": format!("{end}T00:00:00.000Z"),
            "crit": d.critical,
            "done": a.status == Status::Done,
            "active": a.status == Status::InProgress,
            "milestone": milestone,
        }));
    }
    out.sort_by_key(|v| v["id"].as_str().unwrap_or_default().to_owned());
    out
}

fn as_read(tasks: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = tasks
        .iter()
        .map(|t| {
            serde_json::json!({
                "id": t["id"],
                "task": t["task"].as_str().unwrap_or_default().trim(),
                "start": t["start"],
                "end": t["end"],
                "crit": t["crit"].as_bool().unwrap_or(false),
                "done": t["done"].as_bool().unwrap_or(false),
                "active": t["active"].as_bool().unwrap_or(false),
                "milestone": t["milestone"].as_bool().unwrap_or(false),
            })
        })
        .collect();
    out.sort_by_key(|v| v["id"].as_str().unwrap_or_default().to_owned());
    out
}

#[test]
fn the_gantt_chart_is_mermaid_that_holds_khuttas_schedule() {
    let plan = repo().join(BUNDLED);
    let loaded = khutta::store::load(&plan).unwrap().plan;
    let schedule = khutta::schedule::schedule(&loaded);
    for (lang, code) in [(Lang::En, "en"), (Lang::Ar, "ar")] {
        let text = report(&plan, code);
        let tasks = mermaid_tasks(&mermaid_block(&text));
        assert_eq!(
            as_read(&tasks),
            expected(&loaded, &schedule, lang),
            "{code}"
        );
        assert!(tasks.iter().any(|t| t["crit"] == true), "a critical task");
        let sections: std::collections::BTreeSet<&str> =
            tasks.iter().filter_map(|t| t["section"].as_str()).collect();
        assert!(sections.len() > 3, "{sections:?}");
    }
}

#[test]
fn the_report_says_what_is_late_next_and_funded_in_the_chosen_language() {
    let plan = repo().join(BUNDLED);
    let en = report(&plan, "en");
    for heading in [
        "## Summary",
        "## Late work",
        "## Next milestones",
        "## Budget by funding source",
        "## Gantt chart",
    ] {
        assert!(en.contains(heading), "{heading}\n{en}");
    }
    assert!(en.contains("As of 2026-11-28."), "{en}");
    assert!(en.contains("`open-data-portal-launch`"), "{en}");
    assert!(en.contains("`escwa-rptc`"), "{en}");
    let ar = report(&plan, "ar");
    for heading in [
        "## الخلاصة",
        "## الأعمال المتأخرة",
        "## المعالم القادمة",
        "## مخطط غانت",
    ] {
        assert!(ar.contains(heading), "{heading}\n{ar}");
    }
    // Late relative to today: after the plan's finish, the portal's launch is late.
    let later = khutta(repo())
        .args(["export", "markdown", BUNDLED, "--today", "2028-01-15"])
        .output()
        .unwrap();
    let later = String::from_utf8_lossy(&later.stdout);
    let late = later
        .split("## Late work")
        .nth(1)
        .unwrap()
        .split("## ")
        .next()
        .unwrap();
    assert!(late.contains("`open-data-portal-launch`"), "{late}");
}

/// Titles with what Mermaid's grammar reads as syntax (a colon ends a label, `;` a
/// statement, `#` starts an entity, `%%` a comment, a leading keyword a directive) and an id
/// that is a Mermaid tag: the chart still parses, each label and id as khutta escaped it.
#[test]
fn titles_with_mermaid_syntax_in_them_stay_labels() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    let mut loaded = khutta::store::load(&repo().join(BUNDLED)).unwrap().plan;
    let hostile = [
        ("pilot-tunis", "Review: phase #2; final %% done"),
        ("pilot-amman", "section two: the pilot"),
        ("pilot-beirut", "click here, title: x"),
    ];
    for (id, title) in hostile {
        let a = loaded.activities.get_mut(id).unwrap();
        a.title.en = Some(title.to_owned());
    }
    // An activity whose id is one of Mermaid's tags.
    let mut done = loaded
        .activities
        .get(&khutta::model::Id::new_unchecked("pilot-casablanca"))
        .unwrap()
        .clone();
    done.id = khutta::model::Id::new_unchecked("done");
    loaded.activities.insert(done.id.clone(), done);
    khutta::store::write_new_plan(&plan, &loaded).unwrap();
    let schedule = khutta::schedule::schedule(&loaded);
    let tasks = mermaid_tasks(&mermaid_block(&report(&plan, "en")));
    assert_eq!(as_read(&tasks), expected(&loaded, &schedule, Lang::En));
    assert!(tasks.iter().any(|t| t["id"] == "id-done"));
}
