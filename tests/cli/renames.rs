//! `blame` and `log --activity` follow an activity across its renames, also when a rename
//! reaches a partner through a merge: partners' clones synced through a `git daemon`, each
//! partner committing as themselves on a day of their own.

use crate::support::cmd::{git_ok, khutta, transcript};
use crate::support::world::world;
use khutta::edit::Edit;
use khutta::model::{Activity, EntityKind, Id, Plan, Status};
use std::path::Path;

/// Saves `f`'s change to the plan of `clone`, as the TUI writes it.
fn save(clone: &Path, f: impl FnOnce(&mut Plan)) {
    let mut loaded = khutta::store::load_with_cache(clone, None).unwrap();
    let mut plan = loaded.plan.clone();
    f(&mut plan);
    khutta::store::save(&mut loaded, &plan).unwrap();
}

fn activity<'p>(plan: &'p mut Plan, id: &str) -> &'p mut Activity {
    plan.activities.get_mut(id).unwrap()
}

/// Renames an activity, the references to it following.
fn rename(plan: &mut Plan, from: &str, to: &str) {
    let from = Id::new_unchecked(from);
    let edit = Edit::rename(plan, EntityKind::Activity, &from, to).unwrap();
    edit.apply(plan).unwrap();
}

/// Runs `khutta ARGS` in `clone` as `who` (author and committer) on 2026-12-DD.
fn as_partner(clone: &Path, who: &str, day: u32, args: &[&str]) -> String {
    let email = format!("{}@partners.invalid", who.to_lowercase());
    let when = format!("2026-12-{day:02}T09:00:00Z");
    let out = khutta(clone)
        .args(args)
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("GIT_AUTHOR_DATE", &when)
        .env("GIT_COMMITTER_DATE", &when)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", transcript(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn commit(clone: &Path, who: &str, day: u32, message: &str) {
    as_partner(clone, who, day, &["commit", "-m", message]);
}

fn sync(clone: &Path, who: &str, day: u32) {
    as_partner(clone, who, day, &["sync"]);
}

/// `khutta ARGS` in `clone`, each commit id in the output written as `<author: subject>`.
fn run(clone: &Path, args: &[&str]) -> String {
    let out = khutta(clone).args(args).output().unwrap();
    let mut text = transcript(&out);
    for line in git_ok(clone, &["log", "--format=%H %an: %s"]).lines() {
        let (id, name) = line.split_once(' ').unwrap();
        text = text.replace(&id[..10], &format!("<{name}>"));
    }
    text
}

/// The messages of the commits `khutta log` lists, in its order.
fn logged(clone: &Path, args: &[&str]) -> Vec<String> {
    let out = run(clone, args);
    let mut lines = out.lines();
    let mut messages = Vec::new();
    while let Some(head) = lines.next() {
        if head.starts_with('<') {
            // Under the head, the signature (`unsigned` here), then the message.
            assert_eq!(lines.next().map(str::trim), Some("unsigned"), "{out}");
            messages.push(lines.next().unwrap().trim().to_owned());
        }
    }
    messages
}

