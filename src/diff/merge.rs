//! Three-way merge of whole plans: entity by entity (keyed by id), then field by field.

use super::path::FieldPath;
use super::replay::replay;
use super::semantic::semantic_conflicts;
use super::three_way::{Found, merge_tree};
use super::tree::{Root, entity_from_tree, entity_tree, meta_from_tree, meta_tree, pairs};
use crate::model::{Entity, EntityKind, Id, Plan, PlanMeta};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// What kind of disagreement a conflict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Both sides changed the same field to different values.
    Field,
    /// One side deleted an entity (or a keyed item) that the other side changed.
    DeleteModify,
    /// Both sides added the same id with different content.
    AddAdd,
    /// No field clashed, but the merged plan has an error neither side had: a dependency
    /// cycle, a dangling reference, an over-allocated funding source.
    Semantic,
    /// Both sides renamed one entity, to different ids: its values are the three ids.
    RenameRename,
}

impl ConflictKind {
    /// The name used in reports: `field`, `delete/modify`, `add/add`, `semantic`.
    pub fn label(self) -> &'static str {
        match self {
            ConflictKind::Field => "field",
            ConflictKind::DeleteModify => "delete/modify",
            ConflictKind::AddAdd => "add/add",
            ConflictKind::Semantic => "semantic",
            ConflictKind::RenameRename => "rename/rename",
        }
    }

    /// The key of its name in the UI's messages (`review-conflict-field`, ...).
    pub fn key(self) -> &'static str {
        match self {
            ConflictKind::Field => "review-conflict-field",
            ConflictKind::DeleteModify => "review-conflict-delete-modify",
            ConflictKind::AddAdd => "review-conflict-add-add",
            ConflictKind::Semantic => "review-conflict-semantic",
            ConflictKind::RenameRename => "review-conflict-rename-rename",
        }
    }
}

/// One of the three revisions of a merge, or the merged result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The common ancestor.
    Base,
    /// Our side (the branch being merged into).
    Ours,
    /// Their side (the branch being merged in).
    Theirs,
    /// The merged plan itself (for semantic conflicts, which no one side holds).
    Merged,
}

/// What a conflict is about: the file (`plan.ron`, an entity, a round, a response).
pub use crate::model::Unit as Target;

/// The check error behind a semantic conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The diagnostic code (`E021`).
    pub code: String,
    /// What is wrong.
    pub message: crate::check::Said,
    /// What to do about it.
    pub hint: crate::check::Said,
}

/// One disagreement between the two sides of a merge.
///
/// Values are the trees of the field (or of the whole entity when `path` is the root), as a
/// TUI shows them side by side and as [`resolve`](super::resolve) writes them back; `None` is
/// absent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// What kind of disagreement.
    pub kind: ConflictKind,
    /// The file it is in.
    pub target: Target,
    /// The field; the root for a whole entity.
    pub path: FieldPath,
    /// The value in the common ancestor.
    pub base: Option<Value>,
    /// Our value.
    pub ours: Option<Value>,
    /// Their value.
    pub theirs: Option<Value>,
    /// Which value the merged plan holds until the conflict is resolved.
    pub kept: Side,
    /// For a semantic conflict, the error the merge created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

/// A merged plan and what could not be merged by itself.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeResult {
    /// The merged plan. Every conflicted field holds a valid value (see [`Conflict::kept`]), so
    /// the plan can be saved, loaded and shown while conflicts are being resolved.
    pub merged: Plan,
    /// The conflicts, `plan.ron` first, then by kind, id and field; semantic ones last.
    pub conflicts: Vec<Conflict>,
}

/// Merges `ours` and `theirs`, two descendants of `base`.
///
/// A rename on one side is first carried over to the base and the other side, so that edits
/// made under the old id follow the entity. Entities are then matched by id and merged field
/// by field; lists inside them item by item (see the module documentation for the rules). A
/// delete on one side and a change on the other keeps the changed entity, as git keeps a
/// modified file whose deletion conflicts. Finally `check` runs on the merged plan: an error
/// that neither side had is a semantic conflict. Conflict values come from the plans with
/// renames carried over.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> MergeResult {
    merge_checking(base, ours, theirs, true)
}

/// [`merge`] without its last step, the check for semantic conflicts: for a caller that
/// checks the merged plan itself, once, instead of twice on a large plan.
pub fn merge_by_fields(base: &Plan, ours: &Plan, theirs: &Plan) -> MergeResult {
    merge_checking(base, ours, theirs, false)
}

fn merge_checking(base: &Plan, ours: &Plan, theirs: &Plan, check: bool) -> MergeResult {
    let replayed = replay(base, ours, theirs);
    let (base, ours, theirs) = (&*replayed.base, &*replayed.ours, &*replayed.theirs);
    let mut merged = ours.clone();
    let mut conflicts = replayed.clashes.clone();
    if theirs.meta != base.meta && theirs.meta != ours.meta {
        let (meta, found) = merge_meta(Some(&base.meta), &ours.meta, &theirs.meta);
        merged.meta = meta;
        conflicts.extend(found);
    }
    // The rules merge person by person and grant by grant; where both sides changed one
    // rule differently, the conflict keeps ours until settled, as for any other file.
    if theirs.governance != base.governance && theirs.governance != ours.governance {
        let (rules, found) = super::consult::merge_value(
            Root::Governance,
            &Target::Governance,
            base.governance.as_ref(),
            ours.governance.as_ref(),
            theirs.governance.as_ref(),
            |_| {},
        );
        merged.governance = rules;
        conflicts.extend(found);
    }
    let mut sides = Sides {
        merged: &mut merged,
        conflicts: &mut conflicts,
    };
    sides.kind(
        &base.activities,
        &ours.activities,
        &theirs.activities,
        Entity::Activity,
    );
    sides.kind(
        &base.partners,
        &ours.partners,
        &theirs.partners,
        Entity::Partner,
    );
    sides.kind(
        &base.beneficiaries,
        &ours.beneficiaries,
        &theirs.beneficiaries,
        Entity::Beneficiary,
    );
    sides.kind(
        &base.funding,
        &ours.funding,
        &theirs.funding,
        Entity::Funding,
    );
    super::consult::merge_consultations(base, ours, theirs, &mut merged, &mut conflicts);
    if check {
        conflicts.extend(semantic_conflicts(base, ours, theirs, &merged));
    }
    MergeResult { merged, conflicts }
}

