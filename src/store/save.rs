//! Writing a plan back: only the files whose content changed, each atomically, and never over
//! a file whose bytes are not what khutta last read there.
//!
//! Every write names the hash of the bytes it expects to replace ([`FileWrite::expected`]).
//! A file that someone else changed since (a sync in another terminal, an editor, a second
//! khutta) is left as it is and reported in [`SaveReport::changed_on_disk`], for the caller to
//! read and merge before saving again.

use super::read::content_hash;
use super::{LoadedPlan, StoreError, canonical_response, canonical_round, to_canonical};
use crate::model::{CONSULTATIONS_DIR, EntityKind, Id, Plan, RESPONSES_DIR, Unit, UnitValue};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// What a save wrote, removed and left alone, as paths relative to the plan folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Files written (created or changed).
    pub written: Vec<String>,
    /// Files removed (entities deleted or renamed away).
    pub removed: Vec<String>,
    /// Files whose bytes on disk were not those khutta last read: not written.
    pub changed_on_disk: Vec<String>,
    /// The hash of each file written (`None`: removed), for the next save's check.
    pub hashes: HashMap<String, Option<u64>>,
}

impl SaveReport {
    /// Whether nothing was written or removed.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty()
    }
}

/// One file a save makes hold a unit's value.
#[derive(Clone, Debug, PartialEq)]
pub struct FileWrite {
    /// The unit, which names the file.
    pub unit: Unit,
    /// What it holds after the save (`None`: the file is removed).
    pub value: Option<UnitValue>,
    /// Its canonical text (`None`: the file is removed).
    pub text: Option<String>,
    /// The hash of the bytes khutta last read in that file (`None`: no file was there).
    pub expected: Option<u64>,
}

impl FileWrite {
    /// The write that makes `unit`'s file hold what `plan` holds, over the bytes `loaded`
    /// last read there.
    pub fn of(loaded: &LoadedPlan, plan: &Plan, unit: &Unit) -> Result<FileWrite, StoreError> {
        Ok(FileWrite {
            unit: unit.clone(),
            value: plan.unit(unit),
            text: unit_text(plan, unit)?,
            expected: loaded.sources.hashes.get(&unit.to_string()).copied(),
        })
    }
}

/// The canonical text of what `unit` holds in `plan` (`None`: absent).
pub fn unit_text(plan: &Plan, unit: &Unit) -> Result<Option<String>, StoreError> {
    fn ser<T: Serialize>(path: String, v: &T) -> Result<Option<String>, StoreError> {
        to_canonical(v)
            .map(Some)
            .map_err(|source| StoreError::Serialize { path, source })
    }
    let path = unit.to_string();
    match unit {
        Unit::Plan => ser(path, &plan.meta),
        Unit::Governance => plan.governance.as_ref().map_or(Ok(None), |g| ser(path, g)),
        Unit::Entity { kind, id } => match kind {
            EntityKind::Activity => plan.activities.get(id).map_or(Ok(None), |a| ser(path, a)),
            EntityKind::Partner => plan.partners.get(id).map_or(Ok(None), |p| ser(path, p)),
            EntityKind::Beneficiary => plan
                .beneficiaries
                .get(id)
                .map_or(Ok(None), |b| ser(path, b)),
            EntityKind::Funding => plan.funding.get(id).map_or(Ok(None), |f| ser(path, f)),
        },
        Unit::Round { round } => plan
            .consultations
            .get(round)
            .map(|c| canonical_round(&c.round))
            .transpose(),
        Unit::Response { round, participant } => plan
            .consultations
            .get(round)
            .and_then(|c| c.responses.get(participant))
            .map(|r| canonical_response(round, r))
            .transpose(),
    }
}

/// The canonical text of one entity of `plan`, or of `plan.ron` when `entity` is `None`.
pub fn canonical_text(
    plan: &Plan,
    entity: Option<(EntityKind, &Id)>,
) -> Result<Option<String>, StoreError> {
    let unit = entity.map_or(Unit::Plan, |(k, id)| Unit::entity(k, id));
    unit_text(plan, &unit)
}

