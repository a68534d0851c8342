//! The plan written as a tree of git objects: the plan folder as it would be saved, for a
//! merge commit or a scratch revision. Files whose blob already holds what the plan holds
//! are kept as they are, so that a merge of a large plan writes only what it changes.

use super::RepoError;
use crate::model::{CONSULTATIONS_DIR, Entity, EntityKind, Plan, RESPONSES_DIR, ROUND_FILE};
use git2::{ObjectType, Oid, Tree};
use std::collections::HashMap;

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
        Some(tree) if shaped(repo, tree) => by_updates(repo, plan, tree, parsed),
        _ => by_builders(repo, plan, keep, parsed),
    }
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

/// [`plan_to_tree_reusing`] as a list of changes to `keep`: only the folders holding a file
/// that changes are written again. On a plan of 10,000 activities with one changed, the
/// folders rebuilt entry by entry cost a tenth of a sync that merges.
fn by_updates(
    repo: &git2::Repository,
    plan: &Plan,
    keep: &Tree,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Oid, RepoError> {
    let mut update = git2::build::TreeUpdateBuilder::new();
    let file = git2::FileMode::Blob;
    if let Some(text) = crate::store::canonical_text(plan, None)? {
        update.upsert(crate::model::PLAN_FILE, repo.blob(text.as_bytes())?, file);
    }
    if let Some(g) = &plan.governance {
        update.upsert(
            crate::model::GOVERNANCE_FILE,
            repo.blob(governance_text(g)?.as_bytes())?,
            file,
        );
    }
    for kind in EntityKind::ALL {
        let old = keep
            .get_name(kind.dir())
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok());
        let (changed, gone) = entity_files(repo, plan, kind, old.as_ref(), parsed)?;
        for (name, oid) in changed {
            update.upsert(format!("{}/{name}", kind.dir()), oid, file);
        }
        // A folder left empty goes with its last file, as `by_builders` removes it.
        for name in gone {
            update.remove(format!("{}/{name}", kind.dir()));
        }
    }
    let tree = repo.find_tree(update.create_updated(repo, keep)?)?;
    let mut root = repo.treebuilder(Some(&tree))?;
    write_consultations(repo, &mut root, plan, Some(&tree))?;
    Ok(root.write()?)
}

/// Entity files to write (name and blob), and names of entity files to remove.
type EntityFiles = (Vec<(String, Oid)>, Vec<String>);

/// The entity files of `kind` to write (name and blob), and the names of those to remove,
/// for the folder `old` to hold `plan`'s entities: a plain file whose blob is known to hold
/// its entity already is kept; other files than `.ron` ones are never touched.
fn entity_files(
    repo: &git2::Repository,
    plan: &Plan,
    kind: EntityKind,
    old: Option<&Tree>,
    parsed: &HashMap<Oid, Entity>,
) -> Result<EntityFiles, RepoError> {
    let mut held: HashMap<String, (Oid, i32)> = old
        .iter()
        .flat_map(|t| t.iter())
        .filter_map(|e| {
            e.name()
                .ok()
                .map(|n| (n.to_owned(), (e.id(), e.filemode())))
        })
        .filter(|(n, _)| n.ends_with(".ron"))
        .collect();
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
        let (changed, gone) = entity_files(repo, plan, kind, old.as_ref(), parsed)?;
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
