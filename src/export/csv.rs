//! CSV: activities, budget lines and partners, one spreadsheet each.
//!
//! The columns are a documented format (the book's "Exports and imports" chapter lists each
//! one); their names are data, not interface text, and stay English in every language.
//! `khutta import csv` reads `activities.csv` and `budget.csv` back: every column but the
//! scheduled ones ([`SCHEDULED_COLUMNS`]), which khutta computes, comes back as written.
//!
//! Every file starts with a UTF-8 byte order mark (spreadsheets then read Arabic as Arabic),
//! ends its rows with CRLF (RFC 4180), and quotes a cell when it must. Every cell goes
//! through [`cell`]: a cell that a spreadsheet would take for a formula gets a leading `'`.

use super::{File, Input};
use crate::model::{
    Activity, ActivityKind, BudgetCategory, DependencyKind, OrgRole, OrganisationType, Partner,
    Status, Text, Timing,
};
use crate::schedule::Entry;
use std::fmt::Write;

/// The activities file.
pub const ACTIVITIES_FILE: &str = "activities.csv";
/// The budget lines file.
pub const BUDGET_FILE: &str = "budget.csv";
/// The partners file.
pub const PARTNERS_FILE: &str = "partners.csv";

/// The columns of `activities.csv` that `khutta import csv` reads, in order.
pub const ACTIVITY_COLUMNS: [&str; 24] = [
    "id",
    "kind",
    "parent",
    "title_ar",
    "title_en",
    "description_ar",
    "description_en",
    "start",
    "end",
    "days",
    "not_before",
    "dependencies",
    "status",
    "progress",
    "lead",
    "partners",
    "beneficiaries",
    "country",
    "city",
    "calendar",
    "outputs_ar",
    "outputs_en",
    "sdg_targets",
    "tags",
];

/// The columns of `activities.csv` that khutta computes from the schedule: written for
/// reading, ignored by the import.
pub const SCHEDULED_COLUMNS: [&str; 4] =
    ["scheduled_start", "scheduled_end", "slack_days", "critical"];

/// The columns of `budget.csv`, in order: one row per budget line, an activity's lines in
/// their order.
pub const BUDGET_COLUMNS: [&str; 6] = [
    "activity", "category", "amount", "currency", "funding", "note",
];

/// The columns of `partners.csv`, in order (export only).
pub const PARTNER_COLUMNS: [&str; 12] = [
    "id",
    "name_ar",
    "name_en",
    "acronym",
    "kind",
    "roles",
    "country",
    "website",
    "iati_ref",
    "contact_name",
    "contact_email",
    "contact_phone",
];

/// The byte order mark each file starts with.
pub const BOM: &str = "\u{feff}";

/// The three files, for `--out DIR`.
pub fn export(input: &Input) -> Vec<File> {
    vec![
        File {
            name: ACTIVITIES_FILE,
            bytes: activities(input).into_bytes(),
        },
        File {
            name: BUDGET_FILE,
            bytes: budget(input).into_bytes(),
        },
        File {
            name: PARTNERS_FILE,
            bytes: partners(input).into_bytes(),
        },
    ]
}

/// `activities.csv`: one row per activity, in id order.
pub fn activities(input: &Input) -> String {
    let mut out = String::with_capacity(input.plan.activities.len() * 256);
    out.push_str(BOM);
    let header: Vec<&str> = ACTIVITY_COLUMNS
        .iter()
        .chain(SCHEDULED_COLUMNS.iter())
        .copied()
        .collect();
    row(&mut out, header.iter().copied());
    let mut cells: Vec<String> = Vec::with_capacity(header.len());
    for (a, e) in input.activities() {
        cells.clear();
        activity_cells(a, &mut cells);
        scheduled_cells(e, &mut cells);
        row(&mut out, cells.iter().map(String::as_str));
    }
    out
}

