//! Merging two commits of the plan in-process (libgit2 runs no merge drivers): the plan by
//! entity and field, the repository's other files by libgit2; conflicts kept in the merge
//! state, the merge commit made only when none is left.

use super::merge_state::{self, MergeState, Pick, Resolution};
use super::{PlanRepo, RepoError, plan_to_tree};
use crate::diff::{self, Choice, Conflict, MergeResult};
use crate::model::Plan;
use git2::{Oid, Tree};

/// What a merge did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeStep {
    /// The merge commit was made.
    Committed(Oid),
    /// Conflicts remain; the work tree holds the merged plan with our values in them.
    Conflicts(usize),
}

/// Merges `theirs` into the current branch (at `ours`), writing the merged plan into the work
/// tree first and then committing, so that an interruption leaves at worst uncommitted files.
pub fn merge_commits(
    r: &PlanRepo,
    ours: Oid,
    theirs: Oid,
    label: &str,
) -> Result<MergeStep, RepoError> {
    let state = MergeState {
        ours: ours.to_string(),
        theirs: theirs.to_string(),
        label: label.to_owned(),
        resolutions: Vec::new(),
    };
    let result = compute(r, &state)?;
    let tree = merged_tree(r, ours, theirs, &result.merged)?;
    checkout(r, &tree)?;
    if result.conflicts.is_empty() {
        return commit_merge(r, &tree, ours, theirs, label).map(MergeStep::Committed);
    }
    merge_state::save(r, &state)?;
    Ok(MergeStep::Conflicts(result.conflicts.len()))
}

/// The merge of the state's commits with the recorded choices applied.
pub fn compute(r: &PlanRepo, state: &MergeState) -> Result<MergeResult, RepoError> {
    let (ours, theirs) = (oid(&state.ours)?, oid(&state.theirs)?);
    let o = r.plan_at(ours)?;
    let t = r.plan_at(theirs)?;
    // Without a common plan (both sides created it), every difference is an addition.
    let b = match r.repo.merge_base(ours, theirs) {
        Ok(base) if r.plan_tree(base)?.is_some() => r.plan_at(base)?,
        _ => Plan::new(o.meta.clone()),
    };
    let mut result = diff::merge(&b, &o, &t);
    for res in &state.resolutions {
        if let Some(i) = result.conflicts.iter().position(|c| same(c, res)) {
            let choice = match &res.pick {
                Pick::Ours => Choice::Ours,
                Pick::Theirs => Choice::Theirs,
                Pick::Base => Choice::Base,
                Pick::Value(v) => Choice::Value(v.clone()),
            };
            diff::resolve(&mut result, i, choice).map_err(|e| RepoError::Resolve(e.said()))?;
        }
    }
    // Choices can settle or create semantic problems: recompute those from the plan as it is.
    result
        .conflicts
        .retain(|c| c.kind != diff::ConflictKind::Semantic);
    let semantic = diff::semantic_conflicts(&b, &o, &t, &result.merged);
    result.conflicts.extend(
        semantic
            .into_iter()
            .filter(|c| !state.resolutions.iter().any(|r| same(c, r))),
    );
    Ok(result)
}

fn same(c: &Conflict, r: &Resolution) -> bool {
    c.target.to_string() == r.target && c.path.to_string() == r.path
}

fn oid(s: &str) -> Result<Oid, RepoError> {
    Oid::from_str(s).map_err(|_| RepoError::NoSuchRevision(s.to_owned()))
}

/// The tree of the merge: libgit2's merge of the whole repository, with the plan folder
/// replaced by the plan merged by meaning.
fn merged_tree<'r>(
    r: &'r PlanRepo,
    ours: Oid,
    theirs: Oid,
    plan: &Plan,
) -> Result<Tree<'r>, RepoError> {
    let repo = &r.repo;
    let (oc, tc) = (repo.find_commit(ours)?, repo.find_commit(theirs)?);
    let mut index = repo.merge_commits(&oc, &tc, None)?;
    let in_plan =
        |p: &str| r.prefix.is_empty() || p == r.prefix || p.starts_with(&format!("{}/", r.prefix));
    let mut others = Vec::new();
    let conflicted: Vec<String> = index
        .conflicts()?
        .filter_map(Result::ok)
        .filter_map(|c| {
            c.our
                .or(c.their)
                .or(c.ancestor)
                .map(|e| String::from_utf8_lossy(&e.path).into_owned())
        })
        .collect();
    for p in conflicted {
        if in_plan(&p) && p.ends_with(".ron") {
            index.conflict_remove(std::path::Path::new(&p))?;
        } else {
            others.push(p);
        }
    }
    if !others.is_empty() {
        return Err(RepoError::FileConflicts(others));
    }
    let whole = repo.find_tree(index.write_tree_to(repo)?)?;
    let keep = if r.prefix.is_empty() {
        Some(whole.clone())
    } else {
        whole
            .get_path(std::path::Path::new(&r.prefix))
            .ok()
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok())
    };
    let plan_tree = plan_to_tree(repo, plan, keep.as_ref())?;
    let id = if r.prefix.is_empty() {
        plan_tree
    } else {
        let parts: Vec<&str> = r.prefix.split('/').collect();
        super::commit::graft(repo, Some(&whole), &parts, plan_tree)?
    };
    Ok(repo.find_tree(id)?)
}

