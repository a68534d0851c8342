//! The report on small plans built in memory: escaping, hostile text, both languages, the
//! chart's geometry, and a snapshot of a small plan's page.

use super::escape::{escaped, plan_text};
use super::*;
use crate::i18n::Messages;
use crate::model::{
    Activity, ActivityKind, Amount, BudgetCategory, BudgetLine, Currency, Dependency,
    DependencyKind, FundingSource, FundingStatus, Id, Lang, Text, Timing,
};

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

/// A plan of five activities (a group of two, a milestone after them, a task on its own),
/// one funding source, and round `r1` with a question of every kind (the consult fixture).
fn plan() -> Plan {
    let mut plan = crate::consult::tests::sample();
    plan.activities.clear();
    let mut add = |aid: &str, title: Text, days: u32, parent: Option<&str>, after: Option<&str>| {
        let mut a = Activity::new(id(aid), title, days);
        a.parent = parent.map(id);
        if let Some(p) = after {
            a.dependencies.push(Dependency {
                activity: id(p),
                kind: DependencyKind::FinishToStart,
                lag: 0,
            });
        }
        plan.activities.insert(a.id.clone(), a);
    };
    add(
        "design",
        Text::new("التصميم", "Design"),
        5,
        Some("phase"),
        None,
    );
    add(
        "build",
        Text::new("البناء", "Build"),
        10,
        Some("phase"),
        Some("design"),
    );
    add(
        "launch",
        Text::new("الإطلاق", "Launch"),
        0,
        None,
        Some("build"),
    );
    add("survey", Text::en("Survey"), 3, None, None);
    add("phase", Text::new("المرحلة", "Phase"), 0, None, None);
    if let Some(p) = plan.activities.get_mut("phase") {
        p.kind = ActivityKind::Group;
        p.timing = Timing::Span;
    }
    if let Some(a) = plan.activities.get_mut("launch") {
        a.kind = ActivityKind::Milestone;
    }
    if let Some(a) = plan.activities.get_mut("build") {
        a.lead = Some(id("escwa"));
        a.budget.push(BudgetLine {
            category: BudgetCategory::Staff,
            amount: Amount::from(12_000i64),
            currency: Currency::new_unchecked("USD"),
            funding: Some(id("grant")),
            note: None,
        });
    }
    if let Some(a) = plan.activities.get_mut("survey") {
        a.budget.push(BudgetLine {
            category: BudgetCategory::Travel,
            amount: Amount::from(3_000i64),
            currency: Currency::new_unchecked("USD"),
            funding: None,
            note: Some("<b>flights</b>".into()),
        });
    }
    plan.funding.insert(
        id("grant"),
        FundingSource {
            id: id("grant"),
            funder: id("escwa"),
            title: Text::new("منحة", "Grant"),
            amount: Amount::from(10_000i64),
            currency: Currency::new_unchecked("USD"),
            status: FundingStatus::Committed,
            available: None,
            earmarked: vec![],
            conditions: Text::default(),
        },
    );
    plan
}

fn render(plan: &Plan, lang: Lang) -> String {
    let schedule = crate::schedule::schedule(plan);
    let messages = Messages::new(lang);
    report(
        plan,
        &schedule,
        &Options {
            messages: &messages,
            today: d("2026-01-08"),
        },
    )
}

/// The value of `attr` in the first tag of `html` that holds `marker`.
fn attr<'h>(html: &'h str, marker: &str, attr: &str) -> Option<&'h str> {
    let at = html.find(marker)?;
    let start = html[..at].rfind('<')?;
    let end = start + html[start..].find('>')?;
    let tag = &html[start..end];
    let key = format!(" {attr}=\"");
    let v = tag.find(&key)? + key.len();
    Some(&tag[v..v + tag[v..].find('"')?])
}

