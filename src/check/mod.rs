//! Rules over a loaded plan. Pure: a plan in, diagnostics out.

mod answers;
mod consult;
mod cycles;
mod dates;
mod diagnostic;
pub mod explain;
mod governance;
mod ids;
mod money;
mod refs;
mod said;
mod scope;
mod values;

pub use crate::i18n::{Part, Said};
pub use cycles::{dependency_cycles, format_cycle};
pub use diagnostic::{Anchor, Code, Diagnostic, Severity, Subject};
pub use money::{Coverage, allocated, allocations, coverage, to_plan_currency};
pub use said::{noun, plural};
pub use scope::Scope;

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
    let mut out = rules(plan, unread, Scope::All);
    out.extend(money_rules(plan, unread));
    out
}

/// Runs the rules in `scope`, but for the money rules ([`money_rules`]).
pub fn rules(plan: &Plan, unread: &Unread, scope: Scope) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Hashing every activity's id pays off only when every reference is looked up.
    let activities = (!matches!(scope, Scope::Entity(..))).then(|| ActivityIndex::new(plan));
    ids::check(plan, scope, &mut out);
    refs::check(plan, activities.as_ref(), unread, scope, &mut out);
    if let Some(activities) = activities.as_ref().filter(|_| scope.whole()) {
        cycles::check(plan, activities, &mut out);
        consult::check(plan, unread, &mut out);
        governance::check(plan, &mut out);
    }
    values::check(plan, unread, scope, &mut out);
    if !unread.meta {
        dates::check(plan, scope, &mut out);
    }
    out
}

/// The money rules: every amount convertible, no funding source drawn beyond its amount. They
/// read every budget line at once, so they run whole or not at all.
pub fn money_rules(plan: &Plan, unread: &Unread) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !unread.meta {
        money::check(plan, &mut out);
    }
    out
}

/// Each activity's position in the plan's id order, by id.
///
/// Activities are most of a large plan and the target of most references; hashing their ids
/// once makes each reference a constant-time lookup instead of a walk down the ordered map,
/// which keeps the checks linear in the size of the plan.
pub(crate) struct ActivityIndex<'p> {
    ids: Vec<&'p crate::model::Id>,
    position: rustc_hash::FxHashMap<&'p str, u32>,
}

impl<'p> ActivityIndex<'p> {
    pub(crate) fn new(plan: &'p Plan) -> Self {
        let ids: Vec<_> = plan.activities.keys().collect();
        let mut position =
            rustc_hash::FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
        for (i, id) in ids.iter().enumerate() {
            position.insert(id.as_str(), i as u32);
        }
        ActivityIndex { ids, position }
    }

    /// The position of activity `id`, if the plan has it.
    pub(crate) fn get(&self, id: &str) -> Option<u32> {
        self.position.get(id).copied()
    }

    /// How many activities the plan has.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The id at position `i`.
    pub(crate) fn id(&self, i: u32) -> &'p crate::model::Id {
        self.ids[i as usize]
    }
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
