//! Running the real `khutta` binary with a pinned, private environment.

use std::path::Path;
use std::process::Command;

/// The date every test runs on.
pub const TODAY: &str = "2026-11-28";

/// A `khutta` command in `cwd` that sees none of the developer's own settings: no git config,
/// no locale, no colour, a private HOME and XDG folders, and a pinned date.
pub fn khutta(cwd: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_khutta"));
    cmd.current_dir(cwd);
    pin_env(&mut cmd);
    cmd
}

/// A private home folder for this test process, removed when it ends.
pub fn test_home() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| tempfile::tempdir().expect("a temporary home folder"))
        .path()
}

/// Clears the environment of `cmd` and sets what khutta and git need, deterministically.
pub fn pin_env(cmd: &mut Command) {
    let home = test_home();
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("LANG", "C.UTF-8")
        .env("NO_COLOR", "1")
        .env("KHUTTA_TODAY", TODAY)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test Author")
        .env("GIT_AUTHOR_EMAIL", "author@khutta.invalid")
        .env("GIT_COMMITTER_NAME", "Test Author")
        .env("GIT_COMMITTER_EMAIL", "author@khutta.invalid")
        .env("GIT_AUTHOR_DATE", "2026-11-28T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-28T12:00:00Z");
}

/// Output of a finished command as one comparable text: stdout, stderr and the exit status.
pub fn transcript(out: &std::process::Output) -> String {
    let mut s = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    if !err.is_empty() {
        s.push_str("--- stderr\n");
        s.push_str(&err);
    }
    s.push_str(&format!(
        "--- exit {}\n",
        out.status.code().map_or("signal".into(), |c| c.to_string())
    ));
    s
}

/// Compares `actual` with the file `expected`, or writes it when `KHUTTA_BLESS=1`.
pub fn assert_matches_file(expected: &Path, actual: &str) {
    if std::env::var_os("KHUTTA_BLESS").is_some() {
        if let Err(e) = std::fs::write(expected, actual) {
            panic!("cannot write {}: {e}", expected.display());
        }
        return;
    }
    let want = std::fs::read_to_string(expected).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (run with KHUTTA_BLESS=1 to create it)",
            expected.display()
        )
    });
    if want != actual {
        panic!(
            "{} differs.\n--- expected\n{want}\n--- actual\n{actual}",
            expected.display()
        );
    }
}

/// The case folders under `tests/cases/<kind>/`, sorted.
pub fn case_dirs(kind: &str) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(kind);
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The stock `git` CLI in `cwd`, with the same pinned environment.
pub fn git(cwd: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(cwd);
    pin_env(&mut cmd);
    cmd
}

/// Runs `git ARGS` in `cwd` and returns its standard output; fails the test if git fails.
pub fn git_ok(cwd: &Path, args: &[&str]) -> String {
    let out = git(cwd).args(args).output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies a folder tree, such as the bundled plan into a test's own folder.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for e in entries.flatten() {
        let target = to.join(e.file_name());
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            copy_dir(&e.path(), &target);
        } else if let Err(err) = std::fs::copy(e.path(), &target) {
            panic!("{}: {err}", target.display());
        }
    }
}

/// A fresh copy of the bundled plan in a temporary folder of the test's own.
pub fn bundled_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua"),
        dir.path(),
    );
    dir
}

/// Runs `cmd` to its end, or kills it and fails the test when it is still running after
/// `bound` (a guard against a hang, not a measurement: the bound is far above any real run).
pub fn output_bounded(cmd: &mut Command, bound: std::time::Duration) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the command starts");
    // Read both pipes on threads of their own, so that a chatty child never blocks on a full one.
    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the command can be waited for") {
            break status;
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "still running after {} s, killed: it hangs or loops; stderr so far:\n{}",
                bound.as_secs(),
                String::from_utf8_lossy(&err.join().unwrap_or_default())
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    std::process::Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// `khutta init PARENT/NAME --from` the bundled plan: a plan repository set up for khutta,
/// with a first commit. Fails the test if init fails. Returns the new repository's folder.
pub fn init_bundled(parent: &Path, name: &str) -> std::path::PathBuf {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let out = khutta(parent)
        .args(["init", name, "--from"])
        .arg(&bundled)
        .output()
        .expect("khutta runs");
    assert!(out.status.success(), "{}", transcript(&out));
    parent.join(name)
}
