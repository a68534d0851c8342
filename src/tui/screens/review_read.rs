//! What the Review screen reads on the repository worker (the plans at commits, who made the
//! commits of a range), and what it does with them when they arrive.

use super::review::{ReviewView, Revision, range, recompute, request};
use crate::diff::Author;
use crate::model::Plan;
use crate::repo::{CommitId, PlanRepo};
use crate::tui::action::Action;
use crate::tui::app::Effect;
use crate::tui::shared::Shared;
use std::path::Path;

/// Reads the plans at `commits` (on the worker).
pub fn read(root: &Path, commits: &[CommitId]) -> Action {
    let plans = match PlanRepo::open(root) {
        Ok(r) => commits
            .iter()
            .map(|c| (*c, r.plan_at(*c).map_err(|e| e.said())))
            .collect(),
        Err(e) => commits.iter().map(|c| (*c, Err(e.said()))).collect(),
    };
    Action::Revisions(Box::new(plans))
}

/// Plans arrived from the worker.
pub fn arrived(
    v: &mut ReviewView,
    sh: &mut Shared,
    plans: Vec<(CommitId, Result<Plan, crate::i18n::Said>)>,
) -> Vec<Effect> {
    v.loading = false;
    v.error = None;
    let wanted: Vec<CommitId> = [&v.old, &v.new]
        .into_iter()
        .flatten()
        .filter_map(Revision::commit)
        .collect();
    v.plans.retain(|(c, _)| wanted.contains(c));
    for (c, plan) in plans {
        match plan {
            Ok(p) if !v.plans.iter().any(|(k, _)| *k == c) => {
                v.plans.push((c, p));
            }
            Ok(_) => {}
            Err(e) => v.error = Some(e),
        }
    }
    // A choice made while the plans were read may need others.
    request(v, sh)
}

/// Who made the commits from `a` to `b` (on the worker).
pub fn read_authors(root: &Path, a: CommitId, b: CommitId) -> Action {
    let authors = PlanRepo::open(root)
        .and_then(|r| r.authors(a, b))
        .map_err(|e| e.said());
    Action::Authors(Box::new(((a, b), authors)))
}

/// The authors of a range arrived from the worker. A range no longer compared is kept for
/// when it is again; the review is recomputed when it is the one shown.
pub fn authors_arrived(
    v: &mut ReviewView,
    sh: &mut Shared,
    asked: (CommitId, CommitId),
    authors: Result<Vec<Author>, crate::i18n::Said>,
) -> Vec<Effect> {
    if v.reading_authors == Some(asked) {
        v.reading_authors = None;
    }
    match authors {
        Ok(list) => v.authors = Some((asked, list)),
        // The review stands without its authors; the reason is shown above it.
        Err(e) => v.error = Some(e),
    }
    if range(v) == Some(asked) && !v.loading {
        recompute(v, sh);
    }
    Vec::new()
}
