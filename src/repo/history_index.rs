//! What each step of the history changed in the plan folder, kept between runs: the index
//! that lets `log` and `blame` walk 1,000 commits of a 10,000-activity plan without reading
//! 1,000 `activities` folders again.
//!
//! A step is named by the ids of the plan folder's trees before and after it, so an entry is
//! true forever (trees never change) and needs no invalidation; a rebase that makes new
//! commits of the same trees finds its steps already known. The first walk over a history
//! joins the trees (as `log` did without the index) and writes what it found; later walks read
//! it. The index is a cache: a file that cannot be read or does not parse is left aside and
//! written anew, and one that cannot be written only costs the next walk its time. It lives in
//! git's own folder (`khutta/history-index`, shared by the work trees), where git ignores it.
//!
//! Format, one text file: the line `khutta-history-index/1`, then per step a line
//! `OLD-TREE NEW-TREE COUNT` followed by COUNT lines `OLD-BLOB NEW-BLOB PATH` (`-`: absent on
//! that side; PATH relative to the plan folder, last on the line).

use super::verify_state::FileChange;
use super::{PlanRepo, RepoError};
use git2::Oid;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

const HEADER: &str = "khutta-history-index/1";

/// The steps known, and whether any was added since the file was read.
#[derive(Default)]
pub(super) struct HistoryIndex {
    steps: HashMap<(Oid, Oid), Vec<FileChange>>,
    added: bool,
}

impl HistoryIndex {
    /// The index of `repo`, empty when there is none or it does not parse.
    pub(super) fn load(repo: &PlanRepo) -> HistoryIndex {
        let steps = std::fs::read_to_string(path(repo))
            .ok()
            .and_then(|text| parse(&text))
            .unwrap_or_default();
        HistoryIndex {
            steps,
            added: false,
        }
    }

    /// What the step from the plan folder's tree `old` to `new` changed, when known.
    pub(super) fn get(&self, old: Oid, new: Oid) -> Option<&Vec<FileChange>> {
        self.steps.get(&(old, new))
    }

    /// Records a step's changes. A path that could not be read back (a line break in it) is
    /// not recorded.
    pub(super) fn insert(&mut self, old: Oid, new: Oid, changes: &[FileChange]) {
        if changes.iter().any(|(p, _, _)| p.contains(['\n', '\r'])) {
            return;
        }
        self.steps.insert((old, new), changes.to_vec());
        self.added = true;
    }

    /// Writes the index when steps were added, replacing the file whole (another walk that
    /// writes at the same time loses only what this one found). A failure is logged: the index
    /// is a cache.
    pub(super) fn save(&mut self, repo: &PlanRepo) -> Result<(), RepoError> {
        if !self.added {
            return Ok(());
        }
        let file = path(repo);
        let write = || -> std::io::Result<()> {
            let dir = file.parent().unwrap_or(std::path::Path::new("."));
            std::fs::create_dir_all(dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            let mut out = std::io::BufWriter::new(tmp.as_file_mut());
            writeln!(out, "{HEADER}")?;
            let side = |b: &Option<Oid>| b.map_or_else(|| "-".to_owned(), |b| b.to_string());
            for ((old, new), changes) in &self.steps {
                writeln!(out, "{old} {new} {}", changes.len())?;
                for (p, a, b) in changes {
                    writeln!(out, "{} {} {p}", side(a), side(b))?;
                }
            }
            out.flush()?;
            drop(out);
            tmp.persist(&file).map_err(|e| e.error)?;
            Ok(())
        };
        match write() {
            Ok(()) => self.added = false,
            Err(e) => {
                tracing::debug!(path = %file.display(), error = %e, "history index not written")
            }
        }
        Ok(())
    }
}

/// Where the index lives: in git's common folder, so that work trees share it.
fn path(repo: &PlanRepo) -> PathBuf {
    repo.repo.commondir().join("khutta").join("history-index")
}

/// The steps of an index file; `None` when any line is not as written.
fn parse(text: &str) -> Option<HashMap<(Oid, Oid), Vec<FileChange>>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    // git reads a short id as its prefix; a line cut short must not pass for one.
    let id = |s: &str| (s.len() == 40).then(|| Oid::from_str(s).ok()).flatten();
    let side = |s: &str| -> Option<Option<Oid>> {
        match s {
            "-" => Some(None),
            s => id(s).map(Some),
        }
    };
    let mut steps = HashMap::new();
    while let Some(line) = lines.next() {
        let mut f = line.split(' ');
        let (old, new) = (id(f.next()?)?, id(f.next()?)?);
        let count: usize = f.next()?.parse().ok()?;
        if f.next().is_some() {
            return None;
        }
        let mut changes = Vec::with_capacity(count.min(100_000));
        for _ in 0..count {
            let mut f = lines.next()?.splitn(3, ' ');
            let (a, b, p) = (side(f.next()?)?, side(f.next()?)?, f.next()?);
            if p.is_empty() {
                return None;
            }
            changes.push((p.to_owned(), a, b));
        }
        steps.insert((old, new), changes);
    }
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid(n: u8) -> Oid {
        Oid::from_bytes(&[n; 20]).unwrap_or(Oid::ZERO_SHA1)
    }

    #[test]
    fn an_index_reads_back_what_was_written_and_nothing_from_a_damaged_file() {
        let changes: Vec<FileChange> = vec![
            ("activities/a b.ron".into(), Some(oid(3)), None),
            ("plan.ron".into(), None, Some(oid(4))),
            ("activities/c.ron".into(), Some(oid(5)), Some(oid(6))),
        ];
        let text = format!(
            "{HEADER}\n{} {} 3\n{} - activities/a b.ron\n- {} plan.ron\n{} {} activities/c.ron\n{} {} 0\n",
            oid(1),
            oid(2),
            oid(3),
            oid(4),
            oid(5),
            oid(6),
            oid(7),
            oid(8)
        );
        let steps = parse(&text).unwrap_or_default();
        assert_eq!(steps.get(&(oid(1), oid(2))), Some(&changes));
        assert_eq!(steps.get(&(oid(7), oid(8))), Some(&Vec::new()));
        // Cut short, or another format: nothing is taken from it.
        assert!(parse(&text[..text.len() - 60]).is_none());
        assert!(parse(&text.replacen(" 3\n", " 5\n", 1)).is_none());
        assert!(parse(&text.replacen("index/1", "index/2", 1)).is_none());
    }
}
