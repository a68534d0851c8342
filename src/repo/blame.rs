//! Who last changed each field of an activity: "who moved this milestone?".
//!
//! Each field (as [`field_units`] cuts an activity) is followed back from the starting commit
//! the way `git blame` follows a line: at each commit, a field whose value a parent shares is
//! handed to that parent (the first that shares it, those holding the file at the same path
//! asked first); a field no parent shares was changed by that commit. So a change made on
//! either side of a merge is credited to the commit that made it, never to the merge that
//! only brought it. Only the activity's own file is read, one blob per commit where it
//! changed, so the walk costs a tree lookup per commit of history.
//!
//! Renames: where a parent lacks the file, `follow.rs` says where it held the activity
//! instead: under the id a commit renamed it from, or, for a merge whose other side brought a
//! rename, under the id it had where the sides parted. The walk goes on there; the `id` field
//! is then blamed on the rename.

use super::follow::Memo;
use super::{PlanRepo, RepoError};
use crate::diff::field_units;
use crate::model::{Activity, Entity, EntityKind, Id};
use git2::{Commit, Oid, Sort};
use serde_json::Value;
use std::collections::HashMap;

/// The top-level fields of an activity, in file order: its id, then the fields the plan's
/// rules can grant (one list, `model::governance::entity_fields`, for both).
pub fn activity_fields() -> Vec<&'static str> {
    std::iter::once("id")
        .chain(
            crate::model::governance::entity_fields(crate::model::EntityKind::Activity)
                .iter()
                .copied(),
        )
        .collect()
}

/// The last change to one field of an activity.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldBlame {
    /// The field: `timing`, `title.ar`, `dependencies[launch]`, `tags[meeting]`.
    pub field: String,
    /// Its value at the starting commit (`None`: absent).
    pub value: Option<Value>,
    /// The commit that gave it that value.
    pub commit: super::CommitId,
    /// That commit's author.
    pub author: String,
    /// The author's e-mail address.
    pub email: String,
    /// When it was authored, as seconds since the epoch.
    pub time: i64,
    /// The commit message's first line.
    pub summary: String,
}

/// Fields still looking for their commit, at one path.
struct Work {
    path: String,
    units: Vec<usize>,
}

