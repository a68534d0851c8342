//! The two plans a verify walk holds (before and after the commit being judged) and the
//! check after each commit: errors told apart from those the first parent had, and a commit
//! that changed only fields no rule reads across entities checked on its own.

use super::verify::Finding;
use super::verify_state::{Blobs, State};
use super::{PlanRepo, RepoError};
use crate::check::{Code, Diagnostic, Subject, Unread};
use crate::model::{EntityKind, PLAN_FILE, Plan, Unit};
use crate::rights::Touched;
use crate::store::layout::{PlanPath, classify};
use git2::Oid;
use std::collections::HashSet;

/// The plans before and after the commit being judged, and the check errors after the last
/// commit judged.
pub(super) struct Walker {
    pub(super) before: State,
    pub(super) after: State,
    /// The errors after `after.at`, to tell them apart from the next commit's.
    pub(super) errors: Option<(Option<Oid>, Vec<Diagnostic>)>,
}

type ErrorKey = (crate::check::Code, String, String);

impl Walker {
    /// Puts both plans at `parent` (`None`: before the first commit). Along first parents
    /// they already are; after a jump (a side branch, the range's first commit) they are read
    /// again, from the blobs already parsed.
    pub(super) fn move_to(
        &mut self,
        repo: &PlanRepo,
        parent: Option<Oid>,
        blobs: &mut Blobs,
    ) -> Result<(), RepoError> {
        if self.after.at == parent && self.before.at == parent {
            return Ok(());
        }
        let mut state = State::empty();
        if let Some(p) = parent
            && let Some(tree) = repo.plan_tree(p)?
        {
            let changes = repo.tree_changes(None, Some(&tree), blobs)?;
            repo.apply_changes(&mut state, &changes, blobs)?;
        }
        state.at = parent;
        self.before = state.clone();
        self.after = state;
        self.errors = None;
        Ok(())
    }

    /// The check finding after the commit, if `check` fails.
    pub(super) fn check(&mut self, parent: Option<Oid>, touched: &[Touched]) -> Option<Finding> {
        let had = match self.errors.take() {
            Some((at, had)) if at == parent => had,
            _ => errors_of(&self.before),
        };
        let errors = match self.local_errors(&had, touched) {
            Some(errors) => errors,
            None => errors_of(&self.after),
        };
        let before: HashSet<ErrorKey> = had.iter().map(key).collect();
        self.errors = Some((self.after.at, errors.clone()));
        if errors.is_empty() {
            return None;
        }
        let (new, kept): (Vec<Diagnostic>, Vec<Diagnostic>) =
            errors.into_iter().partition(|d| !before.contains(&key(d)));
        Some(Finding::Check {
            new,
            kept: kept.len(),
        })
    }

    /// The errors after a commit that changed only fields of activities that no rule reads
    /// across entities (their progress, status, texts, tags): those before it, with each
    /// changed activity's own errors found again on it alone. `None` when the commit changed
    /// anything else, and the whole plan is checked. This keeps a long range of progress
    /// updates from checking a large plan once per commit.
    fn local_errors(&self, had: &[Diagnostic], touched: &[Touched]) -> Option<Vec<Diagnostic>> {
        const LOCAL_FIELDS: [&str; 7] = [
            "title",
            "description",
            "status",
            "progress",
            "outputs",
            "sdg_targets",
            "tags",
        ];
        const LOCAL_CODES: [Code; 3] = [Code::EmptyText, Code::BadValue, Code::BadId];
        if self.after.at.is_none() || !self.after.broken.is_empty() || touched.is_empty() {
            return None;
        }
        let mut ids = Vec::new();
        for t in touched {
            let Touched::Unit(
                u @ Unit::Entity {
                    kind: EntityKind::Activity,
                    id,
                },
            ) = t
            else {
                return None;
            };
            let (b, a) = (self.before.plan.unit(u), self.after.plan.unit(u));
            if b.is_none() || a.is_none() {
                return None;
            }
            let fields = crate::diff::changed_fields(b.as_ref(), a.as_ref());
            if !fields.iter().all(|f| LOCAL_FIELDS.contains(&f.as_str())) {
                return None;
            }
            // A cancelled activity is scheduled as taking no time: cancelling one, or taking
            // it back, can make or settle a date conflict elsewhere.
            let cancelled = |p: &Plan| {
                p.activities
                    .get(id)
                    .is_some_and(|a| a.status == crate::model::Status::Cancelled)
            };
            if cancelled(&self.before.plan) || cancelled(&self.after.plan) {
                return None;
            }
            ids.push(id.clone());
        }
        let mine = |d: &Diagnostic| {
            LOCAL_CODES.contains(&d.code)
                && matches!(&d.subject, Subject::Entity { entity: EntityKind::Activity, id } if ids.contains(id))
        };
        let mut out: Vec<Diagnostic> = had.iter().filter(|d| !mine(d)).cloned().collect();
        let mut alone = Plan::new(self.after.plan.meta.clone());
        for id in &ids {
            if let Some(a) = self.after.plan.activities.get(id) {
                alone.activities.insert(id.clone(), a.clone());
            }
        }
        out.extend(
            crate::check::check(&alone, &Unread::default())
                .into_iter()
                .filter(|d| d.is_error() && mine(d)),
        );
        crate::check::sort(&mut out);
        Some(out)
    }
}

fn key(d: &Diagnostic) -> ErrorKey {
    (d.code, d.path.clone(), d.message.english())
}

/// The errors of `check` on the plan of `state`, with the files that did not parse.
fn errors_of(state: &State) -> Vec<Diagnostic> {
    if state.at.is_none() {
        return Vec::new();
    }
    let unread = Unread {
        meta: !state.meta_read || state.broken.contains_key(PLAN_FILE),
        entities: state
            .broken
            .keys()
            .filter_map(|rel| match classify(rel) {
                Some(PlanPath::Entity(kind, stem)) => Some((kind, stem)),
                _ => None,
            })
            .collect(),
    };
    let mut out: Vec<Diagnostic> = state.broken.values().cloned().collect();
    out.extend(
        crate::check::check(&state.plan, &unread)
            .into_iter()
            .filter(Diagnostic::is_error),
    );
    // The dates the schedule cannot keep (E030), as `khutta check` reports them: they need
    // the calendars of a readable `plan.ron`.
    if !unread.meta {
        let schedule = crate::schedule::schedule(&state.plan);
        out.extend(
            crate::schedule::conflict_diagnostics(&state.plan, &schedule)
                .into_iter()
                .filter(Diagnostic::is_error),
        );
    }
    crate::check::sort(&mut out);
    out
}
