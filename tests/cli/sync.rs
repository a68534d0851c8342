//! `khutta sync` between partners through a real `git daemon` on 127.0.0.1.

use crate::support::cmd::{git, git_ok, khutta, transcript};
use crate::support::world::{edit, fsck, merge_list, plan, remove_locks, sync, take_theirs, world};
use khutta::model::Status;

#[test]
fn different_fields_of_one_activity_combine() {
    let w = world();
    edit(&w.a, "egm-cairo-2021", "Shorter title", |a| {
        a.title.en = Some("EGM, Cairo".into())
    });
    edit(&w.b, "egm-cairo-2021", "Tag the meeting", |a| {
        a.tags.push("cairo".into())
    });
    assert_eq!(
        transcript(&sync(&w.a)),
        "synced with origin: sent yours\n--- exit 0\n"
    );
    assert_eq!(
        transcript(&sync(&w.b)),
        "synced with origin: merged their changes, sent yours\n--- exit 0\n"
    );
    assert_eq!(
        transcript(&sync(&w.a)),
        "synced with origin: took their changes\n--- exit 0\n"
    );
    let (pa, pb) = (plan(&w.a), plan(&w.b));
    assert_eq!(pa, pb);
    let egm = &pa.activities["egm-cairo-2021"];
    assert_eq!(egm.title.en.as_deref(), Some("EGM, Cairo"));
    assert!(egm.tags.contains(&"cairo".to_owned()));
    // The merge commit has two parents and the plan files no markers.
    assert_eq!(
        git_ok(&w.b, &["log", "-1", "--format=%p"])
            .split_whitespace()
            .count(),
        2
    );
    assert!(
        !std::fs::read_to_string(w.b.join("activities/egm-cairo-2021.ron"))
            .unwrap()
            .contains("<<<<")
    );
    assert_eq!(
        transcript(&sync(&w.a)),
        "up to date with origin\n--- exit 0\n"
    );
    fsck(&w.a);
    fsck(&w.origin);
}

#[test]
fn the_same_field_conflicts_and_is_resolved_in_the_merge_state() {
    let w = world();
    edit(&w.a, "pilot-tunis", "Progress from Tunis", |a| {
        a.progress = 80
    });
    edit(&w.b, "pilot-tunis", "Progress from ESCWA", |a| {
        a.progress = 70
    });
    assert!(sync(&w.a).status.success());
    let out = sync(&w.b);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 conflict"));
    // The files stay readable while the merge waits: ours is kept.
    let file = std::fs::read_to_string(w.b.join("activities/pilot-tunis.ron")).unwrap();
    assert!(
        file.contains("progress: 70,") && !file.contains("<<<<"),
        "{file}"
    );
    assert_eq!(
        khutta(&w.b)
            .args(["check", "."])
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    let list = merge_list(&w.b);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("[1] field activities/pilot-tunis.ron") && text.contains("progress"),
        "{text}"
    );
    // The count is said once, above the numbered blocks.
    assert_eq!(text.matches("1 conflict").count(), 1, "{text}");
    assert_eq!(list.status.code(), Some(1));
    // Syncing again refuses while the merge waits.
    assert_eq!(sync(&w.b).status.code(), Some(2));
    let take = take_theirs(&w.b);
    assert_eq!(transcript(&take), "0 conflicts left\n--- exit 0\n");
    let done = khutta(&w.b).args(["merge", "--continue"]).output().unwrap();
    assert!(done.status.success(), "{}", transcript(&done));
    assert_eq!(
        git_ok(&w.b, &["log", "-1", "--format=%s"]),
        "Merge origin/main\n"
    );
    assert_eq!(
        transcript(&sync(&w.b)),
        "synced with origin: sent yours\n--- exit 0\n"
    );
    assert!(sync(&w.a).status.success());
    assert_eq!(plan(&w.a).activities["pilot-tunis"].progress, 80);
    assert_eq!(plan(&w.a), plan(&w.b));
    fsck(&w.origin);
}

#[test]
fn merge_abort_returns_to_ours() {
    let w = world();
    edit(&w.a, "pilot-tunis", "a", |a| a.status = Status::OnHold);
    edit(&w.b, "pilot-tunis", "b", |a| a.status = Status::Cancelled);
    assert!(sync(&w.a).status.success());
    assert_eq!(sync(&w.b).status.code(), Some(1));
    let before = git_ok(&w.b, &["rev-parse", "HEAD"]);
    let out = khutta(&w.b).args(["merge", "--abort"]).output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    assert_eq!(git_ok(&w.b, &["rev-parse", "HEAD"]), before);
    assert_eq!(git_ok(&w.b, &["status", "--porcelain"]), "");
    assert_eq!(
        plan(&w.b).activities["pilot-tunis"].status,
        Status::Cancelled
    );
}

