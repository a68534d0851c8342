//! A folder (git tree object) read as git stores it, for walks over many commits: the bytes
//! of the object and where each entry begins, nothing more. libgit2's own tree parse makes
//! an entry for each of a folder's 10,000 activity files on every commit, and so did the
//! walk's list of names after it; that cost as much as inflating the object.
//!
//! Two versions of a large folder mostly hold the same bytes: a commit that changes one
//! activity changes 20 bytes of its folder. [`RawTree::differing`] finds the entries between
//! the longest common beginning and end of the two byte strings, so that a walk joins a few
//! entries instead of all of them.

use git2::Oid;
use std::ops::Range;

/// git's mode of a folder.
pub(super) const FOLDER: i32 = 0o040000;

/// A folder's entries as stored: `MODE NAME\0ID` one after another, in git's order.
pub(super) struct RawTree {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

/// Where one entry is in the bytes, and its mode as libgit2 gives it.
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    /// The first byte of the name.
    name: u32,
    /// The `\0` after the name; the id is the 20 bytes after it.
    nul: u32,
    mode: i32,
}

/// The length of an object id in a tree.
const ID: usize = 20;

impl RawTree {
    /// The entries of a tree object's content; `None` when it is not one git could have
    /// written (the caller then asks libgit2, which says why).
    pub(super) fn parse(bytes: Vec<u8>) -> Option<RawTree> {
        let mut entries = Vec::new();
        let mut at = 0;
        u32::try_from(bytes.len()).ok()?;
        while at < bytes.len() {
            let rest = &bytes[at..];
            let space = rest.iter().position(|&b| b == b' ')?;
            let nul = space + 1 + rest[space + 1..].iter().position(|&b| b == 0)?;
            if space == 0 || nul == space + 1 || rest.len() < nul + 1 + ID {
                return None;
            }
            let mut mode = 0i32;
            for &d in &rest[..space] {
                if !(b'0'..=b'7').contains(&d) || mode > 0o7777777 {
                    return None;
                }
                mode = mode * 8 + i32::from(d - b'0');
            }
            entries.push(Entry {
                start: at as u32,
                name: (at + space + 1) as u32,
                nul: (at + nul) as u32,
                mode: normalize(mode),
            });
            at += nul + 1 + ID;
        }
        Some(RawTree { bytes, entries })
    }

    /// The same entries written as git writes them, from what libgit2 read: for a tree whose
    /// bytes [`RawTree::parse`] refuses and libgit2 accepts.
    pub(super) fn of(tree: &git2::Tree) -> RawTree {
        let mut bytes = Vec::new();
        for e in tree.iter() {
            bytes.extend_from_slice(format!("{:o} ", e.filemode()).as_bytes());
            bytes.extend_from_slice(e.name_bytes());
            bytes.push(0);
            bytes.extend_from_slice(e.id().as_bytes());
        }
        // What was just written in the format parses.
        RawTree::parse(bytes).unwrap_or(RawTree {
            bytes: Vec::new(),
            entries: Vec::new(),
        })
    }

