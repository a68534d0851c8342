//! Ordered lists without keys (budget lines, outputs): alignment by longest common
//! subsequence, as line diffs do, but with whole items as the lines.

use serde_json::Value;
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
