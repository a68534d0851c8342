//! Extreme values through every view: amounts at and near the limits of exact decimals (±7.9e28,
//! 1e27), exchange rates of 1e-28 and 7.9e28, durations of four billion days, lags of
//! `i32::MAX` and `i32::MIN`, dates at chrono's first and last day, sizes of `u64::MAX`,
//! hundreds of budget lines. A partner's commit can carry any of them; `check` reports the
//! ones out of range, and no view may panic on them: the TUI's screens and forms (and
//! switching an activity's timing in its form), the semantic diff and review between plans
//! holding them, and the Gantt laid out by the library and drawn by `khutta gantt`.
//!
//! `cargo test` runs a fixed seed; `KHUTTA_EXTREMES_CASES` and `KHUTTA_FUZZ_SEED` (which
//! `scripts/fuzz` sets) run more cases from another seed.

// The extreme decimals are built here, to be handed to `Amount` through its text form.
#![allow(clippy::disallowed_types)]

use crate::harness::{Harness, bundled};
use crate::support::cmd::{copy_dir, khutta, transcript};
use chrono::NaiveDate;
use khutta::diff::{Review, render, review};
use khutta::gantt::{self, Scale};
use khutta::i18n::Messages;
use khutta::model::{
    Amount, BudgetCategory, BudgetLine, Currency, EntityKind, Id, Lang, Plan, Timing, Window,
};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use rust_decimal::Decimal;
use std::path::Path;

/// An amount holding `d` exactly: through the text form, the one door from outside the model.
fn amount_of(d: Decimal) -> Amount {
    Amount::parse(&d.to_string()).expect("a decimal's own text parses")
}

/// 10^27: an amount `check` has long accepted, which overflowed the Overview's percentage.
fn e27() -> Decimal {
    Decimal::from_i128_with_scale(10_i128.pow(27), 0)
}

/// -7.9 × 10^28, near the most negative decimal.
fn minus_7_9e28() -> Decimal {
    Decimal::from_i128_with_scale(-79 * 10_i128.pow(27), 0)
}

fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(e27()),
        Just(-e27()),
        Just(minus_7_9e28()),
        Just(-minus_7_9e28()),
        Just(Decimal::ZERO),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        Just(Decimal::from(1_000_000_000_000_000_i64)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let plain = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap();
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        Just(NaiveDate::MIN.succ_opt().unwrap()),
        Just(NaiveDate::MAX.pred_opt().unwrap()),
        Just(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()),
        (0u64..3_000).prop_map(move |d| plain + chrono::Days::new(d)),
    ]
}

fn days() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0),
        Just(1),
        Just(10_000),
        Just(10_001),
        Just(4_000_000_000),
        Just(u32::MAX),
        0u32..500,
    ]
}

fn lag() -> impl Strategy<Value = i32> {
    prop_oneof![
        Just(i32::MAX),
        Just(i32::MIN),
        Just(0),
        Just(10_001),
        Just(-10_001),
        -50i32..50,
    ]
}

/// What a case changes in the bundled plan.
#[derive(Clone, Debug)]
struct Extremes {
    /// The amount of `escwa-rptc` and of `development-partner-grant`.
    funding: (Decimal, Decimal),
    /// Budget lines added to `pilot-tunis` (on `escwa-rptc`), and how many times over.
    budget: (Vec<Decimal>, usize),
    /// The rate of the euro.
    rate: Decimal,
    /// `pilot-tunis`'s duration and its `not_before`.
    duration: (u32, Option<NaiveDate>),
    /// `concept-note`'s fixed dates.
    fixed: (NaiveDate, NaiveDate),
    /// The lag of `pilot-tunis`'s first dependency.
    lag: i32,
    /// The size of the group `women`.
    size: u64,
    /// `pilot-tunis`'s progress (a file may hold more than 100).
    progress: u8,
    /// When `escwa-rptc` is available.
    available: Option<(NaiveDate, NaiveDate)>,
    /// The planning window.
    window: Option<(NaiveDate, NaiveDate)>,
    /// The last day of the first holiday of the first calendar.
    holiday_until: Option<NaiveDate>,
}

