//! The plan folder layout: which file holds what. Pure path arithmetic, no IO.

use crate::model::{CONSULTATIONS_DIR, EntityKind, Id, RESPONSES_DIR, ROUND_FILE};

pub use crate::model::PLAN_FILE;

/// The suffix of khutta's temporary files; a crash can leave one behind, and git ignores them.
pub(crate) const TMP_SUFFIX: &str = ".khutta-tmp";

/// The path of an entity's file, relative to the plan folder.
pub fn entity_path(kind: EntityKind, id: &Id) -> String {
    kind.file_path(id)
}

pub use crate::model::{response_path, round_path};

/// What a relative path inside a plan folder holds, if khutta reads it.
pub fn classify(rel: &str) -> Option<PlanPath> {
    if rel == PLAN_FILE {
        return Some(PlanPath::Plan);
    }
    let (dir, file) = rel.split_once('/')?;
    if dir == CONSULTATIONS_DIR {
        return classify_consultation(file);
    }
    let kind = EntityKind::from_dir(dir)?;
    let stem = file.strip_suffix(".ron")?;
    (!stem.contains('/')).then(|| PlanPath::Entity(kind, stem.to_owned()))
}

/// `<round>/round.ron` or `<round>/responses/<participant>.ron`.
fn classify_consultation(rest: &str) -> Option<PlanPath> {
    let (round, file) = rest.split_once('/')?;
    if file == ROUND_FILE {
        return Some(PlanPath::Round(round.to_owned()));
    }
    let stem = file
        .strip_prefix(RESPONSES_DIR)?
        .strip_prefix('/')?
        .strip_suffix(".ron")?;
    (!stem.contains('/')).then(|| PlanPath::Response(round.to_owned(), stem.to_owned()))
}

/// A file khutta reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanPath {
    /// `plan.ron`.
    Plan,
    /// An entity file and its stem.
    Entity(EntityKind, String),
    /// A consultation round's `round.ron`, and the round's folder name.
    Round(String),
    /// A participant's response: the round's folder name and the file's stem.
    Response(String, String),
}

/// What a plan file other than `plan.ron` holds, for the loader and the parse cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// An entity of this kind.
    Entity(EntityKind),
    /// A round's design.
    Round,
    /// A participant's response.
    Response,
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
        assert_eq!(
            classify("consultations/egm/round.ron"),
            Some(PlanPath::Round("egm".into()))
        );
        assert_eq!(
            classify("consultations/egm/responses/p001.ron"),
            Some(PlanPath::Response("egm".into(), "p001".into()))
        );
        assert_eq!(classify("consultations/egm/notes.ron"), None);
        assert_eq!(classify("consultations/egm/responses/a/b.ron"), None);
        let (r, p) = (Id::new_unchecked("egm"), Id::new_unchecked("p001"));
        assert_eq!(
            classify(&round_path(&r)),
            Some(PlanPath::Round("egm".into()))
        );
        assert_eq!(
            classify(&response_path(&r, &p)),
            Some(PlanPath::Response("egm".into(), "p001".into()))
        );
    }
}
