//! Unsaved edits survive a crash, a killed terminal or a closed laptop: after every edit the
//! entities that differ from the files are written to a recovery file, and the next session
//! offers them back.

use super::app::{App, Effect};
use super::document::Document;
use crate::edit::{Change, Edit, Label};
use crate::model::{Entity, EntityKind, Id, PlanMeta};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What the recovery file holds: each changed entity's new value (`None`: deleted).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The plan folder the edits belong to.
    pub plan: String,
    /// `plan.ron`, when it changed.
    pub meta: Option<PlanMeta>,
    /// Changed entities.
    pub entities: Vec<(EntityKind, Id, Option<Entity>)>,
}

/// Where the recovery file of the plan at `root` lives: the user's state folder.
pub fn location(root: &Path, xdg_state_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    let base = match xdg_state_home.filter(|s| !s.is_empty()) {
        Some(x) => PathBuf::from(x),
        None => PathBuf::from(home?).join(".local").join("state"),
    };
    let abs = std::fs::canonicalize(root).ok()?;
    let key = xxhash_rust::xxh3::xxh3_128(abs.as_os_str().as_encoded_bytes());
    Some(
        base.join("khutta")
            .join("recovery")
            .join(format!("{key:032x}.json")),
    )
}

/// The unsaved changes of `doc`: only what its edits touched is compared.
pub fn unsaved(doc: &Document) -> Recovery {
    let mut touched: BTreeSet<(EntityKind, Id)> = BTreeSet::new();
    let mut meta_touched = false;
    for edit in doc.history.done() {
        for t in edit.touched() {
            match t {
                Some((k, id)) => {
                    touched.insert((k, id.clone()));
                }
                None => meta_touched = true,
            }
        }
    }
    let entities = touched
        .into_iter()
        .filter_map(|(k, id)| {
            let now = doc.plan.get(k, id.as_str());
            (now != doc.loaded.plan.get(k, id.as_str())).then_some((k, id, now))
        })
        .collect();
    let meta =
        (meta_touched && doc.plan.meta != doc.loaded.plan.meta).then(|| doc.plan.meta.clone());
    Recovery {
        plan: doc.loaded.root.display().to_string(),
        meta,
        entities,
    }
}

/// Writes the recovery file for `doc`, or removes it when nothing is unsaved.
pub fn write(path: &Path, doc: &Document) -> std::io::Result<()> {
    let r = unsaved(doc);
    if r.meta.is_none() && r.entities.is_empty() {
        return clear(path);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec(&r).map_err(std::io::Error::other)?;
    crate::store::write_atomic(path, &json)
}

/// Removes the recovery file.
pub fn clear(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The edit that brings the recovered changes back onto `doc`'s plan, if they still differ.
pub fn read(path: &Path, doc: &Document) -> Option<Edit> {
    let bytes = std::fs::read(path).ok()?;
    let r: Recovery = serde_json::from_slice(&bytes).ok()?;
    let plan = &doc.plan;
    let mut changes = Vec::new();
    if let Some(m) = r.meta.filter(|m| *m != plan.meta) {
        changes.push(Change::Meta {
            before: Box::new(plan.meta.clone()),
            after: Box::new(m),
        });
    }
    for (kind, id, value) in r.entities {
        let now = plan.get(kind, id.as_str());
        if now != value {
            changes.push(Change::Entity {
                kind,
                id,
                before: now.map(Box::new),
                after: value.map(Box::new),
            });
        }
    }
    (!changes.is_empty()).then(|| Edit {
        label: Label::Batch("recovered edits".into()),
        changes,
    })
}

/// Applies the recovered edit the user accepted.
pub fn restore(app: &mut App) -> Vec<Effect> {
    let Some(edit) = app.recovered.take() else {
        return Vec::new();
    };
    let n = edit.changes.len();
    super::editing::apply(app, Ok(edit));
    app.status = app.msg.count("tui-recovered", n);
    vec![Effect::WriteRecovery]
}
