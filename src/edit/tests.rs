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

#[test]
fn history_tracks_unsaved_changes() {
    let mut p = plan();
    let mut h = History::default();
    assert!(!h.is_dirty());
    let add = Edit::add(
        &p,
        Entity::Activity(Activity::new(id("d"), Text::en("D"), 1)),
    )
    .unwrap();
    h.apply(&mut p, add).unwrap();
    assert!(h.is_dirty());
    h.mark_saved();
    assert!(!h.is_dirty());
    h.undo(&mut p).unwrap();
    assert!(h.is_dirty());
    assert!(!p.activities.contains_key("d"));
    h.redo(&mut p).unwrap();
    assert!(!h.is_dirty());
    assert!(h.redo(&mut p).unwrap().is_none());
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
                    Op::Undo => { h.undo(&mut p).unwrap(); None }
                    Op::Redo => { h.redo(&mut p).unwrap(); None }
                };
                if let Some(e) = edit {
                    h.apply(&mut p, e).unwrap();
                }
            }
            while h.undo(&mut p).unwrap().is_some() {}
            prop_assert_eq!(p, original);
            prop_assert!(!h.is_dirty());
        }
    }
}
