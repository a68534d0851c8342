//! Merging two commits of the plan in-process (libgit2 runs no merge drivers): the plan by
//! entity and field, the repository's other files by libgit2; conflicts kept in the merge
//! state, the merge commit made only when none is left.

use super::by_hand::{self, Hands};
use super::merge_state::{self, MergeState, Pick, Resolution};
use super::{PlanRepo, RepoError};
use crate::diff::{self, Choice, Conflict, MergeResult};
use crate::model::{Entity, Plan};
use git2::{Oid, Tree};
use std::collections::HashMap;

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
    ours: impl Into<super::CommitId>,
    theirs: impl Into<super::CommitId>,
    label: &str,
) -> Result<MergeStep, RepoError> {
    let (ours, theirs) = (ours.into().oid(), theirs.into().oid());
    // Every file of the three sides is read: hashing each again cost as much as inflating it.
    super::history::read_objects_as_git_does();
    super::history::cache_large_trees();
    // A merge commit that cannot be signed is known before the work tree changes.
    super::signing::settings(&r.repo)?;
    let state = MergeState {
        ours: ours.to_string(),
        theirs: theirs.to_string(),
        label: label.to_owned(),
        resolutions: Vec::new(),
    };
    let started = std::time::Instant::now();
    let ms = |t: std::time::Instant| t.elapsed().as_millis() as u64;
    let mut parsed = HashMap::new();
    let result = compute_sharing(r, &state, &mut parsed)?;
    tracing::debug!(
        ms = ms(started),
        conflicts = result.conflicts.len(),
        "merge: computed"
    );
    let tree = merged_tree(r, ours, theirs, &result.merged, &parsed)?;
    tracing::debug!(ms = ms(started), "merge: tree written");
    let kind = super::oplog::OpKind::Sync {
        remote: label.split('/').next().unwrap_or(label).to_owned(),
    };
    super::oplog::record_checkout(r, kind, &r.repo.find_commit(ours)?.tree()?, &tree)?;
    checkout(r, &tree)?;
    tracing::debug!(ms = ms(started), "merge: work tree updated");
    if result.conflicts.is_empty() {
        return commit_merge(r, &tree, ours, theirs, label).map(MergeStep::Committed);
    }
    merge_state::save(r, &state)?;
    Ok(MergeStep::Conflicts(result.conflicts.len()))
}

/// The merge of the state's commits with the recorded choices applied.
pub(crate) fn compute(r: &PlanRepo, state: &MergeState) -> Result<MergeResult, RepoError> {
    compute_sharing(r, state, &mut HashMap::new())
}

/// [`compute`], each entity file that the three sides share parsed once, and every entity
/// parsed left in `parsed` (by blob) for the merged tree to keep the files it does not change.
fn compute_sharing(
    r: &PlanRepo,
    state: &MergeState,
    parsed: &mut HashMap<Oid, Entity>,
) -> Result<MergeResult, RepoError> {
    let (ours, theirs) = (oid(&state.ours)?, oid(&state.theirs)?);
    let started = std::time::Instant::now();
    let o = r.plan_at_sharing(ours, parsed)?;
    let t = r.plan_at_sharing(theirs, parsed)?;
    // Without a common plan (both sides created it), every difference is an addition.
    let b = match r.repo.merge_base(ours, theirs) {
        Ok(base) if r.plan_tree(base)?.is_some() => r.plan_at_sharing(base, parsed)?,
        _ => Plan::new(o.meta.clone()),
    };
    tracing::debug!(
        ms = started.elapsed().as_millis() as u64,
        files = parsed.len(),
        "merge: three plans read"
    );
    // Without choices, the semantic conflicts found below are all there is: the merge's own
    // check of the whole plan would be thrown away.
    let mut result = if state.resolutions.is_empty() {
        diff::merge_by_fields(&b, &o, &t)
    } else {
        diff::merge(&b, &o, &t)
    };
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
    // A problem that is still there stays a conflict, whatever was chosen: only a plan
    // without it (or `--force`) ends the merge.
    result
        .conflicts
        .retain(|c| c.kind != diff::ConflictKind::Semantic);
    result
        .conflicts
        .extend(diff::semantic_conflicts(&b, &o, &t, &result.merged));
    Ok(result)
}

