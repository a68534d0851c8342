//! Consultation rounds: questions put to participants about the plan, kept in
//! `consultations/<round>/round.ron`, with one response file per participant beside it.

use super::activity::is_default;
use super::{CountryCode, EntityKind, Id, Location, Response, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The file of a round inside its folder.
pub const ROUND_FILE: &str = "round.ron";

/// The folder that holds every round.
pub const CONSULTATIONS_DIR: &str = "consultations";

/// A round and the responses collected for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consultation {
    /// `consultations/<id>/round.ron`.
    pub round: Round,
    /// `consultations/<id>/responses/<participant>.ron`, by participant id.
    pub responses: BTreeMap<Id, Response>,
}

impl Consultation {
    /// A round with no responses yet.
    pub fn new(round: Round) -> Consultation {
        Consultation {
            round,
            responses: BTreeMap::new(),
        }
    }
}

/// One round of questions, kept in `consultations/<id>/round.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The id; equal to the round's folder name.
    pub id: Id,
    /// The title.
    pub title: Text,
    /// What the round is for, shown to participants before the first question.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub description: Text,
    /// The day the round is held (or opens); none while it is being designed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Where it is held: a place, online, or both.
    pub place: Venue,
    /// Draft, open or closed.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: RoundStatus,
    /// The questions, in the order they are asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

/// Where a round is held.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Venue {
    /// Only online.
    Online,
    /// Only in person.
    InPerson {
        /// The country.
        country: CountryCode,
        /// The city.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        city: Option<String>,
    },
    /// In a place and online at once, as the 2021 expert group meeting was.
    Hybrid {
        /// The country.
        country: CountryCode,
        /// The city.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        city: Option<String>,
    },
}

impl Venue {
    /// The place, when there is one.
    pub fn location(&self) -> Option<Location> {
        match self {
            Venue::Online => None,
            Venue::InPerson { country, city } | Venue::Hybrid { country, city } => Some(Location {
                country: country.clone(),
                city: city.clone(),
            }),
        }
    }
}

/// Where a round stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum RoundStatus {
    /// Being designed; questions may still change.
    #[default]
    Draft,
    /// Collecting answers.
    Open,
    /// Finished; kept for the record and its results.
    Closed,
}

impl RoundStatus {
    /// Every status, in workflow order.
    pub const ALL: [RoundStatus; 3] = [RoundStatus::Draft, RoundStatus::Open, RoundStatus::Closed];
}

/// One question of a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The id, unique in its round; answers are keyed by it.
    pub id: Id,
    /// The question as asked.
    pub text: Text,
    /// A note for the participant (what a rating of 5 means, what to leave out).
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub help: Text,
    /// What is asked for, with the options where there are some.
    pub kind: QuestionKind,
    /// The part of the plan the answers inform.
    pub aspect: Aspect,
    /// The plan items the question is about.
    #[serde(default, skip_serializing_if = "ItemRefs::is_empty")]
    pub refers_to: ItemRefs,
}

/// The part of the plan a question informs: the five the 2021 meeting asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs, reason = "the aspect names speak for themselves")]
pub enum Aspect {
    Activities,
    Timeline,
    Beneficiaries,
    Partners,
    Funding,
}

impl Aspect {
    /// Every aspect, in the order they are reported.
    pub const ALL: [Aspect; 5] = [
        Aspect::Activities,
        Aspect::Timeline,
        Aspect::Beneficiaries,
        Aspect::Partners,
        Aspect::Funding,
    ];
}

/// What a question asks for.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One of the options.
    SingleChoice {
        /// The options.
        options: Vec<AnswerOption>,
    },
    /// Any number of the options, up to `max` when set.
    MultipleChoice {
        /// The options.
        options: Vec<AnswerOption>,
        /// The most that may be chosen.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u8>,
    },
    /// A rating from 1 to 5.
    Rating {
        /// What 1 means ("not a priority").
        #[serde(default, skip_serializing_if = "Text::is_absent")]
        low: Text,
        /// What 5 means ("the first priority").
        #[serde(default, skip_serializing_if = "Text::is_absent")]
        high: Text,
    },
    /// Every option, in order of preference.
    Ranking {
        /// The options.
        options: Vec<AnswerOption>,
    },
    /// Free text.
    FreeText,
    /// Up to `max` items of the plan itself ("which three activities should come first?").
    /// The candidates are the question's `refers_to` items of that kind, or every item of
    /// the kind when it names none.
    PlanItems {
        /// The kind of item picked.
        item: EntityKind,
        /// The most that may be picked (at least 1).
        max: u8,
    },
}

