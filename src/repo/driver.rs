//! git's drivers for plan files: the merge driver's merge of one file
//! (`khutta merge-driver %O %A %B %P`), and one plan file read as git hands it over to
//! textconv and the external diff.
//!
//! The glue between git's view (a path, three texts, a temporary file named after nothing)
//! and the semantic diff: parsing and canonical writing come from `store`, the merge and the
//! facts from `diff`, which stays free of both.
//!
//! git hands a textconv program a temporary file named after nothing, so the kind of entity
//! is read from the content: the RON struct name that starts every canonical file, or, for a
//! hand-written file without one, the first type that accepts it.

use crate::check::Diagnostic;
use crate::diff::{self, Conflict, PlanFile, Root, Side, merge_entity, merge_meta};
use crate::model::{
    Activity, Beneficiary, Entity, EntityKind, FundingSource, Id, Partner, PlanMeta, Response,
    Round,
};
use crate::store::layout::{PlanPath, classify};
use crate::store::{parse, to_canonical};

/// The merged text of one file and its conflicts.
#[derive(Clone, Debug, PartialEq)]
pub struct FileMerge {
    /// The merged file in canonical RON, with our values in conflicting fields.
    pub text: String,
    /// The conflicts, in field order; empty when the merge is clean.
    pub conflicts: Vec<Conflict>,
}

/// Why a file could not be merged by fields (the driver then falls back to a text merge).
#[derive(Clone, Debug, thiserror::Error)]
pub enum MergeFileError {
    /// The path is not a file khutta reads.
    #[error(
        "`{0}` is not a plan file (plan.ron, activities/, partners/, beneficiaries/ or funding/<id>.ron, or a consultation's round.ron or responses/<id>.ron)"
    )]
    NotAPlanFile(String),
    /// One of the three versions does not parse.
    #[error("the {side:?} version of {}: {}", .diagnostic.path, .diagnostic.message)]
    Parse {
        /// Which version.
        side: Side,
        /// Where and why.
        diagnostic: Box<Diagnostic>,
    },
    /// The merged value could not be written as RON (a bug).
    #[error("cannot write the merged {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// What the writer said.
        source: ron::Error,
    },
    /// The ours and theirs versions hold different entities (not the same id).
    #[error("the two versions of {path} hold different ids (`{ours}` and `{theirs}`)")]
    DifferentIds {
        /// The file.
        path: String,
        /// Our id.
        ours: String,
        /// Their id.
        theirs: String,
    },
}

/// Merges three versions of the file at `path_in_plan` (relative to the plan folder, as git's
/// `%P` gives it) field by field; `base` is `None` when both sides added the file.
///
/// Semantic conflicts need the whole plan and are not looked for here; the app's own merge
/// finds them.
pub fn merge_file(
    path_in_plan: &str,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
) -> Result<FileMerge, MergeFileError> {
    let path = path_in_plan.replace('\\', "/");
    let path = path.trim_start_matches("./");
    if path == crate::model::GOVERNANCE_FILE {
        return merge_one::<crate::model::Governance>(
            path,
            &crate::diff::Target::Governance,
            Root::Governance,
            base,
            ours,
            theirs,
            |_| {},
        );
    }
    match classify(path) {
        Some(PlanPath::Plan) => {
            let read = |side, text: &str| {
                read_as::<PlanMeta>(path, side, text).map(|mut m| {
                    m.normalize();
                    m
                })
            };
            let b = base.map(|t| read(Side::Base, t)).transpose()?;
            let (o, t) = (read(Side::Ours, ours)?, read(Side::Theirs, theirs)?);
            // Without a base (both sides created plan.ron) every difference is add/add.
            let (merged, conflicts) = merge_meta(b.as_ref(), &o, &t);
            let text = write_canonical(path, &merged)?;
            Ok(FileMerge { text, conflicts })
        }
        Some(PlanPath::Entity(kind, _)) => {
            let b = base
                .map(|t| read_entity(kind, path, Side::Base, t))
                .transpose()?;
            let o = read_entity(kind, path, Side::Ours, ours)?;
            let t = read_entity(kind, path, Side::Theirs, theirs)?;
            if o.id() != t.id() {
                return Err(MergeFileError::DifferentIds {
                    path: path.to_owned(),
                    ours: o.id().to_string(),
                    theirs: t.id().to_string(),
                });
            }
            let (merged, conflicts) = merge_entity(kind, o.id(), b.as_ref(), Some(&o), Some(&t));
            // Both sides hold the entity, so the merge does too; ours is the fallback.
            let merged = merged.unwrap_or(o);
            let text = match &merged {
                Entity::Activity(a) => write_canonical(path, a),
                Entity::Partner(p) => write_canonical(path, p),
                Entity::Beneficiary(b) => write_canonical(path, b),
                Entity::Funding(f) => write_canonical(path, f),
            }?;
            Ok(FileMerge { text, conflicts })
        }
        Some(PlanPath::Round(round)) => {
            let target = crate::diff::Target::Round {
                round: Id::new_unchecked(round),
            };
            merge_one::<Round>(
                path,
                &target,
                Root::Round,
                base,
                ours,
                theirs,
                Round::normalize,
            )
        }
        Some(PlanPath::Response(round, participant)) => {
            let target = crate::diff::Target::Response {
                round: Id::new_unchecked(round),
                participant: Id::new_unchecked(participant),
            };
            merge_one::<Response>(
                path,
                &target,
                Root::Response,
                base,
                ours,
                theirs,
                Response::normalize,
            )
        }
        None => Err(MergeFileError::NotAPlanFile(path.to_owned())),
    }
}

