//! A plan folder read and checked: what every command and the TUI start from.

use crate::check::{self, Diagnostic, Unread};
use crate::model::Plan;
use crate::schedule::Schedule;
use crate::store::{self, LoadedPlan, StoreError};
use std::path::Path;

/// Runs the rules and the scheduler over `plan` side by side, on two cores: neither needs
/// the other, and together they are most of the time it takes to open a large plan. The
/// diagnostics come unsorted and unlocated, with the schedule's date conflicts when `plan.ron`
/// was readable (they need its calendars).
pub(crate) fn check_and_schedule(plan: &Plan, unread: &Unread) -> (Vec<Diagnostic>, Schedule) {
    let (mut found, schedule) = std::thread::scope(|s| {
        let scheduling = s.spawn(|| crate::schedule::schedule(plan));
        let found = check::check(plan, unread);
        // A panic in the scheduler is a bug; it surfaces here as it would have inline.
        let schedule = scheduling
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (found, schedule)
    });
    if !unread.meta {
        found.extend(crate::schedule::conflict_diagnostics(plan, &schedule));
    }
    (found, schedule)
}

/// Every problem of `plan` as edited from `loaded`, and its schedule: what reading `loaded`'s
/// files found, and every rule over `plan`, each named by the file it is about; sorted, not
/// located (the CLI locates them, reading the files; the TUI shows the file). The CLI and the
/// TUI both go through here, so they name the same file for the same problem.
pub fn problems(plan: &Plan, loaded: &LoadedPlan, unread: &Unread) -> (Vec<Diagnostic>, Schedule) {
    let (mut found, schedule) = check_and_schedule(plan, unread);
    name_files(&mut found, loaded);
    let mut all = loaded.diagnostics.clone();
    all.extend(found);
    check::sort(&mut all);
    (all, schedule)
}

/// Names the file each of `found` is about: the checks name files by id, but a round or a
/// response read from disk is named by the file it came from.
pub(crate) fn name_files(found: &mut [Diagnostic], loaded: &LoadedPlan) {
    for d in found {
        let rel = match &d.subject {
            // An entity's file is always the one its id names, which is what the checks say.
            check::Subject::Entity { .. } => None,
            check::Subject::Round { round } => loaded.sources.rounds.get(round),
            check::Subject::Response { round, participant } => loaded
                .sources
                .responses
                .get(&(round.clone(), participant.clone())),
            check::Subject::Plan | check::Subject::File => None,
        };
        if let Some(rel) = rel {
            d.path.clone_from(rel);
        }
    }
}

/// Every diagnostic for a loaded plan and its schedule: what reading found plus every rule,
/// located and sorted.
pub fn analyse(loaded: &LoadedPlan) -> (Vec<Diagnostic>, Schedule) {
    let unread = Unread {
        meta: !loaded.meta_readable,
        entities: loaded.sources.unreadable.clone(),
    };
    let (mut all, schedule) = problems(&loaded.plan, loaded, &unread);
    store::locate_all(&loaded.root, &mut all);
    check::sort(&mut all);
    (all, schedule)
}

/// Every diagnostic for a loaded plan: what reading found plus every rule, located and sorted.
pub fn diagnostics(loaded: &LoadedPlan) -> Vec<Diagnostic> {
    analyse(loaded).0
}

/// Reads the plan at `root` (keeping what its files parse to in `cache_dir`, see
/// [`store::load_with_cache`]), checks it and schedules it: what opening a plan costs.
pub fn open_folder(
    root: &Path,
    cache_dir: Option<&Path>,
) -> Result<(LoadedPlan, Vec<Diagnostic>, Schedule), StoreError> {
    let loaded = store::load_with_cache(root, cache_dir)?;
    let (diagnostics, schedule) = analyse(&loaded);
    Ok((loaded, diagnostics, schedule))
}

/// Reads the plan at `root` (with the parse cache `cache_dir`) and checks it.
pub fn check_folder(
    root: &Path,
    cache_dir: Option<&Path>,
) -> Result<(LoadedPlan, Vec<Diagnostic>), StoreError> {
    let loaded = store::load_with_cache(root, cache_dir)?;
    let diagnostics = diagnostics(&loaded);
    Ok((loaded, diagnostics))
}
