//! The one door through which khutta opens a file someone else may have written: a plan file,
//! a file git hands the merge driver, a CSV to import, a recovery file. A committed link to
//! `/dev/stdin`, a FIFO or a device must not hang or blank khutta, and a huge file must not
//! exhaust memory, so every read here is bounded in what it follows, how long it waits and how
//! much it takes.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading without following a link in its last part and without waiting on
/// a FIFO or a device that has no writer.
pub fn open_plain(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path).map_err(|e| {
        // ELOOP is how the kernel says "a link, and you asked not to follow it".
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return io::Error::new(io::ErrorKind::InvalidInput, "a link, not a regular file");
        }
        e
    })
}

/// Reads at most `max` bytes of a regular file; a link, a folder, a FIFO or a device, or a
/// file larger than `max`, is an error that says what it is.
pub fn read_bounded(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let file = open_plain(path)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "a FIFO, socket or device"
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{what}, not a regular file"),
        ));
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    // The file may have grown since it was measured.
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// Reads at most `max` bytes of a file the person named on the command line. Unlike a file
/// found in the plan, it may be a link or `/dev/stdin`: following it is what they asked for.
pub fn read_named(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

fn too_large(size: u64, max: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{size} bytes, more than the {max} khutta reads"),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_fifos_and_folders_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        std::fs::write(&file, "x").unwrap();
        std::os::unix::fs::symlink("/dev/stdin", dir.path().join("in.ron")).unwrap();
        std::os::unix::fs::symlink(&file, dir.path().join("link.ron")).unwrap();
        let fifo = dir.path().join("fifo.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(read_bounded(&file, 10).unwrap(), b"x");
        for name in ["in.ron", "link.ron", "fifo.ron"] {
            let e = read_bounded(&dir.path().join(name), 10).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{name}: {e}");
        }
        assert!(read_bounded(dir.path(), 10).is_err());
        let big = read_bounded(&file, 0).unwrap_err();
        assert!(big.to_string().contains("more than"), "{big}");
    }
}
