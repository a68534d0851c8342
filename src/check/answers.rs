//! Each answer against its question: the question exists, the answer has the question's
//! shape, options and plan items exist, ratings are 1 to 5, rankings list every option once.

use super::consult::{At, dangling};
use super::{Code, Diagnostic, Said, Unread, plural};
use crate::model::{
    Answer, Id, Plan, Question, QuestionKind, RATING_MAX, RATING_MIN, Response, Round,
};
use crate::said;
use std::collections::HashSet;

pub(super) fn check(
    plan: &Plan,
    unread: &Unread,
    at: &At,
    round: &Round,
    r: &Response,
    out: &mut Vec<Diagnostic>,
) {
    for (qid, answer) in &r.answers {
        let d = |code, message: Said, hint: Said| {
            at.diag(code, message, hint)
                .at_value("answers", qid.as_str())
        };
        let Some(q) = round.question(qid.as_str()) else {
            out.push(d(
                Code::UnknownQuestion,
                said!("check-unknown-question", question = qid, round = &round.id),
                said!("check-unknown-question-hint"),
            ));
            continue;
        };
        if !answer.fits(&q.kind) {
            let several = matches!(
                (answer, &q.kind),
                (Answer::Choices(ids), QuestionKind::SingleChoice { .. }) if ids.len() > 1
            );
            let message = if several {
                said!("check-several-answers", question = qid)
            } else {
                said!(
                    "check-wrong-answer-kind",
                    question = qid,
                    kind = q.kind.name(),
                    answer = answer.name()
                )
            };
            let hint = said!(
                "check-wrong-answer-kind-hint",
                expected = Answer::expected_for(&q.kind)
            );
            out.push(d(Code::AnswerShape, message, hint));
            continue;
        }
        value(plan, unread, at, q, answer, out);
    }
}

/// The values of an answer that has its question's shape.
fn value(
    plan: &Plan,
    unread: &Unread,
    at: &At,
    q: &Question,
    answer: &Answer,
    out: &mut Vec<Diagnostic>,
) {
    let qid = q.id.as_str();
    let d = |code, message: Said, hint: Said| at.diag(code, message, hint).at_value("answers", qid);
    match (answer, &q.kind) {
        (Answer::Choice(_) | Answer::Choices(_) | Answer::Ranking(_), kind) => {
            for o in answer.option_ids() {
                if kind.option(o.as_str()).is_none() {
                    out.push(d(
                        Code::UnknownOption,
                        said!("check-unknown-option", option = o, question = qid),
                        said!("check-unknown-option-hint", options = &option_list(q)),
                    ));
                }
            }
            if let (Answer::Choices(ids), QuestionKind::MultipleChoice { max: Some(m), .. }) =
                (answer, kind)
                && ids.len() > usize::from(*m)
            {
                out.push(d(
                    Code::AnswerShape,
                    said!(
                        "check-too-many-choices",
                        count = ids.len(),
                        question = qid,
                        max = *m
                    ),
                    said!("check-too-many-choices-hint"),
                ));
            }
            if let Answer::Ranking(ids) = answer {
                ranking(q, ids, &d, out);
            }
        }
        (Answer::Rating(n), _) if !(RATING_MIN..=RATING_MAX).contains(n) => out.push(d(
            Code::RatingRange,
            said!(
                "check-rating-range",
                rating = *n,
                question = qid,
                min = RATING_MIN,
                max = RATING_MAX
            ),
            said!(
                "check-rating-range-hint",
                min = RATING_MIN,
                max = RATING_MAX
            ),
        )),
        (Answer::Items(ids), QuestionKind::PlanItems { item, max }) => {
            let candidates = q.candidates(plan);
            for id in ids {
                let what = said!("check-what-answer-picks", question = qid);
                if let Some(x) = dangling(plan, unread, at, "answers", what, *item, id) {
                    out.push(x.at_value("answers", qid));
                } else if !candidates.contains(id) {
                    out.push(d(
                        Code::UnknownOption,
                        said!(
                            "check-not-a-candidate",
                            id = id,
                            items = plural(*item),
                            question = qid
                        ),
                        said!("check-not-a-candidate-hint"),
                    ));
                }
            }
            if ids.len() > usize::from(*max) {
                out.push(d(
                    Code::AnswerShape,
                    said!(
                        "check-too-many-items",
                        count = ids.len(),
                        question = qid,
                        max = *max
                    ),
                    said!("check-too-many-items-hint"),
                ));
            }
        }
        _ => {}
    }
}

/// A ranking must list every option of its question exactly once.
fn ranking(
    q: &Question,
    ids: &[Id],
    d: &dyn Fn(Code, Said, Said) -> Diagnostic,
    out: &mut Vec<Diagnostic>,
) {
    let qid = q.id.as_str();
    let mut seen = HashSet::new();
    let repeated: Vec<&str> = ids
        .iter()
        .filter(|o| !seen.insert(o.as_str()))
        .map(Id::as_str)
        .collect();
    let missing: Vec<&str> = q
        .kind
        .options()
        .iter()
        .filter(|o| !ids.contains(&o.id))
        .map(|o| o.id.as_str())
        .collect();
    if repeated.is_empty() && missing.is_empty() {
        return;
    }
    let message = match (repeated.is_empty(), missing.is_empty()) {
        (false, true) => said!(
            "check-ranking-repeats",
            question = qid,
            repeated = &quoted(&repeated)
        ),
        (true, false) => said!(
            "check-ranking-leaves-out",
            question = qid,
            missing = &quoted(&missing)
        ),
        _ => said!(
            "check-ranking-repeats-and-leaves-out",
            question = qid,
            repeated = &quoted(&repeated),
            missing = &quoted(&missing)
        ),
    };
    out.push(d(
        Code::NotARanking,
        message,
        said!("check-ranking-hint", options = &option_list(q)),
    ));
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn option_list(q: &Question) -> String {
    let ids: Vec<&str> = q.kind.options().iter().map(|o| o.id.as_str()).collect();
    quoted(&ids)
}
