//! Two-way diff of one entity's tree (or `plan.ron`'s) into field changes.

use super::FieldChange;
use super::path::{FieldPath, Seg};
use super::seq::{hunks, item_segs};
use super::tree::{
    ListRule, Root, Shape, as_list, inner, keys, list_rule, member_key, ordered_union, record,
    shape_of, unique_keys,
};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Where the walk is: the root's type, the field names from the root (which choose the list
/// rules) and the full path (which names the changes).
struct Walk {
    root: Root,
    fields: Vec<String>,
    path: Vec<Seg>,
    out: Vec<FieldChange>,
}

/// Every change from `a` to `b`, both trees of `root`; `None` is absent.
pub(crate) fn diff_tree(root: Root, a: Option<&Value>, b: Option<&Value>) -> Vec<FieldChange> {
    let mut w = Walk {
        root,
        fields: Vec::new(),
        path: Vec::new(),
        out: Vec::new(),
    };
    node(&mut w, a, b);
    w.out
}

fn change(w: &mut Walk, seg: Option<Seg>, old: Option<&Value>, new: Option<&Value>) {
    let mut path = w.path.clone();
    path.extend(seg);
    w.out.push(FieldChange {
        path: FieldPath::new(path),
        old: old.cloned(),
        new: new.cloned(),
    });
}

fn node(w: &mut Walk, a: Option<&Value>, b: Option<&Value>) {
    if a == b {
        return;
    }
    match shape_of(&[a, b]) {
        Shape::List => list(w, as_list(a), as_list(b)),
        Shape::Variant(name) => node(w, inner(a, &name), inner(b, &name)),
        Shape::Record => {
            let (ra, rb) = (record(a), record(b));
            for k in ordered_union(&[keys(rb), keys(ra)]) {
                w.fields.push(k.to_owned());
                w.path.push(Seg::Field(k.to_owned()));
                node(w, ra.and_then(|r| r.get(k)), rb.and_then(|r| r.get(k)));
                w.path.pop();
                w.fields.pop();
            }
        }
        Shape::Leaf => change(w, None, a, b),
    }
}

fn list(w: &mut Walk, a: &[Value], b: &[Value]) {
    match list_rule(w.root, &w.fields) {
        ListRule::Keyed(key) => match (unique_keys(a, key), unique_keys(b, key)) {
            (Some(ka), Some(kb)) => keyed(w, a, &ka, b, &kb),
            _ => set(w, a, b),
        },
        ListRule::Set => set(w, a, b),
        ListRule::Sequence => sequence(w, a, b),
    }
}

fn keyed(w: &mut Walk, a: &[Value], ka: &[String], b: &[Value], kb: &[String]) {
    let ma: HashMap<&str, &Value> = ka.iter().map(String::as_str).zip(a).collect();
    let mb: HashMap<&str, &Value> = kb.iter().map(String::as_str).zip(b).collect();
    // Keyed lists are kept sorted on disk; report them in key order too.
    let order: BTreeSet<&str> = ma.keys().chain(mb.keys()).copied().collect();
    for k in order {
        w.path.push(Seg::Key(k.to_owned()));
        node(w, ma.get(k).copied(), mb.get(k).copied());
        w.path.pop();
    }
}

fn set(w: &mut Walk, a: &[Value], b: &[Value]) {
    let ka: HashSet<String> = a.iter().map(member_key).collect();
    let kb: HashSet<String> = b.iter().map(member_key).collect();
    for item in a.iter().filter(|v| !kb.contains(&member_key(v))) {
        change(w, Some(Seg::Member), Some(item), None);
    }
    for item in b.iter().filter(|v| !ka.contains(&member_key(v))) {
        change(w, Some(Seg::Member), None, Some(item));
    }
}

/// Items are aligned by content; within a run of replaced items, the k-th removed one is
/// paired with the k-th added one and compared field by field at its new position, so that a
/// changed amount reads `budget[travel · grant].amount`. Unpaired removals are at their old
/// position, unpaired additions at their new one (see `apply` for why that is enough); each
/// is named by the item at that position (see `item_seg`).
fn sequence(w: &mut Walk, a: &[Value], b: &[Value]) {
    let hunks = hunks(a, b);
    if hunks.is_empty() {
        return;
    }
    let (old, new) = (
        item_segs(w.root, &w.fields, a),
        item_segs(w.root, &w.fields, b),
    );
    let seg = |segs: &[Seg], at: usize| segs.get(at).cloned().unwrap_or(Seg::Index(at));
    for h in hunks {
        let removed = h.end - h.start;
        let added = h.with.len();
        for k in 0..removed.min(added) {
            let j = h.with.start + k;
            w.path.push(seg(&new, j));
            node(w, a.get(h.start + k), b.get(j));
            w.path.pop();
        }
        for i in h.start + added.min(removed)..h.end {
            change(w, Some(seg(&old, i)), a.get(i), None);
        }
        for j in h.with.start + removed.min(added)..h.with.end {
            change(w, Some(seg(&new, j)), None, b.get(j));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use serde_json::json;

    fn paths(changes: &[FieldChange]) -> Vec<String> {
        changes.iter().map(|c| c.path.to_string()).collect()
    }

    #[test]
    fn fields_keys_members_and_positions() {
        let a = json!({
            "id": "x", "title": {"en": "Pilot"},
            "timing": {"Fixed": {"start": "2026-01-01", "end": "2026-01-05"}},
            "dependencies": [{"activity": "launch", "lag": 1}, {"activity": "old"}],
            "tags": ["a", "b"],
            "budget": [
                {"category": "Travel", "amount": "1", "funding": "grant"},
                {"category": "Travel", "amount": "2", "funding": "grant"},
            ],
            "outputs": [{"en": "a"}],
        });
        let b = json!({
            "id": "x", "title": {"ar": "تجربة", "en": "Pilot"},
            "timing": {"Fixed": {"start": "2026-01-01", "end": "2026-01-09"}},
            "dependencies": [{"activity": "launch", "lag": 3}],
            "tags": ["b", "c"],
            "budget": [
                {"category": "Travel", "amount": "1", "funding": "grant"},
                {"category": "Travel", "amount": "5", "funding": "grant"},
                {"category": "Meetings", "amount": "9"},
            ],
            "outputs": [{"en": "a"}, {"en": "b"}],
        });
        let c = diff_tree(Root::Entity(EntityKind::Activity), Some(&a), Some(&b));
        assert_eq!(
            paths(&c),
            [
                "title.ar",
                "timing.end",
                "dependencies[launch].lag",
                "dependencies[old]",
                "tags[]",
                "tags[]",
                // The second of two travel lines on the grant; a line of no source.
                "budget[travel · grant #2].amount",
                "budget[meetings]",
                // Outputs say nothing about themselves: they go by position.
                "outputs[1]",
            ]
        );
        assert_eq!(c[4].old, Some(json!("a")));
        assert_eq!(c[5].new, Some(json!("c")));
        assert_eq!(c[6].path.segments()[1].index(), Some(1));
    }

    #[test]
    fn another_variant_is_one_change() {
        let a = json!({"timing": {"Fixed": {"start": "2026-01-01", "end": "2026-01-05"}}});
        let b = json!({"timing": {"Duration": {"days": 4}}});
        let c = diff_tree(Root::Entity(EntityKind::Activity), Some(&a), Some(&b));
        assert_eq!(paths(&c), ["timing"]);
    }
}
