//! The formats, chosen by name: one dispatch that `khutta export` and the TUI's export both go
//! through, so that a file made from the terminal is the file made from the command line.

use super::{File, Input};
use crate::check::Diagnostic;
use crate::i18n::Messages;

/// The formats khutta exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// activities.csv, budget.csv and partners.csv, into a folder.
    Csv,
    /// iCalendar (RFC 5545): milestones, and on request activities.
    Ics,
    /// A status report in Markdown with a Mermaid Gantt chart.
    Markdown,
    /// IATI 2.03 activity XML, for open-data publication.
    Iati,
    /// MS Project XML (MSPDI), for MS Project, ProjectLibre and MPXJ.
    Mspdi,
    /// One self-contained HTML report.
    Html,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 6] = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::Ics,
        Format::Iati,
        Format::Mspdi,
    ];

    /// The name the command line takes (`khutta export NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Markdown => "markdown",
            Format::Iati => "iati",
            Format::Mspdi => "mspdi",
            Format::Html => "html",
        }
    }

    /// Whether the export is several files, written into a folder.
    pub fn is_folder(self) -> bool {
        self == Format::Csv
    }

    /// Whether the export publishes the plan for others, so that a plan with a file that
    /// did not load must not be exported in part.
    pub fn needs_whole_plan(self) -> bool {
        matches!(self, Format::Iati | Format::Mspdi)
    }

    /// Where the export goes when the user names no place: `<plan id>.<extension>`, or for
    /// CSV the folder `<plan id>-csv`.
    pub fn default_name(self, plan_id: &str) -> String {
        let extension = match self {
            Format::Csv => return format!("{plan_id}-csv"),
            Format::Ics => "ics",
            Format::Markdown => "md",
            Format::Iati => "iati.xml",
            Format::Mspdi => "mspdi.xml",
            Format::Html => "html",
        };
        format!("{plan_id}.{extension}")
    }
}

/// What the formats may be asked besides the plan: each format reads its own part.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// iCalendar.
    pub ics: super::ics::Options,
    /// IATI.
    pub iati: super::iati::Options,
    /// MS Project; its language is the input's.
    pub baseline: Option<std::collections::BTreeMap<crate::model::Id, crate::schedule::Dates>>,
}

/// The files of `format`, or the located reasons why the plan cannot be written in it.
/// `messages` are the words of the formats that speak (the HTML report).
pub fn export(
    format: Format,
    input: &Input,
    options: &Options,
    messages: &Messages,
) -> Result<Vec<File>, Vec<Diagnostic>> {
    let one = |name: &'static str, bytes: Vec<u8>| Ok(vec![File { name, bytes }]);
    match format {
        Format::Csv => Ok(super::csv::export(input)),
        Format::Ics => one(
            "plan.ics",
            super::ics::export(input, &options.ics).into_bytes(),
        ),
        Format::Markdown => one("report.md", super::markdown::export(input).into_bytes()),
        Format::Iati => one(
            "iati-activity.xml",
            super::iati::export(input.plan, input.schedule, &options.iati)?,
        ),
        Format::Html => {
            let html = super::html::Options {
                messages,
                today: input.today,
            };
            one(
                "report.html",
                super::html::report(input.plan, input.schedule, &html).into_bytes(),
            )
        }
        Format::Mspdi => {
            let mspdi = super::mspdi::Options {
                lang: input.lang,
                baseline: options.baseline.clone(),
            };
            one(
                "plan.xml",
                super::mspdi::export(input.plan, input.schedule, &mspdi),
            )
        }
    }
}
