//! Ids of plan entities: lowercase slugs that also name the entity's file.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest id accepted: one leading character and up to 63 more.
pub const MAX_ID_LEN: usize = 64;

/// The id of an activity, partner, beneficiary group, funding source or calendar.
///
/// Deserialising accepts any string so that a bad id becomes a `check` diagnostic with its
/// location instead of an unreadable file; [`Id::parse`] is the validating constructor used
/// for anything a person types.
///
/// The text is held inline up to 24 bytes, as nearly every id is: an activity names half a
/// dozen others (parent, lead, dependencies, beneficiaries), and at 100,000 activities a heap
/// string for each was some 15 MB of the plan's memory.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(CompactString);

/// Why a string is not a valid id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("{}", self.said())]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`].
    #[error("{}", self.said())]
    TooLong(usize),
    /// The first character is not a lowercase letter or digit.
    #[error("{}", self.said())]
    BadStart(char),
    /// A character other than `a-z`, `0-9` or `-`.
    #[error("{}", self.said())]
    BadChar(char),
}

impl IdError {
    /// Why, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> crate::i18n::Said {
        use crate::said;
        match self {
            IdError::Empty => said!("check-id-empty"),
            IdError::TooLong(n) => said!("check-id-too-long", max = MAX_ID_LEN, count = *n),
            IdError::BadStart(c) => said!("check-id-bad-start", char = &format!("{c:?}")),
            IdError::BadChar(c) => said!("check-id-bad-char", char = &format!("{c:?}")),
        }
    }
}

impl Id {
    /// Validates `s` as a slug `[a-z0-9][a-z0-9-]{0,63}`.
    pub fn parse(s: &str) -> Result<Id, IdError> {
        validate(s)?;
        Ok(Id(CompactString::from(s)))
    }

    /// Wraps a string without validating it; `check` reports it if it is not a slug.
    pub fn new_unchecked(s: impl Into<String>) -> Id {
        Id(CompactString::from(s.into()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Why the id is not a valid slug, if it is not.
    pub(crate) fn validate(&self) -> Result<(), IdError> {
        validate(&self.0)
    }
}

fn validate(s: &str) -> Result<(), IdError> {
    let mut chars = s.chars();
    let first = chars.next().ok_or(IdError::Empty)?;
    let len = s.chars().count();
    if len > MAX_ID_LEN {
        return Err(IdError::TooLong(len));
    }
    if !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return Err(IdError::BadStart(first));
    }
    match chars.find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
        Some(c) => Err(IdError::BadChar(c)),
        None => Ok(()),
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Id::parse("cairo-egm-2021").is_ok());
        assert!(Id::parse("9").is_ok());
        assert_eq!(Id::parse(""), Err(IdError::Empty));
        assert_eq!(Id::parse("-a"), Err(IdError::BadStart('-')));
        assert_eq!(Id::parse("Cairo"), Err(IdError::BadStart('C')));
        assert_eq!(Id::parse("a_b"), Err(IdError::BadChar('_')));
        assert!(Id::parse(&"a".repeat(64)).is_ok());
        assert_eq!(Id::parse(&"a".repeat(65)), Err(IdError::TooLong(65)));
    }
}
