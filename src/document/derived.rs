//! What the document works out from its plan (the problems and the schedule), kept up to date
//! after each edit by working out again only what that edit can change.
//!
//! A full run checks every rule and schedules every activity: a third of a second at 100,000
//! activities, too long between a key and its frame. Most edits change fields of one entity
//! and nothing the rest of the plan reads of it (its id, its kind, its parent, its
//! dependencies): then the rules about that entity alone run again (`check::Scope`), the
//! money rules only when a budget line or a funding source changed, and the passes of the
//! schedule only when the activity's timing changed, over the network kept from before
//! (`schedule::Scheduler`). Every other change (a new, removed or renamed entity, a changed
//! kind, parent or dependency, the plan file, a consultation, anything read from disk) runs
//! everything. A property test holds the narrow path to what a full run finds.

use crate::check::{self, Diagnostic, Scope, Subject, Unread};
use crate::edit::{Change, Edit};
use crate::model::{Entity, EntityKind, Id, Plan};
use crate::schedule::{Schedule, Scheduler};
use crate::store::LoadedPlan;
use std::collections::HashMap;

/// The problems and schedule of a plan, by where they come from.
#[derive(Clone, Debug)]
pub(super) struct Derived {
    /// What the rules about the plan as a whole say.
    whole: Vec<Diagnostic>,
    /// What the rules about single entities say, by entity (only those with something to say).
    local: HashMap<(EntityKind, Id), Vec<Diagnostic>>,
    /// What the money rules say.
    money: Vec<Diagnostic>,
    /// The network the schedule was computed on.
    scheduler: Scheduler,
}

/// An edit narrow enough to be followed in part: the entities it changed, none of them in
/// what other entities' rules or the network read.
pub(super) struct Narrow {
    entities: Vec<(EntityKind, Id)>,
    /// Whether a budget line or a funding source changed.
    money: bool,
}

impl Narrow {
    /// `edit` as a narrow change, when it is one.
    pub(super) fn of(edit: &Edit) -> Option<Narrow> {
        let mut narrow = Narrow {
            entities: Vec::new(),
            money: false,
        };
        for change in &edit.changes {
            let Change::Entity {
                kind,
                id,
                before: Some(before),
                after: Some(after),
            } = change
            else {
                return None;
            };
            if before.id() != id || after.id() != id {
                return None;
            }
            match (before.as_ref(), after.as_ref()) {
                (Entity::Activity(b), Entity::Activity(a)) => {
                    if b.kind != a.kind || b.parent != a.parent || b.dependencies != a.dependencies
                    {
                        return None;
                    }
                    narrow.money |= b.budget != a.budget;
                }
                (Entity::Funding(_), Entity::Funding(_)) => narrow.money = true,
                (Entity::Partner(_), Entity::Partner(_))
                | (Entity::Beneficiary(_), Entity::Beneficiary(_)) => {}
                _ => return None,
            }
            narrow.entities.push((*kind, id.clone()));
        }
        Some(narrow)
    }
}

impl Derived {
    /// Checks and schedules `plan` whole: the scheduler on a second core, beside the rules.
    pub(super) fn full(plan: &Plan, unread: &Unread) -> (Derived, Schedule) {
        let (found, (scheduler, schedule)) = std::thread::scope(|s| {
            let scheduling = s.spawn(|| Scheduler::new(plan));
            let whole = check::rules(plan, unread, Scope::Whole);
            let mut local: HashMap<(EntityKind, Id), Vec<Diagnostic>> = HashMap::new();
            for d in check::rules(plan, unread, Scope::Entities) {
                local.entry(key(&d)).or_default().push(d);
            }
            let money = check::money_rules(plan, unread);
            let scheduled = scheduling
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            ((whole, local, money), scheduled)
        });
        let (whole, local, money) = found;
        let derived = Derived {
            whole,
            local,
            money,
            scheduler,
        };
        (derived, schedule)
    }

    /// Follows a narrow edit (see [`Narrow`]) that `plan` now holds; `position` gives each
    /// activity's place in the plan's id order. Returns whether the schedule changed.
    pub(super) fn follow(
        &mut self,
        plan: &Plan,
        unread: &Unread,
        narrow: &Narrow,
        position: &rustc_hash::FxHashMap<Id, usize>,
        schedule: &mut Schedule,
    ) -> bool {
        let mut activities = Vec::new();
        for (kind, id) in &narrow.entities {
            let found = check::rules(plan, unread, Scope::Entity(*kind, id));
            if found.is_empty() {
                self.local.remove(&(*kind, id.clone()));
            } else {
                self.local.insert((*kind, id.clone()), found);
            }
            if *kind == EntityKind::Activity
                && let (Some(i), Some(a)) = (position.get(id), plan.activities.get(id))
            {
                activities.push((*i, a));
            }
        }
        if narrow.money {
            self.money = check::money_rules(plan, unread);
        }
        match self.scheduler.reschedule(plan, &activities) {
            Some(again) => {
                *schedule = again;
                true
            }
            None => false,
        }
    }

    /// Every problem: what reading `loaded` found, what the rules say of `plan`, and the
    /// schedule's date conflicts, each named by its file, errors first.
    pub(super) fn diagnostics(
        &self,
        plan: &Plan,
        loaded: &LoadedPlan,
        unread: &Unread,
        schedule: &Schedule,
    ) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = self.whole.clone();
        found.extend(self.local.values().flatten().cloned());
        found.extend(self.money.iter().cloned());
        if !unread.meta {
            found.extend(crate::schedule::conflict_diagnostics(plan, schedule));
        }
        crate::workspace::name_files(&mut found, loaded);
        let mut all = loaded.diagnostics.clone();
        all.extend(found);
        // Errors first on the Problems screen, then by file as everywhere.
        all.sort_by(|a, b| (a.severity, a.sort_key()).cmp(&(b.severity, b.sort_key())));
        all
    }
}

/// The entity a rule about single entities spoke of.
fn key(d: &Diagnostic) -> (EntityKind, Id) {
    match &d.subject {
        Subject::Entity { entity, id } => (*entity, id.clone()),
        // Such rules speak only of their entity; a file without an entity is kept apart.
        _ => (EntityKind::Activity, Id::new_unchecked("")),
    }
}
