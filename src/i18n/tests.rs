//! The two languages stay in step, and Arabic plurals pick the right forms.

#![allow(clippy::panic, reason = "a test fails by panicking")]

use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Every message of an FTL file with the variables it uses; fails on syntax errors.
fn messages_of(ftl: &str, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(ftl) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{file} does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(out.insert(id.clone(), vars).is_none(), "{file}: {id} twice");
            }
            Entry::Term(t) => {
                let mut vars = BTreeSet::new();
                pattern_vars(&t.value, &mut vars);
                out.insert(format!("-{}", t.id.name), vars);
            }
            Entry::Junk { content } => panic!("{file}: cannot parse {content:?}"),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        // `$count_form` is the plural form khutta derives from `$count` for Arabic.
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.trim_end_matches("_form").to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let (mut en, mut ar) = (BTreeMap::new(), BTreeMap::new());
    for file in CATALOGUE {
        for (lang, ftl, all) in [("en", file.en, &mut en), ("ar", file.ar, &mut ar)] {
            for (key, vars) in messages_of(ftl, &format!("locales/{lang}/{}", file.name)) {
                let name = file.name;
                assert!(
                    all.insert(key.clone(), vars).is_none(),
                    "{key} again in {lang}/{name}"
                );
            }
        }
    }
    let only_en: Vec<_> = en.keys().filter(|k| !ar.contains_key(*k)).collect();
    let only_ar: Vec<_> = ar.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in Arabic: {only_en:?}");
    assert!(only_ar.is_empty(), "missing in English: {only_ar:?}");
    for (key, vars) in &en {
        assert_eq!(Some(vars), ar.get(key), "variables of {key} differ");
    }
    assert!(en.len() > 150, "only {} messages", en.len());
}

#[test]
fn arabic_plurals_pick_the_cldr_forms() {
    let ar = Messages::new(Lang::Ar);
    let cases = [
        (0, "لا شيء للحفظ"),      // zero
        (1, "حُفظ ملف واحد"),     // one
        (2, "حُفظ ملفان"),        // two
        (3, "حُفظت 3 ملفات"),     // few: 3..=10
        (11, "حُفظ 11 ملفًا"),     // many: 11..=99
        (100, "حُفظ 100 ملف"),    // other: 100..=102
        (102, "حُفظ 102 ملف"),    // other
        (103, "حُفظت 103 ملفات"), // few again: CLDR goes by n % 100
        (111, "حُفظ 111 ملفًا"),   // many again
        (200, "حُفظ 200 ملف"),    // other
        (1005, "حُفظت 1005 ملفات"),
    ];
    for (n, expected) in cases {
        assert_eq!(ar.count("saved-files", n), expected, "{n}");
    }
    let errors: Vec<_> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| ar.count("count-errors", n))
        .collect();
    assert_eq!(
        errors,
        [
            "لا أخطاء",
            "خطأ واحد",
            "خطآن",
            "3 أخطاء",
            "11 خطأً",
            "100 خطأ"
        ]
    );
}

#[test]
fn arabic_selectors_use_the_form_khutta_computes() {
    // A selector on the number itself would fall back on Fluent's rules, wrong from 100 on.
    // A selector is `{ $name ->` (an arrow in the text, as in `a -> b`, is not one).
    let selects = |l: &str| {
        l.split('$').skip(1).any(|rest| {
            let name_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            rest[name_end..].trim_start().starts_with("->")
        })
    };
    let mut checked = 0;
    for line in CATALOGUE
        .iter()
        .flat_map(|f| f.ar.lines())
        .filter(|l| selects(l))
    {
        assert!(line.contains("_form ->"), "{line}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} selectors");
    assert!(!selects("summary-renamed = { $noun } { $from } -> { $to }"));
    assert!(selects("x = { $count ->"));
}

#[test]
fn english_plurals() {
    let en = Messages::new(Lang::En);
    assert_eq!(en.count("saved-files", 0), "Nothing to save");
    assert_eq!(en.count("saved-files", 1), "Saved 1 file");
    assert_eq!(en.count("saved-files", 2), "Saved 2 files");
    assert_eq!(en.count("count-warnings", 1), "1 warning");
    assert_eq!(en.count("count-warnings", 11), "11 warnings");
}

#[test]
fn no_isolation_marks_and_missing_keys_are_visible() {
    let ar = Messages::new(Lang::Ar);
    let text = ar.get_args("error-output", &[("error", "disk full".into())]);
    assert_eq!(text, "تعذّرت كتابة المخرجات: disk full");
    assert!(!text.chars().any(crate::text::is_dangerous));
    assert_eq!(ar.get("no-such-message"), "no-such-message");
    assert_eq!(Messages::new(Lang::En).get("screen-gantt"), "Gantt");
}

#[test]
fn no_message_hides_a_bidi_control() {
    // khutta orders a message's runs itself: an invisible mark typed into one would fight that
    // order, and an embedding or isolate would even show as an escape such as `\u{2066}`.
    for file in CATALOGUE {
        for (lang, text) in [("en", file.en), ("ar", file.ar)] {
            let mark = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}');
            let bad = text
                .chars()
                .find(|c| (crate::text::is_dangerous(*c) && *c != '\n') || mark(*c));
            assert_eq!(bad, None, "{lang}/{}", file.name);
        }
    }
}

