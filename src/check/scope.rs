//! Which rules a run of the checks covers: all of them, or only those about one entity.
//!
//! An edit of one entity's fields (not its id, kind, parent or dependencies) can change only
//! what the rules say about that entity alone, what the money rules say (they sum every
//! budget line) and the schedule's date conflicts: every other rule reads the entity only
//! through facts the edit leaves as they were (its id, its kind as a parent). So after such
//! an edit the document reruns the rules in the entity's scope and, where money moved, the
//! money rules, instead of every rule over the whole plan (see `document::derived`).

use crate::model::{EntityKind, Id};
use std::collections::BTreeMap;

/// The rules to run.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// Every rule, over the whole plan.
    All,
    /// The rules about the plan as a whole only, none about single entities.
    Whole,
    /// The rules about single entities, for every entity.
    Entities,
    /// Only the rules about this one entity alone.
    Entity(EntityKind, &'a Id),
}

impl Scope<'_> {
    /// Whether the rules about the plan as a whole run (cycles, the plan file, consultations,
    /// governance).
    pub(crate) fn whole(self) -> bool {
        matches!(self, Scope::All | Scope::Whole)
    }

    /// The entities of `kind` in `map` that the rules about single entities visit.
    pub(crate) fn each<'p, T>(
        self,
        kind: EntityKind,
        map: &'p BTreeMap<Id, T>,
    ) -> Box<dyn Iterator<Item = &'p T> + 'p> {
        match self {
            Scope::All | Scope::Entities => Box::new(map.values()),
            Scope::Entity(k, id) if k == kind => Box::new(map.get(id).into_iter()),
            Scope::Entity(..) | Scope::Whole => Box::new(std::iter::empty()),
        }
    }

    /// The ids of `kind` whose own rules run.
    pub(crate) fn ids(self, plan: &crate::model::Plan, kind: EntityKind) -> Vec<Id> {
        match self {
            Scope::All | Scope::Entities => plan.ids(kind),
            Scope::Entity(k, id) if k == kind && plan.contains(kind, id.as_str()) => {
                vec![id.clone()]
            }
            Scope::Entity(..) | Scope::Whole => Vec::new(),
        }
    }
}
