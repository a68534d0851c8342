//! The layering of ARCHITECTURE.md, enforced: every module-level edge in `src/` must be one its
//! `rules` block allows, and the pure core names no clock, file, process, environment or git.
//!
//! The rules are read from ARCHITECTURE.md itself, so the document and the build cannot
//! disagree. An edge is a path that leaves a module: `crate::X` (and `$crate::X`) in the
//! library, `khutta::X` in the binary, `super::` chains that climb to the crate root, and
//! khutta's exported macros (`said!`), which count as the module that defines them. Comments,
//! strings and character literals are blanked first, so a doc comment that names a module is
//! not an edge.

#![allow(clippy::panic, reason = "a test fails by panicking")]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What ARCHITECTURE.md's `rules` block says.
struct Rules {
    /// Each module and the modules it may use.
    may_use: BTreeMap<String, BTreeSet<String>>,
    /// Modules that do no IO: no files, processes, environment, clock or git.
    pure: BTreeSet<String>,
    /// The only modules that may name `git2`.
    git2: BTreeSet<String>,
    /// What `#[cfg(test)]` code of any module may use besides what its module may: the disk
    /// layer, to read fixtures.
    tests: BTreeSet<String>,
}

fn rules_of(markdown: &str) -> Rules {
    let Some(start) = markdown.find("```rules\n") else {
        panic!("ARCHITECTURE.md has no ```rules block");
    };
    let body = &markdown[start + "```rules\n".len()..];
    let Some(end) = body.find("```") else {
        panic!("ARCHITECTURE.md's ```rules block does not end");
    };
    let mut rules = Rules {
        may_use: BTreeMap::new(),
        pure: BTreeSet::new(),
        git2: BTreeSet::new(),
        tests: BTreeSet::new(),
    };
    let names = |list: &str| -> BTreeSet<String> {
        list.split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty() && *n != "(nothing)")
            .map(str::to_owned)
            .collect()
    };
    for line in body[..end].lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some((module, uses)) = line.split_once("->") {
            let module = module.trim().to_owned();
            let again = rules.may_use.insert(module.clone(), names(uses));
            assert!(again.is_none(), "rules: `{module}` twice");
        } else if let Some(list) = line.strip_prefix("pure:") {
            rules.pure = names(list);
        } else if let Some(list) = line.strip_prefix("git2:") {
            rules.git2 = names(list);
        } else if let Some(list) = line.strip_prefix("tests:") {
            rules.tests = names(list);
        } else {
            panic!("rules: cannot read {line:?}");
        }
    }
    for m in rules.pure.iter().chain(&rules.git2).chain(&rules.tests) {
        assert!(
            rules.may_use.contains_key(m),
            "rules: `{m}` has no line of its own"
        );
    }
    rules
}

