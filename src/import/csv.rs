//! CSV: activities and budget lines, as `khutta export csv` writes them, into a plan.
//!
//! `activities.csv` needs an `id` column; every other column of
//! [`ACTIVITY_COLUMNS`] may be left out, and what a missing column would hold is kept as the
//! plan has it. So a partner's sheet of `id,status,progress` updates those two fields and
//! nothing else. A row whose id the plan lacks adds an activity, which then needs a title and
//! its timing. The scheduled columns ([`SCHEDULED_COLUMNS`]) are khutta's own arithmetic and
//! are skipped. Activities the file does not name are left as they are: an import never
//! removes one.
//!
//! `budget.csv` needs `activity`, `category`, `amount` and `currency`; `funding` and `note`
//! may be left out (blank). An activity's budget becomes its rows, in order, when the file
//! has a row for it or when it is a row of `activities.csv`; every other budget is kept.
//!
//! Every problem is reported ([`Located`]), not just the first, and any problem refuses the
//! whole import.

use super::{Code, Located};
use crate::export::csv::{
    ACTIVITIES_FILE, ACTIVITY_COLUMNS, BUDGET_COLUMNS, BUDGET_FILE, SCHEDULED_COLUMNS,
    category_name, kind_name, role_name, split_list, status_name, uncell,
};
use crate::i18n::Said;
use crate::model::{
    Activity, ActivityKind, ActivityPartner, BudgetCategory, BudgetLine, CountryCode, Currency,
    Dependency, DependencyKind, Id, Location, OrgRole, Plan, Status, Text, Timing,
};
use crate::said;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

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
pub fn import(plan: &Plan, sources: Sources) -> Result<Plan, Vec<Located>> {
    let mut errors = Vec::new();
    let mut out = plan.clone();
    let mut listed: Vec<Id> = Vec::new();
    if let Some(src) = sources.activities {
        if let Some(table) = Table::read(src, &mut errors) {
            listed = activities(plan, &table, &mut out, &mut errors);
        }
    }
    if let Some(src) = sources.budget {
        if let Some(table) = Table::read(src, &mut errors) {
            budget(plan, &table, &listed, &mut out, &mut errors);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        // In reading order: the activities file first, then each file by row and column.
        errors.sort_by_key(|e| (e.file.clone(), e.row, e.col));
        Err(errors)
    }
}

/// A CSV file read into rows of cells, with the column each header names.
struct Table<'a> {
    name: &'a str,
    /// Each record after the header with its row number (the header is row 1).
    rows: Vec<(usize, csv::StringRecord)>,
    width: usize,
    columns: HashMap<String, usize>,
}

