//! `tests/cases/check/<name>/`: a plan folder and the exact `khutta check` output it gives.
//! `KHUTTA_BLESS=1 cargo test --test cli` rewrites the expected files; review them by hand.

use crate::support::cmd::{assert_matches_file, case_dirs, khutta, transcript};

#[test]
fn check_cases() {
    let cases = case_dirs("check");
    assert!(cases.len() >= 20, "only {} check cases", cases.len());
    for case in cases {
        let out = khutta(&case)
            .args(["check", "plan"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_matches_file(&case.join("expected.txt"), &transcript(&out));
    }
}

#[test]
fn check_json_has_the_same_diagnostics() {
    for case in case_dirs("check") {
        let text = khutta(&case)
            .args(["check", "plan"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let json = khutta(&case)
            .args(["check", "plan", "--format", "json"])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(text.status.code(), json.status.code(), "{}", case.display());
        if text.status.code() == Some(2) {
            continue;
        }
        let v: serde_json::Value = serde_json::from_slice(&json.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
        let lines = String::from_utf8_lossy(&text.stdout);
        let located = lines
            .lines()
            .filter(|l| l.contains(": error[") || l.contains(": warning["))
            .count();
        assert_eq!(
            v["diagnostics"].as_array().map(Vec::len),
            Some(located),
            "{}",
            case.display()
        );
        for d in v["diagnostics"].as_array().into_iter().flatten() {
            let head = format!(
                "{}:{}:{}: {}[{}]",
                d["path"].as_str().unwrap_or(""),
                d["line"],
                d["col"],
                d["severity"].as_str().unwrap_or(""),
                d["code"].as_str().unwrap_or("")
            );
            assert!(
                lines.contains(&head),
                "{head} missing from text output of {}",
                case.display()
            );
        }
    }
}

#[test]
fn too_large_file_is_refused_with_its_location() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = case_dirs("check")
        .into_iter()
        .find(|p| p.ends_with("ok-minimal"))
        .unwrap_or_default()
        .join("plan");
    for f in ["plan.ron", "partners/escwa.ron"] {
        let to = dir.path().join(f);
        std::fs::create_dir_all(to.parent().unwrap_or(dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::copy(plan.join(f), to).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::create_dir_all(dir.path().join("activities")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("activities/huge.ron"),
        vec![b' '; 2 * 1024 * 1024],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = khutta(dir.path())
        .args(["check", "."])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("activities/huge.ron:1:1: error[E006]"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Every diagnostic the cases produce reads in Arabic with `--lang ar`: the message after
/// `error[CODE]:` and its hint, not English and not a message key. The location and the
/// `error[CODE]` that editors parse stay as they are, and the same diagnostics are reported.
#[test]
fn every_diagnostic_speaks_arabic() {
    let arabic = |s: &str| s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let mut seen = std::collections::BTreeSet::new();
    for case in case_dirs("check").into_iter().chain(case_dirs("schedule")) {
        let plan = if case.join("plan").is_dir() {
            "plan"
        } else {
            "."
        };
        let run = |lang: &str| {
            let out = khutta(&case)
                .args(["--lang", lang, "check", plan])
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let (en, ar) = (run("en"), run("ar"));
        let heads = |text: &str| -> Vec<String> {
            text.lines()
                .filter_map(|l| l.split_once("]: ").map(|(head, _)| head.to_owned()))
                .collect()
        };
        assert_eq!(heads(&en), heads(&ar), "{}", case.display());
        let lines: Vec<&str> = ar.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some((head, message)) = line.split_once("]: ") else {
                continue;
            };
            seen.insert(head.rsplit('[').next().unwrap_or("").to_owned());
            assert!(arabic(message), "{}: {line}", case.display());
            assert!(!message.contains("check-"), "{}: {line}", case.display());
            let hint = lines.get(i + 1).copied().unwrap_or("");
            let rest = hint.strip_prefix("  تلميح: ");
            assert!(
                rest.is_some_and(|r| arabic(r) && !r.contains("check-")),
                "{}: {hint}",
                case.display()
            );
        }
    }
    // The cases cover most codes; a code that no case produces is not shown by this test.
    assert!(seen.len() >= 30, "only {} codes: {seen:?}", seen.len());
}
