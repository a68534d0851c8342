use super::*;
use crate::repo::PlanRepo;

/// A repository whose one commit holds `plan` written from nothing, with a note beside the
/// activities, a README at the top and `activities/a.ron` made executable; the plan read back
/// (every entity file parsed into `parsed`) and the commit's tree.
fn committed(plan: &Plan) -> (tempfile::TempDir, PlanRepo, Oid, HashMap<Oid, Entity>) {
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init_bare(dir.path()).unwrap();
    let (tree, commit) = extended(&repo, plan);
    let r = PlanRepo {
        repo,
        prefix: String::new(),
    };
    let mut parsed = HashMap::new();
    r.plan_at_sharing(commit, &mut parsed).unwrap();
    (dir, r, tree, parsed)
}

/// The tree of `plan` with the note, the README and the executable, and a commit of it.
fn extended(repo: &git2::Repository, plan: &Plan) -> (Oid, Oid) {
    let written = repo
        .find_tree(plan_to_tree(repo, plan, None).unwrap())
        .unwrap();
    let mut update = git2::build::TreeUpdateBuilder::new();
    let note = repo.blob(b"a note\n").unwrap();
    update.upsert("activities/notes.txt", note, git2::FileMode::Blob);
    update.upsert("README.md", note, git2::FileMode::Blob);
    if let Ok(a) = written.get_path(std::path::Path::new("activities/a.ron")) {
        update.upsert("activities/a.ron", a.id(), git2::FileMode::BlobExecutable);
    }
    let tree = update.create_updated(repo, &written).unwrap();
    let sig = git2::Signature::new("T", "t@khutta.invalid", &git2::Time::new(0, 0)).unwrap();
    let commit = repo
        .commit(None, &sig, &sig, "c", &repo.find_tree(tree).unwrap(), &[])
        .unwrap();
    (tree, commit)
}

/// The bundled plan: rounds of consultation with their responses, and rules.
fn bundled() -> Plan {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let plan = crate::store::load(&root).unwrap().plan;
    assert!(!plan.consultations.is_empty() && plan.governance.is_some());
    plan
}

/// Plans that differ from `plan` in each way a merge can leave one: a field, an entity added
/// or removed, a whole kind gone, the rules added, and no change at all.
fn variants(plan: &Plan) -> Vec<Plan> {
    let mut out = vec![plan.clone()];
    let mut p = plan.clone();
    if let Some(a) = p.activities.values_mut().next_back() {
        a.title.en = Some("Retitled".into());
    }
    out.push(p);
    let mut p = plan.clone();
    let first = p.activities.keys().next().cloned();
    if let Some(id) = first {
        p.activities.remove(&id);
    }
    out.push(p);
    let mut p = plan.clone();
    let added = crate::model::Id::new_unchecked("zz-added");
    let a = crate::model::Activity::new(added.clone(), crate::model::Text::en("Added"), 1);
    p.activities.insert(added, a);
    out.push(p);
    let mut p = plan.clone();
    p.partners.clear();
    p.funding.clear();
    out.push(p);
    let mut p = plan.clone();
    p.governance = Some(crate::model::Governance::default());
    out.push(p);
    out
}

/// Updating the kept tree path by path writes the very tree that rebuilding each folder from
/// its entries writes, whether the files' entities are known or not.
#[test]
fn updated_path_by_path_is_the_tree_rebuilt_folder_by_folder() {
    for plan in [crate::diff::tests::plan(), bundled()] {
        let (_dir, r, tree, parsed) = committed(&plan);
        let keep = r.repo.find_tree(tree).unwrap();
        assert!(shaped(&r.repo, &keep));
        for (i, target) in variants(&plan).iter().enumerate() {
            for known in [&parsed, &HashMap::new()] {
                let updated = by_updates(&r.repo, target, &keep, &Overlay::new(), known).unwrap();
                let rebuilt = by_builders(&r.repo, target, Some(&keep), known).unwrap();
                assert_eq!(updated, rebuilt, "variant {i}, {} known", known.len());
            }
        }
        // The plan as it was, with its files known, is the tree it was read from, but for the
        // executable entity file, which becomes a plain one.
        let mut plain = git2::build::TreeUpdateBuilder::new();
        if let Ok(a) = keep.get_path(std::path::Path::new("activities/a.ron")) {
            plain.upsert("activities/a.ron", a.id(), git2::FileMode::Blob);
        }
        let expected = plain.create_updated(&r.repo, &keep).unwrap();
        assert_eq!(
            by_updates(&r.repo, &plan, &keep, &Overlay::new(), &parsed).unwrap(),
            expected
        );
    }
}

