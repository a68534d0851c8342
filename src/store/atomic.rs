//! Atomic file replacement: a reader (or a crash) sees the old file or the new one, never half.
//!
//! One file ([`write_atomic`]): write a temporary file in the same folder, fsync it, rename it
//! over the target, fsync the folder. Many files ([`replace_all`], for a save, `init`, a
//! checkout): write every temporary file, flush them all to disk at once (one `syncfs` of the
//! filesystem on Linux instead of one fsync per file), rename each over its target, and the
//! caller fsyncs each folder once. The guarantee is the same for each file: its data reaches
//! the disk before the rename that makes it visible, so a crash leaves either the old file or
//! the new one, never a torn or empty one. A batch as a whole is not atomic: a crash in the
//! middle of the renames leaves some files new and some old, each one whole, as a crash
//! between two single writes would.

use super::layout::TMP_SUFFIX;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync,
/// rename over the target, fsync the folder so that the rename itself survives a crash.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes)?;
    sync_dir(folder(path))
}

/// [`write_atomic`] for a program git runs (a hook): the file appears at `path` already
/// executable, so that git never finds it there and unable to run it, and skips it.
#[cfg(unix)]
pub fn write_atomic_executable(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    tmp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o755))?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(folder(path))
}

/// A new temporary file beside `path`, named after it with the suffix the plan's loader
/// passes over (a crash can leave one behind).
fn temp_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TMP_SUFFIX)
        .tempfile_in(folder(path))
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// [`write_atomic`] without the folder's fsync, for writing many files of one folder: the
/// caller syncs each folder once, after the last rename into it. A crash before then leaves
/// each file old or new, never half written.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    set_permissions(tmp.as_file(), path)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Up to this many files, a batch fsyncs each temporary file: one small file's fsync costs
/// less than `syncfs`, which also waits for whatever else on the filesystem is unwritten
/// (another program's build). Above it, one `syncfs` replaces thousands of fsyncs: writing
/// 10,000 files went from about 40 s to under 1 s on a busy disk.
const FSYNC_EACH_UP_TO: usize = 8;

/// Replaces each `(path, bytes)` atomically, in order, with one flush to disk for the whole
/// batch (see the module's docs): every file is written to a temporary file beside it first,
/// then all of them are flushed, then renamed into place. The caller syncs each folder once
/// after the last rename into it ([`sync_dir`]). On an error, the files not yet renamed are
/// left as they were and their temporary files removed.
pub fn replace_all(files: &[(&Path, &[u8])]) -> Result<(), (PathBuf, io::Error)> {
    fn at(path: &Path) -> impl FnOnce(io::Error) -> (PathBuf, io::Error) + '_ {
        move |e| (path.to_path_buf(), e)
    }
    let each = files.len() <= FSYNC_EACH_UP_TO || !cfg!(target_os = "linux");
    let mut pending = Vec::with_capacity(files.len());
    for &(path, bytes) in files {
        let mut tmp = temp_beside(path).map_err(at(path))?;
        tmp.write_all(bytes).map_err(at(path))?;
        set_permissions(tmp.as_file(), path).map_err(at(path))?;
        if each {
            tmp.as_file().sync_all().map_err(at(path))?;
        }
        // Closed now, so that a batch of thousands never runs out of file descriptors; the
        // path still removes the file if it is dropped before its rename.
        pending.push((tmp.into_temp_path(), path));
    }
    if !each {
        flush_filesystems(files.iter().map(|(p, _)| folder(p)))?;
    }
    for (tmp, path) in pending {
        tmp.persist(path)
            .map_err(|e| (path.to_path_buf(), e.error))?;
    }
    Ok(())
}

/// Flushes every filesystem that holds one of `folders` to disk, each once (`syncfs`).
#[cfg(target_os = "linux")]
fn flush_filesystems<'p>(
    folders: impl Iterator<Item = &'p Path>,
) -> Result<(), (PathBuf, io::Error)> {
    use std::os::unix::fs::MetadataExt;
    let mut seen: Vec<&Path> = Vec::new();
    let mut devices = Vec::new();
    for dir in folders {
        if seen.contains(&dir) {
            continue;
        }
        seen.push(dir);
        let at = |e: io::Error| (dir.to_path_buf(), e);
        let f = File::open(dir).map_err(at)?;
        let dev = f.metadata().map_err(at)?.dev();
        if !devices.contains(&dev) {
            devices.push(dev);
            rustix::fs::syncfs(&f).map_err(|e| at(e.into()))?;
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn flush_filesystems<'p>(_: impl Iterator<Item = &'p Path>) -> Result<(), (PathBuf, io::Error)> {
    // `replace_all` fsyncs each file where there is no `syncfs`.
    Ok(())
}

/// How old a temporary file must be before it is taken as left by a killed writer: a live
/// writer keeps one for the milliseconds a write takes.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temporary files that writers killed mid-write left in `dir` (`.x.ron.NNNN
/// .khutta-tmp`): they were never renamed into place, so they hold nothing a plan file does
/// not. Best effort: a file that cannot be removed stays, and is ignored as before.
pub(super) fn sweep_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let stale = e.metadata().is_ok_and(|m| {
            m.file_type().is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age >= STALE_AFTER)
        });
        if stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Keeps the permissions of the file being replaced; a new file gets rw-r--r--, as git would
/// check it out (temporary files start private).
fn set_permissions(tmp: &File, target: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.set_permissions(std::fs::Permissions::from_mode(mode & 0o777))?;
    }
    #[cfg(not(unix))]
    let _ = (tmp, target);
    Ok(())
}

/// Flushes a folder's entries (a rename or an unlink) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("a.ron");
        write_atomic(&p, b"one\n")?;
        write_atomic(&p, b"two\n")?;
        assert_eq!(std::fs::read(&p)?, b"two\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())?
            .filter_map(|e| e.ok())
            .collect();
        assert_eq!(names.len(), 1);
        Ok(())
    }

    #[test]
    fn a_batch_replaces_every_file_and_leaves_no_temp_file() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        let paths: Vec<std::path::PathBuf> = (0..FSYNC_EACH_UP_TO * 2)
            .map(|i| {
                dir.path()
                    .join(if i % 2 == 0 { "sub" } else { "." })
                    .join(format!("{i}.ron"))
            })
            .collect();
        std::fs::write(&paths[0], b"old\n")?;
        for round in [&b"one\n"[..], b"two\n"] {
            let files: Vec<(&Path, &[u8])> = paths.iter().map(|p| (p.as_path(), round)).collect();
            replace_all(&files).map_err(|(_, e)| e)?;
        }
        for p in &paths {
            assert_eq!(std::fs::read(p)?, b"two\n");
        }
        for d in [dir.path().to_path_buf(), dir.path().join("sub")] {
            let temps = std::fs::read_dir(d)?
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(TMP_SUFFIX))
                .count();
            assert_eq!(temps, 0);
        }
        Ok(())
    }
}
