//! Who brought a file as it is now: the author of the last commit that changed it, when the
//! work tree holds what that commit holds (a sync, a pull, a checkout), so that the TUI can
//! say whose change arrived.

use super::PlanRepo;
use git2::Oid;
use std::path::Path;

/// How far back to look for the commit that last changed a file.
const DEPTH: usize = 200;

/// For each plan file (relative to the plan folder) whose content is the one HEAD holds, the
/// name of the author of the last commit that changed it. Files changed outside git (an
/// editor, an unsaved merge) are left out.
pub fn last_authors(r: &PlanRepo, files: &[String]) -> Vec<(String, String)> {
    let Some(workdir) = r.repo.workdir() else {
        return Vec::new();
    };
    let Ok(head) = r.repo.head().and_then(|h| h.peel_to_commit()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rel in files {
        let path = r.in_repo(rel);
        let on_disk = Oid::hash_file(git2::ObjectType::Blob, workdir.join(&path)).ok();
        if on_disk.is_none() || on_disk != blob_at(&head, &path) {
            continue;
        }
        if let Some(name) = changed_by(head.clone(), &path) {
            out.push((rel.clone(), name));
        }
    }
    out
}

fn blob_at(c: &git2::Commit, path: &str) -> Option<Oid> {
    c.tree()
        .ok()?
        .get_path(Path::new(path))
        .ok()
        .map(|e| e.id())
}

/// The author of the newest commit, following first parents from `c`, that changed `path`.
fn changed_by(mut c: git2::Commit, path: &str) -> Option<String> {
    for _ in 0..DEPTH {
        let mine = blob_at(&c, path);
        let parent = c.parent(0).ok();
        if parent.as_ref().and_then(|p| blob_at(p, path)) != mine {
            return c.author().name().ok().map(str::to_owned);
        }
        c = parent?;
    }
    None
}

/// The places in the repository that change when its branch moves: the folder holding
/// `HEAD` (and `packed-refs`), and the branches' folder. The TUI watches them to learn that
/// another program committed, pulled or synced, since the files of a sync arrive before its
/// branch moves. Empty outside a repository.
pub fn head_places(root: &Path) -> Vec<std::path::PathBuf> {
    let Ok(repo) = git2::Repository::discover(root) else {
        return Vec::new();
    };
    let mut out = vec![repo.path().to_path_buf()];
    let heads = repo.commondir().join("refs").join("heads");
    if heads.is_dir() {
        out.push(heads);
    }
    out
}

impl PlanRepo {
    /// The person who would author a commit here: `user.name` and `user.email` as the
    /// repository's configuration resolves them (the TUI judges edits by the plan's rules
    /// for this person).
    pub fn identity(&self) -> Option<(String, String)> {
        let sig = self.repo.signature().ok()?;
        Some((sig.name().ok()?.to_owned(), sig.email().ok()?.to_owned()))
    }
}