/// Whether the unit `name` belongs to the field `field` as the user wrote it: the unit
/// itself, or a top-level field holding it (`title` holds `title.ar`).
fn selects(field: &str, name: &str) -> bool {
    name == field
        || name
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

impl PlanRepo {
    /// The units of an activity file's blob, in field order; an unreadable version has none,
    /// so every field differs from it and the commit that repaired the file is the one blamed.
    fn units_in(&self, blob: Oid) -> Vec<(String, Value)> {
        let Ok(b) = self.repo.find_blob(blob) else {
            return Vec::new();
        };
        crate::store::decode("activity", b.content())
            .ok()
            .and_then(|t| crate::store::parse::<Activity>("activity", t).ok())
            .map(|mut a| {
                a.normalize();
                field_units(&Entity::Activity(a))
            })
            .unwrap_or_default()
    }

    /// The units of a blob by name.
    fn units_of(&self, blob: Oid) -> HashMap<String, Value> {
        self.units_in(blob).into_iter().collect()
    }

    /// Who last changed each field of `activity` as of commit `at`, in field order; with
    /// `field`, only that field (a top-level name such as `dependencies`, or one unit such as
    /// `dependencies[launch]`, also when it is absent now: then the commit that removed it).
    pub fn blame(
        &self,
        at: impl Into<super::CommitId>,
        activity: &Id,
        field: Option<&str>,
    ) -> Result<Vec<FieldBlame>, RepoError> {
        super::history::read_objects_as_git_does();
        let at = at.into().oid();
        let short = at.to_string().chars().take(10).collect::<String>();
        if let Some(f) = field {
            let top = f.split(['.', '[']).next().unwrap_or(f);
            if !activity_fields().contains(&top) {
                return Err(RepoError::NoSuchField {
                    field: f.to_owned(),
                    known: activity_fields(),
                });
            }
        }
        let start = self.repo.find_commit(at)?;
        let path = self.in_repo(&EntityKind::Activity.file_path(activity));
        let Some(blob) = self.blob_in(&mut Memo::new(), &start, &path)? else {
            return Err(RepoError::NoSuchActivity {
                id: activity.to_string(),
                rev: short,
            });
        };
        let mut units: Vec<(String, Option<Value>)> = self
            .units_in(blob)
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect();
        if let Some(f) = field {
            units.retain(|(k, _)| selects(f, k));
            if units.is_empty() {
                units.push((f.to_owned(), None));
            }
        }
        let found = self.walk(at, path, &units)?;
        let mut out = Vec::new();
        for ((name, value), commit) in units.into_iter().zip(found) {
            let c = self.repo.find_commit(commit)?;
            let author = c.author();
            out.push(FieldBlame {
                field: name,
                value,
                commit: commit.into(),
                author: author.name().unwrap_or("?").to_owned(),
                email: author.email().unwrap_or("").to_owned(),
                time: author.when().seconds(),
                summary: c.summary().ok().flatten().unwrap_or("").to_owned(),
            });
        }
        Ok(out)
    }

    /// The commit that last changed each of `units` (values as of `at`, file at `path`).
    fn walk(
        &self,
        at: Oid,
        path: String,
        units: &[(String, Option<Value>)],
    ) -> Result<Vec<Oid>, RepoError> {
        let mut found: Vec<Option<Oid>> = vec![None; units.len()];
        let mut pending: HashMap<Oid, Vec<Work>> = HashMap::new();
        pending.insert(
            at,
            vec![Work {
                path,
                units: (0..units.len()).collect(),
            }],
        );
        let mut parsed: HashMap<Oid, HashMap<String, Value>> = HashMap::new();
        let mut memo = Memo::indexed(self);
        let mut walk = self.repo.revwalk()?;
        walk.push(at)?;
        // Children before parents: everything handed to a commit arrives before it is visited.
        walk.set_sorting(Sort::TOPOLOGICAL)?;
        for oid in walk {
            if pending.is_empty() {
                break;
            }
            let oid = oid?;
            let Some(work) = pending.remove(&oid) else {
                continue;
            };
            let commit = self.repo.find_commit(oid)?;
            let parents: Vec<Commit> = commit.parents().collect();
            for Work {
                path,
                units: mut left,
            } in work
            {
                let here = self.blob_in(&mut memo, &commit, &path)?;
                // Parents holding the file where it is cost a tree lookup; a rename is looked
                // for only in the others, and only for what the first leave unexplained.
                let mut order = Vec::with_capacity(parents.len());
                for (n, p) in parents.iter().enumerate() {
                    order.push((
                        self.blob_in_parent(&mut memo, &commit, p, &path)?.is_none(),
                        n,
                    ));
                }
                order.sort();
                let mut handed: Vec<(Oid, String, Vec<usize>)> = Vec::new();
                for (moved, n) in order {
                    if left.is_empty() {
                        break;
                    }
                    let there = if !moved {
                        path.clone()
                    } else if let Some(t) =
                        self.path_in_parent(&mut memo, &commit, &parents, n, &path, 0)?
                    {
                        t
                    } else {
                        continue;
                    };
                    let Some(theirs) =
                        self.blob_in_parent(&mut memo, &commit, &parents[n], &there)?
                    else {
                        continue;
                    };
                    let (same, differ): (Vec<usize>, Vec<usize>) = if Some(theirs) == here {
                        (std::mem::take(&mut left), Vec::new())
                    } else {
                        let values = parsed
                            .entry(theirs)
                            .or_insert_with(|| self.units_of(theirs));
                        left.into_iter()
                            .partition(|&u| values.get(&units[u].0) == units[u].1.as_ref())
                    };
                    left = differ;
                    handed.push((parents[n].id(), there, same));
                }
                for u in left {
                    found[u] = Some(oid);
                }
                for (p, path, same) in handed.into_iter().filter(|(_, _, s)| !s.is_empty()) {
                    let list = pending.entry(p).or_default();
                    match list.iter_mut().find(|w| w.path == path) {
                        Some(w) => w.units.extend(same),
                        None => list.push(Work { path, units: same }),
                    }
                }
            }
        }
        memo.save(self)?;
        // Every unit ends at some commit: the walk reaches the file's first commit at worst.
        Ok(found.into_iter().map(|f| f.unwrap_or(at)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityPartner, BudgetLine, Dependency, Location, OrgRole, Text};

    #[test]
    fn the_field_list_is_the_model_s() {
        let mut a = Activity::new(Id::new_unchecked("x"), Text::new("أ", "a"), 1);
        // Every field away from its default, so that serde writes each of them.
        a.kind = crate::model::ActivityKind::Group;
        a.status = crate::model::Status::InProgress;
        a.progress = 10;
        a.description = Text::en("d");
        a.parent = Some(Id::new_unchecked("g"));
        a.dependencies = vec![Dependency {
            activity: Id::new_unchecked("y"),
            kind: Default::default(),
            lag: 0,
        }];
        a.lead = Some(Id::new_unchecked("p"));
        a.partners = vec![ActivityPartner {
            partner: Id::new_unchecked("p"),
            role: OrgRole::Implementing,
        }];
        a.beneficiaries = vec![Id::new_unchecked("b")];
        a.location = crate::store::parse::<Location>("l", "Location(country: \"EG\")").ok();
        a.calendar = Some(Id::new_unchecked("c"));
        a.budget = crate::store::parse::<Vec<BudgetLine>>(
            "b",
            "[BudgetLine(category: Staff, amount: \"1\", currency: \"USD\")]",
        )
        .unwrap_or_default();
        a.outputs = vec![Text::en("o")];
        a.sdg_targets = vec!["11.3".into()];
        a.tags = vec!["t".into()];
        let v = serde_json::to_value(&a).unwrap_or_default();
        let keys: Vec<&str> = v
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(keys, activity_fields());
    }

    #[test]
    fn a_field_selects_its_parts() {
        assert!(selects("title", "title.ar"));
        assert!(selects("dependencies", "dependencies[launch]"));
        assert!(selects("dependencies[launch]", "dependencies[launch]"));
        assert!(!selects("tag", "tags[x]"));
        assert!(!selects("title", "timing"));
    }
}
