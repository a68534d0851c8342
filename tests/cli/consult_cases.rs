//! `tests/cases/consult/<name>/`: a plan with round `r1` and the exact results of
//! `khutta consult results r1` in text, Markdown, CSV and JSON (see the README there).
//! `KHUTTA_BLESS=1 cargo test --test cli consult_cases` rewrites the expected files; check
//! each number against the case's README.

use crate::support::cmd::{assert_matches_file, case_dirs, khutta, transcript};

#[test]
fn consult_cases() {
    let cases = case_dirs("consult");
    assert!(cases.len() >= 3, "only {} consult cases", cases.len());
    for case in cases {
        let extra = std::fs::read_to_string(case.join("args.txt")).unwrap_or_default();
        let extra: Vec<&str> = extra.split_whitespace().collect();
        for (format, file) in [
            ("text", "expected.txt"),
            ("md", "expected.md"),
            ("csv", "expected.csv"),
            ("json", "expected.json"),
        ] {
            let out = khutta(&case)
                .args([
                    "consult", "results", "r1", "--plan", "plan", "--format", format,
                ])
                .args(&extra)
                .output()
                .unwrap_or_else(|e| panic!("{e}"));
            // Text carries stderr and the exit status; the data formats are compared as data.
            let got = if format == "text" {
                transcript(&out)
            } else {
                assert!(
                    out.status.success(),
                    "{}: {}",
                    case.display(),
                    transcript(&out)
                );
                String::from_utf8_lossy(&out.stdout).into_owned()
            };
            assert_matches_file(&case.join(file), &got);
        }
    }
}
