//! One plan file on its own, as git sees it: read without knowing its path, written as one
//! fact per line for git's textconv, and compared with another version for an external diff.
//!
//! git hands a textconv program a temporary file named after nothing, so the kind of entity
//! is read from the content: the RON struct name that starts every canonical file, or, for a
//! hand-written file without one, the first type that accepts it.

use super::path::{FieldPath, Seg};
use super::render::{change_text, esc, value};
use super::tree::{ListRule, Root, entity_tree, list_rule, meta_tree, unique_keys, variant};
use super::{FieldChange, delta};
use crate::check::Diagnostic;
use crate::i18n::Messages;
use crate::model::{Entity, Lang, PlanMeta};
use serde_json::Value;
use std::fmt::Write as _;

/// The content of one plan file.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "one value per file git hands over, never kept in bulk"
)]
pub enum PlanFile {
    /// `plan.ron`.
    Meta(Box<PlanMeta>),
    /// An entity file.
    Entity(Entity),
}

impl PlanFile {
    /// The tree the diff works on, and what it is the tree of.
    fn tree(&self) -> (Root, Value) {
        match self {
            PlanFile::Meta(m) => (Root::Meta, meta_tree(m)),
            PlanFile::Entity(e) => (Root::Entity(e.kind()), entity_tree(e)),
        }
    }

    /// `activity launch`, `plan regional-initiative`.
    fn name(&self) -> String {
        match self {
            PlanFile::Meta(m) => format!("plan {}", esc(&m.id)),
            PlanFile::Entity(e) => format!("{} {}", e.kind().noun(), esc(e.id())),
        }
    }
}

