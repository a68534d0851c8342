//! `khutta sync` over `ssh://` against a real OpenSSH server on 127.0.0.1: keys from an
//! ssh-agent, from `~/.ssh`, refused keys, and a key with a passphrase.

use crate::support::cmd::{git_ok, khutta, output_bounded, transcript};
use crate::support::sshd::{Agent, Sshd, fingerprint, keygen};
use crate::support::tmux::Tmux;
use crate::support::world::{edit, plan};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Far above any real sync: only a hang or a loop reaches it.
const BOUND: Duration = Duration::from_secs(120);

/// An origin served by sshd and two partners' clones whose `origin` is its `ssh://` URL.
struct SshWorld {
    dir: tempfile::TempDir,
    sshd: Sshd,
    /// The HOME of every khutta run here: `~/.ssh/known_hosts` trusts the server.
    home: PathBuf,
    /// The key the server accepts (`key`, `key.pub`).
    key: PathBuf,
    a: PathBuf,
    b: PathBuf,
}

fn ssh_world() -> SshWorld {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let keys = dir.path().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    let key = keys.join("partner");
    keygen(&key, "");
    let sshd = Sshd::start(&home, &[&key.with_extension("pub")]);
    crate::support::cmd::init_bundled(dir.path(), "seed");
    git_ok(dir.path(), &["clone", "-q", "--bare", "seed", "origin.git"]);
    let url = sshd.url(&dir.path().join("origin.git"));
    for who in ["a", "b"] {
        git_ok(dir.path(), &["clone", "-q", "origin.git", who]);
        let clone = dir.path().join(who);
        git_ok(&clone, &["remote", "set-url", "origin", &url]);
        let setup = khutta(&clone).arg("git-setup").output().unwrap();
        assert!(setup.status.success(), "{}", transcript(&setup));
    }
    SshWorld {
        a: dir.path().join("a"),
        b: dir.path().join("b"),
        home,
        key,
        sshd,
        dir,
    }
}

impl SshWorld {
    /// `khutta sync` in `clone` with this world's HOME, through `agent` when given.
    fn sync(&self, clone: &Path, agent: Option<&Agent>) -> std::process::Output {
        let mut cmd = khutta(clone);
        cmd.arg("sync").env("HOME", &self.home);
        if let Some(agent) = agent {
            cmd.env("SSH_AUTH_SOCK", &agent.socket);
        }
        output_bounded(&mut cmd, BOUND)
    }

    /// Puts `key` (and its `.pub`) in `~/.ssh/id_ed25519` of this world's HOME.
    fn key_file(&self, key: &Path) {
        let ssh = self.home.join(".ssh");
        std::fs::copy(key, ssh.join("id_ed25519")).unwrap();
        std::fs::copy(key.with_extension("pub"), ssh.join("id_ed25519.pub")).unwrap();
    }

    /// A key pair the server does not accept.
    fn other_key(&self, name: &str, passphrase: &str) -> PathBuf {
        let key = self.dir.path().join("keys").join(name);
        keygen(&key, passphrase);
        key
    }

    /// A's change reaches B: both plans end equal, with it.
    fn a_change_travels(&self, agent: Option<&Agent>) {
        edit(&self.a, "pilot-tunis", "Progress from Tunis", |a| {
            a.progress = 81
        });
        let out = self.sync(&self.a, agent);
        assert_eq!(
            transcript(&out),
            "synced with origin: sent yours\n--- exit 0\n",
            "sshd's log:\n{}",
            self.sshd.log()
        );
        let out = self.sync(&self.b, agent);
        assert_eq!(
            transcript(&out),
            "synced with origin: took their changes\n--- exit 0\n"
        );
        assert_eq!(plan(&self.b).activities["pilot-tunis"].progress, 81);
        assert_eq!(plan(&self.a), plan(&self.b));
    }
}

#[test]
fn sync_through_an_ssh_agent() {
    let w = ssh_world();
    // No key file in ~/.ssh: only the agent holds the key.
    let agent = Agent::start(&[&w.key]);
    w.a_change_travels(Some(&agent));
}

