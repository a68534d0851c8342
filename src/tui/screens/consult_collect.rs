//! Collect mode: a questionnaire for one participant at a time, keyboard only, in the
//! participant's language. First who they are, then one question per page. Every answer is
//! written to the participant's file at once (atomically, by the run loop), so closing
//! midway loses nothing; choosing an existing participant id resumes where they stopped.
//!
//! Answers do not go through the edit log: they are the participant's words, saved as given,
//! and undoing a design edit must never take them back.

use super::consult::Mode;
use crate::i18n::Arg;
use crate::model::{
    Answer, CountryCode, EntityKind, Id, Lang, Organisation, OrganisationType, Question,
    QuestionKind, RATING_MAX, Response, Text,
};
use crate::text::{Align, EditBuffer};
use crate::tui::app::{App, Effect};
use crate::tui::popup::Popup;
use crate::tui::theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

/// Where the questionnaire is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// Who the participant is.
    Participant,
    /// Question `n` of the round (by position).
    Question(usize),
    /// Every question was put.
    Done,
}

/// The participant page's fields, in order. The language (1) and the organisation type
/// (6) are chosen with ←→, the others typed into `Collect::inputs`.
const FIELDS: [&str; 7] = [
    "collect-participant",
    "collect-language",
    "collect-organisation",
    "collect-country",
    "collect-role",
    "collect-name",
    "collect-org-type",
];

/// The field of the organisation type.
const ORG_TYPE: usize = 6;

/// The type after (or, `back`, before) `t` in the list of types, with "not given" (`None`)
/// at both ends of the cycle.
fn cycle_type(t: Option<OrganisationType>, back: bool) -> Option<OrganisationType> {
    let all = OrganisationType::ALL;
    let at = t.and_then(|t| all.iter().position(|x| *x == t));
    match (at, back) {
        (None, false) => all.first().copied(),
        (None, true) => all.last().copied(),
        (Some(i), false) => all.get(i + 1).copied(),
        (Some(0), true) => None,
        (Some(i), true) => all.get(i - 1).copied(),
    }
}

/// The answer being given on a question page, before Enter saves it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    /// The highlighted option, item or rating (from 0).
    pub cursor: usize,
    /// Chosen options or items; for a ranking, in order of preference.
    pub picked: Vec<Id>,
    /// The rating chosen.
    pub rating: Option<u8>,
    /// Free text typed.
    pub text: String,
    /// The cursor in `text`, in graphemes from its start (logical order).
    pub caret: usize,
}

impl Pending {
    /// The page of `q` showing `answer`, the participant's earlier answer, if any.
    fn of(answer: Option<&Answer>) -> Pending {
        let mut p = Pending::default();
        match answer {
            Some(Answer::Choice(id)) => p.picked = vec![id.clone()],
            Some(Answer::Choices(ids) | Answer::Ranking(ids) | Answer::Items(ids)) => {
                p.picked = ids.clone()
            }
            Some(Answer::Rating(n)) => {
                p.rating = Some(*n);
                p.cursor = usize::from(n.saturating_sub(1));
            }
            Some(Answer::FreeText(t)) => {
                p.text = t.clone();
                p.caret = t.graphemes(true).count();
            }
            None => {}
        }
        p
    }
}

/// Collect mode's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collect {
    /// The round.
    pub round: Id,
    /// The page shown.
    pub page: Page,
    /// The participant page's typed values (see [`FIELDS`]; the language is `language`).
    pub inputs: [String; 6],
    /// The participant page's selected field.
    pub field: usize,
    /// The participant's language.
    pub language: Lang,
    /// The type of an organisation given by name (a partner's is the partner's own), so that
    /// results can count its answers under an organisation type.
    pub org_type: Option<OrganisationType>,
    /// The response as saved so far (none before the participant page is confirmed).
    pub response: Option<Response>,
    /// The answer being given.
    pub pending: Pending,
    /// Why the page cannot go on.
    pub error: Option<String>,
}

