//! Reading and writing the value at a [`FieldPath`] inside a tree.

use super::path::{FieldPath, Seg};
use super::tree::{ListRule, Root, list_rule, variant};
use serde_json::{Map, Value};

/// What to do at the end of a path.
#[derive(Clone, Debug)]
pub(crate) enum Write {
    /// Set the value, replacing what is there (a keyed item that is missing is added).
    Replace(Value),
    /// Add the value: a field or keyed item that must be new, an item inserted at a position,
    /// a set member.
    Insert(Value),
    /// Remove the field, item or member (the member is the given value).
    Remove(Option<Value>),
}

/// Why a path does not lead anywhere in a tree.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.said())]
pub struct PathError {
    /// The path.
    pub path: String,
    /// What went wrong there.
    pub reason: PathProblem,
}

/// What can be wrong with a path in a tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathProblem {
    /// It names the whole entity, not a field.
    WholeEntity,
    /// It goes through something that is not a record.
    NotARecord,
    /// It uses a key on a list whose items have none.
    NoKeys,
    /// It names an item that does not exist.
    NoSuchItem,
    /// It names a position past the end of the list.
    PastTheEnd,
    /// It goes through a set member.
    ThroughMember,
    /// What it would add is already there.
    AlreadyExists,
    /// It treats as a list what is not one.
    NotAList,
    /// It sets a set member, which can only be added or removed.
    MemberOnly,
}

impl PathError {
    /// Why, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> crate::i18n::Said {
        use crate::said;
        let path = self.path.as_str();
        match self.reason {
            PathProblem::WholeEntity => said!("nav-whole-entity", path = path),
            PathProblem::NotARecord => said!("nav-not-a-record", path = path),
            PathProblem::NoKeys => said!("nav-no-keys", path = path),
            PathProblem::NoSuchItem => said!("nav-no-such-item", path = path),
            PathProblem::PastTheEnd => said!("nav-past-the-end", path = path),
            PathProblem::ThroughMember => said!("nav-through-member", path = path),
            PathProblem::AlreadyExists => said!("nav-already-exists", path = path),
            PathProblem::NotAList => said!("nav-not-a-list", path = path),
            PathProblem::MemberOnly => said!("nav-member-only", path = path),
        }
    }
}

struct Nav<'p> {
    root: Root,
    fields: Vec<String>,
    path: &'p FieldPath,
}

impl Nav<'_> {
    fn fail<T>(&self, reason: PathProblem) -> Result<T, PathError> {
        Err(PathError {
            path: self.path.to_string(),
            reason,
        })
    }

    fn key_fn(&self) -> Option<fn(&Value) -> Option<String>> {
        match list_rule(self.root, &self.fields) {
            ListRule::Keyed(f) => Some(f),
            ListRule::Set | ListRule::Sequence => None,
        }
    }
}

/// Steps through an enum variant to its content when the path goes on into a field.
fn through_variant(v: &Value) -> &Value {
    variant(v).map_or(v, |(_, inner)| inner)
}

/// The record at `v`, or inside it when it is an enum variant.
fn record_mut(v: &mut Value) -> Option<&mut Map<String, Value>> {
    let is_variant = variant(v).is_some();
    let obj = v.as_object_mut()?;
    if is_variant {
        obj.values_mut().next()?.as_object_mut()
    } else {
        Some(obj)
    }
}

/// The value at `path` in `tree`, or `None` when it is absent.
pub(crate) fn read<'v>(root: Root, tree: &'v Value, path: &FieldPath) -> Option<&'v Value> {
    let mut nav = Nav {
        root,
        fields: Vec::new(),
        path,
    };
    let mut node = tree;
    for seg in path.segments() {
        node = match seg {
            Seg::Field(name) => {
                nav.fields.push(name.clone());
                through_variant(node).get(name)?
            }
            Seg::Key(k) => {
                let key = nav.key_fn()?;
                node.as_array()?
                    .iter()
                    .find(|it| key(it).as_deref() == Some(k))?
            }
            Seg::Index(i) | Seg::Named(i, _) => node.as_array()?.get(*i)?,
            Seg::Member => return None,
        };
    }
    Some(node)
}

/// Whether the set at `path` (ending in `[]`) holds `member`.
pub(crate) fn has_member(root: Root, tree: &Value, path: &FieldPath, member: &Value) -> bool {
    read(root, tree, &path.parent())
        .and_then(Value::as_array)
        .is_some_and(|items| items.contains(member))
}

