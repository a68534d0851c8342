//! The plan folder layout: which file holds what. Pure path arithmetic, no IO.

use crate::model::{EntityKind, Id};

pub use crate::model::PLAN_FILE;

/// The extension of every plan file.
pub const EXT: &str = "ron";

/// The suffix of khutta's temporary files; a crash can leave one behind, and git ignores them.
pub const TMP_SUFFIX: &str = ".khutta-tmp";

/// The path of an entity's file, relative to the plan folder.
pub fn entity_path(kind: EntityKind, id: &Id) -> String {
    kind.file_path(id)
}

/// What a relative path inside a plan folder holds, if khutta reads it.
pub fn classify(rel: &str) -> Option<PlanPath> {
    if rel == PLAN_FILE {
        return Some(PlanPath::Plan);
    }
    let (dir, file) = rel.split_once('/')?;
    let kind = EntityKind::from_dir(dir)?;
    let stem = file.strip_suffix(".ron")?;
    (!stem.contains('/')).then(|| PlanPath::Entity(kind, stem.to_owned()))
}

/// A file khutta reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanPath {
    /// `plan.ron`.
    Plan,
    /// An entity file and its stem.
    Entity(EntityKind, String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        let id = Id::new_unchecked("pilot-tunis");
        assert_eq!(
            entity_path(EntityKind::Activity, &id),
            "activities/pilot-tunis.ron"
        );
        assert_eq!(
            classify("activities/pilot-tunis.ron"),
            Some(PlanPath::Entity(EntityKind::Activity, "pilot-tunis".into()))
        );
        assert_eq!(classify("plan.ron"), Some(PlanPath::Plan));
        assert_eq!(classify("notes/x.ron"), None);
        assert_eq!(classify("funding/a/b.ron"), None);
    }
}
