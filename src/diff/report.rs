//! The conflict report: what the merge driver prints and what the merge test cases expect.

use super::delta;
use super::merge::{Conflict, ConflictKind, Side, Target};
use super::render::{esc, value};
use super::tree::Root;
use crate::text::escape_controls;
use serde_json::Value;
use std::fmt::Write as _;

/// What a whole-entity value of a conflict is, next to the base: `absent`, `unchanged`,
/// `added`, or the fields that changed.
fn summary(root: Root, base: Option<&Value>, side: Option<&Value>) -> String {
    match (base, side) {
        (_, None) => if base.is_some() { "deleted" } else { "absent" }.to_owned(),
        (None, Some(_)) => "added".to_owned(),
        (Some(b), Some(v)) if b == v => "unchanged".to_owned(),
        (Some(b), Some(v)) => {
            let paths: Vec<String> = delta::diff_tree(root, Some(b), Some(v))
                .iter()
                .map(|c| c.path.to_string())
                .collect();
            format!("changed {}", escape_controls(&paths.join(", ")))
        }
    }
}

/// The conflicts as a report: one block per conflict, the file and field first, then the
/// three values, the one the merged plan holds marked `(kept)`. This is also the format of
/// `conflicts.txt` in the merge test cases.
pub fn conflicts(list: &[Conflict]) -> String {
    if list.is_empty() {
        return "no conflicts\n".to_owned();
    }
    let mut s = format!(
        "{} conflict{}\n",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    );
    for c in list {
        s.push_str(&conflict(c));
    }
    s
}

/// One conflict's block of the report, without the count above it.
pub fn conflict(c: &Conflict) -> String {
    let mut s = String::new();
    let _ = match (&c.problem, c.path.is_root()) {
        (Some(p), _) => writeln!(
            s,
            "{} {}: {} {}",
            c.kind.label(),
            esc(&c.target),
            p.code,
            escape_controls(&p.message.english())
        ),
        (None, true) => writeln!(s, "{} {}", c.kind.label(), esc(&c.target)),
        (None, false) => writeln!(s, "{} {} {}", c.kind.label(), esc(&c.target), esc(&c.path)),
    };
    let root = match c.target {
        Target::Plan => Root::Meta,
        Target::Entity { kind, .. } => Root::Entity(kind),
        Target::Round { .. } => Root::Round,
        Target::Response { .. } => Root::Response,
    };
    for (name, side, v) in [
        ("base:  ", Side::Base, &c.base),
        ("ours:  ", Side::Ours, &c.ours),
        ("theirs:", Side::Theirs, &c.theirs),
    ] {
        let shown = if c.path.is_root() && side == Side::Base {
            if v.is_some() { "present" } else { "absent" }.to_owned()
        } else if c.path.is_root() {
            summary(root, c.base.as_ref(), v.as_ref())
        } else {
            v.as_ref().map_or_else(|| "(none)".to_owned(), value)
        };
        let kept = if c.kept == side && c.kind != ConflictKind::Semantic {
            " (kept)"
        } else {
            ""
        };
        let _ = writeln!(s, "  {name} {shown}{kept}");
    }
    if let Some(p) = &c.problem {
        let _ = writeln!(s, "  hint:    {}", escape_controls(&p.hint.english()));
    }
    s
}
