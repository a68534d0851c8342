//! One plan file on its own, as git sees it: written as one fact per line for git's textconv,
//! and compared with another version for an external diff (`repo::read_plan_file` reads it).

use super::path::{FieldPath, Seg};
use super::render::{change_text, esc, value};
use super::seq::item_segs;
use super::tree::{ListRule, Root, entity_tree, list_rule, meta_tree, unique_keys, variant};
use super::{FieldChange, delta};
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
                    // Named as the diff names them: a budget line by what it is.
                    let segs = item_segs(self.root, &self.fields, items);
                    for (seg, item) in segs.into_iter().zip(items) {
                        let at = FieldPath::new(vec![seg]).to_string();
                        self.walk(&format!("{path}{}", esc(&at)), item);
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