impl<'a> Table<'a> {
    fn read(src: Source<'a>, errors: &mut Vec<Located>) -> Option<Table<'a>> {
        let text = match std::str::from_utf8(src.bytes) {
            Ok(t) => t,
            Err(e) => {
                let before = &src.bytes[..e.valid_up_to()];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
                errors.push(located(
                    src.name,
                    (line, col),
                    Code::Unreadable,
                    said!("exchange-not-utf8"),
                    said!("exchange-not-utf8-hint"),
                ));
                return None;
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        for (i, r) in reader.records().enumerate() {
            match r {
                Ok(r) => records.push((i + 1, r)),
                Err(e) => {
                    let row = e.position().map_or(i + 1, |p| p.record() as usize + 1);
                    errors.push(located(
                        src.name,
                        (row, 1),
                        Code::Unreadable,
                        said!("exchange-unreadable", detail = &e),
                        said!("exchange-unreadable-hint"),
                    ));
                    return None;
                }
            }
        }
        let mut rows = records.into_iter();
        let Some((_, header)) = rows.next() else {
            errors.push(located(
                src.name,
                (1, 1),
                Code::MissingColumn,
                said!("exchange-no-header"),
                said!("exchange-missing-column-hint"),
            ));
            return None;
        };
        let mut columns = HashMap::new();
        for (i, h) in header.iter().enumerate() {
            let name = uncell(h.trim()).trim().to_owned();
            if columns.insert(name.clone(), i).is_some() {
                errors.push(located(
                    src.name,
                    (1, i + 1),
                    Code::DuplicateColumn,
                    said!("import-column-twice", column = &name),
                    said!("exchange-column-twice-hint"),
                ));
            }
        }
        // Rows a spreadsheet leaves blank at the end (or between) say nothing.
        let rows = rows
            .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
            .collect();
        Some(Table {
            name: src.name,
            rows,
            width: header.len(),
            columns,
        })
    }

    /// Reports each column that is not one of `known` (nor one of `ignored`), and each of
    /// `required` that is missing. Whether the rows can be read: an unknown column does not
    /// stop them, so that one run reports every problem.
    fn check_header(
        &self,
        known: &[&str],
        ignored: &[&str],
        required: &[&str],
        errors: &mut Vec<Located>,
    ) -> bool {
        let mut usable = true;
        let mut unknown: Vec<(&String, &usize)> = self
            .columns
            .iter()
            .filter(|(c, _)| !known.contains(&c.as_str()) && !ignored.contains(&c.as_str()))
            .collect();
        unknown.sort_by_key(|(_, i)| **i);
        for (c, i) in unknown {
            errors.push(located(
                self.name,
                (1, i + 1),
                Code::UnknownColumn,
                said!("exchange-unknown-column", column = c.as_str()),
                said!("exchange-unknown-column-hint", known = &known.join(", ")),
            ));
        }
        for r in required {
            if !self.columns.contains_key(*r) {
                errors.push(located(
                    self.name,
                    (1, 1),
                    Code::MissingColumn,
                    said!("import-missing-column", column = *r),
                    said!("exchange-missing-column-hint"),
                ));
                usable = false;
            }
        }
        usable
    }

    /// Reports a row whose cell count differs from the header's; whether it is whole.
    fn whole(&self, row: usize, r: &csv::StringRecord, errors: &mut Vec<Located>) -> bool {
        if r.len() == self.width {
            return true;
        }
        errors.push(located(
            self.name,
            (row, r.len().min(self.width) + 1),
            Code::CellCount,
            said!("import-cell-count", cells = r.len(), header = self.width),
            said!("exchange-cell-count-hint"),
        ));
        false
    }
}

fn located(
    file: &str,
    (row, col): (usize, usize),
    code: Code,
    message: Said,
    hint: Said,
) -> Located {
    Located {
        file: file.to_owned(),
        row,
        col,
        code,
        message,
        hint,
    }
}

/// One row's cells by column name, and the errors found in it.
struct Row<'t> {
    table: &'t Table<'t>,
    row: usize,
    record: &'t csv::StringRecord,
    errors: Vec<Located>,
}

/// A problem with one cell: its code, message and hint.
type CellError = (Code, Said, Said);

impl<'t> Row<'t> {
    /// The column's 1-based position and its cell (one leading `'` taken off), if the file
    /// has the column.
    fn cell(&self, column: &str) -> Option<(usize, &'t str)> {
        let i = *self.table.columns.get(column)?;
        Some((i + 1, uncell(self.record.get(i).unwrap_or_default())))
    }

    fn error(&mut self, col: usize, (code, message, hint): CellError) {
        self.errors.push(located(
            self.table.name,
            (self.row, col),
            code,
            message,
            hint,
        ));
    }

    /// Parses the column's cell with `parse` when present; `Some(None)` for a blank cell,
    /// `None` when the column is absent or the cell is wrong (reported).
    fn parse<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, CellError>,
    ) -> Option<Option<T>> {
        let (col, cell) = self.cell(column)?;
        let cell = cell.trim();
        if cell.is_empty() {
            return Some(None);
        }
        match parse(cell) {
            Ok(v) => Some(Some(v)),
            Err(e) => {
                self.error(col, e);
                None
            }
        }
    }
}

fn bad_value(message: Said) -> CellError {
    (Code::BadValue, message, said!("exchange-value-hint"))
}

fn id(s: &str) -> Result<Id, CellError> {
    Id::parse(s).map_err(|e| {
        (
            Code::BadId,
            said!(
                "exchange-bad-id",
                text = &format!("{s:?}"),
                reason = e.said()
            ),
            said!("exchange-bad-id-hint"),
        )
    })
}

fn date(s: &str) -> Result<NaiveDate, CellError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        (
            Code::BadDate,
            said!("value-not-date", text = &format!("{s:?}")),
            said!("exchange-date-hint"),
        )
    })
}