fn same(c: &Conflict, r: &Resolution) -> bool {
    c.target.to_string() == r.target && c.path.to_string() == r.path
}

fn oid(s: &str) -> Result<Oid, RepoError> {
    Oid::from_str(s).map_err(|_| RepoError::NoSuchRevision(s.to_owned()))
}

/// The tree of the merge: the whole repository merged by files (`merge_tree`), with the plan
/// folder replaced by the plan merged by meaning.
fn merged_tree<'r>(
    r: &'r PlanRepo,
    ours: Oid,
    theirs: Oid,
    plan: &Plan,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Tree<'r>, RepoError> {
    let repo = &r.repo;
    let (oc, tc) = (repo.find_commit(ours)?, repo.find_commit(theirs)?);
    if let Some(id) = over_ours(r, &oc, &tc, plan, parsed)? {
        return Ok(repo.find_tree(id)?);
    }
    let whole = super::merge_tree::merged_files(r, &oc, &tc)?;
    let keep = if r.prefix.is_empty() {
        Some(whole.clone())
    } else {
        whole
            .get_path(std::path::Path::new(&r.prefix))
            .ok()
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok())
    };
    let plan_tree = super::plan_tree::plan_to_tree_reusing(repo, plan, keep.as_ref(), parsed)?;
    let id = if r.prefix.is_empty() {
        plan_tree
    } else {
        let parts: Vec<&str> = r.prefix.split('/').collect();
        super::commit::graft(repo, Some(&whole), &parts, plan_tree)?
    };
    Ok(repo.find_tree(id)?)
}

/// The tree of the merge written at once over our tree, when their changes are all inside
/// the plan folder and go into our tree as they are (`merge_tree::their_changes`): the same
/// tree as [`merged_tree`]'s other way, which writes our tree with their files first.
fn over_ours(
    r: &PlanRepo,
    oc: &git2::Commit,
    tc: &git2::Commit,
    plan: &Plan,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Option<Oid>, RepoError> {
    let repo = &r.repo;
    let Some(changes) = super::merge_tree::their_changes(repo, oc, tc)? else {
        return Ok(None);
    };
    let inside = format!("{}/", r.prefix);
    let mut overlay = super::plan_tree::Overlay::new();
    for c in changes {
        let rel = if r.prefix.is_empty() {
            Some(c.path.as_str())
        } else {
            c.path.strip_prefix(&inside)
        };
        let Some(rel) = rel else { return Ok(None) };
        overlay.insert(rel.to_owned(), c.now);
    }
    let Some(keep) = r.plan_tree(oc.id())? else {
        return Ok(None);
    };
    let Some(plan_tree) = super::plan_tree::plan_to_tree_over(repo, plan, &keep, &overlay, parsed)?
    else {
        return Ok(None);
    };
    if r.prefix.is_empty() {
        return Ok(Some(plan_tree));
    }
    let parts: Vec<&str> = r.prefix.split('/').collect();
    Ok(Some(super::commit::graft(
        repo,
        Some(&oc.tree()?),
        &parts,
        plan_tree,
    )?))
}

/// Makes the work tree and index hold `tree`, refusing to overwrite local edits; every file
/// is replaced whole (see `checkout`), so a kill never leaves one cut short.
fn checkout(r: &PlanRepo, tree: &Tree) -> Result<(), RepoError> {
    let head = r.repo.head()?.peel_to_tree()?;
    super::checkout::checkout(r, &head, tree)
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
    super::signing::write_commit(
        &r.repo,
        Some("HEAD"),
        &author,
        &committer,
        &message,
        tree,
        &[&oc, &tc],
    )
}

/// The merge in progress with its current conflicts, if there is one. A hand edit of a
/// conflicting field counts as settling it with the value written (not saved in the merge
/// state until a step is taken).
pub fn in_progress(r: &PlanRepo) -> Result<Option<(MergeState, MergeResult)>, RepoError> {
    let Some(state) = merge_state::load(r)? else {
        return Ok(None);
    };
    if finished(r, &state)? {
        merge_state::clear(r)?;
        return Ok(None);
    }
    let (state, _, result, _) = with_hands(r, state)?;
    Ok(Some((state, result)))
}

/// Whether HEAD is already the merge commit of `state` (a kill between the commit and
/// forgetting the merge state).
fn finished(r: &PlanRepo, state: &MergeState) -> Result<bool, RepoError> {
    let head = r.repo.head()?.peel_to_commit()?;
    let parents: Vec<String> = head.parent_ids().map(|p| p.to_string()).collect();
    Ok(parents == [state.ours.clone(), state.theirs.clone()])
}

/// The state with hand edits of conflicting fields taken as choices, what the merge wrote
/// before them, the merge with them, and the plan folder as it is.
fn with_hands(
    r: &PlanRepo,
    mut state: MergeState,
) -> Result<(MergeState, Plan, MergeResult, Hands), RepoError> {
    let wrote = compute(r, &state)?;
    let hands = by_hand::hands(r, &wrote.merged)?;
    let result = if by_hand::absorb(&mut state, &wrote, &hands) {
        compute(r, &state)?
    } else {
        wrote.clone()
    };
    Ok((state, wrote.merged, result, hands))
}

/// What a merge step did besides its own work.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stepped {
    /// Conflicts left after it.
    pub left: usize,
    /// Plan files changed by hand while the merge waited, left as the user made them (with
    /// the step's own change merged in where it had one).
    pub kept: Vec<String>,
}

