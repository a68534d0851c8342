use super::*;
use crate::model::governance::{Grant, Kind, Person, Signing};
use crate::model::{Amount, Status};

fn bundled() -> Plan {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/open-government-nua");
    let mut plan = crate::store::load(std::path::Path::new(root)).unwrap().plan;
    plan.governance = None;
    plan
}

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

fn person(name: &str, partner: &str) -> Person {
    Person {
        name: name.into(),
        email: format!("{name}@{partner}.example"),
        partner: id(partner),
        keys: Vec::new(),
    }
}

fn actor(name: &str, partner: &str) -> Actor {
    Actor {
        name: name.into(),
        email: format!("{}@{partner}.example", name.to_uppercase()),
    }
}

fn change(kind: Kind) -> Change {
    Change {
        kind,
        ids: None,
        lead: false,
        group: None,
        fields: None,
        add: false,
        remove: false,
    }
}

fn rules() -> Governance {
    Governance {
        signing: Signing::Optional,
        coordinators: vec![id("escwa")],
        people: vec![
            person("amal", "escwa"),
            person("rami", "greater-amman-municipality"),
            person("dana", "development-partner"),
        ],
        grants: vec![
            Grant {
                partner: id("greater-amman-municipality"),
                may: vec![
                    Change {
                        lead: true,
                        fields: Some(vec!["progress".into(), "status".into(), "budget".into()]),
                        ..change(Kind::Activity)
                    },
                    Change {
                        ids: Some("assessment-amman".into()),
                        fields: Some(vec!["description".into()]),
                        ..change(Kind::Activity)
                    },
                ],
            },
            Grant {
                partner: id("development-partner"),
                may: vec![
                    Change {
                        fields: Some(vec!["budget".into()]),
                        ..change(Kind::Activity)
                    },
                    change(Kind::Funding),
                ],
            },
        ],
    }
}

fn rules_of(b: &[Breach]) -> Vec<(String, String)> {
    b.iter()
        .map(|b| (b.field.clone().unwrap_or_default(), b.why.rule().to_owned()))
        .collect()
}

#[test]
fn standing_by_email_in_any_case() {
    let g = rules();
    assert_eq!(
        standing(&g, &actor("amal", "escwa")),
        Standing::Coordinator {
            partner: id("escwa")
        }
    );
    assert_eq!(
        standing(&g, &actor("rami", "greater-amman-municipality")),
        Standing::Partner {
            partner: id("greater-amman-municipality")
        }
    );
    assert_eq!(standing(&g, &actor("x", "nowhere")), Standing::Unknown);
}

#[test]
fn own_progress_allowed_another_citys_refused() {
    let (g, before) = (rules(), bundled());
    let mut after = before.clone();
    let a = after.activities.get_mut("pilot-amman").unwrap();
    a.progress = 80;
    a.status = Status::InProgress;
    let rami = actor("rami", "greater-amman-municipality");
    assert_eq!(judge(Some(&g), &rami, &before, &after), []);
    after.activities.get_mut("pilot-tunis").unwrap().progress = 90;
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &before, &after)),
        [("progress".into(), "not-granted".into())]
    );
    // No rules: anyone may change anything.
    assert_eq!(judge(None, &rami, &before, &after), []);
}

#[test]
fn taking_over_a_lead_is_refused() {
    let (g, before) = (rules(), bundled());
    let mut after = before.clone();
    after.activities.get_mut("pilot-tunis").unwrap().lead = Some(id("greater-amman-municipality"));
    let rami = actor("rami", "greater-amman-municipality");
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &before, &after)),
        [("lead".into(), "not-granted".into())]
    );
}

#[test]
fn funding_figures_need_the_funder() {
    let (g, before) = (rules(), bundled());
    let rami = actor("rami", "greater-amman-municipality");
    // pilot-amman's first line draws on the development partner's grant.
    let mut after = before.clone();
    after.activities.get_mut("pilot-amman").unwrap().budget[0].amount = Amount::from(90_000i64);
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &before, &after)),
        [(
            "budget[grants · development-partner-grant].amount".into(),
            "funder-only".into()
        )]
    );
    let dana = actor("dana", "development-partner");
    assert_eq!(judge(Some(&g), &dana, &before, &after), []);
    // The funder may not change lines of another funder's money.
    let mut other = before.clone();
    other.activities.get_mut("pilot-amman").unwrap().budget[1].amount = Amount::from(1i64);
    assert_eq!(
        rules_of(&judge(Some(&g), &dana, &before, &other)),
        [(
            "budget[consultants · undp-cofunding].amount".into(),
            "funder-only".into()
        )]
    );
    // A funding source's amount.
    let mut grant = before.clone();
    grant.funding.get_mut("undp-cofunding").unwrap().amount = Amount::from(1i64);
    assert_eq!(
        rules_of(&judge(Some(&g), &dana, &before, &grant)),
        [("amount".into(), "funder-only".into())]
    );
}

