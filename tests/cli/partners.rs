//! Partners' git work is as safe as git's own: two clones that work with khutta and stock
//! git, a `git daemon` on 127.0.0.1, and the cases where khutta used to be worse than git.

use crate::support::cmd::{git, git_ok, khutta, transcript};
use crate::support::world::{edit, merge_list, plan, sync, take_theirs, world};
use khutta::model::{Amount, BudgetCategory, BudgetLine, Dependency, DependencyKind, Id};
use std::path::Path;

fn rename(clone: &Path, from: &str, to: &str, message: &str) {
    let mut loaded = khutta::store::load_with_cache(clone, None).unwrap();
    let e = khutta::edit::Edit::rename(
        &loaded.plan,
        khutta::model::EntityKind::Activity,
        &Id::new_unchecked(from),
        to,
    )
    .unwrap();
    let mut p = loaded.plan.clone();
    e.apply(&mut p).unwrap();
    khutta::store::save(&mut loaded, &p).unwrap();
    let out = khutta(clone)
        .args(["commit", "-m", message])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
}

/// Two partners rename one activity two ways: a conflict offering both ids, not two copies.
#[test]
fn rename_rename_is_a_conflict_offering_both_ids() {
    let w = world();
    rename(&w.a, "pilot-tunis", "pilot-tunis-city", "A renames");
    rename(
        &w.b,
        "pilot-tunis",
        "tunis-participatory-budget",
        "B renames",
    );
    assert!(sync(&w.a).status.success());
    let out = sync(&w.b);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let list = merge_list(&w.b);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("rename/rename")
            && text.contains("pilot-tunis-city")
            && text.contains("tunis-participatory-budget"),
        "{text}"
    );
    // Until settled the plan holds one copy, under our id.
    let p = plan(&w.b);
    assert!(p.activities.contains_key("tunis-participatory-budget"));
    assert!(!p.activities.contains_key("pilot-tunis-city"));
    let take = take_theirs(&w.b);
    assert!(take.status.success(), "{}", transcript(&take));
    let p = plan(&w.b);
    assert!(p.activities.contains_key("pilot-tunis-city"));
    assert!(!p.activities.contains_key("tunis-participatory-budget"));
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", transcript(&check));
    assert!(
        khutta(&w.b)
            .args(["merge", "--continue"])
            .output()
            .unwrap()
            .status
            .success()
    );
}

/// `git pull --rebase`: the driver knows that the commit being replayed is the partner's own,
/// keeps its value and says so; continuing keeps the partner's own change.
#[test]
fn a_rebase_keeps_the_partners_own_value() {
    let w = world();
    edit(&w.a, "pilot-tunis", "A: 80", |a| a.progress = 80);
    assert!(sync(&w.a).status.success());
    edit(&w.b, "pilot-tunis", "B: 70", |a| a.progress = 70);
    let pull = git(&w.b)
        .args(["pull", "--rebase", "origin", "main"])
        .output()
        .unwrap();
    assert!(!pull.status.success());
    let err = String::from_utf8_lossy(&pull.stderr);
    assert!(
        err.contains("the commit being replayed") && err.contains("70"),
        "{err}"
    );
    let file = std::fs::read_to_string(w.b.join("activities/pilot-tunis.ron")).unwrap();
    assert!(file.contains("progress: 70,"), "{file}");
    git_ok(&w.b, &["add", "activities/pilot-tunis.ron"]);
    let cont = git(&w.b)
        .args(["-c", "core.editor=true", "rebase", "--continue"])
        .output()
        .unwrap();
    assert!(
        cont.status.success(),
        "{}",
        String::from_utf8_lossy(&cont.stderr)
    );
    assert_eq!(git_ok(&w.b, &["log", "-1", "--format=%s"]), "B: 70\n");
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 70);
}

/// `git stash pop` over a pull: the stashed (uncommitted) value is the partner's own.
#[test]
fn a_stash_pop_keeps_the_stashed_value() {
    let w = world();
    edit(&w.a, "pilot-tunis", "A: 80", |a| a.progress = 80);
    assert!(sync(&w.a).status.success());
    let f = w.b.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replace("progress: 75,", "progress: 70,")).unwrap();
    git_ok(&w.b, &["stash"]);
    git_ok(&w.b, &["pull", "-q", "--no-rebase", "origin", "main"]);
    let pop = git(&w.b).args(["stash", "pop"]).output().unwrap();
    let err = String::from_utf8_lossy(&pop.stderr);
    assert!(err.contains("stashed"), "{err}");
    let file = std::fs::read_to_string(&f).unwrap();
    assert!(file.contains("progress: 70,"), "{file}");
}

