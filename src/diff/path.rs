//! Field paths inside one entity or `plan.ron`: `title.en`, `dependencies[launch].lag`,
//! `budget[travel · grant].amount`, `outputs[2]`, `tags[]`.

use serde::{Serialize, Serializer};
use std::fmt;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Seg {
    /// A named field (`title`, `en`).
    Field(String),
    /// The item of a list keyed by id, date or currency (`dependencies[launch]`).
    Key(String),
    /// The item at a position of an ordered list whose items say nothing about themselves
    /// (`outputs[2]`).
    Index(usize),
    /// The item at a position of an ordered list whose items say what they are, shown by
    /// that name: a budget line by its category and funding source (`budget[travel · grant]`,
    /// `budget[travel · grant #2]` for the second of two such lines). The position is what
    /// applying and merging go by; the name is what a person reads.
    Named(usize, String),
    /// A member of a set (`tags[]`); the change's value is the member itself.
    Member,
}

impl Seg {
    /// The position in an ordered list this step names, if it names one.
    pub fn index(&self) -> Option<usize> {
        match self {
            Seg::Index(i) | Seg::Named(i, _) => Some(*i),
            Seg::Field(_) | Seg::Key(_) | Seg::Member => None,
        }
    }
}

/// Where a value sits inside one entity (or `plan.ron`); the empty path is the whole of it.
///
/// Enum variants are not steps: the end of a `Fixed` timing is `timing.end`, because a path
/// only ever descends into a variant that both sides share.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldPath(Vec<Seg>);

impl FieldPath {
    /// The whole entity, or the whole of `plan.ron`.
    pub fn root() -> FieldPath {
        FieldPath(Vec::new())
    }

    /// A path from its steps.
    pub fn new(segments: Vec<Seg>) -> FieldPath {
        FieldPath(segments)
    }

    /// Whether this is the whole entity.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The steps, outermost first.
    pub fn segments(&self) -> &[Seg] {
        &self.0
    }

    /// The path one step further.
    pub fn child(&self, seg: Seg) -> FieldPath {
        let mut v = self.0.clone();
        v.push(seg);
        FieldPath(v)
    }

    /// The position the last step names in an ordered list, if it names one.
    pub(crate) fn last_index(&self) -> Option<usize> {
        self.0.last().and_then(Seg::index)
    }

    /// Whether the last step names a set member.
    pub(crate) fn is_member(&self) -> bool {
        matches!(self.0.last(), Some(Seg::Member))
    }

    /// The path without its last step (the root stays the root).
    pub fn parent(&self) -> FieldPath {
        let mut v = self.0.clone();
        v.pop();
        FieldPath(v)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(name) if i == 0 => f.write_str(name)?,
                Seg::Field(name) => write!(f, ".{name}")?,
                Seg::Key(k) => write!(f, "[{k}]")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Named(_, name) => write!(f, "[{name}]")?,
                Seg::Member => f.write_str("[]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        let p = FieldPath::new(vec![
            Seg::Field("dependencies".into()),
            Seg::Key("launch".into()),
            Seg::Field("lag".into()),
        ]);
        assert_eq!(p.to_string(), "dependencies[launch].lag");
        let q = FieldPath::root()
            .child(Seg::Field("budget".into()))
            .child(Seg::Named(2, "travel · grant".into()))
            .child(Seg::Field("amount".into()));
        assert_eq!(q.to_string(), "budget[travel · grant].amount");
        assert_eq!(q.segments()[1].index(), Some(2));
        let outputs = FieldPath::new(vec![Seg::Field("outputs".into()), Seg::Index(1)]);
        assert_eq!(outputs.to_string(), "outputs[1]");
        assert_eq!(
            FieldPath::new(vec![Seg::Field("tags".into()), Seg::Member]).to_string(),
            "tags[]"
        );
        assert_eq!(FieldPath::root().to_string(), "");
    }
}
