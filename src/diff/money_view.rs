//! The money tables of a review (budget by activity, what the lines draw on each source,
//! funding by source and by funder), as table lines for a terminal and as Markdown, in the
//! language of the messages.

use super::lines::{self, Column, Line, LineKind};
use super::money::{MoneyChanges, MoneyRow};
use super::render::md;
use crate::i18n::Messages;
use crate::model::{Amount, Currency, Id, Money, format_amount};
use std::fmt::Write as _;

fn amounts(list: &[Money]) -> String {
    if list.is_empty() {
        return "-".to_owned();
    }
    list.iter()
        .map(Money::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The rows of the money tables: a title and cells, header row first.
fn tables(m: &MoneyChanges, msg: &Messages) -> Vec<(String, Vec<Vec<String>>)> {
    let same = m.before_currency == m.after_currency;
    let unknown = msg.get("review-money-unknown");
    let converted = |d: Option<Amount>| d.map_or_else(|| unknown.to_string(), format_amount);
    let signed = |d: Option<Amount>| match d {
        Some(d) if d > Amount::ZERO => format!("+{}", format_amount(d)),
        d => converted(d),
    };
    let in_currency =
        |key: &str, c: &Currency| msg.get_args(key, &[("currency", c.to_string().into())]);
    let header = |first: &str| {
        vec![
            msg.get(first).into_owned(),
            msg.get("review-money-before").into_owned(),
            msg.get("review-money-after").into_owned(),
            in_currency("review-money-before-in", &m.before_currency),
            in_currency("review-money-after-in", &m.after_currency),
            msg.get("review-money-change").into_owned(),
        ]
    };
    // A row without an id is the total, or in the draws table the lines of no source.
    let cells = |r: &MoneyRow, none: &str| {
        let name =
            r.id.as_ref()
                .map_or_else(|| msg.get(none).into_owned(), Id::to_string);
        vec![
            name,
            amounts(&r.before),
            amounts(&r.after),
            converted(r.before_converted),
            converted(r.after_converted),
            if same {
                signed(r.change())
            } else {
                unknown.to_string()
            },
        ]
    };
    let mut out = Vec::new();
    let mut table = |title: &str, first: &str, rows: Vec<&MoneyRow>, none: &str| {
        if !rows.is_empty() {
            let mut t = vec![header(first)];
            t.extend(rows.into_iter().map(|r| cells(r, none)));
            out.push((msg.get(title).into_owned(), t));
        }
    };
    let total = "review-money-total";
    let mut budget: Vec<&MoneyRow> = m.activities.iter().collect();
    budget.extend(&m.budget_total);
    table(
        "review-money-budget",
        "review-money-activity",
        budget,
        total,
    );
    let draws = m.draws.iter().collect();
    let no_source = "review-money-no-source";
    table(
        "review-money-draws",
        "review-money-source",
        draws,
        no_source,
    );
    let sources = m.sources.iter().collect();
    table(
        "review-money-sources",
        "review-money-source",
        sources,
        total,
    );
    let funders = m.funders.iter().collect();
    table(
        "review-money-funders",
        "review-money-funder",
        funders,
        total,
    );
    out
}

/// The money section as lines: names on the left, amounts on the right, as in a ledger.
pub(super) fn lines(m: &MoneyChanges, msg: &Messages) -> Vec<Line> {
    if m.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::new(LineKind::Heading, msg.get("review-money"))];
    let mut columns = vec![Column::Right; 6];
    columns[0] = Column::Left;
    for (title, rows) in tables(m, msg) {
        out.push(Line::new(LineKind::Detail, format!("  {title}")));
        out.extend(lines::table(&rows, "    ", &columns));
    }
    out
}

/// The money section as Markdown tables.
pub(super) fn markdown(m: &MoneyChanges, msg: &Messages) -> String {
    let mut s = String::new();
    if m.is_empty() {
        return s;
    }
    let _ = write!(
        s,
        "\n### {}\n\n{}\n",
        msg.get("review-md-money"),
        msg.get("review-md-money-note")
    );
    for (title, rows) in tables(m, msg) {
        let _ = writeln!(s, "\n**{title}**\n");
        for (i, r) in rows.iter().enumerate() {
            let cells: Vec<String> = r.iter().map(|c| md(c)).collect();
            let _ = writeln!(s, "| {} |", cells.join(" | "));
            if i == 0 {
                s.push_str("|---|---:|---:|---:|---:|---:|\n");
            }
        }
    }
    s
}