fn one_of<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str) -> Result<T, CellError> {
    all.iter()
        .copied()
        .find(|v| name(*v).eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let allowed: Vec<&str> = all.iter().map(|v| name(*v)).collect();
            bad_value(said!(
                "value-not-one-of",
                text = &format!("{s:?}"),
                allowed = &allowed.join(", ")
            ))
        })
}

fn whole<T: TryFrom<i64>>(s: &str, min: i64, max: i64) -> Result<T, CellError> {
    let n: i64 = s
        .parse()
        .map_err(|_| bad_value(said!("value-not-whole", text = &format!("{s:?}"))))?;
    if !(min..=max).contains(&n) {
        return Err(bad_value(said!(
            "value-out-of-range",
            value = n,
            min = min,
            max = max
        )));
    }
    T::try_from(n).map_err(|_| bad_value(said!("value-not-whole", text = &format!("{s:?}"))))
}

/// `ID`, `ID:KIND` or `ID:KIND+LAG` / `ID:KIND-LAG`.
fn dependency(item: &str) -> Result<Dependency, CellError> {
    let item = item.trim();
    let bad = || {
        bad_value(said!(
            "exchange-bad-dependency",
            text = &format!("{item:?}")
        ))
    };
    let (target, rest) = item.split_once(':').unwrap_or((item, ""));
    let activity = id(target.trim())?;
    let rest = rest.trim();
    let (kind, lag) = match rest.find(['+', '-']) {
        Some(p) => (&rest[..p], rest[p..].parse::<i32>().map_err(|_| bad())?),
        None => (rest, 0),
    };
    let kind = if kind.is_empty() {
        DependencyKind::FinishToStart
    } else {
        DependencyKind::ALL
            .into_iter()
            .find(|k| k.code().eq_ignore_ascii_case(kind))
            .ok_or_else(bad)?
    };
    Ok(Dependency {
        activity,
        kind,
        lag,
    })
}

/// `ID:ROLE`.
fn partner(item: &str) -> Result<ActivityPartner, CellError> {
    let item = item.trim();
    let Some((p, role)) = item.split_once(':') else {
        return Err(bad_value(said!(
            "exchange-bad-partner",
            text = &format!("{item:?}")
        )));
    };
    Ok(ActivityPartner {
        partner: id(p.trim())?,
        role: one_of(role.trim(), &OrgRole::ALL, role_name)?,
    })
}

/// What a reference names, to look it up once every row is read.
#[derive(Clone, Copy)]
enum Target {
    Activity,
    Partner,
    Beneficiary,
    Calendar,
    Funding,
}

/// A reference to check: where it is, what it names.
struct Reference {
    row: usize,
    col: usize,
    target: Target,
    id: Id,
}

/// Reads `activities.csv` into `out`; the ids it lists, in row order.
fn activities(plan: &Plan, table: &Table, out: &mut Plan, errors: &mut Vec<Located>) -> Vec<Id> {
    if !table.check_header(&ACTIVITY_COLUMNS, &SCHEDULED_COLUMNS, &["id"], errors) {
        return Vec::new();
    }
    let mut refs = Vec::new();
    let mut seen: HashMap<Id, usize> = HashMap::new();
    let mut listed = Vec::new();
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
        let Some((id_col, _)) = r.cell("id") else {
            continue;
        };
        let Some(Some(id)) = r.parse("id", id) else {
            if r.errors.is_empty() {
                r.error(
                    id_col,
                    (
                        Code::BadId,
                        said!("exchange-blank-cell", column = "id"),
                        said!("exchange-bad-id-hint"),
                    ),
                );
            }
            errors.append(&mut r.errors);
            continue;
        };
        if let Some(first) = seen.insert(id.clone(), *row) {
            r.error(
                id_col,
                (
                    Code::DuplicateRow,
                    said!("exchange-duplicate-row", id = &id, row = first),
                    said!("exchange-duplicate-row-hint"),
                ),
            );
            errors.append(&mut r.errors);
            continue;
        }
        let existing = plan.activities.get(&id);
        let mut a = existing
            .cloned()
            .unwrap_or_else(|| Activity::new(id.clone(), Text::default(), 0));
        activity_row(&mut r, &mut a, existing.is_none(), &mut refs);
        errors.append(&mut r.errors);
        a.normalize();
        listed.push(id.clone());
        out.activities.insert(id, a);
    }
    check_references(plan, out, table.name, refs, errors);
    listed
}

