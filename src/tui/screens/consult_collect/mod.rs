//! Collect mode: a questionnaire for one participant at a time, keyboard only, in the
//! participant's language. First who they are, then one question per page. Every answer is
//! written to the participant's file at once (atomically, by the run loop), so closing
//! midway loses nothing; choosing an existing participant id resumes where they stopped.
//!
//! Answers do not go through the edit log: they are the participant's words, saved as given,
//! and undoing a design edit must never take them back.

mod draw;
mod participant;
mod question;

pub use draw::{draw, question_lines};

use super::consult::Mode;
use crate::i18n::Arg;
use crate::model::{Answer, Id, Lang, OrganisationType, Response};
use crate::tui::app::Effect;
use crate::tui::popup::Popup;
use crate::tui::screens::consult::ConsultView;
use crate::tui::shared::Shared;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use participant::participant_key;
use question::question_key;
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
    /// The participant page's typed values (see `participant::FIELDS`; the language
    /// is `language`).
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
    pub fn new(sh: &Shared, round: Id) -> Collect {
        let fresh = sh
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
            language: sh.lang,
            org_type: None,
            response: None,
            pending: Pending::default(),
            error: None,
        }
    }
}

fn collect_mut(v: &mut ConsultView) -> Option<&mut Collect> {
    match &mut v.mode {
        Mode::Collect(c) => Some(c),
        _ => None,
    }
}

fn collect_mut_ref(v: &ConsultView) -> Option<&Collect> {
    match &v.mode {
        Mode::Collect(c) => Some(c),
        _ => None,
    }
}

/// A key in collect mode.
pub fn key(v: &mut ConsultView, sh: &mut Shared, key: KeyEvent) -> Vec<Effect> {
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    if key.code == KeyCode::Esc
        || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
    {
        // Every answer is on disk already: leaving loses nothing.
        v.mode = Mode::Rounds;
        return Vec::new();
    }
    c.error = None;
    match c.page.clone() {
        Page::Participant => participant_key(v, sh, key),
        Page::Question(n) => question_key(v, sh, n, key),
        Page::Done => {
            if key.code == KeyCode::Enter {
                let round = c.round.clone();
                let next = Collect::new(sh, round);
                v.mode = Mode::Collect(Box::new(next));
            }
            Vec::new()
        }
    }
}

fn refuse(v: &mut ConsultView, why: String) -> Vec<Effect> {
    if let Some(c) = collect_mut(v) {
        c.error = Some(why);
    }
    Vec::new()
}

/// Writes a participant's response as it stands, at once (see [`Effect::SaveResponse`]).
/// What the person's grants do not allow is refused before anything is written: the
/// participant's file is written when the participant is chosen, so a response outside
/// the grants is refused before its first answer is typed.
pub(super) fn save(sh: &mut Shared, round: &Id, response: &Response) -> Vec<Effect> {
    let unit = crate::model::Unit::Response {
        round: round.clone(),
        participant: response.participant.clone(),
    };
    let after = crate::model::UnitValue::Response(Box::new(response.clone()));
    if let Some(why) = crate::tui::rights::refused_change(sh, &unit, Some(&after)) {
        return saved(sh, Err(why));
    }
    match sh.doc.loaded.response_write(round, response) {
        Ok(write) => vec![Effect::SaveResponse(Box::new(write))],
        Err(e) => saved(sh, Err(e.said())),
    }
}

/// A response was written (or not): the document records it as the file's and the plan's.
pub fn saved(
    sh: &mut Shared,
    result: Result<(Box<crate::store::FileWrite>, crate::store::SaveReport), crate::i18n::Said>,
) -> Vec<Effect> {
    match result {
        Ok((write, report)) => {
            sh.doc.response_saved(&write, &report);
            let path = write.unit.to_string();
            sh.status = sh
                .msg
                .get_args("tui-collect-saved", &[("path", Arg::Text(path.into()))]);
        }
        Err(e) => {
            sh.status = sh.msg.get_args(
                "tui-collect-not-saved",
                &[("error", e.show(&sh.msg).into())],
            );
            sh.popup = Some(Popup::Message(sh.status.clone()));
        }
    }
    Vec::new()
}
