//! Diffs and conflicts as text for a terminal, Markdown for a pull request, and JSON.
//!
//! Pure string building, in the language of the [`Messages`] given: the words around ids,
//! field paths, values (written as RON) and dates. Plan text comes from other organisations,
//! so everything taken from the plan passes through [`escape_controls`]: no escape sequence
//! or bidi override reaches a terminal or hides in a review.

use super::lines::{self, Line, LineKind};
use super::money_view;
use super::path::Seg;
use super::tree::variant;
use super::{FieldChange, KindDiff, PlanDiff};
use crate::i18n::Messages;
use crate::model::{Entity, EntityKind};
use crate::text::escape_controls;
use serde_json::Value;
use std::fmt::Write as _;

pub use super::report::{conflict, conflicts, side_shown};

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

/// How a change reads: `"a" -> "b"`, `added ...`, `removed ...`, in the language of `m`.
pub(super) fn change_text(c: &FieldChange, m: &Messages) -> String {
    let field = matches!(c.path.segments().last(), Some(Seg::Field(_)));
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} -> {}", value(o), value(n)),
        (None, Some(n)) if field => format!("{} -> {}", m.get("review-none"), value(n)),
        (Some(o), None) if field => format!("{} -> {}", value(o), m.get("review-none")),
        (None, Some(n)) => m.get_args("review-item-added", &[("value", value(n).into())]),
        (Some(o), None) => m.get_args("review-item-removed", &[("value", value(o).into())]),
        (None, None) => String::new(),
    }
}

/// The name an entity is shown by, in the language of the messages (the other one when it
/// has none).
fn label(e: &Entity, m: &Messages) -> String {
    let text = match e {
        Entity::Activity(a) => &a.title,
        Entity::Partner(p) => &p.name,
        Entity::Beneficiary(b) => &b.name,
        Entity::Funding(f) => &f.title,
    };
    escape_controls(text.show(m.lang())).into_owned()
}

/// The key of the head of a kind's section (`activities`).
pub(super) fn kind_key(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Activity => "review-kind-activity",
        EntityKind::Partner => "review-kind-partner",
        EntityKind::Beneficiary => "review-kind-beneficiary",
        EntityKind::Funding => "review-kind-funding",
    }
}

/// Items of a list, with the separator of the language of `m`.
pub(super) fn list(items: impl IntoIterator<Item = String>, m: &Messages) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&m.get("review-list-separator"))
}

pub(super) fn counts(g: &KindDiff, m: &Messages) -> String {
    let parts = [
        (g.added.len(), "review-count-added"),
        (g.removed.len(), "review-count-removed"),
        (g.renamed.len(), "review-count-renamed"),
        (g.changed.len(), "review-count-changed"),
    ];
    let shown = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, key)| m.count(key, *n));
    list(shown, m)
}

/// `renamed a -> b (1 entity referring to it follows)`, `renamed` in bold for Markdown.
fn renamed(key: &str, from: String, to: String, references: usize, m: &Messages) -> String {
    let follow = m.count("review-follow", references);
    m.get_args(
        key,
        &[
            ("from", from.into()),
            ("to", to.into()),
            ("follow", follow.into()),
        ],
    )
}