#[test]
fn plain_git_pull_uses_khutta_s_merge_driver() {
    let w = world();
    edit(&w.a, "egm-cairo-2021", "title", |a| {
        a.title.en = Some("EGM, Cairo".into())
    });
    assert!(sync(&w.a).status.success());
    // B works with the stock git CLI only (its clone was set up with `khutta git-setup`).
    let f = w.b.join("activities/egm-cairo-2021.ron");
    let text = std::fs::read_to_string(&f)
        .unwrap()
        .replace("status: Done,", "status: Done,\n    progress: 100,")
        .replace(
            "    progress: 100,\n    progress: 100,",
            "    progress: 100,",
        );
    let text = text.replace("    tags: [\n", "    tags: [\n        \"egm\",\n");
    std::fs::write(&f, text).unwrap();
    git_ok(&w.b, &["commit", "-qam", "Tag with git"]);
    let pull = git(&w.b)
        .args(["pull", "-q", "--no-rebase", "origin", "main"])
        .output()
        .unwrap();
    assert!(
        pull.status.success(),
        "{}",
        String::from_utf8_lossy(&pull.stderr)
    );
    let egm = &plan(&w.b).activities["egm-cairo-2021"];
    assert_eq!(egm.title.en.as_deref(), Some("EGM, Cairo"));
    assert!(egm.tags.contains(&"egm".to_owned()));
    git_ok(&w.b, &["push", "-q", "origin", "main"]);
    // The same field on both sides: git reports the conflict, the file stays parseable.
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 11);
    assert!(sync(&w.a).status.success());
    let f = w.b.join("activities/pilot-tunis.ron");
    std::fs::write(
        &f,
        std::fs::read_to_string(&f)
            .unwrap()
            .replace("progress: 75,", "progress: 22,"),
    )
    .unwrap();
    git_ok(&w.b, &["commit", "-qam", "b"]);
    let pull = git(&w.b)
        .args(["pull", "--no-rebase", "origin", "main"])
        .output()
        .unwrap();
    assert!(!pull.status.success());
    let err = String::from_utf8_lossy(&pull.stderr);
    assert!(
        err.contains("progress") && err.contains("conflict"),
        "{err}"
    );
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(
        text.contains("progress: 22,") && !text.contains("<<<<"),
        "{text}"
    );
    assert!(
        khutta::store::load_with_cache(&w.b, None)
            .unwrap()
            .diagnostics
            .is_empty()
    );
}

#[test]
fn a_refusing_server_and_an_unreachable_one_lose_nothing() {
    let w = world();
    let hook = w.origin.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'main is protected: send a pull request' >&2\nexit 1\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 90);
    let head = git_ok(&w.a, &["rev-parse", "HEAD"]);
    let out = sync(&w.a);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused") && err.contains("nothing was lost"),
        "{err}"
    );
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
    git_ok(
        &w.a,
        &[
            "remote",
            "set-url",
            "origin",
            "git://127.0.0.1:9/origin.git",
        ],
    );
    let out = sync(&w.a);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot reach"),
        "{}",
        transcript(&out)
    );
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
    assert_eq!(plan(&w.a).activities["pilot-tunis"].progress, 90);
}

#[test]
fn uncommitted_changes_are_not_synced() {
    let w = world();
    let f = w.a.join("activities/pilot-tunis.ron");
    std::fs::write(
        &f,
        std::fs::read_to_string(&f)
            .unwrap()
            .replace("progress: 75,", "progress: 76,"),
    )
    .unwrap();
    let out = sync(&w.a);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not committed"),
        "{}",
        transcript(&out)
    );
    assert!(
        std::fs::read_to_string(&f)
            .unwrap()
            .contains("progress: 76,")
    );
}

