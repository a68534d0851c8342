//! A diff in one line, for commit lists: what changed, in plan terms.

use super::path::Seg;
use super::{FieldChange, PlanDiff};
use crate::text::escape_controls;

/// The top-level fields a list of changes touches, each once, in order.
fn fields(changes: &[FieldChange]) -> String {
    let mut names: Vec<String> = Vec::new();
    for c in changes {
        let name = match c.path.segments().first() {
            Some(Seg::Field(f)) => f.clone(),
            _ => "content".to_owned(),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// `pilot-tunis (progress, status); + partner oecd; - activity old-x; plan.ron (window)`.
pub fn one_line(d: &PlanDiff) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !d.plan.is_empty() {
        parts.push(format!("plan ({})", fields(&d.plan)));
    }
    for k in &d.entities {
        let noun = k.kind.noun();
        for e in &k.added {
            parts.push(format!("+ {noun} {}", e.id()));
        }
        for e in &k.removed {
            parts.push(format!("- {noun} {}", e.id()));
        }
        for r in &k.renamed {
            parts.push(format!("{noun} {} -> {}", r.from, r.to));
        }
        for c in &k.changed {
            parts.push(format!("{} ({})", c.id, fields(&c.changes)));
        }
    }
    if parts.is_empty() {
        return "no change to the plan".to_owned();
    }
    escape_controls(&parts.join("; ")).into_owned()
}
