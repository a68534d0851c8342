//! Three-way merge of one entity's tree (or `plan.ron`'s), field by field.
//!
//! At every node: the same on both sides, or changed on one side only, takes that value.
//! Changed on both sides differently, records merge field by field, lists item by item (by
//! key, as sets, or by position), and anything else is a conflict that keeps ours.

use super::merge::{ConflictKind, Side};
use super::path::{FieldPath, Seg};
use super::seq::{Hunk, hunks, item_segs};
use super::tree::{
    ListRule, Root, Shape, as_list, inner, keys, list_rule, member_key, merges_whole,
    ordered_union, record, shape_of, unique_keys,
};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A conflict found inside one tree, before it is tied to its entity.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub kind: ConflictKind,
    pub path: FieldPath,
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
    pub kept: Side,
}

struct Merger {
    root: Root,
    fields: Vec<String>,
    path: Vec<Seg>,
    /// Inside something both sides added under the same id: conflicts are add/add.
    added: bool,
    found: Vec<Found>,
}

type Opt<'v> = Option<&'v Value>;

/// Merges `ours` and `theirs`, trees of `root`, against `base` (`None`: both sides added it).
pub(crate) fn merge_tree(
    root: Root,
    base: Opt,
    ours: &Value,
    theirs: &Value,
) -> (Value, Vec<Found>) {
    let mut m = Merger {
        root,
        fields: Vec::new(),
        path: Vec::new(),
        added: base.is_none(),
        found: Vec::new(),
    };
    let merged = node(&mut m, base, Some(ours), Some(theirs)).unwrap_or(Value::Null);
    (merged, m.found)
}

impl Merger {
    fn conflict(&mut self, kind: ConflictKind, b: Opt, o: Opt, t: Opt, kept: Side) {
        let kind = match kind {
            ConflictKind::Field if self.added => ConflictKind::AddAdd,
            k => k,
        };
        self.found.push(Found {
            kind,
            path: FieldPath::new(self.path.clone()),
            base: b.cloned(),
            ours: o.cloned(),
            theirs: t.cloned(),
            kept,
        });
    }
}

fn node(m: &mut Merger, b: Opt, o: Opt, t: Opt) -> Option<Value> {
    if o == t || b == t {
        return o.cloned();
    }
    if b == o {
        return t.cloned();
    }
    match shape_of(&[o, t]) {
        Shape::List => list(m, b, o, t).map(Value::Array),
        Shape::Variant(name) => {
            let before = m.found.len();
            let merged = node(m, inner(b, &name), inner(o, &name), inner(t, &name));
            // A conflict on the variant's content itself (`Rating(1)` against `Rating(5)`)
            // sits at the variant's own path, so it must carry the whole values: writing the
            // bare content back there would drop the variant's name.
            for f in &mut m.found[before..] {
                if f.path.segments() == m.path.as_slice() {
                    (f.base, f.ours, f.theirs) = (b.cloned(), o.cloned(), t.cloned());
                }
            }
            let merged = merged?;
            let mut wrapper = Map::new();
            wrapper.insert(name, merged);
            Some(Value::Object(wrapper))
        }
        Shape::Record => {
            let (rb, ro, rt) = (record(b), record(o), record(t));
            let mut out = Map::new();
            for k in ordered_union(&[keys(ro), keys(rt), keys(rb)]) {
                m.fields.push(k.to_owned());
                m.path.push(Seg::Field(k.to_owned()));
                if let Some(v) = node(m, field(rb, k), field(ro, k), field(rt, k)) {
                    out.insert(k.to_owned(), v);
                }
                m.path.pop();
                m.fields.pop();
            }
            Some(Value::Object(out))
        }
        Shape::Leaf => {
            m.conflict(ConflictKind::Field, b, o, t, Side::Ours);
            o.cloned()
        }
    }
}

fn field<'v>(r: Option<&'v Map<String, Value>>, k: &str) -> Opt<'v> {
    r.and_then(|r| r.get(k))
}

fn strs(ks: &[String]) -> Vec<&str> {
    ks.iter().map(String::as_str).collect()
}

/// A merged list, or `None` after recording a conflict over the whole list (ours is kept).
fn list(m: &mut Merger, b: Opt, o: Opt, t: Opt) -> Option<Vec<Value>> {
    let (lb, lo, lt) = (as_list(b), as_list(o), as_list(t));
    let merged = match list_rule(m.root, &m.fields) {
        _ if merges_whole(m.root, &m.fields) => None,
        ListRule::Keyed(key) => {
            match (
                unique_keys(lb, key),
                unique_keys(lo, key),
                unique_keys(lt, key),
            ) {
                (Some(kb), Some(ko), Some(kt)) => Some(keyed(m, (lb, &kb), (lo, &ko), (lt, &kt))),
                _ => Some(set(lb, lo, lt)),
            }
        }
        ListRule::Set => Some(set(lb, lo, lt)),
        ListRule::Sequence => sequence(m, lb, lo, lt),
    };
    match merged {
        Some(v) => Some(v),
        None => {
            m.conflict(ConflictKind::Field, b, o, t, Side::Ours);
            Some(lo.to_vec())
        }
    }
}

