//! Collect mode's question pages: choosing, typing and saving an answer, one question at a
//! time.

use super::{Page, Pending, collect_mut, collect_mut_ref, refuse};
use crate::model::{Answer, Id, Question, QuestionKind, RATING_MAX};
use crate::text::{Align, EditBuffer};
use crate::tui::app::Effect;
use crate::tui::screens::consult::ConsultView;
use crate::tui::shared::Shared;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How many rows a question page offers to move among.
fn choices_len(sh: &Shared, q: &Question) -> usize {
    match &q.kind {
        QuestionKind::Rating { .. } => usize::from(RATING_MAX),
        QuestionKind::PlanItems { .. } => q.candidates(&sh.doc.plan).len(),
        QuestionKind::FreeText => 0,
        k => k.options().len(),
    }
}

/// The id of row `i` of a choice, ranking or plan-item question.
fn choice_id(sh: &Shared, q: &Question, i: usize) -> Option<Id> {
    match &q.kind {
        QuestionKind::PlanItems { .. } => q.candidates(&sh.doc.plan).get(i).cloned(),
        k => k.options().get(i).map(|o| o.id.clone()),
    }
}

pub(super) fn question_key(
    v: &mut ConsultView,
    sh: &mut Shared,
    n: usize,
    key: KeyEvent,
) -> Vec<Effect> {
    let Some(q) = collect_mut(v)
        .map(|c| c.round.clone())
        .and_then(|r| sh.doc.plan.consultations.get(&r))
        .and_then(|c| c.round.questions.get(n).cloned())
    else {
        return Vec::new();
    };
    let len = choices_len(sh, &q);
    let highlighted = collect_mut(v).map_or(0, |c| c.pending.cursor);
    let id = choice_id(sh, &q, highlighted);
    let ui_lang = sh.lang;
    let language = collect_mut(v).map_or(ui_lang, |c| c.language);
    let opts = sh.pen.options(language, Align::Natural);
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    let p = &mut c.pending;
    match (key.code, &q.kind) {
        (KeyCode::PageUp, _) => return go_to(v, sh, n.checked_sub(1)),
        (KeyCode::PageDown, _) => return go_to(v, sh, Some(n + 1)),
        (KeyCode::Enter, _) => return answer(v, sh, n, &q),
        (code, QuestionKind::FreeText) => {
            // The field edits as every text field does: whole graphemes, the cursor moving
            // visually in a right-to-left answer.
            let mut field = EditBuffer::new(std::mem::take(&mut p.text), opts);
            field.set_cursor(p.caret);
            // A key held with ctrl or alt is a command, never a letter typed into the answer.
            let command = key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            match code {
                KeyCode::Char('u') if command => {
                    field = EditBuffer::new(String::new(), opts);
                }
                KeyCode::Char(_) if command => {}
                KeyCode::Char(ch) => field.insert_char(ch),
                KeyCode::Backspace => {
                    field.backspace();
                }
                KeyCode::Delete => {
                    field.delete();
                }
                KeyCode::Left => field.move_left(),
                KeyCode::Right => field.move_right(),
                KeyCode::Home => field.home(),
                KeyCode::End => field.end(),
                _ => {}
            }
            p.caret = field.cursor();
            p.text = field.into_text();
        }
        (KeyCode::Up, _) => p.cursor = p.cursor.saturating_sub(1),
        (KeyCode::Down, _) => p.cursor = (p.cursor + 1).min(len.saturating_sub(1)),
        (KeyCode::Char(d @ '1'..='5'), QuestionKind::Rating { .. }) => {
            let r = u8::try_from(d.to_digit(10).unwrap_or(1)).unwrap_or(1);
            p.rating = Some(r);
            p.cursor = usize::from(r - 1);
        }
        (KeyCode::Char(' '), QuestionKind::Rating { .. }) => {
            p.rating = u8::try_from(p.cursor + 1).ok();
        }
        (KeyCode::Char(' '), QuestionKind::SingleChoice { .. }) => {
            p.picked = id.into_iter().collect();
        }
        (KeyCode::Char(' '), kind) => {
            let Some(id) = id else { return Vec::new() };
            let max = match kind {
                QuestionKind::MultipleChoice { max, .. } => max.map(usize::from),
                QuestionKind::PlanItems { max, .. } => Some(usize::from(*max)),
                _ => None,
            };
            match p.picked.iter().position(|x| *x == id) {
                Some(i) => {
                    p.picked.remove(i);
                }
                None if max.is_some_and(|m| p.picked.len() >= m) => {
                    let why = sh
                        .msg
                        .get_args("tui-collect-at-most", &[("max", max.unwrap_or(0).into())]);
                    return refuse(v, why);
                }
                None => p.picked.push(id),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Goes to question `to` (`None` or past the end: the participant page or the end).
fn go_to(v: &mut ConsultView, sh: &mut Shared, to: Option<usize>) -> Vec<Effect> {
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    let round = c.round.clone();
    let Some(consultation) = sh.doc.plan.consultations.get(&round) else {
        return Vec::new();
    };
    let (page, answer) = match to {
        None => return Vec::new(),
        Some(i) if i >= consultation.round.questions.len() => (Page::Done, None),
        Some(i) => {
            let q = &consultation.round.questions[i];
            let answer = collect_mut_ref(v)
                .and_then(|c| c.response.as_ref())
                .and_then(|r| r.answers.get(&q.id))
                .cloned();
            (Page::Question(i), answer)
        }
    };
    if let Some(c) = collect_mut(v) {
        c.page = page;
        c.pending = Pending::of(answer.as_ref());
    }
    Vec::new()
}

/// Enter on a question page: the answer as given (or the highlighted option of a single
/// choice or rating), saved at once; an empty answer skips the question.
fn answer(v: &mut ConsultView, sh: &mut Shared, n: usize, q: &Question) -> Vec<Effect> {
    let highlighted = collect_mut_ref(v).map_or(0, |c| c.pending.cursor);
    let id = choice_id(sh, q, highlighted);
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    let p = &c.pending;
    let given = match &q.kind {
        QuestionKind::SingleChoice { .. } => p.picked.first().cloned().or(id).map(Answer::Choice),
        QuestionKind::MultipleChoice { .. } => {
            (!p.picked.is_empty()).then(|| Answer::Choices(p.picked.clone()))
        }
        QuestionKind::Rating { .. } => Some(Answer::Rating(
            p.rating
                .unwrap_or_else(|| u8::try_from(p.cursor + 1).unwrap_or(1)),
        )),
        QuestionKind::Ranking { options } => {
            if p.picked.is_empty() {
                None
            } else if p.picked.len() < options.len() {
                let why = sh.msg.get("tui-collect-rank-all").into_owned();
                return refuse(v, why);
            } else {
                Some(Answer::Ranking(p.picked.clone()))
            }
        }
        QuestionKind::FreeText => {
            let t = p.text.trim();
            (!t.is_empty()).then(|| Answer::FreeText(t.to_owned()))
        }
        QuestionKind::PlanItems { .. } => {
            (!p.picked.is_empty()).then(|| Answer::Items(p.picked.clone()))
        }
    };
    let round = c.round.clone();
    let mut effects = Vec::new();
    if let (Some(a), Some(r)) = (given, c.response.as_mut()) {
        r.answers.insert(q.id.clone(), a);
        let r = r.clone();
        effects.extend(super::save(sh, &round, &r));
    }
    effects.extend(go_to(v, sh, Some(n + 1)));
    effects
}
