//! Who may change what: the rules of `governance.ron` applied to a change. Pure: plans and
//! rules in, refusals out; no file, no git, no clock.
//!
//! A person is known by the email of their git identity and speaks for one partner
//! ([`standing`]). A coordinator's people may change everything, the rules included. Everyone
//! else may change an entity only as one of their partner's grants allows: its kind, its id
//! pattern, whether the partner leads it, the group it is in, which fields, and whether it may
//! be added or removed; the entity must fit the grant both before and after the change, so
//! nobody can move an entity into their own reach (taking over its `lead`) or out of it.
//! Grants may also name consultation rounds and responses (`consult.rs`). The plan's own
//! fields (`plan.ron`) and `governance.ron` are the coordinators' alone. Whatever a grant says, funding figures change only with the
//! funder's agreement: a funding source's `funder`, `amount`, `currency` and `status`, and the
//! budget lines that draw on it, are changed by the funder's people or a coordinator (see
//! `funders.rs`). A budget line with no funding source, or drawn on the partner's own money, is
//! the partner's own.
//!
//! Changes are judged against the rules in force before them (the parent revision's), so that
//! nobody can grant themselves a right in the change that uses it. What changed is found by
//! khutta's semantic diff (`crate::diff`), field by field, with the paths it names
//! (`budget[travel · grant].amount`).

mod consult;
mod funders;
mod judge;

pub use judge::{Touched, judge, judge_touched, touched};

use crate::i18n::Said;
use crate::model::governance::{Change, top_field};
use crate::model::{Activity, EntityKind, Governance, Id, Plan};
use crate::said;
use serde::Serialize;

/// Who makes a change: the name and email of a git identity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Actor {
    /// `user.name`, or a commit's author name.
    pub name: String,
    /// `user.email`, or a commit's author email: what the rules know a person by.
    pub email: String,
}

/// Who an actor is under the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "standing", rename_all = "lowercase")]
pub enum Standing {
    /// A person of a coordinating partner: may change everything.
    Coordinator {
        /// The partner.
        partner: Id,
    },
    /// A person of another partner: may change what its grants allow.
    Partner {
        /// The partner.
        partner: Id,
    },
    /// Not a person of `governance.ron`: may change nothing.
    Unknown,
}

impl Standing {
    /// The partner the actor speaks for, if known.
    pub fn partner(&self) -> Option<&Id> {
        match self {
            Standing::Coordinator { partner } | Standing::Partner { partner } => Some(partner),
            Standing::Unknown => None,
        }
    }
}

/// Who `who` is under `gov`: found by email, without regard to case.
pub fn standing(gov: &Governance, who: &Actor) -> Standing {
    match gov.person(&who.email) {
        None => Standing::Unknown,
        Some(p) if gov.is_coordinator(&p.partner) => Standing::Coordinator {
            partner: p.partner.clone(),
        },
        Some(p) => Standing::Partner {
            partner: p.partner.clone(),
        },
    }
}

/// Which part of the plan only coordinators change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reserved {
    /// `plan.ron`: the window, the currency, the calendars, the rates.
    Plan,
}

/// Why a change is refused: the rule that refuses it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Refusal {
    /// The actor is not a person of `governance.ron`.
    UnknownPerson {
        /// The actor's email.
        email: String,
    },
    /// The plan's own fields and the consultations are the coordinators'.
    CoordinatorsOnly {
        /// Which part.
        part: Reserved,
    },
    /// Changing `governance.ron` needs a coordinator.
    RulesNeedCoordinator,
    /// No grant of the partner allows the change.
    NotGranted {
        /// The actor's partner.
        partner: Id,
    },
    /// The change touches another funder's money.
    FunderOnly {
        /// The funder whose agreement it needs.
        funder: Id,
    },
}