/// A tree where the plan would write a file over a folder, or that holds an empty folder,
/// is rebuilt folder by folder.
#[test]
fn a_tree_of_another_shape_is_rebuilt() {
    let (_dir, r, tree, _) = committed(&crate::diff::tests::plan());
    let keep = r.repo.find_tree(tree).unwrap();
    let empty = r.repo.treebuilder(None).unwrap().write().unwrap();
    for (name, id, mode) in [
        ("plan.ron", empty, 0o040_000),
        (
            "activities",
            keep.get_name("README.md").unwrap().id(),
            0o100_644,
        ),
        ("partners", empty, 0o040_000),
    ] {
        let mut b = r.repo.treebuilder(Some(&keep)).unwrap();
        b.insert(name, id, mode).unwrap();
        let odd = r.repo.find_tree(b.write().unwrap()).unwrap();
        assert!(!shaped(&r.repo, &odd), "{name}");
    }
}

/// `keep` with `overlay` put in, as a tree written first.
fn applied(repo: &git2::Repository, keep: &Tree, overlay: &Overlay) -> Oid {
    let mut update = git2::build::TreeUpdateBuilder::new();
    for (path, now) in overlay {
        match now {
            Some((oid, mode)) => update.upsert(path, *oid, *mode),
            None => update.remove(path),
        };
    }
    update.create_updated(repo, keep).unwrap()
}

/// A partner's changes to the plan's files: an activity changed (its entity known), one
/// added (not known), a partner removed, a note added, the README and a note removed.
fn partner_changes(
    repo: &git2::Repository,
    plan: &Plan,
    parsed: &mut HashMap<Oid, Entity>,
) -> Overlay {
    let mut overlay = Overlay::new();
    let mut changed = plan.clone();
    if let Some(a) = changed.activities.values_mut().next_back() {
        a.title.en = Some("Theirs".into());
        let id = a.id.clone();
        let text = crate::store::canonical_text(&changed, Some((EntityKind::Activity, &id)));
        let oid = repo.blob(text.unwrap().unwrap().as_bytes()).unwrap();
        let entity = Entity::Activity(changed.activities[&id].clone());
        parsed.insert(oid, entity);
        overlay.insert(format!("activities/{id}.ron"), Some((oid, FileMode::Blob)));
    }
    let text = b"Activity(id: \"zz-theirs\")\n";
    let added = repo.blob(text).unwrap();
    overlay.insert(
        "activities/zz-theirs.ron".into(),
        Some((added, FileMode::Blob)),
    );
    if let Some(p) = plan.partners.keys().next() {
        overlay.insert(format!("partners/{p}.ron"), None);
    }
    let note = repo.blob(b"their note\n").unwrap();
    overlay.insert("notes/theirs.txt".into(), Some((note, FileMode::Blob)));
    overlay.insert("README.md".into(), None);
    overlay.insert("activities/notes.txt".into(), None);
    overlay
}

/// The plan written over our tree with a partner's changes put in first is the tree written
/// over the tree that holds them, however the plan was merged.
#[test]
fn written_over_an_overlay_is_written_over_the_tree_it_makes() {
    for plan in [crate::diff::tests::plan(), bundled()] {
        let (_dir, r, tree, mut parsed) = committed(&plan);
        let keep = r.repo.find_tree(tree).unwrap();
        let overlay = partner_changes(&r.repo, &plan, &mut parsed);
        let theirs = r.repo.find_tree(applied(&r.repo, &keep, &overlay)).unwrap();
        for (i, target) in variants(&plan).iter().enumerate() {
            for known in [&parsed, &HashMap::new()] {
                let over = plan_to_tree_over(&r.repo, target, &keep, &overlay, known).unwrap();
                let rebuilt = by_builders(&r.repo, target, Some(&theirs), known).unwrap();
                assert_eq!(over, Some(rebuilt), "variant {i}, {} known", known.len());
            }
        }
    }
}

/// A partner's file where the plan has a folder, or a folder where it has a file, is left to
/// the tree written first.
#[test]
fn an_overlay_of_another_shape_is_refused() {
    let plan = crate::diff::tests::plan();
    let (_dir, r, tree, parsed) = committed(&plan);
    let keep = r.repo.find_tree(tree).unwrap();
    let blob = r.repo.blob(b"x\n").unwrap();
    for path in [
        "activities",
        "consultations",
        "plan.ron/x",
        "governance.ron/y",
    ] {
        let overlay: Overlay = [(path.to_owned(), Some((blob, FileMode::Blob)))].into();
        let over = plan_to_tree_over(&r.repo, &plan, &keep, &overlay, &parsed).unwrap();
        assert_eq!(over, None, "{path}");
    }
}
