//! Unsaved edits survive a crash, a killed terminal or a closed laptop: after every edit the
//! files that differ from the disk (entities, `plan.ron`, rounds, responses) are written to a
//! recovery file, each with what it held when the edits began, and the next session offers
//! them back, naming what and when. Bringing them back merges each with what its file holds
//! by then (see [`crate::document::Document::recover`]).

use super::app::{App, Effect};
use crate::document::{Document, Unsaved};
use crate::i18n::Arg;
use crate::model::{Entity, EntityKind, Id, PlanMeta, Unit, UnitValue};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The recovery file's format version; a file of an older version is read as that version.
const VERSION: u32 = 2;

/// What the recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct File {
    version: u32,
    /// The plan folder the edits belong to.
    plan: String,
    /// When the last edit was made, in local time, for the person deciding.
    when: String,
    /// Every file with unsaved edits.
    units: Vec<Unsaved>,
}

/// The first format: changed entities and `plan.ron`, without their bases.
#[derive(Deserialize)]
struct FileV1 {
    meta: Option<PlanMeta>,
    entities: Vec<(EntityKind, Id, Option<Entity>)>,
}

/// Unsaved edits found at start-up, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The files and their edits.
    pub unsaved: Vec<Unsaved>,
    /// When the last of them was made.
    pub when: String,
}

impl Found {
    /// The files, as the status line names them.
    pub fn names(&self) -> Vec<String> {
        self.unsaved
            .iter()
            .map(|u| super::disk_view::unit_name(&u.unit))
            .collect()
    }
}

/// Where the recovery file of the plan at `root` lives in khutta's state folder `state`.
pub fn location(root: &Path, state: &Path) -> Option<PathBuf> {
    let key = crate::store::path_key(root)?;
    Some(state.join("recovery").join(format!("{key}.json")))
}

/// Writes the recovery file for `doc`, or removes it when nothing is unsaved.
pub fn write(path: &Path, doc: &Document) -> std::io::Result<()> {
    let units = doc.unsaved_edits();
    if units.is_empty() {
        return clear(path);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = File {
        version: VERSION,
        plan: doc.loaded.root.display().to_string(),
        when: chrono::Local::now().format("%Y-%m-%d %H:%M").to_string(),
        units,
    };
    let json = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
    crate::store::write_atomic(path, &json)
}

/// Removes the recovery file.
pub fn clear(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The unsaved edits the recovery file keeps, if any still differ from the plan. A file that
/// cannot be read is moved aside (never deleted: it may be someone's work) and the error
/// names where it went.
pub fn read(path: &Path, doc: &Document) -> Result<Option<Found>, String> {
    let bytes = match crate::store::read_bounded(path, crate::store::MAX_STATE_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        // Left where it is, and said: it may hold someone's work.
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let found = match serde_json::from_slice::<File>(&bytes) {
        Ok(f) => Found {
            unsaved: f.units,
            when: f.when,
        },
        Err(e) => match serde_json::from_slice::<FileV1>(&bytes) {
            Ok(v1) => from_v1(v1, doc),
            Err(_) => {
                let aside = path.with_extension("json.unreadable");
                let moved = std::fs::rename(path, &aside);
                return Err(match moved {
                    Ok(()) => format!("{e}; kept as {}", aside.display()),
                    Err(m) => format!("{e}; {m}"),
                });
            }
        },
    };
    let unsaved: Vec<Unsaved> = found
        .unsaved
        .into_iter()
        .filter(|u| doc.plan.unit(&u.unit) != u.mine)
        .collect();
    Ok((!unsaved.is_empty()).then_some(Found {
        unsaved,
        when: found.when,
    }))
}

/// The first format kept no bases: the edited values are taken over what the files hold.
fn from_v1(v1: FileV1, doc: &Document) -> Found {
    let mut unsaved = Vec::new();
    if let Some(m) = v1.meta {
        unsaved.push(Unsaved {
            unit: Unit::Plan,
            base: doc.plan.unit(&Unit::Plan),
            mine: Some(UnitValue::Meta(Box::new(m))),
        });
    }
    for (kind, id, value) in v1.entities {
        let unit = Unit::entity(kind, &id);
        unsaved.push(Unsaved {
            base: doc.plan.unit(&unit),
            mine: value.map(|e| UnitValue::Entity(Box::new(e))),
            unit,
        });
    }
    Found {
        unsaved,
        when: String::new(),
    }
}

/// Brings back the recovered edits the user accepted.
pub fn restore(app: &mut App) -> Vec<Effect> {
    let Some(found) = app.recovered.take() else {
        return Vec::new();
    };
    match app.shared.doc.recover(found.unsaved) {
        Ok(r) => {
            app.shared.status = app.shared.msg.count("tui-recovered", r.units.len());
            if r.conflicts > 0 {
                let more = app.shared.msg.count("tui-disk-conflicts", r.conflicts);
                app.shared.status = format!("{}; {more}", app.shared.status);
            }
        }
        Err(e) => {
            app.shared.status = app.shared.msg.get_args(
                "tui-not-changed",
                &[("error", Arg::Text(e.said().show(&app.shared.msg).into()))],
            );
        }
    }
    vec![Effect::WriteRecovery]
}