/// Makes the work tree and index hold `tree`, refusing to overwrite local edits.
fn checkout(r: &PlanRepo, tree: &Tree) -> Result<(), RepoError> {
    r.repo.checkout_tree(
        tree.as_object(),
        Some(
            git2::build::CheckoutBuilder::new()
                .safe()
                .recreate_missing(true),
        ),
    )?;
    Ok(())
}

fn commit_merge(
    r: &PlanRepo,
    tree: &Tree,
    ours: Oid,
    theirs: Oid,
    label: &str,
) -> Result<Oid, RepoError> {
    let (author, committer) = r.signatures()?;
    let (oc, tc) = (r.repo.find_commit(ours)?, r.repo.find_commit(theirs)?);
    let message = format!("Merge {label}");
    Ok(r.repo.commit(
        Some("HEAD"),
        &author,
        &committer,
        &message,
        tree,
        &[&oc, &tc],
    )?)
}

/// The merge in progress with its current conflicts, if there is one.
pub fn in_progress(r: &PlanRepo) -> Result<Option<(MergeState, MergeResult)>, RepoError> {
    let Some(state) = merge_state::load(r)? else {
        return Ok(None);
    };
    let result = compute(r, &state)?;
    Ok(Some((state, result)))
}

/// Settles conflict `index` of the merge in progress with `pick`, and writes the plan.
pub fn resolve(r: &PlanRepo, index: usize, pick: Pick) -> Result<usize, RepoError> {
    let (mut state, result) = in_progress(r)?.ok_or(RepoError::NoMerge)?;
    let c = result.conflicts.get(index).ok_or_else(|| {
        RepoError::Resolve(crate::said!("resolve-no-such-conflict", number = index + 1))
    })?;
    state.resolutions.push(Resolution {
        target: c.target.to_string(),
        path: c.path.to_string(),
        pick,
    });
    let after = compute(r, &state)?;
    let tree = merged_tree(r, oid(&state.ours)?, oid(&state.theirs)?, &after.merged)?;
    force_plan_checkout(r, &tree)?;
    merge_state::save(r, &state)?;
    Ok(after.conflicts.len())
}

/// Makes the merge commit once no conflict is left.
pub fn finish(r: &PlanRepo) -> Result<Oid, RepoError> {
    let (state, result) = in_progress(r)?.ok_or(RepoError::NoMerge)?;
    if !result.conflicts.is_empty() {
        return Err(RepoError::ConflictsLeft(result.conflicts.len()));
    }
    let (ours, theirs) = (oid(&state.ours)?, oid(&state.theirs)?);
    let tree = merged_tree(r, ours, theirs, &result.merged)?;
    force_plan_checkout(r, &tree)?;
    let id = commit_merge(r, &tree, ours, theirs, &state.label)?;
    merge_state::clear(r)?;
    Ok(id)
}

/// Returns the plan to our commit and forgets the merge.
pub fn abort(r: &PlanRepo) -> Result<(), RepoError> {
    let state = merge_state::load(r)?.ok_or(RepoError::NoMerge)?;
    let ours = r.repo.find_commit(oid(&state.ours)?)?;
    force_plan_checkout(r, &ours.tree()?)?;
    merge_state::clear(r)
}

/// Writes the plan folder of `tree` over the work tree: during a merge the plan files are
/// khutta's to rewrite (they hold the merge's own, uncommitted result).
fn force_plan_checkout(r: &PlanRepo, tree: &Tree) -> Result<(), RepoError> {
    let mut co = git2::build::CheckoutBuilder::new();
    co.force().remove_untracked(false);
    if !r.prefix.is_empty() {
        co.path(&r.prefix);
    }
    r.repo.checkout_tree(tree.as_object(), Some(&mut co))?;
    Ok(())
}
