//! Applying a diff to a plan: the proof that a [`PlanDiff`] says everything that changed.

use super::nav::{PathError, Write, has_member, read, write};
use super::tree::{Root, entity_from_tree, entity_tree, meta_from_tree, meta_tree};
use super::{FieldChange, PlanDiff};
use crate::edit::{Change, Edit, Label};
use crate::model::{EntityKind, Id, Plan};
use serde_json::Value;
use std::cmp::Reverse;

/// Why a diff does not apply to a plan.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ApplyError {
    /// An entity the diff changes or removes is not in the plan.
    #[error("{noun} `{1}` is not in the plan", noun = .0.noun())]
    Missing(EntityKind, Id),
    /// An entity the diff adds (or renames to) is already in the plan.
    #[error("{noun} `{1}` is already in the plan", noun = .0.noun())]
    Exists(EntityKind, Id),
    /// A value is not what the diff says it was before.
    #[error("{file}: `{path}` is not what the diff expects; the plan changed since")]
    Stale {
        /// The file.
        file: String,
        /// The field.
        path: String,
    },
    /// A path does not lead anywhere.
    #[error("{file}: {source}")]
    Path {
        /// The file.
        file: String,
        /// What went wrong.
        source: PathError,
    },
    /// The changed entity no longer reads as its type.
    #[error("{file}: the result is not valid: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// What the reader said.
        message: String,
    },
}

/// `plan` with `diff` applied: removals, then renames (with every reference), then changes and
/// additions. Every old value is checked first, so a diff applies only to the revision it was
/// taken from (or one that agrees with it where it matters).
pub fn apply(plan: &Plan, diff: &PlanDiff) -> Result<Plan, ApplyError> {
    let mut out = plan.clone();
    if !diff.plan.is_empty() {
        let file = crate::model::PLAN_FILE;
        let mut tree = meta_tree(&out.meta);
        apply_changes(Root::Meta, &mut tree, &diff.plan, file)?;
        out.meta = meta_from_tree(tree).map_err(|e| invalid(file, e))?;
    }
    for group in &diff.entities {
        let kind = group.kind;
        for e in &group.removed {
            if !out.holds(kind, e.id().as_str(), Some(e)) {
                return Err(ApplyError::Stale {
                    file: kind.file_path(e.id()),
                    path: String::new(),
                });
            }
            out.take(kind, e.id().as_str());
        }
    }
    // Every rename moves before any renamed entity's own changes apply: those were taken
    // with all references already rewritten.
    for group in &diff.entities {
        for r in &group.renamed {
            let kind = group.kind;
            if !out.contains(kind, r.from.as_str()) {
                return Err(ApplyError::Missing(kind, r.from.clone()));
            }
            if out.contains(kind, r.to.as_str()) {
                return Err(ApplyError::Exists(kind, r.to.clone()));
            }
            out.rewrite_references(kind, &r.from, &r.to);
            if let Some(mut e) = out.take(kind, r.from.as_str()) {
                e.set_id(r.to.clone());
                e.normalize();
                out.put(e);
            }
        }
    }
    for group in &diff.entities {
        let kind = group.kind;
        let renamed = group.renamed.iter().map(|r| (&r.to, &r.changes));
        let changed = group.changed.iter().map(|c| (&c.id, &c.changes));
        for (id, changes) in renamed.chain(changed) {
            let file = kind.file_path(id);
            let current = out
                .get(kind, id.as_str())
                .ok_or_else(|| ApplyError::Missing(kind, id.clone()))?;
            let mut tree = entity_tree(&current);
            apply_changes(Root::Entity(kind), &mut tree, changes, &file)?;
            out.put(entity_from_tree(kind, tree).map_err(|e| invalid(&file, e))?);
        }
        for e in &group.added {
            if out.contains(kind, e.id().as_str()) {
                return Err(ApplyError::Exists(kind, e.id().clone()));
            }
            out.put(e.clone());
        }
    }
    Ok(out)
}

