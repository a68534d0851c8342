//! Answers collected elsewhere (an online form's export) as CSV, into responses.
//!
//! The first row names the columns, in any order:
//! `participant,name,organisation,organisation_type,country,role,language`, then one column
//! per question id. `participant`, `organisation` and `country` are required; the others may
//! be left out. Each further row is one participant:
//! - `participant`: their id, a slug such as `p013` (it names their response file).
//! - `organisation`: a partner id of the plan, or any other name.
//! - `organisation_type`: for a name that is not a partner, its IATI type (`LocalGovernment`,
//!   `NationalNgo`, ...); optional.
//! - `country`: ISO 3166-1 alpha-2 (`EG`); `language`: `ar` or `en` (blank: `en`).
//! - a question's cell, blank when not answered: an option's id or its label in either
//!   language (single choice); several separated by `;` (multiple choice); `1` to `5`
//!   (rating); every option, best first, separated by `;` (ranking); plan item ids separated
//!   by `;` (plan items); any text (free text).
//!
//! A row with any problem is not imported and is reported with its number (the header is row
//! 1, as a spreadsheet counts) and why; every other row is.

use crate::check::plural;
use crate::i18n::Said;
use crate::model::{
    Answer, Consultation, CountryCode, Id, Lang, Organisation, OrganisationType, Plan, Question,
    QuestionKind, RATING_MAX, RATING_MIN, Response,
};
use crate::said;
use std::collections::{BTreeMap, HashSet};

/// The fixed columns, in the order a template lists them.
const FIXED: [&str; 7] = [
    "participant",
    "name",
    "organisation",
    "organisation_type",
    "country",
    "role",
    "language",
];

/// Why a CSV file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The header row is missing or unreadable.
    #[error("{}", self.said())]
    Header(String),
    /// A required column is missing.
    #[error("{}", self.said())]
    MissingColumn(String),
    /// A column is neither a fixed column nor a question of the round.
    #[error("{}", self.said())]
    UnknownColumn {
        /// The column.
        column: String,
        /// The round.
        round: Id,
        /// The round's question ids.
        known: String,
    },
    /// A column appears twice.
    #[error("{}", self.said())]
    DuplicateColumn(String),
}

impl ImportError {
    /// What is wrong, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> Said {
        match self {
            ImportError::Header(e) => said!("import-no-header", detail = e),
            ImportError::MissingColumn(c) => said!("import-missing-column", column = c),
            ImportError::UnknownColumn {
                column,
                round,
                known,
            } => said!(
                "import-unknown-column",
                column = column,
                round = round,
                known = known
            ),
            ImportError::DuplicateColumn(c) => said!("import-column-twice", column = c),
        }
    }
}

/// One row that was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row's number in the file, the header being row 1.
    pub row: usize,
    /// Why it was not imported.
    pub reason: Said,
}

/// What a CSV file gives: responses to save and rows refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Good rows, with their row numbers.
    pub responses: Vec<(usize, Response)>,
    /// Bad rows, in file order.
    pub errors: Vec<RowError>,
}

/// The header row for round `c`: the fixed columns, then every question id.
pub fn csv_header(c: &Consultation) -> String {
    let mut cols: Vec<&str> = FIXED.to_vec();
    cols.extend(c.round.questions.iter().map(|q| q.id.as_str()));
    cols.join(",")
}

/// Reads `text` as answers to round `c` of `plan`. A participant who already answered is
/// refused unless `replace`.
pub fn parse_csv(
    plan: &Plan,
    c: &Consultation,
    text: &str,
    replace: bool,
) -> Result<ImportOutcome, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::Header(e.to_string()))?
        .clone();
    let columns = columns(c, &header)?;
    let mut out = ImportOutcome::default();
    let mut seen: HashSet<Id> = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        // Rows are counted as a spreadsheet shows them, records not lines: a quoted cell may
        // hold line breaks.
        let row = i + 2;
        let result = record
            .map_err(|e| said!("import-unreadable-row", detail = &e))
            .and_then(|r| {
                if r.len() != header.len() {
                    return Err(said!(
                        "import-cell-count",
                        cells = r.len(),
                        header = header.len()
                    ));
                }
                row_response(plan, &columns, &r)
            })
            .and_then(|r| {
                if !seen.insert(r.participant.clone()) {
                    return Err(said!("import-earlier-row", participant = &r.participant));
                }
                if !replace && c.responses.contains_key(&r.participant) {
                    return Err(said!(
                        "import-already-answered",
                        participant = &r.participant
                    ));
                }
                Ok(r)
            });
        match result {
            Ok(r) => out.responses.push((row, r)),
            Err(reason) => out.errors.push(RowError { row, reason }),
        }
    }
    Ok(out)
}

/// What each column holds.
enum Column<'q> {
    Fixed(&'static str),
    Question(&'q Question),
}

fn columns<'c>(
    c: &'c Consultation,
    header: &csv::StringRecord,
) -> Result<Vec<Column<'c>>, ImportError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for h in header.iter().map(str::trim) {
        if !seen.insert(h) {
            return Err(ImportError::DuplicateColumn(h.to_owned()));
        }
        if let Some(f) = FIXED.iter().find(|f| **f == h) {
            out.push(Column::Fixed(f));
        } else if let Some(q) = c.round.question(h) {
            out.push(Column::Question(q));
        } else {
            let known: Vec<&str> = c.round.questions.iter().map(|q| q.id.as_str()).collect();
            return Err(ImportError::UnknownColumn {
                column: h.to_owned(),
                round: c.round.id.clone(),
                known: known.join(", "),
            });
        }
    }
    for required in ["participant", "organisation", "country"] {
        if !seen.contains(required) {
            return Err(ImportError::MissingColumn(required.to_owned()));
        }
    }
    Ok(out)
}

