//! The plan as a walk over commits holds it: one plan changed file by file as each commit's
//! tree differs from its parent's, never read whole again while the walk goes on along first
//! parents. Each blob is parsed once (a file that comes back to an earlier content is taken
//! from the cache), and a file that does not parse keeps its last readable value, with the
//! diagnostic that says why: the rights are then judged on what could be read, and the
//! failure is reported as the commit's check failure.

use super::raw_tree::RawTree;
use super::{PlanRepo, RepoError};
use crate::check::{Code, Diagnostic};
use crate::model::{
    Consultation, Entity, EntityKind, GOVERNANCE_FILE, Governance, Id, PLAN_FILE, Plan, PlanMeta,
    Response, Round, Unit,
};
use crate::rights::Touched;
use crate::said;
use crate::store::layout::{PlanPath, classify};
use git2::{Oid, Tree};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// What one blob parsed to.
#[derive(Clone, Debug)]
enum Parsed {
    Meta(Box<PlanMeta>),
    Governance(Box<Governance>),
    Entity(Box<Entity>),
    Round(Box<Round>),
    Response(Box<Response>),
    Failed(Box<Diagnostic>),
}

/// The plan at one commit of the walk.
#[derive(Clone, Debug)]
pub(super) struct State {
    /// The commit whose tree the plan is (`None`: before the first commit).
    pub(super) at: Option<Oid>,
    /// The plan; a file that failed to parse holds its last readable value.
    pub(super) plan: Plan,
    /// The files that failed to parse here, with why.
    pub(super) broken: BTreeMap<String, Diagnostic>,
    /// Whether `plan.ron` has been read at all.
    pub(super) meta_read: bool,
}

impl State {
    /// Before any commit: a plan with a placeholder `plan.ron`, no entities, no rules.
    pub(super) fn empty() -> State {
        let mut meta = crate::store::placeholder_meta();
        meta.normalize();
        State {
            at: None,
            plan: Plan::new(meta),
            broken: BTreeMap::new(),
            meta_read: false,
        }
    }
}

/// Parsed blobs by id, shared by the whole walk, and the entries of the folders last read.
#[derive(Default)]
pub(super) struct Blobs {
    parsed: HashMap<(Oid, u8), Parsed>,
    /// A folder's entries by the folder's id: each commit's folder of 10,000 activities is then
    /// read once, not again as the next commit's parent (libgit2 keeps no tree that large in
    /// its own cache).
    trees: HashMap<Oid, Rc<RawTree>>,
}

/// One file that differs between two trees: its path, its blob before and after (`None`:
/// absent on that side).
pub(super) type FileChange = (String, Option<Oid>, Option<Oid>);

/// How many folders' entries the walk keeps: a commit and its parent, with room for merges.
const TREES_KEPT: usize = 16;

impl PlanRepo {
    /// Applies the file changes of a tree diff to `state` (its `at` is the caller's to set);
    /// returns the files whose value changed.
    pub(super) fn apply_changes(
        &self,
        state: &mut State,
        changes: &[(String, Option<Oid>)],
        blobs: &mut Blobs,
    ) -> Result<Vec<Touched>, RepoError> {
        let mut touched = Vec::new();
        for (rel, blob) in changes {
            if let Some(t) = self.apply_file(state, rel, *blob, blobs)? {
                touched.push(t);
            }
        }
        touched.sort();
        touched.dedup();
        Ok(touched)
    }

    /// The plan files that differ between two trees of the plan folder: each path with its
    /// new blob (`None`: deleted). Subtrees with the same id are skipped whole, and the entries
    /// of two versions of a folder are joined in git's own order; libgit2's tree diff builds
    /// every entry's full path, which on a folder of 10,000 activities cost more than the rest
    /// of a commit's verification.
    pub(super) fn tree_changes(
        &self,
        old: Option<&Tree>,
        new: Option<&Tree>,
        blobs: &mut Blobs,
    ) -> Result<Vec<(String, Option<Oid>)>, RepoError> {
        let mut out = Vec::new();
        let (old, new) = (old.map(Tree::id), new.map(Tree::id));
        self.join_trees("", old, new, false, blobs, &mut out)?;
        Ok(out.into_iter().map(|(rel, _, new)| (rel, new)).collect())
    }

