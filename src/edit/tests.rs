use super::*;
use crate::model::{Activity, Dependency, Text};

fn plan() -> Plan {
    let mut plan = crate::check::tests_support::empty_plan();
    for (id, deps) in [("a", vec![]), ("b", vec!["a"]), ("c", vec!["a", "b"])] {
        let mut act = Activity::new(Id::new_unchecked(id), Text::en(id), 2);
        act.dependencies = deps
            .into_iter()
            .map(|d| Dependency {
                activity: Id::new_unchecked(d),
                kind: Default::default(),
                lag: 0,
            })
            .collect();
        plan.activities.insert(act.id.clone(), act);
    }
    plan
}

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

#[test]
fn update_and_undo() {
    let original = plan();
    let mut p = original.clone();
    let edit = Edit::update(&p, EntityKind::Activity, &id("b"), "title", |e| {
        if let Entity::Activity(a) = e {
            a.title = Text::new("ب", "B");
        }
        Ok::<(), ()>(())
    })
    .unwrap()
    .unwrap();
    edit.apply(&mut p).unwrap();
    assert_eq!(p.activities["b"].title.show(crate::model::Lang::Ar), "ب");
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
}

#[test]
fn rename_moves_references_and_undoes() {
    let original = plan();
    let mut p = original.clone();
    let edit = Edit::rename(&p, EntityKind::Activity, &id("a"), "kickoff").unwrap();
    edit.apply(&mut p).unwrap();
    assert!(!p.activities.contains_key("a"));
    assert!(p.activities.contains_key("kickoff"));
    assert_eq!(p.activities["b"].dependencies[0].activity, id("kickoff"));
    assert!(p.references_to(EntityKind::Activity, &id("a")).is_empty());
    assert_eq!(
        p.references_to(EntityKind::Activity, &id("kickoff")).len(),
        2
    );
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
}

#[test]
fn rename_refuses_bad_or_taken_ids() {
    let p = plan();
    assert!(matches!(
        Edit::rename(&p, EntityKind::Activity, &id("a"), "B c"),
        Err(EditError::BadId(..))
    ));
    assert!(matches!(
        Edit::rename(&p, EntityKind::Activity, &id("a"), "b"),
        Err(EditError::Exists(..))
    ));
    assert!(matches!(
        Edit::rename(&p, EntityKind::Activity, &id("zz"), "y"),
        Err(EditError::Missing(..))
    ));
}

#[test]
fn stale_edit_changes_nothing() {
    let mut p = plan();
    let edit = Edit::remove(&p, EntityKind::Activity, &id("c")).unwrap();
    edit.apply(&mut p).unwrap();
    let after = p.clone();
    assert_eq!(edit.apply(&mut p), Err(EditError::Stale));
    assert_eq!(p, after);
}

/// Nothing changed under these edits: an edit that does not apply is a bug here.
fn no_fit(_: &Edit, _: &Plan) -> Result<Edit, EditError> {
    Err(EditError::Stale)
}

#[test]
fn history_undoes_and_redoes() {
    let mut p = plan();
    let before = p.clone();
    let mut h = History::default();
    let add = Edit::add(
        &p,
        Entity::Activity(Activity::new(id("d"), Text::en("D"), 1)),
    )
    .unwrap();
    h.apply(&mut p, add).unwrap();
    let after = p.clone();
    assert!(h.undo(&mut p, &no_fit).unwrap().is_some());
    assert_eq!(p, before);
    assert!(h.undo(&mut p, &no_fit).unwrap().is_none());
    assert!(h.redo(&mut p, &no_fit).unwrap().is_some());
    assert_eq!(p, after);
    assert!(h.redo(&mut p, &no_fit).unwrap().is_none());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// One of the edits a coordinator can make, chosen by numbers.
    #[derive(Clone, Debug)]
    enum Op {
        Title(usize, String),
        Add(String),
        Remove(usize),
        Rename(usize, String),
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..10, "[a-z]{1,6}").prop_map(|(i, s)| Op::Title(i, s)),
            "[a-z]{1,4}".prop_map(Op::Add),
            (0usize..10).prop_map(Op::Remove),
            (0usize..10, "[a-z]{1,4}").prop_map(|(i, s)| Op::Rename(i, s)),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    proptest! {
        /// Whatever sequence of edits, undoing everything gives back the plan as opened.
        #[test]
        fn undo_all_restores(ops in proptest::collection::vec(op(), 0..30)) {
            let original = plan();
            let mut p = original.clone();
            let mut h = History::default();
            for op in ops {
                let ids: Vec<Id> = p.activities.keys().cloned().collect();
                let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
                let edit = match op {
                    Op::Title(i, s) => pick(i).and_then(|target| {
                        Edit::update(&p, EntityKind::Activity, &target, "title", |e| {
                            if let Entity::Activity(a) = e { a.title = Text::en(&s); }
                            Ok::<(), ()>(())
                        }).ok().and_then(Result::ok)
                    }),
                    Op::Add(s) => Edit::add(&p, Entity::Activity(Activity::new(id(&s), Text::en(&s), 1))).ok(),
                    Op::Remove(i) => pick(i).and_then(|t| Edit::remove(&p, EntityKind::Activity, &t).ok()),
                    Op::Rename(i, s) => pick(i).and_then(|t| Edit::rename(&p, EntityKind::Activity, &t, &s).ok()),
                    Op::Undo => { h.undo(&mut p, &no_fit).unwrap(); None }
                    Op::Redo => { h.redo(&mut p, &no_fit).unwrap(); None }
                };
                if let Some(e) = edit {
                    h.apply(&mut p, e).unwrap();
                }
            }
            while h.undo(&mut p, &no_fit).unwrap().is_some() {}
            prop_assert_eq!(p, original);
        }
    }
}

