//! Diagnostics: one problem in the plan, with where it is and what to do about it.

use super::Said;
use crate::model::{EntityKind, Id};
use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The plan is wrong and must be fixed.
    Error,
    /// The plan is probably incomplete.
    Warning,
}

/// The stable code of each kind of problem; `E` for errors, `W` for warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// RON syntax error.
    Syntax,
    /// A value of the wrong type, or an invalid value (such as 2021-02-30).
    Type,
    /// A field this version of khutta does not know.
    UnknownField,
    /// A required field is missing.
    MissingField,
    /// The file is not UTF-8.
    NotUtf8,
    /// The file is larger than the store's size limit.
    TooLarge,
    /// The plan format is newer than this khutta.
    FormatVersion,
    /// The file could not be read.
    Unreadable,
    /// A comment, which no canonical write or merge would keep.
    Comment,
    /// An id that is not a lowercase slug.
    BadId,
    /// An id that differs from its file's name.
    IdMismatch,
    /// Two entities with the same id.
    DuplicateId,
    /// One entity that git left under two ids (both sides renamed it, to different ids).
    RenamedTwoWays,
    /// A reference to something that does not exist.
    Dangling,
    /// A dependency (or parent) cycle.
    Cycle,
    /// An end date before its start date.
    EndBeforeStart,
    /// A date outside the planning window.
    OutsideWindow,
    /// Money in a currency that has no exchange rate.
    NoExchangeRate,
    /// A funding source allocated beyond its amount, or outside its earmark.
    OverAllocated,
    /// Text with neither Arabic nor English.
    EmptyText,
    /// A value out of range or malformed (progress, codes, rates, calendars).
    BadValue,
    /// Structure that does not fit the kind (a milestone with a duration, a parent that is not a group).
    Structure,
    /// A fixed date that a dependency makes impossible.
    DateConflict,
    /// An activity with no lead partner.
    NoLead,
    /// A file in a plan folder that khutta does not read.
    StrayFile,
    /// Status and progress that disagree.
    StatusProgress,
    /// An answer to a question the round does not have.
    UnknownQuestion,
    /// An answer naming an option the question does not have.
    UnknownOption,
    /// A rating outside 1 to 5.
    RatingRange,
    /// A ranking that does not list every option exactly once.
    NotARanking,
    /// An answer of the wrong kind for its question, or with more choices than allowed.
    AnswerShape,
    /// Two response files from the same named participant.
    DuplicateParticipant,
    /// A question that cannot be answered as designed (too few options, nothing to pick).
    QuestionDesign,
    /// Responses in a folder that has no `round.ron`.
    NoRound,
    /// Two responses from one organisation and country with the same answers and no name:
    /// probably one response entered twice.
    PossibleDuplicate,
    /// Conflict markers that a line merge left in the file.
    ConflictMarkers,
    /// An organisation that an IATI export must identify has no `iati_ref`.
    NoIatiRef,
    /// No partner, or more than one, can be the reporting organisation of an IATI export.
    NoReportingOrg,
    /// An imported file that is not well-formed XML.
    BadXml,
    /// An imported file that is XML but not what its format says (a missing or bad element).
    BadExchange,
    /// `governance.ron` names a partner the plan does not have.
    GovernancePartner,
    /// A grant whose entities cannot be matched: a bad id pattern, or a group that is none.
    GrantMatch,
    /// A grant names a field its kind of entity does not have.
    GrantField,
    /// One person (by email) listed twice in `governance.ron`.
    PersonTwice,
    /// A signing key that is not an SSH public key.
    BadKey,
    /// `governance.ron` names no coordinator, so nobody could change the rules.
    NoCoordinator,
    /// CSV import: the file is not UTF-8 text, or not CSV that can be read.
    CsvUnreadable,
    /// CSV import: a column the import needs is missing.
    CsvMissingColumn,
    /// CSV import: a column the format does not have.
    CsvUnknownColumn,
    /// CSV import: a column named twice.
    CsvDuplicateColumn,
    /// CSV import: a row with more or fewer cells than the header.
    CsvCellCount,
    /// CSV import: a date that is not a date.
    CsvBadDate,
    /// CSV import: a value that is not one the column takes (a number, a name, an amount, a code).
    CsvBadValue,
    /// CSV import: an id that is not a slug.
    CsvBadId,
    /// CSV import: an id that names nothing in the plan or the file.
    CsvUnknownReference,
    /// CSV import: two rows for the same entity.
    CsvDuplicateRow,
    /// CSV import: timing cells that do not fit together.
    CsvTiming,
}

