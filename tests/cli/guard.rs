//! `khutta guard` on real servers: Debian's gitolite3 behind OpenSSH on 127.0.0.1, three
//! partners with keys of their own, and the guard as the plan repository's pre-receive hook.
//! A city's push that changes its own pilot lands; one that changes another city's budget is
//! refused, and the refusal (commit, entity, field, rule) reaches the partner's `khutta sync`
//! and the TUI. With `signing: Required`, unsigned pushes are refused and signed ones taken.

use crate::support::cmd::{git_ok, khutta, output_bounded, transcript};
use crate::support::gitolite::{Gitolite, git_with_key};
use crate::support::sshd::{Agent, keygen};
use crate::support::tmux::Tmux;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

/// Far above any real sync: only a hang or a loop reaches it.
const BOUND: Duration = Duration::from_secs(120);

/// One partner's person: a gitolite user with a key of their own, held by their agent.
struct Person {
    user: &'static str,
    name: &'static str,
    email: &'static str,
    partner: &'static str,
    key: PathBuf,
    agent: Agent,
    clone: PathBuf,
}

struct GuardWorld {
    _dir: tempfile::TempDir,
    server: Gitolite,
    /// ESCWA (coordinator), Amman, Tunis.
    people: Vec<Person>,
}

const PEOPLE: [(&str, &str, &str, &str); 3] = [
    ("amal", "Amal Haddad", "amal@escwa.example", "escwa"),
    (
        "rami",
        "Rami Khalil",
        "rami@amman.example",
        "greater-amman-municipality",
    ),
    (
        "leila",
        "Leila Ben Salah",
        "leila@tunis.example",
        "tunis-municipality",
    ),
];

/// The rules: ESCWA coordinates; each city may change its own pilot's progress, status and
/// budget, and nothing else.
fn governance(people: &[(&str, &str, &str, &str, String)], signing: &str) -> String {
    let mut s = format!(
        "Governance(\n    signing: {signing},\n    coordinators: [\"escwa\"],\n    people: [\n"
    );
    for (_, name, email, partner, key) in people {
        s.push_str(&format!(
            "        Person(name: \"{name}\", email: \"{email}\", partner: \"{partner}\", keys: [\"{}\"]),\n",
            key.trim()
        ));
    }
    s.push_str("    ],\n    grants: [\n");
    for (partner, pilot) in [
        ("greater-amman-municipality", "pilot-amman"),
        ("tunis-municipality", "pilot-tunis"),
    ] {
        s.push_str(&format!(
            "        Grant(partner: \"{partner}\", may: [Change(kind: Activity, ids: \"{pilot}\", fields: [\"progress\", \"status\", \"budget\"])]),\n"
        ));
    }
    s.push_str("    ],\n)\n");
    s
}

fn guard_world(signing: &str) -> GuardWorld {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    std::fs::create_dir_all(&keys).unwrap();
    let mut made = Vec::new();
    for (user, name, email, partner) in PEOPLE {
        let key = keys.join(user);
        keygen(&key, "");
        let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
        made.push((user, name, email, partner, public));
    }
    let pubs: Vec<(&str, PathBuf)> = PEOPLE
        .iter()
        .map(|(u, ..)| (*u, keys.join(format!("{u}.pub"))))
        .collect();
    let users: Vec<(&str, &Path)> = pubs.iter().map(|(u, p)| (*u, p.as_path())).collect();
    let server = Gitolite::start(dir.path(), &users, "plan");
    // The coordinator starts the plan with its rules, and the administrator puts it on the
    // server before the guard is installed.
    crate::support::cmd::init_bundled(dir.path(), "seed");
    let seed = dir.path().join("seed");
    std::fs::write(seed.join("governance.ron"), governance(&made, signing)).unwrap();
    git_ok(&seed, &["add", "governance.ron"]);
    git_ok(
        &seed,
        &[
            "-c",
            "user.name=Amal Haddad",
            "-c",
            "user.email=amal@escwa.example",
            "commit",
            "-qm",
            "Who may change what",
        ],
    );
    let branch = git_ok(&seed, &["symbolic-ref", "--short", "HEAD"]);
    let branch = branch.trim();
    let push = git_with_key(&seed, &server.admin, &server.home)
        .args([
            "push",
            "-q",
            &server.url("plan"),
            &format!("HEAD:refs/heads/{branch}"),
        ])
        .output()
        .unwrap();
    assert!(push.status.success(), "{}", transcript(&push));
    let bare = server.repository("plan");
    git_ok(
        &bare,
        &["symbolic-ref", "HEAD", &format!("refs/heads/{branch}")],
    );
    let install = khutta(dir.path())
        .args(["guard", "install"])
        .arg(&bare)
        .output()
        .unwrap();
    assert!(install.status.success(), "{}", transcript(&install));
    let mut people = Vec::new();
    for (user, name, email, partner, _) in made {
        let key = keys.join(user);
        let clone = dir.path().join(user);
        let out = git_with_key(dir.path(), &key, &server.home)
            .args(["clone", "-q", &server.url("plan")])
            .arg(&clone)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", transcript(&out));
        let setup = khutta(&clone).arg("git-setup").output().unwrap();
        assert!(setup.status.success(), "{}", transcript(&setup));
        people.push(Person {
            user,
            name,
            email,
            partner,
            agent: Agent::start(&[&key]),
            key,
            clone,
        });
    }
    GuardWorld {
        _dir: dir,
        server,
        people,
    }
}

