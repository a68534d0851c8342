//! Crash trials: `kill -9` at random moments during a save in the TUI, a commit, a sync and a
//! merge step, at least 50 of each. Afterwards every plan file reads, `git fsck` is clean, and
//! every edit is on disk, in git, or brought back by the recovery file.

use crate::support::cmd::{bundled_copy, git_ok, khutta, transcript};
use crate::support::tmux::Tmux;
use crate::support::world::{conflicted, edit, fsck, plan, remove_locks, sync, world};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const TRIALS: usize = 50;

/// Deterministic "random" delays in microseconds, spread over `0..max`.
struct Delays(u64);

impl Delays {
    fn next(&mut self, max: u64) -> Duration {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        Duration::from_micros((self.0 >> 33) % max)
    }
}

/// Starts `khutta ARGS` in `cwd` and kills it with SIGKILL after `delay`.
fn kill_after(cwd: &Path, args: &[&str], delay: Duration) {
    let mut child = khutta(cwd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

/// Every plan file reads: no syntax or type error anywhere.
fn reads(root: &Path) {
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    let broken: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(broken.is_empty(), "{broken:?}");
}

fn tag(i: usize) -> String {
    format!("trial-{i}")
}

/// A save of every activity, killed at random: each activity's new tag is on disk or in the
/// recovery file, which the next session offers back.
#[test]
fn a_save_killed_at_any_moment_loses_no_edit() {
    let dir = bundled_copy();
    let root = dir.path();
    let state = crate::support::cmd::test_home().join(".state/khutta");
    let recovery = khutta::tui::recovery::location(root, &state).unwrap();
    let mut delays = Delays(7);
    for i in 0..TRIALS {
        // Unsaved edits of every activity, as a crashed session leaves them.
        let loaded = khutta::store::load_with_cache(root, None).unwrap();
        let mut doc = khutta::document::Document::new(loaded);
        let ids: Vec<_> = doc.plan.activities.keys().cloned().collect();
        for id in &ids {
            let e = khutta::edit::Edit::update(
                &doc.plan,
                khutta::model::EntityKind::Activity,
                id,
                "tags",
                |e| {
                    if let khutta::model::Entity::Activity(a) = e {
                        a.tags.push(tag(i));
                    }
                    Ok::<(), ()>(())
                },
            )
            .unwrap()
            .unwrap();
            doc.apply(e).unwrap();
        }
        khutta::tui::recovery::write(&recovery, &doc).unwrap();
        // The next session brings them back and saves; it is killed part way.
        let t = Tmux::start(&["."], root, 100, 30);
        t.wait_for("unsaved change");
        t.keys(&["r"]);
        t.wait_for("recovered");
        t.keys(&["C-s"]);
        std::thread::sleep(delays.next(120_000));
        let pid = t.pid();
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        t.wait_exit();
        drop(t);
        reads(root);
        let on_disk = khutta::store::load_with_cache(root, None).unwrap();
        let kept = std::fs::read_to_string(&recovery).unwrap_or_default();
        for id in &ids {
            let saved = on_disk.plan.activities[id.as_str()].tags.contains(&tag(i));
            assert!(
                saved || kept.contains(&tag(i)),
                "trial {i}: {id}'s edit is neither saved nor kept for recovery"
            );
        }
        // Whatever the kill left unsaved, the next session offers back and saves.
        if !on_disk
            .plan
            .activities
            .values()
            .all(|a| a.tags.contains(&tag(i)))
        {
            let t = Tmux::start(&["."], root, 100, 30);
            t.wait_for("unsaved change");
            t.keys(&["r"]);
            t.wait_for("recovered");
            t.keys(&["C-s"]);
            t.wait_for("written");
            t.keys(&["q"]);
            t.wait_exit();
            let now = khutta::store::load_with_cache(root, None).unwrap();
            assert!(
                now.plan
                    .activities
                    .values()
                    .all(|a| a.tags.contains(&tag(i)))
            );
        }
        let _ = std::fs::remove_file(&recovery);
    }
}

/// A commit of many files, killed at random: the repository stays sound and the edits stay
/// in the work tree or in the commit.
#[test]
fn a_commit_killed_at_any_moment_loses_no_edit() {
    let w = world();
    let mut delays = Delays(11);
    for i in 0..TRIALS {
        let mut loaded = khutta::store::load_with_cache(&w.a, None).unwrap();
        let mut p = loaded.plan.clone();
        for a in p.activities.values_mut() {
            a.tags.push(tag(i));
        }
        khutta::store::save(&mut loaded, &p).unwrap();
        kill_after(&w.a, &["commit", "-m", &tag(i)], delays.next(60_000));
        remove_locks(&w.a.join(".git"));
        fsck(&w.a);
        reads(&w.a);
        assert!(
            plan(&w.a)
                .activities
                .values()
                .all(|a| a.tags.contains(&tag(i))),
            "trial {i}: the work tree lost edits"
        );
        // Committed now or in the next command: the history holds every edit.
        let _ = khutta(&w.a)
            .args(["commit", "-m", &tag(i)])
            .output()
            .unwrap();
        assert_eq!(git_ok(&w.a, &["status", "--porcelain"]), "", "trial {i}");
    }
}

/// A partner's change and one of ours, then our sync killed at random: the repository stays
/// sound, our commit stays in our history, no merge is left half-made, and the next sync
/// finishes the job.
#[test]
fn a_sync_killed_at_any_moment_loses_no_edit() {
    let w = world();
    let mut delays = Delays(13);
    let ids: Vec<String> = plan(&w.a)
        .activities
        .keys()
        .map(|k| k.to_string())
        .collect();
    for i in 0..TRIALS {
        let id = &ids[i % ids.len()];
        edit(&w.a, id, &format!("a{i}"), |a| a.tags.push(format!("a{i}")));
        assert!(sync(&w.a).status.success());
        edit(&w.b, id, &format!("b{i}"), |a| a.tags.push(format!("b{i}")));
        let mine = git_ok(&w.b, &["rev-parse", "HEAD"]).trim().to_owned();
        kill_after(&w.b, &["sync"], delays.next(150_000));
        remove_locks(&w.b.join(".git"));
        fsck(&w.b);
        reads(&w.b);
        let kept = crate::support::cmd::git(&w.b)
            .args(["merge-base", "--is-ancestor", &mine, "HEAD"])
            .status()
            .unwrap();
        assert!(kept.success(), "trial {i}: our commit left the history");
        if !git_ok(&w.b, &["status", "--porcelain"]).is_empty() {
            // Killed between writing the merged files and committing them: the merge is in
            // the work tree, and committing it keeps every edit.
            let out = khutta(&w.b)
                .args(["commit", "-m", "the interrupted merge"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", transcript(&out));
        }
        let out = sync(&w.b);
        assert!(out.status.success(), "trial {i}: {}", transcript(&out));
        let tags = &plan(&w.b).activities[id.as_str()].tags;
        assert!(
            tags.contains(&format!("a{i}")) && tags.contains(&format!("b{i}")),
            "trial {i}: {tags:?}"
        );
    }
    assert!(sync(&w.a).status.success());
    assert_eq!(plan(&w.a), plan(&w.b));
    fsck(&w.origin);
}

/// Settling the conflict and making the merge commit, each killed at random after a hand
/// edit of another file: the repository stays sound, the plan reads, the hand edit is never
/// lost, and the merge is either still waiting or committed.
#[test]
fn merge_steps_killed_at_any_moment_lose_no_edit() {
    let w = conflicted();
    let escwa = w.b.join("partners/escwa.ron");
    let original = std::fs::read_to_string(&escwa).unwrap();
    let ours = git_ok(&w.b, &["rev-parse", "HEAD"]).trim().to_owned();
    let mut delays = Delays(17);
    for i in 0..TRIALS {
        let by_hand = format!("acronym: \"ESCWA-{i}\"");
        std::fs::write(&escwa, original.replace("acronym: \"ESCWA\"", &by_hand)).unwrap();
        let step: &[&str] = if i % 2 == 0 {
            &["merge", "--take", "theirs", "1"]
        } else {
            // The conflict is settled first, so that the merge commit can be made.
            let out = khutta(&w.b)
                .args(["merge", "--take", "theirs", "all"])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", transcript(&out));
            &["merge", "--continue"]
        };
        kill_after(&w.b, step, delays.next(80_000));
        remove_locks(&w.b.join(".git"));
        fsck(&w.b);
        reads(&w.b);
        assert!(
            std::fs::read_to_string(&escwa).unwrap().contains(&by_hand),
            "trial {i}: the hand edit is gone"
        );
        let head = git_ok(&w.b, &["rev-parse", "HEAD"]).trim().to_owned();
        let waiting = khutta::repo::PlanRepo::open(&w.b)
            .ok()
            .and_then(|r| khutta::repo::in_progress(&r).ok().flatten())
            .is_some();
        assert!(
            waiting || head != ours,
            "trial {i}: neither waiting nor merged"
        );
        // A fresh conflict for the next trial.
        if waiting {
            let out = khutta(&w.b).args(["merge", "--abort"]).output().unwrap();
            assert!(out.status.success(), "trial {i}: {}", transcript(&out));
        }
        std::fs::write(&escwa, &original).unwrap();
        git_ok(&w.b, &["reset", "-q", "--hard", &ours]);
        assert_eq!(sync(&w.b).status.code(), Some(1), "trial {i}");
    }
}