fn keyed(
    m: &mut Merger,
    b: (&[Value], &[String]),
    o: (&[Value], &[String]),
    t: (&[Value], &[String]),
) -> Vec<Value> {
    let map = |(items, ks): (&[Value], &[String])| -> HashMap<String, usize> {
        ks.iter().cloned().zip(0..items.len()).collect()
    };
    let (mb, mo, mt) = (map(b), map(o), map(t));
    let order: Vec<String> = ordered_union(&[strs(o.1), strs(t.1), strs(b.1)])
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut out = Vec::new();
    for k in order {
        let ib = mb.get(&k).and_then(|i| b.0.get(*i));
        let io = mo.get(&k).and_then(|i| o.0.get(*i));
        let it = mt.get(&k).and_then(|i| t.0.get(*i));
        m.path.push(Seg::Key(k));
        let merged = match (ib, io, it) {
            _ if io == it || ib == it => io.cloned(),
            _ if ib == io => it.cloned(),
            // Removed on one side, changed on the other: keep the changed item, as git keeps a
            // modified file whose deletion conflicts.
            (Some(_), None, Some(_)) => {
                m.conflict(ConflictKind::DeleteModify, ib, io, it, Side::Theirs);
                it.cloned()
            }
            (Some(_), Some(_), None) => {
                m.conflict(ConflictKind::DeleteModify, ib, io, it, Side::Ours);
                io.cloned()
            }
            (None, Some(_), Some(_)) => {
                let outer = std::mem::replace(&mut m.added, true);
                let r = node(m, None, io, it);
                m.added = outer;
                r
            }
            _ => node(m, ib, io, it),
        };
        m.path.pop();
        out.extend(merged);
    }
    out
}

/// A member stays when both sides keep it or one side adds it. Members come out sorted by
/// their text so that the result does not depend on which side is ours.
fn set(b: &[Value], o: &[Value], t: &[Value]) -> Vec<Value> {
    let ks = |items: &[Value]| items.iter().map(member_key).collect::<HashSet<String>>();
    let (kb, ko, kt) = (ks(b), ks(o), ks(t));
    let mut out: BTreeMap<String, Value> = BTreeMap::new();
    for item in o.iter().chain(t) {
        let k = member_key(item);
        let keep = if kb.contains(&k) {
            ko.contains(&k) && kt.contains(&k)
        } else {
            true
        };
        if keep {
            out.entry(k).or_insert_with(|| item.clone());
        }
    }
    out.into_values().collect()
}

/// Merges ordered lists by their hunks against the base, as diff3 does. Hunks from the two
/// sides that touch form a cluster: the same change twice is taken once; two insertions at
/// the same place are both kept (in a fixed order); the same items replaced one for one on
/// both sides are merged item by item; anything else makes the whole list a conflict.
fn sequence(m: &mut Merger, b: &[Value], o: &[Value], t: &[Value]) -> Option<Vec<Value>> {
    // Each hunk with whether it is ours; ours first where both sides change the same range.
    let mut all: Vec<(Hunk, bool)> = hunks(b, o).into_iter().map(|h| (h, true)).collect();
    all.extend(hunks(b, t).into_iter().map(|h| (h, false)));
    all.sort_by_key(|(h, is_ours)| (h.start, h.end, !is_ours));
    let side = |is_ours: bool| if is_ours { o } else { t };
    let found_before = m.found.len();
    let mut out: Vec<Value> = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < all.len() {
        let (cs, mut ce) = (all[i].0.start, all[i].0.end);
        let mut j = i + 1;
        while j < all.len() && touches(&all[j].0, cs, ce) {
            ce = ce.max(all[j].0.end);
            j += 1;
        }
        out.extend_from_slice(&b[pos..cs]);
        let cluster = &all[i..j];
        let from_ours = cluster.iter().filter(|(_, is_ours)| *is_ours).count();
        if from_ours == 0 || from_ours == cluster.len() {
            let mut p = cs;
            for (h, is_ours) in cluster {
                out.extend_from_slice(&b[p..h.start]);
                out.extend_from_slice(&side(*is_ours)[h.with.clone()]);
                p = h.end;
            }
            out.extend_from_slice(&b[p..ce]);
        } else if let [(ho, true), (ht, false)] = cluster {
            let (ro, rt) = (&o[ho.with.clone()], &t[ht.with.clone()]);
            let same_range = (ho.start, ho.end) == (ht.start, ht.end);
            if same_range && ro == rt {
                out.extend_from_slice(ro);
            } else if same_range && ho.is_insertion() {
                let (first, second) = if member_key(&Value::from(ro.to_vec()))
                    <= member_key(&Value::from(rt.to_vec()))
                {
                    (ro, rt)
                } else {
                    (rt, ro)
                };
                out.extend_from_slice(first);
                out.extend_from_slice(second);
            } else if same_range && ro.len() == ho.end - ho.start && rt.len() == ro.len() {
                let names = item_segs(m.root, &m.fields, o);
                for k in 0..ro.len() {
                    // At its place in the merge, named by our item, which a conflict keeps.
                    let seg = match names.get(ho.with.start + k) {
                        Some(Seg::Named(_, name)) => Seg::Named(out.len(), name.clone()),
                        _ => Seg::Index(out.len()),
                    };
                    m.path.push(seg);
                    let merged = node(m, b.get(ho.start + k), ro.get(k), rt.get(k));
                    m.path.pop();
                    out.extend(merged);
                }
            } else {
                m.found.truncate(found_before);
                return None;
            }
        } else {
            m.found.truncate(found_before);
            return None;
        }
        pos = ce;
        i = j;
    }
    out.extend_from_slice(&b[pos..]);
    Some(out)
}

/// Whether `h` touches the span `[cs, ce)` of a cluster that starts at `cs`: they overlap,
/// or start at the same place (two insertions there, or one before the other's replacement).
fn touches(h: &Hunk, cs: usize, ce: usize) -> bool {
    h.start == cs || (h.start < ce && cs < h.end)
}
