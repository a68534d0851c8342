//! Rules over `governance.ron`: every partner it names exists, every grant can match
//! something, every person is listed once with well-formed keys, and someone coordinates.

use super::{Code, Diagnostic};
use crate::model::governance::{Change, Kind, pattern_problem, ssh_key_is_wellformed, top_field};
use crate::model::{ActivityKind, GOVERNANCE_FILE, Governance, Id, Plan};
use crate::said;
use std::collections::HashSet;

/// Checks the plan's governance file, if it has one.
pub(crate) fn check(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let Some(g) = &plan.governance else {
        return;
    };
    let here = |code, message, hint| Diagnostic::file(code, GOVERNANCE_FILE, (0, 0), message, hint);
    let unknown = |id: &Id, field: &'static str, out: &mut Vec<Diagnostic>| {
        if !plan.partners.contains_key(id) {
            out.push(
                here(
                    Code::GovernancePartner,
                    said!("check-gov-unknown-partner", partner = id),
                    said!("check-gov-unknown-partner-hint"),
                )
                .at_value(field, id.as_str()),
            );
        }
    };
    if g.coordinators.is_empty() {
        out.push(
            here(
                Code::NoCoordinator,
                said!("check-gov-no-coordinator"),
                said!("check-gov-no-coordinator-hint"),
            )
            .at("coordinators"),
        );
    }
    for c in &g.coordinators {
        unknown(c, "coordinators", out);
    }
    people(g, plan, out, &unknown);
    for grant in &g.grants {
        unknown(&grant.partner, "partner", out);
        for change in &grant.may {
            change_rules(change, plan, out);
        }
    }
}

fn people(
    g: &Governance,
    _plan: &Plan,
    out: &mut Vec<Diagnostic>,
    unknown: &dyn Fn(&Id, &'static str, &mut Vec<Diagnostic>),
) {
    let mut seen = HashSet::new();
    for p in &g.people {
        unknown(&p.partner, "partner", out);
        let email = p.email.trim().to_lowercase();
        if !seen.insert(email) {
            out.push(
                Diagnostic::file(
                    Code::PersonTwice,
                    GOVERNANCE_FILE,
                    (0, 0),
                    said!("check-gov-person-twice", email = &p.email),
                    said!("check-gov-person-twice-hint"),
                )
                .at_value("email", p.email.as_str()),
            );
        }
        for key in p.keys.iter().filter(|k| !ssh_key_is_wellformed(k)) {
            let shown: String = key.chars().take(24).collect();
            out.push(
                Diagnostic::file(
                    Code::BadKey,
                    GOVERNANCE_FILE,
                    (0, 0),
                    said!("check-gov-bad-key", name = &p.name, key = &shown),
                    said!("check-gov-bad-key-hint"),
                )
                .at_value("keys", key.as_str()),
            );
        }
    }
}

fn change_rules(change: &Change, plan: &Plan, out: &mut Vec<Diagnostic>) {
    let kind = change.kind;
    if let Some(p) = &change.ids
        && let Some(c) = pattern_problem(p)
    {
        out.push(
            Diagnostic::file(
                Code::GrantMatch,
                GOVERNANCE_FILE,
                (0, 0),
                said!(
                    "check-gov-bad-pattern",
                    pattern = p,
                    char = &format!("{c:?}")
                ),
                said!("check-gov-bad-pattern-hint"),
            )
            .at_value("ids", p.as_str()),
        );
    }
    if let Some(group) = &change.group {
        let is_group = plan
            .activities
            .get(group)
            .is_some_and(|a| a.kind == ActivityKind::Group);
        if !is_group || kind != Kind::Activity {
            out.push(
                Diagnostic::file(
                    Code::GrantMatch,
                    GOVERNANCE_FILE,
                    (0, 0),
                    said!("check-gov-bad-group", group = group),
                    said!("check-gov-bad-group-hint"),
                )
                .at_value("group", group.as_str()),
            );
        }
    }
    if change.lead && kind == Kind::Round {
        out.push(Diagnostic::file(
            Code::GrantMatch,
            GOVERNANCE_FILE,
            (0, 0),
            said!("check-gov-round-lead"),
            said!("check-gov-round-lead-hint"),
        ));
    }
    for f in change.fields.iter().flatten() {
        if !kind.fields().contains(&top_field(f)) {
            out.push(
                Diagnostic::file(
                    Code::GrantField,
                    GOVERNANCE_FILE,
                    (0, 0),
                    said!(
                        "check-gov-unknown-field",
                        field = f,
                        noun = match kind.entity() {
                            Some(k) => super::plural(k),
                            None if kind == Kind::Round => said!("check-plural-round"),
                            None => said!("check-plural-response"),
                        },
                        expected = &kind.fields().join(", ")
                    ),
                    said!("check-gov-unknown-field-hint"),
                )
                .at_value("fields", f.as_str()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::governance::{Grant, Kind, Person};

    fn codes(plan: &Plan) -> Vec<&'static str> {
        let mut out = Vec::new();
        check(plan, &mut out);
        out.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn each_rule() {
        let mut plan = super::super::tests_support::empty_plan();
        plan.governance = Some(Governance {
            coordinators: vec![],
            people: vec![
                Person {
                    name: "A".into(),
                    email: "a@x.example".into(),
                    partner: Id::new_unchecked("nobody"),
                    keys: vec!["ssh-ed25519 nope".into()],
                },
                Person {
                    name: "B".into(),
                    email: "A@x.example".into(),
                    partner: Id::new_unchecked("nobody"),
                    keys: vec![],
                },
            ],
            grants: vec![Grant {
                partner: Id::new_unchecked("nobody"),
                may: vec![Change {
                    kind: Kind::Activity,
                    ids: Some("Pilot*".into()),
                    lead: false,
                    group: Some(Id::new_unchecked("no-group")),
                    fields: Some(vec!["progress".into(), "budgets".into()]),
                    add: false,
                    remove: false,
                }],
            }],
            ..Governance::default()
        });
        assert_eq!(
            codes(&plan),
            [
                "E085", "E080", "E084", "E080", "E083", "E080", "E081", "E081", "E082"
            ]
        );
        plan.governance = None;
        assert!(codes(&plan).is_empty());
    }

    #[test]
    fn grants_of_rounds_and_responses() {
        let mut plan = super::super::tests_support::empty_plan();
        let change = |kind, lead, fields: &[&str]| Change {
            kind,
            ids: Some("egm-*".into()),
            lead,
            group: None,
            fields: Some(fields.iter().map(|f| (*f).to_owned()).collect()),
            add: false,
            remove: false,
        };
        plan.governance = Some(Governance {
            coordinators: vec![Id::new_unchecked("escwa")],
            grants: vec![Grant {
                partner: Id::new_unchecked("escwa"),
                may: vec![
                    change(Kind::Round, false, &["questions", "status"]),
                    change(Kind::Response, true, &["answers"]),
                    change(Kind::Round, true, &["answers"]),
                ],
            }],
            ..Governance::default()
        });
        let mut out = Vec::new();
        check(&plan, &mut out);
        let codes: Vec<&str> = out.iter().map(|d| d.code.as_str()).collect();
        // The partner is unknown to this empty plan (E080); the third grant leads a round
        // (E081) and names a field rounds do not have (E082).
        assert_eq!(codes, ["E080", "E080", "E081", "E082"], "{out:?}");
    }
}
