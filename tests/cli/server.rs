//! What a server does during `khutta sync`: a hook's words reach the user, a server that
//! never answers ends the sync with a clear error, and Ctrl-C stops a sync cleanly.

use crate::support::cmd::{git_ok, khutta, output_bounded, transcript};
use crate::support::world::{edit, fsck, hook, sync, world};
use std::io::Read;
use std::time::Duration;

/// Far above any real sync: only a hang reaches it.
const BOUND: Duration = Duration::from_secs(120);

#[test]
fn a_hook_s_words_reach_the_user_when_it_accepts_and_when_it_refuses() {
    let w = world();
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\necho 'thanks: the steering committee is notified'\nexit 0\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 91);
    let out = sync(&w.a);
    assert_eq!(
        transcript(&out),
        "synced with origin: sent yours\n--- stderr\n\
         remote: thanks: the steering committee is notified\n--- exit 0\n"
    );
    // A refusal, with an escape sequence that must not reach the terminal as one.
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\nprintf 'main is protected: \\033[31msend a pull request\\033[0m\\n' >&2\nexit 1\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 92);
    let out = sync(&w.a);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("remote: main is protected: \\u{1b}[31msend a pull request\\u{1b}[0m\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("error: the server refused"), "{text}");
    assert!(text.contains("hint: nothing was lost"), "{text}");
}

#[test]
fn a_server_that_never_answers_ends_the_sync_with_a_clear_error() {
    let w = world();
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 93);
    let head = git_ok(&w.a, &["rev-parse", "HEAD"]);
    // The system accepts connections on the listener's behalf; nobody ever answers them.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let url = format!("git://127.0.0.1:{port}/origin.git");
    git_ok(&w.a, &["remote", "set-url", "origin", &url]);
    let out = output_bounded(
        khutta(&w.a).arg("sync").env("KHUTTA_NET_TIMEOUT", "2"),
        BOUND,
    );
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("error: `origin` said nothing for 2 s, so the sync stopped"),
        "{text}"
    );
    assert!(text.contains("KHUTTA_NET_TIMEOUT"), "{text}");
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
    drop(silent);
}

#[test]
fn ctrl_c_stops_a_sync_and_leaves_nothing_half_done() {
    let w = world();
    // A hook that takes its time, saying so: the sync is caught while the server works.
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\necho 'checking the plan'\ni=0\nwhile [ $i -lt 300 ]; do echo \"still checking $i\"; sleep 0.2; i=$((i+1)); done\nexit 0\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 94);
    let head = git_ok(&w.a, &["rev-parse", "HEAD"]);
    let theirs = git_ok(&w.origin, &["rev-parse", "main"]);
    let mut child = khutta(&w.a)
        .arg("sync")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = child.stderr.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    // Read stderr until the hook speaks: the push is under way.
    while !String::from_utf8_lossy(&seen).contains("remote: checking the plan\n") {
        assert_eq!(
            err.read(&mut byte).unwrap(),
            1,
            "{}",
            String::from_utf8_lossy(&seen)
        );
        seen.push(byte[0]);
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let reader = std::thread::spawn(move || {
        let _ = err.read_to_end(&mut seen);
        seen
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < BOUND,
            "the sync did not stop after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let said = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
    assert_eq!(status.code(), Some(2), "{said}");
    assert!(said.contains("error: the sync was cancelled"), "{said}");
    assert!(said.contains("hint: nothing was lost"), "{said}");
    // Ours as it was, theirs untouched, no lock left behind.
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
    assert_eq!(git_ok(&w.a, &["status", "--porcelain"]), "");
    assert_eq!(git_ok(&w.origin, &["rev-parse", "main"]), theirs);
    let mut locks = Vec::new();
    find_locks(&w.a.join(".git"), &mut locks);
    assert!(locks.is_empty(), "{locks:?}");
    fsck(&w.a);
    // Once the hook lets it through, the next sync sends what Ctrl-C held back.
    hook(&w.origin, "pre-receive", "#!/bin/sh\nexit 0\n");
    assert_eq!(
        transcript(&sync(&w.a)),
        "synced with origin: sent yours\n--- exit 0\n"
    );
}

fn find_locks(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            find_locks(&p, out);
        } else if p.extension().is_some_and(|x| x == "lock") {
            out.push(p);
        }
    }
}

#[test]
fn a_detached_head_says_what_to_do() {
    let w = world();
    git_ok(&w.a, &["checkout", "-q", "--detach"]);
    let out = sync(&w.a);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("hint: switch to the plan's branch"), "{text}");
}

/// In the TUI, in a real terminal: the server's words show while it works, and `esc`
/// cancels the sync the worker runs.
#[test]
fn esc_in_the_tui_cancels_a_sync_while_the_server_works() {
    let w = world();
    hook(
        &w.origin,
        "pre-receive",
        "#!/bin/sh\ni=0\nwhile [ $i -lt 300 ]; do echo \"still checking $i\"; sleep 0.2; i=$((i+1)); done\nexit 0\n",
    );
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 95);
    let theirs = git_ok(&w.origin, &["rev-parse", "main"]);
    let t = crate::support::tmux::Tmux::start(&["."], &w.a, 120, 30);
    t.wait_for("Overview");
    t.keys(&["S"]);
    t.wait_for("syncing: remote: still checking");
    t.keys(&["Escape"]);
    t.wait_for("the sync was cancelled");
    t.keys(&["q"]);
    assert!(matches!(t.wait_exit(), Some(0) | None), "{}", t.screen());
    assert_eq!(git_ok(&w.origin, &["rev-parse", "main"]), theirs);
    assert_eq!(git_ok(&w.a, &["status", "--porcelain"]), "");
}
