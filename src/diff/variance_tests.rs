//! The variance and its sections, from hand-made timelines.

use super::*;
use crate::diff::review::{self, Review};
use crate::model::{Activity, PlanMeta, Text};

/// The English messages, in which the expected texts are written.
fn en() -> crate::i18n::Messages {
    crate::i18n::Messages::new(crate::model::Lang::En)
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

fn placed(start: &str, finish: &str, duration: i64, critical: bool) -> Option<Placed> {
    Some(Placed {
        start: date(start),
        finish: date(finish),
        duration,
        critical,
        milestone: false,
    })
}

fn milestone(on: &str, critical: bool) -> Option<Placed> {
    Some(Placed {
        milestone: true,
        ..placed(on, on, 0, critical)?
    })
}

fn timeline(rows: &[(&str, Option<Placed>)], finish: &str) -> Timeline {
    Timeline {
        activities: rows
            .iter()
            .map(|(id, p)| (Id::new_unchecked(*id), *p))
            .collect(),
        finish: Some(date(finish)),
    }
}

fn plan(ids: &[&str]) -> Plan {
    let meta: PlanMeta = crate::store::parse(
        "plan.ron",
        "PlanMeta(format: 1, id: \"p\", title: Text(en: \"P\"), \
         window: Window(start: \"2026-01-01\", end: \"2026-12-31\"), currency: \"USD\")",
    )
    .unwrap_or_else(|d| panic!("{d:?}"));
    let mut p = Plan::new(meta);
    for id in ids {
        let id = Id::new_unchecked(*id);
        p.activities
            .insert(id.clone(), Activity::new(id, Text::en("x"), 5));
    }
    p
}

/// Before: `a` then `b` then milestone `m`, all critical; `c` in parallel.
fn before() -> Timeline {
    timeline(
        &[
            ("a", placed("2026-03-01", "2026-03-10", 8, true)),
            ("b", placed("2026-03-11", "2026-03-20", 8, true)),
            ("c", placed("2026-03-01", "2026-03-05", 5, false)),
            ("m", milestone("2026-03-20", true)),
            ("same", placed("2026-03-01", "2026-03-02", 2, false)),
        ],
        "2026-03-20",
    )
}

/// After: `c` grew past `a` and drives the milestone, which moved; `b` became unscheduled.
fn after() -> Timeline {
    timeline(
        &[
            ("a", placed("2026-03-01", "2026-03-10", 8, false)),
            ("b", None),
            ("c", placed("2026-03-03", "2026-03-24", 15, true)),
            ("m", milestone("2026-03-24", true)),
            ("same", placed("2026-03-01", "2026-03-02", 2, false)),
        ],
        "2026-03-24",
    )
}

#[test]
fn shifts_milestones_critical_and_finish() {
    let v = variance(&before(), &after(), &PlanDiff::default());
    let ids = |s: &[Shift]| s.iter().map(|x| x.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&v.activities), ["b", "c"]);
    assert_eq!(ids(&v.milestones), ["m"]);
    let c = &v.activities[1];
    assert_eq!(
        (c.start_days, c.finish_days, c.duration_days),
        (Some(2), Some(19), Some(10))
    );
    let b = &v.activities[0];
    assert_eq!((b.start_days, b.after), (None, None));
    assert_eq!(v.milestones[0].finish_days, Some(4));
    assert_eq!(v.became_critical, [Id::new_unchecked("c")]);
    assert_eq!(
        v.no_longer_critical,
        [Id::new_unchecked("a"), Id::new_unchecked("b")]
    );
    assert_eq!(v.finish.days, Some(4));
    assert!(!v.is_empty());
    assert!(variance(&before(), &before(), &PlanDiff::default()).is_empty());
}

#[test]
fn renamed_activities_are_compared_across_the_rename() {
    let (a, b) = (plan(&["a", "old"]), plan(&["a", "new"]));
    // Without references a rename needs identical content; the two plans' `old` and `new`
    // differ only by id.
    let d = crate::diff::diff(&a, &b);
    assert_eq!(
        d.kind(EntityKind::Activity).map(|k| k.renamed.len()),
        Some(1)
    );
    let t1 = timeline(
        &[
            ("a", placed("2026-01-01", "2026-01-05", 5, true)),
            ("old", placed("2026-01-06", "2026-01-10", 5, true)),
        ],
        "2026-01-10",
    );
    let t2 = timeline(
        &[
            ("a", placed("2026-01-01", "2026-01-05", 5, true)),
            ("new", placed("2026-01-08", "2026-01-12", 5, true)),
        ],
        "2026-01-12",
    );
    let v = variance(&t1, &t2, &d);
    assert_eq!(v.activities.len(), 1);
    assert_eq!(v.activities[0].was, Some(Id::new_unchecked("old")));
    assert_eq!(v.activities[0].start_days, Some(2));
    // Added and removed activities are the diff's business, not the variance's.
    let v = variance(&t1, &t2, &PlanDiff::default());
    assert!(v.activities.is_empty() && v.became_critical.is_empty());
}

