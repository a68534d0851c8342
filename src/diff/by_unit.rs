//! Merging, reading and writing one unit (one file's value) at a time: what a document needs
//! when a change on disk meets an unsaved edit of the same file, when an undo no longer finds
//! what it undoes, and when a hand edit of a file settles a merge conflict.

use super::consult::merge_value;
use super::merge::{Conflict, Target, merge_entity, merge_meta};
use super::nav::{Write, read, write};
use super::path::FieldPath;
use super::resolve::ResolveError;
use super::tree::{Root, entity_from_tree, entity_tree, json, meta_from_tree, meta_tree};
use crate::model::{Response, Round, Unit, UnitValue};
use serde_json::Value;

/// Three-way merge of one unit (`None`: absent on that side), field by field as
/// [`super::merge`] merges whole plans; conflicts keep our value.
pub fn merge_unit(
    unit: &Unit,
    b: Option<&UnitValue>,
    o: Option<&UnitValue>,
    t: Option<&UnitValue>,
) -> (Option<UnitValue>, Vec<Conflict>) {
    if o == t || b == t {
        return (o.cloned(), Vec::new());
    }
    if b == o {
        return (t.cloned(), Vec::new());
    }
    match unit {
        Unit::Plan => match (
            o.and_then(UnitValue::as_meta),
            t.and_then(UnitValue::as_meta),
        ) {
            (Some(om), Some(tm)) => {
                let (m, found) = merge_meta(b.and_then(UnitValue::as_meta), om, tm);
                (Some(UnitValue::Meta(Box::new(m))), found)
            }
            _ => (o.cloned(), Vec::new()),
        },
        Unit::Governance => {
            let g = UnitValue::as_governance;
            let (merged, found) = merge_value(
                Root::Governance,
                unit,
                b.and_then(g),
                o.and_then(g),
                t.and_then(g),
                |_| {},
            );
            (merged.map(|g| UnitValue::Governance(Box::new(g))), found)
        }
        Unit::Entity { kind, id } => {
            let e = UnitValue::as_entity;
            let (merged, found) =
                merge_entity(*kind, id, b.and_then(e), o.and_then(e), t.and_then(e));
            (merged.map(|e| UnitValue::Entity(Box::new(e))), found)
        }
        Unit::Round { .. } => {
            let r = UnitValue::as_round;
            let (merged, found) = merge_value(
                Root::Round,
                unit,
                b.and_then(r),
                o.and_then(r),
                t.and_then(r),
                Round::normalize,
            );
            (merged.map(|r| UnitValue::Round(Box::new(r))), found)
        }
        Unit::Response { .. } => {
            let r = UnitValue::as_response;
            let (merged, found) = merge_value(
                Root::Response,
                unit,
                b.and_then(r),
                o.and_then(r),
                t.and_then(r),
                Response::normalize,
            );
            (merged.map(|r| UnitValue::Response(Box::new(r))), found)
        }
    }
}

/// The tree of a unit's value, as conflicts hold their values.
fn tree(v: &UnitValue) -> (Root, Value) {
    match v {
        UnitValue::Meta(m) => (Root::Meta, meta_tree(m)),
        UnitValue::Governance(g) => (Root::Governance, json(&**g)),
        UnitValue::Entity(e) => (Root::Entity(e.kind()), entity_tree(e)),
        UnitValue::Round(r) => (Root::Round, json(&**r)),
        UnitValue::Response(r) => (Root::Response, json(&**r)),
    }
}

/// The value at `path` of a unit's value, as a conflict would show it (`None`: absent).
pub fn read_field(value: Option<&UnitValue>, path: &FieldPath) -> Option<Value> {
    let (root, t) = tree(value?);
    if path.is_root() {
        return Some(t);
    }
    read(root, &t, path).cloned()
}

/// `current` with `value` written at `path` (`None`: removed), as settling a conflict writes
/// the chosen value into the unit.
pub fn write_field(
    unit: &Target,
    current: Option<&UnitValue>,
    path: &FieldPath,
    value: Option<Value>,
) -> Result<Option<UnitValue>, ResolveError> {
    let invalid = |e: serde_json::Error| ResolveError::Invalid {
        target: unit.to_string(),
        path: path.to_string(),
        message: crate::said!("value-not-json", reason = &e.to_string()),
    };
    let root = Root::of(unit);
    let t = if path.is_root() {
        match value {
            Some(v) => v,
            None if *unit == Unit::Plan => return Err(ResolveError::RemovePlan),
            None => return Ok(None),
        }
    } else {
        let Some(current) = current else {
            return Err(ResolveError::Invalid {
                target: unit.to_string(),
                path: path.to_string(),
                message: crate::said!("resolve-unit-gone"),
            });
        };
        let (_, mut t) = tree(current);
        write(
            root,
            &mut t,
            path,
            value.map_or(Write::Remove(None), Write::Replace),
        )?;
        t
    };
    let v = match unit {
        Unit::Plan => {
            let mut m = meta_from_tree(t).map_err(invalid)?;
            m.normalize();
            UnitValue::Meta(Box::new(m))
        }
        Unit::Governance => UnitValue::Governance(serde_json::from_value(t).map_err(invalid)?),
        Unit::Entity { kind, id } => {
            let mut e = entity_from_tree(*kind, t).map_err(invalid)?;
            e.normalize();
            if e.id() != id {
                return Err(ResolveError::Invalid {
                    target: unit.to_string(),
                    path: path.to_string(),
                    message: crate::said!("resolve-id-changed", id = e.id()),
                });
            }
            UnitValue::Entity(Box::new(e))
        }
        Unit::Round { .. } => {
            let mut r: Round = serde_json::from_value(t).map_err(invalid)?;
            r.normalize();
            UnitValue::Round(Box::new(r))
        }
        Unit::Response { .. } => {
            let mut r: Response = serde_json::from_value(t).map_err(invalid)?;
            r.normalize();
            UnitValue::Response(Box::new(r))
        }
    };
    Ok(Some(v))
}

/// Every field change from `a` to `b`, two values of one unit, at its full path.
pub fn changes_between(a: Option<&UnitValue>, b: Option<&UnitValue>) -> Vec<super::FieldChange> {
    let root = match a.or(b) {
        Some(v) => tree(v).0,
        None => return Vec::new(),
    };
    let (ta, tb) = (a.map(|v| tree(v).1), b.map(|v| tree(v).1));
    super::delta::diff_tree(root, ta.as_ref(), tb.as_ref())
}

/// The fields that differ between two values of one unit, named by their first segment
/// (`timing`, `title`), in order and without repeats: what a status line says changed.
pub fn changed_fields(a: Option<&UnitValue>, b: Option<&UnitValue>) -> Vec<String> {
    let root = match a.or(b) {
        Some(v) => tree(v).0,
        None => return Vec::new(),
    };
    let (ta, tb) = (a.map(|v| tree(v).1), b.map(|v| tree(v).1));
    let mut out: Vec<String> = Vec::new();
    for c in super::delta::diff_tree(root, ta.as_ref(), tb.as_ref()) {
        let name = c
            .path
            .segments()
            .first()
            .map_or_else(String::new, |s| FieldPath::new(vec![s.clone()]).to_string());
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}
