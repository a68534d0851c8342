//! Writing a plan's history with git2, for the benches that walk one (`verify`, `history`):
//! a first commit that holds the whole plan, then commits that write only the files they
//! change, as a partner's commit does.

#![allow(dead_code, reason = "each user of the history needs part of it")]

use khutta::model::{Plan, Unit};
use khutta::repo::plan_to_tree;

/// An author at a fixed time: the `n`th hour of 2026.
pub fn signature(who: &str, n: usize) -> git2::Signature<'static> {
    git2::Signature::new(
        "Someone",
        who,
        &git2::Time::new(1_767_225_600 + n as i64 * 3600, 0),
    )
    .unwrap()
}

/// Commits the whole of `plan` as the first commit.
pub fn first_commit(repo: &git2::Repository, plan: &Plan, who: &str) -> git2::Oid {
    let tree = repo
        .find_tree(plan_to_tree(repo, plan, None).unwrap())
        .unwrap();
    let sig = signature(who, 0);
    repo.commit(Some("HEAD"), &sig, &sig, "start", &tree, &[])
        .unwrap()
}

/// Commits the files of `units` as `plan` holds them (absent: removed) on top of HEAD as
/// `who`; only their blobs and the folders holding them are written. A unit's file is at most
/// one folder deep (`plan.ron`, `activities/x.ron`).
pub fn commit_units(
    repo: &git2::Repository,
    plan: &Plan,
    units: &[Unit],
    n: usize,
    who: &str,
    message: &str,
) -> git2::Oid {
    let head = repo.head().unwrap().peel_to_commit().unwrap();
    let root = head.tree().unwrap();
    let mut top = repo.treebuilder(Some(&root)).unwrap();
    let mut folders: std::collections::BTreeMap<String, git2::TreeBuilder> = Default::default();
    for unit in units {
        let path = unit.to_string();
        let text = khutta::store::unit_text(plan, unit).unwrap();
        let blob = text.map(|t| repo.blob(t.as_bytes()).unwrap());
        let (builder, name) = match path.split_once('/') {
            None => (&mut top, path.as_str()),
            Some((dir, name)) => {
                assert!(!name.contains('/'), "{path} is too deep for the bench");
                let b = folders.entry(dir.to_owned()).or_insert_with(|| {
                    let old = root
                        .get_name(dir)
                        .map(|e| e.to_object(repo).unwrap().peel_to_tree().unwrap());
                    repo.treebuilder(old.as_ref()).unwrap()
                });
                (b, name)
            }
        };
        match blob {
            Some(b) => {
                builder.insert(name, b, 0o100644).unwrap();
            }
            None => {
                builder.remove(name).unwrap();
            }
        }
    }
    for (dir, b) in folders {
        top.insert(&dir, b.write().unwrap(), 0o040000).unwrap();
    }
    let tree = repo.find_tree(top.write().unwrap()).unwrap();
    let sig = signature(who, n);
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &[&head])
        .unwrap()
}