impl Collect {
    /// A new participant for `round`, with a fresh id and the UI's language.
    pub fn new(app: &App, round: Id) -> Collect {
        let fresh = app
            .doc
            .plan
            .consultations
            .get(&round)
            .map(|c| crate::model::fresh_participant_id(&c.responses))
            .unwrap_or_else(|| Id::new_unchecked("p001"));
        let mut inputs: [String; 6] = Default::default();
        inputs[0] = fresh.to_string();
        Collect {
            round,
            page: Page::Participant,
            inputs,
            field: 0,
            language: app.lang,
            org_type: None,
            response: None,
            pending: Pending::default(),
            error: None,
        }
    }
}

fn collect_mut(app: &mut App) -> Option<&mut Collect> {
    match &mut app.consult.mode {
        Mode::Collect(c) => Some(c),
        _ => None,
    }
}

/// A key in collect mode.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(c) = collect_mut(app) else {
        return Vec::new();
    };
    if key.code == KeyCode::Esc
        || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
    {
        // Every answer is on disk already: leaving loses nothing.
        app.consult.mode = Mode::Rounds;
        return Vec::new();
    }
    c.error = None;
    match c.page.clone() {
        Page::Participant => participant_key(app, key),
        Page::Question(n) => question_key(app, n, key),
        Page::Done => {
            if key.code == KeyCode::Enter {
                let round = c.round.clone();
                let next = Collect::new(app, round);
                app.consult.mode = Mode::Collect(Box::new(next));
            }
            Vec::new()
        }
    }
}

fn participant_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(c) = collect_mut(app) else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Up | KeyCode::BackTab => c.field = c.field.saturating_sub(1),
        KeyCode::Down | KeyCode::Tab => c.field = (c.field + 1).min(FIELDS.len() - 1),
        KeyCode::Left | KeyCode::Right if c.field == 1 => c.language = c.language.other(),
        KeyCode::Char(' ') if c.field == 1 => c.language = c.language.other(),
        KeyCode::Right | KeyCode::Char(' ') if c.field == ORG_TYPE => {
            c.org_type = cycle_type(c.org_type, false);
        }
        KeyCode::Left if c.field == ORG_TYPE => c.org_type = cycle_type(c.org_type, true),
        KeyCode::Backspace if c.field == ORG_TYPE => c.org_type = None,
        KeyCode::Backspace => {
            if let Some(input) = c.inputs.get_mut(c.field) {
                input.pop();
            }
        }
        KeyCode::Char(ch) if c.field != 1 && c.field != ORG_TYPE => {
            if let Some(input) = c.inputs.get_mut(c.field) {
                input.push(ch);
            }
        }
        KeyCode::Enter => return start(app),
        _ => {}
    }
    Vec::new()
}

/// Confirms the participant page: resumes an existing participant, or records a new one.
fn start(app: &mut App) -> Vec<Effect> {
    let Some(c) = collect_mut(app) else {
        return Vec::new();
    };
    let round_id = c.round.clone();
    let inputs = c.inputs.clone();
    let language = c.language;
    let org_type = c.org_type;
    let plan = &app.doc.plan;
    let Some(consultation) = plan.consultations.get(&round_id) else {
        return Vec::new();
    };
    let participant = match Id::parse(inputs[0].trim()) {
        Ok(id) => id,
        Err(e) => return refuse(app, e.to_string()),
    };
    if let Some(existing) = consultation.responses.get(&participant) {
        let existing = existing.clone();
        let next = consultation.round.next_unanswered(&existing);
        let page = match next.and_then(|q| consultation.round.position(q.id.as_str())) {
            Some(i) => Page::Question(i),
            None => Page::Done,
        };
        let pending = match &page {
            Page::Question(i) => Pending::of(
                consultation
                    .round
                    .questions
                    .get(*i)
                    .and_then(|q| existing.answers.get(&q.id)),
            ),
            _ => Pending::default(),
        };
        if let Some(c) = collect_mut(app) {
            c.language = existing.language;
            c.response = Some(existing);
            c.page = page;
            c.pending = pending;
        }
        app.status = app.msg.get_args(
            "tui-collect-resumed",
            &[("participant", Arg::Text(participant.to_string().into()))],
        );
        return Vec::new();
    }
    let country = match CountryCode::parse(inputs[3].trim()) {
        Ok(c) => c,
        Err(e) => {
            let why = e.show(&app.msg);
            return refuse(app, why);
        }
    };
    let org = inputs[2].trim();
    if org.is_empty() {
        return refuse(
            app,
            app.msg.get("tui-collect-need-organisation").into_owned(),
        );
    }
    let organisation = match Id::parse(org) {
        Ok(id) if plan.partners.contains_key(&id) => Organisation::Partner(id),
        _ => Organisation::Other {
            name: org.to_owned(),
            kind: org_type,
        },
    };
    let mut response = Response::new(participant, organisation, country, language);
    response.role = inputs[4].trim().to_owned();
    let name = inputs[5].trim();
    response.name = (!name.is_empty()).then(|| name.to_owned());
    let first = if consultation.round.questions.is_empty() {
        Page::Done
    } else {
        Page::Question(0)
    };
    if let Some(c) = collect_mut(app) {
        c.response = Some(response.clone());
        c.page = first;
        c.pending = Pending::default();
    }
    vec![Effect::SaveResponse(round_id, Box::new(response))]
}