fn extremes() -> impl Strategy<Value = Extremes> {
    (
        (amount(), amount()),
        (
            proptest::collection::vec(amount(), 0..4),
            prop_oneof![Just(1usize), Just(300)],
        ),
        amount(),
        (days(), proptest::option::of(date())),
        (date(), date()),
        lag(),
        prop_oneof![Just(u64::MAX), Just(0), any::<u64>()],
        any::<u8>(),
        proptest::option::of((date(), date())),
        proptest::option::weighted(0.3, (date(), date())),
        proptest::option::of(date()),
    )
        .prop_map(
            |(
                funding,
                budget,
                rate,
                duration,
                fixed,
                lag,
                size,
                progress,
                available,
                window,
                holiday_until,
            )| {
                Extremes {
                    funding,
                    budget,
                    rate,
                    duration,
                    fixed,
                    lag,
                    size,
                    progress,
                    available,
                    window,
                    holiday_until,
                }
            },
        )
}

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

/// The bundled plan, read once.
fn base() -> &'static Plan {
    static PLAN: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();
    PLAN.get_or_init(|| khutta::store::load(&bundled()).unwrap().plan)
}

impl Extremes {
    fn apply(&self, plan: &Plan) -> Plan {
        let mut p = plan.clone();
        let usd = Currency::new_unchecked("USD");
        if let Some(f) = p.funding.get_mut("escwa-rptc") {
            f.amount = amount_of(self.funding.0);
            f.available = self.available.map(|(start, end)| Window { start, end });
        }
        if let Some(f) = p.funding.get_mut("development-partner-grant") {
            f.amount = amount_of(self.funding.1);
        }
        if let Some(a) = p.activities.get_mut("pilot-tunis") {
            for _ in 0..self.budget.1 {
                for &amount in &self.budget.0 {
                    a.budget.push(BudgetLine {
                        category: BudgetCategory::Grants,
                        amount: amount_of(amount),
                        currency: usd.clone(),
                        funding: Some(id("escwa-rptc")),
                        note: None,
                    });
                }
            }
            a.timing = Timing::Duration {
                days: self.duration.0,
                not_before: self.duration.1,
            };
            if let Some(d) = a.dependencies.first_mut() {
                d.lag = self.lag;
            }
            a.progress = self.progress;
        }
        if let Some(a) = p.activities.get_mut("concept-note") {
            a.timing = Timing::Fixed {
                start: self.fixed.0,
                end: self.fixed.1,
            };
        }
        if let Some(b) = p.beneficiaries.get_mut("women") {
            b.size = Some(self.size);
        }
        for r in &mut p.meta.exchange_rates {
            if r.currency.as_str() == "EUR" {
                r.rate = amount_of(self.rate);
            }
        }
        if let Some((start, end)) = self.window {
            p.meta.window = Window { start, end };
        }
        if let (Some(until), Some(h)) = (
            self.holiday_until,
            p.meta
                .calendars
                .first_mut()
                .and_then(|c| c.holidays.first_mut()),
        ) {
            h.until = Some(until);
        }
        p
    }
}

/// A copy of the bundled plan holding `plan`'s values, written as a partner's commit would.
fn written(plan: &Plan) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled(), dir.path());
    let mut loaded = khutta::store::load(dir.path()).unwrap();
    khutta::store::save(&mut loaded, plan).unwrap();
    dir
}

/// Every screen at two sizes, in the UI's language.
fn every_screen(h: &mut Harness) {
    for keys in [
        &["1"][..],
        &["2"],
        &["3"],
        &["4"],
        &["5"],
        &["6"],
        &["6", "-", "-", "-"],
        &["6", "+", "+", "+", "t", "right", "left"],
        &["7"],
        &["8"],
        &["9"],
        &["0"],
    ] {
        h.press(keys);
        for (w, ht) in [(80, 24), (120, 40)] {
            h.app.shared.size = (w, ht);
            h.render(w, ht);
        }
    }
}