/// Sets the fields of `a` whose columns the row has.
fn activity_row(r: &mut Row, a: &mut Activity, new: bool, refs: &mut Vec<Reference>) {
    let mut reference = |r: &Row, column: &str, target: Target, id: &Id| {
        if let Some((col, _)) = r.cell(column) {
            refs.push(Reference {
                row: r.row,
                col,
                target,
                id: id.clone(),
            });
        }
    };
    if let Some(kind) = r.parse("kind", |s| {
        one_of(
            s,
            &[
                ActivityKind::Task,
                ActivityKind::Milestone,
                ActivityKind::Group,
            ],
            kind_name,
        )
    }) {
        a.kind = kind.unwrap_or_default();
    }
    if let Some(parent) = r.parse("parent", id) {
        if let Some(p) = &parent {
            reference(r, "parent", Target::Activity, p);
        }
        a.parent = parent;
    }
    text(r, "title", &mut a.title);
    text(r, "description", &mut a.description);
    if new && a.title.is_empty() {
        let col = r
            .cell("title_en")
            .or(r.cell("title_ar"))
            .map_or(1, |(c, _)| c);
        r.error(
            col,
            bad_value(said!("exchange-new-needs-title", id = &a.id)),
        );
    }
    timing(r, a, new);
    if let Some(deps) = list(r, "dependencies", dependency) {
        for d in &deps {
            reference(r, "dependencies", Target::Activity, &d.activity);
        }
        a.dependencies = deps;
    }
    if let Some(status) = r.parse("status", |s| one_of(s, &Status::ALL, status_name)) {
        a.status = status.unwrap_or_default();
    }
    if let Some(progress) = r.parse("progress", |s| whole::<u8>(s, 0, 100)) {
        a.progress = progress.unwrap_or_default();
    }
    if let Some(lead) = r.parse("lead", id) {
        if let Some(l) = &lead {
            reference(r, "lead", Target::Partner, l);
        }
        a.lead = lead;
    }
    if let Some(partners) = list(r, "partners", partner) {
        for p in &partners {
            reference(r, "partners", Target::Partner, &p.partner);
        }
        a.partners = partners;
    }
    if let Some(bs) = list(r, "beneficiaries", id) {
        for b in &bs {
            reference(r, "beneficiaries", Target::Beneficiary, b);
        }
        a.beneficiaries = bs;
    }
    location(r, a);
    if let Some(calendar) = r.parse("calendar", id) {
        if let Some(c) = &calendar {
            reference(r, "calendar", Target::Calendar, c);
        }
        a.calendar = calendar;
    }
    outputs(r, a);
    if let Some((_, cell)) = r.cell("sdg_targets") {
        a.sdg_targets = split_list(cell.trim())
            .into_iter()
            .map(|s| s.trim().to_owned())
            .collect();
    }
    if let Some((_, cell)) = r.cell("tags") {
        a.tags = split_list(cell);
    }
}

/// `NAME_ar` and `NAME_en` into `t`, each when its column is present. Text is taken as
/// written, spaces and all; a blank cell is no text.
fn text(r: &Row, name: &str, t: &mut Text) {
    for (lang, slot) in [("ar", &mut t.ar), ("en", &mut t.en)] {
        if let Some((_, cell)) = r.cell(&format!("{name}_{lang}")) {
            *slot = Some(cell.to_owned()).filter(|s| !s.is_empty());
        }
    }
}

/// The items of a list column parsed with `parse`; `None` when the column is absent or an
/// item is wrong (reported).
fn list<T>(
    r: &mut Row,
    column: &str,
    parse: impl Fn(&str) -> Result<T, CellError>,
) -> Option<Vec<T>> {
    let (col, cell) = r.cell(column)?;
    let mut items = Vec::new();
    let mut ok = true;
    for item in split_list(cell.trim()) {
        match parse(item.trim()) {
            Ok(v) => items.push(v),
            Err(e) => {
                r.error(col, e);
                ok = false;
            }
        }
    }
    ok.then_some(items)
}

