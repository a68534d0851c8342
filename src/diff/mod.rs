//! Semantic diff and three-way merge of plans: model to model, no IO.
//!
//! Both work on the serde tree of each entity (and of `plan.ron`), so every field is covered
//! without code of its own; [`FieldPath`]s name what changed. Lists follow one of three rules:
//! - **keyed**: dependencies by target activity, an activity's partners by partner id,
//!   exchange rates by currency and date, calendars by id, holidays by date. Items with the
//!   same key are compared field by field (`dependencies[launch].lag`). A list where a key
//!   repeats (a partner with two roles) falls back to a set of whole items.
//! - **sets**: tags, beneficiaries, SDG targets, earmarks, roles, weekend days, countries,
//!   cities: members are added or removed (`tags[]`).
//! - **sequences**: budget lines and outputs, aligned by content like lines of text. A
//!   budget line is named by its category and funding source (`budget[travel · grant].amount`,
//!   `#2` telling apart lines that share both), an output by position (`outputs[2]`); the path
//!   goes by position either way ([`Seg::Named`]).
//!
//! A removed and an added entity of the same kind are one rename when the references moved
//! with it: nothing still refers to the old id, everything that did and still exists refers
//! to the new one, and the content is identical, or differs in at most
//! [`MAX_CHANGED_FIELDS`] fields once a reference moved. Merging is described at [`merge`];
//! conflicts keep the plan loadable, and [`resolve`] settles them.

mod apply;
mod authors;
mod by_unit;
pub mod comment;
mod consequences;
mod consult;
mod delta;
mod facts;
pub mod lines;
mod merge;
mod money;
mod money_view;
mod nav;
mod path;
mod problems;
mod rename;
pub mod render;
mod replay;
mod report;
mod resolve;
pub mod review;
mod semantic;
mod seq;
mod summary;
mod three_way;
mod tree;
mod units;
pub mod variance;
mod variance_view;

pub use apply::{ApplyError, apply};
pub use authors::{Author, Signatures};
pub use by_unit::{changed_fields, changes_between, merge_unit, read_field, write_field};
pub use facts::{PlanFile, facts, file_changes, file_diff_text};
pub use merge::{
    Conflict, ConflictKind, MergeResult, Problem, Side, Target, merge, merge_by_fields,
};
pub use money::{MoneyChanges, MoneyRow};
pub use nav::PathError;
pub use path::{FieldPath, Seg};
pub use problems::{ProblemChanges, problems_of};
pub use rename::MAX_CHANGED_FIELDS;
pub use resolve::{Choice, ResolveError, resolve};
pub use review::Review;
pub use semantic::semantic_conflicts;
pub use summary::one_line;
pub use units::field_units;
pub use variance::{Timeline, Variance};

// For git's merge driver (`repo::merge_file`), which merges one file's three versions.
pub(crate) use consult::merge_value;
pub(crate) use merge::{merge_entity, merge_meta};
pub(crate) use tree::Root;

use crate::model::{Entity, EntityKind, Id, Plan};
use rename::Detected;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use tree::{entity_tree, meta_tree};

/// One value that changed inside an entity or `plan.ron`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    /// Where: `title.en`, `dependencies[launch].lag`, `budget[travel · grant]`, `tags[]`.
    pub path: FieldPath,
    /// Before (`None`: absent). For a set member, the member removed.
    pub old: Option<Value>,
    /// After (`None`: absent). For a set member, the member added.
    pub new: Option<Value>,
}

/// An entity named by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct EntityRef {
    /// Its kind.
    pub kind: EntityKind,
    /// Its id.
    pub id: Id,
}

/// An entity whose id changed, with the references that followed it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Renamed {
    /// The old id.
    pub from: Id,
    /// The new id.
    pub to: Id,
    /// The entities whose references moved from the old id to the new one.
    pub references: Vec<EntityRef>,
    /// What else changed in it.
    pub changes: Vec<FieldChange>,
}

/// An entity that exists on both sides and changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Changed {
    /// Its id.
    pub id: Id,
    /// What changed, in field order (references to renamed entities already rewritten).
    pub changes: Vec<FieldChange>,
}

/// What changed among the entities of one kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindDiff {
    /// The kind.
    pub kind: EntityKind,
    /// New entities, by id.
    #[serde(serialize_with = "entity_contents")]
    pub added: Vec<Entity>,
    /// Deleted entities, by id.
    #[serde(serialize_with = "entity_contents")]
    pub removed: Vec<Entity>,
    /// Renamed entities, by old id.
    pub renamed: Vec<Renamed>,
    /// Changed entities, by id.
    pub changed: Vec<Changed>,
}

fn entity_contents<S: Serializer>(v: &[Entity], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(entity_tree))
}

/// Everything that changed from one revision of a plan to another.
///
/// Each section is independent; more (the schedule variance, once the scheduler lands) are
/// added as fields beside these, each with its own renderer, which is why the struct is
/// non-exhaustive and only [`diff`] builds one.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PlanDiff {
    /// `plan.ron`, field by field.
    pub plan: Vec<FieldChange>,
    /// Entities, one group per kind with changes, in [`EntityKind::ALL`] order.
    pub entities: Vec<KindDiff>,
    /// Budgets and funding that changed, before and after.
    #[serde(skip_serializing_if = "MoneyChanges::is_empty")]
    pub money: MoneyChanges,
}

impl PlanDiff {
    /// Whether the two revisions hold the same plan.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty() && self.entities.is_empty() && self.money.is_empty()
    }

    /// The changes to entities of `kind`, if any.
    pub fn kind(&self, kind: EntityKind) -> Option<&KindDiff> {
        self.entities.iter().find(|k| k.kind == kind)
    }
}

