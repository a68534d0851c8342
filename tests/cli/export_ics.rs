//! `khutta export ics`: the calendar read back by Python's `icalendar` library, its events,
//! dates and UIDs compared with khutta's own schedule.

use crate::support::cmd::{khutta, transcript};
use crate::support::tools;
use khutta::model::{ActivityKind, Lang, Plan};
use khutta::schedule::{Schedule, Shape};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const BUNDLED: &str = "plans/open-government-nua";

/// Exports `plan` as iCalendar with `extra` arguments; the bytes and what `icalendar` read.
fn export(plan: &Path, extra: &[&str]) -> (Vec<u8>, Value) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.ics");
    let run = khutta(repo())
        .args(["export", "ics"])
        .arg(plan)
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
    let bytes = std::fs::read(&out).unwrap();
    let read = std::process::Command::new(tools::icalendar_python())
        .arg(tools::script("ics-events.py"))
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&read.stderr)
    );
    (bytes, serde_json::from_slice(&read.stdout).unwrap())
}

fn schedule_of(plan: &Path) -> (Plan, Schedule) {
    let loaded = khutta::store::load(plan).unwrap();
    let schedule = khutta::schedule::schedule(&loaded.plan);
    (loaded.plan, schedule)
}

/// The events khutta's schedule says the calendar holds: (uid, summary, first day, day after).
fn expected(
    plan: &Plan,
    schedule: &Schedule,
    activities: bool,
    partner: Option<&str>,
) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for (a, e) in plan.activities.values().zip(&schedule.entries) {
        let Some(d) = e.dates else { continue };
        let wanted = match a.kind {
            ActivityKind::Milestone => true,
            ActivityKind::Task => activities,
            ActivityKind::Group => false,
        };
        let takes_part = partner.is_none_or(|p| {
            a.lead.as_ref().is_some_and(|l| l.as_str() == p)
                || a.partners.iter().any(|x| x.partner.as_str() == p)
        });
        if !wanted || !takes_part {
            continue;
        }
        let last = if e.shape == Shape::Milestone {
            d.early_start
        } else {
            d.early_finish
        };
        out.push((
            format!("{}@{}.khutta", a.id, plan.meta.id),
            a.title.show(Lang::En).to_owned(),
            d.early_start.to_string(),
            (last + chrono::Days::new(1)).to_string(),
        ));
    }
    out.sort();
    out
}

fn events(read: &Value) -> Vec<(String, String, String, String)> {
    let mut out: Vec<_> = read["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["dtstamp"], "2026-11-28T00:00:00+00:00", "{e}");
            (
                e["uid"].as_str().unwrap().to_owned(),
                e["summary"].as_str().unwrap().to_owned(),
                e["start"].as_str().unwrap().to_owned(),
                e["end"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Every line ends with CRLF and holds at most 75 octets.
fn assert_folded(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(!line.contains('\n'), "a bare line feed: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
}

#[test]
fn milestones_and_activities_match_khuttas_schedule() {
    let plan = repo().join(BUNDLED);
    let (p, s) = schedule_of(&plan);
    let (bytes, read) = export(&plan, &[]);
    assert_eq!(read["version"], "2.0");
    assert_folded(&bytes);
    let milestones = events(&read);
    assert!(milestones.len() >= 5, "{milestones:?}");
    assert_eq!(milestones, expected(&p, &s, false, None));
    let (bytes, read) = export(&plan, &["--activities"]);
    assert_folded(&bytes);
    let all = events(&read);
    assert!(all.len() > milestones.len() + 20, "{}", all.len());
    assert_eq!(all, expected(&p, &s, true, None));
}

#[test]
fn one_partners_calendar_holds_only_its_activities() {
    let plan = repo().join(BUNDLED);
    let (p, s) = schedule_of(&plan);
    let (_, read) = export(&plan, &["--activities", "--partner", "undp"]);
    let got = events(&read);
    assert!(!got.is_empty());
    assert_eq!(got, expected(&p, &s, true, Some("undp")));
    assert!(got.len() < expected(&p, &s, true, None).len());
    let run = khutta(repo())
        .args(["export", "ics", BUNDLED, "--partner", "nobody"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", transcript(&run));
}

/// Titles with the characters iCalendar escapes, line breaks, and Arabic long enough to fold
/// inside its two-byte characters, read back as written.
#[test]
fn text_with_separators_line_breaks_and_long_arabic_reads_back_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let plan: PathBuf = dir.path().join("plan");
    let mut loaded = khutta::store::load(&repo().join(BUNDLED)).unwrap().plan;
    let id = khutta::model::Id::new_unchecked("project-launch");
    let title =
        "Launch; phase 1, part\\2\nsecond line — ".to_owned() + &"إطلاق المشروع الإقليمي ".repeat(6);
    loaded.activities.get_mut(&id).unwrap().title.en = Some(title.clone());
    khutta::store::write_new_plan(&plan, &loaded).unwrap();
    let (bytes, read) = export(&plan, &[]);
    assert_folded(&bytes);
    let uid = "project-launch@open-government-nua.khutta";
    let event = read["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["uid"] == uid)
        .unwrap();
    assert_eq!(event["summary"].as_str().unwrap(), title);
    // The same export twice is the same bytes: UIDs and DTSTAMP do not move.
    assert_eq!(export(&plan, &[]).0, bytes);
}
