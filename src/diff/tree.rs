//! Entities as JSON trees, and what the diff and merge need to know about their shape.
//!
//! Diff and merge work on the serde tree of one entity (or `plan.ron`) rather than on each
//! Rust type by hand: every field the model gains is diffed and merged without new code. The
//! little the tree cannot tell (which lists are sets, which are keyed by what) is the table in
//! [`list_rule`]. Turning a merged tree back into a typed value is the final check that the
//! merge produced something valid.

use crate::model::{
    Activity, ActivityKind, Beneficiary, DependencyKind, Entity, EntityKind, FundingSource, Id,
    Partner, PlanMeta, Status,
};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What a tree is the tree of: `plan.ron` or an entity of some kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Root {
    /// `plan.ron`.
    Meta,
    /// `governance.ron`.
    Governance,
    /// An entity file.
    Entity(EntityKind),
    /// A consultation round's `round.ron`.
    Round,
    /// A participant's response.
    Response,
}

impl Root {
    /// The root of the tree of what `unit`'s file holds.
    pub(crate) fn of(unit: &crate::model::Unit) -> Root {
        use crate::model::Unit;
        match unit {
            Unit::Plan => Root::Meta,
            Unit::Governance => Root::Governance,
            Unit::Entity { kind, .. } => Root::Entity(*kind),
            Unit::Round { .. } => Root::Round,
            Unit::Response { .. } => Root::Response,
        }
    }
}

/// How the items of a list are matched between revisions.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ListRule {
    /// Unordered, no duplicates: items are added or removed, never changed.
    Set,
    /// Each item has a key (an id, a date); items with the same key are compared field by field.
    Keyed(fn(&Value) -> Option<String>),
    /// Order matters and items have no identity but their place (budget lines, outputs).
    Sequence,
}

fn str_field(v: &Value, name: &str) -> Option<String> {
    v.get(name)?.as_str().map(str::to_owned)
}

fn by_activity(v: &Value) -> Option<String> {
    str_field(v, "activity")
}

fn by_partner(v: &Value) -> Option<String> {
    str_field(v, "partner")
}

fn by_id(v: &Value) -> Option<String> {
    str_field(v, "id")
}

fn by_email(v: &Value) -> Option<String> {
    str_field(v, "email")
}

fn by_date(v: &Value) -> Option<String> {
    str_field(v, "date")
}

fn by_currency_and_date(v: &Value) -> Option<String> {
    Some(format!(
        "{}@{}",
        str_field(v, "currency")?,
        str_field(v, "date")?
    ))
}

/// The rule for the list at `fields` (the field names from the root, without keys or
/// indices). Lists not named here are sequences, the rule that assumes the least.
pub(crate) fn list_rule(root: Root, fields: &[String]) -> ListRule {
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    match (root, names.as_slice()) {
        (Root::Entity(EntityKind::Activity), ["dependencies"]) => ListRule::Keyed(by_activity),
        (Root::Entity(EntityKind::Activity), ["partners"]) => ListRule::Keyed(by_partner),
        (Root::Entity(EntityKind::Activity), ["beneficiaries" | "sdg_targets" | "tags"]) => {
            ListRule::Set
        }
        (Root::Entity(EntityKind::Partner), ["roles"]) => ListRule::Set,
        (Root::Entity(EntityKind::Funding), ["earmarked"]) => ListRule::Set,
        (Root::Meta, ["exchange_rates"]) => ListRule::Keyed(by_currency_and_date),
        (Root::Meta, ["calendars"]) => ListRule::Keyed(by_id),
        (Root::Meta, ["calendars", "holidays"]) => ListRule::Keyed(by_date),
        (Root::Meta, ["calendars", "weekend" | "countries"]) => ListRule::Set,
        (Root::Meta, ["sdg_goals" | "sdg_targets" | "countries" | "cities"]) => ListRule::Set,
        // Rules merge person by person and grant by grant (what one grant allows merges
        // only whole: see `merges_whole`).
        (Root::Governance, ["coordinators"] | ["people", "keys"]) => ListRule::Set,
        (Root::Governance, ["people"]) => ListRule::Keyed(by_email),
        (Root::Governance, ["grants"]) => ListRule::Keyed(by_partner),
        (Root::Round, ["questions"]) => ListRule::Keyed(by_id),
        (Root::Round, ["questions", "kind", "options"]) => ListRule::Keyed(by_id),
        (Root::Round, ["questions", "refers_to", _]) => ListRule::Set,
        _ => ListRule::Sequence,
    }
}

/// Whether the list at `fields` merges only as one value: changed differently on two sides,
/// it is a conflict. What a grant allows is a decision about a partner's rights; two
/// decisions made apart must not add up to more than either side gave.
pub(crate) fn merges_whole(root: Root, fields: &[String]) -> bool {
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    matches!(
        (root, names.as_slice()),
        (Root::Governance, ["grants", "may"])
    )
}

