//! Budget and funding: what the plan costs, what is funded, and each funding source against
//! the budget lines that draw on it.

use super::escape::{escaped, push_bdi, push_escaped, push_plan_text};
use super::push_message;
use crate::check::{allocations, coverage};
use crate::i18n::Messages;
use crate::model::{
    Activity, Amount, BudgetCategory, BudgetLine, Currency, Id, Plan, format_amount, keys,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Appends `amount currency`, kept together and left to right in either language.
fn push_money(out: &mut String, amount: Option<Amount>, currency: &Currency) {
    out.push_str("<span class=\"money\" dir=\"ltr\">");
    match amount {
        Some(a) => push_escaped(out, &format_amount(a)),
        None => out.push('—'),
    }
    out.push(' ');
    push_plan_text(out, currency.as_str());
    out.push_str("</span>");
}

fn heading(out: &mut String, m: &Messages, keys: &[&str], numeric_from: usize) {
    out.push_str("<thead><tr>");
    for (k, key) in keys.iter().enumerate() {
        out.push_str(if k >= numeric_from {
            "<th class=\"num\">"
        } else {
            "<th>"
        });
        push_escaped(out, &m.get(key));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead>\n");
}

/// Appends the budget section's body.
pub(crate) fn budget(out: &mut String, plan: &Plan, m: &Messages) {
    totals(out, plan, m);
    sources(out, plan, m);
}

/// Budget, secured and expected funding, in the plan's currency and by currency.
fn totals(out: &mut String, plan: &Plan, m: &Messages) {
    let c = coverage(plan);
    let plan_currency = &plan.meta.currency;
    out.push_str("<table class=\"coverage\">\n");
    heading(
        out,
        m,
        &["", "report-col-total", "report-col-by-currency"],
        1,
    );
    out.push_str("<tbody>\n");
    for (key, total, by) in [
        ("report-budgeted", c.budget_total, &c.budget),
        ("report-secured", c.secured_total, &c.secured),
        ("report-expected", c.expected_total, &c.expected),
    ] {
        out.push_str("<tr><th scope=\"row\">");
        push_escaped(out, &m.get(key));
        out.push_str("</th><td class=\"num\">");
        push_money(out, total, plan_currency);
        out.push_str("</td><td class=\"num\">");
        for (i, (currency, amount)) in by.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_money(out, Some(*amount), currency);
        }
        out.push_str("</td></tr>\n");
    }
    let share = c
        .budget_total
        .zip(c.secured_total)
        .and_then(|(b, s)| s.percent_of(b));
    out.push_str("<tr><th scope=\"row\">");
    push_escaped(out, &m.get("report-secured-share"));
    out.push_str("</th><td class=\"num\">");
    match share {
        Some(p) => {
            let _ = write!(out, "<span dir=\"ltr\">{}%</span>", p.normalize());
        }
        None => out.push('—'),
    }
    out.push_str("</td><td></td></tr>\n</tbody>\n</table>\n");
}

/// Each funding source with what its budget lines draw, then the lines themselves; then the
/// lines no source pays for.
fn sources(out: &mut String, plan: &Plan, m: &Messages) {
    let lang = m.lang();
    let drawn = allocations(plan);
    let mut lines: BTreeMap<Option<&Id>, Vec<(&Activity, &BudgetLine)>> = BTreeMap::new();
    for a in plan.activities.values() {
        for l in &a.budget {
            // A line naming a source that does not exist is shown with the unfunded ones.
            let key = l.funding.as_ref().filter(|f| plan.funding.contains_key(*f));
            lines.entry(key).or_default().push((a, l));
        }
    }
    out.push_str("<h3>");
    push_escaped(out, &m.get("report-funding-sources"));
    out.push_str("</h3>\n");
    if plan.funding.is_empty() {
        out.push_str("<p class=\"none\">");
        push_escaped(out, &m.get("report-no-funding"));
        out.push_str("</p>\n");
    } else {
        out.push_str("<table class=\"funding\">\n");
        heading(
            out,
            m,
            &[
                "report-col-source",
                "report-col-funder",
                "report-col-status",
                "report-col-amount",
                "report-col-drawn",
                "report-col-left",
                "report-col-lines",
            ],
            3,
        );
        out.push_str("<tbody>\n");
        for f in plan.funding.values() {
            let (used, _) = drawn.get(&f.id).copied().unwrap_or_default();
            let left = f.amount.checked_sub(used);
            let over = left.is_some_and(|l| l < Amount::ZERO);
            out.push_str(if over { "<tr class=\"over\"" } else { "<tr" });
            out.push_str(" data-id=\"");
            push_plan_text(out, f.id.as_str());
            out.push_str("\"><td>");
            push_bdi(out, f.title.show(lang));
            out.push_str(" <code>");
            push_bdi(out, f.id.as_str());
            out.push_str("</code></td><td>");
            let funder = plan
                .partners
                .get(&f.funder)
                .map_or(f.funder.as_str(), |p| p.name.show(lang));
            push_bdi(out, funder);
            out.push_str("</td><td>");
            push_escaped(out, &m.get(keys::funding_status(f.status)));
            out.push_str("</td><td class=\"num\">");
            push_money(out, Some(f.amount), &f.currency);
            out.push_str("</td><td class=\"num\">");
            push_money(out, Some(used), &f.currency);
            out.push_str("</td><td class=\"num\">");
            push_money(out, left, &f.currency);
            let count = lines.get(&Some(&f.id)).map_or(0, Vec::len);
            let _ = writeln!(out, "</td><td class=\"num\">{count}</td></tr>");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    // The sources' lines first, in the sources' order, then those no source pays for.
    let ordered = lines
        .iter()
        .filter(|(s, _)| s.is_some())
        .chain(lines.iter().filter(|(s, _)| s.is_none()));
    let categories: Vec<(BudgetCategory, String)> = BudgetCategory::ALL
        .iter()
        .map(|c| (*c, escaped(&m.get(crate::model::keys::budget_category(*c)))))
        .collect();
    for (source, list) in ordered {
        out.push_str("<h4>");
        match source.and_then(|id| plan.funding.get(id)) {
            Some(f) => push_message(out, m, "report-lines-of", "source", f.title.show(lang)),
            None => push_escaped(out, &m.get("html-unfunded")),
        }
        out.push_str("</h4>\n<table class=\"lines\">\n");
        heading(
            out,
            m,
            &[
                "report-col-activity",
                "report-col-category",
                "report-col-amount",
            ],
            2,
        );
        out.push_str("<tbody>\n");
        for (a, l) in list {
            out.push_str("<tr><td>");
            push_bdi(out, a.title.show(lang));
            out.push_str(" <code>");
            push_bdi(out, a.id.as_str());
            out.push_str("</code></td><td>");
            if let Some((_, name)) = categories.iter().find(|(c, _)| *c == l.category) {
                out.push_str(name);
            }
            if let Some(note) = l.note.as_deref().filter(|n| !n.trim().is_empty()) {
                out.push_str(" <span class=\"note\">");
                push_bdi(out, note);
                out.push_str("</span>");
            }
            out.push_str("</td><td class=\"num\">");
            push_money(out, Some(l.amount), &l.currency);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
}
