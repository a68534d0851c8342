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
/// [`Action::Rescan`].
pub fn start(root: &Path, send: Send) -> notify::Result<Watch> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    std::thread::spawn(move || debounce(&root, &rx, &send));
    Ok(Watch { _watcher: watcher })
}

fn debounce(root: &Path, rx: &mpsc::Receiver<notify::Result<notify::Event>>, send: &Send) {
    loop {
        // Block for the first event of a burst, then gather the rest of it.
        let Ok(first) = rx.recv() else { return };
        let start = Instant::now();
        let mut paths = BTreeSet::new();
        let mut rescan = false;
        let mut take = |e: notify::Result<notify::Event>| match e {
            Ok(e) if e.need_rescan() => rescan = true,
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => {}
            Ok(e) => paths.extend(e.paths.iter().filter_map(|p| relative(root, p))),
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
