//! Writing a plan back: only the files whose canonical text changed, each atomically.

use super::layout::PLAN_FILE;
use super::{LoadedPlan, StoreError, to_canonical, write_atomic};
use crate::model::{EntityKind, Id, Plan};
use serde::Serialize;
use std::path::Path;

/// What a save wrote and removed, as paths relative to the plan folder.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// Files written (created or changed).
    pub written: Vec<String>,
    /// Files removed (entities deleted or renamed away).
    pub removed: Vec<String>,
}

impl SaveReport {
    /// Whether nothing was written or removed.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty() && self.removed.is_empty()
    }
}

/// The canonical text of one entity of `plan`, or of `plan.ron` when `entity` is `None`.
pub fn canonical_text(
    plan: &Plan,
    entity: Option<(EntityKind, &Id)>,
) -> Result<Option<String>, StoreError> {
    fn ser<T: Serialize>(path: String, v: &T) -> Result<Option<String>, StoreError> {
        to_canonical(v)
            .map(Some)
            .map_err(|source| StoreError::Serialize { path, source })
    }
    let Some((kind, id)) = entity else {
        return ser(PLAN_FILE.into(), &plan.meta);
    };
    let path = kind.file_path(id);
    match kind {
        EntityKind::Activity => plan.activities.get(id).map_or(Ok(None), |a| ser(path, a)),
        EntityKind::Partner => plan.partners.get(id).map_or(Ok(None), |p| ser(path, p)),
        EntityKind::Beneficiary => plan
            .beneficiaries
            .get(id)
            .map_or(Ok(None), |b| ser(path, b)),
        EntityKind::Funding => plan.funding.get(id).map_or(Ok(None), |f| ser(path, f)),
    }
}

/// Saves `plan` over the folder `loaded` was read from, writing only what differs from
/// `loaded.plan`, and updates `loaded` to the saved state.
///
/// Files are written one by one, each atomically; the git commit is what makes a set of
/// changes one unit. An entity whose file was named differently from its id moves to
/// `<id>.ron`.
pub fn save(loaded: &mut LoadedPlan, plan: &Plan) -> Result<SaveReport, StoreError> {
    let root = loaded.root.clone();
    let mut report = SaveReport::default();
    if plan.meta != loaded.plan.meta {
        if !loaded.meta_readable {
            return Err(StoreError::MetaUnreadable);
        }
        write(&root, PLAN_FILE, canonical_text(plan, None)?, &mut report)?;
    }
    for kind in EntityKind::ALL {
        let (old_ids, new_ids) = (loaded.plan.ids(kind), plan.ids(kind));
        for id in &new_ids {
            let rel = kind.file_path(id);
            let source = loaded.sources.files.get(&(kind, id.clone())).cloned();
            // Comparing values first keeps a save of a large plan from serialising every entity.
            let moved = source.as_deref().is_some_and(|s| s != rel);
            if !same(&loaded.plan, plan, kind, id) || moved || source.is_none() {
                write(
                    &root,
                    &rel,
                    canonical_text(plan, Some((kind, id)))?,
                    &mut report,
                )?;
                loaded.sources.files.insert((kind, id.clone()), rel.clone());
                if let Some(src) = source.filter(|s| *s != rel) {
                    remove(&root, &src, &mut report)?;
                }
            }
        }
        for id in old_ids
            .iter()
            .filter(|id| !plan.contains(kind, id.as_str()))
        {
            if let Some(rel) = loaded.sources.files.remove(&(kind, id.clone())) {
                remove(&root, &rel, &mut report)?;
            }
        }
    }
    super::consult::save_consultations(loaded, plan, &mut report)?;
    loaded.plan = plan.clone();
    Ok(report)
}

/// Whether `a` and `b` hold the same entity `kind`/`id`.
fn same(a: &Plan, b: &Plan, kind: EntityKind, id: &Id) -> bool {
    match kind {
        EntityKind::Activity => a.activities.get(id) == b.activities.get(id),
        EntityKind::Partner => a.partners.get(id) == b.partners.get(id),
        EntityKind::Beneficiary => a.beneficiaries.get(id) == b.beneficiaries.get(id),
        EntityKind::Funding => a.funding.get(id) == b.funding.get(id),
    }
}

pub(super) fn write(
    root: &Path,
    rel: &str,
    text: Option<String>,
    report: &mut SaveReport,
) -> Result<(), StoreError> {
    let Some(text) = text else { return Ok(()) };
    let path = root.join(rel);
    if std::fs::read(&path).is_ok_and(|b| b == text.as_bytes()) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            path: dir.into(),
            source,
        })?;
    }
    write_atomic(&path, text.as_bytes()).map_err(|source| StoreError::Io { path, source })?;
    report.written.push(rel.to_owned());
    Ok(())
}

pub(super) fn remove(root: &Path, rel: &str, report: &mut SaveReport) -> Result<(), StoreError> {
    let path = root.join(rel);
    match std::fs::remove_file(&path) {
        Ok(()) => {
            if let Some(dir) = path.parent() {
                super::sync_dir(dir).map_err(|source| StoreError::Io {
                    path: dir.into(),
                    source,
                })?;
            }
            report.removed.push(rel.to_owned());
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io { path, source }),
    }
}

/// Writes a whole plan into an empty or new folder (for `init` and generated plans).
pub fn write_new_plan(root: &Path, plan: &Plan) -> Result<SaveReport, StoreError> {
    let mut report = SaveReport::default();
    std::fs::create_dir_all(root).map_err(|source| StoreError::Io {
        path: root.into(),
        source,
    })?;
    write(root, PLAN_FILE, canonical_text(plan, None)?, &mut report)?;
    for kind in EntityKind::ALL {
        for id in plan.ids(kind) {
            write(
                root,
                &kind.file_path(&id),
                canonical_text(plan, Some((kind, &id)))?,
                &mut report,
            )?;
        }
    }
    super::consult::write_all(root, plan, &mut report)?;
    Ok(report)
}
