//! Consultation rounds: questions that can be answered, plan items that exist, and the
//! participants' files (their answers are checked in `answers.rs`).
//!
//! A duplicate participant cannot be two files with one participant id (the id is the file's
//! name). It is the same person answering twice: two responses of one round with the same
//! name, organisation and country (an error, E045), or, when neither gives a name, the same
//! organisation, country, role and every answer identical: probably one paper form entered
//! twice (a warning, W004, since two colleagues may answer alike).

use super::refs::closest;
use super::{Code, Diagnostic, Said, Unread, noun, plural};
use crate::model::{
    Answer, Consultation, CountryCode, EntityKind, Id, Organisation, Plan, Question, QuestionKind,
    Response, Round, Text, Venue,
};
use crate::said;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where a diagnostic about a round or a response goes.
pub(super) struct At<'a> {
    pub(super) round: &'a Id,
    /// The participant, for a response; `None` for `round.ron`.
    pub(super) participant: Option<&'a Id>,
}

impl At<'_> {
    pub(super) fn diag(&self, code: Code, message: Said, hint: Said) -> Diagnostic {
        match self.participant {
            Some(p) => Diagnostic::response(code, self.round, p, message, hint),
            None => Diagnostic::round(code, self.round, message, hint),
        }
    }
}

pub(super) fn check(plan: &Plan, unread: &Unread, out: &mut Vec<Diagnostic>) {
    for (id, c) in &plan.consultations {
        let at = At {
            round: id,
            participant: None,
        };
        design(plan, unread, &at, &c.round, out);
        for r in c.responses.values() {
            let at = At {
                round: id,
                participant: Some(&r.participant),
            };
            participant(plan, unread, &at, r, out);
            super::answers::check(plan, unread, &at, &c.round, r, out);
        }
        duplicates(id, c, out);
    }
}

/// A reference from a round or a response to `kind`/`id` that must exist.
pub(super) fn dangling(
    plan: &Plan,
    unread: &Unread,
    at: &At,
    field: &'static str,
    what: Said,
    kind: EntityKind,
    id: &Id,
) -> Option<Diagnostic> {
    if plan.contains(kind, id.as_str()) || unread.entities.contains(&(kind, id.to_string())) {
        return None;
    }
    let hint = match closest(id, &plan.ids(kind)) {
        Some(near) => said!("check-renamed-near-hint", near = near),
        None => said!("check-renamed-hint", path = &kind.file_path(id)),
    };
    let message = said!(
        "check-refers-missing",
        what = what,
        noun = noun(kind),
        id = id
    );
    Some(
        at.diag(Code::Dangling, message, hint)
            .at_value(field, id.as_str()),
    )
}

fn empty_text(at: &At, field: &'static str, value: Option<&str>, what: Said) -> Diagnostic {
    let d = at.diag(
        Code::EmptyText,
        said!("check-empty-text", what = what),
        said!("check-empty-text-hint"),
    );
    match value {
        Some(v) => d.at_value(field, v),
        None => d.at(field),
    }
}

fn country(at: &At, field: &'static str, c: &CountryCode) -> Option<Diagnostic> {
    (!c.is_assigned()).then(|| {
        at.diag(
            Code::BadValue,
            said!("check-bad-country", country = c),
            said!("check-bad-country-hint"),
        )
        .at_value(field, c.as_str())
    })
}

fn bad_id(at: &At, field: &'static str, id: &Id, what: Said) -> Option<Diagnostic> {
    id.validate().err().map(|e| {
        at.diag(
            Code::BadId,
            said!(
                "check-bad-named-id",
                what = what,
                id = id,
                reason = e.said()
            ),
            said!("check-bad-question-id-hint"),
        )
        .at_value(field, id.as_str())
    })
}

fn design(plan: &Plan, unread: &Unread, at: &At, round: &Round, out: &mut Vec<Diagnostic>) {
    if round.title.is_empty() {
        out.push(empty_text(
            at,
            "title",
            None,
            said!("check-what-round-title"),
        ));
    }
    if let Venue::InPerson { country: c, .. } | Venue::Hybrid { country: c, .. } = &round.place {
        out.extend(country(at, "country", c));
    }
    let mut seen = HashSet::new();
    for q in &round.questions {
        let qid = q.id.as_str();
        out.extend(bad_id(at, "id", &q.id, said!("check-what-question")));
        if !seen.insert(qid) {
            out.push(
                at.diag(
                    Code::DuplicateId,
                    said!("check-question-twice", question = qid),
                    said!("check-question-twice-hint"),
                )
                .at_value("id", qid),
            );
        }
        if q.text.is_empty() {
            let what = said!("check-what-question-id", question = qid);
            out.push(empty_text(at, "id", Some(qid), what));
        }
        options(at, q, out);
        kind_rules(plan, at, q, out);
        for (kind, id) in q.refers_to.iter() {
            let what = said!("check-what-question-refers", question = qid);
            out.extend(dangling(plan, unread, at, "refers_to", what, kind, id));
        }
    }
}

