//! Export and import from the TUI: `E` picks a format and a place and writes the plan as
//! the command line's `khutta export` does; `I` picks a format and a file and brings it in.
//!
//! Both run off the loop (a large plan's HTML report takes a while; the screen keeps
//! answering) through the same library doors as the CLI (`export::format`, `exchange`). An
//! export writes the plan as the TUI holds it, unsaved edits included: what is on screen is
//! what leaves. An import is read against a copy of the plan and comes back as one edit
//! through the document's one door, so it is unsaved until saved and `u` takes it back
//! whole; when the plan changed while the file was read, nothing is applied and the user is
//! asked to import again.

use super::action::Action;
use super::app::Effect;
use super::editor::{Choice, EditorState, Purpose};
use super::form::spec::EditorKind;
use super::popup::Popup;
use super::shared::Shared;
use crate::check::Diagnostic;
use crate::edit::{Change, Edit, Label};
use crate::exchange::ExchangeError;
use crate::export::format::Format;
use crate::i18n::{Messages, Said};
use crate::model::{Lang, Plan};
use crate::said;
use crate::text::Align;
use chrono::NaiveDate;
use std::path::PathBuf;

/// What the import menu offers, with the key of each one's label: the formats that bring
/// things into an open plan (MS Project makes a new plan, which `khutta import mspdi` does).
const IMPORTS: &[(&str, &str)] = &[("csv", "tui-import-csv"), ("iati", "tui-import-iati")];

/// The key of the export menu's label of each format.
fn export_label(f: Format) -> &'static str {
    match f {
        Format::Html => "tui-export-html",
        Format::Markdown => "tui-export-markdown",
        Format::Csv => "tui-export-csv",
        Format::Ics => "tui-export-ics",
        Format::Iati => "tui-export-iati",
        Format::Mspdi => "tui-export-mspdi",
    }
}

/// How many problems a refusal lists before it says how many more there are.
const SHOWN: usize = 12;

/// Work for the runner, off the loop.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Write `plan` as `format` to `out`.
    Export {
        /// The format.
        format: Format,
        /// The file, or for CSV the folder.
        out: PathBuf,
        /// The plan as the TUI holds it.
        plan: Box<Plan>,
        /// IATI: the partner that publishes the activity.
        reporter: Option<crate::model::Id>,
        /// The language of the words the export chooses itself.
        lang: Lang,
        /// Today, for late work and the report's date.
        today: NaiveDate,
    },
    /// Read `input` as `format` against `plan`, the document at `revision`.
    Import {
        /// `csv` or `iati`.
        format: &'static str,
        /// The file or folder.
        input: PathBuf,
        /// The plan the import is read against.
        plan: Box<Plan>,
        /// The document's revision when the import started.
        revision: u64,
    },
}

/// What came of a job.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// The export was written: this many files at this place.
    Wrote(PathBuf, usize),
    /// The import was read: the plan after it, for the document at this revision.
    Read(Box<Plan>, u64),
    /// Refused: why, what to do, and the problems located in their files.
    Refused(Said, Option<Said>, Vec<Diagnostic>),
}

/// `E`: the export menu.
pub(crate) fn start_export(sh: &mut Shared) -> Vec<Effect> {
    let choices = Format::ALL
        .into_iter()
        .map(|f| Choice {
            value: f.name().to_owned(),
            label: sh.msg.get(export_label(f)).into_owned(),
        })
        .collect();
    open(sh, Purpose::ExportFormat, "tui-export-title", choices, "");
    Vec::new()
}

/// `I`: the import menu.
pub(crate) fn start_import(sh: &mut Shared) -> Vec<Effect> {
    let choices = IMPORTS
        .iter()
        .map(|(f, key)| Choice {
            value: (*f).to_owned(),
            label: sh.msg.get(key).into_owned(),
        })
        .collect();
    open(sh, Purpose::ImportFormat, "tui-import-title", choices, "");
    Vec::new()
}

