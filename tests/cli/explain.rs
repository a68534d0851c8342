//! `khutta check --explain CODE`: what a code means, in the UI's language, from the same table
//! as the book's check-code reference.

use crate::support::cmd::{khutta, transcript};

fn explain(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path()).args(args).output().unwrap();
    transcript(&out)
}

#[test]
fn a_code_explained_in_english() {
    assert_eq!(
        explain(&["check", "--explain", "E027"]),
        "error[E027]: a value out of range or malformed\n  \
         error: `khutta check` exits 1 while the plan has one\n\
         \n\
         What it means\n  \
         A value is outside the range khutta accepts, or not written as its kind requires: \
         progress outside 0 to 100, a currency that is not ISO 4217, a country that is not ISO \
         3166-1, an unknown SDG target, a calendar without a working day, an exchange rate not \
         above zero or above a billion, an amount beyond a thousand trillion, a duration or lag \
         beyond 10,000 working days. One table of ranges serves `check`, the forms and the \
         importers.\n\
         \n\
         Example\n  \
         `progress: 150`, or `country: \"Egypt\"` where `\"EG\"` belongs.\n\
         \n\
         What to do\n  \
         Write a value within the range, in the form the message names.\n\
         --- exit 0\n"
    );
}

#[test]
fn a_warning_in_lower_case_needs_no_plan() {
    let out = explain(&["--lang", "en", "check", "--explain", "w001"]);
    assert!(
        out.starts_with(
            "warning[W001]: an activity with no lead partner\n  \
             warning: the plan is probably incomplete; `khutta check` still exits 0\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("--- exit 0\n"), "{out}");
}

#[test]
fn a_code_explained_in_arabic() {
    let out = explain(&["--lang", "ar", "check", "--explain", "E027"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "error[E027]: قيمة خارج النطاق أو مشوّهة", "{out}");
    assert_eq!(
        lines[1],
        "  خطأ: يخرج `khutta check` بالرمز 1 ما دام في الخطة خطأ منه"
    );
    assert_eq!(lines[3], "المعنى");
    assert_eq!(lines[6], "مثال");
    assert_eq!(
        lines[7],
        "  `progress: 150`، أو `country: \"Egypt\"` في موضع `\"EG\"`."
    );
    assert_eq!(lines[9], "ما العمل");
    assert_eq!(
        lines[10],
        "  اكتب قيمة داخل النطاق، بالصيغة التي تذكرها الرسالة."
    );
    assert_eq!(lines.last(), Some(&"--- exit 0"));
    for english in ["What it means", "Example", "out of range", "exits 1 while"] {
        assert!(!out.contains(english), "{english} in:\n{out}");
    }
}

#[test]
fn every_code_is_listed_without_one() {
    let out = explain(&["check", "--explain"]);
    let codes: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().split(['[', ']']).nth(1))
        .collect();
    // The check codes, then the import codes, all from the one table.
    let all = khutta::check::explain::CODES.len();
    assert_eq!(codes.len(), all, "{out}");
    assert!(
        out.contains("  error[I006]: a date that is not a date\n"),
        "{out}"
    );
    assert!(out.contains("  error[E001]: a RON syntax error\n"), "{out}");
    assert!(
        out.contains("  warning[W004]: probably one response entered twice\n"),
        "{out}"
    );
    assert!(out.ends_with("--- exit 0\n"), "{out}");
}

#[test]
fn an_unknown_code_is_a_usage_error_with_the_way_to_all_codes() {
    assert_eq!(
        explain(&["check", "--explain", "E999"]),
        "--- stderr\n\
         error: `E999` is not a code `khutta check` reports\n  \
         hint: codes look like E027 or W001; `khutta check --explain` lists every one\n\
         --- exit 2\n"
    );
    assert_eq!(
        explain(&["--lang", "ar", "check", "--explain", "X1"]),
        "--- stderr\n\
         خطأ: `X1` ليس رمزًا يبلّغ عنه `khutta check`\n  \
         تلميح: الرموز مثل E027 أو W001؛ ويعرضها كلها `khutta check --explain`\n\
         --- exit 2\n"
    );
}