/// Settles conflict `index` of the merge in progress with `pick`, and writes the plan.
pub fn resolve(r: &PlanRepo, index: usize, pick: Pick) -> Result<Stepped, RepoError> {
    let state = merge_state::load(r)?.ok_or(RepoError::NoMerge)?;
    let (mut state, wrote, result, hands) = with_hands(r, state)?;
    let c = result.conflicts.get(index).ok_or_else(|| {
        RepoError::Resolve(crate::said!("resolve-no-such-conflict", number = index + 1))
    })?;
    state.resolutions.push(Resolution {
        target: c.target.to_string(),
        path: c.path.to_string(),
        pick,
    });
    let after = compute(r, &state)?;
    let conflict = format!("{} {}", c.target, c.path);
    let kind = super::oplog::OpKind::Resolve { conflict };
    let kept = by_hand::write(r, kind, &hands, &wrote, &after.merged)?;
    let none = HashMap::new();
    let tree = merged_tree(
        r,
        oid(&state.ours)?,
        oid(&state.theirs)?,
        &after.merged,
        &none,
    )?;
    // The index holds the merge as it stands, as the merge's first checkout left it.
    let mut index = r.repo.index()?;
    index.read_tree(&tree)?;
    index.write()?;
    merge_state::save(r, &state)?;
    Ok(Stepped {
        left: after.conflicts.len(),
        kept,
    })
}

/// Makes the merge commit once no conflict is left; with `force`, also while problems that
/// only the combination has are left (semantic conflicts), which the commit message then
/// lists. Hand edits of other fields stay in the work tree, as changes to commit next.
pub fn finish(r: &PlanRepo, force: bool) -> Result<(super::CommitId, Stepped), RepoError> {
    let state = merge_state::load(r)?.ok_or(RepoError::NoMerge)?;
    let (state, wrote, result, hands) = with_hands(r, state)?;
    let semantic = |c: &Conflict| c.kind == diff::ConflictKind::Semantic;
    let blocking = result
        .conflicts
        .iter()
        .filter(|c| !(force && semantic(c)))
        .count();
    if blocking > 0 {
        return Err(RepoError::ConflictsLeft(blocking));
    }
    let (ours, theirs) = (oid(&state.ours)?, oid(&state.theirs)?);
    let tree = merged_tree(r, ours, theirs, &result.merged, &HashMap::new())?;
    let kind = super::oplog::OpKind::MergeCommit;
    let kept = by_hand::write(r, kind, &hands, &wrote, &result.merged)?;
    let mut label = state.label.clone();
    let known: Vec<String> = result
        .conflicts
        .iter()
        .filter_map(|c| c.problem.as_ref().map(|p| (c, p)))
        .map(|(c, p)| format!("- {} {}: {}", p.code, c.target, p.message.english()))
        .collect();
    if !known.is_empty() {
        // Recorded in the history, so that reviewers see the merge knew.
        label = format!(
            "{label}\n\nMerged with problems left, by choice:\n{}",
            known.join("\n")
        );
    }
    let id = commit_merge(r, &tree, ours, theirs, &label)?;
    reset_index(r, r.repo.find_commit(id)?.as_object())?;
    merge_state::clear(r)?;
    Ok((id.into(), Stepped { left: 0, kept }))
}