fn open(sh: &mut Shared, purpose: Purpose, title: &str, choices: Vec<Choice>, current: &str) {
    let kind = if choices.is_empty() {
        EditorKind::Text
    } else {
        EditorKind::Choice(&[])
    };
    let opts = sh.pen.options(sh.lang, Align::Natural);
    let title = sh.msg.get(title).into_owned();
    sh.editor = Some(EditorState::new(
        purpose, title, kind, current, choices, opts,
    ));
}

/// IATI names one partner as the publisher: the partners with an IATI identifier first
/// (the others would be refused), the one Accountable partner chosen when there is one.
fn ask_reporter(sh: &mut Shared) {
    let plan = &sh.doc.plan;
    let mut partners: Vec<&crate::model::Partner> = plan.partners.values().collect();
    partners.sort_by_key(|p| p.iati_ref.is_none());
    let choices: Vec<Choice> = partners
        .iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: match &p.iati_ref {
                Some(r) => format!("{}  {}  ({r})", p.id, p.name.show(sh.lang)),
                None => format!("{}  {}", p.id, p.name.show(sh.lang)),
            },
        })
        .collect();
    let chosen = match crate::export::iati::accountable(plan).as_slice() {
        [one] => one.to_string(),
        _ => choices.first().map(|c| c.value.clone()).unwrap_or_default(),
    };
    open(
        sh,
        Purpose::ExportReporter,
        "tui-export-reporter",
        choices,
        &chosen,
    );
}

fn ask_place(sh: &mut Shared, format: Format, reporter: Option<crate::model::Id>) {
    let place = format.default_name(sh.doc.plan.meta.id.as_str());
    open(
        sh,
        Purpose::ExportPath(format, reporter),
        "tui-export-path",
        Vec::new(),
        &place,
    );
}

fn format_named(name: &str) -> Option<Format> {
    Format::ALL.into_iter().find(|f| f.name() == name)
}

/// Why the value typed for `purpose` cannot be taken, if it cannot.
pub(crate) fn refused(purpose: &Purpose, value: &str) -> Option<Said> {
    match purpose {
        Purpose::ExportPath(..) | Purpose::ImportPath(_) if value.trim().is_empty() => {
            Some(said!("tui-exchange-no-path"))
        }
        _ => None,
    }
}

/// Enter in one of this module's editors.
pub(crate) fn entered(sh: &mut Shared, purpose: Purpose, value: String) -> Vec<Effect> {
    match purpose {
        Purpose::ExportFormat => {
            let Some(format) = format_named(&value) else {
                return Vec::new();
            };
            if format == Format::Iati {
                ask_reporter(sh);
            } else {
                ask_place(sh, format, None);
            }
            Vec::new()
        }
        Purpose::ExportReporter => {
            let reporter = crate::model::Id::parse(&value).ok();
            ask_place(sh, Format::Iati, reporter);
            Vec::new()
        }
        Purpose::ExportPath(format, reporter) => {
            sh.status = sh.msg.get("tui-exporting").into_owned();
            vec![Effect::Exchange(Box::new(Job::Export {
                format,
                out: PathBuf::from(value.trim()),
                plan: Box::new(sh.doc.plan.clone()),
                reporter,
                lang: sh.lang,
                today: sh.today,
            }))]
        }
        Purpose::ImportFormat => {
            let Some((format, _)) = IMPORTS.iter().find(|(f, _)| *f == value) else {
                return Vec::new();
            };
            open(
                sh,
                Purpose::ImportPath(format),
                "tui-import-path",
                Vec::new(),
                "",
            );
            Vec::new()
        }
        Purpose::ImportPath(format) => {
            sh.status = sh.msg.get("tui-importing").into_owned();
            vec![Effect::Exchange(Box::new(Job::Import {
                format,
                input: PathBuf::from(value.trim()),
                plan: Box::new(sh.doc.plan.clone()),
                revision: sh.doc.revision(),
            }))]
        }
        _ => Vec::new(),
    }
}

