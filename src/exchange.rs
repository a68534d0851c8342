//! Exports and imports at the disk: writing what an export made, reading what an import
//! takes. The formats themselves are pure (`export`, `import`); the command line and the
//! TUI both come through here, so a file written or read from the terminal is handled as
//! the command line handles it: atomic writes, bounded reads, the same located problems.

use crate::check::Diagnostic;
use crate::export::File;
use crate::i18n::Said;
use crate::import::csv::{FILES, Source, Sources};
use crate::model::{Activity, Partner, Plan};
use crate::said;
use std::io;
use std::path::{Path, PathBuf};

/// Why an export could not be written or an import read.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// A file could not be written.
    #[error("{path}: {source}")]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The CSV import was given a folder holding neither of its files.
    #[error("no CSV files in {0}")]
    NoCsv(PathBuf),
    /// The input has problems, each located in its file.
    #[error("{} problems", .0.len())]
    Problems(Vec<Diagnostic>),
}

impl ExchangeError {
    /// What went wrong, in words any language can show.
    pub fn said(&self) -> Said {
        match self {
            ExchangeError::Write { path, source } => {
                said!(
                    "export-cannot-write",
                    path = &path.display(),
                    error = source
                )
            }
            ExchangeError::Read { path, source } => {
                said!("import-cannot-read", path = &path.display(), error = source)
            }
            ExchangeError::NoCsv(folder) => said!("import-no-csv", folder = &folder.display()),
            ExchangeError::Problems(ds) => said!("exchange-problems", count = ds.len()),
        }
    }

    /// What to do about it.
    pub fn hint(&self) -> Option<Said> {
        match self {
            ExchangeError::Write { .. } => Some(said!("export-cannot-write-hint")),
            ExchangeError::Read { .. } => None,
            ExchangeError::NoCsv(_) => Some(said!("import-no-csv-hint")),
            ExchangeError::Problems(_) => None,
        }
    }
}

fn write_at(path: &Path) -> impl FnOnce(io::Error) -> ExchangeError + '_ {
    move |source| ExchangeError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes an export: one file to `out`, or several into the folder `out` (made when
/// missing), each atomically. Returns how many files were written.
pub fn write(files: &[File], out: &Path) -> Result<usize, ExchangeError> {
    match files {
        [file] => crate::store::write_atomic(out, &file.bytes).map_err(write_at(out))?,
        files => {
            std::fs::create_dir_all(out).map_err(write_at(out))?;
            for f in files {
                let path = out.join(f.name);
                crate::store::write_atomic(&path, &f.bytes).map_err(write_at(&path))?;
            }
        }
    }
    Ok(files.len())
}

fn read(path: &Path) -> Result<Vec<u8>, ExchangeError> {
    crate::store::read_named(path, crate::store::MAX_STATE_BYTES).map_err(|source| {
        ExchangeError::Read {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// Imports CSV into `plan`: a folder holding activities.csv and/or budget.csv, or one file
/// (budget lines when its name starts with `budget`, else activities). Gives the plan as it
/// would be after the import.
pub fn import_csv(input: &Path, plan: &Plan) -> Result<Plan, ExchangeError> {
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    if input.is_dir() {
        for (name, budget) in FILES.iter().zip([false, true]) {
            let p = input.join(name);
            if p.is_file() {
                paths.push((p, budget));
            }
        }
        if paths.is_empty() {
            return Err(ExchangeError::NoCsv(input.to_path_buf()));
        }
    } else {
        let budget = input
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.to_ascii_lowercase().starts_with("budget"));
        paths.push((input.to_path_buf(), budget));
    }
    let mut texts = Vec::new();
    for (p, budget) in paths {
        texts.push((p.display().to_string(), read(&p)?, budget));
    }
    let mut sources = Sources::default();
    for (name, bytes, budget) in &texts {
        let source = Some(Source { name, bytes });
        if *budget {
            sources.budget = source;
        } else {
            sources.activities = source;
        }
    }
    crate::import::csv::import(plan, sources).map_err(ExchangeError::Problems)
}

/// What an IATI file brought into a plan.
#[derive(Clone, Debug)]
pub struct FromIati {
    /// The plan with the new partners (and activities).
    pub plan: Plan,
    /// The partners added.
    pub partners: Vec<Partner>,
    /// The activities added.
    pub activities: Vec<Activity>,
    /// Organisations the plan already had, by its partner ids.
    pub known: Vec<crate::model::Id>,
}

/// Imports an IATI activity file's organisations (and, as `linked` says, its activities)
/// into `plan`.
pub fn import_iati(
    input: &Path,
    plan: &Plan,
    linked: &crate::import::iati::Linked,
) -> Result<FromIati, ExchangeError> {
    let bytes = read(input)?;
    let name = input.display().to_string();
    let got = crate::import::iati::import(&name, &bytes, plan, linked)
        .map_err(ExchangeError::Problems)?;
    let mut out = plan.clone();
    for p in &got.partners {
        out.partners.insert(p.id.clone(), p.clone());
    }
    for a in &got.activities {
        out.activities.insert(a.id.clone(), a.clone());
    }
    Ok(FromIati {
        plan: out,
        partners: got.partners,
        activities: got.activities,
        known: got.known,
    })
}