/// The lowest rating.
pub const RATING_MIN: u8 = 1;
/// The highest rating.
pub const RATING_MAX: u8 = 5;

impl QuestionKind {
    /// The options of a choice or ranking question; empty for the other kinds.
    pub fn options(&self) -> &[AnswerOption] {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => options,
            _ => &[],
        }
    }

    /// The options to edit, for the kinds that have them.
    pub(crate) fn options_mut(&mut self) -> Option<&mut Vec<AnswerOption>> {
        match self {
            QuestionKind::SingleChoice { options }
            | QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Ranking { options } => Some(options),
            _ => None,
        }
    }

    /// The option `id`, if the question has it.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options().iter().find(|o| o.id.as_str() == id)
    }

    /// This kind's name as written in files (`SingleChoice`, `Rating`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "SingleChoice",
            QuestionKind::MultipleChoice { .. } => "MultipleChoice",
            QuestionKind::Rating { .. } => "Rating",
            QuestionKind::Ranking { .. } => "Ranking",
            QuestionKind::FreeText => "FreeText",
            QuestionKind::PlanItems { .. } => "PlanItems",
        }
    }

    /// The same question as another kind, carrying the options over where both kinds have
    /// them, so that switching a choice question to a ranking in the designer loses nothing.
    pub(crate) fn converted(&self, to: &QuestionKind) -> QuestionKind {
        let mut out = to.clone();
        if let Some(options) = out.options_mut()
            && options.is_empty()
        {
            options.extend_from_slice(self.options());
        }
        out
    }
}

/// One option of a choice or ranking question.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// The id, unique in its question; answers name it.
    pub id: Id,
    /// The label shown.
    pub label: Text,
}

/// Plan items a question is about, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRefs {
    /// Activities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Id>,
    /// Partners.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<Id>,
    /// Beneficiary groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<Id>,
    /// Funding sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Id>,
}

impl ItemRefs {
    /// Whether no item is named.
    pub fn is_empty(&self) -> bool {
        EntityKind::ALL.iter().all(|k| self.ids(*k).is_empty())
    }

    /// The items of `kind`.
    pub fn ids(&self, kind: EntityKind) -> &[Id] {
        match kind {
            EntityKind::Activity => &self.activities,
            EntityKind::Partner => &self.partners,
            EntityKind::Beneficiary => &self.beneficiaries,
            EntityKind::Funding => &self.funding,
        }
    }

    /// The items of `kind`, to edit.
    pub(crate) fn ids_mut(&mut self, kind: EntityKind) -> &mut Vec<Id> {
        match kind {
            EntityKind::Activity => &mut self.activities,
            EntityKind::Partner => &mut self.partners,
            EntityKind::Beneficiary => &mut self.beneficiaries,
            EntityKind::Funding => &mut self.funding,
        }
    }

    /// Every item, kind by kind.
    pub fn iter(&self) -> impl Iterator<Item = (EntityKind, &Id)> {
        EntityKind::ALL
            .into_iter()
            .flat_map(move |k| self.ids(k).iter().map(move |id| (k, id)))
    }

    /// Whether `kind`/`id` is named.
    pub fn contains(&self, kind: EntityKind, id: &str) -> bool {
        self.ids(kind).iter().any(|x| x.as_str() == id)
    }

    /// Sorts every list into canonical order.
    pub fn normalize(&mut self) {
        for k in EntityKind::ALL {
            super::sort_dedup(self.ids_mut(k));
        }
    }
}

impl Question {
    /// A question with no help text and no plan items.
    pub fn new(id: Id, text: Text, kind: QuestionKind, aspect: Aspect) -> Question {
        Question {
            id,
            text,
            help: Text::default(),
            kind,
            aspect,
            refers_to: ItemRefs::default(),
        }
    }

    /// For a plan-item question, the items a participant may pick among (see
    /// [`QuestionKind::PlanItems`]); empty for the other kinds.
    pub(crate) fn candidates(&self, plan: &super::Plan) -> Vec<Id> {
        let QuestionKind::PlanItems { item, .. } = self.kind else {
            return Vec::new();
        };
        match self.refers_to.ids(item) {
            [] => plan.ids(item),
            named => named.to_vec(),
        }
    }