/// What changed from `a` to `b`: deterministic, and complete enough that
/// [`apply`]`(a, &diff(a, b))` gives `b` back.
pub fn diff(a: &Plan, b: &Plan) -> PlanDiff {
    let plan = if a.meta == b.meta {
        Vec::new()
    } else {
        delta::diff_tree(
            Root::Meta,
            Some(&meta_tree(&a.meta)),
            Some(&meta_tree(&b.meta)),
        )
    };
    let mut ids = Scan::default();
    ids.kind(EntityKind::Activity, &a.activities, &b.activities);
    ids.kind(EntityKind::Partner, &a.partners, &b.partners);
    ids.kind(EntityKind::Beneficiary, &a.beneficiaries, &b.beneficiaries);
    ids.kind(EntityKind::Funding, &a.funding, &b.funding);
    let Scan {
        removed,
        added,
        changed,
    } = ids;
    let renames = rename::detect(a, b, &removed, &added);
    // Entities whose references moved with a rename are compared after rewriting them, so
    // the rename is reported once and not again in every entity that points at it.
    let mut rewritten: HashMap<(EntityKind, Id), Entity> = HashMap::new();
    for r in &renames {
        for (k, id) in &r.referrers {
            if let Some(e) = a.get(*k, id.as_str()) {
                let e = rename::rewritten(&e, &renames);
                rewritten.insert((*k, id.clone()), e);
            }
        }
    }
    let mut entities = Vec::new();
    for kind in EntityKind::ALL {
        let group = kind_diff(
            a,
            b,
            kind,
            &ids_of(kind, &removed, &added, &changed),
            &renames,
            &rewritten,
        );
        let empty = group.added.is_empty()
            && group.removed.is_empty()
            && group.renamed.is_empty()
            && group.changed.is_empty();
        if !empty {
            entities.push(group);
        }
    }
    PlanDiff {
        plan,
        entities,
        money: money::compare(a, b, &renames),
    }
}

/// The ids of one kind that were removed, added and changed.
struct KindIds<'s> {
    removed: Vec<&'s Id>,
    added: Vec<&'s Id>,
    changed: Vec<&'s Id>,
}

fn ids_of<'s>(
    kind: EntityKind,
    removed: &'s [(EntityKind, Id)],
    added: &'s [(EntityKind, Id)],
    changed: &'s [(EntityKind, Id)],
) -> KindIds<'s> {
    let of = |list: &'s [(EntityKind, Id)]| {
        list.iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, id)| id)
            .collect::<Vec<&Id>>()
    };
    KindIds {
        removed: of(removed),
        added: of(added),
        changed: of(changed),
    }
}

fn kind_diff(
    a: &Plan,
    b: &Plan,
    kind: EntityKind,
    ids: &KindIds,
    renames: &[Detected],
    rewritten: &HashMap<(EntityKind, Id), Entity>,
) -> KindDiff {
    let renamed_from = |id: &Id| renames.iter().any(|r| r.kind == kind && &r.from == id);
    let renamed_to = |id: &Id| renames.iter().any(|r| r.kind == kind && &r.to == id);
    let pick = |list: &[&Id], plan: &Plan, skip: &dyn Fn(&Id) -> bool| {
        list.iter()
            .filter(|id| !skip(id))
            .filter_map(|id| plan.get(kind, id.as_str()))
            .collect::<Vec<_>>()
    };
    let tree_changes = |before: &Entity, after: &Entity| {
        delta::diff_tree(
            Root::Entity(kind),
            Some(&entity_tree(before)),
            Some(&entity_tree(after)),
        )
    };
    let renamed = renames
        .iter()
        .filter(|r| r.kind == kind)
        .filter_map(|r| {
            let before = rename::rewritten(&a.get(kind, r.from.as_str())?, renames);
            let after = b.get(kind, r.to.as_str())?;
            Some(Renamed {
                from: r.from.clone(),
                to: r.to.clone(),
                references: r
                    .referrers
                    .iter()
                    .map(|(kind, id)| EntityRef {
                        kind: *kind,
                        id: id.clone(),
                    })
                    .collect(),
                changes: tree_changes(&before, &after),
            })
        })
        .collect();
    let mut changed_ids: Vec<&Id> = ids.changed.clone();
    changed_ids.extend(
        rewritten
            .keys()
            .filter(|(k, id)| *k == kind && b.contains(kind, id.as_str()))
            .map(|(_, id)| id),
    );
    changed_ids.sort();
    changed_ids.dedup();
    let changed = changed_ids
        .into_iter()
        .filter_map(|id| {
            let before = match rewritten.get(&(kind, id.clone())) {
                Some(e) => e.clone(),
                None => a.get(kind, id.as_str())?,
            };
            let after = b.get(kind, id.as_str())?;
            let changes = tree_changes(&before, &after);
            (!changes.is_empty()).then(|| Changed {
                id: id.clone(),
                changes,
            })
        })
        .collect();
    KindDiff {
        kind,
        added: pick(&ids.added, b, &renamed_to),
        removed: pick(&ids.removed, a, &renamed_from),
        renamed,
        changed,
    }
}

/// The ids removed, added and changed between two revisions, by kind.
#[derive(Default)]
struct Scan {
    removed: Vec<(EntityKind, Id)>,
    added: Vec<(EntityKind, Id)>,
    changed: Vec<(EntityKind, Id)>,
}

impl Scan {
    fn kind<T: PartialEq>(&mut self, kind: EntityKind, a: &BTreeMap<Id, T>, b: &BTreeMap<Id, T>) {
        for (id, x, y) in tree::pairs(a, b) {
            match (x, y) {
                (Some(_), None) => self.removed.push((kind, id.clone())),
                (None, Some(_)) => self.added.push((kind, id.clone())),
                (Some(x), Some(y)) if x != y => self.changed.push((kind, id.clone())),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
