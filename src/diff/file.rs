//! The merge of one file, for git's merge driver (`khutta merge-driver %O %A %B %P`).

use super::merge::{Conflict, Side, merge_entity, merge_meta};
use super::tree::Root;
use crate::check::Diagnostic;
use crate::model::{
    Activity, Beneficiary, Entity, EntityKind, FundingSource, Id, Partner, PlanMeta, Response,
    Round,
};
use crate::store::layout::{PlanPath, classify};
use crate::store::{parse, to_canonical};

/// The merged text of one file and its conflicts.
#[derive(Clone, Debug, PartialEq)]
pub struct FileMerge {
    /// The merged file in canonical RON, with our values in conflicting fields.
    pub text: String,
    /// The conflicts, in field order; empty when the merge is clean.
    pub conflicts: Vec<Conflict>,
}

/// Why a file could not be merged by fields (the driver then falls back to a text merge).
#[derive(Clone, Debug, thiserror::Error)]
pub enum MergeFileError {
    /// The path is not a file khutta reads.
    #[error(
        "`{0}` is not a plan file (plan.ron, activities/, partners/, beneficiaries/ or funding/<id>.ron, or a consultation's round.ron or responses/<id>.ron)"
    )]
    NotAPlanFile(String),
    /// One of the three versions does not parse.
    #[error("the {side:?} version of {}: {}", .diagnostic.path, .diagnostic.message)]
    Parse {
        /// Which version.
        side: Side,
        /// Where and why.
        diagnostic: Box<Diagnostic>,
    },
    /// The merged value could not be written as RON (a bug).
    #[error("cannot write the merged {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// What the writer said.
        source: ron::Error,
    },
    /// The ours and theirs versions hold different entities (not the same id).
    #[error("the two versions of {path} hold different ids (`{ours}` and `{theirs}`)")]
    DifferentIds {
        /// The file.
        path: String,
        /// Our id.
        ours: String,
        /// Their id.
        theirs: String,
    },
}

/// Merges three versions of the file at `path_in_plan` (relative to the plan folder, as git's
/// `%P` gives it) field by field; `base` is `None` when both sides added the file.
///
/// Semantic conflicts need the whole plan and are not looked for here; the app's own merge
/// finds them.
pub fn merge_file(
    path_in_plan: &str,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
) -> Result<FileMerge, MergeFileError> {
    let path = path_in_plan.replace('\\', "/");
    let path = path.trim_start_matches("./");
    match classify(path) {
        Some(PlanPath::Plan) => {
            let read = |side, text: &str| {
                read_as::<PlanMeta>(path, side, text).map(|mut m| {
                    m.normalize();
                    m
                })
            };
            let b = base.map(|t| read(Side::Base, t)).transpose()?;
            let (o, t) = (read(Side::Ours, ours)?, read(Side::Theirs, theirs)?);
            // Without a base (both sides created plan.ron) every difference is add/add.
            let (merged, conflicts) = merge_meta(b.as_ref(), &o, &t);
            let text = write_canonical(path, &merged)?;
            Ok(FileMerge { text, conflicts })
        }
        Some(PlanPath::Entity(kind, _)) => {
            let b = base
                .map(|t| read_entity(kind, path, Side::Base, t))
                .transpose()?;
            let o = read_entity(kind, path, Side::Ours, ours)?;
            let t = read_entity(kind, path, Side::Theirs, theirs)?;
            if o.id() != t.id() {
                return Err(MergeFileError::DifferentIds {
                    path: path.to_owned(),
                    ours: o.id().to_string(),
                    theirs: t.id().to_string(),
                });
            }
            let (merged, conflicts) = merge_entity(kind, o.id(), b.as_ref(), Some(&o), Some(&t));
            // Both sides hold the entity, so the merge does too; ours is the fallback.
            let merged = merged.unwrap_or(o);
            let text = match &merged {
                Entity::Activity(a) => write_canonical(path, a),
                Entity::Partner(p) => write_canonical(path, p),
                Entity::Beneficiary(b) => write_canonical(path, b),
                Entity::Funding(f) => write_canonical(path, f),
            }?;
            Ok(FileMerge { text, conflicts })
        }
        Some(PlanPath::Round(round)) => {
            let target = super::merge::Target::Round {
                round: Id::new_unchecked(round),
            };
            merge_one::<Round>(
                path,
                &target,
                Root::Round,
                base,
                ours,
                theirs,
                Round::normalize,
            )
        }
        Some(PlanPath::Response(round, participant)) => {
            let target = super::merge::Target::Response {
                round: Id::new_unchecked(round),
                participant: Id::new_unchecked(participant),
            };
            merge_one::<Response>(
                path,
                &target,
                Root::Response,
                base,
                ours,
                theirs,
                Response::normalize,
            )
        }
        None => Err(MergeFileError::NotAPlanFile(path.to_owned())),
    }
}

/// Merges three versions of a round or a response file.
fn merge_one<T>(
    path: &str,
    target: &super::merge::Target,
    root: Root,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    normalize: fn(&mut T),
) -> Result<FileMerge, MergeFileError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Clone,
{
    let read = |side, text: &str| {
        read_as::<T>(path, side, text).map(|mut v| {
            normalize(&mut v);
            v
        })
    };
    let b = base.map(|t| read(Side::Base, t)).transpose()?;
    let (o, t) = (read(Side::Ours, ours)?, read(Side::Theirs, theirs)?);
    let (merged, conflicts) =
        super::consult::merge_value(root, target, b.as_ref(), Some(&o), Some(&t), normalize);
    let text = write_canonical(path, &merged.unwrap_or(o))?;
    Ok(FileMerge { text, conflicts })
}

fn read_as<T: serde::de::DeserializeOwned>(
    path: &str,
    side: Side,
    text: &str,
) -> Result<T, MergeFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse::<T>(path, text).map_err(|d| MergeFileError::Parse {
        side,
        diagnostic: Box::new(d),
    })
}

fn read_entity(
    kind: EntityKind,
    path: &str,
    side: Side,
    text: &str,
) -> Result<Entity, MergeFileError> {
    let mut e = match kind {
        EntityKind::Activity => Entity::Activity(read_as::<Activity>(path, side, text)?),
        EntityKind::Partner => Entity::Partner(read_as::<Partner>(path, side, text)?),
        EntityKind::Beneficiary => Entity::Beneficiary(read_as::<Beneficiary>(path, side, text)?),
        EntityKind::Funding => Entity::Funding(read_as::<FundingSource>(path, side, text)?),
    };
    e.normalize();
    Ok(e)
}

fn write_canonical<T: serde::Serialize>(path: &str, value: &T) -> Result<String, MergeFileError> {
    to_canonical(value).map_err(|source| MergeFileError::Write {
        path: path.to_owned(),
        source,
    })
}