/// Returns the plan to our commit and forgets the merge; files changed by hand since keep
/// those changes.
pub fn abort(r: &PlanRepo) -> Result<Stepped, RepoError> {
    let state = merge_state::load(r)?.ok_or(RepoError::NoMerge)?;
    let ours = r.repo.find_commit(oid(&state.ours)?)?;
    let wrote = compute(r, &state)?.merged;
    let hands = by_hand::hands(r, &wrote)?;
    let target = r.plan_at(ours.id())?;
    let kept = by_hand::write(r, super::oplog::OpKind::MergeAbort, &hands, &wrote, &target)?;
    reset_index(r, ours.as_object())?;
    merge_state::clear(r)?;
    Ok(Stepped { left: 0, kept })
}

/// Makes the index hold the plan files of the commit `target`, as the files the step wrote
/// do: a hand edit shows as a change not staged, as after `git reset --merge`.
fn reset_index(r: &PlanRepo, target: &git2::Object) -> Result<(), RepoError> {
    let spec = if r.prefix.is_empty() {
        "*".to_owned()
    } else {
        format!("{}/*", r.prefix)
    };
    r.repo.reset_default(Some(target), [spec.as_str()])?;
    Ok(())
}

/// Entities that git left renamed two ways in the index (stock git's rename/rename, in a clone
/// whose partner merged with plain `git`): each with the path both sides started from and the
/// paths ours and theirs gave it, relative to the plan folder.
pub fn renamed_two_ways(r: &PlanRepo) -> Vec<(String, String, String)> {
    let Ok(index) = r.repo.index() else {
        return Vec::new();
    };
    let Ok(conflicts) = index.conflicts() else {
        return Vec::new();
    };
    let path = |e: &git2::IndexEntry| String::from_utf8_lossy(&e.path).into_owned();
    let (mut gone, mut ours, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    for c in conflicts.flatten() {
        match (&c.ancestor, &c.our, &c.their) {
            (Some(a), None, None) => gone.push(path(a)),
            (None, Some(o), None) => ours.push(path(o)),
            (None, None, Some(t)) => theirs.push(path(t)),
            _ => {}
        }
    }
    let folder = |p: &str| {
        p.rsplit_once('/')
            .map(|(d, _)| d.to_owned())
            .unwrap_or_default()
    };
    let in_plan = |p: &str| -> Option<String> {
        let rel = if r.prefix.is_empty() {
            p
        } else {
            p.strip_prefix(&r.prefix)?.strip_prefix('/')?
        };
        matches!(
            crate::model::Unit::from_path(rel),
            Some(crate::model::Unit::Entity { .. })
        )
        .then(|| rel.to_owned())
    };
    let mut out = Vec::new();
    for g in gone {
        let o = ours.iter().position(|x| folder(x) == folder(&g));
        let t = theirs.iter().position(|x| folder(x) == folder(&g));
        if let (Some(o), Some(t)) = (o, t) {
            let (o, t) = (ours.remove(o), theirs.remove(t));
            if let (Some(g), Some(o), Some(t)) = (in_plan(&g), in_plan(&o), in_plan(&t)) {
                out.push((g, o, t));
            }
        }
    }
    out
}
