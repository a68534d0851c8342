//! Who refers to whom: the answer to "what breaks if I delete or rename this?".

use super::{EntityKind, Id, Plan};

/// One place in the plan that refers to an entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reference {
    /// The kind of the entity that holds the reference.
    pub from_kind: EntityKind,
    /// The id of the entity that holds the reference.
    pub from: Id,
    /// The field that holds it (`dependencies`, `lead`, `budget.funding`, ...).
    pub field: &'static str,
}

impl Plan {
    /// Every reference to the entity `kind`/`id`, in a stable order.
    pub fn references_to(&self, kind: EntityKind, id: &Id) -> Vec<Reference> {
        let mut out = Vec::new();
        let mut push = |from_kind, from: &Id, field| {
            out.push(Reference {
                from_kind,
                from: from.clone(),
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
        out
    }

    /// Changes every reference to `kind`/`old` into a reference to `new`.
    ///
    /// Does not rename the entity itself; see the edit log for the full, invertible rename.
    pub fn rewrite_references(&mut self, kind: EntityKind, old: &Id, new: &Id) {
        for r in self.references_to(kind, old) {
            if let Some(mut e) = self.get(r.from_kind, r.from.as_str()) {
                e.rewrite_references(kind, old, new);
                e.normalize();
                self.put(e);
            }
        }
    }
}
