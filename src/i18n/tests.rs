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

/// Keys made at run time from a prefix and a value (`format!("cmd-{}", ...)`): a message whose
/// key starts with one of these counts as used. Each must still be built somewhere in `src/`.
const BUILT_KEYS: [&str; 8] = [
    "aspect-",
    "cmd-",
    "col-",
    "design-",
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
            texts.contains(&format!("\"{prefix}{{")),
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
