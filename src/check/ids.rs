//! Ids that are not lowercase slugs (E010): entities, rounds and participants. The file of
//! each is named after its id, so a bad id is a bad file name too; the rule runs on the plan
//! as it is, so the problem goes away the moment a rename fixes it.

use super::{Code, Diagnostic, Scope};
use crate::model::{EntityKind, Plan};
use crate::said;

pub(super) fn check(plan: &Plan, scope: Scope, out: &mut Vec<Diagnostic>) {
    for kind in EntityKind::ALL {
        for id in scope.ids(plan, kind) {
            if let Err(e) = id.validate() {
                out.push(
                    Diagnostic::entity(
                        Code::BadId,
                        kind,
                        &id,
                        said!("check-bad-id", id = &id, reason = e.said()),
                        said!("check-bad-entity-id-hint"),
                    )
                    .at("id"),
                );
            }
        }
    }
    if !scope.whole() {
        return;
    }
    for (round, c) in &plan.consultations {
        if let Err(e) = round.validate() {
            out.push(
                Diagnostic::round(
                    Code::BadId,
                    round,
                    said!("check-bad-id", id = round, reason = e.said()),
                    said!("check-bad-round-id-hint"),
                )
                .at("id"),
            );
        }
        for p in c.responses.keys() {
            if let Err(e) = p.validate() {
                out.push(
                    Diagnostic::response(
                        Code::BadId,
                        round,
                        p,
                        said!("check-bad-id", id = p, reason = e.said()),
                        said!("check-bad-participant-id-hint"),
                    )
                    .at("participant"),
                );
            }
        }
    }
}
