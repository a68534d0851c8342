//! Judging a change from one plan to another, file by file and field by field.

use super::{
    Actor, Breach, Refusal, Reserved, Standing, fits_entity, fits_field, funders, standing,
};
use crate::model::{Entity, EntityKind, Governance, Id, Plan, Unit, UnitValue};
use std::collections::BTreeSet;

/// One file of the plan that a change touched.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Touched {
    /// `governance.ron`.
    Governance,
    /// `plan.ron`, an entity file, a round's design or a response.
    Unit(Unit),
}

/// Every file whose value differs from `before` to `after`. Compares every entity once, so
/// it costs a pass over the plan; a caller that knows which files changed (a git tree diff)
/// names them to [`judge_touched`] instead.
pub fn touched(before: &Plan, after: &Plan) -> Vec<Touched> {
    let mut out = Vec::new();
    if before.governance != after.governance {
        out.push(Touched::Governance);
    }
    if before.meta != after.meta {
        out.push(Touched::Unit(Unit::Plan));
    }
    fn kind<T: PartialEq>(
        k: EntityKind,
        a: &std::collections::BTreeMap<Id, T>,
        b: &std::collections::BTreeMap<Id, T>,
        out: &mut Vec<Touched>,
    ) {
        let ids: BTreeSet<&Id> = a.keys().chain(b.keys()).collect();
        for id in ids {
            if a.get(id) != b.get(id) {
                out.push(Touched::Unit(Unit::entity(k, id)));
            }
        }
    }
    kind(
        EntityKind::Activity,
        &before.activities,
        &after.activities,
        &mut out,
    );
    kind(
        EntityKind::Partner,
        &before.partners,
        &after.partners,
        &mut out,
    );
    kind(
        EntityKind::Beneficiary,
        &before.beneficiaries,
        &after.beneficiaries,
        &mut out,
    );
    kind(
        EntityKind::Funding,
        &before.funding,
        &after.funding,
        &mut out,
    );
    let rounds: BTreeSet<&Id> = before
        .consultations
        .keys()
        .chain(after.consultations.keys())
        .collect();
    for round in rounds {
        let (a, b) = (
            before.consultations.get(round),
            after.consultations.get(round),
        );
        if a == b {
            continue;
        }
        if a.map(|c| &c.round) != b.map(|c| &c.round) {
            out.push(Touched::Unit(Unit::Round {
                round: round.clone(),
            }));
        }
        let empty = std::collections::BTreeMap::new();
        let (ra, rb) = (
            a.map_or(&empty, |c| &c.responses),
            b.map_or(&empty, |c| &c.responses),
        );
        let people: BTreeSet<&Id> = ra.keys().chain(rb.keys()).collect();
        for p in people {
            if ra.get(p) != rb.get(p) {
                out.push(Touched::Unit(Unit::Response {
                    round: round.clone(),
                    participant: p.clone(),
                }));
            }
        }
    }
    out
}

/// Every change from `before` to `after` that `who` may not make, with the rule that refuses
/// it, judged by `gov_before`: the rules in force before the change (`None`: the plan had no
/// rules, and everyone may change everything).
pub fn judge(
    gov_before: Option<&Governance>,
    who: &Actor,
    before: &Plan,
    after: &Plan,
) -> Vec<Breach> {
    match gov_before {
        None => Vec::new(),
        Some(_) => judge_touched(gov_before, who, before, after, &touched(before, after)),
    }
}