/// Carries out `op` at `path` in `tree`, creating absent text and lists on the way.
pub(crate) fn write(
    root: Root,
    tree: &mut Value,
    path: &FieldPath,
    op: Write,
) -> Result<(), PathError> {
    let mut nav = Nav {
        root,
        fields: Vec::new(),
        path,
    };
    let Some((last, init)) = path.segments().split_last() else {
        return nav.fail(PathProblem::WholeEntity);
    };
    let mut node = tree;
    for (i, seg) in init.iter().enumerate() {
        let next = init.get(i + 1).unwrap_or(last);
        node = match seg {
            Seg::Field(name) => {
                nav.fields.push(name.clone());
                let Some(obj) = record_mut(node) else {
                    return nav.fail(PathProblem::NotARecord);
                };
                // Absent text and lists are written as empty ones, so a path can go into them.
                obj.entry(name.clone()).or_insert_with(|| match next {
                    Seg::Field(_) => Value::Object(Map::new()),
                    Seg::Key(_) | Seg::Index(_) | Seg::Named(..) | Seg::Member => {
                        Value::Array(Vec::new())
                    }
                })
            }
            Seg::Key(k) => {
                let Some(key) = nav.key_fn() else {
                    return nav.fail(PathProblem::NoKeys);
                };
                let found = node
                    .as_array_mut()
                    .and_then(|items| items.iter_mut().find(|it| key(it).as_deref() == Some(k)));
                match found {
                    Some(item) => item,
                    None => return nav.fail(PathProblem::NoSuchItem),
                }
            }
            Seg::Index(n) | Seg::Named(n, _) => {
                match node.as_array_mut().and_then(|items| items.get_mut(*n)) {
                    Some(item) => item,
                    None => return nav.fail(PathProblem::PastTheEnd),
                }
            }
            Seg::Member => return nav.fail(PathProblem::ThroughMember),
        };
    }
    write_last(&nav, node, last, op)
}

fn write_last(nav: &Nav, node: &mut Value, last: &Seg, op: Write) -> Result<(), PathError> {
    if let Seg::Field(name) = last {
        let Some(obj) = record_mut(node) else {
            return nav.fail(PathProblem::NotARecord);
        };
        match op {
            Write::Insert(_) if obj.contains_key(name) => {
                return nav.fail(PathProblem::AlreadyExists);
            }
            Write::Replace(v) | Write::Insert(v) => {
                obj.insert(name.clone(), v);
            }
            Write::Remove(_) => {
                obj.remove(name);
            }
        }
        return Ok(());
    }
    let key = nav.key_fn();
    if matches!(last, Seg::Key(_)) && key.is_none() {
        return nav.fail(PathProblem::NoKeys);
    }
    let Some(items) = node.as_array_mut() else {
        return nav.fail(PathProblem::NotAList);
    };
    match (last, op) {
        (Seg::Key(k), op) => {
            let pos = key.and_then(|f| items.iter().position(|it| f(it).as_deref() == Some(k)));
            match (op, pos) {
                (Write::Remove(_), Some(p)) => {
                    items.remove(p);
                }
                (Write::Remove(_), None) => return nav.fail(PathProblem::NoSuchItem),
                (Write::Insert(_), Some(_)) => return nav.fail(PathProblem::AlreadyExists),
                (Write::Replace(v), Some(p)) => items[p] = v,
                (Write::Replace(v) | Write::Insert(v), None) => items.push(v),
            }
        }
        (Seg::Index(i) | Seg::Named(i, _), Write::Remove(_)) if *i < items.len() => {
            items.remove(*i);
        }
        (Seg::Index(i) | Seg::Named(i, _), Write::Insert(v)) if *i <= items.len() => {
            items.insert(*i, v);
        }
        (Seg::Index(i) | Seg::Named(i, _), Write::Replace(v)) if *i < items.len() => {
            items[*i] = v;
        }
        (Seg::Index(_) | Seg::Named(..), _) => return nav.fail(PathProblem::PastTheEnd),
        (Seg::Member, Write::Insert(v)) => {
            if !items.contains(&v) {
                items.push(v);
            }
        }
        (Seg::Member, Write::Remove(Some(v))) => items.retain(|it| *it != v),
        (Seg::Member, _) => {
            return nav.fail(PathProblem::MemberOnly);
        }
        (Seg::Field(_), _) => return nav.fail(PathProblem::NotAList),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use serde_json::json;

    fn p(segs: Vec<Seg>) -> FieldPath {
        FieldPath::new(segs)
    }

    #[test]
    fn write_and_read_back() {
        let root = Root::Entity(EntityKind::Activity);
        let mut t = json!({"id": "x", "timing": {"Fixed": {"start": "a", "end": "b"}},
            "dependencies": [{"activity": "launch", "lag": 1}]});
        let lag = p(vec![
            Seg::Field("dependencies".into()),
            Seg::Key("launch".into()),
            Seg::Field("lag".into()),
        ]);
        assert_eq!(write(root, &mut t, &lag, Write::Replace(json!(4))), Ok(()));
        assert_eq!(read(root, &t, &lag), Some(&json!(4)));
        let end = p(vec![Seg::Field("timing".into()), Seg::Field("end".into())]);
        assert_eq!(
            write(root, &mut t, &end, Write::Replace(json!("c"))),
            Ok(())
        );
        assert_eq!(read(root, &t, &end), Some(&json!("c")));
        let en = p(vec![
            Seg::Field("description".into()),
            Seg::Field("en".into()),
        ]);
        assert_eq!(write(root, &mut t, &en, Write::Insert(json!("d"))), Ok(()));
        assert_eq!(t["description"], json!({"en": "d"}));
        let tag = p(vec![Seg::Field("tags".into()), Seg::Member]);
        assert_eq!(write(root, &mut t, &tag, Write::Insert(json!("t"))), Ok(()));
        assert!(has_member(root, &t, &tag, &json!("t")));
        let missing = p(vec![
            Seg::Field("dependencies".into()),
            Seg::Key("nope".into()),
            Seg::Field("lag".into()),
        ]);
        assert!(write(root, &mut t, &missing, Write::Replace(json!(1))).is_err());
    }
}
