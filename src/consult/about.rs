//! The questions and results about one plan item, for its form in the TUI: "what did
//! participants say about this activity?".

use super::results::{QuestionResult, ResultsOptions, Tally, question_result};
use crate::model::{EntityKind, Id, Plan, QuestionKind, Response, RoundStatus, Text};
use serde::Serialize;

/// One question that is about a plan item, with its results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemMention {
    /// The round.
    pub round: Id,
    /// The round's title.
    pub round_title: Text,
    /// The round's status (a draft round has no answers to show yet).
    pub status: RoundStatus,
    /// Whether the question names the item in `refers_to` (otherwise the item is one of the
    /// candidates of a plan-item question).
    pub named: bool,
    /// For a plan-item question, how many participants picked this item.
    pub picks: Option<usize>,
    /// Responses counted.
    pub respondents: usize,
    /// The question and its results.
    pub result: QuestionResult,
}

/// Every question of every round that is about `kind`/`id`: those naming it in `refers_to`,
/// and plan-item questions that offer it to be picked; with their results under `options`.
pub fn results_for(
    plan: &Plan,
    kind: EntityKind,
    id: &Id,
    options: &ResultsOptions,
) -> Vec<ItemMention> {
    let mut out = Vec::new();
    for (round_id, c) in &plan.consultations {
        let shown: Vec<&Response> = c
            .responses
            .values()
            .filter(|r| options.filter.admits(plan, r))
            .collect();
        for q in &c.round.questions {
            let named = q.is_about(kind, id.as_str());
            let offered = matches!(q.kind, QuestionKind::PlanItems { item, .. } if item == kind)
                && q.candidates(plan).contains(id);
            if !named && !offered {
                continue;
            }
            let result = question_result(plan, q, &shown, options);
            let picks = match &result.tally {
                Tally::PlanItems { item, rows } if *item == kind => {
                    Some(rows.iter().find(|r| &r.id == id).map_or(0, |r| r.count))
                }
                _ => None,
            };
            out.push(ItemMention {
                round: round_id.clone(),
                round_title: c.round.title.clone(),
                status: c.round.status,
                named,
                picks,
                respondents: shown.len(),
                result,
            });
        }
    }
    out
}
