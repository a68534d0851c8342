//! CSV: activities and budget lines, as `khutta export csv` writes them, into a plan.
//!
//! `activities.csv` needs an `id` column; every other column of [`ACTIVITY_COLUMNS`] may be
//! left out, and what a missing column would hold is kept as the plan has it. So a partner's
//! sheet of `id,status,progress` updates those two fields and nothing else. A row whose id the
//! plan lacks adds an activity, which then needs a title and its timing. The scheduled
//! columns ([`SCHEDULED_COLUMNS`]) are khutta's own arithmetic and are skipped. Activities the file does not name are left as they are: an import never
//! removes one.
//!
//! `budget.csv` needs `activity`, `category`, `amount` and `currency`; `funding` and `note`
//! may be left out (blank). An activity's budget becomes its rows, in order, when the file
//! has a row for it or when it is a row of `activities.csv`; every other budget is kept.
//!
//! Every problem is reported ([`Diagnostic`]), not just the first, and any problem refuses the
//! whole import.
//!
//! [`ACTIVITY_COLUMNS`]: crate::export::csv::ACTIVITY_COLUMNS
//! [`SCHEDULED_COLUMNS`]: crate::export::csv::SCHEDULED_COLUMNS

mod activities;
mod table;

use crate::check::{Code, Diagnostic};
use crate::export::csv::{ACTIVITIES_FILE, BUDGET_COLUMNS, BUDGET_FILE, category_name};
use crate::model::{BudgetCategory, BudgetLine, Currency, Id, Plan};
use crate::said;
use std::collections::BTreeMap;
use table::{CellError, Row, Table, bad_value, id, located, one_of};

/// One file to import: the name to report it by, and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The name errors are located in (the path as the user gave it).
    pub name: &'a str,
    /// Its content.
    pub bytes: &'a [u8],
}

/// The files of one CSV import; either may be absent.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sources<'a> {
    /// `activities.csv`.
    pub activities: Option<Source<'a>>,
    /// `budget.csv`.
    pub budget: Option<Source<'a>>,
}

/// `plan` as it is after importing `sources`, or every problem found in them.
pub fn import(plan: &Plan, sources: Sources) -> Result<Plan, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut out = plan.clone();
    let mut listed: Vec<Id> = Vec::new();
    if let Some(src) = sources.activities
        && let Some(table) = Table::read(src, &mut errors)
    {
        listed = activities::activities(plan, &table, &mut out, &mut errors);
    }
    if let Some(src) = sources.budget
        && let Some(table) = Table::read(src, &mut errors)
    {
        budget(plan, &table, &listed, &mut out, &mut errors);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        // In reading order: the activities file first, then each file by row and column.
        errors.sort_by_key(|e| (e.path.clone(), e.line, e.col));
        Err(errors)
    }
}

/// What a reference names, to look it up once every row is read.
#[derive(Clone, Copy)]
pub(super) enum Target {
    Activity,
    Partner,
    Beneficiary,
    Calendar,
    Funding,
}

/// A reference to check: where it is, what it names.
pub(super) struct Reference {
    row: usize,
    col: usize,
    target: Target,
    id: Id,
}

/// Reports each reference that names nothing in `out` (activities) or `plan` (the rest).
pub(super) fn check_references(
    plan: &Plan,
    out: &Plan,
    file: &str,
    refs: Vec<Reference>,
    errors: &mut Vec<Diagnostic>,
) {
    for r in refs {
        let (found, message) = match r.target {
            Target::Activity => (
                out.activities.contains_key(&r.id),
                said!("exchange-unknown-activity", id = &r.id),
            ),
            Target::Partner => (
                plan.partners.contains_key(&r.id),
                said!("exchange-unknown-partner", id = &r.id),
            ),
            Target::Beneficiary => (
                plan.beneficiaries.contains_key(&r.id),
                said!("exchange-unknown-beneficiary", id = &r.id),
            ),
            Target::Calendar => (
                plan.meta.calendars.iter().any(|c| c.id == r.id),
                said!("exchange-unknown-calendar", id = &r.id),
            ),
            Target::Funding => (
                plan.funding.contains_key(&r.id),
                said!("exchange-unknown-funding", id = &r.id),
            ),
        };
        if !found {
            errors.push(located(
                file,
                (r.row, r.col),
                Code::CsvUnknownReference,
                message,
                said!("exchange-unknown-hint"),
            ));
        }
    }
}

/// Reads `budget.csv` into `out`: the activities it has rows for, and those of `listed`, get
/// its rows as their budget.
fn budget(plan: &Plan, table: &Table, listed: &[Id], out: &mut Plan, errors: &mut Vec<Diagnostic>) {
    if !table.check_header(&BUDGET_COLUMNS, &[], &BUDGET_COLUMNS[..4], errors) {
        return;
    }
    let mut lines: BTreeMap<Id, Vec<BudgetLine>> = BTreeMap::new();
    let mut refs = Vec::new();
    for (row, record) in &table.rows {
        if !table.whole(*row, record, errors) {
            continue;
        }
        let mut r = Row {
            table,
            row: *row,
            record,
            errors: Vec::new(),
        };
        let activity = required(&mut r, "activity", id);
        let category = required(&mut r, "category", |s| {
            one_of(s, &BudgetCategory::ALL, category_name)
        });
        let amount = required(&mut r, "amount", |s| {
            crate::model::Amount::parse(s).map_err(bad_value)
        });
        let currency = required(&mut r, "currency", |s| {
            Currency::parse(&s.to_ascii_uppercase()).map_err(bad_value)
        });
        let funding = r.parse("funding", id).unwrap_or(None);
        let note = r
            .cell("note")
            .map(|(_, c)| c.to_owned())
            .filter(|c| !c.is_empty());
        if let Some(f) = &funding
            && let Some((col, _)) = r.cell("funding")
        {
            refs.push(Reference {
                row: *row,
                col,
                target: Target::Funding,
                id: f.clone(),
            });
        }
        let failed = !r.errors.is_empty();
        errors.append(&mut r.errors);
        if let (Some(activity), Some(category), Some(amount), Some(currency), false) =
            (activity, category, amount, currency, failed)
        {
            if !out.activities.contains_key(&activity) {
                let col = r.cell("activity").map_or(1, |(c, _)| c);
                errors.push(located(
                    table.name,
                    (*row, col),
                    Code::CsvUnknownReference,
                    said!("exchange-unknown-activity", id = &activity),
                    said!("exchange-unknown-hint"),
                ));
                continue;
            }
            lines.entry(activity).or_default().push(BudgetLine {
                category,
                amount,
                currency,
                funding,
                note,
            });
        }
    }
    check_references(plan, out, table.name, refs, errors);
    for id in listed {
        if let Some(a) = out.activities.get_mut(id) {
            a.budget.clear();
        }
    }
    for (id, lines) in lines {
        if let Some(a) = out.activities.get_mut(&id) {
            a.budget = lines;
        }
    }
}

/// A cell that must not be blank, parsed.
fn required<T>(
    r: &mut Row,
    column: &str,
    parse: impl FnOnce(&str) -> Result<T, CellError>,
) -> Option<T> {
    let col = r.cell(column)?.0;
    match r.parse(column, parse) {
        Some(Some(v)) => Some(v),
        Some(None) => {
            r.error(
                col,
                bad_value(said!("exchange-blank-cell", column = column)),
            );
            None
        }
        None => None,
    }
}

/// The names of the two files `khutta import csv DIR` reads from a folder.
pub const FILES: [&str; 2] = [ACTIVITIES_FILE, BUDGET_FILE];
