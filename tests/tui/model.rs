//! A model-based property test of the one door: random interleavings of a coordinator's
//! edits, undos, saves and settled conflicts in the TUI, another program's writes to the same
//! files (seen by the watcher or not), and git commits. After every step, every value that
//! someone wrote and that no one has knowingly replaced since is on disk, in the document or
//! in an open conflict: nothing is ever silently dropped.

use crate::harness::{Harness, bundled, today};
use khutta::diff::Choice;
use khutta::edit::Edit;
use khutta::model::{Entity, EntityKind, Id, Lang};
use khutta::tui::app::Effect;
use khutta::tui::repo_view::RepoJob;
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

const ACTIVITIES: [&str; 2] = ["pilot-tunis", "pilot-amman"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Progress,
    Title,
}

impl Field {
    fn path(self) -> &'static str {
        match self {
            Field::Progress => "progress",
            Field::Title => "title.en",
        }
    }

    fn read(self, a: &khutta::model::Activity) -> Value {
        match self {
            Field::Progress => Value::from(a.progress),
            Field::Title => Value::from(a.title.en.clone().unwrap_or_default()),
        }
    }

    fn write(self, a: &mut khutta::model::Activity, v: u8) {
        match self {
            Field::Progress => a.progress = v,
            Field::Title => a.title.en = Some(format!("title {v}")),
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    /// The coordinator sets a field in the TUI.
    Edit(usize, Field, u8),
    /// Another program sets a field on disk; the watcher reports it or misses it.
    Outside(usize, Field, u8, bool),
    Save,
    Undo,
    Redo,
    /// The first open conflict is settled with ours or theirs.
    Settle(bool),
    /// A commit from the TUI (refused while edits are unsaved).
    Commit,
}

fn step() -> impl Strategy<Value = Step> {
    let field = prop_oneof![Just(Field::Progress), Just(Field::Title)];
    prop_oneof![
        4 => (0..2usize, field.clone(), 0..100u8).prop_map(|(a, f, v)| Step::Edit(a, f, v)),
        3 => (0..2usize, field, 0..100u8, any::<bool>())
            .prop_map(|(a, f, v, seen)| Step::Outside(a, f, v, seen)),
        2 => Just(Step::Save),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => any::<bool>().prop_map(Step::Settle),
        1 => Just(Step::Commit),
    ]
}

/// The values that must not be lost, per activity and field: the coordinator's latest and
/// the other program's latest, each until someone who saw it replaced it.
#[derive(Default, Debug)]
struct Live {
    user: std::collections::BTreeMap<(usize, Field), Value>,
    outside: std::collections::BTreeMap<(usize, Field), Value>,
}

fn unit(a: usize) -> khutta::model::Unit {
    khutta::model::Unit::entity(EntityKind::Activity, &Id::new_unchecked(ACTIVITIES[a]))
}

fn in_doc(h: &Harness, a: usize, f: Field) -> Value {
    f.read(&h.app.shared.doc.plan.activities[ACTIVITIES[a]])
}

fn on_disk(root: &Path, a: usize, f: Field) -> Value {
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    f.read(&loaded.plan.activities[ACTIVITIES[a]])
}

/// The values the open conflicts of activity `a` hold for field `f`: directly when the
/// conflict is about that field, inside the whole activity when it is about all of it.
fn in_conflicts(h: &Harness, a: usize, f: Field) -> Vec<Value> {
    let u = unit(a);
    let inside = |v: &Value| -> Option<Value> {
        let record = v.get("Activity").unwrap_or(v);
        match f {
            Field::Progress => Some(record.get("progress").cloned().unwrap_or(Value::from(0))),
            Field::Title => record.get("title").and_then(|t| t.get("en")).cloned(),
        }
    };
    h.app
        .shared
        .doc
        .conflicts
        .iter()
        .filter(|c| c.target == u)
        .flat_map(|c| {
            let sides = [&c.ours, &c.theirs, &c.base];
            if c.path.to_string() == f.path() {
                sides.into_iter().flatten().cloned().collect::<Vec<_>>()
            } else if c.path.is_root() {
                sides.into_iter().flatten().filter_map(inside).collect()
            } else {
                Vec::new()
            }
        })
        .collect()
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, Harness) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("nua");
    khutta::repo::init(&khutta::repo::InitOptions {
        dir: root.clone(),
        from: Some(bundled()),
        exe: std::path::PathBuf::from(env!("CARGO_BIN_EXE_khutta")),
        today: today(),
    })
    .unwrap();
    let mut h = Harness::open(&root, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    (dir, root, h)
}

fn edit_in_tui(h: &mut Harness, a: usize, f: Field, v: u8) {
    let id = Id::new_unchecked(ACTIVITIES[a]);
    let e = Edit::update(
        &h.app.shared.doc.plan,
        EntityKind::Activity,
        &id,
        f.path(),
        |e| {
            if let Entity::Activity(x) = e {
                f.write(x, v);
            }
            Ok::<(), ()>(())
        },
    )
    .unwrap()
    .unwrap();
    let effects = khutta::tui::editing::apply(&mut h.app.shared, Ok(e));
    h.run_effects(effects);
}

fn write_outside(root: &Path, a: usize, f: Field, v: u8) {
    let mut loaded = khutta::store::load_with_cache(root, None).unwrap();
    let mut plan = loaded.plan.clone();
    f.write(plan.activities.get_mut(ACTIVITIES[a]).unwrap(), v);
    khutta::store::save(&mut loaded, &plan).unwrap();
}

/// Every field whose document value changed from `before`: the coordinator's doing.
fn user_wrote(h: &Harness, before: &[(usize, Field, Value)], live: &mut Live) {
    for (a, f, old) in before {
        let now = in_doc(h, *a, *f);
        if now != *old {
            let seen =
                live.outside.get(&(*a, *f)) == Some(old) && !in_conflicts(h, *a, *f).contains(old);
            if seen {
                live.outside.remove(&(*a, *f));
            }
            live.user.insert((*a, *f), now);
        }
    }
}

fn snapshot(h: &Harness) -> Vec<(usize, Field, Value)> {
    let mut out = Vec::new();
    for a in 0..2 {
        for f in [Field::Progress, Field::Title] {
            out.push((a, f, in_doc(h, a, f)));
        }
    }
    out
}

fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let (_dir, root, mut h) = setup();
    let mut live = Live::default();
    for (i, s) in steps.iter().enumerate() {
        let before = snapshot(&h);
        match s.clone() {
            Step::Edit(a, f, v) => {
                edit_in_tui(&mut h, a, f, v);
                user_wrote(&h, &before, &mut live);
            }
            Step::Outside(a, f, v, seen) => {
                let disk = on_disk(&root, a, f);
                if live.user.get(&(a, f)) == Some(&disk) {
                    // The other program read the coordinator's saved value and replaces it.
                    live.user.remove(&(a, f));
                }
                let file = root.join(format!("activities/{}.ron", ACTIVITIES[a]));
                let bytes = std::fs::read(&file).ok();
                write_outside(&root, a, f, v);
                // A write that leaves the file as it was, or puts back what the document last
                // read there, is no change anyone could tell from none: the other program
                // replaced its own earlier value, if any, with the file's old one.
                let now = on_disk(&root, a, f);
                let read = f.read(&h.app.shared.doc.loaded.plan.activities[ACTIVITIES[a]]);
                live.outside.remove(&(a, f));
                if std::fs::read(&file).ok() != bytes && now != read {
                    live.outside.insert((a, f), now);
                }
                if seen {
                    h.disk_changed();
                }
            }
            Step::Save => h.press(&["ctrl-s"]),
            Step::Undo | Step::Redo => {
                h.press(&[if matches!(s, Step::Undo) {
                    "u"
                } else {
                    "ctrl-r"
                }]);
                user_wrote(&h, &before, &mut live);
                // Undone back to what the file holds: no intent of the coordinator's is left
                // there (a change arriving later is simply taken).
                let loaded = &h.app.shared.doc.loaded.plan;
                live.user
                    .retain(|(a, f), v| f.read(&loaded.activities[ACTIVITIES[*a]]) != *v);
            }
            Step::Settle(ours) => {
                if let Some(c) = h.app.shared.doc.conflicts.first().cloned() {
                    let choice = if ours { Choice::Ours } else { Choice::Theirs };
                    let shown = |a: usize, f: Field| {
                        let conflict = in_conflicts(&h, a, f);
                        (conflict.first().cloned(), conflict.get(1).cloned())
                    };
                    let seen: Vec<_> = (0..2)
                        .filter(|a| c.target == unit(*a))
                        .flat_map(|a| [(a, Field::Progress), (a, Field::Title)])
                        .filter(|(_, f)| c.path.to_string() == f.path() || c.path.is_root())
                        .map(|(a, f)| ((a, f), shown(a, f)))
                        .collect();
                    h.app.shared.doc.settle(0, choice).unwrap();
                    h.run_effects(vec![Effect::WriteRecovery]);
                    // A decision about the two values shown: the one given up goes; a value
                    // that arrived since and was not shown stays alive.
                    for ((a, f), (ours_shown, theirs_shown)) in seen {
                        if ours {
                            if live.outside.get(&(a, f)) == theirs_shown.as_ref() {
                                live.outside.remove(&(a, f));
                            }
                            live.user.insert((a, f), in_doc(&h, a, f));
                        } else if live.user.get(&(a, f)) == ours_shown.as_ref() {
                            live.user.remove(&(a, f));
                        }
                    }
                }
            }
            Step::Commit => {
                if !h.app.shared.doc.is_dirty() && !h.app.shared.repo.pending.is_empty() {
                    h.run_effect(Effect::Repo(RepoJob::Commit(format!("step {i}"))));
                }
            }
        }
        for ((a, f), v) in live.user.iter().chain(&live.outside) {
            let places = [in_doc(&h, *a, *f), on_disk(&root, *a, *f)];
            let conflicts = in_conflicts(&h, *a, *f);
            prop_assert!(
                places.contains(v) || conflicts.contains(v),
                "after step {i} ({s:?}) of {steps:?}: {v} of {} {} is nowhere: document {}, disk {}, conflicts {conflicts:?}",
                ACTIVITIES[*a],
                f.path(),
                places[0],
                places[1],
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("KHUTTA_MODEL_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn nothing_written_is_silently_dropped(steps in proptest::collection::vec(step(), 1..24)) {
        run(steps)?;
    }
}