#[test]
fn a_sync_killed_at_any_point_loses_nothing() {
    let w = world();
    // Many changes on both sides make the merge and the transfer take a while.
    let ids: Vec<String> = plan(&w.a)
        .activities
        .keys()
        .map(|k| k.to_string())
        .collect();
    for (i, id) in ids.iter().enumerate().take(20) {
        edit(&w.a, id, &format!("a{i}"), |a| a.tags.push(format!("a{i}")));
        edit(&w.b, id, &format!("b{i}"), |a| a.tags.push(format!("b{i}")));
    }
    assert!(sync(&w.a).status.success());
    let mine = git_ok(&w.b, &["rev-parse", "HEAD"]).trim().to_owned();
    for delay_ms in [0u64, 3, 8, 15, 30, 60, 120] {
        let mut child = khutta(&w.b)
            .arg("sync")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        fsck(&w.b);
        let kept = git(&w.b)
            .args(["merge-base", "--is-ancestor", &mine, "HEAD"])
            .status()
            .unwrap();
        assert!(
            kept.success(),
            "after a kill at {delay_ms} ms our commit is no longer in HEAD"
        );
        let loaded = khutta::store::load_with_cache(&w.b, None).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "after a kill at {delay_ms} ms: {:?}",
            loaded.diagnostics
        );
        // A stale lock (the index's, or a ref's being updated) is the one thing a kill can
        // leave; git's own advice, and khutta's hint, is to remove it.
        remove_locks(&w.b.join(".git"));
        if khutta::repo::PlanRepo::open(&w.b)
            .ok()
            .and_then(|r| khutta::repo::merge_state::load(&r).ok().flatten())
            .is_some()
        {
            // Killed after the merge stopped on conflicts would be a bug: these edits combine.
            panic!("a merge state was left after a kill at {delay_ms} ms");
        }
    }
    // Whatever was interrupted, the next sync finishes the job.
    let dirty = !git_ok(&w.b, &["status", "--porcelain"]).is_empty();
    if dirty {
        // Killed between writing the merged files and committing them: the merge is in the
        // work tree, uncommitted; committing it keeps every edit.
        let out = khutta(&w.b)
            .args(["commit", "-m", "the interrupted merge"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", transcript(&out));
    }
    let out = sync(&w.b);
    assert!(out.status.success(), "{}", transcript(&out));
    assert!(sync(&w.a).status.success());
    let (pa, pb) = (plan(&w.a), plan(&w.b));
    assert_eq!(pa, pb);
    for (i, id) in ids.iter().enumerate().take(20) {
        let tags = &pa.activities[id.as_str()].tags;
        assert!(
            tags.contains(&format!("a{i}")) && tags.contains(&format!("b{i}")),
            "{id}: {tags:?}"
        );
    }
    fsck(&w.origin);
}

/// A lock left by an interrupted fetch is named as a local lock, not as an unreachable
/// remote, with what to do; once it is gone the sync goes through.
#[test]
fn a_stale_lock_is_named_with_what_to_do() {
    let w = world();
    edit(&w.a, "pilot-tunis", "a", |a| a.tags.push("a".into()));
    assert!(sync(&w.a).status.success());
    let lock = w.b.join(".git/refs/remotes/origin/main.lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    std::fs::write(&lock, "").unwrap();
    let out = sync(&w.b);
    let text = transcript(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("error: a lock file is in the way: "),
        "{text}"
    );
    assert!(text.contains("main.lock"), "{text}");
    assert!(
        text.contains("delete the `.lock` file named above"),
        "{text}"
    );
    assert!(!text.contains("cannot reach"), "{text}");
    std::fs::remove_file(&lock).unwrap();
    assert!(sync(&w.b).status.success());
}

/// A sync that brings an error names it and exits 1; an error the plan already had before the
/// sync is not named again (the plan as it was is read from the commit the sync started from).
#[test]
fn only_the_errors_a_sync_brings_are_named() {
    let w = world();
    edit(&w.a, "pilot-tunis", "A lead nobody knows", |a| {
        a.lead = Some(khutta::model::Id::new_unchecked("nobody-known"))
    });
    let first = sync(&w.a);
    assert_eq!(first.status.code(), Some(0), "{}", transcript(&first));
    edit(&w.b, "egm-cairo-2021", "Another lead nobody knows", |a| {
        a.lead = Some(khutta::model::Id::new_unchecked("nobody-else"))
    });
    // b merges a's error into a plan that had its own: only a's is new to b.
    let out = sync(&w.b);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("1 error it did not have before"), "{text}");
    assert!(text.contains("pilot-tunis"), "{text}");
    assert!(!text.contains("egm-cairo-2021.ron"), "{text}");
    // a receives b's: only that one is new to a.
    let out = sync(&w.a);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("1 error it did not have before"), "{text}");
    assert!(text.contains("egm-cairo-2021"), "{text}");
    assert!(!text.contains("pilot-tunis.ron"), "{text}");
}
