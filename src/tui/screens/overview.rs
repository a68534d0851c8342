//! The Overview screen: the plan at a glance.

use crate::check::coverage;
use crate::model::{ActivityKind, Currency, format_amount};
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::form::{FormState, Target};
use crate::tui::paint::{Align, put};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A command on the Overview: Enter edits the plan itself.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    if c == Command::Select {
        app.form = Some(FormState::new(Target::Plan));
    }
    Vec::new()
}

fn money_line(map: &BTreeMap<Currency, Decimal>) -> String {
    if map.is_empty() {
        return "0".into();
    }
    map.iter()
        .map(|(c, v)| format!("{} {c}", format_amount(*v)))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Draws the overview.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let plan = &app.doc.plan;
    let m = &plan.meta;
    let count = |k| plan.activities.values().filter(|a| a.kind == k).count();
    let (errors, warnings) = app.doc.problem_counts();
    let cov = coverage(plan);
    let total = |t: Option<Decimal>| {
        t.map_or("—".to_owned(), |v| {
            format!("{} {}", format_amount(v), m.currency)
        })
    };
    let share = match (cov.secured_total, cov.budget_total) {
        (Some(s), Some(b)) if !b.is_zero() => {
            format!(" ({}%)", (s * Decimal::from(100) / b).round())
        }
        _ => String::new(),
    };
    let check = match (errors, warnings) {
        (0, 0) => ("no problems".to_owned(), theme::ok()),
        (0, w) => (format!("{w} warnings"), theme::warning()),
        (e, w) => (
            format!("{e} errors, {w} warnings (see Problems, 7)"),
            theme::error(),
        ),
    };
    let lines: Vec<(&str, String, Style)> = vec![
        (
            "",
            m.title
                .get(crate::model::Lang::En)
                .unwrap_or_default()
                .to_owned(),
            theme::heading(),
        ),
        (
            "",
            m.title
                .get(crate::model::Lang::Ar)
                .unwrap_or_default()
                .to_owned(),
            theme::heading(),
        ),
        (
            "window",
            format!("{} to {}", m.window.start, m.window.end),
            Style::new(),
        ),
        (
            "contents",
            format!(
                "{} activities ({} milestones, {} groups), {} partners, {} beneficiary groups, {} funding sources",
                plan.activities.len(),
                count(ActivityKind::Milestone),
                count(ActivityKind::Group),
                plan.partners.len(),
                plan.beneficiaries.len(),
                plan.funding.len()
            ),
            Style::new(),
        ),
        ("check", check.0, check.1),
        (
            "budget",
            format!("{}  = {}", money_line(&cov.budget), total(cov.budget_total)),
            Style::new(),
        ),
        (
            "secured",
            format!(
                "{}  = {}{share}",
                money_line(&cov.secured),
                total(cov.secured_total)
            ),
            Style::new(),
        ),
        (
            "expected",
            format!(
                "{}  = {} (pipeline and pledged)",
                money_line(&cov.expected),
                total(cov.expected_total)
            ),
            Style::new(),
        ),
        ("", String::new(), Style::new()),
        (
            "",
            "enter: edit the plan's title, window, currency and rates".into(),
            theme::dim(),
        ),
    ];
    for (i, (label, value, style)) in lines.iter().enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= area.bottom() {
            break;
        }
        put(buf, area.x + 1, y, 10, label, theme::dim(), Align::Left);
        put(
            buf,
            area.x + 12,
            y,
            area.width.saturating_sub(13),
            value,
            *style,
            Align::Left,
        );
    }
}