impl Refusal {
    /// A short name of the rule, for JSON and logs.
    pub fn rule(&self) -> &'static str {
        match self {
            Refusal::UnknownPerson { .. } => "unknown-person",
            Refusal::CoordinatorsOnly { .. } => "coordinators-only",
            Refusal::RulesNeedCoordinator => "rules-need-coordinator",
            Refusal::NotGranted { .. } => "not-granted",
            Refusal::FunderOnly { .. } => "funder-only",
        }
    }

    /// Why, in words any reader's language can show.
    pub fn said(&self) -> Said {
        match self {
            Refusal::UnknownPerson { email } => said!("rights-unknown-person", email = email),
            Refusal::CoordinatorsOnly {
                part: Reserved::Plan,
            } => said!("rights-coordinators-plan"),
            Refusal::RulesNeedCoordinator => said!("rights-rules-need-coordinator"),
            Refusal::NotGranted { partner } => said!("rights-not-granted", partner = partner),
            Refusal::FunderOnly { funder } => said!("rights-funder-only", funder = funder),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().english())
    }
}

/// One change its author may not make.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Breach {
    /// The entity changed (`None`: `plan.ron`, `governance.ron` or a consultation file).
    pub entity: Option<(EntityKind, Id)>,
    /// The field changed, as the diff names it (`budget[travel · grant].amount`); for a file that is not an
    /// entity, its path; `None`: the entity added or removed, or the rules.
    pub field: Option<String>,
    /// The rule that refuses it.
    pub why: Refusal,
}

impl Breach {
    /// What was changed and the rule that refuses it, in words any reader's language can show.
    pub fn said(&self) -> Said {
        let why = self.why.said();
        let shown = |s: &str| crate::text::escape_controls(s).into_owned();
        match (&self.entity, &self.field) {
            (Some((kind, id)), Some(field)) => said!(
                "verify-breach-field",
                noun = crate::check::noun(*kind),
                id = id,
                field = &shown(field),
                why = why
            ),
            (Some((kind, id)), None) if matches!(self.why, Refusal::UnknownPerson { .. }) => said!(
                "verify-breach-entity-any",
                noun = crate::check::noun(*kind),
                id = id,
                why = why
            ),
            (Some((kind, id)), None) => said!(
                "verify-breach-entity",
                noun = crate::check::noun(*kind),
                id = id,
                why = why
            ),
            (None, Some(field)) => match &self.why {
                Refusal::CoordinatorsOnly {
                    part: Reserved::Plan,
                } => said!("verify-breach-plan", field = &shown(field), why = why),
                _ => said!("verify-breach-file", file = &shown(field), why = why),
            },
            (None, None) => said!("verify-breach-rules", why = why),
        }
    }
}

/// The partner whose grants `who` is held to: `None` for a coordinator, who may change
/// everything; refused for someone the rules do not list.
fn held_to_grants(gov: &Governance, who: &Actor) -> Result<Option<Id>, Refusal> {
    match standing(gov, who) {
        Standing::Coordinator { .. } => Ok(None),
        Standing::Unknown => Err(Refusal::UnknownPerson {
            email: who.email.clone(),
        }),
        Standing::Partner { partner } => Ok(Some(partner)),
    }
}

/// May `who` edit `field` of the entity `kind`/`entity` of `plan`? `entity: None` asks about
/// adding an entity of `kind` (with `field: None`), or about a field of `plan.ron`; `field:
/// None` with an entity asks about removing it. For the TUI, before a key is typed: a budget
/// line's funder is only known once the line is chosen, so the edit itself is judged again
/// ([`judge_touched`]) when it is applied.
pub fn may_edit(
    gov: &Governance,
    who: &Actor,
    plan: &Plan,
    kind: EntityKind,
    entity: Option<&Id>,
    field: Option<&str>,
) -> Result<(), Refusal> {
    let Some(partner) = held_to_grants(gov, who)? else {
        return Ok(());
    };
    let refused = || Refusal::NotGranted {
        partner: partner.clone(),
    };
    match (entity, field) {
        (None, Some(_)) => Err(Refusal::CoordinatorsOnly {
            part: Reserved::Plan,
        }),
        (None, None) => gov
            .granted(&partner)
            .any(|c| c.kind.entity() == Some(kind) && c.add)
            .then_some(())
            .ok_or_else(refused),
        (Some(id), field) => {
            let fits = |c: &Change| {
                fits_entity(c, &partner, plan, kind, id)
                    && match field {
                        None => c.remove,
                        Some(f) => fits_field(c, f),
                    }
            };
            if !gov.granted(&partner).any(fits) {
                return Err(refused());
            }
            match (kind, field.map(top_field), plan.funding.get(id)) {
                (EntityKind::Funding, Some(f), Some(source))
                    if crate::model::governance::FUNDING_FIGURES.contains(&f)
                        && source.funder != partner =>
                {
                    Err(Refusal::FunderOnly {
                        funder: source.funder.clone(),
                    })
                }
                _ => Ok(()),
            }
        }
    }
}

