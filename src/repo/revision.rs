//! The plan as it was at a commit: read from git's objects, never from the work tree.

use super::{PlanRepo, RepoError};
use crate::check::Diagnostic;
use crate::model::{
    CONSULTATIONS_DIR, Consultation, Entity, EntityKind, Plan, PlanMeta, RESPONSES_DIR, ROUND_FILE,
    Response, Round,
};
use crate::store::layout::{PlanPath, classify};
use git2::{ObjectType, Oid, Tree};
use std::collections::HashMap;

/// A plan file of a revision that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.said())]
pub struct RevisionError {
    /// The commit, abbreviated.
    pub rev: String,
    /// The problem in the file.
    pub diagnostic: Box<Diagnostic>,
}

impl RevisionError {
    /// The revision, the file's location and what is wrong there, in any reader's language.
    pub fn said(&self) -> crate::i18n::Said {
        let d = &self.diagnostic;
        crate::said!(
            "repo-revision-unreadable",
            rev = &self.rev,
            path = &d.path,
            line = &d.line,
            col = &d.col,
            problem = d.message.clone()
        )
    }
}

impl PlanRepo {
    /// The tree of the plan folder at `commit`, if the plan existed then.
    pub(crate) fn plan_tree(&self, commit: Oid) -> Result<Option<Tree<'_>>, RepoError> {
        let tree = self.repo.find_commit(commit)?.tree()?;
        if self.prefix.is_empty() {
            return Ok(Some(tree));
        }
        match tree.get_path(std::path::Path::new(&self.prefix)) {
            Ok(e) => Ok(e.to_object(&self.repo)?.into_tree().ok()),
            Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The plan at `commit`. A file that does not parse fails the whole read: a merge or a
    /// diff on a half-read plan would be wrong.
    pub fn plan_at(&self, commit: impl Into<super::CommitId>) -> Result<Plan, RepoError> {
        let commit = commit.into().oid();
        self.plan_at_sharing(commit, &mut HashMap::new())
    }

    /// The plans at two commits, each file that both hold unchanged parsed once: what a
    /// review of two nearby revisions costs is then about one plan's reading.
    pub fn plans_at(
        &self,
        a: impl Into<super::CommitId>,
        b: impl Into<super::CommitId>,
    ) -> Result<(Plan, Plan), RepoError> {
        let (a, b) = (a.into().oid(), b.into().oid());
        let mut parsed = HashMap::new();
        Ok((
            self.plan_at_sharing(a, &mut parsed)?,
            self.plan_at_sharing(b, &mut parsed)?,
        ))
    }

    /// The plan at `commit`, taking entities already parsed from `parsed` (by blob) and
    /// adding the ones it parses.
    pub(crate) fn plan_at_sharing(
        &self,
        commit: Oid,
        parsed: &mut HashMap<Oid, Entity>,
    ) -> Result<Plan, RepoError> {
        let short = commit.to_string().chars().take(10).collect::<String>();
        let tree = self
            .plan_tree(commit)?
            .ok_or_else(|| RepoError::NoPlanAt(short.clone()))?;
        let fail = |d: Diagnostic| {
            RepoError::Revision(RevisionError {
                rev: short.clone(),
                diagnostic: Box::new(d),
            })
        };
        let blob_text = |oid: Oid, rel: &str| -> Result<String, RepoError> {
            let blob = self.repo.find_blob(oid)?;
            crate::store::decode(rel, blob.content())
                .map(str::to_owned)
                .map_err(fail)
        };
        let meta_entry = tree
            .get_name(crate::model::PLAN_FILE)
            .ok_or_else(|| RepoError::NoPlanAt(short.clone()))?;
        let mut meta: PlanMeta = crate::store::parse(
            crate::model::PLAN_FILE,
            &blob_text(meta_entry.id(), crate::model::PLAN_FILE)?,
        )
        .map_err(fail)?;
        meta.normalize();
        let mut plan = Plan::new(meta);
        if let Some(entry) = tree.get_name(crate::model::GOVERNANCE_FILE) {
            let rel = crate::model::GOVERNANCE_FILE;
            let mut g: crate::model::Governance =
                crate::store::parse(rel, &blob_text(entry.id(), rel)?).map_err(fail)?;
            g.normalize();
            plan.governance = Some(g);
        }
        // Blobs are read here (a repository is not shared between threads); what is not
        // parsed yet is parsed on every core, as the store loads a folder.
        let mut unparsed: Vec<(Oid, EntityKind, String, String)> = Vec::new();
        for kind in EntityKind::ALL {
            let Some(dir) = tree
                .get_name(kind.dir())
                .and_then(|e| e.to_object(&self.repo).ok())
                .and_then(|o| o.into_tree().ok())
            else {
                continue;
            };
            for entry in dir.iter().filter(|e| e.kind() == Some(ObjectType::Blob)) {
                let Ok(name) = entry.name() else { continue };
                let rel = format!("{}/{name}", kind.dir());
                if !matches!(classify(&rel), Some(PlanPath::Entity(..))) {
                    continue;
                }
                // A blob's entity depends on its content and folder only.
                if let Some(e) = parsed.get(&entry.id()).filter(|e| e.kind() == kind) {
                    plan.put(e.clone());
                    continue;
                }
                let text = blob_text(entry.id(), &rel)?;
                unparsed.push((entry.id(), kind, rel, text));
            }
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
            .min(unparsed.len() / 64 + 1);
        let results = crate::store::parallel(&unparsed, threads, |(_, kind, rel, text)| {
            let mut e = match kind {
                EntityKind::Activity => crate::store::parse(rel, text).map(Entity::Activity),
                EntityKind::Partner => crate::store::parse(rel, text).map(Entity::Partner),
                EntityKind::Beneficiary => crate::store::parse(rel, text).map(Entity::Beneficiary),
                EntityKind::Funding => crate::store::parse(rel, text).map(Entity::Funding),
            }?;
            e.normalize();
            Ok(e)
        });
        for ((oid, ..), e) in unparsed.iter().zip(results) {
            let e = e.map_err(fail)?;
            parsed.insert(*oid, e.clone());
            plan.put(e);
        }
        self.read_consultations(&tree, &mut plan, &|rel, oid| {
            let text = blob_text(oid, rel)?;
            Ok(text)
        })
        .map_err(|e| match e {
            ReadError::Repo(e) => e,
            ReadError::Parse(d) => fail(d),
        })?;
        Ok(plan)
    }

    /// Reads `consultations/` of a plan tree into `plan`.
    fn read_consultations(
        &self,
        tree: &Tree,
        plan: &mut Plan,
        text: &dyn Fn(&str, Oid) -> Result<String, RepoError>,
    ) -> Result<(), ReadError> {
        let subtree = |t: &Tree, name: &str| {
            t.get_name(name)
                .and_then(|e| e.to_object(&self.repo).ok())
                .and_then(|o| o.into_tree().ok())
        };
        let Some(top) = subtree(tree, CONSULTATIONS_DIR) else {
            return Ok(());
        };
        for entry in top.iter().filter(|e| e.kind() == Some(ObjectType::Tree)) {
            let Ok(folder) = entry.name() else { continue };
            let Some(dir) = subtree(&top, folder) else {
                continue;
            };
            let Some(round_entry) = dir.get_name(ROUND_FILE) else {
                continue;
            };
            let rel = format!("{CONSULTATIONS_DIR}/{folder}/{ROUND_FILE}");
            let mut round: Round = crate::store::parse(&rel, &text(&rel, round_entry.id())?)
                .map_err(ReadError::Parse)?;
            round.normalize();
            let mut c = Consultation::new(round);
            for e in subtree(&dir, RESPONSES_DIR)
                .iter()
                .flat_map(|t| t.iter().collect::<Vec<_>>())
                .filter(|e| e.kind() == Some(ObjectType::Blob))
            {
                let Some(name) = e.name().ok().filter(|n| n.ends_with(".ron")) else {
                    continue;
                };
                let rel = format!("{CONSULTATIONS_DIR}/{folder}/{RESPONSES_DIR}/{name}");
                let mut r: Response =
                    crate::store::parse(&rel, &text(&rel, e.id())?).map_err(ReadError::Parse)?;
                r.normalize();
                c.responses.insert(r.participant.clone(), r);
            }
            plan.consultations.insert(c.round.id.clone(), c);
        }
        Ok(())
    }

    /// Writes the plan folder as it was at `commit` into the empty folder `dir`, a scratch copy
    /// to check a past revision as a folder is checked. Links, and names that could lead out
    /// of `dir`, are left out.
    pub fn write_plan_at(
        &self,
        commit: impl Into<super::CommitId>,
        dir: &std::path::Path,
    ) -> Result<(), RepoError> {
        let commit = commit.into().oid();
        let short = commit.to_string().chars().take(10).collect::<String>();
        let tree = self.plan_tree(commit)?.ok_or(RepoError::NoPlanAt(short))?;
        let mut failed = None;
        tree.walk(git2::TreeWalkMode::PreOrder, |folder, entry| {
            let Ok(name) = entry.name() else {
                return git2::TreeWalkResult::Skip;
            };
            let unsafe_name =
                name.is_empty() || name == "." || name == ".." || name.contains(['/', '\\', '\0']);
            if unsafe_name || entry.filemode() == 0o120_000 {
                return git2::TreeWalkResult::Skip;
            }
            if entry.kind() != Some(ObjectType::Blob) {
                return git2::TreeWalkResult::Ok;
            }
            let path = dir.join(folder).join(name);
            let written = self
                .repo
                .find_blob(entry.id())
                .map_err(RepoError::from)
                .and_then(|b| {
                    let io = |source| {
                        RepoError::Store(crate::store::StoreError::Io {
                            path: path.clone(),
                            source,
                        })
                    };
                    if let Some(parent) = path.parent() {
                        std::fs::create_dir_all(parent).map_err(io)?;
                    }
                    std::fs::write(&path, b.content()).map_err(io)
                });
            match written {
                Ok(()) => git2::TreeWalkResult::Ok,
                Err(e) => {
                    failed = Some(e);
                    git2::TreeWalkResult::Abort
                }
            }
        })
        .or_else(|e| if failed.is_some() { Ok(()) } else { Err(e) })?;
        failed.map_or(Ok(()), Err)
    }

    /// The commit a revision name (`HEAD`, a branch, a tag, an id) stands for; a name that is
    /// none of these but a baseline's stands for the baseline (`q1` for `baseline/q1`).
    pub fn commit_of(&self, rev: &str) -> Result<super::CommitId, RepoError> {
        let baseline = format!("refs/tags/{}{rev}", super::BASELINE_TAG_PREFIX);
        let obj = self
            .repo
            .revparse_single(rev)
            .or_else(|_| self.repo.revparse_single(&baseline))
            .map_err(|_| RepoError::NoSuchRevision(rev.to_owned()))?;
        Ok(obj
            .peel_to_commit()
            .map_err(|_| RepoError::NoSuchRevision(rev.to_owned()))?
            .id()
            .into())
    }
}

/// Writes `plan` as a tree of canonical files: the plan folder as it would be saved, with the
/// other files of `keep` (a plan folder's tree: `.gitattributes`, notes) carried over.
pub fn plan_to_tree(
    repo: &git2::Repository,
    plan: &Plan,
    keep: Option<&Tree>,
) -> Result<Oid, RepoError> {
    plan_to_tree_reusing(repo, plan, keep, &HashMap::new())
}

/// [`plan_to_tree`], keeping each entity file of `keep` whose blob is known (in `parsed`, by
/// blob) to hold what `plan` holds for it: a merge then writes only the files it changes,
/// instead of serializing and hashing every entity of a large plan again. A kept file may
/// be a partner's non-canonical text of the same value; it reads back the same.
pub(crate) fn plan_to_tree_reusing(
    repo: &git2::Repository,
    plan: &Plan,
    keep: Option<&Tree>,
    parsed: &HashMap<Oid, Entity>,
) -> Result<Oid, RepoError> {
    let mut root = repo.treebuilder(keep)?;
    let blob = |text: Option<String>| -> Result<Option<Oid>, RepoError> {
        text.map(|t| repo.blob(t.as_bytes()))
            .transpose()
            .map_err(RepoError::from)
    };
    if let Some(oid) = blob(crate::store::canonical_text(plan, None)?)? {
        root.insert(crate::model::PLAN_FILE, oid, 0o100644)?;
    }
    // The rules are written when the plan has them; a tree without them keeps what it held.
    if let Some(g) = &plan.governance {
        let text = crate::store::to_canonical(g).map_err(|source| {
            RepoError::Store(crate::store::StoreError::Serialize {
                path: crate::model::GOVERNANCE_FILE.to_owned(),
                source,
            })
        })?;
        root.insert(
            crate::model::GOVERNANCE_FILE,
            repo.blob(text.as_bytes())?,
            0o100644,
        )?;
    }
    for kind in EntityKind::ALL {
        let old = keep
            .and_then(|t| t.get_name(kind.dir()))
            .and_then(|e| e.to_object(repo).ok())
            .and_then(|o| o.into_tree().ok());
        let mut dir = repo.treebuilder(old.as_ref())?;
        // Entity files are rebuilt from the plan; anything else in the folder is kept.
        let held: Vec<(String, (Oid, i32))> = old
            .iter()
            .flat_map(|t| t.iter())
            .filter_map(|e| {
                e.name()
                    .ok()
                    .map(|n| (n.to_owned(), (e.id(), e.filemode())))
            })
            .filter(|(n, _)| n.ends_with(".ron"))
            .collect();
        let mut held: HashMap<String, (Oid, i32)> = held.into_iter().collect();
        for id in plan.ids(kind) {
            let name = format!("{id}.ron");
            // Kept: a plain file (as a merge writes them) whose blob holds this very entity.
            let kept = held.remove(&name).filter(|(oid, mode)| {
                *mode == 0o100_644 && parsed.get(oid).is_some_and(|e| holds(plan, kind, &id, e))
            });
            // A file kept stays in the builder as it was: inserting it again would look each
            // blob up once more, 10,000 times for a large plan.
            if kept.is_none()
                && let Some(oid) = blob(crate::store::canonical_text(plan, Some((kind, &id)))?)?
            {
                dir.insert(&name, oid, 0o100644)?;
            }
        }
        // Entity files of entities the plan no longer holds.
        for name in held.keys() {
            dir.remove(name)?;
        }
        if dir.is_empty() {
            if root.get(kind.dir())?.is_some() {
                root.remove(kind.dir())?;
            }
        } else {
            let oid = dir.write()?;
            root.insert(kind.dir(), oid, 0o040000)?;
        }
    }
    write_consultations(repo, &mut root, plan, keep)?;
    Ok(root.write()?)
}

/// Whether `plan` holds exactly `e` as its entity `id` of `kind`.
fn holds(plan: &Plan, kind: EntityKind, id: &crate::model::Id, e: &Entity) -> bool {
    match (kind, e) {
        (EntityKind::Activity, Entity::Activity(x)) => plan.activities.get(id) == Some(x),
        (EntityKind::Partner, Entity::Partner(x)) => plan.partners.get(id) == Some(x),
        (EntityKind::Beneficiary, Entity::Beneficiary(x)) => plan.beneficiaries.get(id) == Some(x),
        (EntityKind::Funding, Entity::Funding(x)) => plan.funding.get(id) == Some(x),
        _ => false,
    }
}

/// Rebuilds `consultations/` of a plan tree from `plan`; files that are not round folders
/// are kept, as in the entity folders.
fn write_consultations(
    repo: &git2::Repository,
    root: &mut git2::TreeBuilder,
    plan: &Plan,
    keep: Option<&Tree>,
) -> Result<(), RepoError> {
    let old = keep
        .and_then(|t| t.get_name(CONSULTATIONS_DIR))
        .and_then(|e| e.to_object(repo).ok())
        .and_then(|o| o.into_tree().ok());
    let mut top = repo.treebuilder(old.as_ref())?;
    let folders: Vec<String> = old
        .iter()
        .flat_map(|t| t.iter())
        .filter(|e| e.kind() == Some(ObjectType::Tree))
        .filter_map(|e| e.name().ok().map(str::to_owned))
        .collect();
    for f in folders {
        top.remove(&f)?;
    }
    for (id, c) in &plan.consultations {
        let mut dir = repo.treebuilder(None)?;
        let text = crate::store::canonical_round(&c.round)?;
        dir.insert(ROUND_FILE, repo.blob(text.as_bytes())?, 0o100644)?;
        let mut responses = repo.treebuilder(None)?;
        for (p, r) in &c.responses {
            let text = crate::store::canonical_response(id, r)?;
            responses.insert(format!("{p}.ron"), repo.blob(text.as_bytes())?, 0o100644)?;
        }
        if !responses.is_empty() {
            dir.insert(RESPONSES_DIR, responses.write()?, 0o040000)?;
        }
        top.insert(id.as_str(), dir.write()?, 0o040000)?;
    }
    if top.is_empty() {
        if root.get(CONSULTATIONS_DIR)?.is_some() {
            root.remove(CONSULTATIONS_DIR)?;
        }
    } else {
        root.insert(CONSULTATIONS_DIR, top.write()?, 0o040000)?;
    }
    Ok(())
}

/// Why a consultation file of a revision could not be read.
enum ReadError {
    Repo(RepoError),
    Parse(Diagnostic),
}

impl From<RepoError> for ReadError {
    fn from(e: RepoError) -> Self {
        ReadError::Repo(e)
    }
}
