//! Rules over a loaded plan. Pure: a plan in, diagnostics out.

mod answers;
mod consult;
mod cycles;
mod dates;
mod diagnostic;
mod money;
mod refs;
mod values;

pub use cycles::{dependency_cycles, format_cycle};
pub use diagnostic::{Anchor, Code, Diagnostic, Severity, Subject};
pub use money::{Coverage, allocated, allocations, coverage, to_plan_currency};

use crate::model::{EntityKind, Plan};
use std::collections::HashSet;

/// What the checks should leave alone because reading already failed there.
#[derive(Clone, Debug, Default)]
pub struct Unread {
    /// `plan.ron` could not be read: rules about the window, currency and calendars are skipped.
    pub meta: bool,
    /// Entity files that could not be read, by kind and file stem: references to them are not
    /// reported as dangling, since the file's own error says what is wrong.
    pub entities: HashSet<(EntityKind, String)>,
}

/// Runs every rule over `plan`.
pub fn check(plan: &Plan, unread: &Unread) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    refs::check(plan, unread, &mut out);
    cycles::check(plan, &mut out);
    values::check(plan, unread, &mut out);
    consult::check(plan, unread, &mut out);
    if !unread.meta {
        dates::check(plan, &mut out);
        money::check(plan, &mut out);
    }
    out
}

/// Sorts diagnostics into the order they are reported: by file, position and code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Plans for rule tests elsewhere in the crate.
#[cfg(test)]
pub(crate) mod tests_support {
    pub(crate) use super::values::tests::empty_plan;
}
