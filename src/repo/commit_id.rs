//! The name of a commit as the rest of khutta sees it, so that git2's types stay inside `repo`.

use git2::Oid;
use std::fmt;

/// A commit of the plan's repository, by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommitId(Oid);

impl CommitId {
    /// The first seven hex digits, as `git log --oneline` shows a commit.
    pub fn short(self) -> String {
        self.abbreviated(7)
    }

    /// The first `digits` hex digits (all 40 at most).
    pub fn abbreviated(self, digits: usize) -> String {
        self.0.to_string().chars().take(digits).collect()
    }

    /// The id as git2 takes it.
    pub(crate) fn oid(self) -> Oid {
        self.0
    }
}

impl From<Oid> for CommitId {
    fn from(id: Oid) -> CommitId {
        CommitId(id)
    }
}

impl From<CommitId> for Oid {
    fn from(id: CommitId) -> Oid {
        id.0
    }
}

/// All 40 hex digits, as git writes a commit's id.
impl fmt::Display for CommitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_are_prefixes_of_the_full_id() -> Result<(), git2::Error> {
        let id = CommitId::from(Oid::from_str("0123456789abcdef0123456789abcdef01234567")?);
        assert_eq!(id.to_string(), "0123456789abcdef0123456789abcdef01234567");
        assert_eq!(id.short(), "0123456");
        assert_eq!(id.abbreviated(10), "0123456789");
        assert_eq!(Oid::from(id), id.oid());
        Ok(())
    }
}