#[test]
fn sync_with_a_key_file_and_no_agent() {
    let w = ssh_world();
    w.key_file(&w.key);
    w.a_change_travels(None);
}

#[test]
fn a_refused_key_gives_a_hint_and_is_tried_once() {
    let w = ssh_world();
    let in_agent = w.other_key("in-agent", "");
    let in_file = w.other_key("in-file", "");
    let agent = Agent::start(&[&in_agent]);
    w.key_file(&in_file);
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 82);
    let head = git_ok(&w.a, &["rev-parse", "HEAD"]);
    let out = w.sync(&w.a, Some(&agent));
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("error: `origin` refused"), "{text}");
    assert!(text.contains("ssh-agent as `"), "{text}");
    assert!(text.contains("id_ed25519"), "{text}");
    assert!(text.contains("hint: "), "{text}");
    // Each key was offered to the server once, not again and again.
    let log = w.sshd.log();
    for key in [&in_agent, &in_file] {
        let fp = fingerprint(&key.with_extension("pub"));
        let offered = log
            .lines()
            .filter(|l| l.contains("Failed publickey") && l.contains(&fp))
            .count();
        assert_eq!(
            offered, 1,
            "{fp} offered {offered} times; sshd's log:\n{log}"
        );
    }
    assert_eq!(git_ok(&w.a, &["rev-parse", "HEAD"]), head);
}

#[test]
fn a_key_with_a_passphrase_and_no_terminal_says_to_use_the_agent() {
    let w = ssh_world();
    let locked = w.dir.path().join("keys/locked");
    std::fs::copy(&w.key, &locked).unwrap();
    std::fs::copy(w.key.with_extension("pub"), locked.with_extension("pub")).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-p", "-N", "open sesame", "-P", "", "-f"])
        .arg(&locked)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    w.key_file(&locked);
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 83);
    let out = w.sync(&w.a, None);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("has a passphrase"), "{text}");
    assert!(text.contains("ssh-add"), "{text}");
    assert!(!text.contains("cannot reach"), "{text}");
}

#[test]
fn a_key_with_a_passphrase_is_asked_for_once_on_a_terminal() {
    let w = ssh_world();
    let locked = w.dir.path().join("keys/locked");
    std::fs::copy(&w.key, &locked).unwrap();
    std::fs::copy(w.key.with_extension("pub"), locked.with_extension("pub")).unwrap();
    let out = std::process::Command::new("ssh-keygen")
        .args(["-q", "-p", "-N", "open sesame", "-P", "", "-f"])
        .arg(&locked)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    w.key_file(&locked);
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 84);
    let home = w.home.to_string_lossy().into_owned();
    let t = Tmux::start_env(&["sync"], &w.a, 120, 20, &[("HOME", &home)]);
    t.wait_for("passphrase for");
    t.type_text("open sesame");
    t.keys(&["Enter"]);
    let screen = t.wait_for("synced with origin");
    assert!(
        !screen.contains("open sesame"),
        "the passphrase was echoed:\n{screen}"
    );
    assert!(matches!(t.wait_exit(), Some(0) | None), "{}", t.screen());
    let out = w.sync(&w.b, None);
    // B has no usable key (the file needs its passphrase, and B runs without a terminal).
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    git_ok(
        &w.b,
        &[
            "fetch",
            "-q",
            &w.dir.path().join("origin.git").to_string_lossy(),
        ],
    );
    let theirs = git_ok(&w.b, &["show", "FETCH_HEAD:activities/pilot-tunis.ron"]);
    assert!(theirs.contains("progress: 84,"), "{theirs}");
}

#[test]
fn a_server_whose_host_key_is_unknown_is_refused_with_what_to_do() {
    let w = ssh_world();
    let agent = Agent::start(&[&w.key]);
    std::fs::write(w.home.join(".ssh/known_hosts"), "").unwrap();
    edit(&w.a, "pilot-tunis", "a", |a| a.progress = 85);
    let out = w.sync(&w.a, Some(&agent));
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains(
            "error: `origin` cannot be trusted yet: its SSH host key is not in ~/.ssh/known_hosts"
        ),
        "{text}"
    );
    assert!(text.contains("hint: check the server's key"), "{text}");
}
