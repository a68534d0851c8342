//! Tallies of a round's answers, question by question, for the people shown in a filter.
//!
//! - **Choices**: each option's count, and its share of the participants who answered the
//!   question (for multiple choice the shares add up to more than 100%).
//! - **Ratings**: how many gave each of 1 to 5, and the mean.
//! - **Rankings**: a Borda count. With n options, the first place earns n-1 points, the
//!   second n-2, ..., the last 0. A partial ranking (which `check` reports) earns points for
//!   the options it lists, by their place, and nothing for the others; a repeated option
//!   counts at its first place only, and unknown options are skipped. Options with equal
//!   points share a rank (1, 2, 2, 4); among them, the one placed first more often is listed
//!   first, then the question's own order.
//! - **Plan items**: how many participants picked each item, most picked first.
//! - **Free text**: every answer, with who gave it (unless anonymised).
//!
//! Answers of the wrong shape, options that do not exist and ratings out of range are left
//! out of the tallies (`check` reports each of them); `answered` counts what was tallied.

use super::filter::Filter;
use crate::model::{
    Answer, Aspect, Consultation, CountryCode, EntityKind, Id, Lang, Organisation, Plan, Question,
    QuestionKind, RATING_MAX, RATING_MIN, Response, Text,
};
use serde::Serialize;
use std::collections::HashMap;

/// The results of one round.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoundResults {
    /// The round.
    pub round: Id,
    /// Its title.
    pub title: Text,
    /// Responses that pass the filter.
    pub respondents: usize,
    /// Every response of the round.
    pub total: usize,
    /// The filter applied.
    pub filter: Filter,
    /// Whether names, participant ids and free-text organisations were left out.
    pub anonymised: bool,
    /// One result per question, in the round's order.
    pub questions: Vec<QuestionResult>,
}

/// The results of one question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionResult {
    /// The question's id.
    pub id: Id,
    /// The question as asked.
    pub text: Text,
    /// The part of the plan it informs.
    pub aspect: Aspect,
    /// Participants (among those shown) whose answer was tallied.
    pub answered: usize,
    /// The tally.
    pub tally: Tally,
}

/// A question's tally, by kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tally {
    /// Single choice: one row per option, in the question's order.
    SingleChoice {
        /// The options.
        rows: Vec<Row>,
    },
    /// Multiple choice: one row per option, in the question's order.
    MultipleChoice {
        /// The options.
        rows: Vec<Row>,
    },
    /// Rating from 1 to 5.
    Rating {
        /// How many gave 1, 2, 3, 4 and 5.
        distribution: [usize; 5],
        /// The mean, rounded to two decimals; none without answers.
        mean: Option<f64>,
    },
    /// Ranking by Borda count, best first.
    Ranking {
        /// The options, best first.
        rows: Vec<BordaRow>,
    },
    /// Picks among plan items, most picked first.
    PlanItems {
        /// The kind of item.
        item: EntityKind,
        /// The items.
        rows: Vec<Row>,
    },
    /// Free-text answers.
    FreeText {
        /// The answers, by participant id (or in that order, when anonymised).
        answers: Vec<TextAnswer>,
    },
}

/// One option or plan item with how many chose it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The option's or the item's id.
    pub id: Id,
    /// Its label (the item's title or name for plan items; the id when it does not exist).
    pub label: Text,
    /// How many chose it.
    pub count: usize,
    /// `count` over `answered`, rounded to three decimals (0 when nobody answered).
    pub share: f64,
}

/// One option of a ranking with its Borda points.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BordaRow {
    /// Its rank, 1 for the best; tied options share one.
    pub rank: usize,
    /// The option's id.
    pub id: Id,
    /// Its label.
    pub label: Text,
    /// Its Borda points.
    pub points: usize,
    /// How many placed it first.
    pub first: usize,
}

