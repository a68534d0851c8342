//! Watching the plan folder while the TUI is open: whatever writes a plan file (a sync or a
//! pull in another terminal, an editor, a second khutta, a git job of this one) is noticed
//! within a moment and read, so the document never saves over what it has not seen. The
//! content hash checked before every write stays the backstop for anything a watcher misses.

use super::action::Action;
use super::effects::Send;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the folder must be quiet before the paths seen are reported: a sync writes many
/// files in a burst, and one read of all of them is cheaper than one per file.
const QUIET: Duration = Duration::from_millis(10);

/// The longest a busy folder keeps its changes back.
const AT_MOST: Duration = Duration::from_millis(250);

/// A running watch; it stops when dropped.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

/// Watches the plan folder at `root`, reporting changed plan files as
/// [`Action::FilesChanged`] (paths relative to `root`) and a watch that lost events as
/// [`Action::Rescan`]; and the repository's `HEAD` and branches, reporting a moved branch
/// as [`Action::HeadMoved`] (a sync writes the files first and moves the branch after).
pub fn start(root: &Path, send: Send) -> notify::Result<Watch> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    let mut heads = Vec::new();
    for (i, place) in crate::repo::head_places(&root).into_iter().enumerate() {
        let place = std::fs::canonicalize(&place).unwrap_or(place);
        // The git folder itself only for HEAD and packed-refs: its index and objects change
        // on every status and fetch. The branches' folder whole.
        let mode = if i == 0 {
            RecursiveMode::NonRecursive
        } else {
            RecursiveMode::Recursive
        };
        // A repository that cannot be watched still has its files watched.
        if watcher.watch(&place, mode).is_ok() {
            heads.push(place);
        }
    }
    std::thread::spawn(move || debounce(&root, &heads, &rx, &send));
    Ok(Watch { _watcher: watcher })
}

/// Whether `path` is a file whose change means a branch moved: `HEAD`, `packed-refs`, or a
/// branch under `refs/heads` (not git's `.lock` files, renamed into place when done).
fn moves_a_branch(heads: &[std::path::PathBuf], path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.ends_with(".lock") {
        return false;
    }
    match heads {
        [git, branches @ ..] => {
            (path.parent() == Some(git.as_path()) && matches!(name, "HEAD" | "packed-refs"))
                || branches.iter().any(|b| path.starts_with(b))
        }
        [] => false,
    }
}

fn debounce(
    root: &Path,
    heads: &[std::path::PathBuf],
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    send: &Send,
) {
    loop {
        // Block for the first event of a burst, then gather the rest of it.
        let Ok(first) = rx.recv() else { return };
        let start = Instant::now();
        let mut paths = BTreeSet::new();
        let mut rescan = false;
        let mut moved = false;
        let mut take = |e: notify::Result<notify::Event>| match e {
            Ok(e) if e.need_rescan() => rescan = true,
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => {}
            Ok(e) => {
                moved |= e.paths.iter().any(|p| moves_a_branch(heads, p));
                paths.extend(e.paths.iter().filter_map(|p| relative(root, p)));
            }
            Err(_) => rescan = true,
        };
        take(first);
        while start.elapsed() < AT_MOST {
            match rx.recv_timeout(QUIET) {
                Ok(e) => take(e),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        if rescan {
            send(Action::Rescan { own: false });
        }
        if !paths.is_empty() {
            send(Action::FilesChanged(paths.into_iter().collect()));
        }
        // After the files: what a sync wrote is read before who wrote it is asked again.
        if moved {
            send(Action::HeadMoved);
        }
    }
}

/// `path` relative to the plan folder, when it is a place of the plan (not the repository,
/// not a temporary or hidden file).
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    crate::store::Place::of(&rel).map(|_| rel)
}

#[cfg(test)]
mod tests {
    use super::moves_a_branch;
    use std::path::{Path, PathBuf};

    #[test]
    fn a_branch_moves_when_head_packed_refs_or_a_branch_file_changes_not_a_lock() {
        let heads = [
            PathBuf::from("/r/.git"),
            PathBuf::from("/r/.git/refs/heads"),
        ];
        for moved in [
            "/r/.git/HEAD",
            "/r/.git/packed-refs",
            "/r/.git/refs/heads/main",
            "/r/.git/refs/heads/team/amman",
        ] {
            assert!(moves_a_branch(&heads, Path::new(moved)), "{moved}");
        }
        for not in [
            "/r/.git/index",
            "/r/.git/refs/heads/main.lock",
            "/r/.git/HEAD.lock",
            "/r/.git/objects/ab/cdef",
            "/r/activities/HEAD",
        ] {
            assert!(!moves_a_branch(&heads, Path::new(not)), "{not}");
        }
        assert!(!moves_a_branch(&[], Path::new("/r/.git/HEAD")));
    }
}