/// The keys of `items` under `key`, or `None` when an item has none or two share one; such a
/// list is then treated as a set of whole items, which is always sound.
pub(crate) fn unique_keys(
    items: &[Value],
    key: fn(&Value) -> Option<String>,
) -> Option<Vec<String>> {
    let keys: Option<Vec<String>> = items.iter().map(key).collect();
    let keys = keys?;
    let mut sorted: Vec<&String> = keys.iter().collect();
    sorted.sort();
    sorted.dedup();
    (sorted.len() == keys.len()).then_some(keys)
}

/// A value's identity as a set member: its compact JSON text.
pub(crate) fn member_key(v: &Value) -> String {
    v.to_string()
}

/// The variant name and content of an enum value with data (`{"Fixed": {...}}`).
///
/// Model fields are lowercase and variants capitalised, so a one-key object whose key starts
/// with a capital letter can only be a variant.
pub(crate) fn variant(v: &Value) -> Option<(&str, &Value)> {
    let obj = v.as_object()?;
    if obj.len() != 1 {
        return None;
    }
    let (name, inner) = obj.iter().next()?;
    name.starts_with(|c: char| c.is_ascii_uppercase())
        .then_some((name.as_str(), inner))
}

/// Whether `v` is bilingual text (`{"ar": .., "en": ..}`); absent text is the same as empty
/// text, so each language can be diffed and merged on its own.
pub(crate) fn is_text(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.keys().all(|k| k == "ar" || k == "en"))
}

/// A plain record (not an enum variant).
pub(crate) fn record(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.filter(|v| variant(v).is_none())?.as_object()
}

/// The union of several key lists, keeping each list's order: a key only in a later list goes
/// right after its nearest predecessor there, so fields stay close to declaration order (a
/// list cannot tell where a field it lacks would have been).
pub(crate) fn ordered_union<'a>(lists: &[Vec<&'a str>]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for list in lists {
        let mut at = 0;
        for k in list {
            match out.iter().position(|o| o == k) {
                Some(p) => at = p + 1,
                None => {
                    out.insert(at, k);
                    at += 1;
                }
            }
        }
    }
    out
}

/// The keys of an optional record, in order.
pub(crate) fn keys(v: Option<&Map<String, Value>>) -> Vec<&str> {
    v.map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// How a node is compared across revisions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A list on every side that has one (an absent list is an empty one).
    List,
    /// The same enum variant on every side: compare what is inside.
    Variant(String),
    /// A record on every side, or text on every side that has some: compare field by field.
    Record,
    /// Anything else: compare as one value.
    Leaf,
}

/// The shape shared by `sides` (the revisions that must agree; a merge base that disagrees
/// is read as absent, see [`as_list`], [`inner`] and [`record`]).
pub(crate) fn shape_of(sides: &[Option<&Value>]) -> Shape {
    let present: Vec<&Value> = sides.iter().flatten().copied().collect();
    if present.is_empty() {
        return Shape::Leaf;
    }
    if present.iter().all(|v| v.is_array()) {
        return Shape::List;
    }
    let all_present = present.len() == sides.len();
    let names: Vec<Option<&str>> = present.iter().map(|v| variant(v).map(|(n, _)| n)).collect();
    if let Some(Some(first)) = names.first()
        && all_present
        && names.iter().all(|n| *n == Some(*first))
    {
        return Shape::Variant((*first).to_owned());
    }
    let records = present.iter().all(|v| v.is_object()) && names.iter().all(Option::is_none);
    if records && (all_present || present.iter().all(|v| is_text(v))) {
        return Shape::Record;
    }
    Shape::Leaf
}

/// A node as a list; absent (or not a list) is the empty list.
pub(crate) fn as_list(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// What is inside a node of the variant `name`, if it is that variant.
pub(crate) fn inner<'v>(v: Option<&'v Value>, name: &str) -> Option<&'v Value> {
    v.and_then(variant)
        .filter(|(n, _)| *n == name)
        .map(|(_, i)| i)
}

/// Every id of two maps with its value on each side, in id order: one merge-join instead of
/// a lookup per id, which is what keeps a diff of a large plan linear.
pub(crate) fn pairs<'a, T>(
    a: &'a BTreeMap<Id, T>,
    b: &'a BTreeMap<Id, T>,
) -> impl Iterator<Item = (&'a Id, Option<&'a T>, Option<&'a T>)> {
    let (mut ia, mut ib) = (a.iter().peekable(), b.iter().peekable());
    std::iter::from_fn(move || match (ia.peek(), ib.peek()) {
        (Some((ka, _)), Some((kb, _))) => match ka.cmp(kb) {
            std::cmp::Ordering::Less => ia.next().map(|(k, v)| (k, Some(v), None)),
            std::cmp::Ordering::Greater => ib.next().map(|(k, v)| (k, None, Some(v))),
            std::cmp::Ordering::Equal => {
                let (k, va) = ia.next()?;
                ib.next().map(|(_, vb)| (k, Some(va), Some(vb)))
            }
        },
        (Some(_), None) => ia.next().map(|(k, v)| (k, Some(v), None)),
        (None, Some(_)) => ib.next().map(|(k, v)| (k, None, Some(v))),
        (None, None) => None,
    })
}

