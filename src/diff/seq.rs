//! Ordered lists without keys (budget lines, outputs): alignment by longest common
//! subsequence, as line diffs do, but with whole items as the lines; and how their items are
//! named in a path.

use super::path::Seg;
use super::tree::Root;
use crate::model::EntityKind;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// Above this many cells the quadratic alignment is skipped and the differing middle of the
/// two lists is taken as one replacement; real budget lists have a handful of lines.
const MAX_CELLS: usize = 1 << 22;

/// One side's change to a list: `old[start..end]` replaced by `new[with]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hunk {
    /// First replaced item of the old list.
    pub start: usize,
    /// One past the last replaced item of the old list (`start` for a pure insertion).
    pub end: usize,
    /// The items of the new list that take their place.
    pub with: Range<usize>,
}

impl Hunk {
    /// Whether the hunk only inserts.
    pub(crate) fn is_insertion(&self) -> bool {
        self.start == self.end
    }
}

/// The pairs `(i, j)` with `old[i] == new[j]` of a longest common subsequence, in order.
fn matches(old: &[Value], new: &[Value]) -> Vec<(usize, usize)> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let mut out: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    if !a.is_empty() && !b.is_empty() && a.len() * b.len() <= MAX_CELLS {
        // table[i][j]: length of the LCS of a[i..] and b[j..].
        let w = b.len() + 1;
        let mut table = vec![0u32; (a.len() + 1) * w];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                table[i * w + j] = if a[i] == b[j] {
                    table[(i + 1) * w + j + 1] + 1
                } else {
                    table[(i + 1) * w + j].max(table[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i] == b[j] {
                out.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if table[(i + 1) * w + j] >= table[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let (oa, ob) = (old.len() - suffix, new.len() - suffix);
    out.extend((0..suffix).map(|k| (oa + k, ob + k)));
    out
}

/// The hunks that turn `old` into `new`, in order.
pub(crate) fn hunks(old: &[Value], new: &[Value]) -> Vec<Hunk> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let ends = [(old.len(), new.len())];
    for &(mi, mj) in matches(old, new).iter().chain(ends.iter()) {
        if mi > i || mj > j {
            out.push(Hunk {
                start: i,
                end: mi,
                with: j..mj,
            });
        }
        (i, j) = (mi + 1, mj + 1);
    }
    out
}

/// What an item of an ordered list says it is, for naming it in a path: a budget line by its
/// category and funding source (`travel · grant`, or `travel` when it names no source).
/// `None` for lists whose items say nothing about themselves (outputs): those go by position.
fn item_name(root: Root, fields: &[String], item: &Value) -> Option<String> {
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    if !matches!(
        (root, names.as_slice()),
        (Root::Entity(EntityKind::Activity), ["budget"])
    ) {
        return None;
    }
    // The category as a name rather than as a value: `travel`, as the message keys spell it.
    let category = item.get("category")?.as_str()?.to_lowercase();
    Some(match item.get("funding").and_then(Value::as_str) {
        Some(source) => format!("{category} · {source}"),
        None => category,
    })
}

/// The steps to each item of the ordered list `items` (at `fields` under `root`): by name
/// when its items have one, the position only telling apart lines that share it
/// (`travel · grant #2`, the second such line); by position otherwise. The position is each
/// step's identity either way, so naming never changes which item a path reaches.
pub(crate) fn item_segs(root: Root, fields: &[String], items: &[Value]) -> Vec<Seg> {
    let names: Vec<Option<String>> = items
        .iter()
        .map(|item| item_name(root, fields, item))
        .collect();
    let mut twins: HashMap<&str, usize> = HashMap::new();
    for n in names.iter().flatten() {
        *twins.entry(n.as_str()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    names
        .iter()
        .enumerate()
        .map(|(at, name)| match name {
            None => Seg::Index(at),
            Some(n) if twins.get(n.as_str()).copied().unwrap_or(0) < 2 => Seg::Named(at, n.clone()),
            Some(n) => {
                let nth = seen.entry(n.as_str()).or_default();
                *nth += 1;
                Seg::Named(at, format!("{n} #{nth}"))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vals(s: &str) -> Vec<Value> {
        s.chars().map(|c| json!(c.to_string())).collect()
    }

    #[test]
    fn hunks_of_small_lists() {
        assert_eq!(hunks(&vals("abc"), &vals("abc")), vec![]);
        assert_eq!(
            hunks(&vals("abc"), &vals("axc")),
            vec![Hunk {
                start: 1,
                end: 2,
                with: 1..2
            }]
        );
        assert_eq!(
            hunks(&vals("ab"), &vals("abz")),
            vec![Hunk {
                start: 2,
                end: 2,
                with: 2..3
            }]
        );
        assert_eq!(
            hunks(&vals("abcd"), &vals("bxd")),
            vec![
                Hunk {
                    start: 0,
                    end: 1,
                    with: 0..0
                },
                Hunk {
                    start: 2,
                    end: 3,
                    with: 1..2
                }
            ]
        );
        assert_eq!(
            hunks(&vals(""), &vals("ab")),
            vec![Hunk {
                start: 0,
                end: 0,
                with: 0..2
            }]
        );
    }
}
