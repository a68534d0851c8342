//! Credentials as git finds them, over smart HTTP with a password: the clone's own
//! credential helper, a refused password tried once, and a password asked once on a
//! terminal.

use crate::support::cmd::{git_ok, khutta, output_bounded, transcript};
use crate::support::http::HttpGit;
use crate::support::tmux::Tmux;
use crate::support::world::{edit, plan};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Far above any real sync: only a hang or a loop reaches it.
const BOUND: Duration = Duration::from_secs(120);

struct HttpWorld {
    _dir: tempfile::TempDir,
    server: HttpGit,
    a: PathBuf,
    b: PathBuf,
}

fn http_world() -> HttpWorld {
    let dir = tempfile::tempdir().unwrap();
    crate::support::cmd::init_bundled(dir.path(), "seed");
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    git_ok(
        dir.path(),
        &["clone", "-q", "--bare", "seed", "served/origin.git"],
    );
    let server = HttpGit::start(&served, "partner", "s3cret");
    for who in ["a", "b"] {
        git_ok(dir.path(), &["clone", "-q", "served/origin.git", who]);
        let clone = dir.path().join(who);
        git_ok(
            &clone,
            &["remote", "set-url", "origin", &server.url("origin.git")],
        );
        let setup = khutta(&clone).arg("git-setup").output().unwrap();
        assert!(setup.status.success(), "{}", transcript(&setup));
    }
    HttpWorld {
        a: dir.path().join("a"),
        b: dir.path().join("b"),
        server,
        _dir: dir,
    }
}

/// A credential helper in the clone's own config (`git config credential.helper ...`).
fn helper(clone: &Path, password: &str) {
    let script = format!("!f() {{ echo username=partner; echo password={password}; }}; f");
    git_ok(clone, &["config", "--local", "credential.helper", &script]);
}

fn sync(clone: &Path) -> std::process::Output {
    output_bounded(khutta(clone).arg("sync"), BOUND)
}

#[test]
fn the_clone_s_own_credential_helper_is_used() {
    let w = http_world();
    helper(&w.a, "s3cret");
    helper(&w.b, "s3cret");
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 71);
    assert_eq!(
        transcript(&sync(&w.a)),
        "synced with origin: sent yours\n--- exit 0\n"
    );
    assert_eq!(
        transcript(&sync(&w.b)),
        "synced with origin: took their changes\n--- exit 0\n"
    );
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 71);
}

#[test]
fn a_refused_password_is_sent_once_and_the_error_says_what_to_do() {
    let w = http_world();
    helper(&w.a, "not-the-password");
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 72);
    let out = sync(&w.a);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "error: `origin` refused: authentication failed; tried git's credential helper"
        ),
        "{text}"
    );
    assert!(text.contains("hint: "), "{text}");
    assert_eq!(w.server.with_credentials(), 1, "{text}");
}

#[test]
fn a_password_is_asked_once_on_a_terminal() {
    let w = http_world();
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 73);
    let t = Tmux::start(&["sync"], &w.a, 140, 20);
    t.wait_for("user name for http://127.0.0.1:");
    t.type_text("partner");
    t.keys(&["Enter"]);
    t.wait_for("password for http://127.0.0.1:");
    t.type_text("s3cret");
    t.keys(&["Enter"]);
    let screen = t.wait_for("synced with origin: sent yours");
    assert!(
        !screen.contains("s3cret"),
        "the password was echoed:\n{screen}"
    );
    assert!(matches!(t.wait_exit(), Some(0) | None), "{}", t.screen());
    helper(&w.b, "s3cret");
    assert!(sync(&w.b).status.success());
    assert_eq!(plan(&w.b).activities["pilot-tunis"].progress, 73);
}
