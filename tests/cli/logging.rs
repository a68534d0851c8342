//! khutta's folders and its log: the log file in the state folder, `KHUTTA_LOG` on standard
//! error, and the config, state and cache folders found where they always were.

use crate::support::cmd::{bundled_copy, git_ok, khutta, transcript};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A plan repository made by `khutta init` in `dir/seed`, whose `origin` is `url`.
fn plan_with_remote(dir: &Path, url: &str) -> PathBuf {
    crate::support::cmd::init_bundled(dir, "seed");
    let seed = dir.join("seed");
    git_ok(&seed, &["remote", "add", "origin", url]);
    seed
}

/// `khutta` in `cwd` with every folder of its own under `dir`: config, state and cache.
fn khutta_in(cwd: &Path, dir: &Path) -> Command {
    let mut cmd = khutta(cwd);
    cmd.env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_STATE_HOME", dir.join("state"));
    cmd
}

fn log_in(state_home: &Path) -> String {
    let path = state_home.join("khutta/log/khutta.log");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The message of the `error: ...` line of standard error.
fn error_text(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or_else(|| panic!("no error line in {}", transcript(out)));
    line.to_owned()
}

/// Whether `text` has a line the log writes (`LEVEL target: message`).
fn has_log_lines(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        ["TRACE ", "DEBUG ", "INFO ", "WARN ", "ERROR "]
            .iter()
            .any(|level| l.starts_with(level))
    })
}

#[test]
fn a_failed_sync_leaves_its_whole_story_in_the_log_and_no_password() {
    let dir = tempfile::tempdir().unwrap();
    let seed = plan_with_remote(dir.path(), "http://user:secret@127.0.0.1:1/x");
    let out = khutta_in(&seed, dir.path()).arg("sync").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let said = error_text(&out);
    // Without KHUTTA_LOG, standard error has what the user is told, and no log line.
    assert!(
        !has_log_lines(&String::from_utf8_lossy(&out.stderr)),
        "{}",
        transcript(&out)
    );
    let log = log_in(&dir.path().join("state"));
    for fact in [
        "command=\"sync\"",
        "sync: begin",
        "fetch: begin",
        "remote=origin",
        "url=http://127.0.0.1:1/x",
        "fetch: failed",
        "sync: failed",
        said.as_str(),
    ] {
        assert!(log.contains(fact), "the log lacks {fact:?}:\n{log}");
    }
    // libgit2's own words and the error's class, beneath khutta's message.
    assert!(log.contains("class=") && log.contains("code="), "{log}");
    assert!(!log.contains("secret"), "{log}");
    assert!(!log.contains("user:"), "{log}");
    // Nothing was written anywhere else: the home folder stays empty.
    assert!(!dir.path().join("home").exists());
}

#[test]
fn khutta_log_puts_log_lines_on_standard_error_and_only_then() {
    let plan = bundled_copy();
    let dir = tempfile::tempdir().unwrap();
    let quiet = khutta_in(plan.path(), dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    assert!(
        !has_log_lines(&String::from_utf8_lossy(&quiet.stderr)),
        "{}",
        transcript(&quiet)
    );
    let loud = khutta_in(plan.path(), dir.path())
        .args(["check", "."])
        .env("KHUTTA_LOG", "debug")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&loud.stderr);
    assert!(err.contains("DEBUG "), "{err}");
    assert!(err.contains("plan loaded"), "{err}");
    // What the command prints is the same either way.
    assert_eq!(loud.stdout, quiet.stdout);
    assert_eq!(loud.status.code(), quiet.status.code());
    // The file had the debug lines too, and both runs' start.
    let log = log_in(&dir.path().join("state"));
    assert_eq!(log.matches("command=\"check\"").count(), 4, "{log}");
    assert!(log.contains("DEBUG "), "{log}");
}

#[test]
fn a_khutta_log_that_is_no_filter_is_said_once() {
    let plan = bundled_copy();
    let dir = tempfile::tempdir().unwrap();
    let out = khutta_in(plan.path(), dir.path())
        .args(["summary", "."])
        .env("KHUTTA_LOG", "khutta=loud")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("warning: KHUTTA_LOG=khutta=loud is not a log filter"),
        "{err}"
    );
    assert_eq!(err.matches("is not a log filter").count(), 1, "{err}");
    // Logging to standard error was asked for: it goes on, at `info`.
    assert!(err.contains("INFO ") && !err.contains("DEBUG "), "{err}");
}

/// Writes a config file that is not RON at `path`, so that the warning names the file read.
fn bad_config(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, "Config(").unwrap();
}

/// The packs of the parse cache under `cache_home` (`khutta/parsed/<layout and version>/`).
fn caches(cache_home: &Path) -> Vec<PathBuf> {
    let list = |dir: &Path| match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    let mut packs: Vec<PathBuf> = list(&cache_home.join("khutta/parsed"))
        .iter()
        .flat_map(|dir| list(dir))
        .collect();
    packs.sort();
    packs
}

#[test]
fn the_folders_are_the_xdg_ones_when_set() {
    let plan = bundled_copy();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config/khutta/config.ron");
    bad_config(&config);
    let out = khutta_in(plan.path(), dir.path())
        .args(["check", "."])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("config file was not used: {}", config.display())),
        "{err}"
    );
    let cached = caches(&dir.path().join("cache"));
    assert!(!cached.is_empty());
    for pack in &cached {
        let name = pack.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with(".pack"), "{name}");
    }
    assert!(log_in(&dir.path().join("state")).contains("command=\"check\""));
    assert!(!dir.path().join("home").exists());
}

#[test]
fn the_folders_are_in_the_home_folder_without_xdg() {
    let plan = bundled_copy();
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let config = home.join(".config/khutta/config.ron");
    bad_config(&config);
    let run = |extra: &[(&str, &str)]| {
        let mut cmd = khutta(plan.path());
        cmd.env("HOME", &home)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("XDG_STATE_HOME")
            .args(["check", "."]);
        for (k, v) in extra {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    };
    // KHUTTA_NO_CACHE keeps the cache folder from being made; the rest is as ever.
    let out = run(&[("KHUTTA_NO_CACHE", "1")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("config file was not used: {}", config.display())),
        "{err}"
    );
    assert!(!home.join(".cache").exists());
    assert!(log_in(&home.join(".local/state")).contains("command=\"check\""));
    run(&[]);
    let packs = caches(&home.join(".cache"));
    assert!(!packs.is_empty());
    // The store is the plan's content, not its path: a copy elsewhere adds nothing to it.
    let copy = bundled_copy();
    let mut cmd = khutta(copy.path());
    cmd.env("HOME", &home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_STATE_HOME")
        .args(["check", "."])
        .output()
        .unwrap();
    assert_eq!(caches(&home.join(".cache")), packs);
}