struct Sides<'m> {
    merged: &'m mut Plan,
    conflicts: &'m mut Vec<Conflict>,
}

impl Sides<'_> {
    /// Merges one collection into `merged`, which starts as ours: only what theirs changed
    /// needs looking at, which keeps a merge of a large plan to one pass of comparisons.
    fn kind<T: PartialEq + Clone>(
        &mut self,
        base: &BTreeMap<Id, T>,
        ours: &BTreeMap<Id, T>,
        theirs: &BTreeMap<Id, T>,
        wrap: fn(T) -> Entity,
    ) {
        for id in changed_ids(base, theirs) {
            let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
            if o == t {
                continue;
            }
            let e = |x: Option<&T>| x.cloned().map(wrap);
            let (eb, eo, et) = (e(b), e(o), e(t));
            let Some(kind) = eo.as_ref().or(et.as_ref()).map(Entity::kind) else {
                continue;
            };
            let (entity, found) = merge_entity(kind, id, eb.as_ref(), eo.as_ref(), et.as_ref());
            match entity {
                Some(e) => self.merged.put(e),
                None => {
                    self.merged.take(kind, id.as_str());
                }
            }
            self.conflicts.extend(found);
        }
    }
}

/// The ids whose entity differs between `base` and `theirs`, in order.
fn changed_ids<'a, T: PartialEq>(
    base: &'a BTreeMap<Id, T>,
    theirs: &'a BTreeMap<Id, T>,
) -> Vec<&'a Id> {
    pairs(base, theirs)
        .filter(|(_, b, t)| b != t)
        .map(|(id, _, _)| id)
        .collect()
}

pub(crate) fn tie(target: &Target, found: Vec<Found>) -> Vec<Conflict> {
    found
        .into_iter()
        .map(|f| Conflict {
            kind: f.kind,
            target: target.clone(),
            path: f.path,
            base: f.base,
            ours: f.ours,
            theirs: f.theirs,
            kept: f.kept,
            problem: None,
        })
        .collect()
}

/// Merges one entity (`None`: absent on that side) and returns it with its conflicts.
pub(crate) fn merge_entity(
    kind: EntityKind,
    id: &Id,
    b: Option<&Entity>,
    o: Option<&Entity>,
    t: Option<&Entity>,
) -> (Option<Entity>, Vec<Conflict>) {
    if o == t || b == t {
        return (o.cloned(), Vec::new());
    }
    if b == o {
        return (t.cloned(), Vec::new());
    }
    let target = Target::Entity {
        kind,
        id: id.clone(),
    };
    let tree = |e: Option<&Entity>| e.map(entity_tree);
    let (tb, to, tt) = (tree(b), tree(o), tree(t));
    let whole = |kind, kept| Found {
        kind,
        path: FieldPath::root(),
        base: tb.clone(),
        ours: to.clone(),
        theirs: tt.clone(),
        kept,
    };
    match (o, t, &to, &tt) {
        (None, Some(_), _, _) => (
            t.cloned(),
            tie(
                &target,
                vec![whole(ConflictKind::DeleteModify, Side::Theirs)],
            ),
        ),
        (Some(_), None, _, _) => (
            o.cloned(),
            tie(&target, vec![whole(ConflictKind::DeleteModify, Side::Ours)]),
        ),
        (Some(_), Some(_), Some(vo), Some(vt)) => {
            let (tree, found) = merge_tree(Root::Entity(kind), tb.as_ref(), vo, vt);
            match entity_from_tree(kind, tree) {
                Ok(e) => (Some(e), tie(&target, found)),
                // The field rules keep every record whole, so this is a safety net: never write
                // a file that cannot be read back; make the whole entity the conflict instead.
                Err(_) => {
                    let k = if b.is_none() {
                        ConflictKind::AddAdd
                    } else {
                        ConflictKind::Field
                    };
                    (o.cloned(), tie(&target, vec![whole(k, Side::Ours)]))
                }
            }
        }
        _ => (o.cloned(), Vec::new()),
    }
}

/// Merges `plan.ron` field by field (`b` is `None` when both sides created it).
pub(crate) fn merge_meta(
    b: Option<&PlanMeta>,
    o: &PlanMeta,
    t: &PlanMeta,
) -> (PlanMeta, Vec<Conflict>) {
    if o == t || b == Some(t) {
        return (o.clone(), Vec::new());
    }
    if b == Some(o) {
        return (t.clone(), Vec::new());
    }
    let (tb, to, tt) = (b.map(meta_tree), meta_tree(o), meta_tree(t));
    let (tree, found) = merge_tree(Root::Meta, tb.as_ref(), &to, &tt);
    match meta_from_tree(tree) {
        Ok(m) => (m, tie(&Target::Plan, found)),
        Err(_) => {
            let whole = Found {
                kind: if b.is_some() {
                    ConflictKind::Field
                } else {
                    ConflictKind::AddAdd
                },
                path: FieldPath::root(),
                base: tb,
                ours: Some(to),
                theirs: Some(tt),
                kept: Side::Ours,
            };
            (o.clone(), tie(&Target::Plan, vec![whole]))
        }
    }
}