/// Partner A renames `pilot-tunis` and sets its progress, then sets it again; partner B,
/// meanwhile, marks it done under its old id and finishes another activity, then merges A's
/// work: the rename reaches B through the merge's second parent.
#[test]
fn a_rename_from_the_other_side_of_a_merge() {
    let w = world();
    save(&w.a, |p| {
        rename(p, "pilot-tunis", "pilot-tunis-city");
        activity(p, "pilot-tunis-city").progress = 80;
    });
    commit(&w.a, "Amal", 1, "Tunis as the city");
    save(&w.a, |p| activity(p, "pilot-tunis-city").progress = 90);
    commit(&w.a, "Amal", 3, "Tunis at 90");
    save(&w.b, |p| activity(p, "pilot-tunis").status = Status::Done);
    commit(&w.b, "Karim", 2, "Tunis done");
    save(&w.b, |p| activity(p, "pilot-amman").progress = 100);
    commit(&w.b, "Karim", 4, "Amman done");
    sync(&w.a, "Amal", 5);
    sync(&w.b, "Karim", 6);

    let blame = |field: &str| run(&w.b, &["blame", "pilot-tunis-city", "--field", field]);
    assert_eq!(
        blame("progress"),
        "progress  <Amal: Tunis at 90>  Amal  2026-12-03  90\n--- exit 0\n"
    );
    // B's own change, made under the old id, is B's commit, not the merge's.
    assert_eq!(
        blame("status"),
        "status  <Karim: Tunis done>  Karim  2026-12-02  \"Done\"\n--- exit 0\n"
    );
    assert_eq!(
        blame("id"),
        "id  <Amal: Tunis as the city>  Amal  2026-12-01  \"pilot-tunis-city\"\n--- exit 0\n"
    );
    let title = blame("title.en");
    assert!(
        title.starts_with("title.en  <Test Author: Start the plan open-government-nua>"),
        "{title}"
    );

    // The log goes on under the old id, through both sides of the merge.
    let log = ["log", "--activity", "pilot-tunis-city"];
    assert_eq!(
        logged(&w.b, &log),
        [
            "Merge origin/main",
            "Tunis at 90",
            "Tunis done",
            "Tunis as the city",
            "Start the plan open-government-nua"
        ]
    );
    let out = run(&w.b, &log);
    assert!(
        out.contains("\n    Tunis done\n    pilot-tunis (status)\n"),
        "{out}"
    );
    assert!(
        out.contains("\n    Tunis as the city\n    activity pilot-tunis -> pilot-tunis-city\n"),
        "{out}"
    );
    // In Arabic, what changed names the old id the same way.
    let ar = run(
        &w.b,
        &["--lang", "ar", "log", "--activity", "pilot-tunis-city"],
    );
    assert!(
        ar.contains("\n    Tunis done\n    pilot-tunis (status)\n"),
        "{ar}"
    );
    assert!(ar.contains("نشاط pilot-tunis -> pilot-tunis-city"), "{ar}");
    // Asked for by its old id, the log keeps to the old id's commits, the rename included.
    assert_eq!(
        logged(&w.b, &["log", "--activity", "pilot-tunis", "-n", "3"]),
        ["Merge origin/main", "Tunis done", "Tunis as the city"]
    );
}

/// Partner B marks `pilot-tunis` done and syncs; partner A renames it twice, around a merge
/// of B's work: the rename is on the merge's first parent, B's change on the second.
#[test]
fn a_rename_on_our_side_of_a_merge_and_more_renames_after() {
    let w = world();
    save(&w.b, |p| activity(p, "pilot-tunis").status = Status::Done);
    commit(&w.b, "Karim", 1, "Tunis done");
    sync(&w.b, "Karim", 1);
    save(&w.a, |p| rename(p, "pilot-tunis", "pilot-tunis-city"));
    commit(&w.a, "Amal", 2, "Tunis as the city");
    sync(&w.a, "Amal", 3);
    save(&w.a, |p| activity(p, "pilot-tunis-city").progress = 95);
    commit(&w.a, "Amal", 4, "Tunis at 95");
    save(&w.a, |p| rename(p, "pilot-tunis-city", "tunis-budgeting"));
    commit(&w.a, "Amal", 5, "Tunis by what it does");

    let blame = |field: &str| run(&w.a, &["blame", "tunis-budgeting", "--field", field]);
    assert_eq!(
        blame("status"),
        "status  <Karim: Tunis done>  Karim  2026-12-01  \"Done\"\n--- exit 0\n"
    );
    assert_eq!(
        blame("progress"),
        "progress  <Amal: Tunis at 95>  Amal  2026-12-04  95\n--- exit 0\n"
    );
    assert_eq!(
        blame("id"),
        "id  <Amal: Tunis by what it does>  Amal  2026-12-05  \"tunis-budgeting\"\n--- exit 0\n"
    );
    assert_eq!(
        logged(&w.a, &["log", "--activity", "tunis-budgeting"]),
        [
            "Tunis by what it does",
            "Tunis at 95",
            "Merge origin/main",
            "Tunis as the city",
            "Tunis done",
            "Start the plan open-government-nua"
        ]
    );
    // The whole activity as of the merge: nothing is credited to the merge itself.
    let merge = git_ok(&w.a, &["rev-parse", "HEAD~2"]);
    let all = run(&w.a, &["blame", "pilot-tunis-city", "--rev", merge.trim()]);
    assert!(!all.contains("Merge origin/main"), "{all}");
}

