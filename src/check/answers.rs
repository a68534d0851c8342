//! Each answer against its question: the question exists, the answer has the question's
//! shape, options and plan items exist, ratings are 1 to 5, rankings list every option once.

use super::consult::{At, dangling};
use super::{Code, Diagnostic, Unread};
use crate::model::{
    Answer, Id, Plan, Question, QuestionKind, RATING_MAX, RATING_MIN, Response, Round,
};
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
        let d = |code, message: String, hint: &str| {
            at.diag(code, message, hint)
                .at_value("answers", qid.as_str())
        };
        let Some(q) = round.question(qid.as_str()) else {
            out.push(d(
                Code::UnknownQuestion,
                format!("an answer to `{qid}`, which is not a question of round `{}`", round.id),
                "correct the question id, or remove the answer (the question may have been renamed or deleted)",
            ));
            continue;
        };
        if !answer.fits(&q.kind) {
            let several = matches!(
                (answer, &q.kind),
                (Answer::Choices(ids), QuestionKind::SingleChoice { .. }) if ids.len() > 1
            );
            let message = if several {
                format!("several answers to `{qid}`, a single-choice question")
            } else {
                format!(
                    "`{qid}` is a {} question, answered with {}",
                    q.kind.name(),
                    answer.name()
                )
            };
            let hint = format!(
                "answer it as `{}(...)`, or change the question's kind",
                Answer::expected_for(&q.kind)
            );
            out.push(d(Code::AnswerShape, message, &hint));
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
    let d =
        |code, message: String, hint: &str| at.diag(code, message, hint).at_value("answers", qid);
    match (answer, &q.kind) {
        (Answer::Choice(_) | Answer::Choices(_) | Answer::Ranking(_), kind) => {
            for o in answer.option_ids() {
                if kind.option(o.as_str()).is_none() {
                    out.push(d(
                        Code::UnknownOption,
                        format!("`{o}` is not an option of `{qid}`"),
                        &format!("use one of: {}", option_list(q)),
                    ));
                }
            }
            if let (Answer::Choices(ids), QuestionKind::MultipleChoice { max: Some(m), .. }) =
                (answer, kind)
                && ids.len() > usize::from(*m)
            {
                out.push(d(
                    Code::AnswerShape,
                    format!(
                        "{} choices for `{qid}`, which allows at most {m}",
                        ids.len()
                    ),
                    "keep the choices the participant gave first, up to the limit",
                ));
            }
            if let Answer::Ranking(ids) = answer {
                ranking(q, ids, &d, out);
            }
        }
        (Answer::Rating(n), _) if !(RATING_MIN..=RATING_MAX).contains(n) => out.push(d(
            Code::RatingRange,
            format!("a rating of {n} for `{qid}`; ratings go from {RATING_MIN} to {RATING_MAX}"),
            "write a whole number from 1 to 5",
        )),
        (Answer::Items(ids), QuestionKind::PlanItems { item, max }) => {
            let candidates = q.candidates(plan);
            for id in ids {
                let what = format!("the answer to `{qid}` picks");
                if let Some(x) = dangling(plan, unread, at, "answers", &what, *item, id) {
                    out.push(x.at_value("answers", qid));
                } else if !candidates.contains(id) {
                    out.push(d(
                        Code::UnknownOption,
                        format!("`{id}` is not one of the {} `{qid}` offers", item.plural()),
                        "pick among the items the question names in `refers_to`",
                    ));
                }
            }
            if ids.len() > usize::from(*max) {
                out.push(d(
                    Code::AnswerShape,
                    format!(
                        "{} items picked for `{qid}`, which allows at most {max}",
                        ids.len()
                    ),
                    "keep the items the participant gave first, up to the limit",
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
    d: &dyn Fn(Code, String, &str) -> Diagnostic,
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
    let mut why = Vec::new();
    if !repeated.is_empty() {
        why.push(format!("repeats {}", quoted(&repeated)));
    }
    if !missing.is_empty() {
        why.push(format!("leaves out {}", quoted(&missing)));
    }
    out.push(d(
        Code::NotARanking,
        format!("the ranking for `{qid}` {}", why.join(" and ")),
        &format!("rank every option exactly once: {}", option_list(q)),
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