/// Merges three versions of a round or a response file.
fn merge_one<T>(
    path: &str,
    target: &crate::diff::Target,
    root: Root,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    normalize: fn(&mut T),
) -> Result<FileMerge, MergeFileError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Clone,
{
    let read = |side, text: &str| {
        read_as::<T>(path, side, text).map(|mut v| {
            normalize(&mut v);
            v
        })
    };
    let b = base.map(|t| read(Side::Base, t)).transpose()?;
    let (o, t) = (read(Side::Ours, ours)?, read(Side::Theirs, theirs)?);
    let (merged, conflicts) =
        diff::merge_value(root, target, b.as_ref(), Some(&o), Some(&t), normalize);
    let text = write_canonical(path, &merged.unwrap_or(o))?;
    Ok(FileMerge { text, conflicts })
}

fn read_as<T: serde::de::DeserializeOwned>(
    path: &str,
    side: Side,
    text: &str,
) -> Result<T, MergeFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse::<T>(path, text).map_err(|d| MergeFileError::Parse {
        side,
        diagnostic: Box::new(d),
    })
}

fn read_entity(
    kind: EntityKind,
    path: &str,
    side: Side,
    text: &str,
) -> Result<Entity, MergeFileError> {
    let mut e = match kind {
        EntityKind::Activity => Entity::Activity(read_as::<Activity>(path, side, text)?),
        EntityKind::Partner => Entity::Partner(read_as::<Partner>(path, side, text)?),
        EntityKind::Beneficiary => Entity::Beneficiary(read_as::<Beneficiary>(path, side, text)?),
        EntityKind::Funding => Entity::Funding(read_as::<FundingSource>(path, side, text)?),
    };
    e.normalize();
    Ok(e)
}

