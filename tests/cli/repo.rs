//! `khutta init`, `git-setup` and `commit` on real repositories, checked with the stock git CLI.

use crate::support::cmd::{copy_dir, git, git_ok, khutta};
use std::path::Path;

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua")
}

/// `khutta init nua --from` the bundled plan in a new folder: the folder and the plan.
fn init_bundled() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nua");
    let out = khutta(dir.path())
        .args(["init", "nua", "--from"])
        .arg(bundled())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, plan)
}

#[test]
fn init_from_the_bundled_plan() {
    let (dir, plan) = init_bundled();
    assert_eq!(
        git_ok(&plan, &["log", "--format=%s %an"]),
        "Start the plan open-government-nua Test Author\n"
    );
    assert_eq!(git_ok(&plan, &["status", "--porcelain"]), "");
    let driver = git_ok(&plan, &["config", "--local", "merge.khutta.driver"]);
    assert!(
        driver
            .trim_end()
            .ends_with("merge-driver %O %A %B %P %S %X %Y"),
        "{driver}"
    );
    assert!(
        git_ok(&plan, &["config", "--local", "diff.khutta.textconv"]).contains("diff --textconv")
    );
    // git caches what the converter printed, so `git log -p` converts each blob once.
    assert_eq!(
        git_ok(
            &plan,
            &["config", "--local", "--bool", "diff.khutta.cachetextconv"]
        ),
        "true\n"
    );
    assert_eq!(
        git_ok(
            &plan,
            &["check-attr", "merge", "activities/egm-cairo-2021.ron"]
        ),
        "activities/egm-cairo-2021.ron: merge: khutta\n"
    );
    let files = git_ok(&plan, &["ls-files"]);
    assert!(files.contains("activities/egm-cairo-2021.ron") && files.contains(".gitattributes"));
    // The copy is the same plan.
    let a = khutta::store::load_with_cache(&bundled(), None)
        .unwrap()
        .plan;
    let b = khutta::store::load_with_cache(&plan, None).unwrap().plan;
    assert_eq!(a, b);
    // Init refuses to overwrite a plan.
    let again = khutta(dir.path()).args(["init", "nua"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
}

/// `init` stores the plan's files in one pack of its own making: stock git must find it
/// sound, and the commit must be the one `git add -A && git commit` of the same files makes.
#[test]
fn init_packs_the_plan_as_git_would_commit_it() {
    let (dir, plan) = init_bundled();
    assert_eq!(git_ok(&plan, &["status", "--porcelain"]), "");
    git_ok(&plan, &["fsck", "--full", "--strict", "--no-dangling"]);
    let packs: Vec<_> = std::fs::read_dir(plan.join(".git/objects/pack"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .collect();
    assert_eq!(packs.len(), 1, "{packs:?}");
    let verified = git_ok(&plan, &["verify-pack", "-v", packs[0].to_str().unwrap()]);
    // Every plan file's blob is in the pack, stored whole (`.gitattributes` and `.gitignore`,
    // written after the plan, are loose objects).
    let staged = git_ok(&plan, &["ls-files", "-s"]);
    let blobs: std::collections::BTreeSet<&str> = staged
        .lines()
        .filter(|l| !l.ends_with("\t.gitattributes") && !l.ends_with("\t.gitignore"))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    assert!(
        verified.contains(&format!("non delta: {} objects", blobs.len())),
        "{verified}"
    );
    for id in blobs {
        assert!(verified.contains(&format!("{id} blob")), "{id}");
    }
    // The same files committed by stock git in a repository of their own: the same tree.
    let copy = dir.path().join("copy");
    copy_dir(&plan, &copy);
    std::fs::remove_dir_all(copy.join(".git")).unwrap();
    git_ok(&copy, &["init", "-q", "-b", "main"]);
    git_ok(&copy, &["add", "-A"]);
    git_ok(
        &copy,
        &["commit", "-q", "-m", "Start the plan open-government-nua"],
    );
    let tree = |repo: &Path| git_ok(repo, &["rev-parse", "HEAD^{tree}"]);
    assert_eq!(tree(&plan), tree(&copy));
    let entry = "activities/egm-cairo-2021.ron";
    assert_eq!(
        git_ok(&plan, &["cat-file", "-p", &format!("HEAD:{entry}")]),
        std::fs::read_to_string(plan.join(entry)).unwrap()
    );
}

#[test]
fn commit_takes_only_the_plan_and_says_when_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    git_ok(dir.path(), &["init", "-q", "-b", "main"]);
    std::fs::write(
        dir.path().join("README.md"),
        "the organisation's repository\n",
    )
    .unwrap();
    git_ok(dir.path(), &["add", "README.md"]);
    let out = khutta(dir.path())
        .args(["init", "plans/nua", "--from"])
        .arg(bundled())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The README stays staged and out of khutta's commit.
    assert_eq!(
        git_ok(dir.path(), &["diff", "--cached", "--name-only"]),
        "README.md\n"
    );
    assert!(!git_ok(dir.path(), &["show", "--name-only", "--format="]).contains("README"));
    let plan = dir.path().join("plans/nua");
    let nothing = khutta(&plan)
        .args(["commit", "-m", "nothing"])
        .output()
        .unwrap();
    assert_eq!(nothing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nothing.stderr).contains("nothing to commit"));
    let f = plan.join("activities/egm-cairo-2021.ron");
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("status: Done,", "status: OnHold,");
    std::fs::write(&f, text).unwrap();
    std::fs::remove_file(plan.join("activities/final-report.ron")).unwrap();
    let ok = khutta(&plan)
        .args(["commit", "-m", "Put the meeting on hold"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("(2 files)"));
    assert_eq!(
        git_ok(dir.path(), &["show", "--name-status", "--format=%s"]),
        "Put the meeting on hold\n\nM\tplans/nua/activities/egm-cairo-2021.ron\nD\tplans/nua/activities/final-report.ron\n"
    );
    assert_eq!(
        git_ok(dir.path(), &["diff", "--cached", "--name-only"]),
        "README.md\n"
    );
}

#[test]
fn a_repository_not_set_up_for_khutta_is_refused() {
    // A repository that merely carries a plan (as khutta's own source does) is not the plan's:
    // built here, so that the test passes from a source tarball too.
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plans/open-government-nua");
    crate::support::cmd::copy_dir(&bundled(), &plan);
    git_ok(dir.path(), &["init", "-q", "-b", "main"]);
    git_ok(dir.path(), &["add", "-A"]);
    git_ok(dir.path(), &["commit", "-qm", "source"]);
    let out = khutta(dir.path())
        .args(["commit", "-m", "x", "plans/open-government-nua"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not set up for khutta") && err.contains("init DIR --from"),
        "{err}"
    );
}

#[test]
fn git_setup_registers_the_drivers_in_a_clone() {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path())
        .args(["init", "origin", "--from"])
        .arg(bundled())
        .output()
        .unwrap();
    assert!(out.status.success());
    git_ok(dir.path(), &["clone", "-q", "origin", "partner"]);
    let partner = dir.path().join("partner");
    assert!(
        git(&partner)
            .args(["config", "--local", "merge.khutta.driver"])
            .output()
            .unwrap()
            .stdout
            .is_empty()
    );
    let refused = khutta(&partner)
        .args(["commit", "-m", "x"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let setup = khutta(&partner).arg("git-setup").output().unwrap();
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    assert!(
        git_ok(&partner, &["config", "--local", "merge.khutta.driver"]).contains("merge-driver")
    );
    assert_eq!(
        git_ok(
            &partner,
            &["config", "--local", "--bool", "diff.khutta.cachetextconv"]
        ),
        "true\n"
    );
    assert_eq!(
        git_ok(&partner, &["status", "--porcelain"]),
        "",
        "the attributes came with the clone"
    );
}

#[test]
fn a_missing_identity_says_how_to_set_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = khutta(dir.path());
    cmd.env_remove("GIT_AUTHOR_NAME")
        .env_remove("GIT_AUTHOR_EMAIL")
        .env_remove("GIT_COMMITTER_NAME")
        .env_remove("GIT_COMMITTER_EMAIL");
    let out = cmd.args(["init", "nua"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("user.name") && err.contains("git config --global user.name"),
        "{err}"
    );
}