/// The struct name a RON text starts with, after a byte-order mark, blank space, comments and
/// `#![enable(..)]` attributes.
fn struct_name(text: &str) -> Option<&str> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("#!") {
            rest = r.split_once(']').map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn parse_as(name: &str, path: &str, text: &str) -> Result<PlanFile, Diagnostic> {
    use crate::store::parse;
    let mut f = match name {
        "PlanMeta" => PlanFile::Meta(Box::new(parse(path, text)?)),
        "Partner" => PlanFile::Entity(Entity::Partner(parse(path, text)?)),
        "Beneficiary" => PlanFile::Entity(Entity::Beneficiary(parse(path, text)?)),
        "FundingSource" => PlanFile::Entity(Entity::Funding(parse(path, text)?)),
        _ => PlanFile::Entity(Entity::Activity(parse(path, text)?)),
    };
    match &mut f {
        PlanFile::Meta(m) => m.normalize(),
        PlanFile::Entity(e) => e.normalize(),
    }
    Ok(f)
}

/// Reads a plan file whose kind its path does not tell; `path` only names it in the error,
/// which is the one for the kind the file most likely is.
pub fn read_plan_file(path: &str, text: &str) -> Result<PlanFile, Diagnostic> {
    const NAMES: [&str; 5] = [
        "Activity",
        "PlanMeta",
        "Partner",
        "Beneficiary",
        "FundingSource",
    ];
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match struct_name(text).filter(|n| NAMES.contains(n)) {
        Some(name) => parse_as(name, path, text),
        None => {
            // Unnamed: every type denies unknown fields, so at most one accepts the text.
            let mut first_error = None;
            for name in NAMES {
                match parse_as(name, path, text) {
                    Ok(f) => return Ok(f),
                    Err(d) => {
                        first_error.get_or_insert(d);
                    }
                }
            }
            // NAMES is not empty, so an error was kept; the fallback only satisfies the types.
            Err(first_error.unwrap_or_else(|| {
                Diagnostic::plan(
                    crate::check::Code::Syntax,
                    crate::said!("check-not-plan-file"),
                    crate::said!("check-syntax-hint"),
                )
            }))
        }
    }
}

/// Walks a tree and writes `path = value` lines.
struct Facts {
    root: Root,
    /// Field names from the root (they choose list rules).
    fields: Vec<String>,
    out: String,
}

impl Facts {
    fn line(&mut self, path: &str, v: &str) {
        let _ = writeln!(self.out, "{path} = {v}");
    }

    fn field(&mut self, path: &str, name: &str, v: &Value) {
        self.fields.push(name.to_owned());
        let p = if path.is_empty() {
            esc(&name)
        } else {
            format!("{path}.{}", esc(&name))
        };
        self.walk(&p, v);
        self.fields.pop();
    }

    fn walk(&mut self, path: &str, v: &Value) {
        match v {
            Value::Object(o) => match variant(v) {
                // `timing = Fixed`, then its fields under `timing.`, as the diff names them.
                Some((name, Value::Object(inner))) => {
                    self.line(path, name);
                    for (k, x) in inner {
                        self.field(path, k, x);
                    }
                }
                Some((name, inner)) => self.line(path, &format!("{name}({})", value(inner))),
                None => {
                    for (k, x) in o {
                        self.field(path, k, x);
                    }
                }
            },
            Value::Array(items) if items.is_empty() => self.line(path, "[]"),
            Value::Array(items) => match list_rule(self.root, &self.fields) {
                ListRule::Keyed(key) if unique_keys(items, key).is_some() => {
                    for item in items {
                        let k = key(item).unwrap_or_default();
                        let at = format!("{path}[{}]", esc(&k));
                        match item.as_object() {
                            // The key is in the path already; its own line would repeat it.
                            Some(o) => {
                                let key_value = Value::String(k);
                                let before = self.out.len();
                                for (f, x) in o.iter().filter(|(_, x)| **x != key_value) {
                                    self.field(&at, f, x);
                                }
                                if self.out.len() == before {
                                    self.line(&at, "()");
                                }
                            }
                            None => self.walk(&at, item),
                        }
                    }
                }
                ListRule::Keyed(_) | ListRule::Set => {
                    for item in items {
                        self.line(&format!("{path}[]"), &value(item));
                    }
                }
                ListRule::Sequence => {
                    for (i, item) in items.iter().enumerate() {
                        self.walk(&format!("{path}[{i}]"), item);
                    }
                }
            },
            leaf => self.line(path, &value(leaf)),
        }
    }
}

/// The file as facts, one per line in field order: `timing.start = "2026-06-30"`,
/// `dependencies[launch].lag = 2`, `tags[] = "meeting"`. Text is escaped, Arabic kept as is.
pub fn facts(f: &PlanFile) -> String {
    let (root, tree) = f.tree();
    let mut w = Facts {
        root,
        fields: Vec::new(),
        out: String::new(),
    };
    w.walk("", &tree);
    w.out
}

/// What changed from one version of a file to another (`None`: the file is absent there).
pub fn file_changes(a: &PlanFile, b: &PlanFile) -> Vec<FieldChange> {
    let ((ra, ta), (rb, tb)) = (a.tree(), b.tree());
    if ra != rb {
        return vec![FieldChange {
            path: FieldPath::new(vec![Seg::Field("(kind)".into())]),
            old: Some(Value::String(a.name())),
            new: Some(Value::String(b.name())),
        }];
    }
    delta::diff_tree(ra, Some(&ta), Some(&tb))
}

/// The title an entity is known by, for the added and removed lines.
fn title(f: &PlanFile) -> String {
    let t = match f {
        PlanFile::Meta(m) => &m.title,
        PlanFile::Entity(Entity::Activity(a)) => &a.title,
        PlanFile::Entity(Entity::Partner(p)) => &p.name,
        PlanFile::Entity(Entity::Beneficiary(b)) => &b.name,
        PlanFile::Entity(Entity::Funding(x)) => &x.title,
    };
    esc(&t.show(Lang::En))
}

/// The change to the file at `path` as text: `PATH: changed activity launch` and one line
/// per field, `PATH: added ...` or `PATH: removed ...` with the file's facts, or a note that
/// only the form changed.
pub fn file_diff_text(path: &str, a: Option<&PlanFile>, b: Option<&PlanFile>) -> String {
    let mut s = String::new();
    let path = esc(&path);
    let indented = |s: &mut String, facts: String, mark: &str| {
        for l in facts.lines() {
            let _ = writeln!(s, "  {mark} {l}");
        }
    };
    match (a, b) {
        (None, None) => {}
        (None, Some(b)) => {
            let _ = writeln!(s, "{path}: added {}: {}", b.name(), title(b));
            indented(&mut s, facts(b), "+");
        }
        (Some(a), None) => {
            let _ = writeln!(s, "{path}: removed {}: {}", a.name(), title(a));
            indented(&mut s, facts(a), "-");
        }
        (Some(a), Some(b)) => {
            let changes = file_changes(a, b);
            if changes.is_empty() {
                let _ = writeln!(s, "{path}: same content, written differently");
            } else {
                let _ = writeln!(s, "{path}: changed {}", b.name());
                // git's output is in English, like the rest of what git prints.
                let en = Messages::new(Lang::En);
                for c in &changes {
                    let _ = writeln!(s, "  {}: {}", esc(&c.path), change_text(c, &en));
                }
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAUNCH: &str = "Activity(id: \"launch\", title: Text(ar: \"إطلاق\", \
        en: \"Launch\\u{1b}[2J\"), kind: Milestone, timing: Fixed(start: \"2026-06-30\", \
        end: \"2026-06-30\"), dependencies: [Dependency(activity: \"pilot\", lag: 2)], \
        tags: [\"b\", \"a\"])";

    fn launch() -> PlanFile {
        read_plan_file("x.ron", LAUNCH).unwrap_or_else(|d| panic!("{d:?}"))
    }

    #[test]
    fn one_fact_per_line_in_field_order() {
        assert_eq!(
            facts(&launch()),
            "id = \"launch\"
title.ar = \"إطلاق\"
title.en = \"Launch\\u{1b}[2J\"
kind = \"Milestone\"
timing = Fixed
timing.start = \"2026-06-30\"
timing.end = \"2026-06-30\"
dependencies[pilot].kind = \"FS\"
dependencies[pilot].lag = 2
status = \"Planned\"
progress = 0
tags[] = \"a\"
tags[] = \"b\"
"
        );
    }

    #[test]
    fn the_kind_comes_from_the_content() {
        assert_eq!(
            struct_name("\u{feff} /* x */ #![enable(implicit_some)]\nPartner("),
            Some("Partner")
        );
        assert_eq!(struct_name("(id: \"x\")"), None);
        let unnamed = "(id: \"escwa\", name: (en: \"ESCWA\"), kind: Multilateral)";
        match read_plan_file("x.ron", unnamed) {
            Ok(PlanFile::Entity(Entity::Partner(p))) => assert_eq!(p.id.as_str(), "escwa"),
            other => panic!("{other:?}"),
        }
        let bad = read_plan_file("x.ron", "Activity(id: \"x\", bogus: 1)");
        assert!(bad.is_err_and(|d| d.message.contains("bogus")));
    }

    #[test]
    fn the_change_to_one_file() {
        let a = launch();
        let moved = LAUNCH.replace("2026-06-30", "2026-07-15");
        let b = read_plan_file("x.ron", &moved).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(
            file_diff_text("activities/launch.ron", Some(&a), Some(&b)),
            "activities/launch.ron: changed activity launch
  timing.start: \"2026-06-30\" -> \"2026-07-15\"
  timing.end: \"2026-06-30\" -> \"2026-07-15\"
"
        );
        let added = file_diff_text("activities/launch.ron", None, Some(&a));
        assert!(added.starts_with("activities/launch.ron: added activity launch: Launch\\u{1b}[2J\n  + id = \"launch\"\n"), "{added}");
        assert_eq!(
            file_diff_text("p.ron", Some(&a), Some(&a)),
            "p.ron: same content, written differently\n"
        );
    }
}
