//! Moving the work tree from one tree to another so that a kill at any moment leaves every file
//! whole: each changed file is written to a temporary file, the batch flushed to disk, and each
//! renamed over the old one (`store::replace_all`), never truncated and rewritten in place as
//! libgit2's checkout does. Only the files that differ between the two trees are written.
//! A file that differs from the tree it is moved from holds someone's edit: then nothing is
//! written and the move is refused, as git's safe checkout refuses.

use super::{PlanRepo, RepoError};
use git2::{Delta, ObjectType, Oid, Tree};
use std::path::{Path, PathBuf};

/// Makes the work tree and the index hold `to`, coming from `from` (what HEAD holds).
pub(super) fn checkout(r: &PlanRepo, from: &Tree, to: &Tree) -> Result<(), RepoError> {
    let repo = &r.repo;
    let Some(workdir) = repo.workdir().map(Path::to_path_buf) else {
        return Err(RepoError::NotSetUp);
    };
    let diff = repo.diff_tree_to_tree(Some(from), Some(to), None)?;
    let mut writes: Vec<(PathBuf, Oid, u32)> = Vec::new();
    let mut removals: Vec<PathBuf> = Vec::new();
    let mut links: Vec<PathBuf> = Vec::new();
    for d in diff.deltas() {
        let (old, new) = (d.old_file(), d.new_file());
        // Whatever is there now must be what `from` holds: anything else is a local edit.
        if let Some(p) = old.path() {
            let expected = (d.status() != Delta::Added).then(|| old.id());
            if !holds(&workdir.join(p), expected) {
                return Err(RepoError::Uncommitted);
            }
        }
        if let Some(p) = new.path()
            && d.status() == Delta::Added
            && !holds(&workdir.join(p), None)
        {
            return Err(RepoError::Uncommitted);
        }
        match d.status() {
            Delta::Deleted => removals.extend(old.path().map(Path::to_path_buf)),
            _ => {
                let Some(p) = new.path() else { continue };
                if u32::from(new.mode()) == 0o120_000 {
                    links.push(p.to_path_buf());
                } else {
                    writes.push((p.to_path_buf(), new.id(), u32::from(new.mode())));
                }
                if let Some(o) = old.path().filter(|o| *o != p) {
                    removals.push(o.to_path_buf());
                }
            }
        }
    }
    let blobs = writes
        .iter()
        .map(|(_, id, _)| repo.find_blob(*id))
        .collect::<Result<Vec<_>, _>>()?;
    let paths: Vec<PathBuf> = writes.iter().map(|(p, _, _)| workdir.join(p)).collect();
    let mut folders = std::collections::BTreeSet::new();
    for path in &paths {
        if let Some(dir) = path.parent()
            && folders.insert(dir.to_path_buf())
        {
            std::fs::create_dir_all(dir).map_err(|e| io(path, e))?;
        }
    }
    // All of them flushed to disk at once, each renamed into place whole.
    let batch: Vec<(&Path, &[u8])> = paths
        .iter()
        .zip(&blobs)
        .map(|(p, b)| (p.as_path(), b.content()))
        .collect();
    crate::store::replace_all(&batch).map_err(|(p, e)| io(&p, e))?;
    for dir in &folders {
        crate::store::sync_dir(dir).map_err(|e| io(dir, e))?;
    }
    for ((_, _, mode), path) in writes.iter().zip(&paths) {
        #[cfg(unix)]
        if *mode == 0o100_755 {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755));
        }
        #[cfg(not(unix))]
        let _ = (mode, path);
    }
    for p in &removals {
        match std::fs::remove_file(workdir.join(p)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(p, e)),
            _ => {}
        }
    }
    // The index follows, each written file with its stat, so that git sees a clean tree.
    let mut index = repo.index()?;
    index.read_tree(to)?;
    for (p, _, _) in &writes {
        index.add_path(p)?;
    }
    index.write()?;
    // Links are rare in a plan repository; git writes them, as only it knows how here.
    if !links.is_empty() {
        let mut opts = git2::build::CheckoutBuilder::new();
        opts.force();
        links.iter().for_each(|l| {
            opts.path(l);
        });
        repo.checkout_tree(to.as_object(), Some(&mut opts))?;
    }
    Ok(())
}

/// Whether the file at `path` holds the blob `expected` (`None`: there is no file).
fn holds(path: &Path, expected: Option<Oid>) -> bool {
    match (std::fs::symlink_metadata(path), expected) {
        (Err(_), None) => true,
        (Ok(m), Some(id)) if m.file_type().is_symlink() => {
            std::fs::read_link(path).is_ok_and(|t| {
                Oid::hash_object(ObjectType::Blob, t.as_os_str().as_encoded_bytes()).ok()
                    == Some(id)
            })
        }
        (Ok(_), Some(id)) => Oid::hash_file(ObjectType::Blob, path).ok() == Some(id),
        _ => false,
    }
}

fn io(path: &Path, source: std::io::Error) -> RepoError {
    RepoError::Store(crate::store::StoreError::Io {
        path: path.to_path_buf(),
        source,
    })
}
