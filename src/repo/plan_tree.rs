//! The plan written as a tree of git objects: the plan folder as it would be saved, for a
//! merge commit or a scratch revision. Files whose blob already holds what the plan holds
//! are kept as they are, so that a merge of a large plan writes only what it changes.

use super::RepoError;
use crate::model::{CONSULTATIONS_DIR, Entity, EntityKind, Plan, RESPONSES_DIR, ROUND_FILE};
use git2::{FileMode, ObjectType, Oid, Tree};
use std::collections::{BTreeMap, HashMap};

/// Writes `plan` as a tree of canonical files: the plan folder as it would be saved, with the
/// other files of `keep` (a plan folder's tree: `.gitattributes`, notes) carried over.
pub fn plan_to_tree(
    repo: &git2::Repository,
    plan: &Plan,
    keep: Option<&Tree>,
) -> Result<Oid, RepoError> {
    plan_to_tree_reusing(repo, plan, keep, &HashMap::new())
}

/// [`plan_to_tree`], keeping each entity file of `keep` whose blob is known (in `parsed`, by
/// blob) to hold what `plan` holds for it: a merge then writes only the files it changes,
/// instead of serializing and hashing every entity of a large plan again. A kept file may
/// be a partner's non-canonical text of the same value; it reads back the same.
pub(crate) fn plan_to_tree_reusing(
    repo: &git2::Repository,
    plan: &Plan,
    keep: Option<&Tree>,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Oid, RepoError> {
    match keep {
        Some(tree) if shaped(repo, tree) => by_updates(repo, plan, tree, &Overlay::new(), parsed),
        _ => by_builders(repo, plan, keep, parsed),
    }
}

/// Changes to a plan folder's tree, by path inside it: what a path holds now (`None`: removed).
pub(crate) type Overlay = BTreeMap<String, Option<(Oid, FileMode)>>;

/// [`plan_to_tree_reusing`] over `keep` with the changes `overlay` made to it first, without
/// writing that tree: a merge whose partner changed other files than ours writes the large
/// folders once. `None` when `keep` or `overlay` has a shape that needs the tree written
/// first (a file where the plan writes a folder, or the other way, or an empty folder).
pub(crate) fn plan_to_tree_over(
    repo: &git2::Repository,
    plan: &Plan,
    keep: &Tree,
    overlay: &Overlay,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Option<Oid>, RepoError> {
    let folders = || {
        EntityKind::ALL
            .iter()
            .map(|k| k.dir())
            .chain([CONSULTATIONS_DIR])
    };
    let plain = overlay.keys().all(|p| match p.split_once('/') {
        None => !folders().any(|f| f == p),
        Some((top, _)) => top != crate::model::PLAN_FILE && top != crate::model::GOVERNANCE_FILE,
    });
    if !plain || !shaped(repo, keep) {
        return Ok(None);
    }
    by_updates(repo, plan, keep, overlay, parsed).map(Some)
}

/// Whether each name the plan writes at the top of `tree` is absent or of the kind the plan
/// writes there (a file, or a folder that is not empty, as git writes them): then the tree can
/// be updated path by path.
fn shaped(repo: &git2::Repository, tree: &Tree) -> bool {
    let is =
        |name: &str, kind: ObjectType| tree.get_name(name).is_none_or(|e| e.kind() == Some(kind));
    let folder = |name: &str| {
        tree.get_name(name).is_none_or(|e| {
            e.to_object(repo)
                .ok()
                .and_then(|o| o.into_tree().ok())
                .is_some_and(|t| !t.is_empty())
        })
    };
    is(crate::model::PLAN_FILE, ObjectType::Blob)
        && is(crate::model::GOVERNANCE_FILE, ObjectType::Blob)
        && is(CONSULTATIONS_DIR, ObjectType::Tree)
        && EntityKind::ALL.iter().all(|k| folder(k.dir()))
}

/// [`plan_to_tree_reusing`] as a list of changes to `keep` (after `overlay`'s): only the
/// folders holding a file that changes are written again. On a plan of 10,000 activities with
/// one changed, the folders rebuilt entry by entry cost a tenth of a sync that merges.
fn by_updates(
    repo: &git2::Repository,
    plan: &Plan,
    keep: &Tree,
    overlay: &Overlay,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Oid, RepoError> {
    // The plan's own files come last: they replace what the overlay put at the same path.
    let mut all = overlay.clone();
    let file = FileMode::Blob;
    if let Some(text) = crate::store::canonical_text(plan, None)? {
        let oid = repo.blob(text.as_bytes())?;
        all.insert(crate::model::PLAN_FILE.to_owned(), Some((oid, file)));
    }
    if let Some(g) = &plan.governance {
        let oid = repo.blob(governance_text(g)?.as_bytes())?;
        all.insert(crate::model::GOVERNANCE_FILE.to_owned(), Some((oid, file)));
    }
    for kind in EntityKind::ALL {
        let old = keep
            .get_name(kind.dir())
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok());
        let mut held = held_in(old.as_ref());
        let inside = format!("{}/", kind.dir());
        for (path, now) in overlay {
            let Some(name) = path.strip_prefix(&inside).filter(|n| !n.contains('/')) else {
                continue;
            };
            match now {
                Some((oid, mode)) if name.ends_with(".ron") => {
                    held.insert(name.to_owned(), (*oid, i32::from(*mode)));
                }
                _ => {
                    held.remove(name);
                }
            }
        }
        let (changed, gone) = entity_files(repo, plan, kind, held, parsed)?;
        for (name, oid) in changed {
            all.insert(format!("{inside}{name}"), Some((oid, file)));
        }
        // A folder left empty goes with its last file, as `by_builders` removes it.
        for name in gone {
            all.insert(format!("{inside}{name}"), None);
        }
    }
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, now) in &all {
        match now {
            Some((oid, mode)) => {
                update.upsert(path, *oid, *mode);
            }
            // A file the overlay added and the plan removes was never in `keep`.
            None if keep.get_path(std::path::Path::new(path)).is_ok() => {
                update.remove(path);
            }
            None => {}
        }
    }
    let tree = repo.find_tree(update.create_updated(repo, keep)?)?;
    let mut root = repo.treebuilder(Some(&tree))?;
    write_consultations(repo, &mut root, plan, Some(&tree))?;
    Ok(root.write()?)
}

/// The `.ron` entries of an entity folder, by name, with their blob and mode.
fn held_in(old: Option<&Tree>) -> HashMap<String, (Oid, i32)> {
    old.iter()
        .flat_map(|t| t.iter())
        .filter_map(|e| {
            e.name()
                .ok()
                .map(|n| (n.to_owned(), (e.id(), e.filemode())))
        })
        .filter(|(n, _)| n.ends_with(".ron"))
        .collect()
}

/// Entity files to write (name and blob), and names of entity files to remove.
type EntityFiles = (Vec<(String, Oid)>, Vec<String>);

/// The entity files of `kind` to write (name and blob), and the names of those to remove,
/// for the folder whose `.ron` files are `held` to hold `plan`'s entities: a plain file whose blob is known to hold
/// its entity already is kept; other files than `.ron` ones are never touched.
fn entity_files(
    repo: &git2::Repository,
    plan: &Plan,
    kind: EntityKind,
    mut held: HashMap<String, (Oid, i32)>,
    parsed: &HashMap<Oid, Entity>,
) -> Result<EntityFiles, RepoError> {
    let mut changed = Vec::new();
    for id in plan.ids(kind) {
        let name = format!("{id}.ron");
        let kept = held.remove(&name).filter(|(oid, mode)| {
            *mode == 0o100_644 && parsed.get(oid).is_some_and(|e| holds(plan, kind, &id, e))
        });
        if kept.is_none()
            && let Some(text) = crate::store::canonical_text(plan, Some((kind, &id)))?
        {
            changed.push((name, repo.blob(text.as_bytes())?));
        }
    }
    Ok((changed, held.into_keys().collect()))
}

/// `governance.ron`'s canonical text.
fn governance_text(g: &crate::model::Governance) -> Result<String, RepoError> {
    crate::store::to_canonical(g).map_err(|source| {
        RepoError::Store(crate::store::StoreError::Serialize {
            path: crate::model::GOVERNANCE_FILE.to_owned(),
            source,
        })
    })
}

/// [`plan_to_tree_reusing`] folder by folder, each entity folder rebuilt from its entries:
/// for a `keep` where a name the plan writes is of another kind (a folder `plan.ron`), and
/// the reference `by_updates` is tested against.
fn by_builders(
    repo: &git2::Repository,
    plan: &Plan,
    keep: Option<&Tree>,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Oid, RepoError> {
    let mut root = repo.treebuilder(keep)?;
    let blob = |text: Option<String>| -> Result<Option<Oid>, RepoError> {
        text.map(|t| repo.blob(t.as_bytes()))
            .transpose()
            .map_err(RepoError::from)
    };
    if let Some(oid) = blob(crate::store::canonical_text(plan, None)?)? {
        root.insert(crate::model::PLAN_FILE, oid, 0o100644)?;
    }
    // The rules are written when the plan has them; a tree without them keeps what it held.
    if let Some(g) = &plan.governance {
        let text = governance_text(g)?;
        root.insert(
            crate::model::GOVERNANCE_FILE,
            repo.blob(text.as_bytes())?,
            0o100644,
        )?;
    }
    for kind in EntityKind::ALL {
        let old = keep
            .and_then(|t| t.get_name(kind.dir()))
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok());
        let mut dir = repo.treebuilder(old.as_ref())?;
        // Entity files are rebuilt from the plan; anything else in the folder is kept.
        let (changed, gone) = entity_files(repo, plan, kind, held_in(old.as_ref()), parsed)?;
        for (name, oid) in changed {
            dir.insert(&name, oid, 0o100644)?;
        }
        for name in gone {
            dir.remove(&name)?;
        }
        if dir.is_empty() {
            if root.get(kind.dir())?.is_some() {
                root.remove(kind.dir())?;
            }
        } else {
            let oid = dir.write()?;
            root.insert(kind.dir(), oid, 0o040000)?;
        }
    }
    write_consultations(repo, &mut root, plan, keep)?;
    Ok(root.write()?)
}

/// Whether `plan` holds exactly `e` as its entity `id` of `kind`.
fn holds(plan: &Plan, kind: EntityKind, id: &crate::model::Id, e: &Entity) -> bool {
    match (kind, e) {
        (EntityKind::Activity, Entity::Activity(x)) => plan.activities.get(id) == Some(x),
        (EntityKind::Partner, Entity::Partner(x)) => plan.partners.get(id) == Some(x),
        (EntityKind::Beneficiary, Entity::Beneficiary(x)) => plan.beneficiaries.get(id) == Some(x),
        (EntityKind::Funding, Entity::Funding(x)) => plan.funding.get(id) == Some(x),
        _ => false,
    }
}

/// Rebuilds `consultations/` of a plan tree from `plan`; files that are not round folders
/// are kept, as in the entity folders.
fn write_consultations(
    repo: &git2::Repository,
    root: &mut git2::TreeBuilder,
    plan: &Plan,
    keep: Option<&Tree>,
) -> Result<(), RepoError> {
    let old = keep
        .and_then(|t| t.get_name(CONSULTATIONS_DIR))
        .and_then(|e| e.to_object(repo).ok())
        .and_then(|o| o.into_tree().ok());
    let mut top = repo.treebuilder(old.as_ref())?;
    let folders: Vec<String> = old
        .iter()
        .flat_map(|t| t.iter())
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .filter_map(|e| e.name().ok().map(str::to_owned))
        .collect();
    for f in folders {
        top.remove(&f)?;
    }
    for (id, c) in &plan.consultations {
        let mut dir = repo.treebuilder(None)?;
        let text = crate::store::canonical_round(&c.round)?;
        dir.insert(ROUND_FILE, repo.blob(text.as_bytes())?, 0o100644)?;
        let mut responses = repo.treebuilder(None)?;
        for (p, r) in &c.responses {
            let text = crate::store::canonical_response(id, r)?;
            responses.insert(format!("{p}.ron"), repo.blob(text.as_bytes())?, 0o100644)?;
        }
        if !responses.is_empty() {
            dir.insert(RESPONSES_DIR, responses.write()?, 0o040000)?;
        }
        top.insert(id.as_str(), dir.write()?, 0o040000)?;
    }
    if top.is_empty() {
        if root.get(CONSULTATIONS_DIR)?.is_some() {
            root.remove(CONSULTATIONS_DIR)?;
        }
    } else {
        root.insert(CONSULTATIONS_DIR, top.write()?, 0o040000)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
