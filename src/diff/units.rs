//! An entity cut into the parts that blame answers for on their own.

use super::tree::{ListRule, Root, entity_tree, is_text, list_rule, member_key, unique_keys};
use crate::model::Entity;
use serde_json::Value;

/// The parts of `e` that blame follows separately, in field order, each with its value: a
/// top-level field (`timing`, `status`), one language of a text field (`title.ar`), or one
/// item of a keyed list or set (`dependencies[launch]`, `tags[meeting]`). Ordered lists
/// (budget lines, outputs) stay whole, because an item's position is no identity.
pub fn field_units(e: &Entity) -> Vec<(String, Value)> {
    let tree = entity_tree(e);
    let Some(obj) = tree.as_object() else {
        return Vec::new();
    };
    let root = Root::Entity(e.kind());
    let mut out = Vec::new();
    for (field, v) in obj {
        if let (true, Some(langs)) = (is_text(v), v.as_object()) {
            out.extend(
                langs
                    .iter()
                    .map(|(lang, t)| (format!("{field}.{lang}"), t.clone())),
            );
            continue;
        }
        if let Some(items) = v.as_array() {
            let members = || items.iter().map(member_name).collect();
            let keys: Option<Vec<String>> = match list_rule(root, std::slice::from_ref(field)) {
                // A keyed list with a repeated key is a set of whole items, as in the diff.
                ListRule::Keyed(key) => Some(unique_keys(items, key).unwrap_or_else(members)),
                ListRule::Set => Some(members()),
                ListRule::Sequence => None,
            };
            if let Some(keys) = keys {
                out.extend(
                    keys.into_iter()
                        .zip(items)
                        .map(|(k, item)| (format!("{field}[{k}]"), item.clone())),
                );
                continue;
            }
        }
        out.push((field.clone(), v.clone()));
    }
    out
}

/// How a set member is named in a unit: a string as itself, anything else as compact JSON.
fn member_name(v: &Value) -> String {
    v.as_str().map_or_else(|| member_key(v), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Dependency, Id, Text};

    #[test]
    fn fields_languages_and_items() {
        let mut a = Activity::new(Id::new_unchecked("x"), Text::new("تجربة", "Pilot"), 5);
        a.dependencies.push(Dependency {
            activity: Id::new_unchecked("launch"),
            kind: Default::default(),
            lag: 2,
        });
        a.tags = vec!["b".into(), "a".into()];
        let units = field_units(&Entity::Activity(a));
        let names: Vec<&str> = units.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "id",
                "title.ar",
                "title.en",
                "kind",
                "timing",
                "dependencies[launch]",
                "status",
                "progress",
                "tags[b]",
                "tags[a]"
            ]
        );
        assert_eq!(units[5].1["lag"], 2);
        assert_eq!(units[2].1, "Pilot");
    }
}