/// `khutta commit` commits plan files only and says what it left; sync ignores the rest.
#[test]
fn commit_and_sync_leave_stray_files_alone() {
    let w = world();
    std::fs::write(w.b.join("notes.txt"), "call Tunis").unwrap();
    std::fs::write(w.b.join("activities/pilot-tunis.ron~"), "backup").unwrap();
    std::fs::write(w.b.join("activities/.pilot-tunis.ron.swp"), "swap").unwrap();
    edit(&w.b, "pilot-tunis", "Tunis at 70", |a| a.progress = 70);
    let shown = git_ok(&w.b, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(shown.trim(), "activities/pilot-tunis.ron");
    let again = khutta(&w.b)
        .args(["commit", "-m", "nothing"])
        .output()
        .unwrap();
    let text = transcript(&again);
    assert!(
        text.contains("notes.txt") && text.contains("pilot-tunis.ron~"),
        "{text}"
    );
    let out = sync(&w.b);
    assert!(out.status.success(), "{}", transcript(&out));
}

/// A conflict settled with one side that leaves a semantic error keeps it open; `--force`
/// records it in the merge commit.
#[test]
fn a_semantic_error_keeps_the_merge_open_until_forced() {
    let w = world();
    // A: pilot-tunis waits for pilot-amman; B: pilot-amman waits for pilot-tunis: a cycle.
    edit(&w.a, "pilot-tunis", "A", |a| {
        a.dependencies.push(Dependency {
            activity: Id::new_unchecked("pilot-amman"),
            kind: DependencyKind::FinishToStart,
            lag: 0,
        })
    });
    edit(&w.b, "pilot-amman", "B", |a| {
        a.dependencies.push(Dependency {
            activity: Id::new_unchecked("pilot-tunis"),
            kind: DependencyKind::FinishToStart,
            lag: 0,
        })
    });
    assert!(sync(&w.a).status.success());
    assert_eq!(sync(&w.b).status.code(), Some(1));
    let take = khutta(&w.b)
        .args(["merge", "--take", "ours", "all"])
        .output()
        .unwrap();
    let text = transcript(&take);
    assert!(!text.contains("0 conflicts left"), "{text}");
    assert_eq!(take.status.code(), Some(1), "{text}");
    let cont = khutta(&w.b).args(["merge", "--continue"]).output().unwrap();
    assert_eq!(cont.status.code(), Some(1), "{}", transcript(&cont));
    let forced = khutta(&w.b)
        .args(["merge", "--continue", "--force"])
        .output()
        .unwrap();
    assert!(forced.status.success(), "{}", transcript(&forced));
    let message = git_ok(&w.b, &["log", "-1", "--format=%B"]);
    assert!(message.contains("E021"), "{message}");
}

/// Budget lines added on both sides over-allocate a source: the conflict points at the
/// activities that draw on it, so that a choice can undo the clash.
#[test]
fn an_over_allocation_can_be_settled_by_a_choice() {
    let w = world();
    let line = |amount: &str| BudgetLine {
        category: BudgetCategory::Consultants,
        amount: Amount::parse(amount).unwrap(),
        currency: khutta::model::Currency::new_unchecked("USD"),
        funding: Some(Id::new_unchecked("escwa-rptc")),
        note: None,
    };
    // Each side alone stays within the source; both together draw 2,000 USD too much.
    let p = plan(&w.a);
    let source = &p.funding["escwa-rptc"];
    let (used, _) = khutta::check::allocated(&p, source);
    let amount = khutta::model::Amount::from;
    let half = (source.amount.checked_sub(used))
        .and_then(|left| left.checked_div(amount(2_i64)))
        .and_then(|h| h.checked_add(amount(1000_i64)))
        .unwrap();
    let (h1, h2) = (half.to_string(), half.to_string());
    edit(&w.a, "pilot-tunis", "A", move |a| a.budget.push(line(&h1)));
    edit(&w.b, "pilot-amman", "B", move |a| a.budget.push(line(&h2)));
    assert!(sync(&w.a).status.success());
    assert_eq!(sync(&w.b).status.code(), Some(1));
    let list = merge_list(&w.b);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("E025") && text.contains("activities/"),
        "{text}"
    );
    let take = khutta(&w.b)
        .args(["merge", "--take", "base", "1"])
        .output()
        .unwrap();
    assert!(take.status.success(), "{}", transcript(&take));
    assert!(
        khutta(&w.b)
            .args(["merge", "--continue"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", transcript(&check));
}

/// A stock-git partner pushes a merge that forms a cycle: the next `khutta sync` elsewhere
/// says so and exits 1.
#[test]
fn a_broken_plan_that_arrives_is_reported() {
    let w = world();
    let dep = |to: &str| Dependency {
        activity: Id::new_unchecked(to),
        kind: DependencyKind::FinishToStart,
        lag: 0,
    };
    let f = w.a.join("activities/pilot-tunis.ron");
    let mut loaded = khutta::store::load_with_cache(&w.a, None).unwrap();
    let mut p = loaded.plan.clone();
    p.activities
        .get_mut("pilot-tunis")
        .unwrap()
        .dependencies
        .push(dep("pilot-amman"));
    p.activities
        .get_mut("pilot-amman")
        .unwrap()
        .dependencies
        .push(dep("pilot-tunis"));
    khutta::store::save(&mut loaded, &p).unwrap();
    assert!(f.exists());
    git_ok(&w.a, &["commit", "-qam", "a cycle, with stock git"]);
    git_ok(&w.a, &["push", "-q", "origin", "main"]);
    let out = sync(&w.b);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("E021"), "{text}");
}

/// A clone where `git-setup` never ran: `check` and `sync` say so, and a file that a line
/// merge left with conflict markers has a code of its own and the way out.
#[test]
fn a_clone_without_the_drivers_is_warned_and_markers_are_named() {
    let w = world();
    git_ok(&w.b, &["config", "--unset", "merge.khutta.driver"]);
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    let text = transcript(&check);
    assert!(text.contains("git-setup"), "{text}");
    let f = w.b.join("activities/pilot-tunis.ron");
    let t = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        t.replace(
            "    progress: 75,\n",
            "<<<<<<< HEAD\n    progress: 70,\n=======\n    progress: 80,\n>>>>>>> origin/main\n",
        ),
    )
    .unwrap();
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    let text = transcript(&check);
    assert!(
        text.contains("error[E048]") && text.contains("conflict markers"),
        "{text}"
    );
}

/// Comments in plan files would be dropped by the next canonical write or merge: refused,
/// with their place.
#[test]
fn comments_are_refused_with_their_place() {
    let w = world();
    let f = w.b.join("activities/pilot-tunis.ron");
    let t = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        t.replace(
            "    progress: 75,\n",
            "    // agreed in Cairo\n    progress: 75,\n",
        ),
    )
    .unwrap();
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    let text = transcript(&check);
    assert!(
        text.contains("pilot-tunis.ron:") && text.contains("error[E009]"),
        "{text}"
    );
}

