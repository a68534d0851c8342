//! The parse cache from the command line: khutta processes opening plans at the same time
//! leave a store every later run reads right, and a damaged store changes nothing but the
//! time a run takes.

use crate::support::cmd::{bundled_copy, khutta};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn check(plan: &Path, cache: Option<&Path>) -> Command {
    let mut cmd = khutta(plan);
    match cache {
        Some(c) => cmd.env("XDG_CACHE_HOME", c),
        None => cmd.env("KHUTTA_NO_CACHE", "1"),
    };
    cmd.args(["check", "."]).stdout(Stdio::piped());
    cmd
}

fn report(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Every file under the store's folders.
fn store_files(cache: &Path) -> Vec<PathBuf> {
    let list = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .map(|e| e.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    list(&cache.join("khutta/parsed"))
        .iter()
        .flat_map(|d| list(d))
        .collect()
}

#[test]
fn plans_opened_at_once_and_a_damaged_store_read_the_same() {
    let cache = tempfile::tempdir().unwrap();
    let (a, b) = (bundled_copy(), bundled_copy());
    // The two plans share every file but one.
    let rel = b.path().join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&rel).unwrap();
    std::fs::write(&rel, text.replacen("en: \"", "en: \"Changed ", 1)).unwrap();
    let plans = [a.path(), b.path()];
    let expected: Vec<String> = plans.iter().map(|p| report(&mut check(p, None))).collect();
    assert!(!expected[0].is_empty());
    for round in 0..4 {
        let children: Vec<_> = plans
            .iter()
            .map(|p| check(p, Some(cache.path())).spawn().unwrap())
            .collect();
        for (child, want) in children.into_iter().zip(&expected) {
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                &String::from_utf8(out.stdout).unwrap(),
                want,
                "round {round}"
            );
        }
    }
    let files = store_files(cache.path());
    assert!(!files.is_empty());
    for f in &files {
        assert!(f.to_string_lossy().ends_with(".pack"), "{}", f.display());
    }
    // Each pack damaged in its own way: cut in half, a byte changed, or not a pack at all.
    for (n, f) in files.iter().enumerate() {
        let mut bytes = std::fs::read(f).unwrap();
        match n % 3 {
            0 => bytes.truncate(bytes.len() / 2),
            1 => {
                let last = bytes.len() - 2;
                bytes[last] ^= 0x55;
            }
            _ => bytes = b"{ not a pack".to_vec(),
        }
        std::fs::write(f, bytes).unwrap();
    }
    for (p, want) in plans.iter().zip(&expected) {
        assert_eq!(&report(&mut check(p, Some(cache.path()))), want);
    }
    // And lost whole.
    std::fs::remove_dir_all(cache.path().join("khutta/parsed")).unwrap();
    for (p, want) in plans.iter().zip(&expected) {
        assert_eq!(&report(&mut check(p, Some(cache.path()))), want);
    }
}