/// Writes and removes files under `root`: new and changed files first (`plan.ron`, entities,
/// rounds, then responses, so that a response's round exists first), then removals in the
/// other order (responses before their round). Each file is replaced atomically, the written
/// ones flushed to disk together (`atomic::replace_all`); a file whose bytes are not the
/// expected ones is left alone and reported.
pub fn write_files(root: &Path, writes: &[FileWrite]) -> Result<SaveReport, StoreError> {
    let mut report = SaveReport::default();
    let mut order: Vec<&FileWrite> = writes.iter().filter(|w| w.text.is_some()).collect();
    order.sort_by(|a, b| a.unit.cmp(&b.unit));
    let mut removals: Vec<&FileWrite> = writes.iter().filter(|w| w.text.is_none()).collect();
    removals.sort_by(|a, b| b.unit.cmp(&a.unit));
    // Each folder is synced once, after the last file renamed into or out of it: one journal
    // commit per folder instead of one per file.
    let mut folders: std::collections::BTreeSet<std::path::PathBuf> = Default::default();
    let mut to_write: Vec<(std::path::PathBuf, &str)> = Vec::new();
    let mut to_remove: Vec<&FileWrite> = Vec::new();
    // Folders already found real (every activity's file is in the same one).
    let mut real: std::collections::HashSet<std::path::PathBuf> = Default::default();
    for w in order.into_iter().chain(removals) {
        let rel = w.unit.to_string();
        let parent = Path::new(&rel).parent().map(Path::to_path_buf);
        if parent.as_ref().is_none_or(|p| !real.contains(p)) {
            real_folders(root, &rel)?;
            real.extend(parent);
        }
        let path = root.join(&rel);
        let (on_disk, bytes) = current(&path);
        let wanted = w.text.as_deref().map(str::as_bytes);
        if bytes.as_deref() == wanted {
            // Already as wanted (by us earlier, or by someone making the same change).
            report.hashes.insert(rel, on_disk);
            continue;
        }
        if on_disk != w.expected {
            report.changed_on_disk.push(rel);
            continue;
        }
        match &w.text {
            Some(text) => {
                if let Some(dir) = path.parent()
                    && folders.insert(dir.to_path_buf())
                {
                    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                        path: dir.into(),
                        source,
                    })?;
                }
                report
                    .hashes
                    .insert(rel.clone(), Some(content_hash(text.as_bytes())));
                report.written.push(rel);
                to_write.push((path, text));
            }
            None => to_remove.push(w),
        }
    }
    let batch: Vec<(&Path, &[u8])> = to_write
        .iter()
        .map(|(p, t)| (p.as_path(), t.as_bytes()))
        .collect();
    super::atomic::replace_all(&batch).map_err(|(path, source)| StoreError::Io { path, source })?;
    for w in to_remove {
        let rel = w.unit.to_string();
        let path = root.join(&rel);
        remove(root, &rel)?;
        folders.extend(path.parent().map(std::path::Path::to_path_buf));
        if let Unit::Round { round } = &w.unit {
            // Empty folders are invisible to git but would be read as a round without a file.
            let dir = root.join(CONSULTATIONS_DIR).join(round.as_str());
            let _ = std::fs::remove_dir(dir.join(RESPONSES_DIR));
            let _ = std::fs::remove_dir(dir);
        }
        report.hashes.insert(rel.clone(), None);
        report.removed.push(rel);
    }
    for dir in folders.iter().filter(|d| d.is_dir()) {
        super::atomic::sweep_stale(dir);
        super::sync_dir(dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            source,
        })?;
    }
    Ok(report)
}

/// Refuses a path whose folders under `root` are not real folders (a link, a file): a
/// partner's commit that turns `activities/` into a link must never make khutta write
/// outside the plan folder. Missing folders are fine: they are created as real ones.
pub(super) fn real_folders(root: &Path, rel: &str) -> Result<(), StoreError> {
    let mut path = root.to_path_buf();
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    for part in parts {
        path.push(part);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.file_type().is_dir() => {
                return Err(StoreError::NotAFolder { path });
            }
            Ok(_) => {}
            Err(_) => return Ok(()),
        }
    }
    Ok(())
}

/// The hash of the regular file at `path` and its bytes (`None`: no file). Anything else in its
/// place (a link, a folder) has no bytes khutta reads, so it never matches an expected hash.
pub(super) fn current(path: &Path) -> (Option<u64>, Option<Vec<u8>>) {
    match std::fs::symlink_metadata(path) {
        Err(_) => (None, None),
        Ok(m) if !m.file_type().is_file() => (Some(0), None),
        Ok(_) => match super::read_bounded(path, super::MAX_FILE_BYTES) {
            Ok(b) => (Some(content_hash(&b)), Some(b)),
            Err(_) => (Some(0), None),
        },
    }
}

impl LoadedPlan {
    /// Records what a save wrote: those units now hold the saved values, with the new hashes,
    /// and the problems once found in their files are gone with the old bytes.
    pub(crate) fn record_saved(&mut self, writes: &[FileWrite], report: &SaveReport) {
        for w in writes {
            let rel = w.unit.to_string();
            let Some(hash) = report.hashes.get(&rel) else {
                continue;
            };
            match hash {
                Some(h) => self.sources.hashes.insert(rel.clone(), *h),
                None => self.sources.hashes.remove(&rel),
            };
            self.diagnostics.retain(|d| d.path != rel);
            let src = &mut self.sources;
            let present = w.value.is_some();
            match &w.unit {
                Unit::Plan => self.meta_readable = true,
                Unit::Governance => {}
                Unit::Entity { kind, id } => {
                    src.unreadable.remove(&(*kind, id.to_string()));
                    if present {
                        src.files.insert((*kind, id.clone()));
                    } else {
                        src.files.remove(&(*kind, id.clone()));
                    }
                }
                Unit::Round { round } => {
                    src.unreadable_consultations.remove(&rel);
                    if present {
                        src.rounds.insert(round.clone(), rel.clone());
                    } else {
                        src.rounds.remove(round);
                    }
                }
                Unit::Response { round, participant } => {
                    src.unreadable_consultations.remove(&rel);
                    let key = (round.clone(), participant.clone());
                    if present {
                        src.responses.insert(key, rel.clone());
                    } else {
                        src.responses.remove(&key);
                    }
                }
            }
            self.plan.set_unit(&w.unit, w.value.clone());
        }
    }
}