fn refuse(app: &mut App, why: String) -> Vec<Effect> {
    if let Some(c) = collect_mut(app) {
        c.error = Some(why);
    }
    Vec::new()
}

/// How many rows a question page offers to move among.
fn choices_len(app: &App, q: &Question) -> usize {
    match &q.kind {
        QuestionKind::Rating { .. } => usize::from(RATING_MAX),
        QuestionKind::PlanItems { .. } => q.candidates(&app.doc.plan).len(),
        QuestionKind::FreeText => 0,
        k => k.options().len(),
    }
}

/// The id of row `i` of a choice, ranking or plan-item question.
fn choice_id(app: &App, q: &Question, i: usize) -> Option<Id> {
    match &q.kind {
        QuestionKind::PlanItems { .. } => q.candidates(&app.doc.plan).get(i).cloned(),
        k => k.options().get(i).map(|o| o.id.clone()),
    }
}

fn question_key(app: &mut App, n: usize, key: KeyEvent) -> Vec<Effect> {
    let Some(q) = collect_mut(app)
        .map(|c| c.round.clone())
        .and_then(|r| app.doc.plan.consultations.get(&r))
        .and_then(|c| c.round.questions.get(n).cloned())
    else {
        return Vec::new();
    };
    let len = choices_len(app, &q);
    let highlighted = collect_mut(app).map_or(0, |c| c.pending.cursor);
    let id = choice_id(app, &q, highlighted);
    let ui_lang = app.lang;
    let language = collect_mut(app).map_or(ui_lang, |c| c.language);
    let opts = app.pen.options(language, Align::Natural);
    let Some(c) = collect_mut(app) else {
        return Vec::new();
    };
    let p = &mut c.pending;
    match (key.code, &q.kind) {
        (KeyCode::PageUp, _) => return go_to(app, n.checked_sub(1)),
        (KeyCode::PageDown, _) => return go_to(app, Some(n + 1)),
        (KeyCode::Enter, _) => return answer(app, n, &q),
        (code, QuestionKind::FreeText) => {
            // The field edits as every text field does: whole graphemes, the cursor moving
            // visually in a right-to-left answer.
            let mut field = EditBuffer::new(std::mem::take(&mut p.text), opts);
            field.set_cursor(p.caret);
            match code {
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
                    let why = app
                        .msg
                        .get_args("tui-collect-at-most", &[("max", max.unwrap_or(0).into())]);
                    return refuse(app, why);
                }
                None => p.picked.push(id),
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Goes to question `to` (`None` or past the end: the participant page or the end).
fn go_to(app: &mut App, to: Option<usize>) -> Vec<Effect> {
    let Some(c) = collect_mut(app) else {
        return Vec::new();
    };
    let round = c.round.clone();
    let Some(consultation) = app.doc.plan.consultations.get(&round) else {
        return Vec::new();
    };
    let (page, answer) = match to {
        None => return Vec::new(),
        Some(i) if i >= consultation.round.questions.len() => (Page::Done, None),
        Some(i) => {
            let q = &consultation.round.questions[i];
            let answer = collect_mut_ref(app)
                .and_then(|c| c.response.as_ref())
                .and_then(|r| r.answers.get(&q.id))
                .cloned();
            (Page::Question(i), answer)
        }
    };
    if let Some(c) = collect_mut(app) {
        c.page = page;
        c.pending = Pending::of(answer.as_ref());
    }
    Vec::new()
}

fn collect_mut_ref(app: &App) -> Option<&Collect> {
    match &app.consult.mode {
        Mode::Collect(c) => Some(c),
        _ => None,
    }
}

/// Enter on a question page: the answer as given (or the highlighted option of a single
/// choice or rating), saved at once; an empty answer skips the question.
fn answer(app: &mut App, n: usize, q: &Question) -> Vec<Effect> {
    let highlighted = collect_mut_ref(app).map_or(0, |c| c.pending.cursor);
    let id = choice_id(app, q, highlighted);
    let Some(c) = collect_mut(app) else {
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
                let why = app.msg.get("tui-collect-rank-all").into_owned();
                return refuse(app, why);
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
        effects.push(Effect::SaveResponse(round, Box::new(r.clone())));
    }
    effects.extend(go_to(app, Some(n + 1)));
    effects
}

/// A response was written (or not): the plan in memory follows what is on disk.
pub fn saved(
    app: &mut App,
    round: &Id,
    response: Response,
    result: Result<String, String>,
) -> Vec<Effect> {
    match result {
        Ok(path) => {
            if let Some(c) = app.doc.plan.consultations.get_mut(round) {
                let mut r = response;
                r.normalize();
                c.responses.insert(r.participant.clone(), r);
            }
            app.doc.refresh();
            app.status = app
                .msg
                .get_args("tui-collect-saved", &[("path", Arg::Text(path.into()))]);
        }
        Err(e) => {
            app.status = app
                .msg
                .get_args("tui-collect-not-saved", &[("error", Arg::Text(e.into()))]);
            app.popup = Some(Popup::Message(app.status.clone()));
        }
    }
    Vec::new()
}

/// One line of a question page: text, the language it is in, its style.
pub type PageLine = (String, Lang, Style);

fn plan_label(app: &App, kind: EntityKind, id: &Id, lang: Lang) -> String {
    let t: Text = crate::consult::item_label(&app.doc.plan, kind, id);
    t.show(lang).to_owned()
}

/// The lines of question `q` as a participant sees it in `lang`, with `p` chosen so far.
pub fn question_lines(app: &App, q: &Question, lang: Lang, p: &Pending) -> Vec<PageLine> {
    let mut out: Vec<PageLine> = vec![(q.text.show(lang).to_owned(), lang, theme::heading())];
    if !q.help.is_absent() {
        out.push((q.help.show(lang).to_owned(), lang, theme::dim()));
    }
    out.push((String::new(), lang, Style::new()));
    let row = |i: usize, mark: String, label: String| -> PageLine {
        let style = if i == p.cursor {
            theme::selected()
        } else {
            Style::new()
        };
        (format!("{mark} {label}"), lang, style)
    };
    match &q.kind {
        QuestionKind::SingleChoice { options } => {
            for (i, o) in options.iter().enumerate() {
                let mark = if p.picked.contains(&o.id) {
                    "(•)"
                } else {
                    "( )"
                };
                out.push(row(i, mark.to_owned(), o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::MultipleChoice { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                let mark = if p.picked.contains(&o.id) {
                    "[x]"
                } else {
                    "[ ]"
                };
                out.push(row(i, mark.to_owned(), o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::Ranking { options } => {
            for (i, o) in options.iter().enumerate() {
                let mark = match p.picked.iter().position(|x| *x == o.id) {
                    Some(r) => format!("[{}]", r + 1),
                    None => "[ ]".to_owned(),
                };
                out.push(row(i, mark, o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::Rating { low, high } => {
            for i in 0..usize::from(RATING_MAX) {
                let n = i + 1;
                let mark = if p.rating == u8::try_from(n).ok() {
                    "(•)"
                } else {
                    "( )"
                };
                let note = match n {
                    1 => low.show(lang),
                    5 => high.show(lang),
                    _ => "",
                };
                out.push(row(
                    i,
                    mark.to_owned(),
                    format!("{n} {note}").trim_end().to_owned(),
                ));
            }
        }
        QuestionKind::FreeText => {
            // The cursor mark sits between graphemes in logical order, and the display
            // layer puts it where it shows.
            let split = p
                .text
                .grapheme_indices(true)
                .nth(p.caret)
                .map_or(p.text.len(), |(i, _)| i);
            let (before, after) = p.text.split_at(split);
            out.push((format!("> {before}▏{after}"), lang, theme::selected()));
        }
        QuestionKind::PlanItems { item, .. } => {
            for (i, id) in q.candidates(&app.doc.plan).iter().enumerate() {
                let mark = if p.picked.contains(id) { "[x]" } else { "[ ]" };
                out.push(row(i, mark.to_owned(), plan_label(app, *item, id, lang)));
            }
        }
    }
    out
}

/// The keys of a question page, in the UI's language.
fn question_help(app: &App, q: &Question) -> String {
    let key = match &q.kind {
        QuestionKind::SingleChoice { .. } => "tui-collect-help-single",
        QuestionKind::Rating { .. } => "tui-collect-help-rating",
        QuestionKind::Ranking { .. } => "tui-collect-help-ranking",
        QuestionKind::FreeText => "tui-collect-help-text",
        _ => "tui-collect-help-multiple",
    };
    app.msg.get(key).into_owned()
}

/// Draws the questionnaire.
pub fn draw(app: &App, c: &Collect, area: Rect, buf: &mut Buffer) {
    let pen = &app.pen;
    let Some(consultation) = app.doc.plan.consultations.get(&c.round) else {
        return;
    };
    let round = &consultation.round;
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let lang = c.language;
    let title = format!("{} · {}", round.title.show(lang), c.inputs[0]);
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let mut lines: Vec<PageLine> = Vec::new();
    let help = match &c.page {
        Page::Participant => {
            lines.push((
                app.msg.get("tui-collect-who").into_owned(),
                app.lang,
                theme::heading(),
            ));
            lines.push((String::new(), app.lang, Style::new()));
            for (i, key) in FIELDS.iter().enumerate() {
                let value = if i == 1 {
                    app.msg
                        .get(match c.language {
                            Lang::Ar => "lang-ar",
                            Lang::En => "lang-en",
                        })
                        .into_owned()
                } else if i == ORG_TYPE {
                    match c.org_type {
                        Some(t) => app.msg.get(crate::i18n::organisation_type(t)).into_owned(),
                        None => app.msg.get("collect-org-type-none").into_owned(),
                    }
                } else {
                    c.inputs.get(i).cloned().unwrap_or_default()
                };
                let style = if i == c.field {
                    theme::selected()
                } else {
                    Style::new()
                };
                lines.push((format!("{:<16} {value}", app.msg.get(key)), app.lang, style));
            }
            app.msg.get("tui-collect-help-who").into_owned()
        }
        Page::Question(n) => {
            let Some(q) = round.questions.get(*n) else {
                return;
            };
            let progress = app.msg.get_args(
                "tui-collect-progress",
                &[
                    ("number", (n + 1).into()),
                    ("count", round.questions.len().into()),
                    (
                        "aspect",
                        Arg::Text(super::consult_design::aspect_label(app, q.aspect).into()),
                    ),
                ],
            );
            lines.push((progress, app.lang, theme::dim()));
            lines.extend(question_lines(app, q, lang, &c.pending));
            question_help(app, q)
        }
        Page::Done => {
            let answered = c.response.as_ref().map_or(0, |r| r.answers.len());
            lines.push((
                app.msg.get_args(
                    "tui-collect-done",
                    &[
                        ("count", answered.into()),
                        ("total", round.questions.len().into()),
                    ],
                ),
                app.lang,
                theme::ok(),
            ));
            app.msg.get("tui-collect-help-done").into_owned()
        }
    };
    for (i, (text, l, style)) in lines
        .iter()
        .take(usize::from(area.height.saturating_sub(4)))
        .enumerate()
    {
        let y = area.y + 2 + u16::try_from(i).unwrap_or(0);
        pen.text(buf, Rect::new(x, y, w, 1), text, *style, *l, Align::Natural);
    }
    if let Some(e) = &c.error {
        pen.ui(
            buf,
            x,
            area.bottom().saturating_sub(2),
            w,
            e,
            theme::error(),
        );
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &help,
        theme::dim(),
    );
}