#[test]
fn plan_fields_and_rules_are_the_coordinators() {
    let (g, before) = (rules(), bundled());
    let mut after = before.clone();
    after.meta.window.end = after.meta.window.end.succ_opt().unwrap();
    let rami = actor("rami", "greater-amman-municipality");
    let amal = actor("amal", "escwa");
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &before, &after)),
        [("window.end".into(), "coordinators-only".into())]
    );
    assert_eq!(judge(Some(&g), &amal, &before, &after), []);
    let mut with_rules = before.clone();
    with_rules.governance = Some(g.clone());
    let mut granted = with_rules.clone();
    if let Some(r) = &mut granted.governance {
        r.grants[0].may.push(change(Kind::Activity));
    }
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &with_rules, &granted)),
        [(String::new(), "rules-need-coordinator".into())]
    );
    assert_eq!(judge(Some(&g), &amal, &with_rules, &granted), []);
}

#[test]
fn adding_and_removing_need_their_grant() {
    let (mut g, before) = (rules(), bundled());
    let rami = actor("rami", "greater-amman-municipality");
    let mut after = before.clone();
    let mut a = after.activities["pilot-amman"].clone();
    a.id = id("pilot-amman-2");
    a.budget.clear();
    after.activities.insert(a.id.clone(), a);
    assert_eq!(
        rules_of(&judge(Some(&g), &rami, &before, &after)),
        [(String::new(), "not-granted".into())]
    );
    g.grants[0].may.push(Change {
        ids: Some("pilot-amman-*".into()),
        add: true,
        ..change(Kind::Activity)
    });
    assert_eq!(judge(Some(&g), &rami, &before, &after), []);
    assert_eq!(
        may_edit(&g, &rami, &before, EntityKind::Activity, None, None),
        Ok(())
    );
    assert_eq!(
        may_edit(
            &g,
            &rami,
            &before,
            EntityKind::Activity,
            Some(&id("pilot-amman")),
            None
        ),
        Err(Refusal::NotGranted {
            partner: id("greater-amman-municipality")
        })
    );
}

#[test]
fn may_edit_answers_before_a_key_is_typed() {
    let (g, plan) = (rules(), bundled());
    let rami = actor("rami", "greater-amman-municipality");
    let act = EntityKind::Activity;
    let amman = id("pilot-amman");
    assert_eq!(
        may_edit(&g, &rami, &plan, act, Some(&amman), Some("progress")),
        Ok(())
    );
    assert!(may_edit(&g, &rami, &plan, act, Some(&amman), Some("title")).is_err());
    assert!(
        may_edit(
            &g,
            &rami,
            &plan,
            act,
            Some(&id("pilot-tunis")),
            Some("progress")
        )
        .is_err()
    );
    assert_eq!(
        may_edit(&g, &rami, &plan, act, None, Some("window")),
        Err(Refusal::CoordinatorsOnly {
            part: Reserved::Plan
        })
    );
    let dana = actor("dana", "development-partner");
    assert_eq!(
        may_edit(
            &g,
            &dana,
            &plan,
            EntityKind::Funding,
            Some(&id("undp-cofunding")),
            Some("amount")
        ),
        Err(Refusal::FunderOnly { funder: id("undp") })
    );
    assert_eq!(
        may_edit(
            &g,
            &dana,
            &plan,
            EntityKind::Funding,
            Some(&id("undp-cofunding")),
            Some("conditions")
        ),
        Ok(())
    );
    let nobody = actor("x", "nowhere");
    assert!(matches!(
        may_edit(&g, &nobody, &plan, act, Some(&amman), Some("progress")),
        Err(Refusal::UnknownPerson { .. })
    ));
}

#[test]
fn fields_match_by_prefix_of_a_path() {
    let c = Change {
        fields: Some(vec!["title".into(), "budget".into()]),
        ..change(Kind::Activity)
    };
    assert!(fits_field(&c, "title.en"));
    assert!(fits_field(&c, "budget[2].amount"));
    assert!(!fits_field(&c, "titles"));
    assert!(!fits_field(&c, "progress"));
}