/// The cells of the columns of [`ACTIVITY_COLUMNS`], in order.
pub fn activity_cells(a: &Activity, out: &mut Vec<String>) {
    let opt = |v: Option<&str>| v.unwrap_or_default().to_owned();
    let (start, end, days, not_before) = match &a.timing {
        Timing::Fixed { start, end } => (
            start.to_string(),
            end.to_string(),
            String::new(),
            String::new(),
        ),
        Timing::Duration { days, not_before } => (
            String::new(),
            String::new(),
            days.to_string(),
            not_before.map(|d| d.to_string()).unwrap_or_default(),
        ),
        Timing::Span => Default::default(),
    };
    out.push(a.id.to_string());
    out.push(kind_name(a.kind).to_owned());
    out.push(opt(a.parent.as_ref().map(|i| i.as_str())));
    push_text(&a.title, out);
    push_text(&a.description, out);
    out.extend([start, end, days, not_before]);
    out.push(join_list(a.dependencies.iter().map(|d| {
        let mut s = d.activity.to_string();
        if d.kind != DependencyKind::FinishToStart || d.lag != 0 {
            s.push(':');
            s.push_str(d.kind.code());
        }
        if d.lag != 0 {
            let _ = write!(s, "{:+}", d.lag);
        }
        s
    })));
    out.push(status_name(a.status).to_owned());
    out.push(a.progress.to_string());
    out.push(opt(a.lead.as_ref().map(|i| i.as_str())));
    out.push(join_list(
        a.partners
            .iter()
            .map(|p| format!("{}:{}", p.partner, role_name(p.role))),
    ));
    out.push(join_list(a.beneficiaries.iter().map(|b| b.to_string())));
    out.push(
        a.location
            .as_ref()
            .map(|l| l.country.to_string())
            .unwrap_or_default(),
    );
    out.push(opt(a.location.as_ref().and_then(|l| l.city.as_deref())));
    out.push(opt(a.calendar.as_ref().map(|i| i.as_str())));
    out.push(join_list(
        a.outputs.iter().map(|t| t.ar.clone().unwrap_or_default()),
    ));
    out.push(join_list(
        a.outputs.iter().map(|t| t.en.clone().unwrap_or_default()),
    ));
    out.push(join_list(a.sdg_targets.iter().cloned()));
    out.push(join_list(a.tags.iter().cloned()));
}

fn scheduled_cells(e: Option<&Entry>, out: &mut Vec<String>) {
    match e.and_then(|e| e.dates) {
        Some(d) => {
            out.push(d.early_start.to_string());
            out.push(d.early_finish.to_string());
            out.push(d.total_slack.to_string());
            out.push(if d.critical { "yes" } else { "no" }.to_owned());
        }
        None => out.extend(std::iter::repeat_n(String::new(), SCHEDULED_COLUMNS.len())),
    }
}

fn push_text(t: &Text, out: &mut Vec<String>) {
    out.push(t.ar.clone().unwrap_or_default());
    out.push(t.en.clone().unwrap_or_default());
}

/// `budget.csv`: each activity's budget lines, activities in id order.
pub fn budget(input: &Input) -> String {
    let mut out = String::with_capacity(input.plan.activities.len() * 64);
    out.push_str(BOM);
    row(&mut out, BUDGET_COLUMNS.iter().copied());
    for a in input.plan.activities.values() {
        for b in &a.budget {
            let amount = b.amount.normalize().to_string();
            let cells = [
                a.id.as_str(),
                category_name(b.category),
                &amount,
                b.currency.as_str(),
                b.funding.as_ref().map_or("", |i| i.as_str()),
                b.note.as_deref().unwrap_or_default(),
            ];
            row(&mut out, cells.into_iter());
        }
    }
    out
}

/// `partners.csv`: one row per partner, in id order.
pub fn partners(input: &Input) -> String {
    let mut out = String::new();
    out.push_str(BOM);
    row(&mut out, PARTNER_COLUMNS.iter().copied());
    for p in input.plan.partners.values() {
        let cells = partner_cells(p);
        row(&mut out, cells.iter().map(String::as_str));
    }
    out
}

fn partner_cells(p: &Partner) -> Vec<String> {
    let opt = |v: Option<&str>| v.unwrap_or_default().to_owned();
    let contact = p.contact.as_ref();
    vec![
        p.id.to_string(),
        opt(p.name.ar.as_deref()),
        opt(p.name.en.as_deref()),
        opt(p.acronym.as_deref()),
        organisation_type_name(p.kind).to_owned(),
        join_list(p.roles.iter().map(|r| role_name(*r).to_owned())),
        p.country
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        opt(p.website.as_deref()),
        opt(p.iati_ref.as_deref()),
        opt(contact.map(|c| c.name.as_str())),
        opt(contact.and_then(|c| c.email.as_deref())),
        opt(contact.and_then(|c| c.phone.as_deref())),
    ]
}

/// Appends one CSV row, each cell made safe with [`cell`] and quoted when it must be.
fn row<'s>(out: &mut String, cells: impl Iterator<Item = &'s str>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let c = cell(c);
        if c.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&c);
        }
    }
    out.push_str("\r\n");
}

/// A cell as khutta writes it: [`crate::text::csv_cell`] (a formula-like cell gets a leading
/// `'`), and a cell that starts with `'` itself gets one more, so that the import takes
/// exactly one leading `'` off every cell ([`uncell`]) and gets the text back.
pub fn cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with('\'') {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        crate::text::csv_cell(s)
    }
}