/// [`judge`] over the files named in `touched` only (those a git tree diff found changed).
pub fn judge_touched(
    gov_before: Option<&Governance>,
    who: &Actor,
    before: &Plan,
    after: &Plan,
    touched: &[Touched],
) -> Vec<Breach> {
    let Some(gov) = gov_before else {
        return Vec::new();
    };
    let partner = match standing(gov, who) {
        Standing::Coordinator { .. } => return Vec::new(),
        Standing::Partner { partner } => Some(partner),
        Standing::Unknown => None,
    };
    let mut out: Vec<Breach> = Vec::new();
    for t in touched {
        let Some(partner) = &partner else {
            // Nobody the rules know may change anything: one breach per file is enough.
            let entity = match t {
                Touched::Unit(Unit::Entity { kind, id }) => Some((*kind, id.clone())),
                _ => None,
            };
            let field = match t {
                Touched::Unit(u @ (Unit::Plan | Unit::Round { .. } | Unit::Response { .. })) => {
                    Some(u.to_string())
                }
                Touched::Governance | Touched::Unit(Unit::Governance) => {
                    Some(crate::model::GOVERNANCE_FILE.to_owned())
                }
                Touched::Unit(Unit::Entity { .. }) => None,
            };
            out.push(Breach {
                entity,
                field,
                why: Refusal::UnknownPerson {
                    email: who.email.clone(),
                },
            });
            continue;
        };
        match t {
            Touched::Governance | Touched::Unit(Unit::Governance) => out.push(Breach {
                entity: None,
                field: None,
                why: Refusal::RulesNeedCoordinator,
            }),
            Touched::Unit(Unit::Plan) => {
                let (a, b) = (before.unit(&Unit::Plan), after.unit(&Unit::Plan));
                for c in crate::diff::changes_between(a.as_ref(), b.as_ref()) {
                    out.push(Breach {
                        entity: None,
                        field: Some(c.path.to_string()),
                        why: Refusal::CoordinatorsOnly {
                            part: Reserved::Plan,
                        },
                    });
                }
            }
            Touched::Unit(u @ (Unit::Round { .. } | Unit::Response { .. })) => {
                let (b, a) = (before.unit(u), after.unit(u));
                if b != a {
                    super::consult::judge(gov, partner, u, b.as_ref(), a.as_ref(), &mut out);
                }
            }
            Touched::Unit(Unit::Entity { kind, id }) => {
                entity(gov, partner, before, after, *kind, id, &mut out);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|b| seen.insert(b.clone()));
    out
}

/// The breaches of one entity's change by a partner's person.
fn entity(
    gov: &Governance,
    partner: &Id,
    before: &Plan,
    after: &Plan,
    kind: EntityKind,
    id: &Id,
    out: &mut Vec<Breach>,
) {
    let (b, a) = (before.get(kind, id.as_str()), after.get(kind, id.as_str()));
    let here = Some((kind, id.clone()));
    let not_granted = || Refusal::NotGranted {
        partner: partner.clone(),
    };
    let funder_breaches = |money: BTreeSet<Id>, field: Option<String>, out: &mut Vec<Breach>| {
        for funder in money.into_iter().filter(|f| f != partner) {
            out.push(Breach {
                entity: here.clone(),
                field: field.clone(),
                why: Refusal::FunderOnly { funder },
            });
        }
    };
    match (&b, &a) {
        (None, None) => {}
        (None, Some(e)) | (Some(e), None) => {
            let adding = b.is_none();
            let plan = if adding { after } else { before };
            let allowed = gov.granted(partner).any(|c| {
                (if adding { c.add } else { c.remove }) && fits_entity(c, partner, plan, kind, id)
            });
            if !allowed {
                out.push(Breach {
                    entity: here.clone(),
                    field: None,
                    why: not_granted(),
                });
            }
            funder_breaches(funders::of_entity(e, before, after), None, out);
        }
        (Some(eb), Some(ea)) => {
            let changes = crate::diff::changes_between(
                Some(&UnitValue::Entity(Box::new(eb.clone()))),
                Some(&UnitValue::Entity(Box::new(ea.clone()))),
            );
            for c in &changes {
                let path = c.path.to_string();
                let allowed = gov.granted(partner).any(|g| {
                    fits_field(g, &path)
                        && fits_entity(g, partner, before, kind, id)
                        && fits_entity(g, partner, after, kind, id)
                });
                if !allowed {
                    out.push(Breach {
                        entity: here.clone(),
                        field: Some(path.clone()),
                        why: not_granted(),
                    });
                    continue;
                }
                let money = funders::of_change(kind, id, c, ea_activity(ea), before, after);
                funder_breaches(money, Some(path), out);
            }
        }
    }
}

fn ea_activity(e: &Entity) -> Option<&crate::model::Activity> {
    match e {
        Entity::Activity(a) => Some(a),
        _ => None,
    }
}