impl Person {
    /// `khutta ARGS` in this person's clone, as this person: their git identity, their agent,
    /// the HOME whose known_hosts trusts the server.
    fn khutta(&self, w: &GuardWorld) -> Command {
        let mut cmd = khutta(&self.clone);
        for (k, v) in self.env(w) {
            cmd.env(k, v);
        }
        cmd
    }

    fn env(&self, w: &GuardWorld) -> Vec<(&'static str, String)> {
        vec![
            ("HOME", w.server.home.display().to_string()),
            ("SSH_AUTH_SOCK", self.agent.socket.display().to_string()),
            ("GIT_AUTHOR_NAME", self.name.to_owned()),
            ("GIT_AUTHOR_EMAIL", self.email.to_owned()),
            ("GIT_COMMITTER_NAME", self.name.to_owned()),
            ("GIT_COMMITTER_EMAIL", self.email.to_owned()),
        ]
    }

    fn sync(&self, w: &GuardWorld, lang: &str) -> Output {
        output_bounded(self.khutta(w).args(["--lang", lang, "sync"]), BOUND)
    }

    /// Changes a line of an activity's file and commits it with khutta.
    fn commit(&self, w: &GuardWorld, activity: &str, from: &str, to: &str, message: &str) {
        let f = self.clone.join(format!("activities/{activity}.ron"));
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.contains(from), "{activity}: {text}");
        std::fs::write(&f, text.replacen(from, to, 1)).unwrap();
        let out = self
            .khutta(w)
            .args(["commit", "-m", message])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", transcript(&out));
    }
}

fn server_head(w: &GuardWorld) -> String {
    git_ok(&w.server.repository("plan"), &["rev-parse", "HEAD"])
}