/// The text of a cell [`cell`] wrote.
pub fn uncell(s: &str) -> &str {
    s.strip_prefix('\'').unwrap_or(s)
}

/// The separator of a list's items inside one cell.
pub const LIST_SEPARATOR: char = ';';

/// Items in one cell, separated by `;`; a `;` or `\` inside an item is written `\;`, `\\`.
pub fn join_list(items: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(LIST_SEPARATOR);
        }
        for c in item.chars() {
            if c == LIST_SEPARATOR || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The items of a cell [`join_list`] wrote (none for an empty cell). A `\` before any other
/// character, or at the end, stands for itself.
pub fn split_list(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    let mut items = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        let last = items.len() - 1;
        match c {
            '\\' if matches!(chars.peek(), Some(&LIST_SEPARATOR) | Some(&'\\')) => {
                if let Some(next) = chars.next() {
                    items[last].push(next);
                }
            }
            LIST_SEPARATOR => items.push(String::new()),
            c => items[last].push(c),
        }
    }
    items
}

/// The names the CSV gives each enumeration: the names of the plan's RON files.
pub fn kind_name(k: ActivityKind) -> &'static str {
    match k {
        ActivityKind::Task => "Task",
        ActivityKind::Milestone => "Milestone",
        ActivityKind::Group => "Group",
    }
}

/// The CSV (and RON) name of a status.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Planned => "Planned",
        Status::InProgress => "InProgress",
        Status::Done => "Done",
        Status::OnHold => "OnHold",
        Status::Cancelled => "Cancelled",
    }
}

/// The CSV (and RON) name of an organisation role.
pub fn role_name(r: OrgRole) -> &'static str {
    match r {
        OrgRole::Funding => "Funding",
        OrgRole::Accountable => "Accountable",
        OrgRole::Extending => "Extending",
        OrgRole::Implementing => "Implementing",
    }
}

/// The CSV (and RON) name of a budget category.
pub fn category_name(c: BudgetCategory) -> &'static str {
    match c {
        BudgetCategory::Staff => "Staff",
        BudgetCategory::Consultants => "Consultants",
        BudgetCategory::Travel => "Travel",
        BudgetCategory::Meetings => "Meetings",
        BudgetCategory::Training => "Training",
        BudgetCategory::Equipment => "Equipment",
        BudgetCategory::Communication => "Communication",
        BudgetCategory::Grants => "Grants",
        BudgetCategory::Evaluation => "Evaluation",
        BudgetCategory::Other => "Other",
    }
}

/// The CSV (and RON) name of an organisation type.
pub fn organisation_type_name(t: OrganisationType) -> &'static str {
    match t {
        OrganisationType::Government => "Government",
        OrganisationType::LocalGovernment => "LocalGovernment",
        OrganisationType::OtherPublicSector => "OtherPublicSector",
        OrganisationType::InternationalNgo => "InternationalNgo",
        OrganisationType::NationalNgo => "NationalNgo",
        OrganisationType::RegionalNgo => "RegionalNgo",
        OrganisationType::PartnerCountryNgo => "PartnerCountryNgo",
        OrganisationType::PublicPrivatePartnership => "PublicPrivatePartnership",
        OrganisationType::Multilateral => "Multilateral",
        OrganisationType::Foundation => "Foundation",
        OrganisationType::PrivateSector => "PrivateSector",
        OrganisationType::Academic => "Academic",
        OrganisationType::Other => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_escape_their_separator_and_backslash() {
        let items = vec![
            "a;b".to_owned(),
            "c\\".to_owned(),
            String::new(),
            "d".to_owned(),
        ];
        let cell = join_list(items.clone().into_iter());
        assert_eq!(cell, "a\\;b;c\\\\;;d");
        assert_eq!(split_list(&cell), items);
        assert_eq!(split_list(""), Vec::<String>::new());
        assert_eq!(split_list("x\\y"), vec!["x\\y".to_owned()]);
    }

    #[test]
    fn cells_that_look_like_formulas_or_start_with_a_quote_come_back() {
        for s in [
            "=SUM(A1)", "'=x", "'", "-3", "-x", "@me", "plain", "", "''a",
        ] {
            assert_eq!(uncell(&cell(s)), s, "{s:?}");
        }
        assert_eq!(cell("=1+1"), "'=1+1");
    }

    #[test]
    fn rows_quote_what_must_be_quoted() {
        let mut out = String::new();
        row(&mut out, ["a,b", "say \"hi\"", "x\ny", "plain"].into_iter());
        assert_eq!(out, "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",plain\r\n");
    }
}
