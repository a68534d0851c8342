//! A CSV file read into rows, and the cell parsers every column shares: each problem becomes
//! a [`Diagnostic`] at the cell's row and column.

use super::Source;
use crate::check::{Code, Diagnostic};
use crate::export::csv::{split_list, uncell};
use crate::i18n::Said;
use crate::model::Id;
use crate::said;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A CSV file read into rows of cells, with the column each header names.
pub(super) struct Table<'a> {
    pub(super) name: &'a str,
    /// Each record after the header with its row number (the header is row 1).
    pub(super) rows: Vec<(usize, csv::StringRecord)>,
    pub(super) width: usize,
    pub(super) columns: HashMap<String, usize>,
}

impl<'a> Table<'a> {
    pub(super) fn read(src: Source<'a>, errors: &mut Vec<Diagnostic>) -> Option<Table<'a>> {
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
                    Code::CsvUnreadable,
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
                        Code::CsvUnreadable,
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
                Code::CsvMissingColumn,
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
                    Code::CsvDuplicateColumn,
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
    pub(super) fn check_header(
        &self,
        known: &[&str],
        ignored: &[&str],
        required: &[&str],
        errors: &mut Vec<Diagnostic>,
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
                Code::CsvUnknownColumn,
                said!("exchange-unknown-column", column = c.as_str()),
                said!("exchange-unknown-column-hint", known = &known.join(", ")),
            ));
        }
        for r in required {
            if !self.columns.contains_key(*r) {
                errors.push(located(
                    self.name,
                    (1, 1),
                    Code::CsvMissingColumn,
                    said!("import-missing-column", column = *r),
                    said!("exchange-missing-column-hint"),
                ));
                usable = false;
            }
        }
        usable
    }

    /// Reports a row whose cell count differs from the header's; whether it is whole.
    pub(super) fn whole(
        &self,
        row: usize,
        r: &csv::StringRecord,
        errors: &mut Vec<Diagnostic>,
    ) -> bool {
        if r.len() == self.width {
            return true;
        }
        errors.push(located(
            self.name,
            (row, r.len().min(self.width) + 1),
            Code::CsvCellCount,
            said!("import-cell-count", cells = r.len(), header = self.width),
            said!("exchange-cell-count-hint"),
        ));
        false
    }
}

pub(super) fn located(
    file: &str,
    (row, col): (usize, usize),
    code: Code,
    message: Said,
    hint: Said,
) -> Diagnostic {
    // A spreadsheet's row and column; the header is row 1. Rows past u32 are not read.
    let at = (
        u32::try_from(row).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    );
    Diagnostic::file(code, file, at, message, hint)
}

/// One row's cells by column name, and the errors found in it.
pub(super) struct Row<'t> {
    pub(super) table: &'t Table<'t>,
    pub(super) row: usize,
    pub(super) record: &'t csv::StringRecord,
    pub(super) errors: Vec<Diagnostic>,
}

/// A problem with one cell: its code, message and hint.
pub(super) type CellError = (Code, Said, Said);

impl<'t> Row<'t> {
    /// The column's 1-based position and its cell (one leading `'` taken off), if the file
    /// has the column.
    pub(super) fn cell(&self, column: &str) -> Option<(usize, &'t str)> {
        let i = *self.table.columns.get(column)?;
        Some((i + 1, uncell(self.record.get(i).unwrap_or_default())))
    }

    pub(super) fn error(&mut self, col: usize, (code, message, hint): CellError) {
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
    pub(super) fn parse<T>(
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

pub(super) fn bad_value(message: Said) -> CellError {
    (Code::CsvBadValue, message, said!("exchange-value-hint"))
}

pub(super) fn id(s: &str) -> Result<Id, CellError> {
    Id::parse(s).map_err(|e| {
        (
            Code::CsvBadId,
            said!(
                "exchange-bad-id",
                text = &format!("{s:?}"),
                reason = e.said()
            ),
            said!("exchange-bad-id-hint"),
        )
    })
}

pub(super) fn date(s: &str) -> Result<NaiveDate, CellError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        (
            Code::CsvBadDate,
            said!("value-not-date", text = &format!("{s:?}")),
            said!("exchange-date-hint"),
        )
    })
}

pub(super) fn one_of<T: Copy>(
    s: &str,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<T, CellError> {
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

pub(super) fn whole<T: TryFrom<i64>>(s: &str, min: i64, max: i64) -> Result<T, CellError> {
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

/// The items of a list column parsed with `parse`; `None` when the column is absent or an
/// item is wrong (reported).
pub(super) fn list<T>(
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
