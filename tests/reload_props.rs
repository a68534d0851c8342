//! A plan read again place by place is the plan read afresh: after any sequence of changes to
//! the folder (files written, removed, misnamed, broken, links and folders where files belong,
//! rounds and responses), folding what the changed places hold now into the plan read before
//! gives exactly what opening the folder gives: the same plan, sources, hashes and problems.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use khutta::store::{LoadedPlan, Place, load_with_cache, read_places};
use proptest::prelude::*;
use std::path::Path;

#[derive(Clone, Debug)]
enum Change {
    /// An activity's progress, in a file named after it.
    Progress(usize, u8),
    /// An activity's file removed.
    Remove(usize),
    /// A copy of an activity under another file name (a misnamed copy).
    Misnamed(usize, String),
    /// An activity's file cut short (a syntax error).
    Break(usize),
    /// A stray file or a folder where a plan file belongs.
    Stray(String, bool),
    /// A symbolic link where a plan file belongs.
    Link(usize),
    /// A response of the bundled round written, changed or removed.
    Response(u8, bool),
    /// `plan.ron` broken or restored.
    Meta(bool),
}

const ACTIVITIES: [&str; 4] = [
    "pilot-tunis",
    "pilot-amman",
    "egm-cairo-2021",
    "final-report",
];

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0..4usize, 0..100u8).prop_map(|(a, p)| Change::Progress(a, p)),
        (0..4usize).prop_map(Change::Remove),
        (0..4usize, "[a-z]{1,4}").prop_map(|(a, n)| Change::Misnamed(a, n)),
        (0..4usize).prop_map(Change::Break),
        ("[a-z]{1,4}(\\.ron|\\.txt)?", any::<bool>()).prop_map(|(n, d)| Change::Stray(n, d)),
        (0..4usize).prop_map(Change::Link),
        (0..5u8, any::<bool>()).prop_map(|(p, keep)| Change::Response(p, keep)),
        any::<bool>().prop_map(Change::Meta),
    ]
}

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua")
}

/// Makes the change on disk; returns the paths it touched (relative to the plan folder).
fn apply(root: &Path, c: &Change) -> Vec<String> {
    let rel = |a: usize| format!("activities/{}.ron", ACTIVITIES[a]);
    let original = |a: usize| std::fs::read_to_string(bundled().join(rel(a))).unwrap();
    let clear = |p: &Path| {
        if let Ok(m) = std::fs::symlink_metadata(p) {
            if m.is_dir() {
                std::fs::remove_dir_all(p).unwrap();
            } else {
                std::fs::remove_file(p).unwrap();
            }
        }
    };
    match c {
        Change::Progress(a, p) => {
            clear(&root.join(rel(*a)));
            let text = original(*a);
            let mut x: khutta::model::Activity = khutta::store::from_ron(&text).unwrap();
            x.progress = *p;
            std::fs::write(root.join(rel(*a)), khutta::store::to_canonical(&x).unwrap()).unwrap();
            vec![rel(*a)]
        }
        Change::Remove(a) => {
            clear(&root.join(rel(*a)));
            vec![rel(*a)]
        }
        Change::Misnamed(a, name) => {
            let to = format!("activities/{name}.ron");
            clear(&root.join(&to));
            std::fs::write(root.join(&to), original(*a)).unwrap();
            vec![to]
        }
        Change::Break(a) => {
            clear(&root.join(rel(*a)));
            let text = original(*a);
            std::fs::write(root.join(rel(*a)), &text[..text.len() / 2]).unwrap();
            vec![rel(*a)]
        }
        Change::Stray(name, folder) => {
            let to = format!("partners/{name}");
            clear(&root.join(&to));
            if *folder {
                std::fs::create_dir_all(root.join(&to)).unwrap();
            } else {
                std::fs::write(root.join(&to), "notes").unwrap();
            }
            vec![to]
        }
        Change::Link(a) => {
            clear(&root.join(rel(*a)));
            #[cfg(unix)]
            std::os::unix::fs::symlink("/etc/hostname", root.join(rel(*a))).unwrap();
            vec![rel(*a)]
        }
        Change::Response(p, keep) => {
            let to = format!("consultations/egm-2021/responses/p{:03}.ron", p + 1);
            clear(&root.join(&to));
            if *keep {
                let from = bundled().join(format!(
                    "consultations/egm-2021/responses/p{:03}.ron",
                    (p + 3) % 12 + 1
                ));
                let text = std::fs::read_to_string(from).unwrap();
                let mut r: khutta::model::Response = khutta::store::from_ron(&text).unwrap();
                r.participant = khutta::model::Id::new_unchecked(format!("p{:03}", p + 1));
                std::fs::write(root.join(&to), khutta::store::to_canonical(&r).unwrap()).unwrap();
            }
            vec![to]
        }
        Change::Meta(broken) => {
            let text = std::fs::read_to_string(bundled().join("plan.ron")).unwrap();
            let text = if *broken {
                text.replace("PlanMeta(", "PlanMeta((")
            } else {
                text
            };
            std::fs::write(root.join("plan.ron"), text).unwrap();
            vec!["plan.ron".into()]
        }
    }
}

/// What must be equal between a plan read again and one read afresh.
fn shape(l: &LoadedPlan) -> String {
    let mut diags: Vec<String> = l
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}:{} {} {}", d.path, d.line, d.col, d.code, d.message))
        .collect();
    diags.sort();
    let mut hashes: Vec<_> = l.sources.hashes.iter().collect();
    hashes.sort();
    let mut files: Vec<_> = l.sources.files.iter().collect();
    files.sort();
    let mut unreadable: Vec<_> = l.sources.unreadable.iter().collect();
    unreadable.sort();
    let mut rounds: Vec<_> = l.sources.rounds.iter().collect();
    rounds.sort();
    let mut responses: Vec<_> = l.sources.responses.iter().collect();
    responses.sort();
    let mut uc: Vec<_> = l.sources.unreadable_consultations.iter().collect();
    uc.sort();
    format!(
        "{:?}\nmeta readable {}\n{diags:#?}\n{hashes:?}\n{files:?}\n{unreadable:?}\n{rounds:?}\n{responses:?}\n{uc:?}",
        l.plan, l.meta_readable
    )
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let t = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), &t).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_plan_read_again_place_by_place_is_the_plan_read_afresh(
        changes in proptest::collection::vec(change(), 1..12)
    ) {
        let dir = tempfile::tempdir().unwrap();
        copy(&bundled(), dir.path());
        let mut loaded = load_with_cache(dir.path(), None).unwrap();
        for c in &changes {
            let places: Vec<Place> = apply(dir.path(), c)
                .iter()
                .filter_map(|rel| Place::of(rel))
                .collect();
            loaded.fold(read_places(dir.path(), &places, None));
            let fresh = load_with_cache(dir.path(), None).unwrap();
            prop_assert_eq!(shape(&loaded), shape(&fresh), "after {:?}", c);
        }
    }
}