/// May `who` change the consultation file `unit` (a round's design or a response) of `plan`?
/// `field: None` asks about adding it (when `plan` does not hold it) or removing it. For the
/// TUI, before a key is typed, as [`may_edit`] for entities.
pub fn may_edit_consultation(
    gov: &Governance,
    who: &Actor,
    plan: &Plan,
    unit: &crate::model::Unit,
    field: Option<&str>,
) -> Result<(), Refusal> {
    let Some(partner) = held_to_grants(gov, who)? else {
        return Ok(());
    };
    let value = plan.unit(unit);
    consult::may(gov, &partner, unit, value.as_ref(), field)
        .then_some(())
        .ok_or(Refusal::NotGranted { partner })
}

/// The breaches of changing the consultation file `unit` from `before` to `after` (`None`:
/// absent), judged by `gov`: what the TUI asks of an edit of a round or a response before it
/// lands, as `khutta verify` will ask of the commit. Any other unit: none here.
pub fn judge_consultation(
    gov: &Governance,
    who: &Actor,
    unit: &crate::model::Unit,
    before: Option<&crate::model::UnitValue>,
    after: Option<&crate::model::UnitValue>,
) -> Vec<Breach> {
    let mut out = Vec::new();
    if unit.round().is_none() || before == after {
        return out;
    }
    match standing(gov, who) {
        Standing::Coordinator { .. } => {}
        Standing::Unknown => out.push(Breach {
            entity: None,
            field: Some(unit.to_string()),
            why: Refusal::UnknownPerson {
                email: who.email.clone(),
            },
        }),
        Standing::Partner { partner } => {
            consult::judge(gov, &partner, unit, before, after, &mut out);
        }
    }
    out
}

/// Whether the entity `kind`/`id` of `plan` is one `c` speaks of, for `partner`.
pub(crate) fn fits_entity(
    c: &Change,
    partner: &Id,
    plan: &Plan,
    kind: EntityKind,
    id: &Id,
) -> bool {
    if c.kind.entity() != Some(kind) {
        return false;
    }
    if let Some(p) = &c.ids
        && !crate::model::governance::glob_matches(p, id.as_str())
    {
        return false;
    }
    if c.lead {
        let leads = match kind {
            EntityKind::Activity => plan
                .activities
                .get(id)
                .is_some_and(|a| a.lead.as_ref() == Some(partner)),
            EntityKind::Funding => plan.funding.get(id).is_some_and(|f| &f.funder == partner),
            EntityKind::Partner => id == partner,
            EntityKind::Beneficiary => false,
        };
        if !leads {
            return false;
        }
    }
    match &c.group {
        None => true,
        Some(group) => plan
            .activities
            .get(id)
            .is_some_and(|a| inside(plan, a, group)),
    }
}

/// Whether activity `a` lies inside `group`, at any depth. A parent cycle (a check error of
/// its own) ends the walk.
fn inside(plan: &Plan, a: &Activity, group: &Id) -> bool {
    let mut parent = a.parent.as_ref();
    for _ in 0..plan.activities.len() {
        match parent {
            None => return false,
            Some(p) if p == group => return true,
            Some(p) => parent = plan.activities.get(p).and_then(|x| x.parent.as_ref()),
        }
    }
    false
}

/// Whether the change at `path` (`budget[travel · grant].amount`) is among the fields `c` grants.
pub(crate) fn fits_field(c: &Change, path: &str) -> bool {
    let Some(fields) = &c.fields else {
        return true;
    };
    fields.iter().any(|f| {
        path == f
            || path
                .strip_prefix(f.as_str())
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        // A grant of `title.en` does not reach the whole `title`; a grant of `title` reaches
        // `title.en`.
    })
}

#[cfg(test)]
mod tests;