fn timing(r: &mut Row, a: &mut Activity, new: bool) {
    const COLUMNS: [&str; 4] = ["start", "end", "days", "not_before"];
    if COLUMNS.iter().all(|c| r.cell(c).is_none()) {
        if new {
            r.error(1, timing_error(said!("exchange-timing-new", id = &a.id)));
        }
        return;
    }
    let first = COLUMNS
        .iter()
        .find_map(|c| r.cell(c))
        .map_or(1, |(col, _)| col);
    let before = r.errors.len();
    let start = r.parse("start", date).flatten();
    let end = r.parse("end", date).flatten();
    let days = r
        .parse("days", |s| whole::<u32>(s, 0, i64::from(u32::MAX)))
        .flatten();
    let not_before = r.parse("not_before", date).flatten();
    // A cell reported wrong above leaves the timing as it was.
    if r.errors.len() > before {
        return;
    }
    a.timing = match (start, end, days, not_before) {
        (Some(start), Some(end), None, None) if end >= start => Timing::Fixed { start, end },
        (Some(start), Some(end), None, None) => {
            let col = r.cell("end").map_or(first, |(c, _)| c);
            r.error(
                col,
                timing_error(said!("exchange-end-before-start", start = start, end = end)),
            );
            return;
        }
        (None, None, Some(days), not_before) => Timing::Duration { days, not_before },
        (None, None, None, None) => Timing::Span,
        (None, None, None, Some(_)) => {
            r.error(first, timing_error(said!("exchange-timing-not-before")));
            return;
        }
        (Some(_), None, None, None) | (None, Some(_), None, None) => {
            r.error(first, timing_error(said!("exchange-timing-half")));
            return;
        }
        _ => {
            r.error(first, timing_error(said!("exchange-timing-mixed")));
            return;
        }
    };
}

fn timing_error(message: Said) -> CellError {
    (Code::Timing, message, said!("exchange-timing-hint"))
}

fn location(r: &mut Row, a: &mut Activity) {
    if r.cell("country").is_none() && r.cell("city").is_none() {
        return;
    }
    let before = r.errors.len();
    let parsed = r.parse("country", |s| {
        CountryCode::parse(&s.to_ascii_uppercase()).map_err(bad_value)
    });
    if r.errors.len() > before {
        return;
    }
    let country = match parsed {
        Some(c) => c,
        None => a.location.as_ref().map(|l| l.country.clone()),
    };
    let city = match r.cell("city") {
        Some((_, c)) => Some(c.to_owned()).filter(|c| !c.is_empty()),
        None => a.location.as_ref().and_then(|l| l.city.clone()),
    };
    a.location = match (country, city) {
        (Some(country), city) => Some(Location { country, city }),
        (None, None) => None,
        (None, Some(_)) => {
            let col = r.cell("country").or(r.cell("city")).map_or(1, |(c, _)| c);
            r.error(col, bad_value(said!("exchange-city-without-country")));
            return;
        }
    };
}

fn outputs(r: &Row, a: &mut Activity) {
    let (ar, en) = (r.cell("outputs_ar"), r.cell("outputs_en"));
    if ar.is_none() && en.is_none() {
        return;
    }
    let side = |cell: Option<(usize, &str)>, get: fn(&Text) -> Option<String>| match cell {
        Some((_, c)) => split_list(c),
        None => a
            .outputs
            .iter()
            .map(|t| get(t).unwrap_or_default())
            .collect(),
    };
    let ar = side(ar, |t| t.ar.clone());
    let en = side(en, |t| t.en.clone());
    let n = ar.len().max(en.len());
    let at = |v: &[String], i: usize| v.get(i).cloned().filter(|s| !s.is_empty());
    a.outputs = (0..n)
        .map(|i| Text {
            ar: at(&ar, i),
            en: at(&en, i),
        })
        .collect();
}

/// Reports each reference that names nothing in `out` (activities) or `plan` (the rest).
fn check_references(
    plan: &Plan,
    out: &Plan,
    file: &str,
    refs: Vec<Reference>,
    errors: &mut Vec<Located>,
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
                Code::UnknownReference,
                message,
                said!("exchange-unknown-hint"),
            ));
        }
    }
}

/// Reads `budget.csv` into `out`: the activities it has rows for, and those of `listed`, get
/// its rows as their budget.
fn budget(plan: &Plan, table: &Table, listed: &[Id], out: &mut Plan, errors: &mut Vec<Located>) {
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
        if let Some(f) = &funding {
            if let Some((col, _)) = r.cell("funding") {
                refs.push(Reference {
                    row: *row,
                    col,
                    target: Target::Funding,
                    id: f.clone(),
                });
            }
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
                    Code::UnknownReference,
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