/// Opens the form of `kind` `id` from its list.
fn open_form(h: &mut Harness, kind: EntityKind, id: &str) {
    h.press(&["esc", "esc"]);
    match kind {
        EntityKind::Activity => h.select_activity(id),
        _ => {
            let (screen, cursor) = match kind {
                EntityKind::Funding => ("5", &mut h.app.screens.entities.funding),
                EntityKind::Beneficiary => ("4", &mut h.app.screens.entities.beneficiaries),
                _ => ("3", &mut h.app.screens.entities.partners),
            };
            let ids = h.app.shared.doc.plan.ids(kind);
            cursor.row = ids.iter().position(|i| i.as_str() == id).unwrap();
            h.press(&[screen]);
        }
    }
    h.press(&["enter"]);
}

/// The fields of numbers and dates, whose shown text is applied back in [`walk_form`].
const VALUES: &[&str] = &[
    "timing",
    "start",
    "end",
    "days",
    "not_before",
    "progress",
    "lag",
    "amount",
    "size",
    "rate",
    "date",
    "window_start",
    "window_end",
    "available_from",
    "available_until",
];

/// Closes an open editor or popup.
fn close_editors(h: &mut Harness) {
    for _ in 0..3 {
        if h.app.shared.editor.is_some() || h.app.shared.popup.is_some() {
            h.press(&["esc"]);
        }
    }
}

/// Row `i` of the open form (or of the item's form open in it): drawn in its editor and,
/// for numbers and dates, its shown value applied back. Applying costs a check and a
/// schedule of the plan, so the text fields are only opened.
fn visit_row(h: &mut Harness, i: usize) -> Option<&'static str> {
    let form = h.app.shared.form.as_ref()?;
    let name = form.rows(&h.app.shared.doc.plan).get(i)?.name;
    let form = h.app.shared.form.as_mut()?;
    if form.item.is_some() {
        form.item_cursor = i;
    } else {
        form.cursor = i;
    }
    h.press(&["enter"]);
    h.render(80, 24);
    if VALUES.contains(&name) && h.app.shared.editor.is_some() {
        h.press(&["enter"]);
        h.render(120, 40);
    }
    close_editors(h);
    Some(name)
}

/// Every row of the open form, and of the forms of its list items (a dependency's lag, a
/// budget line's amount), visited: the text each field shows of an extreme value must read
/// back, or be refused with a reason.
fn walk_form(h: &mut Harness, reopen: &dyn Fn(&mut Harness)) {
    let mut i = 0;
    for _ in 0..1_000 {
        if h.app.shared.form.is_none() {
            close_editors(h);
            reopen(h);
        }
        let Some(form) = h.app.shared.form.as_ref() else {
            break;
        };
        if form.item.is_some() {
            h.press(&["esc"]);
            continue;
        }
        let rows = form.rows(&h.app.shared.doc.plan).len();
        // Hundreds of budget lines: the first rows and the last ones are enough.
        if i == 40 && rows > 48 {
            i = rows - 8;
        }
        if i >= rows {
            break;
        }
        visit_row(h, i);
        // Enter on a list item opens the item's own form.
        if h.app.shared.form.as_ref().is_some_and(|f| f.item.is_some()) {
            for j in 0..20 {
                if h.app.shared.form.as_ref().is_none_or(|f| f.item.is_none())
                    || visit_row(h, j).is_none()
                {
                    break;
                }
            }
            if h.app.shared.form.as_ref().is_some_and(|f| f.item.is_some()) {
                h.press(&["esc"]);
            }
        }
        i += 1;
    }
}

/// Switches `pilot-tunis`'s timing through every kind, in its form, and back.
fn switch_timing(h: &mut Harness) {
    open_form(h, EntityKind::Activity, "pilot-tunis");
    for timing in [
        "Fixed", "Duration", "Span", "Fixed", "Span", "Duration", "Fixed",
    ] {
        h.form_row("timing");
        h.press(&["enter", "ctrl-u"]);
        h.type_text(timing);
        h.press(&["enter"]);
        h.render(120, 40);
        if h.app.shared.editor.is_some() {
            h.press(&["esc"]);
        }
    }
}

