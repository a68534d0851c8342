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
