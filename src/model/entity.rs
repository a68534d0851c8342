//! Any entity with a file of its own, as one value.

use super::{Activity, Beneficiary, EntityKind, FundingSource, Id, Partner, Plan};
use serde::{Deserialize, Serialize};

/// An activity, partner, beneficiary group or funding source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs, reason = "each variant holds the entity of that name")]
pub enum Entity {
    Activity(Activity),
    Partner(Partner),
    Beneficiary(Beneficiary),
    Funding(FundingSource),
}

impl Entity {
    /// Its kind.
    pub fn kind(&self) -> EntityKind {
        match self {
            Entity::Activity(_) => EntityKind::Activity,
            Entity::Partner(_) => EntityKind::Partner,
            Entity::Beneficiary(_) => EntityKind::Beneficiary,
            Entity::Funding(_) => EntityKind::Funding,
        }
    }

    /// Its id.
    pub fn id(&self) -> &Id {
        match self {
            Entity::Activity(a) => &a.id,
            Entity::Partner(p) => &p.id,
            Entity::Beneficiary(b) => &b.id,
            Entity::Funding(f) => &f.id,
        }
    }

    /// Changes its own id.
    pub(crate) fn set_id(&mut self, id: Id) {
        match self {
            Entity::Activity(a) => a.id = id,
            Entity::Partner(p) => p.id = id,
            Entity::Beneficiary(b) => b.id = id,
            Entity::Funding(f) => f.id = id,
        }
    }

    /// Sorts its lists into canonical order.
    pub fn normalize(&mut self) {
        match self {
            Entity::Activity(a) => a.normalize(),
            Entity::Partner(p) => p.normalize(),
            Entity::Beneficiary(_) => {}
            Entity::Funding(f) => f.normalize(),
        }
    }

    /// Changes its references to `kind`/`old` into references to `new`; whether any changed.
    pub(crate) fn rewrite_references(&mut self, kind: EntityKind, old: &Id, new: &Id) -> bool {
        let mut changed = false;
        let mut swap = |x: &mut Id| {
            if x == old {
                *x = new.clone();
                changed = true;
            }
        };
        match (self, kind) {
            (Entity::Activity(a), EntityKind::Activity) => {
                a.parent.iter_mut().for_each(&mut swap);
                a.dependencies
                    .iter_mut()
                    .for_each(|d| swap(&mut d.activity));
            }
            (Entity::Activity(a), EntityKind::Partner) => {
                a.lead.iter_mut().for_each(&mut swap);
                a.partners.iter_mut().for_each(|p| swap(&mut p.partner));
            }
            (Entity::Activity(a), EntityKind::Beneficiary) => {
                a.beneficiaries.iter_mut().for_each(swap)
            }
            (Entity::Activity(a), EntityKind::Funding) => a
                .budget
                .iter_mut()
                .for_each(|b| b.funding.iter_mut().for_each(&mut swap)),
            (Entity::Funding(f), EntityKind::Partner) => swap(&mut f.funder),
            (Entity::Funding(f), EntityKind::Activity) => f.earmarked.iter_mut().for_each(swap),
            _ => {}
        }
        changed
    }
}

impl Plan {
    /// A copy of the entity `kind`/`id`.
    pub fn get(&self, kind: EntityKind, id: &str) -> Option<Entity> {
        match kind {
            EntityKind::Activity => self.activities.get(id).cloned().map(Entity::Activity),
            EntityKind::Partner => self.partners.get(id).cloned().map(Entity::Partner),
            EntityKind::Beneficiary => self.beneficiaries.get(id).cloned().map(Entity::Beneficiary),
            EntityKind::Funding => self.funding.get(id).cloned().map(Entity::Funding),
        }
    }

    /// Inserts or replaces an entity under its own id.
    pub fn put(&mut self, entity: Entity) {
        match entity {
            Entity::Activity(a) => {
                self.activities.insert(a.id.clone(), a);
            }
            Entity::Partner(p) => {
                self.partners.insert(p.id.clone(), p);
            }
            Entity::Beneficiary(b) => {
                self.beneficiaries.insert(b.id.clone(), b);
            }
            Entity::Funding(f) => {
                self.funding.insert(f.id.clone(), f);
            }
        }
    }

    /// Removes and returns the entity `kind`/`id`.
    pub fn take(&mut self, kind: EntityKind, id: &str) -> Option<Entity> {
        match kind {
            EntityKind::Activity => self.activities.remove(id).map(Entity::Activity),
            EntityKind::Partner => self.partners.remove(id).map(Entity::Partner),
            EntityKind::Beneficiary => self.beneficiaries.remove(id).map(Entity::Beneficiary),
            EntityKind::Funding => self.funding.remove(id).map(Entity::Funding),
        }
    }

    /// Whether the entity `kind`/`id` equals `value` (both absent counts as equal).
    pub fn holds(&self, kind: EntityKind, id: &str, value: Option<&Entity>) -> bool {
        match (kind, value) {
            (EntityKind::Activity, Some(Entity::Activity(v))) => self.activities.get(id) == Some(v),
            (EntityKind::Partner, Some(Entity::Partner(v))) => self.partners.get(id) == Some(v),
            (EntityKind::Beneficiary, Some(Entity::Beneficiary(v))) => {
                self.beneficiaries.get(id) == Some(v)
            }
            (EntityKind::Funding, Some(Entity::Funding(v))) => self.funding.get(id) == Some(v),
            (_, None) => !self.contains(kind, id),
            _ => false,
        }
    }
}
