//! `governance.ron` changed by two partners at once: the rules merge like any other file of the
//! plan, rule by rule, and a real disagreement stops the sync as a conflict to settle, never a
//! silent choice of one side.

use crate::support::cmd::{git_ok, khutta, transcript};
use crate::support::world::{merge_list, plan, sync, take_theirs, world};
use std::path::Path;

/// Rules in which ESCWA coordinates, with one grant per `(partner, fields)` and one person per
/// `(email, partner)`.
fn rules(grants: &[(&str, &str)], people: &[(&str, &str)]) -> String {
    let mut s = String::from("Governance(\n    coordinators: [\"escwa\"],\n    people: [\n");
    for (email, partner) in people {
        s.push_str(&format!(
            "        Person(name: \"{email}\", email: \"{email}\", partner: \"{partner}\"),\n"
        ));
    }
    s.push_str("    ],\n    grants: [\n");
    for (partner, fields) in grants {
        s.push_str(&format!(
            "        Grant(partner: \"{partner}\", may: [Change(kind: Activity, lead: true, fields: [{fields}])]),\n"
        ));
    }
    s.push_str("    ],\n)\n");
    s
}

/// Writes the rules into `clone` and commits them with khutta.
fn commit_rules(clone: &Path, text: &str, message: &str) {
    std::fs::write(clone.join("governance.ron"), text).unwrap();
    let out = khutta(clone)
        .args(["commit", "-m", message])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
}

const TUNIS: (&str, &str) = ("tunis-municipality", "\"progress\"");

#[test]
fn rules_changed_apart_combine_and_clashing_rules_are_a_conflict() {
    let w = world();
    commit_rules(&w.a, &rules(&[TUNIS], &[]), "Rules");
    assert!(sync(&w.a).status.success());
    assert!(sync(&w.b).status.success());

    // Two people added on two sides: both are kept.
    let amal = ("amal@escwa.example", "escwa");
    let leila = ("leila@tunis.example", "tunis-municipality");
    commit_rules(&w.a, &rules(&[TUNIS], &[amal]), "Amal");
    commit_rules(&w.b, &rules(&[TUNIS], &[leila]), "Leila");
    assert!(sync(&w.a).status.success());
    let merged = sync(&w.b);
    assert_eq!(
        transcript(&merged),
        "synced with origin: merged their changes, sent yours\n--- exit 0\n"
    );
    let people: Vec<String> = plan(&w.b)
        .governance
        .unwrap()
        .people
        .into_iter()
        .map(|p| p.email)
        .collect();
    assert_eq!(people, ["amal@escwa.example", "leila@tunis.example"]);
    assert!(sync(&w.a).status.success());

    // One grant given different fields on two sides: a conflict, named by file and field.
    let both = [amal, leila];
    let status = ("tunis-municipality", "\"progress\", \"status\"");
    let budget = ("tunis-municipality", "\"progress\", \"budget\"");
    commit_rules(&w.a, &rules(&[status], &both), "Tunis may set status");
    commit_rules(
        &w.b,
        &rules(&[budget], &both),
        "Tunis may change its budget",
    );
    assert!(sync(&w.a).status.success());
    let out = sync(&w.b);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let list = merge_list(&w.b);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("[1] field governance.ron") && text.contains("grants[tunis-municipality]"),
        "{text}"
    );
    // Ours stays on disk while the merge waits; taking theirs writes theirs.
    let file = std::fs::read_to_string(w.b.join("governance.ron")).unwrap();
    assert!(file.contains("\"budget\""), "{file}");
    let take = take_theirs(&w.b);
    assert_eq!(transcript(&take), "0 conflicts left\n--- exit 0\n");
    let done = khutta(&w.b).args(["merge", "--continue"]).output().unwrap();
    assert!(done.status.success(), "{}", transcript(&done));
    let grant = &plan(&w.b).governance.unwrap().grants[0];
    assert_eq!(
        grant.may[0].fields.as_deref(),
        Some(&["progress".to_owned(), "status".to_owned()][..])
    );
    assert!(sync(&w.b).status.success());
    assert!(sync(&w.a).status.success());
    assert_eq!(plan(&w.a), plan(&w.b));
    assert_eq!(git_ok(&w.b, &["status", "--porcelain"]), "");
}
