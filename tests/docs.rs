//! The documentation stays true: the book's check-code reference is the table of
//! `src/check/explain.rs` as it is, and every relative link in the book and the top-level
//! Markdown files points at a file that exists and, with `#anchor`, at one of its headings.
//!
//! `KHUTTA_BLESS=1 cargo test --test docs` rewrites `docs/src/reference/check-codes.md` from
//! the table; read the rewritten chapter before committing it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "support/mod.rs"]
mod support;

use khutta::check::Severity;
use khutta::check::explain::{CODES, explanation};
use khutta::i18n::Messages;
use khutta::model::Lang;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The line after which the chapter is generated; the prose above it is written by hand.
const GENERATED: &str = "<!-- Generated from src/check/explain.rs and locales/en/explain.ftl: edit those, then `KHUTTA_BLESS=1 cargo test --test docs`. -->";

/// The generated part of the chapter: a table of every code, then a section for each.
fn reference(m: &Messages, imports: bool) -> String {
    let severity = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    // One table explains every code; each chapter takes its own part of it.
    let codes: Vec<_> = CODES
        .iter()
        .filter(|c| explanation(**c).is_import() == imports)
        .collect();
    let mut out = String::from("| code | severity | problem |\n|---|---|---|\n");
    for code in &codes {
        let e = explanation(**code);
        let c = code.as_str();
        out.push_str(&format!(
            "| [{c}](#{}) | {} | {} |\n",
            c.to_ascii_lowercase(),
            severity(e.severity()),
            m.get(e.title)
        ));
    }
    for code in &codes {
        let e = explanation(**code);
        out.push_str(&format!(
            "\n## {}\n\n**{}** ({}): {}\n\n{}\n\n**Example.** {}\n\n**What to do.** {}\n",
            code.as_str(),
            capitalised(&m.get(e.title)),
            severity(e.severity()),
            m.get(e.severity_key())
                .split_once(": ")
                .map_or("", |(_, rest)| rest),
            m.get(e.meaning),
            m.get(e.example),
            m.get(e.fix),
        ));
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn the_check_code_reference_is_generated_from_the_table() {
    let path = repo().join("docs/src/reference/check-codes.md");
    let committed = std::fs::read_to_string(&path).unwrap();
    let Some((prose, _)) = committed.split_once(GENERATED) else {
        panic!("{} lost the line `{GENERATED}`", path.display());
    };
    let chapter = format!(
        "{prose}{GENERATED}\n\n{}",
        reference(&Messages::new(Lang::En), false)
    );
    support::cmd::assert_matches_file(&path, &chapter);
}

#[test]
fn the_import_code_reference_is_generated_from_the_table() {
    let path = repo().join("docs/src/reference/import-codes.md");
    let committed = std::fs::read_to_string(&path).unwrap();
    let Some((prose, _)) = committed.split_once(GENERATED) else {
        panic!("{} lost the line `{GENERATED}`", path.display());
    };
    let chapter = format!(
        "{prose}{GENERATED}\n\n{}",
        reference(&Messages::new(Lang::En), true)
    );
    support::cmd::assert_matches_file(&path, &chapter);
}

/// The Markdown files whose links are checked: the book's sources and the top-level files.
fn markdown_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "md") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&repo().join("docs/src"), &mut files);
    for top in [
        "README.md",
        "ARCHITECTURE.md",
        "CONTRIBUTING.md",
        "CHANGELOG.md",
    ] {
        files.push(repo().join(top));
    }
    files.sort();
    files
}