/// A rename/rename that stock git leaves in the index: `check` names both files as one
/// activity renamed two ways.
#[test]
fn check_names_a_rename_rename_that_git_left() {
    let w = world();
    let stock_rename = |clone: &Path, to: &str| {
        let from = clone.join("activities/pilot-tunis.ron");
        let text = std::fs::read_to_string(&from).unwrap();
        std::fs::remove_file(&from).unwrap();
        std::fs::write(
            clone.join(format!("activities/{to}.ron")),
            text.replace("id: \"pilot-tunis\"", &format!("id: \"{to}\"")),
        )
        .unwrap();
        git_ok(clone, &["add", "-A", "activities"]);
        git_ok(clone, &["commit", "-qm", "rename"]);
    };
    stock_rename(&w.a, "pilot-tunis-city");
    git_ok(&w.a, &["push", "-q", "origin", "main"]);
    stock_rename(&w.b, "tunis-budget");
    let pull = git(&w.b)
        .args(["pull", "--no-rebase", "origin", "main"])
        .output()
        .unwrap();
    assert!(!pull.status.success());
    assert!(String::from_utf8_lossy(&pull.stdout).contains("rename/rename"));
    let check = khutta(&w.b).args(["check", "."]).output().unwrap();
    let text = transcript(&check);
    assert!(
        text.contains("error[E013]")
            && text.contains("pilot-tunis-city")
            && text.contains("tunis-budget"),
        "{text}"
    );
}