fn number(html: &str, marker: &str, name: &str) -> f64 {
    attr(html, marker, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

#[test]
fn the_five_specials_become_entities() {
    assert_eq!(
        escaped(r#"<a href="x" title='y'>&amp;</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
    );
    // Controls and bidi overrides are shown as escapes before they reach the page.
    assert_eq!(plan_text("a\u{202e}b\u{0}c"), "a\\u{202e}b\\u{0}c");
}

#[test]
fn a_hostile_title_is_text() {
    let mut plan = plan();
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>\u{202e}evil";
    if let Some(a) = plan.activities.get_mut("survey") {
        a.title = Text::new(hostile, hostile);
    }
    plan.meta.title = Text::en("</title><script>alert(2)</script>");
    for lang in [Lang::En, Lang::Ar] {
        let html = render(&plan, lang);
        assert!(!html.contains("<script"), "{lang:?}: a script element");
        assert!(!html.contains("<img"), "{lang:?}: an image element");
        assert!(!html.contains('\u{202e}'), "{lang:?}: a raw bidi override");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(2)"));
        assert!(html.contains("\\u{202e}evil"));
        // The note of a budget line too.
        assert!(html.contains("&lt;b&gt;flights&lt;/b&gt;"));
    }
}

#[test]
fn nothing_is_fetched() {
    let html = render(&plan(), Lang::En);
    let without_svg_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for needle in [
        "http:", "https:", "src=", "url(", "@import", "<link", "<script",
    ] {
        assert!(!without_svg_namespace.contains(needle), "{needle}");
    }
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn english_runs_left_to_right_and_arabic_right_to_left() {
    let en = render(&plan(), Lang::En);
    let ar = render(&plan(), Lang::Ar);
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(en.contains("<h2>Gantt chart</h2>"));
    assert!(ar.contains("<h2>مخطط غانت</h2>"));
    // Plan text in the report's language, isolated.
    assert!(ar.contains("<bdi>البناء</bdi>"));
    assert!(en.contains("<bdi>Build</bdi>"));
    // `design` runs first, `build` after it: to the right in English, to the left in Arabic.
    let x = |html: &str, a: &str| number(html, &format!("data-id=\"{a}\""), "x");
    assert!(x(&en, "build") > x(&en, "design"));
    assert!(x(&ar, "build") < x(&ar, "design"));
    assert_eq!(attr(&ar, "class=\"gantt\"", "data-dir"), Some("rtl"));
    assert_eq!(attr(&en, "class=\"gantt\"", "data-dir"), Some("ltr"));
}

#[test]
fn each_mark_sits_on_its_days() {
    let plan = plan();
    let schedule = crate::schedule::schedule(&plan);
    for lang in [Lang::En, Lang::Ar] {
        let html = render(&plan, lang);
        let svg = "class=\"gantt\"";
        let from: NaiveDate = attr(&html, svg, "data-from")
            .and_then(|v| v.parse().ok())
            .unwrap_or_default();
        let (dw, x0) = (
            number(&html, svg, "data-day-width"),
            number(&html, svg, "data-x0"),
        );
        let rtl = lang == Lang::Ar;
        for (a, e) in plan.activities.values().zip(&schedule.entries) {
            let Some(dates) = e.dates else { continue };
            let marker = format!("data-id=\"{}\"", a.id);
            assert_eq!(
                attr(&html, &marker, "data-start"),
                Some(dates.early_start.to_string().as_str())
            );
            let s = (dates.early_start - from).num_days() as f64;
            let f = (dates.early_finish - from).num_days() as f64;
            if e.shape == crate::schedule::Shape::Milestone {
                continue;
            }
            let want = if rtl {
                x0 - (f + 1.0) * dw
            } else {
                x0 + s * dw
            };
            let got = number(&html, &marker, "x");
            assert!((got - want).abs() < 0.01, "{lang:?} {}: {got} {want}", a.id);
            let width = number(&html, &marker, "width");
            assert!((width - (f - s + 1.0) * dw).abs() < 0.01, "{}", a.id);
        }
    }
}

#[test]
fn the_chart_is_cut_into_blocks_that_fit_a_page() {
    let mut plan = plan();
    for k in 0..(2 * ROWS_PER_BLOCK) {
        let a = Activity::new(id(&format!("extra-{k:03}")), Text::en("Extra"), 2);
        plan.activities.insert(a.id.clone(), a);
    }
    let html = render(&plan, Lang::En);
    let rows = plan.activities.len();
    assert_eq!(
        html.matches("<svg class=\"gantt\"").count(),
        rows.div_ceil(ROWS_PER_BLOCK)
    );
    assert_eq!(
        html.matches(" data-id=\"extra-").count(),
        2 * 2 * ROWS_PER_BLOCK
    );
}

#[test]
fn budget_and_funding_coverage() {
    let html = render(&plan(), Lang::En);
    // The grant holds 10,000 and a line draws 12,000 on it: 2,000 too much.
    assert!(html.contains("<tr class=\"over\" data-id=\"grant\">"));
    assert!(html.contains("<span class=\"money\" dir=\"ltr\">-2,000 USD</span>"));
    assert!(html.contains("Budget lines drawing on <bdi>Grant</bdi>"));
    assert!(html.contains("Budget lines without a funding source"));
    // 15,000 budgeted, 10,000 secured.
    assert!(html.contains("<span class=\"money\" dir=\"ltr\">15,000 USD</span>"));
    assert!(html.contains("<span dir=\"ltr\">67%</span>"));
}

#[test]
fn consultation_results_are_shown_anonymised() {
    let html = render(&plan(), Lang::En);
    assert!(html.contains("<article class=\"round\" data-id=\"r1\">"));
    assert!(html.contains("anonymised"));
    assert!(html.contains("Borda points"));
}

#[test]
fn snapshot_of_a_small_plan() {
    let html = render(&plan(), Lang::En);
    // The style sheet is long and says nothing about the plan.
    let body = html.split("</style>").nth(1).unwrap_or_default();
    insta::assert_snapshot!(body);
}