/// The TUI: screens, forms, and the Overview after edits.
fn tui(dir: &Path, lang: Lang) {
    let mut h = Harness::open(dir, lang);
    every_screen(&mut h);
    for (kind, id) in [
        (EntityKind::Activity, "pilot-tunis"),
        (EntityKind::Activity, "concept-note"),
        (EntityKind::Funding, "escwa-rptc"),
        (EntityKind::Funding, "development-partner-grant"),
        (EntityKind::Beneficiary, "women"),
    ] {
        open_form(&mut h, kind, id);
        walk_form(&mut h, &|h| open_form(h, kind, id));
    }
    h.press(&["esc", "esc", "1", "enter"]);
    assert!(h.app.shared.form.is_some(), "the plan's form opens");
    walk_form(&mut h, &|h| h.press(&["esc", "esc", "1", "enter"]));
    switch_timing(&mut h);
    h.press(&["esc", "esc"]);
    every_screen(&mut h);
}

/// The semantic diff and the whole review between `a` and `b`, in every form.
fn diff(a: &Plan, b: &Plan) {
    for m in [Messages::new(Lang::En), Messages::new(Lang::Ar)] {
        let d = khutta::diff::diff(a, b);
        let _ = render::text(&d, &m);
        let _ = render::markdown(&d, &m);
        let _ = render::json(&d);
        let r = Review::new(a, b);
        let _ = review::text(&r, &m);
        let _ = review::markdown(&r, &m);
        let _ = review::json(&r);
    }
}

/// The Gantt laid out at every scale, at widths from one column to far more than a terminal,
/// over windows reaching chrono's edges.
fn gantt_layouts(plan: &Plan, edge: NaiveDate) {
    let schedule = khutta::schedule::schedule(plan);
    let scales = [
        None,
        Some(Scale::Day),
        Some(Scale::Week),
        Some(Scale::Month),
        Some(Scale::Quarter),
    ];
    for scale in scales {
        for columns in [1, 80, 400, u16::MAX] {
            for (from, to) in [
                (None, None),
                (Some(edge), None),
                (None, Some(edge)),
                (Some(NaiveDate::MIN), Some(NaiveDate::MAX)),
            ] {
                let options = gantt::Options {
                    scale,
                    from,
                    to,
                    columns,
                    today: Some(edge),
                    months: gantt::english_months(),
                };
                let _ = gantt::layout(plan, &schedule, &options);
            }
        }
    }
}

/// `khutta gantt` draws the plan folder, at a few scales and widths.
fn gantt_cli(dir: &Path) {
    for args in [
        &["gantt", ".", "--width", "100"][..],
        &["gantt", ".", "--width", "40", "--scale", "day", "--ascii"],
        &[
            "gantt",
            ".",
            "--width",
            "300",
            "--scale",
            "quarter",
            "--from",
            "-262143-01-01",
            "--to",
            "+262142-12-31",
        ],
    ] {
        let out = khutta(dir).args(args).output().unwrap();
        let text = transcript(&out);
        assert!(
            matches!(out.status.code(), Some(0..=2)) && !text.contains("panicked"),
            "khutta {args:?}:\n{text}"
        );
    }
}

