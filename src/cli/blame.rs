//! `khutta blame ACTIVITY [--field FIELD]`: for each field of an activity, the commit, author
//! and date that last changed it; "who moved this milestone?".
//!
//! Without `--rev`, fields the working tree changed since HEAD are shown as not committed yet,
//! as `git blame` does.

use super::ui::{Cells, Ui};
use super::{CommandError, resolve_plan};
use khutta::diff::{field_units, render};
use khutta::i18n::{Messages, Said};
use khutta::model::{Activity, Entity, EntityKind, Id};
use khutta::repo::{FieldBlame, PlanRepo, RepoError, SignatureState};
use khutta::said;
use khutta::text::{Align, escape_controls, str_width};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `khutta blame`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's id.
    activity: String,
    /// Only this field: `timing`, `title` or `title.ar`, `dependencies` or
    /// `dependencies[launch]`, `tags[meeting]`.
    #[arg(long, value_name = "FIELD")]
    field: Option<String>,
    /// As of this revision (default: HEAD, with the working tree's uncommitted changes).
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// One line of the answer: a committed field, or one the working tree changed.
struct Row {
    field: String,
    value: Option<Value>,
    /// `None`: not committed yet.
    by: Option<FieldBlame>,
}

/// The activity as the working tree has it: `Ok(None)` when its file is gone.
fn working_copy(root: &Path, id: &Id) -> Result<Option<Vec<(String, Value)>>, Said> {
    let path = root.join(EntityKind::Activity.file_path(id));
    let bytes = match khutta::store::read_bounded(&path, khutta::store::MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        // The path and the system's own words.
        Err(e) => {
            return Err(khutta::said!(
                "store-io",
                path = &path.display().to_string(),
                detail = &e.to_string()
            ));
        }
    };
    let rel = EntityKind::Activity.file_path(id);
    let text = khutta::store::decode(&rel, &bytes).map_err(|d| d.message)?;
    let mut a = khutta::store::parse::<Activity>(&rel, text).map_err(|d| {
        said!(
            "blame-at",
            path = &rel,
            line = &d.line,
            col = &d.col,
            message = d.message
        )
    })?;
    a.normalize();
    Ok(Some(field_units(&Entity::Activity(a))))
}

/// HEAD's answer with the working tree's changes laid over it.
fn overlay(
    committed: Vec<FieldBlame>,
    working: Vec<(String, Value)>,
    field: Option<&str>,
) -> Vec<Row> {
    let selected = |name: &str| {
        field.is_none_or(|f| {
            name == f
                || name
                    .strip_prefix(f)
                    .is_some_and(|r| r.starts_with('.') || r.starts_with('['))
        })
    };
    let mut by_name: HashMap<String, FieldBlame> = committed
        .iter()
        .map(|b| (b.field.clone(), b.clone()))
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    for (name, value) in working.into_iter().filter(|(n, _)| selected(n)) {
        let by = by_name
            .remove(&name)
            .filter(|b| b.value.as_ref() == Some(&value));
        rows.push(Row {
            field: name,
            value: Some(value),
            by,
        });
    }
    // What HEAD has and the working tree removed; an absent field asked for by name stays
    // as HEAD blamed it.
    for b in committed
        .into_iter()
        .filter(|b| by_name.contains_key(&b.field))
    {
        let gone = b.value.is_some();
        rows.push(Row {
            field: b.field.clone(),
            value: None,
            by: (!gone).then_some(b),
        });
    }
    rows
}

/// A commit's signature for JSON: its kind, the person or key, and the words in English.
fn signature_json(s: &SignatureState) -> Value {
    let mut v = json!({"state": s.kind(), "text": s.said().english()});
    match s {
        SignatureState::Known {
            person,
            email,
            partner,
        } => {
            v["person"] = json!(person);
            v["email"] = json!(email);
            v["partner"] = json!(partner);
        }
        SignatureState::UnknownKey { fingerprint } => v["fingerprint"] = json!(fingerprint),
        SignatureState::Unsigned | SignatureState::Bad { .. } => {}
    }
    v
}