/// Text a person reads is built from catalogue keys, so that it exists in both languages: no
/// `From<String>` for `Said`, and no sentence of English in a string literal of the code,
/// outside tests, attributes, logs and panics (which never reach a person as a message), and
/// the few places below, each with its reason. A new English sentence in the code fails here
/// with where it is; put it in `locales/` instead.
#[test]
fn no_english_sentence_bypasses_the_catalogue() {
    // (file, the literal's start, why it stays English)
    const ALLOWED: &[(&str, &str, &str)] = &[
        (
            "model/money.rs",
            "a decimal amount as",
            "serde's `expecting`: a parser's own words",
        ),
        (
            "model/money.rs",
            "amount {v} is a floating",
            "serde's error: a parser's own words",
        ),
        (
            "store/parse.rs",
            "input ",
            "chrono's own error words, matched to be replaced",
        ),
        (
            "store/parse.rs",
            "premature end of",
            "chrono's own error words, matched to be replaced",
        ),
        (
            "repo/mod.rs",
            "failed to lock file",
            "libgit2's words, matched",
        ),
        (
            "repo/transfer.rs",
            "failed to update ref",
            "libgit2's words, matched",
        ),
        (
            "repo/oplog.rs",
            "khutta: record an operation",
            "a commit message in the operation log's history",
        ),
        (
            "repo/oplog.rs",
            "no state folder",
            "an io::Error source, shown through RepoError::said",
        ),
        (
            "repo/setup.rs",
            "# khutta: plan files merge",
            "a comment written into .gitattributes",
        ),
        (
            "cli/guard.rs",
            "exec {quoted} --lang",
            "a shell command written into a git hook",
        ),
        (
            "cli/guard.rs",
            "#!/bin/sh",
            "a comment written into a git hook, read by administrators",
        ),
        (
            "repo/setup.rs",
            "Start the plan",
            "the first commit's message, shared by every partner",
        ),
        (
            "repo/setup.rs",
            "khutta: merge plan files",
            "the merge driver's name in git config",
        ),
        (
            "repo/merging.rs",
            "{label}\\n\\nMerged with problems",
            "a merge commit's message, shared by every partner",
        ),
        (
            "store/bounded.rs",
            "a FIFO, socket or device",
            "an io::Error, shown as the system's words",
        ),
        (
            "store/bounded.rs",
            "{size} bytes, more than",
            "an io::Error, shown as the system's words",
        ),
        (
            "store/read.rs",
            "(plan.ron could not be read)",
            "the placeholder title of an unreadable plan; its diagnostic says why in the reader's language",
        ),
        (
            "tui/screens/consult_design.rs",
            "order of questions",
            "the field name of an edit, for the history",
        ),
        (
            "cli/logging.rs",
            "no state folder",
            "a line of the log, which is English",
        ),
        (
            "model/place.rs",
            "",
            "country names, each beside its Arabic name",
        ),
        (
            "model/money.rs",
            "{v:?} is not a decimal",
            "serde's error: a parser's own words",
        ),
        (
            "edit/consult.rs",
            "",
            "an edit's label, kept for the history and never shown",
        ),
        (
            "repo/baseline_sync.rs",
            "khutta sync: baseline",
            "a reflog entry",
        ),
        ("repo/transfer.rs", "khutta sync: fetch", "a reflog entry"),
        (
            "repo/review.rs",
            "Baseline {name}, recorded by",
            "a baseline tag's message, shared by every partner",
        ),
        (
            "store/bounded.rs",
            "a link, not a regular",
            "an io::Error, shown as the system's words",
        ),
        (
            "store/bounded.rs",
            "{what}, not a regular",
            "an io::Error, shown as the system's words",
        ),
        (
            "diff/file.rs",
            "`{0}` is not a plan file",
            "the merge driver's error for git's log",
        ),
        (
            "diff/facts.rs",
            "{path}: same content",
            "diff text for git, which caches it for every reader",
        ),
    ];
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let not_for_people = [
        "#[",
        "reason =",
        "panic!(",
        "expect(",
        "unreachable!(",
        "assert",
        "trace!(",
        "debug!(",
        "info!(",
        "warn!(",
        "error!(",
        "tracing::",
    ];
    let mut found = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        // A file's unit tests come last, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        // A call of a log or panic macro may span lines: its literals are not for people.
        let mut in_call = false;
        for (n, line) in code.lines().enumerate() {
            let t = line.trim_start();
            if in_call {
                in_call = !t.starts_with(')');
                continue;
            }
            if t.starts_with("//") || not_for_people.iter().any(|p| t.contains(p)) {
                in_call = t.ends_with('(') && !t.starts_with("//");
                continue;
            }
            for lit in literals(line) {
                let words = lit.split(' ').filter(|w| is_word(w)).count();
                let allowed = ALLOWED
                    .iter()
                    .any(|(file, start, _)| rel == *file && lit.starts_with(start));
                if words >= 3 && !allowed {
                    found.push(format!("src/{rel}:{}: \"{lit}\"", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English outside the catalogue:\n{}",
        found.join("\n")
    );
}

/// The string literals of one line of code (not raw strings, which khutta's code uses for
/// RON and JSON samples only).
fn literals(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal such as '"' or '\n'.
            i += if b[i + 1] == b'\\' { 4 } else { 3 };
            continue;
        }
        if b[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push(&line[start..j.min(line.len())]);
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// A word of English prose: letters only, at least two, mostly lower case.
fn is_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| ",.;:()?!".contains(c));
    w.len() >= 2
        && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
        && w.chars()
            .skip(1)
            .all(|c| c.is_ascii_lowercase() || c == '\'')
}

/// Keys made from a prefix and a value (`format!("cmd-{}", ...)`, or `concat!` in a macro's
/// table such as the check codes' explanations): a message whose
/// key starts with one of these counts as used. Each must still be built somewhere in `src/`.
const BUILT_KEYS: [&str; 9] = [
    "aspect-",
    "cmd-",
    "col-",
    "design-",
    "explain-",
    "field-",
    "month-",
    "question-kind-",
    "tui-scale-",
];

/// Every `"..."` literal of the Rust files under `dir` that could be a key, and every file's text.
fn literals_and_texts(dir: &std::path::Path, literals: &mut BTreeSet<String>, texts: &mut String) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            literals_and_texts(&p, literals, texts);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            for (i, piece) in text.split('"').enumerate() {
                let key_like = !piece.is_empty()
                    && piece
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if i % 2 == 1 && key_like {
                    literals.insert(piece.to_owned());
                }
            }
            texts.push_str(&text);
        }
    }
}

#[test]
fn every_message_is_used_somewhere() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (mut literals, mut texts) = (BTreeSet::new(), String::new());
    literals_and_texts(&src, &mut literals, &mut texts);
    for prefix in BUILT_KEYS {
        assert!(
            texts.contains(&format!("\"{prefix}{{"))
                || texts.contains(&format!("concat!(\"{prefix}\"")),
            "no key is built as \"{prefix}{{...}}\" any more: take it out of BUILT_KEYS"
        );
    }
    // A message may also be used by another one (`{ other-message }`).
    let mut referenced = BTreeSet::new();
    for file in CATALOGUE {
        for piece in file.en.split('{').skip(1) {
            let name = piece.trim_start();
            let end = name
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(name.len());
            referenced.insert(name[..end].to_owned());
        }
    }
    let mut unused = Vec::new();
    for file in CATALOGUE {
        for key in messages_of(file.en, file.name).into_keys() {
            let used = key.starts_with('-')
                || literals.contains(&key)
                || referenced.contains(&key)
                || BUILT_KEYS.iter().any(|p| key.starts_with(p));
            if !used {
                unused.push(format!("{}: {key}", file.name));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "messages nothing in src/ uses:\n{}",
        unused.join("\n")
    );
}
