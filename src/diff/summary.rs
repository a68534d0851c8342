//! A diff in one line, for commit lists: what changed, in plan terms.

use super::path::Seg;
use super::{FieldChange, PlanDiff};
use crate::check::noun;
use crate::i18n::Said;
use crate::said;

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

/// `pilot-tunis (progress, status); + partner oecd; - activity old-x; plan.ron (window)`:
/// the phrases of a diff in one line, each in words any reader's language can show. Ids and
/// field names stay as written; the line is escaped where it is shown.
pub fn one_line(d: &PlanDiff) -> Vec<Said> {
    let mut parts: Vec<Said> = Vec::new();
    if !d.plan.is_empty() {
        parts.push(said!("summary-plan-fields", fields = &fields(&d.plan)));
    }
    for k in &d.entities {
        let noun = || noun(k.kind);
        for e in &k.added {
            parts.push(said!("summary-added", noun = noun(), id = e.id()));
        }
        for e in &k.removed {
            parts.push(said!("summary-removed", noun = noun(), id = e.id()));
        }
        for r in &k.renamed {
            parts.push(said!(
                "summary-renamed",
                noun = noun(),
                from = &r.from,
                to = &r.to
            ));
        }
        for c in &k.changed {
            parts.push(said!(
                "summary-changed",
                id = &c.id,
                fields = &fields(&c.changes)
            ));
        }
    }
    if parts.is_empty() {
        parts.push(said!("summary-no-change"));
    }
    parts
}