/// The tree of an entity (its fields, without the kind wrapper).
pub(crate) fn entity_tree(e: &Entity) -> Value {
    // Serialising model values cannot fail: every map key is a string and every custom
    // `Serialize` writes a string. `Null` would only show up as a visible change.
    let mut v = match e {
        Entity::Activity(a) => serde_json::to_value(a),
        Entity::Partner(p) => serde_json::to_value(p),
        Entity::Beneficiary(b) => serde_json::to_value(b),
        Entity::Funding(f) => serde_json::to_value(f),
    }
    .unwrap_or(Value::Null);
    if let (Entity::Activity(_), Some(obj)) = (e, v.as_object_mut()) {
        with_activity_defaults(obj);
    }
    v
}

/// Writes back the fields an activity file leaves out when they hold their default, so that a
/// change reads `"Planned" -> "InProgress"` rather than `(none) -> "InProgress"`.
fn with_activity_defaults(obj: &mut Map<String, Value>) {
    let json = |v: Result<Value, serde_json::Error>| v.unwrap_or(Value::Null);
    let before_status = [
        "id",
        "title",
        "description",
        "kind",
        "parent",
        "timing",
        "dependencies",
    ];
    fill(
        obj,
        "kind",
        json(serde_json::to_value(ActivityKind::default())),
        &before_status[..3],
    );
    fill(
        obj,
        "status",
        json(serde_json::to_value(Status::default())),
        &before_status,
    );
    fill(obj, "progress", Value::from(0), &["status"]);
    let dep_kind = json(serde_json::to_value(DependencyKind::default()));
    for d in obj
        .get_mut("dependencies")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
    {
        fill(d, "kind", dep_kind.clone(), &["activity"]);
        fill(d, "lag", Value::from(0), &["activity", "kind"]);
    }
}

/// Inserts `field` with `default` when it is missing, after the last of `after` present.
fn fill(obj: &mut Map<String, Value>, field: &str, default: Value, after: &[&str]) {
    if obj.contains_key(field) {
        return;
    }
    let at = obj
        .keys()
        .enumerate()
        .filter(|(_, k)| after.contains(&k.as_str()))
        .map(|(i, _)| i + 1)
        .max()
        .unwrap_or(0);
    obj.shift_insert(at, field.to_owned(), default);
}

/// The tree of a round or a response (no defaults to fill in: their files are small and
/// merged or shown whole far more often than field by field).
pub(crate) fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The tree of `plan.ron`.
pub(crate) fn meta_tree(m: &PlanMeta) -> Value {
    serde_json::to_value(m).unwrap_or(Value::Null)
}

/// An entity of `kind` from its tree, in canonical order.
pub(crate) fn entity_from_tree(kind: EntityKind, v: Value) -> Result<Entity, serde_json::Error> {
    let mut e = match kind {
        EntityKind::Activity => Entity::Activity(serde_json::from_value::<Activity>(v)?),
        EntityKind::Partner => Entity::Partner(serde_json::from_value::<Partner>(v)?),
        EntityKind::Beneficiary => Entity::Beneficiary(serde_json::from_value::<Beneficiary>(v)?),
        EntityKind::Funding => Entity::Funding(serde_json::from_value::<FundingSource>(v)?),
    };
    e.normalize();
    Ok(e)
}

/// `plan.ron` from its tree, in canonical order.
pub(crate) fn meta_from_tree(v: Value) -> Result<PlanMeta, serde_json::Error> {
    let mut m: PlanMeta = serde_json::from_value(v)?;
    m.normalize();
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_keeps_declaration_order() {
        let a = vec!["id", "title", "timing", "status"];
        let b = vec!["id", "title", "description", "timing", "lead"];
        assert_eq!(
            ordered_union(&[a, b]),
            ["id", "title", "description", "timing", "lead", "status"]
        );
    }

    #[test]
    fn duplicate_keys_fall_back_to_a_set() {
        let items = [
            serde_json::json!({"partner": "a", "role": "Funding"}),
            serde_json::json!({"partner": "a", "role": "Implementing"}),
        ];
        assert!(unique_keys(&items, by_partner).is_none());
        assert_eq!(
            unique_keys(&items[..1], by_partner),
            Some(vec!["a".to_owned()])
        );
    }

    #[test]
    fn variants_and_text() {
        let fixed = serde_json::json!({"Fixed": {"start": "2026-01-01", "end": "2026-01-02"}});
        assert_eq!(variant(&fixed).map(|(n, _)| n), Some("Fixed"));
        assert!(variant(&serde_json::json!({"en": "x"})).is_none());
        assert!(is_text(&serde_json::json!({"en": "x"})));
        assert!(!is_text(&serde_json::json!({"country": "EG"})));
    }
}
