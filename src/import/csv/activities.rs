//! The rows of `activities.csv`: each sets the fields of one activity whose columns the file
//! has, and keeps the others as the plan has them.

use super::table::{CellError, Row, Table, bad_value, date, id, list, one_of, whole};
use super::{Reference, Target, check_references};
use crate::check::{Code, Diagnostic};
use crate::export::csv::{
    ACTIVITY_COLUMNS, SCHEDULED_COLUMNS, kind_name, role_name, split_list, status_name,
};
use crate::i18n::Said;
use crate::model::{
    Activity, ActivityKind, ActivityPartner, CountryCode, Dependency, DependencyKind, Id, Location,
    OrgRole, Plan, Status, Text, Timing,
};
use crate::said;
use std::collections::HashMap;

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

/// Reads `activities.csv` into `out`; the ids it lists, in row order.
pub(super) fn activities(
    plan: &Plan,
    table: &Table,
    out: &mut Plan,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Id> {
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
                        Code::CsvBadId,
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
                    Code::CsvDuplicateRow,
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
    (Code::CsvTiming, message, said!("exchange-timing-hint"))
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
