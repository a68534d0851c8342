//! One participant's answers to a round, kept in `consultations/<round>/responses/<id>.ron`.
//!
//! One file per participant means that answers collected by different partners, each on
//! their own copy of the plan, merge without a conflict.

use super::{CountryCode, EntityKind, Id, Lang, OrganisationType, Plan, Question, QuestionKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The folder of a round that holds its responses.
pub const RESPONSES_DIR: &str = "responses";

/// One participant's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The participant's id; equal to the file's stem.
    pub participant: Id,
    /// The participant's name, when they agreed to give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The organisation they speak for.
    pub organisation: Organisation,
    /// The country they work in.
    pub country: CountryCode,
    /// Their role ("head of the digital transformation unit").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The language they answered in.
    pub language: Lang,
    /// Answers, by question id; a question left out was not answered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<Id, Answer>,
}

/// The organisation a participant speaks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Organisation {
    /// A partner of the plan, by id: its type comes from the partner's file.
    Partner(Id),
    /// Any other organisation, by name, with its type when it is known.
    Other {
        /// The name as the participant gave it.
        name: String,
        /// Its type, for filtering results; none when unknown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        kind: Option<OrganisationType>,
    },
}

impl Organisation {
    /// The organisation's type: the partner's for a partner, the recorded one otherwise.
    pub fn kind(&self, plan: &Plan) -> Option<OrganisationType> {
        match self {
            Organisation::Partner(id) => plan.partners.get(id).map(|p| p.kind),
            Organisation::Other { kind, .. } => *kind,
        }
    }

    /// The name to show: the partner's label (acronym or name) or the name given.
    pub fn label<'a>(&'a self, plan: &'a Plan, lang: Lang) -> &'a str {
        match self {
            Organisation::Partner(id) => {
                plan.partners.get(id).map_or(id.as_str(), |p| p.label(lang))
            }
            Organisation::Other { name, .. } => name,
        }
    }
}

/// One answer, of the shape its question's kind asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// The option chosen (single choice).
    Choice(Id),
    /// The options chosen (multiple choice).
    Choices(Vec<Id>),
    /// A rating from 1 to 5.
    Rating(u8),
    /// Options, most preferred first (ranking).
    Ranking(Vec<Id>),
    /// Free text.
    FreeText(String),
    /// Plan items picked (plan-item question); their kind is the question's.
    Items(Vec<Id>),
}

impl Answer {
    /// Whether this answer has the shape `kind` asks for (values are checked separately).
    pub fn fits(&self, kind: &QuestionKind) -> bool {
        matches!(
            (self, kind),
            (Answer::Choice(_), QuestionKind::SingleChoice { .. })
                | (Answer::Choices(_), QuestionKind::MultipleChoice { .. })
                | (Answer::Rating(_), QuestionKind::Rating { .. })
                | (Answer::Ranking(_), QuestionKind::Ranking { .. })
                | (Answer::FreeText(_), QuestionKind::FreeText)
                | (Answer::Items(_), QuestionKind::PlanItems { .. })
        )
    }

    /// The kind of answer as written in files (`Choice`, `Rating`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Answer::Choice(_) => "Choice",
            Answer::Choices(_) => "Choices",
            Answer::Rating(_) => "Rating",
            Answer::Ranking(_) => "Ranking",
            Answer::FreeText(_) => "FreeText",
            Answer::Items(_) => "Items",
        }
    }

    /// The option ids an answer names (choices and rankings), in order.
    pub(crate) fn option_ids(&self) -> &[Id] {
        match self {
            Answer::Choice(id) => std::slice::from_ref(id),
            Answer::Choices(ids) | Answer::Ranking(ids) => ids,
            _ => &[],
        }
    }

    /// The answer's kind name for a question kind: what an answer to it is written as.
    pub(crate) fn expected_for(kind: &QuestionKind) -> &'static str {
        match kind {
            QuestionKind::SingleChoice { .. } => "Choice",
            QuestionKind::MultipleChoice { .. } => "Choices",
            QuestionKind::Rating { .. } => "Rating",
            QuestionKind::Ranking { .. } => "Ranking",
            QuestionKind::FreeText => "FreeText",
            QuestionKind::PlanItems { .. } => "Items",
        }
    }
}

impl Response {
    /// A participant with no answers yet.
    pub fn new(
        participant: Id,
        organisation: Organisation,
        country: CountryCode,
        language: Lang,
    ) -> Response {
        Response {
            participant,
            name: None,
            organisation,
            country,
            role: String::new(),
            language,
            answers: BTreeMap::new(),
        }
    }

    /// Sorts the sets inside answers (chosen options, picked items) into canonical order;
    /// rankings keep their order, which is their meaning.
    pub fn normalize(&mut self) {
        for a in self.answers.values_mut() {
            if let Answer::Choices(ids) | Answer::Items(ids) = a {
                super::sort_dedup(ids);
            }
        }
    }

    /// The plan items this response picked for `question`, with their kind.
    pub fn picked<'a>(&'a self, question: &Question) -> Option<(EntityKind, &'a [Id])> {
        match (&question.kind, self.answers.get(&question.id)) {
            (QuestionKind::PlanItems { item, .. }, Some(Answer::Items(ids))) => Some((*item, ids)),
            _ => None,
        }
    }
}

/// The first id of the form `p<nnn>` that is not in `taken`, for a new participant.
pub fn fresh_participant_id<V>(taken: &BTreeMap<Id, V>) -> Id {
    let n = (1..)
        .find(|n| !taken.contains_key(format!("p{n:03}").as_str()))
        .unwrap_or(1);
    Id::new_unchecked(format!("p{n:03}"))
}
