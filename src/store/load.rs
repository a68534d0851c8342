//! Reading a plan folder: every file, on every core, with every problem reported.

use super::layout::{PLAN_FILE, TMP_SUFFIX};
use super::locate::locate;
use super::parse::{MAX_FILE_BYTES, decode, parse};
use super::{Sources, StoreError};
use crate::check::{Code, Diagnostic};
use crate::model::{
    Activity, Beneficiary, EntityKind, FORMAT_VERSION, FundingSource, Id, Partner, Plan, PlanMeta,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A plan read from disk, with what could not be read.
#[derive(Clone, Debug)]
pub struct LoadedPlan {
    /// The plan folder.
    pub root: PathBuf,
    /// Everything that could be read.
    pub plan: Plan,
    /// Whether `plan.ron` itself was read; when it was not, `plan.meta` is a placeholder that
    /// must never be written back.
    pub meta_readable: bool,
    /// Where each entity came from.
    pub sources: Sources,
    /// Problems found while reading, already located.
    pub diagnostics: Vec<Diagnostic>,
}

/// One parsed entity file.
enum Entity {
    Activity(Activity),
    Partner(Partner),
    Beneficiary(Beneficiary),
    Funding(FundingSource),
}

impl Entity {
    fn id(&self) -> &Id {
        match self {
            Entity::Activity(a) => &a.id,
            Entity::Partner(p) => &p.id,
            Entity::Beneficiary(b) => &b.id,
            Entity::Funding(f) => &f.id,
        }
    }
}

/// A file found in an entity folder.
struct Found {
    kind: EntityKind,
    rel: String,
    stem: String,
}

/// Reads the plan folder at `root`.
///
/// Fails only when `root` is not a readable plan folder at all; every problem inside a file
/// becomes a diagnostic and the rest of the plan is still read.
pub fn load(root: &Path) -> Result<LoadedPlan, StoreError> {
    let plan_file = root.join(PLAN_FILE);
    if !plan_file.is_file() {
        return Err(StoreError::NotAPlan {
            path: root.to_path_buf(),
        });
    }
    let mut diagnostics = Vec::new();
    let meta = read_meta(&plan_file, &mut diagnostics);
    let meta_readable = meta.is_some();
    let mut plan = Plan::new(meta.unwrap_or_else(placeholder_meta));
    plan.meta.normalize();

    let found = list_entity_files(root, &mut diagnostics)?;
    let parsed = parse_all(root, &found);

    let mut sources = Sources::default();
    for (f, result) in found.iter().zip(parsed) {
        match result {
            Ok(entity) => insert(&mut plan, &mut sources, &mut diagnostics, f, entity),
            Err(d) => {
                sources.unreadable.insert((f.kind, f.stem.clone()));
                diagnostics.push(d);
            }
        }
    }
    locate_all(root, &mut diagnostics);
    Ok(LoadedPlan {
        root: root.to_path_buf(),
        plan,
        meta_readable,
        sources,
        diagnostics,
    })
}

/// Reads `plan.ron`, refusing a format newer than this khutta before looking at any field.
fn read_meta(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<PlanMeta> {
    #[derive(Deserialize)]
    #[serde(rename = "PlanMeta")]
    struct FormatOnly {
        format: u32,
    }
    let text = match read_text(path, PLAN_FILE) {
        Ok(t) => t,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    if let Ok(FormatOnly { format }) = super::format::from_ron::<FormatOnly>(&text)
        && format > FORMAT_VERSION
    {
        let d = Diagnostic::plan(
            Code::FormatVersion,
            format!("this plan uses format {format}; this khutta reads format {FORMAT_VERSION} and older"),
            "upgrade khutta to open this plan; nothing was read, so nothing will be lost",
        )
        .at("format");
        diagnostics.push(d);
        return None;
    }
    match parse::<PlanMeta>(PLAN_FILE, &text) {
        Ok(m) => Some(m),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

/// Stands in for an unreadable `plan.ron` so that the entity files can still be checked.
fn placeholder_meta() -> PlanMeta {
    let day = chrono::NaiveDate::MIN;
    PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("unreadable"),
        title: crate::model::Text::en("(plan.ron could not be read)"),
        summary: Default::default(),
        window: crate::model::Window {
            start: day,
            end: chrono::NaiveDate::MAX,
        },
        currency: crate::model::Currency::new_unchecked("XXX"),
        exchange_rates: Vec::new(),
        calendars: Vec::new(),
        default_calendar: None,
        sdg_goals: Vec::new(),
        sdg_targets: Vec::new(),
        countries: Vec::new(),
        cities: Vec::new(),
    }
}

/// Reads a file as UTF-8 text within the size limit.
fn read_text(path: &Path, rel: &str) -> Result<String, Diagnostic> {
    let unreadable = |e: std::io::Error| {
        Diagnostic::file(
            Code::Unreadable,
            rel,
            (1, 1),
            format!("cannot read the file: {e}"),
            "check that the file exists and that you may read it",
        )
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            Code::TooLarge,
            rel,
            (1, 1),
            format!(
                "the file has {} bytes; plan files are at most {MAX_FILE_BYTES}",
                meta.len()
            ),
            "a plan file holds one entity; split the content or remove the file if it is not a plan file",
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    decode(rel, &bytes).map(str::to_owned)
}

/// Lists the `.ron` files of every entity folder, reporting anything else found there.
fn list_entity_files(
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Found>, StoreError> {
    let mut found = Vec::new();
    for kind in EntityKind::ALL {
        let dir = root.join(kind.dir());
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(source) => return Err(StoreError::Io { path: dir, source }),
        };
        for entry in entries {
            let entry = entry.map_err(|source| StoreError::Io {
                path: dir.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(TMP_SUFFIX) {
                continue;
            }
            let rel = format!("{}/{name}", kind.dir());
            match name.strip_suffix(".ron") {
                Some(stem) if entry.file_type().is_ok_and(|t| t.is_file()) => found.push(Found {
                    kind,
                    rel,
                    stem: stem.to_owned(),
                }),
                _ => diagnostics.push(Diagnostic::file(
                    Code::StrayFile,
                    rel,
                    (1, 1),
                    format!("`{name}` is not a .ron file and is not part of the plan"),
                    format!(
                        "move it out of `{}/`, or give it the .ron extension if it is a {}",
                        kind.dir(),
                        kind.noun()
                    ),
                )),
            }
        }
    }
    // Directory order differs between file systems; sorting keeps reports and ids stable.
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(found)
}

/// Reads and parses every file, spreading the files over the machine's cores.
fn parse_all(root: &Path, found: &[Found]) -> Vec<Result<Entity, Diagnostic>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let threads = threads.min(found.len() / 64 + 1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Entity, Diagnostic>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(f) = found.get(i) else { break };
                    mine.push((i, parse_entity(root, f)));
                }
                if let Ok(mut all) = results.lock() {
                    all.append(&mut mine);
                }
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn parse_entity(root: &Path, f: &Found) -> Result<Entity, Diagnostic> {
    let text = read_text(&root.join(&f.rel), &f.rel)?;
    let rel = f.rel.as_str();
    Ok(match f.kind {
        EntityKind::Activity => Entity::Activity(parse(rel, &text)?),
        EntityKind::Partner => Entity::Partner(parse(rel, &text)?),
        EntityKind::Beneficiary => Entity::Beneficiary(parse(rel, &text)?),
        EntityKind::Funding => Entity::Funding(parse(rel, &text)?),
    })
}

/// Adds a parsed entity to the plan, checking its id against its file and the others.
fn insert(
    plan: &mut Plan,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
    f: &Found,
    entity: Entity,
) {
    let id = entity.id().clone();
    let located = |code, message: String, hint: &str| {
        let mut d = Diagnostic::entity(code, f.kind, &id, message, hint).at("id");
        d.path = f.rel.clone();
        d
    };
    if let Err(e) = id.validate() {
        diagnostics.push(located(
            Code::BadId,
            format!("`{id}` is not a valid id: {e}"),
            "ids are lowercase slugs such as `pilot-tunis-2`; rename the file and the id together",
        ));
    }
    if id.as_str() != f.stem {
        diagnostics.push(located(
            Code::IdMismatch,
            format!("the id `{id}` differs from the file name `{}.ron`", f.stem),
            "an entity's file is named after its id; rename the file or change the id so that they match",
        ));
    }
    if let Some(first) = sources.files.get(&(f.kind, id.clone())) {
        diagnostics.push(located(
            Code::DuplicateId,
            format!("{} `{id}` is already defined in `{first}`", f.kind.noun()),
            "give one of them another id; this copy was not loaded",
        ));
        return;
    }
    sources.files.insert((f.kind, id.clone()), f.rel.clone());
    match entity {
        Entity::Activity(mut a) => {
            a.normalize();
            plan.activities.insert(id, a);
        }
        Entity::Partner(mut p) => {
            p.normalize();
            plan.partners.insert(id, p);
        }
        Entity::Beneficiary(b) => {
            plan.beneficiaries.insert(id, b);
        }
        Entity::Funding(mut s) => {
            s.normalize();
            plan.funding.insert(id, s);
        }
    }
}

/// Turns the anchors of unlocated diagnostics into lines and columns, reading each file once.
pub fn locate_all(root: &Path, diagnostics: &mut [Diagnostic]) {
    let mut texts: HashMap<String, Option<String>> = HashMap::new();
    for d in diagnostics.iter_mut().filter(|d| d.line == 0) {
        let text = texts.entry(d.path.clone()).or_insert_with(|| {
            std::fs::read(root.join(&d.path))
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        (d.line, d.col) = match text {
            Some(t) => locate(t, &d.anchor),
            None => (1, 1),
        };
    }
}
