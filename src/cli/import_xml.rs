//! `khutta import iati|mspdi INPUT --into PLAN`: another program's XML file brought into a
//! plan (the arguments are `khutta import`'s, in `import.rs`).
//!
//! The formats are pure functions in `khutta::import`; this file reads the input, and writes
//! only when the whole import succeeded: a new plan is written into a temporary folder next to
//! its place and renamed there, entities added to a plan are saved like any edit.

use super::export::fail_with;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::said;
use khutta::text::escape_controls;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// What `khutta import iati|mspdi` was asked.
pub struct Request<'a> {
    /// MS Project XML (a new plan), else IATI (partners into a plan).
    pub mspdi: bool,
    /// The file to import.
    pub input: &'a Path,
    /// A new folder for MS Project XML, the plan to add to for IATI.
    pub into: &'a Path,
    /// IATI: also the file's activities (`Some("")`: all of them).
    pub activity: Option<&'a str>,
    /// Check and report without writing anything.
    pub dry_run: bool,
}

fn shown(p: &Path) -> String {
    escape_controls(&p.display().to_string()).into_owned()
}

fn say(ui: &Ui, line: &str) {
    let m = &ui.messages;
    eprintln!(
        "{}",
        ui.plan_line(line, m.lang(), std::io::stderr().is_terminal())
    );
}

/// Runs the command.
pub fn run(args: &Request<'_>, ui: &Ui) -> Result<ExitCode, CommandError> {
    let bytes =
        khutta::store::read_named(args.input, khutta::store::MAX_STATE_BYTES).map_err(|e| {
            CommandError::User {
                message: said!(
                    "import-cannot-read",
                    path = &args.input.display(),
                    error = &e
                ),
                hint: None,
            }
        })?;
    let name = args.input.display().to_string();
    let here = Path::new(".");
    let failed = |ds, root: &Path| {
        fail_with(
            root,
            ds,
            ui,
            said!("import-failed"),
            said!("import-failed-hint"),
        )
    };
    match args.mspdi {
        true => {
            let plan =
                khutta::import::mspdi::import(&name, &bytes).map_err(|ds| failed(ds, here))?;
            let into = args.into;
            if args.dry_run {
                return Ok(ExitCode::SUCCESS);
            }
            write_new(into, &plan)?;
            let m = &ui.messages;
            let line = m.get_args(
                "import-plan-created",
                &[
                    ("dir", shown(into).into()),
                    ("file", shown(args.input).into()),
                ],
            );
            say(ui, &line);
        }
        false => {
            let root = resolve_plan(Some(args.into))?;
            let mut loaded =
                khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
            let linked = match args.activity {
                None => khutta::import::iati::Linked::None,
                Some("") => khutta::import::iati::Linked::All,
                Some(id) => khutta::import::iati::Linked::One(id.to_owned()),
            };
            let got = khutta::import::iati::import(&name, &bytes, &loaded.plan, &linked)
                .map_err(|ds| failed(ds, here))?;
            let mut plan = loaded.plan.clone();
            for p in &got.partners {
                plan.partners.insert(p.id.clone(), p.clone());
            }
            for a in &got.activities {
                plan.activities.insert(a.id.clone(), a.clone());
            }
            if args.dry_run {
                return Ok(ExitCode::SUCCESS);
            }
            let report = khutta::store::save(&mut loaded, &plan)?;
            if !report.changed_on_disk.is_empty() {
                return Err(khutta::store::StoreError::ChangedOnDisk {
                    path: report.changed_on_disk.join(", "),
                }
                .into());
            }
            let m = &ui.messages;
            say(ui, &m.count("import-partners-added", got.partners.len()));
            if !got.known.is_empty() {
                let known: Vec<&str> = got.known.iter().map(|i| i.as_str()).collect();
                let line = m.get_args(
                    "import-partners-known",
                    &[("partners", known.join(", ").into())],
                );
                say(ui, &line);
            }
            if args.activity.is_some() {
                say(
                    ui,
                    &m.count("import-activities-added", got.activities.len()),
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target_taken(p: &Path) -> CommandError {
    CommandError::Usage {
        message: said!("import-target-exists", path = &p.display()),
        hint: Some(said!("import-target-exists-hint")),
    }
}

/// Writes `plan` as a new folder `into`: into a temporary folder beside it, then renamed, so
/// that `into` holds the whole plan or nothing.
fn write_new(into: &Path, plan: &khutta::model::Plan) -> Result<(), CommandError> {
    if std::fs::read_dir(into).is_ok_and(|mut d| d.next().is_some()) || into.is_file() {
        return Err(target_taken(into));
    }
    let parent = match into.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let tmp = tempfile::Builder::new()
        .prefix(".khutta-import.")
        .tempdir_in(parent)?;
    khutta::store::write_new_plan(tmp.path(), plan)?;
    let staged = tmp.keep();
    if let Err(e) = std::fs::rename(&staged, into) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e.into());
    }
    if let Ok(d) = std::fs::File::open(parent) {
        let _ = d.sync_all();
    }
    Ok(())
}
