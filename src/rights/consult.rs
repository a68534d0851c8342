//! Grants over consultations: a partner that runs a round of its own may be granted its
//! design (`Change(kind: Round, ids: "tunis-*")`), and one that collects answers may be
//! granted the responses of some rounds, or only those of its own people (`Change(kind:
//! Response, ids: "egm-2026", lead: true)`). As for entities, the file must fit the grant
//! before and after the change, so that nobody moves a response into their own reach by
//! changing its organisation.

use super::{Breach, Refusal, fits_field};
use crate::model::governance::{Change, Kind, glob_matches};
use crate::model::{Governance, Id, Organisation, Unit, UnitValue};

/// Whether the consultation file `unit`, holding `value`, is one `c` speaks of for
/// `partner`.
fn fits(c: &Change, partner: &Id, unit: &Unit, value: &UnitValue) -> bool {
    let (kind, round) = match unit {
        Unit::Round { round } => (Kind::Round, round),
        Unit::Response { round, .. } => (Kind::Response, round),
        _ => return false,
    };
    if c.kind != kind || c.group.is_some() {
        return false;
    }
    if let Some(p) = &c.ids
        && !glob_matches(p, round.as_str())
    {
        return false;
    }
    !c.lead
        || matches!(value, UnitValue::Response(r)
            if matches!(&r.organisation, Organisation::Partner(p) if p == partner))
}

/// The breaches of a change of the consultation file `unit` from `before` to `after` by a
/// person of `partner` (not a coordinator), pushed onto `out`. A file added needs a grant
/// with `add`, one removed a grant with `remove`; a file changed, a grant of every field
/// changed. The breach names the file, and the field when one is refused.
pub(super) fn judge(
    gov: &Governance,
    partner: &Id,
    unit: &Unit,
    before: Option<&UnitValue>,
    after: Option<&UnitValue>,
    out: &mut Vec<Breach>,
) {
    let grants: Vec<&Change> = gov
        .granted(partner)
        .filter(|c| {
            [before, after]
                .into_iter()
                .flatten()
                .all(|v| fits(c, partner, unit, v))
        })
        .collect();
    let refused = |field: Option<String>| Breach {
        entity: None,
        field: Some(field.map_or_else(|| unit.to_string(), |f| format!("{unit} {f}"))),
        why: Refusal::NotGranted {
            partner: partner.clone(),
        },
    };
    match (before, after) {
        (None, None) => {}
        (None, Some(_)) if !grants.iter().any(|c| c.add) => out.push(refused(None)),
        (Some(_), None) if !grants.iter().any(|c| c.remove) => out.push(refused(None)),
        (Some(_), Some(_)) => {
            for change in crate::diff::changes_between(before, after) {
                let path = change.path.to_string();
                if !grants.iter().any(|c| fits_field(c, &path)) {
                    out.push(refused(Some(path)));
                }
            }
        }
        _ => {}
    }
}

/// May a person of `partner` (not a coordinator) change the consultation file `unit`, which
/// holds `value` (`None`: to add it)? `field: None` asks about adding or removing it. For
/// the TUI, before a key is typed.
pub(super) fn may(
    gov: &Governance,
    partner: &Id,
    unit: &Unit,
    value: Option<&UnitValue>,
    field: Option<&str>,
) -> bool {
    gov.granted(partner).any(|c| {
        let fits = match value {
            Some(v) => fits(c, partner, unit, v),
            // Nothing to test `lead` on yet: any grant of the kind and rounds may add.
            None => {
                let kind = if matches!(unit, Unit::Round { .. }) {
                    Kind::Round
                } else {
                    Kind::Response
                };
                c.kind == kind
                    && c.group.is_none()
                    && unit.round().is_some_and(|r| {
                        c.ids.as_deref().is_none_or(|p| glob_matches(p, r.as_str()))
                    })
            }
        };
        fits && match (value, field) {
            (None, _) => c.add,
            (Some(_), None) => c.remove,
            (Some(_), Some(f)) => fits_field(c, f),
        }
    })
}
