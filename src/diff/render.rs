//! Diffs and conflicts as text for a terminal, Markdown for a pull request, and JSON.
//!
//! Pure string building. Plan text comes from other organisations, so everything taken from
//! the plan passes through [`escape_controls`]: no escape sequence or bidi override reaches a
//! terminal or hides in a review.

use super::money::{MoneyChanges, MoneyRow};
use super::path::Seg;
use super::tree::variant;
use super::{FieldChange, KindDiff, PlanDiff};
use crate::model::{Entity, Lang, Money, format_amount};
use crate::text::escape_controls;
use rust_decimal::Decimal;
use serde_json::Value;
use std::fmt::Write as _;

pub use super::report::{conflict, conflicts};

/// A value on one line, written as RON would write it (`Fixed(start: "2026-01-01", ...)`),
/// escaped for a terminal.
pub fn value(v: &Value) -> String {
    let mut s = String::new();
    ron_like(v, &mut s);
    escape_controls(&s).into_owned()
}

fn ron_like(v: &Value, out: &mut String) {
    let fields = |o: &serde_json::Map<String, Value>, out: &mut String| {
        for (i, (k, x)) in o.iter().enumerate() {
            out.push_str(if i == 0 { "" } else { ", " });
            out.push_str(k);
            out.push_str(": ");
            ron_like(x, out);
        }
    };
    match v {
        Value::Null => out.push_str("()"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => {
            out.push('"');
            out.push_str(&s.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { ", " });
                ron_like(x, out);
            }
            out.push(']');
        }
        Value::Object(o) => match variant(v) {
            Some((name, Value::Object(inner))) => {
                out.push_str(name);
                out.push('(');
                fields(inner, out);
                out.push(')');
            }
            Some((name, inner)) => {
                out.push_str(name);
                out.push('(');
                ron_like(inner, out);
                out.push(')');
            }
            None => {
                out.push('(');
                fields(o, out);
                out.push(')');
            }
        },
    }
}

/// Ids and paths come from files too: a hostile id must not reach the terminal raw either.
pub(crate) fn esc(x: &impl std::fmt::Display) -> String {
    escape_controls(&x.to_string()).into_owned()
}

/// How a change reads: `"a" -> "b"`, `added ...`, `removed ...`.
pub(super) fn change_text(c: &FieldChange) -> String {
    let field = matches!(c.path.segments().last(), Some(Seg::Field(_)));
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} -> {}", value(o), value(n)),
        (None, Some(n)) if field => format!("(none) -> {}", value(n)),
        (Some(o), None) if field => format!("{} -> (none)", value(o)),
        (None, Some(n)) => format!("added {}", value(n)),
        (Some(o), None) => format!("removed {}", value(o)),
        (None, None) => String::new(),
    }
}

/// The name an entity is shown by.
fn label(e: &Entity) -> String {
    let text = match e {
        Entity::Activity(a) => &a.title,
        Entity::Partner(p) => &p.name,
        Entity::Beneficiary(b) => &b.name,
        Entity::Funding(f) => &f.title,
    };
    escape_controls(text.show(Lang::En)).into_owned()
}