impl Code {
    /// The code as printed: `E001`, `W001`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "E001",
            Code::Type => "E002",
            Code::UnknownField => "E003",
            Code::MissingField => "E004",
            Code::NotUtf8 => "E005",
            Code::TooLarge => "E006",
            Code::FormatVersion => "E007",
            Code::Unreadable => "E008",
            Code::Comment => "E009",
            Code::BadId => "E010",
            Code::IdMismatch => "E011",
            Code::DuplicateId => "E012",
            Code::RenamedTwoWays => "E013",
            Code::Dangling => "E020",
            Code::Cycle => "E021",
            Code::EndBeforeStart => "E022",
            Code::OutsideWindow => "E023",
            Code::NoExchangeRate => "E024",
            Code::OverAllocated => "E025",
            Code::EmptyText => "E026",
            Code::BadValue => "E027",
            Code::Structure => "E028",
            Code::DateConflict => "E030",
            Code::NoLead => "W001",
            Code::StrayFile => "W002",
            Code::StatusProgress => "W003",
            Code::UnknownQuestion => "E040",
            Code::UnknownOption => "E041",
            Code::RatingRange => "E042",
            Code::NotARanking => "E043",
            Code::AnswerShape => "E044",
            Code::DuplicateParticipant => "E045",
            Code::QuestionDesign => "E046",
            Code::NoRound => "E047",
            Code::PossibleDuplicate => "W004",
            Code::ConflictMarkers => "E048",
            Code::NoIatiRef => "E070",
            Code::NoReportingOrg => "E071",
            Code::BadXml => "E072",
            Code::BadExchange => "E073",
            Code::GovernancePartner => "E080",
            Code::GrantMatch => "E081",
            Code::GrantField => "E082",
            Code::PersonTwice => "E083",
            Code::BadKey => "E084",
            Code::NoCoordinator => "E085",
            Code::CsvUnreadable => "I001",
            Code::CsvMissingColumn => "I002",
            Code::CsvUnknownColumn => "I003",
            Code::CsvDuplicateColumn => "I004",
            Code::CsvCellCount => "I005",
            Code::CsvBadDate => "I006",
            Code::CsvBadValue => "I007",
            Code::CsvBadId => "I008",
            Code::CsvUnknownReference => "I009",
            Code::CsvDuplicateRow => "I010",
            Code::CsvTiming => "I011",
        }
    }

    /// The severity that goes with the code.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a diagnostic is about, for jumping to it and for finding its position in the file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Subject {
    /// `plan.ron`.
    Plan,
    /// An entity with a file of its own.
    Entity {
        /// Its kind.
        entity: EntityKind,
        /// Its id.
        id: Id,
    },
    /// A file that did not load as an entity.
    File,
    /// A consultation round's `round.ron`.
    Round {
        /// The round.
        round: Id,
    },
    /// A participant's response file.
    Response {
        /// The round.
        round: Id,
        /// The participant.
        participant: Id,
    },
}

/// Where in a file's text a diagnostic points: a field, and optionally a value inside it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Anchor {
    /// The field name as written in the file (`dependencies`, `end`).
    pub field: Option<&'static str>,
    /// A quoted value to find after the field (`"cairo-egm"`), without the quotes.
    pub value: Option<String>,
}

/// One problem in the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// The file, relative to the plan folder, with `/` separators.
    pub path: String,
    /// 1-based line; 0 until located.
    pub line: u32,
    /// 1-based column in characters; 0 until located.
    pub col: u32,
    /// What is wrong.
    pub message: Said,
    /// What to do about it.
    pub hint: Said,
    /// What it is about.
    pub subject: Subject,
    /// Where to look in the file, until the store has turned it into a line and column.
    #[serde(skip)]
    pub anchor: Anchor,
}

impl Diagnostic {
    /// A diagnostic about an entity, to be located by the store.
    pub fn entity(code: Code, kind: EntityKind, id: &Id, message: Said, hint: Said) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            path: kind.file_path(id),
            line: 0,
            col: 0,
            message,
            hint,
            subject: Subject::Entity {
                entity: kind,
                id: id.clone(),
            },
            anchor: Anchor::default(),
        }
    }

    /// A diagnostic about a consultation round's `round.ron`, to be located by the store.
    pub fn round(code: Code, round: &Id, message: Said, hint: Said) -> Diagnostic {
        let mut d = Diagnostic::plan(code, message, hint);
        d.path = crate::model::round_path(round);
        d.subject = Subject::Round {
            round: round.clone(),
        };
        d
    }

    /// A diagnostic about a participant's response file, to be located by the store.
    pub fn response(
        code: Code,
        round: &Id,
        participant: &Id,
        message: Said,
        hint: Said,
    ) -> Diagnostic {
        let mut d = Diagnostic::plan(code, message, hint);
        d.path = crate::model::response_path(round, participant);
        d.subject = Subject::Response {
            round: round.clone(),
            participant: participant.clone(),
        };
        d
    }

    /// A diagnostic about `plan.ron`.
    pub fn plan(code: Code, message: Said, hint: Said) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            path: crate::model::PLAN_FILE.to_owned(),
            line: 0,
            col: 0,
            message,
            hint,
            subject: Subject::Plan,
            anchor: Anchor::default(),
        }
    }

    /// A diagnostic about a file at a known position.
    pub fn file(
        code: Code,
        path: impl Into<String>,
        (line, col): (u32, u32),
        message: Said,
        hint: Said,
    ) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            path: path.into(),
            line,
            col,
            message,
            hint,
            subject: Subject::File,
            anchor: Anchor::default(),
        }
    }

    /// Points the diagnostic at a field of its file.
    pub fn at(mut self, field: &'static str) -> Diagnostic {
        self.anchor.field = Some(field);
        self
    }

    /// Points the diagnostic at a quoted value inside a field of its file.
    pub(crate) fn at_value(mut self, field: &'static str, value: impl Into<String>) -> Diagnostic {
        self.anchor = Anchor {
            field: Some(field),
            value: Some(value.into()),
        };
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order diagnostics are reported in: by file, then position, then code.
    pub(crate) fn sort_key(&self) -> (&str, u32, u32, Code, &Said) {
        (&self.path, self.line, self.col, self.code, &self.message)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}