    /// The files that differ between two trees (by id) as git's tree diff lists them: each
    /// path with its blob on both sides, a file whose mode alone changed included. Folders
    /// with the same id on both sides are skipped whole.
    pub(super) fn file_changes(
        &self,
        old: Option<Oid>,
        new: Option<Oid>,
        blobs: &mut Blobs,
    ) -> Result<Vec<FileChange>, RepoError> {
        let mut out = Vec::new();
        if old != new {
            self.join_trees("", old, new, true, blobs, &mut out)?;
        }
        Ok(out)
    }

    /// The file at `path` (`a/b/c.ron`) under the tree `root`: its blob, `None` when there
    /// is none. The folders on the way are read through the walk's cache, and looked up in it
    /// by name in git's order.
    pub(super) fn entry_at(
        &self,
        root: Oid,
        path: &str,
        blobs: &mut Blobs,
    ) -> Result<Option<Oid>, RepoError> {
        let mut at = root;
        let mut parts = path.split('/').peekable();
        while let Some(name) = parts.next() {
            let folder = parts.peek().is_some();
            let items = self.entries(Some(at), blobs)?;
            // A folder is looked for as one, a file as a file: a folder where a file should be
            // holds no blob, and a file where a folder should be holds no path.
            let Some(i) = items.find(name.as_bytes(), folder) else {
                return Ok(None);
            };
            if !folder {
                return Ok(Some(items.id(i)));
            }
            at = items.id(i);
        }
        Ok(None)
    }

    /// The entry named `name` in the folder `folder`, file or folder, as git's lookup by name
    /// finds it: its id.
    pub(super) fn entry_in(
        &self,
        folder: Oid,
        name: &str,
        blobs: &mut Blobs,
    ) -> Result<Option<Oid>, RepoError> {
        let items = self.entries(Some(folder), blobs)?;
        let found = [false, true]
            .into_iter()
            .find_map(|folder| items.find(name.as_bytes(), folder));
        Ok(found.map(|i| items.id(i)))
    }

    /// The entries of the folder `id`, from the walk's cache or read now. The object is read
    /// from git's store as it is (see `raw_tree`); libgit2 reads it only when it is not a
    /// well-formed tree, to say what it is instead.
    fn entries(&self, id: Option<Oid>, blobs: &mut Blobs) -> Result<Rc<RawTree>, RepoError> {
        let Some(id) = id else {
            return Ok(Rc::new(RawTree::empty()));
        };
        if let Some(e) = blobs.trees.get(&id) {
            return Ok(e.clone());
        }
        let odb = self.repo.odb()?;
        let object = odb.read(id)?;
        let raw = match object.kind() {
            git2::ObjectType::Tree => RawTree::parse(object.data().to_vec()),
            _ => None,
        };
        let items = match raw {
            Some(raw) => raw,
            None => RawTree::of(&self.repo.find_tree(id)?),
        };
        let items = Rc::new(items);
        if blobs.trees.len() >= TREES_KEPT {
            blobs.trees.clear();
        }
        blobs.trees.insert(id, items.clone());
        Ok(items)
    }