#[test]
fn a_city_changes_its_own_pilot_and_not_another_city_s_budget() {
    let w = guard_world("Optional");
    let (rami, leila) = (&w.people[1], &w.people[2]);
    assert_eq!((rami.user, leila.partner), ("rami", "tunis-municipality"));
    rami.commit(
        &w,
        "pilot-amman",
        "progress: 70",
        "progress: 75",
        "Amman at 75",
    );
    let out = rami.sync(&w, "en");
    assert_eq!(
        transcript(&out),
        "synced with origin: sent yours\n--- exit 0\n",
        "sshd's log:\n{}",
        w.server.log()
    );
    let before = server_head(&w);
    let out = leila.sync(&w, "en");
    assert!(out.status.success(), "{}", transcript(&out));
    leila.commit(
        &w,
        "pilot-amman",
        "amount: \"100000\"",
        "amount: \"150000\"",
        "More for Amman",
    );
    let out = leila.sync(&w, "en");
    let said = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    let id = git_ok(&leila.clone, &["rev-parse", "--short=10", "HEAD"]);
    assert!(
        said.contains(
            "remote: khutta guard refused the push to refs/heads/main: 1 change the plan's rules do not allow\n"
        ),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "remote: commit {} \"More for Amman\" by Leila Ben Salah <leila@tunis.example>: activity pilot-amman, field budget[grants · development-partner-grant].amount: rule not-granted: ",
            id.trim()
        )),
        "{said}"
    );
    assert!(said.contains("pre-receive hook declined"), "{said}");
    // Nothing landed.
    assert_eq!(server_head(&w), before);
    // The partner's own language around the server's (English) words.
    let ar = leila.sync(&w, "ar");
    let said = transcript(&ar);
    assert!(
        said.contains("الخادم: khutta guard refused the push") && said.contains("رفض الخادم"),
        "{said}"
    );
    // A server that speaks Arabic: the hook written again with `--lang ar`.
    let bare = w.server.repository("plan");
    let install = khutta(w.server.dir())
        .args(["--lang", "ar", "guard", "install"])
        .arg(&bare)
        .output()
        .unwrap();
    assert!(install.status.success(), "{}", transcript(&install));
    let said = transcript(&leila.sync(&w, "en"));
    assert!(
        said.contains(&format!(
            "remote: الإيداع {} «More for Amman» من Leila Ben Salah <leila@tunis.example>: النشاط pilot-amman، الحقل budget[grants · development-partner-grant].amount: القاعدة not-granted: ",
            id.trim()
        )),
        "{said}"
    );
    // The TUI shows the whole refusal once its sync fails.
    let env: Vec<(&str, String)> = leila.env(&w);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let t = Tmux::start_env(&[], &leila.clone, 120, 40, &env);
    t.wait_for("open-government-nua");
    t.keys(&["S"]);
    let screen = t.wait_for("not-granted");
    assert!(
        // The line's name may wrap in the window: its source and field end it.
        screen.contains("development-partner-grant].amount") && screen.contains("pilot-amman"),
        "{screen}"
    );
}

#[test]
fn with_signing_required_only_signed_pushes_land() {
    let w = guard_world("Required");
    let rami = &w.people[1];
    rami.commit(
        &w,
        "pilot-amman",
        "progress: 70",
        "progress: 75",
        "Amman at 75",
    );
    let before = server_head(&w);
    let out = rami.sync(&w, "en");
    let said = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("\"Amman at 75\" by Rami Khalil <rami@amman.example>: the commit: rule signing-required: the commit is not signed, and governance.ron asks for every commit to be signed by a key listed under its author"),
        "{said}"
    );
    assert_eq!(server_head(&w), before);
    // Signed with Rami's own key, held by his agent, the same change lands.
    git_ok(&rami.clone, &["reset", "-q", "--hard", "HEAD~1"]);
    let public = std::fs::read_to_string(rami.key.with_extension("pub")).unwrap();
    for (k, v) in [
        ("commit.gpgsign", "true".to_owned()),
        ("gpg.format", "ssh".to_owned()),
        ("user.signingkey", format!("key::{}", public.trim())),
    ] {
        git_ok(&rami.clone, &["config", k, &v]);
    }
    rami.commit(
        &w,
        "pilot-amman",
        "progress: 70",
        "progress: 75",
        "Amman at 75",
    );
    let out = rami.sync(&w, "en");
    assert_eq!(
        transcript(&out),
        "synced with origin: sent yours\n--- exit 0\n"
    );
    assert_ne!(server_head(&w), before);
    // khutta log names the signer from the plan's rules.
    let log = String::from_utf8_lossy(
        &rami
            .khutta(&w)
            .args(["log", "-n", "1"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(
        log.contains("\n    signed: Rami Khalil (greater-amman-municipality)\n"),
        "{log}"
    );
    // A commit signed by someone else's key does not pass as its author's.
    let leila = &w.people[2];
    let out = leila.sync(&w, "en");
    assert!(out.status.success(), "{}", transcript(&out));
    let rami_key = format!("key::{}", public.trim());
    for (k, v) in [
        ("commit.gpgsign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", rami_key.as_str()),
    ] {
        git_ok(&leila.clone, &["config", k, v]);
    }
    let f = leila.clone.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replacen("progress: 75", "progress: 76", 1)).unwrap();
    // Rami's agent signs, Leila's identity authors.
    let out = leila
        .khutta(&w)
        .env("SSH_AUTH_SOCK", &rami.agent.socket)
        .args(["commit", "-m", "Tunis at 76"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    let said = transcript(&leila.sync(&w, "en"));
    assert!(
        said.contains("rule key-not-listed: signed by the key of Rami Khalil (greater-amman-municipality), not of the author\n"),
        "{said}"
    );
    let _ = (&w.people[0].user, &leila.user);
}