/// A third partner renames the activity; A merges that while B changes it under the old id;
/// B then merges A's merge: the rename reaches B through a merge of a merge.
#[test]
fn a_rename_through_a_merge_of_a_merge() {
    let w = world();
    let root = w.a.parent().unwrap();
    git_ok(root, &["clone", "-q", w.origin.to_str().unwrap(), "c"]);
    let c = root.join("c");
    as_partner(&c, "Layla", 1, &["git-setup"]);
    save(&c, |p| rename(p, "pilot-tunis", "pilot-tunis-city"));
    commit(&c, "Layla", 1, "Tunis as the city");
    sync(&c, "Layla", 1);
    save(&w.a, |p| activity(p, "pilot-amman").progress = 100);
    commit(&w.a, "Amal", 2, "Amman done");
    sync(&w.a, "Amal", 3);
    save(&w.b, |p| activity(p, "pilot-tunis").status = Status::Done);
    commit(&w.b, "Karim", 2, "Tunis done");
    sync(&w.b, "Karim", 4);

    assert_eq!(
        run(&w.b, &["blame", "pilot-tunis-city", "--field", "status"]),
        "status  <Karim: Tunis done>  Karim  2026-12-02  \"Done\"\n--- exit 0\n"
    );
    assert_eq!(
        logged(&w.b, &["log", "--activity", "pilot-tunis-city"]),
        [
            "Merge origin/main",
            "Merge origin/main",
            "Tunis done",
            "Tunis as the city",
            "Start the plan open-government-nua"
        ]
    );
}

/// `blame` and `log` say the same whether they read each commit's trees or the index of the
/// history's steps that the first of them writes (`repo/history_index.rs`): here across a
/// rename that reached B through a merge, and again after the index was damaged.
#[test]
fn the_history_index_changes_no_answer() {
    let w = world();
    save(&w.a, |p| {
        rename(p, "pilot-tunis", "pilot-tunis-city");
        activity(p, "pilot-tunis-city").progress = 80;
    });
    commit(&w.a, "Amal", 1, "Tunis as the city");
    save(&w.b, |p| activity(p, "pilot-tunis").status = Status::Done);
    commit(&w.b, "Karim", 2, "Tunis done");
    sync(&w.a, "Amal", 3);
    sync(&w.b, "Karim", 4);
    let git_dir = git_ok(
        &w.b,
        &["rev-parse", "--path-format=absolute", "--git-common-dir"],
    );
    let index = Path::new(git_dir.trim()).join("khutta/history-index");
    let _ = std::fs::remove_file(&index);
    let ask = || {
        [
            run(&w.b, &["blame", "pilot-tunis-city"]),
            run(&w.b, &["log", "--activity", "pilot-tunis-city"]),
            run(&w.b, &["log"]),
        ]
    };
    let from_trees = ask();
    assert!(
        from_trees[1].contains("activity pilot-tunis -> pilot-tunis-city"),
        "{}",
        from_trees[1]
    );
    assert!(
        from_trees[0]
            .lines()
            .any(|l| l.starts_with("status ") && l.contains("<Karim: Tunis done>")),
        "{}",
        from_trees[0]
    );
    let written = std::fs::read_to_string(&index).unwrap();
    assert!(written.starts_with("khutta-history-index/1\n"), "{written}");
    assert_eq!(ask(), from_trees);
    std::fs::write(&index, "khutta-history-index/1\nnot a step\n").unwrap();
    assert_eq!(ask(), from_trees);
    let rewritten = std::fs::read_to_string(&index).unwrap();
    assert!(!rewritten.contains("not a step"), "{rewritten}");
}
