//! The Overview screen: the plan at a glance.

use crate::check::coverage;
use crate::i18n::Arg;
use crate::model::{ActivityKind, Amount, Currency, Lang, format_amount};
use crate::schedule::standing;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::form::{FormState, Target};
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::BTreeMap;

/// A command on the Overview: Enter edits the plan itself.
pub fn command(sh: &mut Shared, c: Command) -> Vec<Effect> {
    if c == Command::Select {
        sh.form = Some(FormState::new(Target::Plan));
    }
    Vec::new()
}

fn money_line(map: &BTreeMap<Currency, Amount>) -> String {
    if map.is_empty() {
        return "0".into();
    }
    map.iter()
        .map(|(c, v)| format!("{} {c}", format_amount(*v)))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Up to five ids, and how many more.
fn few(ids: &[&str]) -> String {
    let shown = ids.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    match ids.len().saturating_sub(5) {
        0 => shown,
        more => format!("{shown} (+{more})"),
    }
}

/// The overview's lines: a label (message key, or none) and the value with its language.
fn lines(sh: &Shared) -> Vec<(&'static str, String, Lang, Style)> {
    let plan = &sh.doc.plan;
    let (m, meta, ui) = (&sh.msg, &plan.meta, sh.lang);
    let count = |k| plan.activities.values().filter(|a| a.kind == k).count();
    let (errors, warnings) = sh.doc.problem_counts();
    let cov = coverage(plan);
    let total = |t: Option<Amount>| {
        t.map_or("—".to_owned(), |v| {
            format!("{} {}", format_amount(v), meta.currency)
        })
    };
    let share = match (cov.secured_total, cov.budget_total) {
        (Some(s), Some(b)) => s
            .percent_of(b)
            .map_or_else(String::new, |p| format!(" ({p}%)")),
        _ => String::new(),
    };
    let check = match (errors, warnings) {
        (0, 0) => (m.get("no-problems").into_owned(), theme::ok()),
        (0, w) => (
            m.get_args("tui-overview-warnings", &[("warnings", w.into())]),
            theme::warning(),
        ),
        (e, w) => (
            m.get_args(
                "tui-overview-problems",
                &[("errors", e.into()), ("warnings", w.into())],
            ),
            theme::error(),
        ),
    };
    let contents = m.get_args(
        "summary-contents-line",
        &[
            (
                "activities",
                Arg::Text(m.count("count-activities", plan.activities.len()).into()),
            ),
            (
                "milestones",
                Arg::Text(
                    m.count("count-milestones", count(ActivityKind::Milestone))
                        .into(),
                ),
            ),
            (
                "groups",
                Arg::Text(m.count("count-groups", count(ActivityKind::Group)).into()),
            ),
            (
                "partners",
                Arg::Text(m.count("count-partners", plan.partners.len()).into()),
            ),
            (
                "beneficiaries",
                Arg::Text(
                    m.count("count-beneficiaries", plan.beneficiaries.len())
                        .into(),
                ),
            ),
            (
                "funding",
                Arg::Text(m.count("count-funding", plan.funding.len()).into()),
            ),
        ],
    );
    let sched = &sh.doc.schedule;
    let finish = sched
        .finish
        .map_or_else(|| "—".to_owned(), |d| d.to_string());
    // The day's questions: what is late, what comes next, what still decides the finish.
    let today = sh.today;
    let late: Vec<&str> = plan
        .activities
        .values()
        .zip(&sched.entries)
        .filter(|(a, e)| standing::flag(a, e, today) == Some(standing::Flag::Late))
        .map(|(a, _)| a.id.as_str())
        .collect();
    let late_line = if late.is_empty() {
        (
            m.get("tui-overview-late-none").into_owned(),
            ui,
            theme::ok(),
        )
    } else {
        (
            format!("{}: {}", late.len(), few(&late)),
            Lang::En,
            theme::error(),
        )
    };
    let next: Vec<String> = standing::next_milestones(plan, sched, today)
        .into_iter()
        .take(3)
        .map(|(id, d)| format!("{id} {d}"))
        .collect();
    let ahead: Vec<&str> = standing::critical_ahead(plan, sched)
        .into_iter()
        .map(|i| i.as_str())
        .collect();
    let critical = ahead.join(" → ");
    let window = m.get_args(
        "window-range",
        &[
            ("start", Arg::Text(meta.window.start.to_string().into())),
            ("end", Arg::Text(meta.window.end.to_string().into())),
        ],
    );
    vec![
        (
            "",
            meta.title.get(Lang::Ar).unwrap_or_default().to_owned(),
            Lang::Ar,
            theme::heading(),
        ),
        (
            "",
            meta.title.get(Lang::En).unwrap_or_default().to_owned(),
            Lang::En,
            theme::heading(),
        ),
        ("tui-overview-window", window, ui, Style::new()),
        ("tui-overview-contents", contents, ui, Style::new()),
        (
            "tui-overview-today",
            today.to_string(),
            Lang::En,
            Style::new(),
        ),
        ("tui-overview-finish", finish, Lang::En, Style::new()),
        ("tui-overview-late", late_line.0, late_line.1, late_line.2),
        ("tui-overview-next", next.join(", "), Lang::En, Style::new()),
        ("tui-overview-ahead", critical, Lang::En, theme::critical()),
        ("tui-overview-check", check.0, ui, check.1),
        (
            "tui-overview-budget",
            format!("{}  = {}", money_line(&cov.budget), total(cov.budget_total)),
            Lang::En,
            Style::new(),
        ),
        (
            "tui-overview-secured",
            format!(
                "{}  = {}{share}",
                money_line(&cov.secured),
                total(cov.secured_total)
            ),
            Lang::En,
            Style::new(),
        ),
        (
            "tui-overview-expected",
            format!(
                "{}  = {}",
                money_line(&cov.expected),
                total(cov.expected_total)
            ),
            Lang::En,
            Style::new(),
        ),
        ("", String::new(), ui, Style::new()),
        (
            "",
            m.get("tui-overview-edit").into_owned(),
            ui,
            theme::dim(),
        ),
    ]
}

/// Draws the overview.
pub fn draw(sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let cols = pen.columns(inner, &[18, 0]);
    for (i, (label, value, lang, style)) in lines(sh).iter().enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= area.bottom() {
            break;
        }
        if !label.is_empty() {
            pen.ui(
                buf,
                cols[0].0,
                y,
                cols[0].1,
                &sh.msg.get(label),
                theme::dim(),
            );
        }
        pen.text(
            buf,
            Rect::new(cols[1].0, y, cols[1].1, 1),
            value,
            *style,
            *lang,
            pen.beside_label(),
        );
    }
}

/// The Overview screen, drawn from the plan alone.
#[derive(Clone, Copy, Debug, Default)]
pub struct Overview;

impl super::Component for Overview {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(sh, area, buf)
    }
}
