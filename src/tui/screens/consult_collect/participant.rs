//! Collect mode's first page: who the participant is.

use super::{Page, Pending, collect_mut, refuse};
use crate::i18n::Arg;
use crate::model::{CountryCode, Id, Organisation, OrganisationType, Response};
use crate::tui::app::Effect;
use crate::tui::screens::consult::ConsultView;
use crate::tui::shared::Shared;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The participant page's fields, in order. The language (1) and the organisation type
/// (6) are chosen with ←→, the others typed into `Collect::inputs`.
pub(super) const FIELDS: [&str; 7] = [
    "collect-participant",
    "collect-language",
    "collect-organisation",
    "collect-country",
    "collect-role",
    "collect-name",
    "collect-org-type",
];

/// The field of the organisation type.
pub(super) const ORG_TYPE: usize = 6;

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

pub(super) fn participant_key(v: &mut ConsultView, sh: &mut Shared, key: KeyEvent) -> Vec<Effect> {
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    // A key held with ctrl or alt is a command, never a letter typed into a field.
    let command = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('u') if command && c.field != 1 && c.field != ORG_TYPE => {
            if let Some(input) = c.inputs.get_mut(c.field) {
                input.clear();
            }
        }
        KeyCode::Char(_) if command => {}
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
        KeyCode::Enter => return start(v, sh),
        _ => {}
    }
    Vec::new()
}

/// Confirms the participant page: resumes an existing participant, or records a new one.
fn start(v: &mut ConsultView, sh: &mut Shared) -> Vec<Effect> {
    let Some(c) = collect_mut(v) else {
        return Vec::new();
    };
    let round_id = c.round.clone();
    let inputs = c.inputs.clone();
    let language = c.language;
    let org_type = c.org_type;
    let plan = &sh.doc.plan;
    let Some(consultation) = plan.consultations.get(&round_id) else {
        return Vec::new();
    };
    let participant = match Id::parse(inputs[0].trim()) {
        Ok(id) => id,
        Err(e) => return refuse(v, e.to_string()),
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
        if let Some(c) = collect_mut(v) {
            c.language = existing.language;
            c.response = Some(existing);
            c.page = page;
            c.pending = pending;
        }
        sh.status = sh.msg.get_args(
            "tui-collect-resumed",
            &[("participant", Arg::Text(participant.to_string().into()))],
        );
        return Vec::new();
    }
    let country = match CountryCode::parse(inputs[3].trim()) {
        Ok(c) => c,
        Err(e) => {
            let why = e.show(&sh.msg);
            return refuse(v, why);
        }
    };
    let org = inputs[2].trim();
    if org.is_empty() {
        return refuse(v, sh.msg.get("tui-collect-need-organisation").into_owned());
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
    if let Some(c) = collect_mut(v) {
        c.response = Some(response.clone());
        c.page = first;
        c.pending = Pending::default();
    }
    super::save(sh, &round_id, &response)
}