fn row_response(
    plan: &Plan,
    columns: &[Column],
    record: &csv::StringRecord,
) -> Result<Response, Said> {
    let mut fixed: BTreeMap<&str, &str> = BTreeMap::new();
    let mut answers = BTreeMap::new();
    for (col, cell) in columns.iter().zip(record.iter()) {
        let cell = cell.trim();
        match col {
            Column::Fixed(name) => {
                fixed.insert(name, cell);
            }
            Column::Question(_) if cell.is_empty() => {}
            Column::Question(q) => {
                let a = answer(plan, q, cell)
                    .map_err(|e| said!("import-in-question", question = &q.id, problem = e))?;
                answers.insert(q.id.clone(), a);
            }
        }
    }
    let get = |name: &str| fixed.get(name).copied().unwrap_or("");
    let participant = Id::parse(get("participant")).map_err(|e| {
        let text = format!("{:?}", get("participant"));
        said!("import-bad-participant", text = &text, reason = e.said())
    })?;
    let country = CountryCode::parse(&get("country").to_uppercase())?;
    let language = match get("language").to_lowercase().as_str() {
        "" | "en" => Lang::En,
        "ar" => Lang::Ar,
        other => return Err(said!("import-bad-language", text = &format!("{other:?}"))),
    };
    let org = get("organisation");
    let organisation = if plan.partners.contains_key(org) {
        Organisation::Partner(Id::new_unchecked(org))
    } else if org.is_empty() {
        return Err(said!("import-organisation-blank"));
    } else {
        let kind = match get("organisation_type") {
            "" => None,
            t => Some(organisation_type(t)?),
        };
        Organisation::Other {
            name: org.to_owned(),
            kind,
        }
    };
    let mut r = Response::new(participant, organisation, country, language);
    r.name = Some(get("name").to_owned()).filter(|n| !n.is_empty());
    r.role = get("role").to_owned();
    r.answers = answers;
    r.normalize();
    Ok(r)
}

fn organisation_type(t: &str) -> Result<OrganisationType, Said> {
    OrganisationType::ALL
        .into_iter()
        .find(|k| format!("{k:?}").eq_ignore_ascii_case(t) || k.iati_code().to_string() == t)
        .ok_or_else(|| said!("import-bad-organisation-type", text = &format!("{t:?}")))
}

/// One cell as an answer to `q`.
fn answer(plan: &Plan, q: &Question, cell: &str) -> Result<Answer, Said> {
    let list = || -> Vec<&str> {
        cell.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    };
    let option = |s: &str| -> Result<Id, Said> {
        let found = q.kind.options().iter().find(|o| {
            o.id.as_str() == s
                || [Lang::Ar, Lang::En].iter().any(|l| {
                    o.label
                        .get(*l)
                        .is_some_and(|x| x.trim().eq_ignore_ascii_case(s))
                })
        });
        found.map(|o| o.id.clone()).ok_or_else(|| {
            let ids: Vec<&str> = q.kind.options().iter().map(|o| o.id.as_str()).collect();
            said!(
                "import-not-an-option",
                text = &format!("{s:?}"),
                options = &ids.join(", ")
            )
        })
    };
    match &q.kind {
        QuestionKind::SingleChoice { .. } => match list().as_slice() {
            [one] => option(one).map(Answer::Choice),
            _ => Err(said!("import-several-answers")),
        },
        QuestionKind::MultipleChoice { max, .. } => {
            let ids = list()
                .into_iter()
                .map(option)
                .collect::<Result<Vec<_>, _>>()?;
            match max {
                Some(m) if ids.len() > usize::from(*m) => Err(said!(
                    "import-too-many-choices",
                    count = ids.len(),
                    max = *m
                )),
                _ => Ok(Answer::Choices(ids)),
            }
        }
        QuestionKind::Rating { .. } => match cell.parse::<u8>() {
            Ok(n) if (RATING_MIN..=RATING_MAX).contains(&n) => Ok(Answer::Rating(n)),
            _ => Err(said!(
                "import-bad-rating",
                text = &format!("{cell:?}"),
                min = RATING_MIN,
                max = RATING_MAX
            )),
        },
        QuestionKind::Ranking { .. } => {
            let ids = list()
                .into_iter()
                .map(option)
                .collect::<Result<Vec<_>, _>>()?;
            let distinct: HashSet<&Id> = ids.iter().collect();
            let n = q.kind.options().len();
            if distinct.len() != ids.len() || ids.len() != n {
                return Err(said!("import-bad-ranking", count = n));
            }
            Ok(Answer::Ranking(ids))
        }
        QuestionKind::FreeText => Ok(Answer::FreeText(cell.to_owned())),
        QuestionKind::PlanItems { item, max } => {
            let candidates = q.candidates(plan);
            let mut ids = Vec::new();
            for s in list() {
                let id = Id::new_unchecked(s);
                if !candidates.contains(&id) {
                    let text = format!("{s:?}");
                    return Err(said!(
                        "import-not-offered",
                        text = &text,
                        items = plural(*item)
                    ));
                }
                ids.push(id);
            }
            if ids.len() > usize::from(*max) {
                return Err(said!(
                    "import-too-many-items",
                    count = ids.len(),
                    max = *max
                ));
            }
            Ok(Answer::Items(ids))
        }
    }
}