/// The text of `md` outside fenced code blocks and inline code, where links are links.
fn prose(md: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            out.push('\n');
            continue;
        }
        if !fenced {
            // Drop inline code: the text between pairs of backticks.
            for (i, part) in line.split('`').enumerate() {
                if i % 2 == 0 {
                    out.push_str(part);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// The targets of the inline links `[text](target)` of `md`.
fn links(md: &str) -> Vec<String> {
    let text = prose(md);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = rest[..end].split_whitespace().next().unwrap_or("");
        out.push(target.to_owned());
        rest = &rest[end..];
    }
    out
}

/// The anchors of the headings of `md`, as mdBook and GitHub make them: an explicit `{#id}`,
/// else the text lowercased, spaces as `-`, other punctuation left out, a repeated one with
/// `-1`, `-2`, ...
fn anchors(md: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let text = line.trim_start_matches('#').trim();
        let id = match text.rsplit_once("{#") {
            Some((_, id)) => id.trim_end_matches('}').to_owned(),
            None => text
                .replace('`', "")
                .chars()
                .filter_map(|c| {
                    if c.is_alphanumeric() || c == '_' || c == '-' {
                        Some(c.to_lowercase().next().unwrap_or(c))
                    } else if c == ' ' {
                        Some('-')
                    } else {
                        None
                    }
                })
                .collect(),
        };
        let mut unique = id.clone();
        let mut n = 1;
        while out.contains(&unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        out.insert(unique);
    }
    out
}

/// `path` with `.` and `..` taken out, without asking the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// What is wrong with the link `target` in the file `from`, if anything.
fn broken(from: &Path, target: &str) -> Option<String> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
    let to = if file.is_empty() {
        from.to_path_buf()
    } else {
        normal(&from.parent()?.join(file))
    };
    let book = repo().join("docs/src");
    if from.starts_with(&book) && !to.starts_with(&book) {
        return Some("leaves the book: the built book would not have it".into());
    }
    if !to.exists() {
        return Some(format!("{} does not exist", to.display()));
    }
    if anchor.is_empty() {
        return None;
    }
    let text = std::fs::read_to_string(&to).ok()?;
    (!anchors(&text).contains(anchor)).then(|| format!("{} has no heading #{anchor}", to.display()))
}

#[test]
fn every_relative_link_points_at_a_file_and_heading_that_exist() {
    let mut bad = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        for target in links(&text) {
            checked += 1;
            if let Some(why) = broken(&file, &target) {
                let name = file.strip_prefix(repo()).unwrap_or(&file);
                bad.push(format!("{}: ({target}) {why}", name.display()));
            }
        }
    }
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
    assert!(checked > 50, "only {checked} links found");
}

#[test]
fn every_chapter_is_in_the_summary() {
    let src = repo().join("docs/src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let listed: BTreeSet<PathBuf> = links(&summary)
        .iter()
        .map(|t| normal(&src.join(t)))
        .collect();
    for file in markdown_files() {
        if file.starts_with(&src) && file != src.join("SUMMARY.md") {
            assert!(
                listed.contains(&file),
                "{} is not in SUMMARY.md",
                file.display()
            );
        }
    }
}

#[test]
fn the_link_checker_finds_what_is_broken() {
    let md = "# A `b` c\n## Kinds: x, y {#kinds}\n## A b c\n```\n[not](a link)\n```\n[x](y.md#z) `[q](r)`\n";
    assert_eq!(links(md), ["y.md#z"]);
    let a = anchors(md);
    assert!(
        a.contains("a-b-c") && a.contains("a-b-c-1") && a.contains("kinds"),
        "{a:?}"
    );
    let readme = repo().join("README.md");
    assert!(broken(&readme, "docs/src/SUMMARY.md").is_none());
    assert!(broken(&readme, "docs/src/no-such.md").is_some());
    assert!(broken(&readme, "CONTRIBUTING.md#no-such-heading").is_some());
    let chapter = repo().join("docs/src/SUMMARY.md");
    assert!(broken(&chapter, "../../ARCHITECTURE.md").is_some());
}

/// The config chapter lists every command a key can be bound to, as the config file spells
/// it: the variants of `Command` in snake case.
#[test]
fn the_config_chapter_names_every_command() {
    let source = std::fs::read_to_string(repo().join("src/tui/action.rs")).unwrap();
    let start = source.find("pub enum Command {").unwrap();
    let body = &source[start..start + source[start..].find("\n}").unwrap()];
    let chapter = std::fs::read_to_string(repo().join("docs/src/guide/config.md")).unwrap();
    let mut missing = Vec::new();
    for line in body.lines().map(str::trim) {
        let Some(name) = line.strip_suffix(',') else {
            continue;
        };
        if !name.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let mut snake = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        if !chapter.contains(&format!("`{snake}`")) {
            missing.push(snake);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/src/guide/config.md lacks {missing:?}"
    );
}