/// Does `job` (on a worker thread in the run loop, inline in tests).
pub fn run(job: Job, root: &std::path::Path) -> Action {
    let refused = |e: ExchangeError| match e {
        ExchangeError::Problems(ds) => Outcome::Refused(e_said(&ds), None, ds),
        e => Outcome::Refused(e.said(), e.hint(), Vec::new()),
    };
    let outcome = match job {
        Job::Export {
            format,
            out,
            plan,
            reporter,
            lang,
            today,
        } => {
            let schedule = crate::schedule::schedule(&plan);
            let input = crate::export::Input {
                plan: &plan,
                schedule: &schedule,
                today,
                lang,
            };
            // The coordinator's calendar has the activities too, not only the milestones.
            let mut options = crate::export::format::Options::default();
            options.ics.activities = true;
            options.iati.reporting_org = reporter;
            let messages = Messages::new(lang);
            match crate::export::format::export(format, &input, &options, &messages) {
                Ok(files) => match crate::exchange::write(&files, &out) {
                    Ok(n) => Outcome::Wrote(out, n),
                    Err(e) => refused(e),
                },
                Err(mut ds) => {
                    crate::store::locate_all(root, &mut ds);
                    Outcome::Refused(
                        said!("export-failed"),
                        Some(said!("export-failed-hint")),
                        ds,
                    )
                }
            }
        }
        Job::Import {
            format,
            input,
            plan,
            revision,
        } => {
            let read = match format {
                "iati" => {
                    crate::exchange::import_iati(&input, &plan, &crate::import::iati::Linked::None)
                        .map(|got| got.plan)
                }
                _ => crate::exchange::import_csv(&input, &plan),
            };
            match read {
                Ok(after) => Outcome::Read(Box::new(after), revision),
                Err(e) => refused(e),
            }
        }
    };
    Action::Exchanged(Box::new(outcome))
}

fn e_said(ds: &[Diagnostic]) -> Said {
    said!("exchange-problems", count = ds.len())
}

/// What came back: the status line, a popup of located problems, or the import as one edit.
pub(crate) fn finished(sh: &mut Shared, outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::Wrote(path, files) => {
            sh.status = sh.msg.get_args(
                "tui-exported",
                &[
                    ("files", sh.msg.count("count-files", files).into()),
                    ("path", path.display().to_string().into()),
                ],
            );
            Vec::new()
        }
        Outcome::Refused(message, hint, problems) => {
            let m = &sh.msg;
            let mut text = message.show(m);
            if let Some(h) = hint {
                text.push_str("\n\n");
                text.push_str(&h.show(m));
            }
            for d in problems.iter().take(SHOWN) {
                text.push_str(&format!(
                    "\n\n{}:{}:{}: {}: {}\n  {}",
                    d.path,
                    d.line,
                    d.col,
                    d.code,
                    d.message.show(m),
                    d.hint.show(m)
                ));
            }
            if problems.len() > SHOWN {
                text.push_str("\n\n");
                text.push_str(&m.count("tui-exchange-more", problems.len() - SHOWN));
            }
            sh.status = message.show(m);
            sh.popup = Some(Popup::Message(text));
            Vec::new()
        }
        Outcome::Read(after, revision) => {
            if revision != sh.doc.revision() {
                sh.status = sh.msg.get("tui-import-stale").into_owned();
                return Vec::new();
            }
            let edit = Edit {
                label: Label::Batch("import".into()),
                changes: Change::between_plans(&sh.doc.plan, &after),
            };
            let units = edit.changes.len();
            if units == 0 {
                sh.status = sh.msg.get("tui-import-nothing").into_owned();
                return Vec::new();
            }
            match sh.doc.apply(edit) {
                Ok(()) => {
                    sh.status = sh.msg.count("tui-imported", units);
                    vec![Effect::WriteRecovery]
                }
                Err(e) => {
                    sh.status = e.said().show(&sh.msg);
                    Vec::new()
                }
            }
        }
    }
}