/// One free-text answer and who gave it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextAnswer {
    /// The participant's id; none when anonymised.
    pub participant: Option<Id>,
    /// Their name, when given and not anonymised.
    pub name: Option<String>,
    /// Their organisation's label; none for a free-text organisation when anonymised.
    pub organisation: Option<String>,
    /// Their country.
    pub country: CountryCode,
    /// The language they answered in.
    pub language: Lang,
    /// The answer.
    pub text: String,
}

/// Options for computing results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResultsOptions {
    /// Who is counted.
    pub filter: Filter,
    /// Leave out names, participant ids and free-text organisations.
    pub anonymise: bool,
    /// The language of organisation labels in free-text answers.
    pub lang: Lang,
}

/// The results of consultation `c` of `plan`.
pub fn results(plan: &Plan, c: &Consultation, options: &ResultsOptions) -> RoundResults {
    let shown: Vec<&Response> = c
        .responses
        .values()
        .filter(|r| options.filter.admits(plan, r))
        .collect();
    RoundResults {
        round: c.round.id.clone(),
        title: c.round.title.clone(),
        respondents: shown.len(),
        total: c.responses.len(),
        filter: options.filter.clone(),
        anonymised: options.anonymise,
        questions: c
            .round
            .questions
            .iter()
            .map(|q| question_result(plan, q, &shown, options))
            .collect(),
    }
}

/// The result of one question over the responses `shown`.
pub fn question_result(
    plan: &Plan,
    q: &Question,
    shown: &[&Response],
    options: &ResultsOptions,
) -> QuestionResult {
    let answers: Vec<(&Response, &Answer)> = shown
        .iter()
        .filter_map(|r| r.answers.get(&q.id).map(|a| (*r, a)))
        .filter(|(_, a)| a.fits(&q.kind))
        .collect();
    let (answered, tally) = match &q.kind {
        QuestionKind::SingleChoice { .. } => {
            let (n, rows) = choices(q, &answers);
            (n, Tally::SingleChoice { rows })
        }
        QuestionKind::MultipleChoice { .. } => {
            let (n, rows) = choices(q, &answers);
            (n, Tally::MultipleChoice { rows })
        }
        QuestionKind::Rating { .. } => rating(&answers),
        QuestionKind::Ranking { .. } => (
            answers.len(),
            Tally::Ranking {
                rows: borda(q, &answers),
            },
        ),
        QuestionKind::PlanItems { item, .. } => {
            let (n, rows) = items(plan, q, *item, &answers);
            (n, Tally::PlanItems { item: *item, rows })
        }
        QuestionKind::FreeText => {
            let list = free_text(plan, &answers, options);
            (list.len(), Tally::FreeText { answers: list })
        }
    };
    QuestionResult {
        id: q.id.clone(),
        text: q.text.clone(),
        aspect: q.aspect,
        answered,
        tally,
    }
}

fn share(count: usize, of: usize) -> f64 {
    if of == 0 {
        return 0.0;
    }
    (count as f64 / of as f64 * 1000.0).round() / 1000.0
}

fn choices(q: &Question, answers: &[(&Response, &Answer)]) -> (usize, Vec<Row>) {
    let mut counts: HashMap<&Id, usize> = HashMap::new();
    let mut answered = 0;
    for (_, a) in answers {
        let mut known: Vec<&Id> = a
            .option_ids()
            .iter()
            .filter(|o| q.kind.option(o.as_str()).is_some())
            .collect();
        known.sort();
        known.dedup();
        // An answer naming only options that do not exist says nothing; `Choices([])` does:
        // none of them.
        if known.is_empty() && !a.option_ids().is_empty() {
            continue;
        }
        answered += 1;
        for o in known {
            *counts.entry(o).or_default() += 1;
        }
    }
    let rows = q
        .kind
        .options()
        .iter()
        .map(|o| {
            let count = counts.get(&o.id).copied().unwrap_or(0);
            Row {
                id: o.id.clone(),
                label: o.label.clone(),
                count,
                share: share(count, answered),
            }
        })
        .collect();
    (answered, rows)
}