    /// Whether the question names `kind`/`id`, in `refers_to` or as a pickable item kind.
    pub(crate) fn is_about(&self, kind: EntityKind, id: &str) -> bool {
        self.refers_to.contains(kind, id)
    }
}

/// Why a designer edit of a round was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    /// A question with that id is already in the round.
    #[error("{}", self.said())]
    QuestionExists(Id),
    /// There is no question with that id.
    #[error("{}", self.said())]
    NoQuestion(Id),
    /// The id is not a valid slug.
    #[error("{}", self.said())]
    BadId(String, super::IdError),
}

impl From<RoundError> for crate::i18n::Said {
    fn from(e: RoundError) -> Self {
        e.said()
    }
}

impl RoundError {
    /// Why, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> crate::i18n::Said {
        use crate::said;
        match self {
            RoundError::QuestionExists(q) => said!("edit-question-exists", question = q),
            RoundError::NoQuestion(q) => said!("edit-no-question", question = q),
            RoundError::BadId(id, e) => said!("check-bad-id", id = id, reason = e.said()),
        }
    }
}

impl Round {
    /// An empty draft round.
    pub fn new(id: Id, title: Text, place: Venue) -> Round {
        Round {
            id,
            title,
            description: Text::default(),
            date: None,
            place,
            status: RoundStatus::Draft,
            questions: Vec::new(),
        }
    }

    /// The question `id`.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.as_str() == id)
    }

    /// The question `id`, to edit.
    pub(crate) fn question_mut(&mut self, id: &str) -> Option<&mut Question> {
        self.questions.iter_mut().find(|q| q.id.as_str() == id)
    }

    /// The position of question `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id.as_str() == id)
    }

    /// Adds a question at `at` (clamped to the end).
    pub(crate) fn insert_question(&mut self, at: usize, q: Question) -> Result<(), RoundError> {
        q.id.validate()
            .map_err(|e| RoundError::BadId(q.id.to_string(), e))?;
        if self.question(q.id.as_str()).is_some() {
            return Err(RoundError::QuestionExists(q.id));
        }
        let at = at.min(self.questions.len());
        self.questions.insert(at, q);
        Ok(())
    }

    /// Removes question `id` and returns it.
    pub(crate) fn remove_question(&mut self, id: &str) -> Result<Question, RoundError> {
        let at = self
            .position(id)
            .ok_or_else(|| RoundError::NoQuestion(Id::new_unchecked(id)))?;
        Ok(self.questions.remove(at))
    }

    /// Moves question `id` by `delta` places (negative: earlier), stopping at either end;
    /// returns its new position.
    pub(crate) fn move_question(&mut self, id: &str, delta: isize) -> Result<usize, RoundError> {
        let from = self
            .position(id)
            .ok_or_else(|| RoundError::NoQuestion(Id::new_unchecked(id)))?;
        let last = self.questions.len().saturating_sub(1);
        let to = from.saturating_add_signed(delta).min(last);
        let q = self.questions.remove(from);
        self.questions.insert(to, q);
        Ok(to)
    }

    /// The first id of the form `q<n>` that no question has yet, for a new question.
    pub(crate) fn fresh_question_id(&self) -> Id {
        let n = (1..)
            .find(|n| self.question(&format!("q{n}")).is_none())
            .unwrap_or(1);
        Id::new_unchecked(format!("q{n}"))
    }

    /// The first question `response` has not answered, in order: where collect mode resumes.
    pub(crate) fn next_unanswered(&self, response: &Response) -> Option<&Question> {
        self.questions
            .iter()
            .find(|q| !response.answers.contains_key(&q.id))
    }

    /// Sorts the id lists of every question into canonical order.
    pub fn normalize(&mut self) {
        for q in &mut self.questions {
            q.refers_to.normalize();
        }
    }
}

/// The path of round `id`'s file, relative to the plan folder.
pub fn round_path(id: &Id) -> String {
    format!("{CONSULTATIONS_DIR}/{id}/{ROUND_FILE}")
}

/// The path of a participant's response file, relative to the plan folder.
pub fn response_path(round: &Id, participant: &Id) -> String {
    format!(
        "{CONSULTATIONS_DIR}/{round}/{}/{participant}.ron",
        super::RESPONSES_DIR
    )
}
