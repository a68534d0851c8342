//! The commands' own lines in Arabic with `--lang ar` (piped, so in logical order), the same
//! lines unchanged in English, and Arabic put in display order on a terminal.

mod git;
mod sync;
mod tables;

use crate::support::cmd::{khutta, pin_env};
use khutta::text::str_width;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A small plan in both languages, relative to the repository root.
const FIXTURE: &str = "tests/fixtures/bilingual";

/// The repository root.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `khutta ARGS` in `cwd`, piped, in the pinned test environment.
fn run(cwd: &Path, args: &[&str]) -> Output {
    khutta(cwd).args(args).output().unwrap()
}

/// What a run printed on standard output.
fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on standard error.
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `khutta ARGS` in `cwd` on a terminal (a pseudo-terminal from util-linux `script`) and
/// returns what it wrote there, with the terminal's `\r\n` turned back into `\n`.
fn on_terminal(cwd: &Path, args: &[&str]) -> String {
    let quoted: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_khutta"))
        .chain(args.iter().copied())
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    let mut cmd = Command::new("script");
    pin_env(&mut cmd);
    let out = cmd
        .current_dir(cwd)
        .args(["-q", "-e", "-c", &quoted.join(" "), "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script runs (apt-get install bsdutils)");
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

/// A plan repository made by `khutta init` from the bundled plan.
fn plan_repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let bundled = root().join("plans/open-government-nua");
    let out = run(
        dir.path(),
        &["init", "nua", "--from", &bundled.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = dir.path().join("nua");
    (dir, plan)
}

/// Rewrites `from` as `to` in the file `rel` of `plan`.
fn edit(plan: &Path, rel: &str, from: &str, to: &str) {
    let path = plan.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The display column at which `needle` starts in `line`.
fn column(line: &str, needle: &str) -> usize {
    str_width(&line[..line.find(needle).unwrap()])
}
