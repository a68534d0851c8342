//! The plan as plain types: no IO, no UI.
//!
//! A plan is one [`PlanMeta`] (`plan.ron`) and four collections of entities keyed by id, each
//! entity in its own file so that partners editing different activities never touch the same
//! file, plus the consultation rounds with one file per participant's response.

mod activity;
mod beneficiary;
mod calendar;
mod consultation;
mod entity;
mod funding;
pub mod governance;
mod id;
pub mod keys;
pub mod limits;
mod meta;
mod money;
mod partner;
mod place;
mod refs;
mod response;
mod text;
mod unit;

pub use crate::lang::Lang;
pub use activity::{
    Activity, ActivityKind, ActivityPartner, BudgetCategory, BudgetLine, Dependency,
    DependencyKind, Status, Timing,
};
pub use beneficiary::{Beneficiary, BeneficiaryKind};
pub use calendar::{Calendar, Holiday, Weekday};
pub use consultation::{
    AnswerOption, Aspect, CONSULTATIONS_DIR, Consultation, ItemRefs, Question, QuestionKind,
    RATING_MAX, RATING_MIN, ROUND_FILE, Round, RoundError, RoundStatus, Venue, response_path,
    round_path,
};
pub use entity::Entity;
pub use funding::{FundingSource, FundingStatus};
pub use governance::{GOVERNANCE_FILE, Governance};
pub use id::{Id, IdError, MAX_ID_LEN};
pub use meta::{City, ExchangeRate, FORMAT_VERSION, PlanMeta, Window};
pub use money::{Amount, Currency, Money, format_amount};
pub use partner::{Contact, OrgRole, OrganisationType, Partner};
pub use place::{CountryCode, Location};
pub use refs::{Reference, Referrer};
pub use response::{Answer, Organisation, RESPONSES_DIR, Response, fresh_participant_id};
pub use text::Text;
pub use unit::{Unit, UnitValue};

use std::collections::BTreeMap;

/// The plan's own file at the top of the plan folder.
pub const PLAN_FILE: &str = "plan.ron";

/// A whole plan in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// `plan.ron`.
    pub meta: PlanMeta,
    /// `activities/*.ron`, by id.
    pub activities: BTreeMap<Id, Activity>,
    /// `partners/*.ron`, by id.
    pub partners: BTreeMap<Id, Partner>,
    /// `beneficiaries/*.ron`, by id.
    pub beneficiaries: BTreeMap<Id, Beneficiary>,
    /// `funding/*.ron`, by id.
    pub funding: BTreeMap<Id, FundingSource>,
    /// `consultations/<id>/`: each round with its responses, by round id.
    pub consultations: BTreeMap<Id, Consultation>,
    /// `governance.ron`, when the plan has one: who may change what.
    pub governance: Option<Governance>,
}

/// The kinds of entity that have a file of their own.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// `activities/`.
    Activity,
    /// `partners/`.
    Partner,
    /// `beneficiaries/`.
    Beneficiary,
    /// `funding/`.
    Funding,
}

impl EntityKind {
    /// Every kind, in the order they are shown and reported.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Activity,
        EntityKind::Partner,
        EntityKind::Beneficiary,
        EntityKind::Funding,
    ];

    /// The folder that holds this kind's files.
    pub fn dir(self) -> &'static str {
        match self {
            EntityKind::Activity => "activities",
            EntityKind::Partner => "partners",
            EntityKind::Beneficiary => "beneficiaries",
            EntityKind::Funding => "funding",
        }
    }

    /// The kind whose folder is `dir`.
    pub fn from_dir(dir: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.dir() == dir)
    }

    /// The path of the file of the entity `id`, relative to the plan folder.
    pub fn file_path(self, id: &Id) -> String {
        format!("{}/{}.ron", self.dir(), id)
    }

    /// The plural noun, for messages.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Activity => "activities",
            EntityKind::Partner => "partners",
            EntityKind::Beneficiary => "beneficiary groups",
            EntityKind::Funding => "funding sources",
        }
    }

    /// The singular noun, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Activity => "activity",
            EntityKind::Partner => "partner",
            EntityKind::Beneficiary => "beneficiary group",
            EntityKind::Funding => "funding source",
        }
    }
}

impl Plan {
    /// An empty plan around `meta`.
    pub fn new(meta: PlanMeta) -> Plan {
        Plan {
            meta,
            activities: BTreeMap::new(),
            partners: BTreeMap::new(),
            beneficiaries: BTreeMap::new(),
            funding: BTreeMap::new(),
            consultations: BTreeMap::new(),
            governance: None,
        }
    }

    /// Whether an entity of `kind` with `id` exists.
    pub fn contains(&self, kind: EntityKind, id: &str) -> bool {
        match kind {
            EntityKind::Activity => self.activities.contains_key(id),
            EntityKind::Partner => self.partners.contains_key(id),
            EntityKind::Beneficiary => self.beneficiaries.contains_key(id),
            EntityKind::Funding => self.funding.contains_key(id),
        }
    }

    /// The ids of every entity of `kind`, in order.
    pub fn ids(&self, kind: EntityKind) -> Vec<Id> {
        match kind {
            EntityKind::Activity => self.activities.keys().cloned().collect(),
            EntityKind::Partner => self.partners.keys().cloned().collect(),
            EntityKind::Beneficiary => self.beneficiaries.keys().cloned().collect(),
            EntityKind::Funding => self.funding.keys().cloned().collect(),
        }
    }

    /// Sorts every list of every entity into canonical order.
    pub fn normalize(&mut self) {
        self.meta.normalize();
        if let Some(g) = &mut self.governance {
            g.normalize();
        }
        self.activities.values_mut().for_each(Activity::normalize);
        self.partners.values_mut().for_each(Partner::normalize);
        self.funding.values_mut().for_each(FundingSource::normalize);
        for c in self.consultations.values_mut() {
            c.round.normalize();
            c.responses.values_mut().for_each(Response::normalize);
        }
    }
}

pub(crate) fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}