fn counts(g: &KindDiff) -> String {
    let parts = [
        (g.added.len(), "added"),
        (g.removed.len(), "removed"),
        (g.renamed.len(), "renamed"),
        (g.changed.len(), "changed"),
    ];
    parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many references moved with a rename.
fn follow(n: usize) -> String {
    match n {
        0 => "nothing referred to it".to_owned(),
        1 => "1 entity referring to it follows".to_owned(),
        n => format!("{n} entities referring to it follow"),
    }
}

/// The diff as plain text for a terminal, one fact per line.
pub fn text(d: &PlanDiff) -> String {
    if d.is_empty() {
        return "no changes\n".to_owned();
    }
    let mut s = String::new();
    if !d.plan.is_empty() {
        s.push_str("plan.ron\n");
        for c in &d.plan {
            let _ = writeln!(s, "  {}: {}", esc(&c.path), change_text(c));
        }
    }
    for g in &d.entities {
        let _ = writeln!(s, "{}: {}", g.kind.dir(), counts(g));
        for e in &g.added {
            let _ = writeln!(s, "  added {}: {}", esc(e.id()), label(e));
        }
        for e in &g.removed {
            let _ = writeln!(s, "  removed {}: {}", esc(e.id()), label(e));
        }
        for r in &g.renamed {
            let _ = writeln!(
                s,
                "  renamed {} -> {} ({})",
                esc(&r.from),
                esc(&r.to),
                follow(r.references.len())
            );
            for c in &r.changes {
                let _ = writeln!(s, "    {}: {}", esc(&c.path), change_text(c));
            }
        }
        for ch in &g.changed {
            let _ = writeln!(s, "  changed {}", esc(&ch.id));
            for c in &ch.changes {
                let _ = writeln!(s, "    {}: {}", esc(&c.path), change_text(c));
            }
        }
    }
    s.push_str(&money_text(&d.money));
    s
}

fn amounts(list: &[Money]) -> String {
    if list.is_empty() {
        return "-".to_owned();
    }
    list.iter()
        .map(Money::to_string)
        .collect::<Vec<_>>()
        .join(" + ")
}

fn converted(d: Option<Decimal>) -> String {
    d.map_or_else(|| "n/a".to_owned(), format_amount)
}

fn signed(d: Option<Decimal>) -> String {
    match d {
        Some(d) if d > Decimal::ZERO => format!("+{}", format_amount(d)),
        Some(d) => format_amount(d),
        None => "n/a".to_owned(),
    }
}

/// The rows of the money tables: a title and cells, header row first.
fn money_tables(m: &MoneyChanges) -> Vec<(&'static str, Vec<[String; 6]>)> {
    let same = m.before_currency == m.after_currency;
    let header = |first: &str| {
        [
            first.to_owned(),
            "before".to_owned(),
            "after".to_owned(),
            format!("before {}", m.before_currency),
            format!("after {}", m.after_currency),
            "change".to_owned(),
        ]
    };
    let cells = |r: &MoneyRow| {
        let name =
            r.id.as_ref()
                .map_or("(total)".to_owned(), |id| id.to_string());
        [
            name,
            amounts(&r.before),
            amounts(&r.after),
            converted(r.before_converted),
            converted(r.after_converted),
            if same {
                signed(r.change())
            } else {
                "n/a".to_owned()
            },
        ]
    };
    let mut out = Vec::new();
    let mut table = |title, first: &str, rows: Vec<&MoneyRow>| {
        if !rows.is_empty() {
            let mut t = vec![header(first)];
            t.extend(rows.into_iter().map(cells));
            out.push((title, t));
        }
    };
    let mut budget: Vec<&MoneyRow> = m.activities.iter().collect();
    budget.extend(&m.budget_total);
    table("budget by activity", "activity", budget);
    table("funding by source", "source", m.sources.iter().collect());
    table("funding by funder", "funder", m.funders.iter().collect());
    out
}

fn money_text(m: &MoneyChanges) -> String {
    let mut s = String::new();
    if m.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "money (converted to the plan currency at each revision's rates)"
    );
    for (title, rows) in money_tables(m) {
        let _ = writeln!(s, "  {title}");
        let mut widths = [0usize; 6];
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.chars().count());
            }
        }
        for r in &rows {
            let mut line = String::from("   ");
            for (i, (c, w)) in r.iter().zip(widths).enumerate() {
                // Names align left, amounts right, as in a ledger.
                let _ = if i == 0 {
                    write!(line, " {c:<w$}")
                } else {
                    write!(line, "  {c:>w$}")
                };
            }
            let _ = writeln!(s, "{}", line.trim_end());
        }
    }
    s
}

/// Markdown text: special characters escaped, so that plan text is shown, never interpreted.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_controls(s).chars() {
        if "\\`*_[]<>|#!~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An inline code span that holds `s` whatever backticks it contains.
pub(super) fn code(s: &str) -> String {
    let s = &*escape_controls(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn change_md(c: &FieldChange) -> String {
    let field = matches!(c.path.segments().last(), Some(Seg::Field(_)));
    let v = |x: &Value| code(&value(x));
    let what = match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} → {}", v(o), v(n)),
        (None, Some(n)) if field => format!("(none) → {}", v(n)),
        (Some(o), None) if field => format!("{} → (none)", v(o)),
        (None, Some(n)) => format!("added {}", v(n)),
        (Some(o), None) => format!("removed {}", v(o)),
        (None, None) => String::new(),
    };
    format!("{}: {what}", code(&c.path.to_string()))
}

/// The diff as Markdown, for a pull-request description.
pub fn markdown(d: &PlanDiff) -> String {
    if d.is_empty() {
        return "No changes.\n".to_owned();
    }
    let mut s = String::from("## Plan changes\n");
    if !d.plan.is_empty() {
        s.push_str("\n### plan.ron\n\n");
        for c in &d.plan {
            let _ = writeln!(s, "- {}", change_md(c));
        }
    }
    for g in &d.entities {
        let _ = writeln!(s, "\n### {} ({})\n", g.kind.dir(), counts(g));
        for e in &g.added {
            let _ = writeln!(
                s,
                "- **added** {}: {}",
                code(e.id().as_str()),
                md(&label(e))
            );
        }
        for e in &g.removed {
            let _ = writeln!(
                s,
                "- **removed** {}: {}",
                code(e.id().as_str()),
                md(&label(e))
            );
        }
        for r in &g.renamed {
            let _ = writeln!(
                s,
                "- **renamed** {} → {} ({})",
                code(r.from.as_str()),
                code(r.to.as_str()),
                follow(r.references.len())
            );
            for c in &r.changes {
                let _ = writeln!(s, "  - {}", change_md(c));
            }
        }
        for ch in &g.changed {
            let _ = writeln!(s, "- **changed** {}", code(ch.id.as_str()));
            for c in &ch.changes {
                let _ = writeln!(s, "  - {}", change_md(c));
            }
        }
    }
    if !d.money.is_empty() {
        s.push_str("\n### Money\n\nConverted to the plan currency at each revision's rates.\n");
        for (title, rows) in money_tables(&d.money) {
            let _ = writeln!(s, "\n**{title}**\n");
            for (i, r) in rows.iter().enumerate() {
                let cells: Vec<String> = r.iter().map(|c| md(c)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
                if i == 0 {
                    s.push_str("|---|---:|---:|---:|---:|---:|\n");
                }
            }
        }
    }
    s
}

/// The diff as pretty JSON.
pub fn json(d: &PlanDiff) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(d).map(|mut s| {
        s.push('\n');
        s
    })
}
