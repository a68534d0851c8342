//! The log: what khutta did and what went wrong, in English, for whoever has to find out why
//! a sync failed last Tuesday.
//!
//! Every run appends to `log/khutta.log` in the state folder (see [`khutta::folders`]), at
//! `info` unless `KHUTTA_LOG` says otherwise (a `tracing` filter: `debug`,
//! `khutta::repo=trace`, ...). With `KHUTTA_LOG` set, a command also writes the same lines to
//! standard error; the TUI never does, since the screen is its own. A log over 5 MB is renamed
//! `khutta.log.1` (the one before it is dropped) when the next run starts. Nothing logged holds
//! a password or a token: URLs lose their user information first
//! ([`khutta::repo::net::without_userinfo`]).
//!
//! Only the binary sets the log up; the library's parts that touch the disk, git and the
//! terminal (`store`, `repo`, `tui`) say what they do through `tracing`'s macros, which cost
//! nothing when nobody listens (the tests, the benches).

use khutta::folders::Folders;
use khutta::i18n::Said;
use khutta::said;
use std::fs::OpenOptions;
use std::path::Path;
use std::sync::Arc;
use tracing_subscriber::Layer;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{FormatTime, SystemTime};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, fmt};

/// The variable that chooses what is logged, and turns on logging to standard error.
pub const VAR: &str = "KHUTTA_LOG";

/// What is logged to the file when `KHUTTA_LOG` says nothing.
const DEFAULT_FILTER: &str = "info";

/// The size past which the log is set aside when a run starts.
const ROTATE_AT: u64 = 5 * 1024 * 1024;

/// Starts logging for this process: to the log file, and to standard error when `KHUTTA_LOG`
/// is set and the terminal is not `full_screen`. Returns what the user should be told (a
/// filter that does not parse); a log file that cannot be opened is only logged to standard
/// error, when that is on, since a command must not fail for want of its log.
pub fn init(folders: &Folders, full_screen: bool) -> Option<Said> {
    let asked = std::env::var(VAR).ok().filter(|v| !v.trim().is_empty());
    let (directives, problem) = match &asked {
        Some(v) => match EnvFilter::try_new(v) {
            Ok(_) => (v.clone(), None),
            Err(e) => (
                DEFAULT_FILTER.to_owned(),
                Some(said!("log-filter-invalid", value = v, error = &e)),
            ),
        },
        None => (DEFAULT_FILTER.to_owned(), None),
    };
    let filter = || EnvFilter::new(&directives);
    let file = folders
        .log_file()
        .map(|path| open(&path).map(|f| (path, f)));
    let (file, file_error) = match file {
        Some(Ok((_, f))) => (Some(f), None),
        Some(Err((path, e))) => (None, Some(format!("{}: {e}", path.display()))),
        None => (
            None,
            Some("no state folder: set HOME or XDG_STATE_HOME".to_owned()),
        ),
    };
    let file_layer = file.map(|f| {
        fmt::layer()
            .with_writer(Arc::new(f))
            .with_ansi(false)
            .with_timer(Stamp)
            .with_filter(filter())
    });
    let stderr_layer = (asked.is_some() && !full_screen).then(|| {
        fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .without_time()
            .with_filter(filter())
    });
    let _ = tracing_subscriber::registry()
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    if let Some(e) = file_error {
        tracing::warn!(error = %e, "no log file");
    }
    problem
}

/// Opens the log file at `path` for appending, setting a large one aside first.
fn open(path: &Path) -> Result<std::fs::File, (std::path::PathBuf, std::io::Error)> {
    let fail = |e| (path.to_path_buf(), e);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > ROTATE_AT) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        // Another khutta may have just done the same; either way the log starts afresh.
        let _ = std::fs::rename(path, old);
    }
    let mut options = OpenOptions::new();
    options.create(true).append(true);
    // The log names plans, remotes and people: it is the user's alone, like the state folder.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(fail)
}

/// The time of a line, and the process it came from: several khuttas (a sync and the merge
/// driver git runs for it) write to one log.
struct Stamp;

impl FormatTime for Stamp {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        SystemTime.format_time(w)?;
        write!(w, " [{}]", std::process::id())
    }
}

/// `e` and every error beneath it, as one line: `what: why: why that`, leaving out a cause
/// whose text the one above already quotes. URLs lose their user information.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let said = c.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        cause = c.source();
    }
    khutta::repo::net::without_userinfo(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    struct E(String, #[source] Option<Box<E>>);

    #[test]
    fn a_chain_says_each_cause_once_and_no_password() {
        let inner = E("connection refused".into(), None);
        let mid = E("cannot reach http://u:pw@h/x".into(), Some(Box::new(inner)));
        let top = E("sync failed".into(), Some(Box::new(mid)));
        assert_eq!(
            chain(&top),
            "sync failed: cannot reach http://h/x: connection refused"
        );
        let quoting = E(
            "sync failed: connection refused".into(),
            Some(Box::new(E("connection refused".into(), None))),
        );
        assert_eq!(chain(&quoting), "sync failed: connection refused");
    }

    #[test]
    fn a_large_log_is_set_aside_and_a_small_one_appended_to() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("log/khutta.log");
        let opened = |p: &Path| open(p).map_err(|(_, e)| e);
        std::io::Write::write_all(&mut opened(&path)?, b"first\n")?;
        std::io::Write::write_all(&mut opened(&path)?, b"second\n")?;
        assert_eq!(std::fs::read_to_string(&path)?, "first\nsecond\n");
        std::fs::write(&path, vec![b'x'; ROTATE_AT as usize + 1])?;
        std::io::Write::write_all(&mut opened(&path)?, b"fresh\n")?;
        assert_eq!(std::fs::read_to_string(&path)?, "fresh\n");
        let old = dir.path().join("log/khutta.log.1");
        assert_eq!(std::fs::metadata(old)?.len(), ROTATE_AT + 1);
        Ok(())
    }
}