#[test]
fn round_design_edits_undo() {
    let original = crate::consult::tests::sample();
    let mut p = original.clone();
    let r1 = id("r1");
    let edit = Edit::update_round(&p, &r1, "questions", |r| {
        r.move_question("text", -4).map(|_| ())
    })
    .unwrap()
    .unwrap();
    edit.apply(&mut p).unwrap();
    assert_eq!(p.consultations["r1"].round.questions[0].id.as_str(), "text");
    // Responses are not part of a design edit.
    assert_eq!(
        p.consultations["r1"].responses,
        original.consultations["r1"].responses
    );
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
    let refused = Edit::update_round(&p, &r1, "questions", |r| {
        r.insert_question(0, r.questions[1].clone())
    })
    .unwrap();
    assert!(
        refused.is_err(),
        "a second question with the same id is refused"
    );
}

#[test]
fn renaming_a_question_moves_its_answers() {
    let original = crate::consult::tests::sample();
    let mut p = original.clone();
    let edit = Edit::rename_question(&p, &id("r1"), &id("rate"), "readiness").unwrap();
    edit.apply(&mut p).unwrap();
    let c = &p.consultations["r1"];
    assert!(c.round.question("readiness").is_some());
    assert!(
        c.responses
            .values()
            .all(|r| !r.answers.contains_key("rate"))
    );
    assert_eq!(
        c.responses["p1"].answers["readiness"],
        crate::model::Answer::Rating(4)
    );
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
    // Removing a question takes its answers along; undo brings both back.
    let edit = Edit::remove_question(&p, &id("r1"), &id("single")).unwrap();
    edit.apply(&mut p).unwrap();
    assert!(
        p.consultations["r1"]
            .responses
            .values()
            .all(|r| !r.answers.contains_key("single"))
    );
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
}

#[test]
fn renaming_an_activity_rewrites_questions_and_picks() {
    let original = crate::consult::tests::sample();
    let mut p = original.clone();
    let refs = p.references_to(EntityKind::Activity, &id("a"));
    assert!(refs.iter().any(|r| r.field == "refers_to"));
    assert!(refs.iter().any(|r| r.field == "answers"));
    let edit = Edit::rename(&p, EntityKind::Activity, &id("a"), "kickoff").unwrap();
    edit.apply(&mut p).unwrap();
    let c = &p.consultations["r1"];
    assert_eq!(c.round.questions[0].refers_to.activities, [id("kickoff")]);
    assert_eq!(
        c.responses["p2"].answers["pick"],
        crate::model::Answer::Items(vec![id("b"), id("kickoff")])
    );
    assert!(p.references_to(EntityKind::Activity, &id("a")).is_empty());
    assert!(
        crate::check::check(&p, &Default::default())
            .iter()
            .all(|d| d.code != crate::check::Code::Dangling)
    );
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
    // Renaming a partner renames the organisation of its participants.
    let edit = Edit::rename(&p, EntityKind::Partner, &id("amman"), "gam").unwrap();
    edit.apply(&mut p).unwrap();
    assert_eq!(
        p.consultations["r1"].responses["p1"].organisation,
        crate::model::Organisation::Partner(id("gam"))
    );
}

#[test]
fn responses_and_rounds_come_and_go() {
    let original = crate::consult::tests::sample();
    let mut p = original.clone();
    let mut r = p.consultations["r1"].responses["p1"].clone();
    r.participant = id("p9");
    let add = Edit::put_response(&p, &id("r1"), r).unwrap();
    add.apply(&mut p).unwrap();
    assert!(p.consultations["r1"].responses.contains_key("p9"));
    let remove = Edit::remove_round(&p, &id("r1")).unwrap();
    remove.apply(&mut p).unwrap();
    assert!(p.consultations.is_empty());
    remove.inverse().apply(&mut p).unwrap();
    add.inverse().apply(&mut p).unwrap();
    assert_eq!(p, original);
    // A stale edit changes nothing.
    assert_eq!(add.inverse().apply(&mut p), Err(EditError::Stale));
    assert_eq!(p, original);
}

#[test]
fn the_changes_between_two_plans_make_one_into_the_other_and_back() {
    let before = plan();
    let mut after = before.clone();
    after.activities.remove("c");
    if let Some(b) = after.activities.get_mut("b") {
        b.title = Text::en("B, retitled");
    }
    let d = Activity::new(id("d"), Text::en("d"), 1);
    after.activities.insert(d.id.clone(), d);
    after.meta.currency = crate::model::Currency::new_unchecked("EUR");
    let edit = Edit {
        label: Label::Batch("import".into()),
        changes: Change::between_plans(&before, &after),
    };
    // plan.ron, b changed, c gone, d new: one change each, nothing for `a`.
    assert_eq!(edit.changes.len(), 4);
    let mut p = before.clone();
    edit.apply(&mut p).unwrap();
    assert_eq!(p, after);
    edit.inverse().apply(&mut p).unwrap();
    assert_eq!(p, before);
    assert!(Change::between_plans(&before, &before).is_empty());
}
