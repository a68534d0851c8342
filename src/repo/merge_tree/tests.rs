use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Paths a side may add, change or delete: plan files, other files, nested folders, an
/// executable, a link, and `d`, which is a file on one side and a folder on another.
const PATHS: [(&str, i32); 10] = [
    ("plan.ron", 0o100_644),
    ("activities/a.ron", 0o100_644),
    ("activities/b.ron", 0o100_644),
    ("activities/c.ron", 0o100_644),
    ("partners/p.ron", 0o100_644),
    ("notes/deep/n.txt", 0o100_644),
    ("run.sh", 0o100_755),
    ("link", 0o120_000),
    ("d", 0o100_644),
    ("d/e.txt", 0o100_644),
];

/// Files by path: content and mode.
type Files = BTreeMap<String, (String, i32)>;

/// A file's fate on one side: kept, rewritten with one of a few contents, or deleted.
#[derive(Clone, Copy, Debug)]
enum Fate {
    Keep,
    Write(u8),
    Delete,
}

fn fate() -> impl Strategy<Value = Fate> {
    prop_oneof![
        4 => Just(Fate::Keep),
        2 => (0u8..3).prop_map(Fate::Write),
        1 => Just(Fate::Delete),
    ]
}

fn apply(files: &Files, fates: &[Fate]) -> Files {
    let mut out = files.clone();
    for ((path, mode), f) in PATHS.iter().zip(fates) {
        match f {
            Fate::Keep => {}
            Fate::Write(n) => {
                out.insert((*path).to_owned(), (format!("{path} {n}\n"), *mode));
            }
            Fate::Delete => {
                out.remove(*path);
            }
        }
    }
    // A file and a folder of one name cannot both be in a tree: the folder gives way.
    if out.contains_key("d") {
        out.remove("d/e.txt");
    }
    out
}

/// The tree holding `files`.
fn tree(repo: &Repository, files: &Files) -> Oid {
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, (text, mode)) in files {
        let blob = repo.blob(text.as_bytes()).unwrap();
        let mode = match *mode {
            0o100_755 => FileMode::BlobExecutable,
            0o120_000 => FileMode::Link,
            _ => FileMode::Blob,
        };
        update.upsert(path, blob, mode);
    }
    let empty = repo
        .find_tree(repo.treebuilder(None).unwrap().write().unwrap())
        .unwrap();
    update.create_updated(repo, &empty).unwrap()
}

fn commit(repo: &Repository, files: &Files, parents: &[Oid]) -> Oid {
    let sig = git2::Signature::new("T", "t@khutta.invalid", &git2::Time::new(0, 0)).unwrap();
    let tree = repo.find_tree(tree(repo, files)).unwrap();
    let parents: Vec<Commit> = parents
        .iter()
        .map(|p| repo.find_commit(*p).unwrap())
        .collect();
    let refs: Vec<&Commit> = parents.iter().collect();
    repo.commit(None, &sig, &sig, "c", &tree, &refs).unwrap()
}

/// A repository holding `base` and two commits on it, as a plan at its top.
fn sides(base: &Files, ours: &Files, theirs: &Files) -> (tempfile::TempDir, PlanRepo, Oid, Oid) {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init_bare(dir.path()).unwrap();
    let b = commit(&repo, base, &[]);
    let (o, t) = (commit(&repo, ours, &[b]), commit(&repo, theirs, &[b]));
    let r = PlanRepo {
        repo,
        prefix: String::new(),
    };
    (dir, r, o, t)
}

/// Our tree with their changes, and libgit2's merge, for one repository.
fn both(r: &PlanRepo, o: Oid, t: Oid) -> (Option<Oid>, Result<Oid, String>) {
    let (oc, tc) = (
        r.repo.find_commit(o).unwrap(),
        r.repo.find_commit(t).unwrap(),
    );
    let fast = side_by_side(&r.repo, &oc, &tc).unwrap().map(|t| t.id());
    let full = by_libgit2(r, &oc, &tc)
        .map(|t| t.id())
        .map_err(|e| e.to_string());
    (fast, full)
}

fn base_files() -> Files {
    apply(&Files::new(), &[Fate::Write(0); 10])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever the two sides did, a merge made without libgit2 is the tree libgit2 writes,
    /// and it is made only when libgit2's merge has no conflict.
    #[test]
    fn our_tree_with_their_changes_is_libgit2_s_merge(
        start in proptest::collection::vec(fate(), 10),
        mine in proptest::collection::vec(fate(), 10),
        yours in proptest::collection::vec(fate(), 10),
    ) {
        let base = apply(&base_files(), &start);
        let (ours, theirs) = (apply(&base, &mine), apply(&base, &yours));
        let (_dir, r, o, t) = sides(&base, &ours, &theirs);
        let (fast, full) = both(&r, o, t);
        if let Some(fast) = fast {
            prop_assert_eq!(Ok(fast), full);
        }
    }
}

/// Two partners who changed different activities (and one a note outside the plan) merge
/// without libgit2, to the tree libgit2 writes; a deletion that empties a folder removes it.
#[test]
fn different_files_merge_without_libgit2() {
    let base = base_files();
    let mut ours = base.clone();
    ours.insert("activities/a.ron".into(), ("ours\n".into(), 0o100_644));
    ours.insert("activities/new.ron".into(), ("new\n".into(), 0o100_644));
    let mut theirs = base.clone();
    theirs.insert("activities/c.ron".into(), ("theirs\n".into(), 0o100_644));
    theirs.remove("notes/deep/n.txt");
    theirs.remove("partners/p.ron");
    let (_dir, r, o, t) = sides(&base, &ours, &theirs);
    let (fast, full) = both(&r, o, t);
    assert!(fast.is_some());
    assert_eq!(fast.ok_or(String::new()), full);
    let merged = r.repo.find_tree(full.unwrap()).unwrap();
    assert!(merged.get_name("notes").is_none());
    assert!(merged.get_name("partners").is_none());
}

/// A file both sides changed, and a file one side put where the other made a folder, are left
/// to libgit2.
#[test]
fn the_same_file_or_a_file_against_a_folder_goes_to_libgit2() {
    let base = base_files();
    let mut ours = base.clone();
    ours.insert("activities/a.ron".into(), ("ours\n".into(), 0o100_644));
    let mut theirs = base.clone();
    theirs.insert("activities/a.ron".into(), ("theirs\n".into(), 0o100_644));
    let (_dir, r, o, t) = sides(&base, &ours, &theirs);
    assert_eq!(both(&r, o, t).0, None);

    let mut base = base_files();
    base.remove("d");
    let mut ours = base.clone();
    ours.insert("x".into(), ("file\n".into(), 0o100_644));
    let mut theirs = base.clone();
    theirs.insert("x/y".into(), ("in a folder\n".into(), 0o100_644));
    let (_dir, r, o, t) = sides(&base, &ours, &theirs);
    assert_eq!(both(&r, o, t).0, None);
}

#[test]
fn a_path_touches_itself_its_folders_and_what_they_hold() {
    let paths: BTreeSet<&str> = ["a/b", "c", "e/f/g"].into_iter().collect();
    for (p, yes) in [
        ("a/b", true),
        ("a/b/c", true),
        ("a", true),
        ("c/d", true),
        ("e", true),
        ("e/f", true),
        ("a/bb", false),
        ("b", false),
        ("e/g", false),
        ("cc", false),
    ] {
        assert_eq!(touches(&paths, p), yes, "{p}");
    }
}