/// The diff as lines for a terminal, one fact per line, in the language of `m`.
pub fn lines(d: &PlanDiff, m: &Messages) -> Vec<Line> {
    if d.is_empty() {
        return vec![Line::new(LineKind::Heading, m.get("review-no-changes"))];
    }
    let mut out = Vec::new();
    let detail = |indent: &str, c: &FieldChange| {
        let text = format!("{indent}{}: {}", esc(&c.path), change_text(c, m));
        Line::new(LineKind::Detail, text)
    };
    if !d.plan.is_empty() {
        out.push(Line::new(LineKind::Heading, "plan.ron"));
        out.extend(d.plan.iter().map(|c| detail("  ", c)));
    }
    let (added, removed) = (m.get("review-added"), m.get("review-removed"));
    let changed = m.get("review-changed");
    for g in &d.entities {
        let head = format!("{}: {}", m.get(kind_key(g.kind)), counts(g, m));
        out.push(Line::new(LineKind::Heading, head));
        for e in &g.added {
            let text = format!("  {added} {}: {}", esc(e.id()), label(e, m));
            out.push(Line::new(LineKind::Added, text));
        }
        for e in &g.removed {
            let text = format!("  {removed} {}: {}", esc(e.id()), label(e, m));
            out.push(Line::new(LineKind::Removed, text));
        }
        for r in &g.renamed {
            let what = renamed(
                "review-renamed",
                esc(&r.from),
                esc(&r.to),
                r.references.len(),
                m,
            );
            out.push(Line::new(LineKind::Renamed, format!("  {what}")));
            out.extend(r.changes.iter().map(|c| detail("    ", c)));
        }
        for ch in &g.changed {
            let text = format!("  {changed} {}", esc(&ch.id));
            out.push(Line::new(LineKind::Changed, text));
            out.extend(ch.changes.iter().map(|c| detail("    ", c)));
        }
    }
    out.extend(money_view::lines(&d.money, m));
    out
}

/// The diff as plain text for a terminal, one fact per line, in the language of `m`.
pub fn text(d: &PlanDiff, m: &Messages) -> String {
    lines::join(&lines(d, m))
}

/// Markdown text: special characters escaped, so that plan text is shown, never interpreted.
pub(super) fn md(s: &str) -> String {
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

fn change_md(c: &FieldChange, m: &Messages) -> String {
    let field = matches!(c.path.segments().last(), Some(Seg::Field(_)));
    let v = |x: &Value| code(&value(x));
    let what = match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{} → {}", v(o), v(n)),
        (None, Some(n)) if field => format!("{} → {}", m.get("review-none"), v(n)),
        (Some(o), None) if field => format!("{} → {}", v(o), m.get("review-none")),
        (None, Some(n)) => m.get_args("review-item-added", &[("value", v(n).into())]),
        (Some(o), None) => m.get_args("review-item-removed", &[("value", v(o).into())]),
        (None, None) => String::new(),
    };
    format!("{}: {what}", code(&c.path.to_string()))
}

/// The diff as Markdown, for a pull-request description, in the language of `m`.
pub fn markdown(d: &PlanDiff, m: &Messages) -> String {
    if d.is_empty() {
        return format!("{}\n", m.get("review-md-no-changes"));
    }
    let mut s = format!("## {}\n", m.get("review-md-title"));
    s.push_str(&changes_markdown(d, m));
    s.push_str(&money_view::markdown(&d.money, m));
    s
}

/// The changes to `plan.ron` and to the entities as Markdown sections, without a title and
/// without the money tables.
pub(super) fn changes_markdown(d: &PlanDiff, m: &Messages) -> String {
    let mut s = String::new();
    if !d.plan.is_empty() {
        s.push_str("\n### plan.ron\n\n");
        for c in &d.plan {
            let _ = writeln!(s, "- {}", change_md(c, m));
        }
    }
    let (added, removed) = (m.get("review-added"), m.get("review-removed"));
    let changed = m.get("review-changed");
    for g in &d.entities {
        let _ = writeln!(s, "\n### {} ({})\n", m.get(kind_key(g.kind)), counts(g, m));
        for e in &g.added {
            let (id, name) = (code(e.id().as_str()), md(&label(e, m)));
            let _ = writeln!(s, "- **{added}** {id}: {name}");
        }
        for e in &g.removed {
            let (id, name) = (code(e.id().as_str()), md(&label(e, m)));
            let _ = writeln!(s, "- **{removed}** {id}: {name}");
        }
        for r in &g.renamed {
            let (from, to) = (code(r.from.as_str()), code(r.to.as_str()));
            let what = renamed("review-md-renamed", from, to, r.references.len(), m);
            let _ = writeln!(s, "- {what}");
            for c in &r.changes {
                let _ = writeln!(s, "  - {}", change_md(c, m));
            }
        }
        for ch in &g.changed {
            let _ = writeln!(s, "- **{changed}** {}", code(ch.id.as_str()));
            for c in &ch.changes {
                let _ = writeln!(s, "  - {}", change_md(c, m));
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