/// The source with comments, strings and character literals blanked to spaces; newlines stay,
/// so line numbers do too.
fn code_of(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    // Each character becomes as many spaces as it has bytes, so offsets stay those of the file.
    let blank = |c: char| {
        if c == '\n' {
            "\n".to_owned()
        } else {
            " ".repeat(c.len_utf8())
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push_str(&blank(chars[i]));
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push_str(&blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
            && raw_string_hashes(&chars[i + 1..]).is_some()
        {
            let hashes = raw_string_hashes(&chars[i + 1..]).unwrap_or(0);
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let open = 2 + hashes;
            out.extend(std::iter::repeat_n(' ', open));
            i += open;
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                out.push_str(&blank(chars[i]));
                i += 1;
            }
            out.extend(std::iter::repeat_n(' ', closing.len()));
            i += closing.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    out.push_str(&blank(c));
                }
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'), or a lifetime, which stays.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                for &c in &chars[i..(j + 1).min(chars.len())] {
                    out.push_str(&blank(c));
                }
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                for &c in &chars[i..i + 3] {
                    out.push_str(&blank(c));
                }
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The number of `#` of a raw string that starts after its `r`, if one does.
fn raw_string_hashes(after_r: &[char]) -> Option<usize> {
    let hashes = after_r.iter().take_while(|c| **c == '#').count();
    (after_r.get(hashes) == Some(&'"')).then_some(hashes)
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier that starts at `at`.
fn ident_at(code: &str, at: usize) -> &str {
    let rest = &code[at..];
    let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// Offsets where `word` occurs as a whole path segment (not the end of a longer identifier).
fn occurrences<'a>(code: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    code.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = code[..i].chars().next_back();
        let after = code[i + word.len()..].chars().next();
        let glued_before =
            before.is_some_and(|c| is_ident(c) || (c == '$' && !word.starts_with('$')));
        let glued_after = word.ends_with(is_ident) && after.is_some_and(is_ident);
        !(glued_before || glued_after)
    })
}

/// The first segment of each path a `use` group that opens at `open` (just after `{`) lists.
fn group_heads(code: &str, open: usize) -> Vec<(usize, String)> {
    let mut heads = Vec::new();
    let mut depth = 1;
    let mut expect_head = true;
    let bytes = code.as_bytes();
    let mut i = open;
    while i < code.len() && depth > 0 {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b',' if depth == 1 => expect_head = true,
            b if expect_head && depth == 1 && (b.is_ascii_alphabetic() || b == b'_') => {
                let name = ident_at(code, i);
                heads.push((i, name.to_owned()));
                expect_head = false;
                i += name.len();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    heads
}

/// The path segments that follow `prefix` (e.g. `crate::`) anywhere in the code, with offsets.
fn heads_after(code: &str, prefix: &str) -> Vec<(usize, String)> {
    let mut heads = Vec::new();
    for at in occurrences(code, prefix) {
        let after = at + prefix.len();
        if code[after..].starts_with('{') {
            heads.extend(group_heads(code, after + 1));
        } else {
            let name = ident_at(code, after);
            if !name.is_empty() {
                heads.push((at, name.to_owned()));
            }
        }
    }
    heads
}

fn line_of(code: &str, at: usize) -> usize {
    code[..at].matches('\n').count() + 1
}

/// One `.rs` file of `src/`, with the module it belongs to.
struct SourceFile {
    path: PathBuf,
    /// The top-level module (`model`, `cli`, `workspace`), `main` for `src/main.rs`, `lib`
    /// for `src/lib.rs`.
    module: String,
    /// How deep the file's own module is below its crate's root (`src/diff/file.rs`: 2).
    depth: usize,
    /// The code, comments and literals blanked.
    code: String,
    /// The code outside `#[cfg(test)]` items: what the shipped program holds.
    shipped: String,
    /// In the binary (`src/main.rs` and what it declares), where `crate::` is the binary's
    /// root and `khutta::` the library.
    binary: bool,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Blanks the brace-balanced body of every `#[cfg(test)]` item and returns the names of the
/// `#[cfg(test)] mod NAME;` files it declares.
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut shipped = code.to_owned();
    let mut test_files = Vec::new();
    for (at, _) in code.match_indices("#[cfg(test)]") {
        let rest = &code[at + "#[cfg(test)]".len()..];
        // The item the attribute is on: up to its `;` or its balanced `{ ... }`.
        let semi = rest.find(';');
        let brace = rest.find('{');
        let item_end = match (semi, brace) {
            (Some(s), b) if b.is_none_or(|b| s < b) => {
                let item = rest[..s].trim();
                if let Some(name) = item
                    .strip_prefix("mod ")
                    .or_else(|| item.strip_prefix("pub mod "))
                {
                    test_files.push(name.trim().to_owned());
                }
                s
            }
            (_, Some(b)) => {
                let mut depth = 0;
                let mut end = b;
                for (j, c) in rest[b..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + j;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            _ => 0,
        };
        let start = at;
        let end = at + "#[cfg(test)]".len() + item_end + 1;
        let blanked: String = code[start..end.min(code.len())]
            .chars()
            .map(|c| {
                if c == '\n' {
                    "\n".to_owned()
                } else {
                    " ".repeat(c.len_utf8())
                }
            })
            .collect();
        shipped.replace_range(start..end.min(code.len()), &blanked);
    }
    (shipped, test_files)
}

fn sources(root: &Path) -> Vec<SourceFile> {
    let src = root.join("src");
    let mut paths = Vec::new();
    rs_files(&src, &mut paths);
    paths.sort();
    let mut files: Vec<SourceFile> = paths
        .into_iter()
        .map(|path| {
            let Ok(text) = std::fs::read_to_string(&path) else {
                panic!("cannot read {}", path.display());
            };
            let Ok(rel) = path.strip_prefix(&src) else {
                panic!("{} is outside src", path.display());
            };
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let module = parts[0].trim_end_matches(".rs").to_owned();
            let last = parts.last().map_or("", String::as_str);
            let depth = parts.len() - usize::from(last == "mod.rs");
            let code = code_of(&text);
            let (shipped, _) = without_tests(&code);
            SourceFile {
                binary: matches!(module.as_str(), "main" | "cli" | "alloc"),
                path,
                module,
                depth,
                code,
                shipped,
            }
        })
        .collect();
    // Files that are `#[cfg(test)] mod x;` of their parent are test code through and through.
    let mut test_paths = BTreeSet::new();
    for f in &files {
        let (_, test_mods) = without_tests(&f.code);
        let here = f.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let own_dir = if f
            .path
            .file_name()
            .is_some_and(|n| n == "mod.rs" || n == "lib.rs")
        {
            here.clone()
        } else {
            f.path.with_extension("")
        };
        for m in test_mods {
            test_paths.insert(own_dir.join(format!("{m}.rs")));
            test_paths.insert(own_dir.join(&m).join("mod.rs"));
        }
        // `#[cfg(test)] #[path = "x_tests.rs"] mod tests;`: the path is beside the file.
        let Ok(raw) = std::fs::read_to_string(&f.path) else {
            continue;
        };
        for (at, _) in raw.match_indices("#[cfg(test)]") {
            let rest = raw[at + "#[cfg(test)]".len()..].trim_start();
            if let Some(attr) = rest.strip_prefix("#[path = \"")
                && let Some((file, _)) = attr.split_once('"')
            {
                test_paths.insert(here.join(file));
            }
        }
    }
    for f in &mut files {
        if test_paths.contains(&f.path) {
            f.shipped = f
                .code
                .chars()
                .map(|c| {
                    if c == '\n' {
                        "\n".to_owned()
                    } else {
                        " ".repeat(c.len_utf8())
                    }
                })
                .collect();
        }
    }
    files
}

/// khutta's exported macros and the module each is defined in.
fn exported_macros(files: &[SourceFile]) -> BTreeMap<String, String> {
    let mut macros = BTreeMap::new();
    for f in files {
        for (at, _) in f.code.match_indices("#[macro_export]") {
            let rest = &f.code[at..];
            if let Some(m) = rest.find("macro_rules!") {
                let name = ident_at(rest, m + "macro_rules!".len() + 1).to_owned();
                if !name.is_empty() {
                    macros.insert(name, f.module.clone());
                }
            }
        }
    }
    macros
}

/// One path from one module into another.
struct Edge {
    from: String,
    to: String,
    path: PathBuf,
    line: usize,
    /// In `#[cfg(test)]` code.
    in_test: bool,
}

fn edges(files: &[SourceFile]) -> Vec<Edge> {
    let macros = exported_macros(files);
    let modules: BTreeSet<&str> = files.iter().map(|f| f.module.as_str()).collect();
    let mut edges = Vec::new();
    for f in files {
        if f.module == "lib" {
            continue;
        }
        let code = &f.code;
        let mut heads: Vec<(usize, String)> = Vec::new();
        if f.binary {
            heads.extend(heads_after(code, "khutta::"));
            // `crate::` in the binary names its own modules (`cli`, `alloc`).
            heads.extend(heads_after(code, "crate::"));
        } else {
            heads.extend(heads_after(code, "crate::"));
            heads.extend(heads_after(code, "$crate::"));
            // `super::` climbing to the crate root from this file's module.
            let climb = "super::".repeat(f.depth);
            if f.depth > 0 {
                heads.extend(heads_after(code, &climb));
            }
        }
        for (name, home) in &macros {
            if *home != f.module {
                let call = format!("{name}!");
                for at in occurrences(code, &call) {
                    heads.push((at, home.clone()));
                }
            }
        }
        for (at, head) in heads {
            let to = macros.get(&head).cloned().unwrap_or(head);
            // Items of the module itself, and names of an inline module's parent that only
            // look like they climb to the root, are not edges.
            if to == f.module || !modules.contains(to.as_str()) {
                continue;
            }
            edges.push(Edge {
                from: f.module.clone(),
                to,
                path: f.path.clone(),
                line: line_of(code, at),
                in_test: f.shipped.as_bytes().get(at) == Some(&b' '),
            });
        }
    }
    edges
}

/// Words the pure core must not hold, with why.
const IMPURE: [(&str, &str); 8] = [
    ("git2", "git"),
    ("std::env", "the environment"),
    ("std::fs", "files"),
    ("std::process", "processes"),
    ("std::net", "the network"),
    ("Local::now", "the clock"),
    ("Utc::now", "the clock"),
    ("SystemTime::now", "the clock"),
];

/// What the code names of the standard library's IO areas inside `use std::{...}` groups.
fn std_groups(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for at in occurrences(code, "std::{") {
        for (i, head) in group_heads(code, at + "std::{".len()) {
            if matches!(head.as_str(), "env" | "fs" | "process" | "net") {
                found.push((i, format!("std::{head}")));
            }
        }
    }
    found
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every problem the rules find in the source under `root`.
fn violations(root: &Path) -> Vec<String> {
    let Ok(doc) = std::fs::read_to_string(root.join("ARCHITECTURE.md")) else {
        panic!("cannot read ARCHITECTURE.md");
    };
    let rules = rules_of(&doc);
    let files = sources(root);
    let mut found = BTreeSet::new();
    let show = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    for f in &files {
        if f.module != "lib" && !rules.may_use.contains_key(&f.module) {
            found.insert(format!(
                "{}: module `{}` has no line in ARCHITECTURE.md's rules",
                show(&f.path),
                f.module
            ));
        }
    }
    for e in edges(&files) {
        let Some(allowed) = rules.may_use.get(&e.from) else {
            continue;
        };
        let allowed_here = allowed.contains(&e.to) || (e.in_test && rules.tests.contains(&e.to));
        if !allowed_here {
            found.insert(format!(
                "{}:{}: {} -> {}",
                show(&e.path),
                e.line,
                e.from,
                e.to
            ));
        }
    }
    for f in &files {
        let pure = rules.pure.contains(&f.module);
        let git2_ok = rules.git2.contains(&f.module);
        for (word, what) in IMPURE {
            let forbidden = if word == "git2" { !git2_ok } else { pure };
            if !forbidden {
                continue;
            }
            // Tests may set up files and repositories; the rule is about what ships.
            let code = if word == "git2" { &f.code } else { &f.shipped };
            for at in occurrences(code, word) {
                found.insert(format!(
                    "{}:{}: {} names `{word}` ({what})",
                    show(&f.path),
                    line_of(code, at),
                    f.module
                ));
            }
        }
        if pure {
            for (at, word) in std_groups(&f.shipped) {
                found.insert(format!(
                    "{}:{}: {} names `{word}`",
                    show(&f.path),
                    line_of(&f.shipped, at),
                    f.module
                ));
            }
        }
    }
    found.into_iter().collect()
}

#[test]
fn every_edge_between_modules_is_one_the_rules_allow() {
    let found = violations(&root());
    assert!(
        found.is_empty(),
        "{} edges or words ARCHITECTURE.md's rules forbid:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_through_groups_super_macros_and_comments() {
    let code = code_of(
        "use crate::{model::Id, i18n::{Said, Part}};\n\
         // use crate::tui::App;\n\
         let s = \"crate::store::x\";\n\
         let c = '\"'; let t = crate::text::width(x);\n\
         fn f<'a>(x: &'a str) {}\n\
         use super::super::repo::CommitId;\n",
    );
    let heads: Vec<String> = heads_after(&code, "crate::")
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(heads, ["model", "i18n", "text"]);
    let climbed: Vec<String> = heads_after(&code, "super::super::")
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(climbed, ["repo"]);
    assert_eq!(std_groups(&code_of("use std::{io, fs::File};")).len(), 1);
    let (shipped, mods) = without_tests(&code_of(
        "fn a() {}\n#[cfg(test)]\nmod tests {\n use std::fs;\n}\n#[cfg(test)]\nmod more;\n",
    ));
    assert!(!shipped.contains("std::fs"));
    assert_eq!(mods, ["more"]);
}