fn options(at: &At, q: &Question, out: &mut Vec<Diagnostic>) {
    let qid = q.id.as_str();
    let mut seen = HashSet::new();
    for o in q.kind.options() {
        let what = said!("check-what-option-of", question = qid);
        out.extend(bad_id(at, "id", &o.id, what));
        if !seen.insert(o.id.as_str()) {
            out.push(
                at.diag(
                    Code::DuplicateId,
                    said!("check-option-twice", question = qid, option = &o.id),
                    said!("check-option-twice-hint"),
                )
                .at_value("id", o.id.as_str()),
            );
        }
        if o.label.is_empty() {
            let what = said!("check-what-option", option = &o.id, question = qid);
            out.push(empty_text(at, "id", Some(o.id.as_str()), what));
        }
    }
}

fn kind_rules(plan: &Plan, at: &At, q: &Question, out: &mut Vec<Diagnostic>) {
    let qid = q.id.as_str();
    let mut design = |message: Said, hint: Said| {
        out.push(
            at.diag(Code::QuestionDesign, message, hint)
                .at_value("id", qid),
        );
    };
    let n = q.kind.options().len();
    match &q.kind {
        QuestionKind::SingleChoice { .. }
        | QuestionKind::MultipleChoice { .. }
        | QuestionKind::Ranking { .. }
            if n < 2 =>
        {
            design(
                said!(
                    "check-too-few-options",
                    question = qid,
                    kind = q.kind.name(),
                    count = n
                ),
                said!("check-too-few-options-hint"),
            );
        }
        QuestionKind::MultipleChoice { max: Some(m), .. } if *m == 0 || usize::from(*m) > n => {
            design(
                said!("check-bad-max-choices", question = qid, max = *m, count = n),
                said!("check-bad-max-choices-hint"),
            );
        }
        QuestionKind::PlanItems { max: 0, .. } => design(
            said!("check-zero-items", question = qid),
            said!("check-zero-items-hint"),
        ),
        QuestionKind::PlanItems { item, .. } if q.candidates(plan).is_empty() => design(
            said!("check-no-candidates", question = qid, items = plural(*item)),
            said!("check-no-candidates-hint"),
        ),
        _ => {}
    }
    let rating = match &q.kind {
        QuestionKind::Rating { low, high } => [low, high].into_iter().any(is_blank),
        _ => false,
    };
    if rating {
        let what = said!("check-what-scale-label", question = qid);
        out.push(empty_text(at, "id", Some(qid), what));
    }
}

/// Text that is written but blank in both languages (absent labels are fine).
fn is_blank(t: &Text) -> bool {
    !t.is_absent() && t.is_empty()
}

fn participant(plan: &Plan, unread: &Unread, at: &At, r: &Response, out: &mut Vec<Diagnostic>) {
    out.extend(country(at, "country", &r.country));
    match &r.organisation {
        Organisation::Partner(p) => {
            let what = said!("check-what-organisation");
            out.extend(dangling(
                plan,
                unread,
                at,
                "organisation",
                what,
                EntityKind::Partner,
                p,
            ));
        }
        Organisation::Other { name, .. } if name.trim().is_empty() => out.push(
            at.diag(
                Code::BadValue,
                said!("check-organisation-unnamed"),
                said!("check-organisation-unnamed-hint"),
            )
            .at("organisation"),
        ),
        Organisation::Other { .. } => {}
    }
}

/// How two responses could come from one person; see the module documentation.
fn duplicates(round: &Id, c: &Consultation, out: &mut Vec<Diagnostic>) {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let org = |r: &Response| match &r.organisation {
        Organisation::Partner(p) => format!("partner:{p}"),
        Organisation::Other { name, .. } => format!("name:{}", fold(name)),
    };
    let mut named: HashMap<(String, String, String), &Id> = HashMap::new();
    type Fingerprint<'a> = (String, String, String, &'a BTreeMap<Id, Answer>);
    let mut anonymous: HashMap<Fingerprint, &Id> = HashMap::new();
    for r in c.responses.values() {
        let at = At {
            round,
            participant: Some(&r.participant),
        };
        let (code, first) = match r.name.as_deref().map(fold).filter(|n| !n.is_empty()) {
            Some(name) => {
                let key = (name, org(r), r.country.to_string());
                (
                    Code::DuplicateParticipant,
                    *named.entry(key).or_insert(&r.participant),
                )
            }
            None => {
                let key = (org(r), r.country.to_string(), fold(&r.role), &r.answers);
                (
                    Code::PossibleDuplicate,
                    *anonymous.entry(key).or_insert(&r.participant),
                )
            }
        };
        if first == &r.participant {
            continue;
        }
        let (message, hint) = if code == Code::DuplicateParticipant {
            (
                said!("check-answered-twice", first = first),
                said!("check-answered-twice-hint", first = first),
            )
        } else {
            (
                said!("check-response-repeats", first = first),
                said!("check-response-repeats-hint"),
            )
        };
        out.push(at.diag(code, message, hint).at("participant"));
    }
}