fn config() -> ProptestConfig {
    let cases = std::env::var("KHUTTA_EXTREMES_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(12);
    let seed = std::env::var("KHUTTA_FUZZ_SEED")
        .ok()
        .and_then(|s| {
            let s = s.trim();
            s.strip_prefix("0x")
                .map_or_else(|| s.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
        })
        .unwrap_or(0x6b68_7574_7461_0015);
    ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        max_shrink_iters: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// No view panics on extreme values a partner's files can hold.
    #[test]
    fn extreme_values_never_crash_a_view(a in extremes(), b in extremes(), arabic in any::<bool>()) {
        let (pa, pb) = (a.apply(base()), b.apply(base()));
        let dir = written(&pa);
        tui(dir.path(), if arabic { Lang::Ar } else { Lang::En });
        diff(base(), &pa);
        diff(&pa, base());
        diff(&pa, &pb);
        gantt_layouts(&pa, a.fixed.1);
        gantt_cli(dir.path());
    }
}

/// The values this file exists for, each on its own so that a failure names it: they must
/// reach the views (the plan written and read back holds them), and no view may panic.
#[test]
fn the_known_extremes_reach_every_view() {
    let plain = Extremes {
        funding: (Decimal::from(600_000), Decimal::from(250_000)),
        budget: (Vec::new(), 1),
        rate: Decimal::new(108, 2),
        duration: (320, None),
        fixed: (
            NaiveDate::from_ymd_opt(2021, 9, 6).unwrap(),
            NaiveDate::from_ymd_opt(2021, 10, 8).unwrap(),
        ),
        lag: 30,
        size: 1_000,
        progress: 75,
        available: None,
        window: None,
        holiday_until: None,
    };
    let cases = [
        Extremes {
            funding: (e27(), e27()),
            ..plain.clone()
        },
        Extremes {
            funding: (minus_7_9e28(), minus_7_9e28()),
            budget: (vec![Decimal::MAX, Decimal::MAX], 300),
            ..plain.clone()
        },
        Extremes {
            funding: (-minus_7_9e28(), Decimal::MIN),
            rate: Decimal::MAX,
            ..plain.clone()
        },
        Extremes {
            duration: (4_000_000_000, Some(NaiveDate::MAX)),
            lag: i32::MIN,
            ..plain.clone()
        },
        Extremes {
            duration: (u32::MAX, None),
            lag: i32::MAX,
            fixed: (NaiveDate::MIN, NaiveDate::MAX),
            window: Some((NaiveDate::MIN, NaiveDate::MAX)),
            holiday_until: Some(NaiveDate::MAX),
            ..plain.clone()
        },
        Extremes {
            size: u64::MAX,
            progress: u8::MAX,
            rate: Decimal::new(1, 28),
            available: Some((NaiveDate::MAX, NaiveDate::MIN)),
            ..plain.clone()
        },
    ];
    for (i, x) in cases.iter().enumerate() {
        let p = x.apply(base());
        let dir = written(&p);
        let read = khutta::store::load(dir.path()).unwrap();
        assert_eq!(read.plan, p, "case {i}: the values survive the files");
        tui(dir.path(), if i % 2 == 0 { Lang::En } else { Lang::Ar });
        diff(base(), &p);
        diff(&p, base());
        gantt_layouts(&p, x.fixed.1);
        gantt_cli(dir.path());
    }
    // An amount that changes sign across the whole range between two revisions.
    let minus = Extremes {
        funding: (minus_7_9e28(), minus_7_9e28()),
        ..plain.clone()
    }
    .apply(base());
    let plus = Extremes {
        funding: (-minus_7_9e28(), -minus_7_9e28()),
        ..plain
    }
    .apply(base());
    diff(&minus, &plus);
    diff(&plus, &minus);
}

/// At 80 columns every tab is still on the bar, the one shown with its name, and the others
/// at least by their key.
#[test]
fn a_narrow_tab_bar_keeps_every_tab() {
    for lang in [Lang::En, Lang::Ar] {
        let mut h = Harness::bundled(lang);
        h.act(khutta::tui::action::Action::Resize(80, 24));
        h.press(&["8"]);
        let bar = h
            .render(80, 24)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        for key in ["1", "2", "5", "7", "8", "9", "0"] {
            assert!(
                bar.contains(key),
                "{lang:?}: tab {key} missing from `{bar}`"
            );
        }
        let history = khutta::tui::words::screen(&h.app.shared.msg, khutta::tui::Screen::History);
        let shown: String = if lang == Lang::Ar {
            history.chars().rev().collect()
        } else {
            history.clone()
        };
        assert!(bar.contains(&shown), "{lang:?}: `{history}` not on `{bar}`");
    }
}