    /// Joins the entries of two folders; `modes`: a file whose mode alone changed is a change.
    /// Only the entries between what both folders begin and end with are looked at.
    fn join_trees(
        &self,
        prefix: &str,
        old: Option<Oid>,
        new: Option<Oid>,
        modes: bool,
        blobs: &mut Blobs,
        out: &mut Vec<FileChange>,
    ) -> Result<(), RepoError> {
        let (a, b) = (self.entries(old, blobs)?, self.entries(new, blobs)?);
        let (ra, rb) = a.differing(&b);
        let (mut i, mut j) = (ra.start, rb.start);
        while i < ra.end || j < rb.end {
            // Names that are not UTF-8 are left out: no plan file has one.
            if i < ra.end && std::str::from_utf8(a.name(i)).is_err() {
                i += 1;
                continue;
            }
            if j < rb.end && std::str::from_utf8(b.name(j)).is_err() {
                j += 1;
                continue;
            }
            let order = match (i < ra.end, j < rb.end) {
                (true, true) => a.order(i, &b, j),
                (true, false) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            let (x, y) = match order {
                std::cmp::Ordering::Less => (Some(i), None),
                std::cmp::Ordering::Greater => (None, Some(j)),
                std::cmp::Ordering::Equal => (Some(i), Some(j)),
            };
            if x.is_some() {
                i += 1;
            }
            if y.is_some() {
                j += 1;
            }
            if let (Some(x), Some(y)) = (x, y)
                && a.id(x) == b.id(y)
                && a.is_folder(x) == b.is_folder(y)
                && (!modes || a.mode(x) == b.mode(y))
            {
                continue;
            }
            let name = match (x, y) {
                (Some(x), _) => a.name(x),
                (None, Some(y)) => b.name(y),
                (None, None) => continue,
            };
            let rel = format!("{prefix}{}", String::from_utf8_lossy(name));
            let folder =
                |t: &RawTree, e: Option<usize>| e.filter(|&e| t.is_folder(e)).map(|e| t.id(e));
            let file =
                |t: &RawTree, e: Option<usize>| e.filter(|&e| !t.is_folder(e)).map(|e| t.id(e));
            // A folder on either side is walked; a file on either side is a change.
            let (tx, ty) = (folder(&a, x), folder(&b, y));
            if tx.is_some() || ty.is_some() {
                self.join_trees(&format!("{rel}/"), tx, ty, modes, blobs, out)?;
            }
            let (fx, fy) = (file(&a, x), file(&b, y));
            if fx.is_some() || fy.is_some() {
                out.push((rel, fx, fy));
            }
        }
        Ok(())
    }

    /// Applies one file's new content (`None`: deleted) to the state.
    fn apply_file(
        &self,
        state: &mut State,
        rel: &str,
        blob: Option<Oid>,
        blobs: &mut Blobs,
    ) -> Result<Option<Touched>, RepoError> {
        let which = match rel {
            PLAN_FILE => 0u8,
            GOVERNANCE_FILE => 1,
            _ => match classify(rel) {
                Some(PlanPath::Entity(..)) => 2,
                Some(PlanPath::Round(_)) => 3,
                Some(PlanPath::Response(..)) => 4,
                Some(PlanPath::Plan) | None => return Ok(None),
            },
        };
        state.broken.remove(rel);
        let parsed = match blob {
            None => None,
            Some(oid) => Some(self.parse_blob(oid, rel, which, blobs)?),
        };
        if let Some(Parsed::Failed(d)) = parsed {
            // The last readable value stays; the failure is the commit's.
            state.broken.insert(rel.to_owned(), *d);
            return Ok(None);
        }
        let plan = &mut state.plan;
        let touched = match (classify(rel), parsed) {
            (_, Some(Parsed::Meta(m))) => {
                plan.meta = *m;
                state.meta_read = true;
                Touched::Unit(Unit::Plan)
            }
            (_, Some(Parsed::Governance(g))) => {
                plan.governance = Some(*g);
                Touched::Governance
            }
            (_, None) if rel == GOVERNANCE_FILE => {
                plan.governance = None;
                Touched::Governance
            }
            (_, None) if rel == PLAN_FILE => return Ok(None),
            (Some(PlanPath::Entity(kind, stem)), e) => {
                let id = Id::new_unchecked(stem.as_str());
                plan.take(kind, &stem);
                if let Some(Parsed::Entity(e)) = e {
                    plan.put(*e);
                }
                Touched::Unit(Unit::entity(kind, &id))
            }
            (Some(PlanPath::Round(folder)), r) => {
                let round = Id::new_unchecked(folder.as_str());
                match r {
                    Some(Parsed::Round(r)) => match plan.consultations.get_mut(&round) {
                        Some(c) => c.round = *r,
                        None => {
                            plan.consultations
                                .insert(round.clone(), Consultation::new(*r));
                        }
                    },
                    _ => {
                        plan.consultations.remove(&round);
                    }
                }
                Touched::Unit(Unit::Round { round })
            }
            (Some(PlanPath::Response(folder, stem)), r) => {
                let round = Id::new_unchecked(folder.as_str());
                let participant = Id::new_unchecked(stem.as_str());
                if let Some(c) = plan.consultations.get_mut(&round) {
                    c.responses.remove(&participant);
                    if let Some(Parsed::Response(r)) = r {
                        c.responses.insert(participant.clone(), *r);
                    }
                }
                Touched::Unit(Unit::Response { round, participant })
            }
            _ => return Ok(None),
        };
        Ok(Some(touched))
    }

    /// What a blob parses to, from the cache or parsed now.
    fn parse_blob(
        &self,
        oid: Oid,
        rel: &str,
        which: u8,
        blobs: &mut Blobs,
    ) -> Result<Parsed, RepoError> {
        if let Some(p) = blobs.parsed.get(&(oid, which)) {
            // An entity's id must be its file's name; the same bytes under another name are
            // parsed again below.
            let fits = match p {
                Parsed::Entity(e) => classify(rel)
                    .is_some_and(|c| matches!(c, PlanPath::Entity(_, s) if s == e.id().as_str())),
                _ => true,
            };
            if fits {
                return Ok(p.clone());
            }
        }
        let blob = self.repo.find_blob(oid)?;
        let parsed = match crate::store::decode(rel, blob.content()) {
            Err(d) => Parsed::Failed(Box::new(d)),
            Ok(text) => parse_text(rel, which, text),
        };
        blobs.parsed.insert((oid, which), parsed.clone());
        Ok(parsed)
    }
}

fn parse_text(rel: &str, which: u8, text: &str) -> Parsed {
    use crate::store::parse;
    let failed = |d| Parsed::Failed(Box::new(d));
    match which {
        0 => match parse::<PlanMeta>(rel, text) {
            Ok(mut m) => {
                m.normalize();
                Parsed::Meta(Box::new(m))
            }
            Err(d) => failed(d),
        },
        1 => match parse::<Governance>(rel, text) {
            Ok(mut g) => {
                g.normalize();
                Parsed::Governance(Box::new(g))
            }
            Err(d) => failed(d),
        },
        2 => {
            let Some(PlanPath::Entity(kind, stem)) = classify(rel) else {
                return failed(unreadable(rel));
            };
            let e = match kind {
                EntityKind::Activity => parse(rel, text).map(Entity::Activity),
                EntityKind::Partner => parse(rel, text).map(Entity::Partner),
                EntityKind::Beneficiary => parse(rel, text).map(Entity::Beneficiary),
                EntityKind::Funding => parse(rel, text).map(Entity::Funding),
            };
            match e {
                Ok(mut e) if e.id().as_str() == stem => {
                    e.normalize();
                    Parsed::Entity(Box::new(e))
                }
                Ok(e) => failed(Diagnostic::file(
                    Code::IdMismatch,
                    rel,
                    (1, 1),
                    said!(
                        "check-file-mismatch",
                        id = e.id(),
                        stem = &stem,
                        noun = crate::check::noun(kind)
                    ),
                    said!("check-file-mismatch-hint", id = e.id()),
                )),
                Err(d) => failed(d),
            }
        }
        3 => match parse::<Round>(rel, text) {
            Ok(mut r) => {
                r.normalize();
                Parsed::Round(Box::new(r))
            }
            Err(d) => failed(d),
        },
        _ => match parse::<Response>(rel, text) {
            Ok(mut r) => {
                r.normalize();
                Parsed::Response(Box::new(r))
            }
            Err(d) => failed(d),
        },
    }
}

fn unreadable(rel: &str) -> Diagnostic {
    Diagnostic::file(
        Code::Unreadable,
        rel,
        (1, 1),
        said!("check-unreadable", detail = "no content"),
        said!("check-unreadable-hint"),
    )
}