fn date(time: i64) -> String {
    chrono::DateTime::from_timestamp(time, 0)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn shown(v: &Option<Value>, m: &Messages) -> String {
    v.as_ref()
        .map_or_else(|| m.get("blame-none").into_owned(), render::value)
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let id = Id::parse(&args.activity).map_err(|e| CommandError::Usage {
        message: said!(
            "blame-not-an-id",
            id = escape_controls(&args.activity).into_owned(),
            reason = e.said(),
        ),
        hint: Some(said!("blame-not-an-id-hint")),
    })?;
    let m = &ui.messages;
    let root = resolve_plan(None)?;
    let r = PlanRepo::discover(&root)?;
    let at = r.commit_of(args.rev.as_deref().unwrap_or("HEAD"))?;
    let field = args.field.as_deref();
    let committed = r.blame(at, &id, field);
    let working = match args.rev {
        Some(_) => None,
        None => match working_copy(&root, &id) {
            Ok(w) => w,
            Err(e) => {
                let problem = escape_controls(&e.show(m)).into_owned();
                let line = m.get_args(
                    "blame-working-copy-unreadable",
                    &[("problem", problem.into())],
                );
                let terminal = std::io::stderr().is_terminal();
                eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
                None
            }
        },
    };
    let rows = match (committed, working) {
        (Ok(c), Some(w)) => overlay(c, w, field),
        (Err(RepoError::NoSuchActivity { .. }), Some(w)) => overlay(Vec::new(), w, field),
        (Ok(c), None) => c
            .into_iter()
            .map(|b| Row {
                field: b.field.clone(),
                value: b.value.clone(),
                by: Some(b),
            })
            .collect(),
        (Err(e), _) => return Err(e.into()),
    };
    let signatures = khutta::repo::Signatures::new(&r, r.known_keys());
    let marks: Vec<Option<SignatureState>> = rows
        .iter()
        .map(|row| row.by.as_ref().map(|b| signatures.of(&r, b.commit)))
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => {
            let cells = Cells::new(ui, std::io::stdout().is_terminal());
            // Where no one signs and the plan knows no key, a column of "unsigned" says
            // nothing.
            let signing = signatures.knows_keys()
                || marks
                    .iter()
                    .flatten()
                    .any(|s| *s != SignatureState::Unsigned);
            let marks: Vec<Option<String>> = marks
                .iter()
                .map(|s| s.as_ref().filter(|_| signing).map(|s| s.said().show(m)))
                .collect();
            write!(out, "{}", text(&rows, &marks, m, &cells))?
        }
        Format::Json => {
            let fields: Vec<Value> = rows
                .iter()
                .zip(&marks)
                .map(|(row, mark)| {
                    let b = row.by.as_ref();
                    json!({
                        "field": row.field,
                        "value": row.value,
                        "commit": b.map(|b| b.commit.to_string()),
                        "author": b.map(|b| b.author.clone()),
                        "email": b.map(|b| b.email.clone()),
                        "date": b.map(|b| chrono::DateTime::from_timestamp(b.time, 0)
                            .map(|t| t.to_rfc3339())),
                        "summary": b.map(|b| b.summary.clone()),
                        "signature": mark.as_ref().map(signature_json),
                    })
                })
                .collect();
            let doc =
                json!({"activity": id.as_str(), "revision": at.to_string(), "fields": fields});
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).map_err(|e| CommandError::Internal(
                    khutta::said!("output-internal", reason = &e.to_string())
                ))?
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One aligned line per field: field, commit, author, date, the commit's signature (when
/// `marks` has any), value. Authors and values may be Arabic; columns are as wide as their
/// widest cell on screen.
fn text(rows: &[Row], marks: &[Option<String>], m: &Messages, cells: &Cells) -> String {
    let signed = marks.iter().any(Option::is_some);
    let table: Vec<Vec<String>> = rows
        .iter()
        .zip(marks)
        .map(|(row, mark)| {
            let mut cols = match &row.by {
                Some(b) => vec![
                    escape_controls(&row.field).into_owned(),
                    b.commit.to_string().chars().take(10).collect(),
                    escape_controls(&b.author).into_owned(),
                    date(b.time),
                ],
                None => vec![
                    escape_controls(&row.field).into_owned(),
                    m.get("blame-uncommitted").into_owned(),
                    m.get("blame-working-tree").into_owned(),
                    String::new(),
                ],
            };
            if signed {
                cols.push(escape_controls(mark.as_deref().unwrap_or("")).into_owned());
            }
            cols.push(shown(&row.value, m));
            cols
        })
        .collect();
    let mut widths = vec![0usize; if signed { 5 } else { 4 }];
    for c in &table {
        for (w, x) in widths.iter_mut().zip(c) {
            *w = (*w).max(str_width(x));
        }
    }
    let mut s = String::new();
    for cols in table {
        let Some((v, padded)) = cols.split_last() else {
            continue;
        };
        let mut parts: Vec<String> = padded
            .iter()
            .zip(&widths)
            .map(|(c, w)| cells.pad(c, *w, Align::Left))
            .collect();
        parts.push(cells.last(v));
        let line = parts.join("  ");
        s.push_str(&cells.line(line));
        s.push('\n');
    }
    s
}