    /// No entries.
    pub(super) fn empty() -> RawTree {
        RawTree {
            bytes: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// How many entries.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Entry `k`'s name.
    pub(super) fn name(&self, k: usize) -> &[u8] {
        let e = self.entries[k];
        &self.bytes[e.name as usize..e.nul as usize]
    }

    /// Entry `k`'s id.
    pub(super) fn id(&self, k: usize) -> Oid {
        let at = self.entries[k].nul as usize + 1;
        Oid::from_bytes(&self.bytes[at..at + ID]).unwrap_or(Oid::ZERO_SHA1)
    }

    /// Entry `k`'s mode, as libgit2's `git_tree_entry_filemode` gives it.
    pub(super) fn mode(&self, k: usize) -> i32 {
        self.entries[k].mode
    }

    /// Whether entry `k` is a folder.
    pub(super) fn is_folder(&self, k: usize) -> bool {
        self.entries[k].mode == FOLDER
    }

    /// Entry `k` as stored: mode, name and id.
    fn stored(&self, k: usize) -> &[u8] {
        let e = self.entries[k];
        &self.bytes[e.start as usize..e.nul as usize + 1 + ID]
    }

    /// Entry `i` of `self` against entry `j` of `other` in git's order: by name, a folder's
    /// name read as if it ended in `/`.
    pub(super) fn order(&self, i: usize, other: &RawTree, j: usize) -> std::cmp::Ordering {
        self.order_to(i, other.name(j), other.is_folder(j))
    }

    fn order_to(&self, i: usize, name: &[u8], folder: bool) -> std::cmp::Ordering {
        fn key(n: &[u8], f: bool) -> impl Iterator<Item = u8> + '_ {
            n.iter().copied().chain(f.then_some(b'/'))
        }
        key(self.name(i), self.is_folder(i)).cmp(key(name, folder))
    }

    /// The entry named `name`, looked for as a folder or as a file.
    pub(super) fn find(&self, name: &[u8], folder: bool) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.order_to(mid, name, folder) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The entries of `self` and of `other` that a join of the two must look at: those
    /// before are the same on both sides, and so are those after, pair by pair.
    pub(super) fn differing(&self, other: &RawTree) -> (Range<usize>, Range<usize>) {
        let (a, b) = (&self.bytes, &other.bytes);
        let head = common_head(a, b);
        // The entries that end within the common beginning are the same on both sides: both
        // were read from the same bytes from the first.
        let ends = |t: &RawTree| {
            t.entries
                .partition_point(|e| e.nul as usize + 1 + ID <= head)
        };
        let first = ends(self).min(ends(other));
        let tail = common_tail(a, b).min(a.len().min(b.len()) - head);
        // The entries that begin within the common end are the same on both sides if both
        // sides have an entry beginning at that distance from the end.
        let mut i = self
            .entries
            .partition_point(|e| (e.start as usize) < a.len() - tail);
        while i < self.len() {
            let from_end = a.len() - self.entries[i].start as usize;
            let at = b.len() - from_end;
            if let Ok(j) = other
                .entries
                .binary_search_by_key(&at, |e| e.start as usize)
                && self.stored(i) == other.stored(j)
            {
                return (first.min(i)..i, first.min(j)..j);
            }
            i += 1;
        }
        (first..self.len(), first..other.len())
    }
}

/// libgit2's `normalize_filemode`: what `git_tree_entry_filemode` says of a stored mode.
fn normalize(mode: i32) -> i32 {
    match mode & 0o170000 {
        0o040000 => FOLDER,
        _ if mode & 0o111 != 0 => 0o100755,
        0o160000 => 0o160000,
        0o120000 => 0o120000,
        _ => 0o100644,
    }
}

/// How many bytes two strings begin with in common; compared a block at a time, as `memcmp`
/// does, the common part of two 500 KB folders costs microseconds.
fn common_head(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= n && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    at + a[at..n]
        .iter()
        .zip(&b[at..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes two strings end with in common.
fn common_tail(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= n
        && a[a.len() - at - BLOCK..a.len() - at] == b[b.len() - at - BLOCK..b.len() - at]
    {
        at += BLOCK;
    }
    at + a[..a.len() - at]
        .iter()
        .rev()
        .zip(b[..b.len() - at].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A folder's bytes from (name, folder, id byte) entries, sorted in git's order.
    fn tree(entries: &[(String, bool, u8)]) -> RawTree {
        let mut sorted: Vec<_> = entries.to_vec();
        sorted.sort_by(|a, b| {
            let key = |e: &(String, bool, u8)| {
                let mut k = e.0.as_bytes().to_vec();
                if e.1 {
                    k.push(b'/');
                }
                k
            };
            key(a).cmp(&key(b))
        });
        sorted.dedup_by(|a, b| a.0 == b.0);
        let mut bytes = Vec::new();
        for (name, folder, id) in sorted {
            bytes.extend_from_slice(if folder { b"40000 " } else { b"100644 " });
            bytes.extend_from_slice(name.as_bytes());
            bytes.push(0);
            // Ids whose bytes hold spaces and `\0`s, as real ones do.
            bytes.extend_from_slice(&[id, 0, b' ', id, 0].repeat(4));
        }
        RawTree::parse(bytes).unwrap_or_else(RawTree::empty)
    }

    /// The entries of both sides that differ, as a join over every entry finds them.
    fn changed(a: &RawTree, ra: Range<usize>, b: &RawTree, rb: Range<usize>) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let (mut i, mut j) = (ra.start, rb.start);
        while i < ra.end || j < rb.end {
            let order = match (i < ra.end, j < rb.end) {
                (true, true) => a.order(i, b, j),
                (true, false) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match order {
                std::cmp::Ordering::Less => {
                    out.push(a.name(i).to_vec());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push(b.name(j).to_vec());
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    if a.id(i) != b.id(j) || a.mode(i) != b.mode(j) {
                        out.push(a.name(i).to_vec());
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        out
    }

    fn entries() -> impl Strategy<Value = Vec<(String, bool, u8)>> {
        prop::collection::vec(("[a-c]{1,3}(\\.ron)?", any::<bool>(), 0u8..4), 0..40)
    }

    proptest! {
        #[test]
        fn the_differing_entries_are_all_a_full_join_finds(
            old in entries(),
            edits in prop::collection::vec((0usize..40, 0u8..4, any::<bool>()), 0..4),
            added in entries(),
        ) {
            let mut new = old.clone();
            for (at, id, remove) in edits {
                if new.is_empty() {
                    break;
                }
                let at = at % new.len();
                if remove {
                    new.remove(at);
                } else {
                    new[at].2 = id;
                }
            }
            new.extend(added.into_iter().take(2));
            let (a, b) = (tree(&old), tree(&new));
            let (ra, rb) = a.differing(&b);
            prop_assert_eq!(
                changed(&a, ra, &b, rb),
                changed(&a, 0..a.len(), &b, 0..b.len())
            );
        }
    }

    #[test]
    fn a_folder_is_found_as_a_folder_and_a_file_as_a_file() {
        let t = tree(&[("a".into(), true, 1), ("a.ron".into(), false, 2)]);
        assert_eq!(t.find(b"a", true), Some(1));
        assert_eq!(t.find(b"a", false), None);
        assert_eq!(t.find(b"a.ron", false), Some(0));
    }

    #[test]
    fn bytes_git_could_not_have_written_are_refused() {
        assert!(RawTree::parse(b"100644 a.ron\0short".to_vec()).is_none());
        assert!(RawTree::parse(b"10x644 a\0aaaaaaaaaaaaaaaaaaaa".to_vec()).is_none());
        assert!(RawTree::parse(b"100644 \0aaaaaaaaaaaaaaaaaaaa".to_vec()).is_none());
    }
}
