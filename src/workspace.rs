//! A plan folder read and checked: what every command and the TUI start from.

use crate::check::{self, Diagnostic, Unread};
use crate::store::{self, LoadedPlan, StoreError};
use std::path::Path;

/// Every diagnostic for a loaded plan: what reading found plus every rule, located and sorted.
pub fn diagnostics(loaded: &LoadedPlan) -> Vec<Diagnostic> {
    let unread = Unread {
        meta: !loaded.meta_readable,
        entities: loaded.sources.unreadable.clone(),
    };
    let mut found = check::check(&loaded.plan, &unread);
    // Date conflicts and cycles through groups come out of scheduling, which needs the
    // calendars of plan.ron.
    if loaded.meta_readable {
        let schedule = crate::schedule::schedule(&loaded.plan);
        found.extend(crate::schedule::conflict_diagnostics(
            &loaded.plan,
            &schedule,
        ));
    }
    // The checks name files by id; an entity may live in a file named otherwise.
    for d in &mut found {
        if let check::Subject::Entity { entity, id } = &d.subject
            && let Some(rel) = loaded.sources.files.get(&(*entity, id.clone()))
        {
            d.path.clone_from(rel);
        }
    }
    store::locate_all(&loaded.root, &mut found);
    let mut all = loaded.diagnostics.clone();
    all.extend(found);
    check::sort(&mut all);
    all
}

/// Reads the plan at `root` and checks it.
pub fn check_folder(root: &Path) -> Result<(LoadedPlan, Vec<Diagnostic>), StoreError> {
    let loaded = store::load(root)?;
    let diagnostics = diagnostics(&loaded);
    Ok((loaded, diagnostics))
}