fn rating(answers: &[(&Response, &Answer)]) -> (usize, Tally) {
    let mut distribution = [0usize; 5];
    let mut sum = 0usize;
    for (_, a) in answers {
        if let Answer::Rating(n) = a
            && (RATING_MIN..=RATING_MAX).contains(n)
        {
            distribution[usize::from(n - RATING_MIN)] += 1;
            sum += usize::from(*n);
        }
    }
    let answered: usize = distribution.iter().sum();
    let mean = (answered > 0).then(|| (sum as f64 / answered as f64 * 100.0).round() / 100.0);
    (answered, Tally::Rating { distribution, mean })
}

/// The Borda count; see the module documentation for points, partial rankings and ties.
fn borda(q: &Question, answers: &[(&Response, &Answer)]) -> Vec<BordaRow> {
    let options = q.kind.options();
    let n = options.len();
    let mut points = vec![0usize; n];
    let mut first = vec![0usize; n];
    for (_, a) in answers {
        let mut seen = vec![false; n];
        let mut place = 0;
        for o in a.option_ids() {
            let Some(i) = options.iter().position(|x| &x.id == o) else {
                continue;
            };
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            points[i] += n.saturating_sub(1 + place);
            if place == 0 {
                first[i] += 1;
            }
            place += 1;
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| {
        (points[*b], first[*b])
            .cmp(&(points[*a], first[*a]))
            .then(a.cmp(b))
    });
    let mut rows: Vec<BordaRow> = Vec::with_capacity(n);
    for (place, i) in order.into_iter().enumerate() {
        let rank = match rows.last() {
            Some(prev) if prev.points == points[i] => prev.rank,
            _ => place + 1,
        };
        rows.push(BordaRow {
            rank,
            id: options[i].id.clone(),
            label: options[i].label.clone(),
            points: points[i],
            first: first[i],
        });
    }
    rows
}

fn items(
    plan: &Plan,
    q: &Question,
    kind: EntityKind,
    answers: &[(&Response, &Answer)],
) -> (usize, Vec<Row>) {
    let candidates = q.candidates(plan);
    let mut counts: Vec<(Id, usize)> = candidates.iter().map(|c| (c.clone(), 0)).collect();
    for (_, a) in answers {
        let Answer::Items(ids) = a else { continue };
        let mut ids: Vec<&Id> = ids.iter().collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            match counts.iter_mut().find(|(c, _)| c == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id.clone(), 1)),
            }
        }
    }
    let answered = answers.len();
    // Most picked first; then the plan's own order of ids, which is stable.
    counts.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
    let rows = counts
        .into_iter()
        .map(|(id, count)| Row {
            label: item_label(plan, kind, &id),
            share: share(count, answered),
            id,
            count,
        })
        .collect();
    (answered, rows)
}

/// The title or name of a plan item; its id when it does not exist.
pub fn item_label(plan: &Plan, kind: EntityKind, id: &Id) -> Text {
    let found = match kind {
        EntityKind::Activity => plan.activities.get(id).map(|a| a.title.clone()),
        EntityKind::Partner => plan.partners.get(id).map(|p| p.name.clone()),
        EntityKind::Beneficiary => plan.beneficiaries.get(id).map(|b| b.name.clone()),
        EntityKind::Funding => plan.funding.get(id).map(|f| f.title.clone()),
    };
    found.unwrap_or_else(|| Text::new(id.as_str(), id.as_str()))
}

fn free_text(
    plan: &Plan,
    answers: &[(&Response, &Answer)],
    options: &ResultsOptions,
) -> Vec<TextAnswer> {
    answers
        .iter()
        .filter_map(|(r, a)| match a {
            Answer::FreeText(t) if !t.trim().is_empty() => Some(TextAnswer {
                participant: (!options.anonymise).then(|| r.participant.clone()),
                name: r.name.clone().filter(|_| !options.anonymise),
                organisation: match (&r.organisation, options.anonymise) {
                    (Organisation::Other { .. }, true) => None,
                    (o, _) => Some(o.label(plan, options.lang).to_owned()),
                },
                country: r.country.clone(),
                language: r.language,
                text: t.clone(),
            }),
            _ => None,
        })
        .collect()
}