#[test]
fn text_markdown_and_json_sections() {
    let v = variance(&before(), &after(), &PlanDiff::default());
    assert_eq!(
        review::variance_text(&v, &en()),
        "schedule (dates move in calendar days, durations in working days; + is later or longer)
  activities
    activity  start                          finish                          duration
    b         2026-03-11 -> (unscheduled)    2026-03-20 -> (unscheduled)     8 -> (unscheduled)
    c         2026-03-01 -> 2026-03-03 (+2)  2026-03-05 -> 2026-03-24 (+19)  5 -> 15 (+10)
  milestones moved
    m  2026-03-20 -> 2026-03-24 (+4)
  became critical: c
  no longer critical: a, b
  plan finish: 2026-03-20 -> 2026-03-24 (+4 days)
"
    );
    let md = review::variance_markdown(&v, &en());
    assert!(
        md.contains(
            "| `c` | 2026-03-01 → 2026-03-03 (+2) | 2026-03-05 → 2026-03-24 (+19) | 5 → 15 (+10) |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| `m` | 2026-03-20 → 2026-03-24 (+4) |"),
        "{md}"
    );
    assert!(md.contains("- Became critical: `c`\n- No longer critical: `a`, `b`\n- Plan finish: 2026-03-20 → 2026-03-24 (+4 days)\n"), "{md}");
    let json = serde_json::to_value(&v).unwrap_or_default();
    assert_eq!(json["activities"][1]["id"], "c");
    assert_eq!(json["activities"][1]["finish_days"], 19);
    assert_eq!(json["activities"][1]["after"]["start"], "2026-03-03");
    assert_eq!(json["finish"]["days"], 4);
    assert_eq!(json["became_critical"][0], "c");
}

#[test]
fn a_review_carries_the_variance_beside_the_diff() {
    let p = plan(&["a"]);
    let t = timeline(
        &[("a", placed("2026-01-01", "2026-01-05", 5, true))],
        "2026-01-05",
    );
    let same = Review::with_timelines(&p, &p, Some((&t, &t)));
    assert!(same.is_empty());
    assert_eq!(review::text(&same, &en()), "no changes\n");
    assert_eq!(review::markdown(&same, &en()), "No changes.\n");
    // The schedule moved while no file did (a plan whose calendar the scheduler reads
    // differently): the review is not empty and shows only its schedule section.
    let later = timeline(
        &[("a", placed("2026-01-02", "2026-01-06", 5, true))],
        "2026-01-06",
    );
    let r = Review::with_timelines(&p, &p, Some((&t, &later)));
    assert!(!r.is_empty());
    let text = review::text(&r, &en());
    assert!(text.starts_with("schedule ("), "{text}");
    assert!(
        text.contains("plan finish: 2026-01-05 -> 2026-01-06 (+1 day)"),
        "{text}"
    );
    let md = review::markdown(&r, &en());
    assert!(md.starts_with("## Plan changes\n\n### Schedule\n"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&review::json(&r).unwrap_or_default()).unwrap_or_default();
    assert_eq!(json["schedule"]["finish"]["days"], 1);
    assert_eq!(json["entities"], serde_json::json!([]));
    // Without timelines there is no schedule section, and the JSON is the diff's own.
    let q = plan(&["a", "b"]);
    let r = Review::with_timelines(&p, &q, None);
    assert_eq!(
        review::json(&r).unwrap_or_default(),
        crate::diff::render::json(&r.diff).unwrap_or_default()
    );
    assert_eq!(
        review::text(&r, &en()),
        crate::diff::render::text(&r.diff, &en())
    );
}

#[test]
fn the_schedule_section_in_arabic() {
    let ar = crate::i18n::Messages::new(crate::model::Lang::Ar);
    let v = variance(&before(), &after(), &PlanDiff::default());
    // Columns line up by display width; ids, dates and the arrows between values stay.
    assert_eq!(
        review::variance_text(&v, &ar),
        "الجدول الزمني (تتحرك التواريخ بالأيام التقويمية والمدد بأيام العمل؛ + تعني أبعد أو أطول)
  الأنشطة
    النشاط  البداية                        النهاية                         المدة
    b       2026-03-11 -> (غير مجدول)      2026-03-20 -> (غير مجدول)       8 -> (غير مجدول)
    c       2026-03-01 -> 2026-03-03 (+2)  2026-03-05 -> 2026-03-24 (+19)  5 -> 15 (+10)
  المعالم التي تحركت
    m  2026-03-20 -> 2026-03-24 (+4)
  أصبحت حرجة: c
  لم تعد حرجة: a، b
  نهاية الخطة: 2026-03-20 -> 2026-03-24 (+4 أيام)
"
    );
    let md = review::variance_markdown(&v, &ar);
    assert!(
        md.starts_with("\n### الجدول الزمني\n\n") && md.contains("\n| النشاط | البداية | النهاية | المدة |\n|---|---|---|---|\n| `b` | 2026-03-11 → (غير مجدول) |"),
        "{md}"
    );
    // In right-to-left prose the old date is read first, on the right: the arrow points left.
    assert!(md.ends_with("- أصبحت حرجة: `c`\n- لم تعد حرجة: `a`، `b`\n- نهاية الخطة: 2026-03-20 ← 2026-03-24 (+4 أيام)\n"), "{md}");
    // The plan finish in each of Arabic's plural forms, which go by the count modulo 100.
    let finish = |days: i64| {
        let mut v = v.clone();
        v.finish.days = Some(days);
        let text = review::variance_text(&v, &ar);
        let last = text.lines().last().unwrap_or_default();
        last.trim_start_matches("  نهاية الخطة: 2026-03-20 -> 2026-03-24 ")
            .to_owned()
    };
    let forms: Vec<String> = [1, 2, 3, 11, 100, 103, -4].map(finish).to_vec();
    assert_eq!(
        forms,
        [
            "(+1 يوم)",
            "(+2 يومان)",
            "(+3 أيام)",
            "(+11 يومًا)",
            "(+100 يوم)",
            "(+103 أيام)",
            "(-4 أيام)"
        ]
    );
}
