//! Settling a merge conflict by choosing a value, which is written into the merged plan.

use super::merge::{Conflict, MergeResult, Target};
use super::nav::{PathError, Write, write};
use super::path::FieldPath;
use super::tree::{Root, entity_from_tree, entity_tree, meta_from_tree, meta_tree};
use crate::i18n::Said;
use crate::model::{EntityKind, Id, Plan};
use crate::said;
use serde_json::Value;

/// The value to settle a conflict with.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Our value (absent if we deleted it).
    Ours,
    /// Their value (absent if they deleted it).
    Theirs,
    /// The common ancestor's value (absent if neither had it then).
    Base,
    /// A value of one's own, as a tree of the field's type (what the TUI's field editor
    /// produces; for a whole entity, the entity's tree).
    Value(Value),
}

/// Why a choice could not be written into the merged plan.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResolveError {
    /// The index is past the end of the conflict list.
    #[error("{}", self.said())]
    NoSuchConflict(usize),
    /// The entity was removed by an earlier resolution.
    #[error("{}", self.said())]
    Missing(EntityKind, Id),
    /// The field is no longer where the conflict says (an earlier resolution moved it).
    #[error(transparent)]
    Path(#[from] PathError),
    /// The value does not fit the field.
    #[error("{}", self.said())]
    Invalid {
        /// The file.
        target: String,
        /// The field.
        path: String,
        /// What the reader said, or why the value cannot stand.
        message: Said,
    },
    /// `plan.ron` is the plan itself and cannot be absent.
    #[error("{}", self.said())]
    RemovePlan,
}

impl ResolveError {
    /// Why, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> Said {
        match self {
            ResolveError::NoSuchConflict(n) => said!("resolve-no-such-conflict", number = *n),
            ResolveError::Missing(kind, id) => {
                said!("resolve-missing", noun = crate::check::noun(*kind), id = id)
            }
            // A path that an earlier resolution moved: the navigator's own words.
            ResolveError::Path(e) => e.said(),
            ResolveError::Invalid {
                target,
                path,
                message,
            } => said!(
                "resolve-invalid",
                path = path,
                target = target,
                detail = message.clone()
            ),
            ResolveError::RemovePlan => said!("resolve-remove-plan"),
        }
    }
}

/// Settles conflict `index` with `choice`: writes the chosen value into `result.merged` and
/// removes the conflict from the list, returning it.
///
/// For a semantic conflict the value is the whole entity the check pointed at (its base,
/// ours or theirs version), which is often what undoes the clash (taking their version of
/// an activity drops the dependency we added). The semantic conflicts are not recomputed;
/// call [`super::semantic_conflicts`] again once the field conflicts are settled.
pub fn resolve(
    result: &mut MergeResult,
    index: usize,
    choice: Choice,
) -> Result<Conflict, ResolveError> {
    let c = result
        .conflicts
        .get(index)
        .ok_or(ResolveError::NoSuchConflict(index))?;
    let value = match choice {
        Choice::Ours => c.ours.clone(),
        Choice::Theirs => c.theirs.clone(),
        Choice::Base => c.base.clone(),
        Choice::Value(v) => Some(v),
    };
    if c.kind == super::ConflictKind::RenameRename {
        rename_to(&mut result.merged, &c.target, value)?;
    } else {
        write_value(&mut result.merged, &c.target, &c.path, value)?;
    }
    Ok(result.conflicts.remove(index))
}

/// Settles a rename/rename conflict: the entity (under our id in the merged plan) moves to
/// the chosen id, with every reference to it.
fn rename_to(plan: &mut Plan, target: &Target, value: Option<Value>) -> Result<(), ResolveError> {
    let Target::Entity { kind, id } = target else {
        return Ok(());
    };
    let invalid = |message: Said| ResolveError::Invalid {
        target: target.to_string(),
        path: "id".into(),
        message,
    };
    let new = value
        .as_ref()
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(said!("resolve-rename-needs-id")))?;
    let new = Id::parse(new).map_err(|e| invalid(e.said()))?;
    if &new == id {
        return Ok(());
    }
    if plan.contains(*kind, new.as_str()) {
        return Err(invalid(said!("resolve-id-taken", id = &new)));
    }
    let mut e = plan
        .take(*kind, id.as_str())
        .ok_or_else(|| ResolveError::Missing(*kind, id.clone()))?;
    plan.rewrite_references(*kind, id, &new);
    e.set_id(new);
    e.normalize();
    plan.put(e);
    Ok(())
}

/// Writes `value` (`None`: absent) at `path` of `target` in `plan`.
pub(crate) fn write_value(
    plan: &mut Plan,
    target: &Target,
    path: &FieldPath,
    value: Option<Value>,
) -> Result<(), ResolveError> {
    let invalid = |e: serde_json::Error| ResolveError::Invalid {
        target: target.to_string(),
        path: path.to_string(),
        message: said!("value-not-json", reason = &e.to_string()),
    };
    let op = |value: Option<Value>| value.map_or(Write::Remove(None), Write::Replace);
    match target {
        Target::Plan => {
            let tree = if path.is_root() {
                value.ok_or(ResolveError::RemovePlan)?
            } else {
                let mut tree = meta_tree(&plan.meta);
                write(Root::Meta, &mut tree, path, op(value))?;
                tree
            };
            plan.meta = meta_from_tree(tree).map_err(invalid)?;
        }
        Target::Entity { kind, id } => {
            let tree = if path.is_root() {
                match value {
                    Some(v) => v,
                    None => {
                        plan.take(*kind, id.as_str());
                        return Ok(());
                    }
                }
            } else {
                let current = plan
                    .get(*kind, id.as_str())
                    .ok_or_else(|| ResolveError::Missing(*kind, id.clone()))?;
                let mut tree = entity_tree(&current);
                write(Root::Entity(*kind), &mut tree, path, op(value))?;
                tree
            };
            let entity = entity_from_tree(*kind, tree).map_err(invalid)?;
            if entity.id() != id {
                return Err(ResolveError::Invalid {
                    target: target.to_string(),
                    path: path.to_string(),
                    message: said!("resolve-id-changed", id = entity.id()),
                });
            }
            plan.put(entity);
        }
        Target::Governance => {
            let now = plan.unit(target);
            let rules = super::by_unit::write_field(target, now.as_ref(), path, value)?;
            plan.set_unit(target, rules);
        }
        Target::Round { .. } | Target::Response { .. } => {
            super::consult::write_value(plan, target, path, value)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod said_tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::model::Lang;

    #[test]
    fn a_refused_choice_says_why_in_either_language() {
        let e = ResolveError::Missing(EntityKind::Activity, Id::new_unchecked("x"));
        assert_eq!(
            e.to_string(),
            "activity `x` is no longer in the merged plan"
        );
        let ar = Messages::new(Lang::Ar);
        assert_eq!(e.said().show(&ar), "لم يعد النشاط `x` في الخطة المدمجة");
        let n = ResolveError::NoSuchConflict(4).said().show(&ar);
        assert_eq!(n, "لا يوجد تعارض رقمه 4");
    }
}