fn write_canonical<T: serde::Serialize>(path: &str, value: &T) -> Result<String, MergeFileError> {
    to_canonical(value).map_err(|source| MergeFileError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Whether git is replaying commits (a rebase or `git am`) in the repository the environment
/// names (`GIT_DIR`, or the current folder), as it is when it runs the merge driver: git's
/// "theirs" is then the person's own commit, replayed on top of "ours".
pub fn replaying_commits() -> bool {
    use git2::RepositoryState as S;
    git2::Repository::open_from_env().is_ok_and(|repo| {
        matches!(
            repo.state(),
            S::Rebase
                | S::RebaseInteractive
                | S::RebaseMerge
                | S::ApplyMailbox
                | S::ApplyMailboxOrRebase
        )
    })
}

/// The struct name a RON text starts with, after a byte-order mark, blank space, comments and
/// `#![enable(..)]` attributes.
fn struct_name(text: &str) -> Option<&str> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("#!") {
            rest = r.split_once(']').map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn parse_as(name: &str, path: &str, text: &str) -> Result<PlanFile, Diagnostic> {
    let mut f = match name {
        "PlanMeta" => PlanFile::Meta(Box::new(parse(path, text)?)),
        "Partner" => PlanFile::Entity(Entity::Partner(parse(path, text)?)),
        "Beneficiary" => PlanFile::Entity(Entity::Beneficiary(parse(path, text)?)),
        "FundingSource" => PlanFile::Entity(Entity::Funding(parse(path, text)?)),
        _ => PlanFile::Entity(Entity::Activity(parse(path, text)?)),
    };
    match &mut f {
        PlanFile::Meta(m) => m.normalize(),
        PlanFile::Entity(e) => e.normalize(),
    }
    Ok(f)
}

/// Reads a plan file whose kind its path does not tell; `path` only names it in the error,
/// which is the one for the kind the file most likely is.
pub fn read_plan_file(path: &str, text: &str) -> Result<PlanFile, Diagnostic> {
    const NAMES: [&str; 5] = [
        "Activity",
        "PlanMeta",
        "Partner",
        "Beneficiary",
        "FundingSource",
    ];
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match struct_name(text).filter(|n| NAMES.contains(n)) {
        Some(name) => parse_as(name, path, text),
        None => {
            // Unnamed: every type denies unknown fields, so at most one accepts the text.
            let mut first_error = None;
            for name in NAMES {
                match parse_as(name, path, text) {
                    Ok(f) => return Ok(f),
                    Err(d) => {
                        first_error.get_or_insert(d);
                    }
                }
            }
            // NAMES is not empty, so an error was kept; the fallback only satisfies the types.
            Err(first_error.unwrap_or_else(|| {
                Diagnostic::plan(
                    crate::check::Code::Syntax,
                    crate::said!("check-not-plan-file"),
                    crate::said!("check-syntax-hint"),
                )
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::{act, en, plan};
    use crate::diff::{ConflictKind, facts, file_diff_text, merge, render};
    use crate::model::{Plan, Text};

    const LAUNCH: &str = "Activity(id: \"launch\", title: Text(ar: \"إطلاق\", \
        en: \"Launch\\u{1b}[2J\"), kind: Milestone, timing: Fixed(start: \"2026-06-30\", \
        end: \"2026-06-30\"), dependencies: [Dependency(activity: \"pilot\", lag: 2)], \
        tags: [\"b\", \"a\"])";

    fn launch() -> PlanFile {
        read_plan_file("x.ron", LAUNCH).unwrap_or_else(|d| panic!("{d:?}"))
    }

    #[test]
    fn one_fact_per_line_in_field_order() {
        assert_eq!(
            facts(&launch()),
            "id = \"launch\"
title.ar = \"إطلاق\"
title.en = \"Launch\\u{1b}[2J\"
kind = \"Milestone\"
timing = Fixed
timing.start = \"2026-06-30\"
timing.end = \"2026-06-30\"
dependencies[pilot].kind = \"FS\"
dependencies[pilot].lag = 2
status = \"Planned\"
progress = 0
tags[] = \"a\"
tags[] = \"b\"
"
        );
    }

    #[test]
    fn the_kind_comes_from_the_content() {
        assert_eq!(
            struct_name("\u{feff} /* x */ #![enable(implicit_some)]\nPartner("),
            Some("Partner")
        );
        assert_eq!(struct_name("(id: \"x\")"), None);
        let unnamed = "(id: \"escwa\", name: (en: \"ESCWA\"), kind: Multilateral)";
        match read_plan_file("x.ron", unnamed) {
            Ok(PlanFile::Entity(Entity::Partner(p))) => assert_eq!(p.id.as_str(), "escwa"),
            other => panic!("{other:?}"),
        }
        let bad = read_plan_file("x.ron", "Activity(id: \"x\", bogus: 1)");
        assert!(bad.is_err_and(|d| d.message.contains("bogus")));
    }

    #[test]
    fn the_change_to_one_file() {
        let a = launch();
        let moved = LAUNCH.replace("2026-06-30", "2026-07-15");
        let b = read_plan_file("x.ron", &moved).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(
            file_diff_text("activities/launch.ron", Some(&a), Some(&b)),
            "activities/launch.ron: changed activity launch
  timing.start: \"2026-06-30\" -> \"2026-07-15\"
  timing.end: \"2026-06-30\" -> \"2026-07-15\"
"
        );
        let added = file_diff_text("activities/launch.ron", None, Some(&a));
        assert!(added.starts_with("activities/launch.ron: added activity launch: Launch\\u{1b}[2J\n  + id = \"launch\"\n"), "{added}");
        assert_eq!(
            file_diff_text("p.ron", Some(&a), Some(&a)),
            "p.ron: same content, written differently\n"
        );
    }

    #[test]
    fn one_file_merges_like_the_plan() {
        let base = plan();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        act(&mut ours, "b").title.ar = Some("باء".into());
        act(&mut theirs, "b").title.en = Some("Bee".into());
        act(&mut theirs, "b").progress = 5;
        act(&mut ours, "b").progress = 7;
        let text = |p: &Plan| crate::store::to_canonical(&p.activities["b"]).unwrap();
        let m = merge_file(
            "activities/b.ron",
            Some(&text(&base)),
            &text(&ours),
            &text(&theirs),
        )
        .unwrap();
        let whole = merge(&base, &ours, &theirs);
        assert_eq!(m.text, text(&whole.merged));
        assert_eq!(m.conflicts, whole.conflicts);
        assert_eq!(m.conflicts.len(), 1);
        assert!(
            render::conflicts(&m.conflicts, &en()).contains("field activities/b.ron progress\n")
        );
        assert!(matches!(
            merge_file("notes/x.ron", None, "", ""),
            Err(MergeFileError::NotAPlanFile(_))
        ));
        assert!(matches!(
            merge_file("activities/b.ron", None, "Activity(", &text(&theirs)),
            Err(MergeFileError::Parse {
                side: Side::Ours,
                ..
            })
        ));
    }

    #[test]
    fn plan_ron_created_on_both_sides_conflicts_field_by_field() {
        let (mut ours, mut theirs) = (plan().meta, plan().meta);
        ours.title.en = Some("Ours".into());
        theirs.title.en = Some("Theirs".into());
        theirs.summary = Text::en("Only theirs");
        let text = |m: &crate::model::PlanMeta| crate::store::to_canonical(m).unwrap();
        let m = merge_file("plan.ron", None, &text(&ours), &text(&theirs)).unwrap();
        let kinds: Vec<_> = m
            .conflicts
            .iter()
            .map(|c| (c.kind, c.path.to_string()))
            .collect();
        assert_eq!(kinds, [(ConflictKind::AddAdd, "title.en".to_owned())]);
        assert!(m.text.contains("\"Ours\"") && m.text.contains("Only theirs"));
    }

    #[test]
    fn the_rules_merge_person_by_person_and_a_grant_only_whole() {
        let rules = |people: &[&str], fields: &str| {
            let people: String = people
                .iter()
                .map(|e| format!("Person(name: \"{e}\", email: \"{e}\", partner: \"escwa\"),"))
                .collect();
            format!(
                "Governance(coordinators: [\"escwa\"], people: [{people}], grants: [Grant(partner: \"tunis\", may: [Change(kind: Activity, fields: [{fields}])])])"
            )
        };
        let base = rules(&[], "\"progress\"");
        let m = merge_file(
            "governance.ron",
            Some(&base),
            &rules(&["a@x.example"], "\"progress\""),
            &rules(&["b@x.example"], "\"progress\""),
        )
        .unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert!(m.text.contains("a@x.example") && m.text.contains("b@x.example"));
        let m = merge_file(
            "governance.ron",
            Some(&base),
            &rules(&[], "\"progress\", \"status\""),
            &rules(&[], "\"progress\", \"budget\""),
        )
        .unwrap();
        let found: Vec<String> = m
            .conflicts
            .iter()
            .map(|c| format!("{} {}", c.target, c.path))
            .collect();
        assert_eq!(found, ["governance.ron grants[tunis].may"]);
        // Ours is kept until the conflict is settled: never the two grants added up.
        assert!(
            m.text.contains("\"status\"") && !m.text.contains("\"budget\""),
            "{}",
            m.text
        );
    }
}