fn invalid(file: &str, e: serde_json::Error) -> ApplyError {
    ApplyError::Invalid {
        file: file.to_owned(),
        message: e.to_string(),
    }
}

/// Applies field changes to one tree. Positions in ordered lists are the ones the diff
/// names: removals by old position (applied last to first), additions by new position
/// (first to last), and changes inside kept items by new position, which is where the
/// first two steps have put them.
fn apply_changes(
    root: Root,
    tree: &mut Value,
    changes: &[FieldChange],
    file: &str,
) -> Result<(), ApplyError> {
    let index = |c: &FieldChange| c.path.last_index();
    let mut removals: Vec<&FieldChange> = changes
        .iter()
        .filter(|c| index(c).is_some() && c.new.is_none())
        .collect();
    removals.sort_by_key(|c| (c.path.parent(), Reverse(index(c))));
    let mut insertions: Vec<&FieldChange> = changes
        .iter()
        .filter(|c| index(c).is_some() && c.old.is_none())
        .collect();
    insertions.sort_by_key(|c| (c.path.parent(), index(c)));
    let rest = changes
        .iter()
        .filter(|c| index(c).is_none() || (c.old.is_some() && c.new.is_some()));
    for c in removals.into_iter().chain(insertions).chain(rest) {
        let stale = || ApplyError::Stale {
            file: file.to_owned(),
            path: c.path.to_string(),
        };
        let expected = if c.path.is_member() {
            let member = c.old.as_ref().or(c.new.as_ref());
            member.is_some_and(|m| has_member(root, tree, &c.path, m) == c.old.is_some())
        } else if index(c).is_some() && c.old.is_none() {
            true
        } else {
            read(root, tree, &c.path) == c.old.as_ref()
        };
        if !expected {
            return Err(stale());
        }
        let op = match (&c.old, &c.new) {
            (_, None) => Write::Remove(c.old.clone()),
            (None, Some(v)) => Write::Insert(v.clone()),
            (Some(_), Some(v)) => Write::Replace(v.clone()),
        };
        write(root, tree, &c.path, op).map_err(|source| ApplyError::Path {
            file: file.to_owned(),
            source,
        })?;
    }
    Ok(())
}

impl PlanDiff {
    /// The diff as one edit of `base` (for the undo log): one change per entity it touches,
    /// including those whose references a rename moved.
    pub fn to_edit(&self, base: &Plan) -> Result<Edit, ApplyError> {
        let target = apply(base, self)?;
        let mut changes = Vec::new();
        if base.meta != target.meta {
            changes.push(Change::Meta {
                before: Box::new(base.meta.clone()),
                after: Box::new(target.meta.clone()),
            });
        }
        let mut touched: Vec<(EntityKind, Id)> = Vec::new();
        for group in &self.entities {
            let k = group.kind;
            touched.extend(group.removed.iter().map(|e| (k, e.id().clone())));
            touched.extend(group.added.iter().map(|e| (k, e.id().clone())));
            touched.extend(group.changed.iter().map(|c| (k, c.id.clone())));
            for r in &group.renamed {
                touched.push((k, r.from.clone()));
                touched.push((k, r.to.clone()));
                touched.extend(
                    base.references_to(k, &r.from)
                        .into_iter()
                        .filter_map(|x| x.from.entity().map(|(k, id)| (k, id.clone()))),
                );
            }
        }
        touched.sort();
        touched.dedup();
        for (kind, id) in touched {
            let (before, after) = (base.get(kind, id.as_str()), target.get(kind, id.as_str()));
            if before != after {
                changes.push(Change::Entity {
                    kind,
                    id,
                    before: before.map(Box::new),
                    after: after.map(Box::new),
                });
            }
        }
        Ok(Edit {
            label: Label::Batch("apply a diff".to_owned()),
            changes,
        })
    }
}