/// Saves `plan` over the folder `loaded` was read from, writing only the files whose units
/// differ from `loaded.plan`, and updates `loaded` to what was saved. Files changed on disk
/// since `loaded` was read are left alone and reported.
pub fn save(loaded: &mut LoadedPlan, plan: &Plan) -> Result<SaveReport, StoreError> {
    let units = loaded.plan.differing_units(plan);
    if units.contains(&Unit::Plan) && !loaded.meta_readable {
        return Err(StoreError::MetaUnreadable);
    }
    let writes = units
        .iter()
        .map(|u| FileWrite::of(loaded, plan, u))
        .collect::<Result<Vec<_>, _>>()?;
    let report = write_files(&loaded.root, &writes)?;
    loaded.record_saved(&writes, &report);
    Ok(report)
}

/// Removes a file; the caller syncs its folder.
fn remove(root: &Path, rel: &str) -> Result<(), StoreError> {
    let path = root.join(rel);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io { path, source }),
    }
}

/// Writes a whole plan into an empty or new folder (for `init` and generated plans).
pub fn write_new_plan(root: &Path, plan: &Plan) -> Result<SaveReport, StoreError> {
    write_new_plan_texts(root, plan).map(|(report, _)| report)
}

/// [`write_new_plan`], also giving each file written (its path in the plan folder and its
/// text), so that a caller can commit them without reading them back.
pub fn write_new_plan_texts(root: &Path, plan: &Plan) -> Result<(SaveReport, Texts), StoreError> {
    write_new_plan_alongside(root, plan, |_| ()).map(|(report, texts, ())| (report, texts))
}

/// Each file a new plan's write made: its path in the plan folder and its text.
type Texts = Vec<(String, String)>;

/// [`write_new_plan_texts`], running `alongside` on a second thread with the bytes of every
/// file (in the order of the texts returned) while the files are written and flushed: `init`
/// packs them into git's object database there, so that the CPU work of the pack overlaps the
/// disk work of the files.
pub fn write_new_plan_alongside<T: Send>(
    root: &Path,
    plan: &Plan,
    alongside: impl FnOnce(&[&[u8]]) -> T + Send,
) -> Result<(SaveReport, Texts, T), StoreError> {
    std::fs::create_dir_all(root).map_err(|source| StoreError::Io {
        path: root.into(),
        source,
    })?;
    // What is written is the canonical text, whatever order the caller's lists are in, so
    // that a new plan passes `khutta fmt --check`.
    let mut plan = plan.clone();
    plan.normalize();
    let plan = &plan;
    // A folder that is not there holds no file to look at (a new plan's usually).
    let mut folders: HashMap<std::path::PathBuf, bool> = HashMap::new();
    let writes = plan
        .units()
        .iter()
        .map(|u| {
            let path = root.join(u.to_string());
            let folder = path.parent().unwrap_or(root).to_path_buf();
            let there = *folders
                .entry(folder)
                .or_insert_with_key(|f| std::fs::symlink_metadata(f).is_ok());
            Ok(FileWrite {
                unit: u.clone(),
                // Nothing reads a new plan's write back into a loaded plan: no copy of each
                // unit's value is needed.
                value: None,
                text: unit_text(plan, u)?,
                // A new plan replaces whatever stood in its place.
                expected: if there { current(&path).0 } else { None },
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    // `governance.ron` is one of the units, so its text is among the writes.
    let bytes: Vec<&[u8]> = writes
        .iter()
        .filter_map(|w| w.text.as_deref())
        .map(str::as_bytes)
        .collect();
    let (report, side) = std::thread::scope(|scope| {
        let side = scope.spawn(|| alongside(&bytes));
        let written = write_files(root, &writes);
        // A panic on the other thread is this thread's panic, as if `alongside` had run here.
        let side = side
            .join()
            .unwrap_or_else(|payload| std::panic::resume_unwind(payload));
        (written, side)
    });
    let report = report?;
    let texts: Texts = writes
        .into_iter()
        .filter_map(|w| Some((w.unit.to_string(), w.text?)))
        .collect();
    Ok((report, texts, side))
}
