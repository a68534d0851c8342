//! Exports: a plan and its schedule as files other tools read.
//!
//! Each format is a pure function of an [`Input`] (the plan, its schedule, today and a
//! language) to bytes; the CLI (`khutta export FORMAT`) writes them, atomically, to a file, a
//! folder or standard output. Nothing here reads the clock: `today` comes in with the input,
//! so that an export is the same whenever it is made for the same day.
//!
//! - [`csv`]: activities, budget lines and partners, one spreadsheet each, readable back by
//!   `khutta import csv`.
//! - [`ics`]: milestones (and, on request, activities) as iCalendar all-day events.
//! - [`markdown`]: a status report with a Mermaid Gantt chart.
//! - [`iati`]: the initiative as an IATI 2.03 activity, valid against the official schemas.
//! - [`mspdi`]: MS Project XML, for MS Project, ProjectLibre and MPXJ.
//! - [`html`]: one self-contained HTML report, the Gantt chart as SVG, in either language.
//!
//! [`format`](mod@format) chooses among them by name, for the command line and the TUI alike.
//!
//! Some formats need what the plan may lack (an IATI organisation identifier): those return
//! located diagnostics saying why the plan cannot be written in that format.

pub mod csv;
pub mod format;
pub mod html;
pub mod iati;
mod iati_money;
pub mod ics;
pub mod markdown;
pub mod mspdi;
mod xml;

use crate::model::{Activity, Lang, Plan};
use crate::schedule::{Entry, Schedule};
use chrono::NaiveDate;

/// What every export reads.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its schedule (`schedule::schedule(plan)`).
    pub schedule: &'a Schedule,
    /// The day the export is made for: late work, `DTSTAMP`.
    pub today: NaiveDate,
    /// The language of the words an export chooses itself (headings, labels).
    pub lang: Lang,
}

impl<'a> Input<'a> {
    /// Each activity with its schedule entry, in id order. A schedule of another plan (its
    /// entries do not line up with the activities) gives entries to nobody.
    pub fn activities(&self) -> impl Iterator<Item = (&'a Activity, Option<&'a Entry>)> + 'a {
        let aligned = self.schedule.entries.len() == self.plan.activities.len();
        let entries = self.schedule.entries.iter();
        self.plan
            .activities
            .values()
            .zip(entries.map(Some).chain(std::iter::repeat(None)))
            .map(move |(a, e)| (a, e.filter(|_| aligned)))
    }
}

/// One file an export makes: its name inside the output folder, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// The file's name (`activities.csv`).
    pub name: &'static str,
    /// What it holds.
    pub bytes: Vec<u8>,
}
