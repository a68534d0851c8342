//! Who refers to whom: the answer to "what breaks if I delete or rename this?".

use super::{Answer, EntityKind, Id, Organisation, Plan, QuestionKind, Response, Round};

/// What holds a reference: an entity, a consultation question, or a participant's response.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Referrer {
    /// An activity, partner, beneficiary group or funding source.
    Entity(EntityKind, Id),
    /// A question of a consultation round (its `refers_to`).
    Question {
        /// The round.
        round: Id,
        /// The question.
        question: Id,
    },
    /// A participant's response (its organisation, or plan items it picked).
    Response {
        /// The round.
        round: Id,
        /// The participant.
        participant: Id,
    },
}

impl Referrer {
    /// The entity, when the referrer is one.
    pub fn entity(&self) -> Option<(EntityKind, &Id)> {
        match self {
            Referrer::Entity(k, id) => Some((*k, id)),
            _ => None,
        }
    }

    /// The file that holds the reference, relative to the plan folder.
    pub fn file_path(&self) -> String {
        match self {
            Referrer::Entity(k, id) => k.file_path(id),
            Referrer::Question { round, .. } => super::consultation::round_path(round),
            Referrer::Response { round, participant } => {
                super::consultation::response_path(round, participant)
            }
        }
    }
}

/// One place in the plan that refers to an entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reference {
    /// What holds the reference.
    pub from: Referrer,
    /// The field that holds it (`dependencies`, `lead`, `budget.funding`, `refers_to`, ...).
    pub field: &'static str,
}

impl Plan {
    /// Every reference to the entity `kind`/`id`, in a stable order: entities first, then
    /// consultation questions and responses.
    pub fn references_to(&self, kind: EntityKind, id: &Id) -> Vec<Reference> {
        let mut out = Vec::new();
        let mut push = |from_kind, from: &Id, field| {
            out.push(Reference {
                from: Referrer::Entity(from_kind, from.clone()),
                field,
            })
        };
        for a in self.activities.values() {
            let ak = EntityKind::Activity;
            match kind {
                EntityKind::Activity => {
                    if a.parent.as_ref() == Some(id) {
                        push(ak, &a.id, "parent");
                    }
                    if a.dependencies.iter().any(|d| &d.activity == id) {
                        push(ak, &a.id, "dependencies");
                    }
                }
                EntityKind::Partner => {
                    if a.lead.as_ref() == Some(id) {
                        push(ak, &a.id, "lead");
                    }
                    if a.partners.iter().any(|p| &p.partner == id) {
                        push(ak, &a.id, "partners");
                    }
                }
                EntityKind::Beneficiary => {
                    if a.beneficiaries.contains(id) {
                        push(ak, &a.id, "beneficiaries");
                    }
                }
                EntityKind::Funding => {
                    if a.funding_sources().any(|f| f == id) {
                        push(ak, &a.id, "budget.funding");
                    }
                }
            }
        }
        for f in self.funding.values() {
            match kind {
                EntityKind::Partner if &f.funder == id => {
                    push(EntityKind::Funding, &f.id, "funder")
                }
                EntityKind::Activity if f.earmarked.contains(id) => {
                    push(EntityKind::Funding, &f.id, "earmarked")
                }
                _ => {}
            }
        }
        for (round_id, c) in &self.consultations {
            for q in c
                .round
                .questions
                .iter()
                .filter(|q| q.is_about(kind, id.as_str()))
            {
                out.push(Reference {
                    from: Referrer::Question {
                        round: round_id.clone(),
                        question: q.id.clone(),
                    },
                    field: "refers_to",
                });
            }
            for r in c.responses.values() {
                if let Some(field) = response_field(&c.round, r, kind, id) {
                    out.push(Reference {
                        from: Referrer::Response {
                            round: round_id.clone(),
                            participant: r.participant.clone(),
                        },
                        field,
                    });
                }
            }
        }
        out
    }

    /// Changes every reference to `kind`/`old` into a reference to `new`.
    ///
    /// Does not rename the entity itself; see the edit log for the full, invertible rename.
    pub(crate) fn rewrite_references(&mut self, kind: EntityKind, old: &Id, new: &Id) {
        for r in self.references_to(kind, old) {
            let Some((from_kind, from)) = r.from.entity() else {
                continue;
            };
            if let Some(mut e) = self.get(from_kind, from.as_str()) {
                e.rewrite_references(kind, old, new);
                e.normalize();
                self.put(e);
            }
        }
        for c in self.consultations.values_mut() {
            for r in c.responses.values_mut() {
                r.rewrite_references(&c.round, kind, old, new);
            }
            c.round.rewrite_references(kind, old, new);
        }
    }
}

/// The field of `r` that refers to `kind`/`id`, if one does.
fn response_field(round: &Round, r: &Response, kind: EntityKind, id: &Id) -> Option<&'static str> {
    if kind == EntityKind::Partner && r.organisation == Organisation::Partner(id.clone()) {
        return Some("organisation");
    }
    round
        .questions
        .iter()
        .any(|q| {
            r.picked(q)
                .is_some_and(|(k, ids)| k == kind && ids.contains(id))
        })
        .then_some("answers")
}

impl Round {
    /// Changes the questions' references to `kind`/`old` into `new`; whether any changed.
    pub(crate) fn rewrite_references(&mut self, kind: EntityKind, old: &Id, new: &Id) -> bool {
        let mut changed = false;
        for q in &mut self.questions {
            for x in q.refers_to.ids_mut(kind).iter_mut().filter(|x| *x == old) {
                *x = new.clone();
                changed = true;
            }
            q.refers_to.normalize();
        }
        changed
    }
}

impl Response {
    /// Changes this response's references to `kind`/`old` into `new` (its organisation, and
    /// the items it picked for `round`'s plan-item questions of that kind); whether any changed.
    pub(crate) fn rewrite_references(
        &mut self,
        round: &Round,
        kind: EntityKind,
        old: &Id,
        new: &Id,
    ) -> bool {
        let mut changed = false;
        if kind == EntityKind::Partner
            && let Organisation::Partner(p) = &mut self.organisation
            && p == old
        {
            *p = new.clone();
            changed = true;
        }
        for q in &round.questions {
            let QuestionKind::PlanItems { item, .. } = q.kind else {
                continue;
            };
            if item != kind {
                continue;
            }
            if let Some(Answer::Items(ids)) = self.answers.get_mut(&q.id) {
                for x in ids.iter_mut().filter(|x| *x == old) {
                    *x = new.clone();
                    changed = true;
                }
            }
        }
        if changed {
            self.normalize();
        }
        changed
    }
}
