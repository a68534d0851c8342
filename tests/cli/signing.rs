//! Signed commits: `khutta commit` and the merges of `sync` sign with an SSH key when git is
//! set up to, stock git verifies what khutta signed, and `log` and `blame` say who signed.

use crate::support::cmd::{git, git_ok, khutta};
use crate::support::sshd::{Agent, fingerprint, keygen};
use crate::support::world::{self, world};
use std::path::{Path, PathBuf};

/// A plan repository made by `khutta init` from the bundled plan, and a key pair beside it.
struct Signed {
    _dir: tempfile::TempDir,
    plan: PathBuf,
    key: PathBuf,
    allowed: PathBuf,
}

fn signed_plan() -> Signed {
    let dir = tempfile::tempdir().unwrap();
    crate::support::cmd::init_bundled(dir.path(), "nua");
    let key = dir.path().join("id_ed25519");
    keygen(&key, "");
    let allowed = dir.path().join("allowed_signers");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    std::fs::write(&allowed, format!("author@khutta.invalid {public}")).unwrap();
    Signed {
        plan: dir.path().join("nua"),
        _dir: dir,
        key,
        allowed,
    }
}

fn sign_with(repo: &Path, key: &str) {
    git_ok(repo, &["config", "commit.gpgsign", "true"]);
    git_ok(repo, &["config", "gpg.format", "ssh"]);
    git_ok(repo, &["config", "user.signingkey", key]);
}

fn edit_progress(plan: &Path, from: &str, to: &str) {
    let f = plan.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(&f, text.replace(from, to)).unwrap();
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `git verify-commit REV` with the test's allowed signers: what git says, and whether it
/// accepted.
fn git_verifies(repo: &Path, allowed: &Path, rev: &str) -> (bool, String) {
    let file = format!("gpg.ssh.allowedSignersFile={}", allowed.display());
    let out = git(repo)
        .args(["-c", &file, "verify-commit", "-v", rev])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn commit_signs_with_a_key_file_and_stock_git_verifies_it() {
    let s = signed_plan();
    sign_with(&s.plan, &s.key.display().to_string());
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 80"])
        .output()
        .unwrap());
    let (good, said) = git_verifies(&s.plan, &s.allowed, "HEAD");
    assert!(good, "{said}");
    let print = fingerprint(&s.key.with_extension("pub"));
    assert!(
        said.contains(&format!(
            "Good \"git\" signature for author@khutta.invalid with ED25519 key {print}"
        )),
        "{said}"
    );
    let shown = git_ok(
        &s.plan,
        &[
            "-c",
            &format!("gpg.ssh.allowedSignersFile={}", s.allowed.display()),
            "log",
            "--show-signature",
            "-1",
        ],
    );
    assert!(shown.contains("Good \"git\" signature"), "{shown}");
    // The first commit, made before signing was on, is not signed, and git says so too.
    assert!(!git_verifies(&s.plan, &s.allowed, "HEAD~1").0);
    // khutta's log: the plan knows no key yet, so the key is named by its fingerprint.
    let log = ok(&khutta(&s.plan).arg("log").output().unwrap());
    let blocks: Vec<&str> = log.split("\n    ").collect();
    assert_eq!(
        blocks[1],
        format!("signed by an unknown key {print}"),
        "{log}"
    );
    assert!(log.contains("\n    unsigned\n    Start the plan"), "{log}");
    let ar = ok(&khutta(&s.plan)
        .args(["--lang", "ar", "log", "-n", "1"])
        .output()
        .unwrap());
    assert!(
        ar.contains(&format!("\n    موقَّع بمفتاح غير معروف {print}\n")),
        "{ar}"
    );
    // blame shows a signature column once a commit is signed.
    let blame = ok(&khutta(&s.plan)
        .args(["blame", "pilot-tunis", "--field", "progress"])
        .output()
        .unwrap());
    assert!(
        blame.contains(&format!("signed by an unknown key {print}  80")),
        "{blame}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(&khutta(&s.plan)
        .args([
            "blame",
            "pilot-tunis",
            "--field",
            "progress",
            "--format",
            "json",
        ])
        .output()
        .unwrap()))
    .unwrap();
    let sig = &json["fields"][0]["signature"];
    assert_eq!(sig["state"], "unknown-key", "{json}");
    assert_eq!(sig["fingerprint"], print.as_str(), "{json}");
}

#[test]
fn a_key_held_by_the_agent_signs_as_git_does() {
    let s = signed_plan();
    let agent = Agent::start(&[&s.key]);
    let public = std::fs::read_to_string(s.key.with_extension("pub")).unwrap();
    // Only the agent holds the private key now.
    std::fs::remove_file(&s.key).unwrap();
    for (n, key) in [
        format!("key::{}", public.trim()),
        s.key.with_extension("pub").display().to_string(),
    ]
    .iter()
    .enumerate()
    {
        sign_with(&s.plan, key);
        let (from, to) = [
            ("progress: 75", "progress: 76"),
            ("progress: 76", "progress: 77"),
        ][n];
        edit_progress(&s.plan, from, to);
        ok(&khutta(&s.plan)
            .args(["commit", "-m", to])
            .env("SSH_AUTH_SOCK", &agent.socket)
            .output()
            .unwrap());
        let (good, said) = git_verifies(&s.plan, &s.allowed, "HEAD");
        assert!(good, "{key}: {said}");
    }
    // Without the agent, the signature cannot be made and nothing is committed.
    edit_progress(&s.plan, "progress: 77", "progress: 78");
    let head = git_ok(&s.plan, &["rev-parse", "HEAD"]);
    let out = khutta(&s.plan)
        .args(["commit", "-m", "78"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ssh-keygen could not sign the commit")
            && err.contains("nothing was committed"),
        "{err}"
    );
    assert_eq!(git_ok(&s.plan, &["rev-parse", "HEAD"]), head);
}

#[test]
fn openpgp_signing_is_refused_rather_than_committing_unsigned() {
    let s = signed_plan();
    git_ok(&s.plan, &["config", "commit.gpgsign", "true"]);
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    let head = git_ok(&s.plan, &["rev-parse", "HEAD"]);
    let out = khutta(&s.plan)
        .args(["commit", "-m", "80"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("git is set to sign commits with openpgp (gpg.format), and khutta signs only with SSH keys; nothing was committed"),
        "{err}"
    );
    assert!(err.contains("git config gpg.format ssh"), "{err}");
    let ar = khutta(&s.plan)
        .args(["--lang", "ar", "commit", "-m", "80"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&ar.stderr);
    assert!(err.contains("ولا توقّع khutta إلا بمفاتيح SSH"), "{err}");
    git_ok(&s.plan, &["config", "gpg.format", "x509"]);
    let out = khutta(&s.plan)
        .args(["commit", "-m", "80"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("with x509"));
    // No key named: refused as well.
    git_ok(&s.plan, &["config", "gpg.format", "ssh"]);
    let out = khutta(&s.plan)
        .args(["commit", "-m", "80"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("user.signingkey names no key"));
    assert_eq!(git_ok(&s.plan, &["rev-parse", "HEAD"]), head);
}

#[test]
fn merges_made_by_sync_are_signed() {
    let w = world();
    let key = w.b.parent().unwrap().join("b_key");
    keygen(&key, "");
    sign_with(&w.b, &key.display().to_string());
    world::edit(&w.a, "pilot-tunis", "A: progress", |a| a.progress = 90);
    ok(&world::sync(&w.a));
    world::edit(&w.b, "pilot-amman", "B: progress", |a| a.progress = 10);
    ok(&world::sync(&w.b));
    assert_eq!(
        git_ok(&w.b, &["log", "-1", "--format=%p"])
            .split_whitespace()
            .count(),
        2
    );
    let allowed = w.b.parent().unwrap().join("allowed");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    std::fs::write(&allowed, format!("author@khutta.invalid {public}")).unwrap();
    for rev in ["HEAD", "HEAD^1"] {
        let (good, said) = git_verifies(&w.b, &allowed, rev);
        assert!(good, "{rev}: {said}");
    }
    // A's commit came unsigned, and khutta's log says which is which.
    let log = ok(&khutta(&w.b).args(["log", "-n", "3"]).output().unwrap());
    let marks: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("    signed") || l.starts_with("    unsigned"))
        .map(str::trim)
        .map(|l| l.split(" SHA256:").next().unwrap_or(l))
        .collect();
    assert_eq!(
        marks,
        [
            "signed by an unknown key",
            "signed by an unknown key",
            "unsigned"
        ],
        "{log}"
    );
}

#[test]
fn a_signature_that_does_not_hold_is_called_bad() {
    let s = signed_plan();
    sign_with(&s.plan, &s.key.display().to_string());
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 80"])
        .output()
        .unwrap());
    // The same commit with another message: the signature no longer covers it.
    let raw = git_ok(&s.plan, &["cat-file", "commit", "HEAD"]);
    let forged = raw.replace("Tunis at 80", "Tunis at 99");
    let mut cmd = git(&s.plan);
    let mut child = cmd
        .args(["hash-object", "-t", "commit", "-w", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(forged.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    git_ok(&s.plan, &["update-ref", "HEAD", &id]);
    assert!(!git_verifies(&s.plan, &s.allowed, "HEAD").0);
    let log = ok(&khutta(&s.plan).args(["log", "-n", "1"]).output().unwrap());
    assert!(
        log.contains("\n    bad signature: ") && log.contains("Tunis at 99"),
        "{log}"
    );
    let ar = ok(&khutta(&s.plan)
        .args(["--lang", "ar", "log", "-n", "1"])
        .output()
        .unwrap());
    assert!(ar.contains("\n    توقيع لا يصحّ: "), "{ar}");
}

#[test]
fn a_key_the_plan_s_rules_list_names_its_person() {
    let s = signed_plan();
    sign_with(&s.plan, &s.key.display().to_string());
    let public = std::fs::read_to_string(s.key.with_extension("pub")).unwrap();
    std::fs::write(
        s.plan.join("governance.ron"),
        format!(
            "Governance(\n    coordinators: [\"escwa\"],\n    people: [\n        Person(name: \"Amal Haddad\", email: \"author@khutta.invalid\", partner: \"escwa\", keys: [\"{}\"]),\n    ],\n)\n",
            public.trim()
        ),
    )
    .unwrap();
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Who may change what"])
        .output()
        .unwrap());
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 80"])
        .output()
        .unwrap());
    let log = ok(&khutta(&s.plan).args(["log", "-n", "2"]).output().unwrap());
    assert!(
        log.contains("\n    signed: Amal Haddad (escwa)\n    Tunis at 80\n"),
        "{log}"
    );
    assert!(log.contains("\n    unsigned\n    Start the plan"), "{log}");
    let ar = ok(&khutta(&s.plan)
        .args(["--lang", "ar", "log", "-n", "1"])
        .output()
        .unwrap());
    assert!(ar.contains("\n    موقَّع: Amal Haddad (escwa)\n"), "{ar}");
    let json: serde_json::Value = serde_json::from_str(&ok(&khutta(&s.plan)
        .args([
            "blame",
            "pilot-tunis",
            "--field",
            "progress",
            "--format",
            "json",
        ])
        .output()
        .unwrap()))
    .unwrap();
    let sig = &json["fields"][0]["signature"];
    assert_eq!(sig["state"], "known", "{json}");
    assert_eq!(sig["person"], "Amal Haddad", "{json}");
    assert_eq!(sig["partner"], "escwa", "{json}");
    // A field last changed by the unsigned first commit: the column shows, since the plan
    // knows keys.
    let blame = ok(&khutta(&s.plan)
        .args(["blame", "pilot-tunis", "--field", "status"])
        .output()
        .unwrap());
    assert!(blame.contains("  unsigned  \"InProgress\""), "{blame}");
}

#[test]
fn a_locked_key_no_agent_holds_is_refused_without_asking() {
    let s = signed_plan();
    let locked = s.key.with_file_name("locked");
    keygen(&locked, "open sesame");
    sign_with(&s.plan, &locked.display().to_string());
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    let head = git_ok(&s.plan, &["rev-parse", "HEAD"]);
    let out = khutta(&s.plan)
        .args(["commit", "-m", "80"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "the signing key {} is locked by a passphrase and ssh-agent does not hold it; nothing was committed",
            locked.display()
        )) && err.contains(&format!("ssh-add {}", locked.display())),
        "{err}"
    );
    assert_eq!(git_ok(&s.plan, &["rev-parse", "HEAD"]), head);
}

/// `khutta verify` proves each signature with ssh-keygen: a commit signed by its author's
/// listed key passes where the rules require signatures, an unsigned one does not, and one
/// signed by an unlisted key is named with that key.
#[test]
fn verify_proves_signatures_against_the_rules() {
    let s = signed_plan();
    let public = std::fs::read_to_string(s.key.with_extension("pub")).unwrap();
    std::fs::write(
        s.plan.join("governance.ron"),
        format!(
            "Governance(\n    signing: Required,\n    coordinators: [\"escwa\"],\n    people: [\n        Person(name: \"Amal Haddad\", email: \"author@khutta.invalid\", partner: \"escwa\", keys: [\"{}\"]),\n    ],\n)\n",
            public.trim()
        ),
    )
    .unwrap();
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Who may change what"])
        .output()
        .unwrap());
    let rules = git_ok(&s.plan, &["rev-parse", "HEAD"]);
    sign_with(&s.plan, &s.key.display().to_string());
    edit_progress(&s.plan, "progress: 75", "progress: 80");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 80"])
        .output()
        .unwrap());
    let range = format!("{}..HEAD", rules.trim());
    let out = khutta(&s.plan).args(["verify", &range]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Another key signs the next commit.
    let other = s.key.with_file_name("other");
    keygen(&other, "");
    sign_with(&s.plan, &other.display().to_string());
    edit_progress(&s.plan, "progress: 80", "progress: 85");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 85"])
        .output()
        .unwrap());
    git_ok(&s.plan, &["config", "commit.gpgsign", "false"]);
    edit_progress(&s.plan, "progress: 85", "progress: 90");
    ok(&khutta(&s.plan)
        .args(["commit", "-m", "Tunis at 90"])
        .output()
        .unwrap());
    let out = khutta(&s.plan).args(["verify", &range]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    let other_key = std::fs::read_to_string(other.with_extension("pub")).unwrap();
    let other_key: Vec<&str> = other_key.split_whitespace().take(2).collect();
    assert!(
        said.contains(&format!(
            "signed by a key not listed for its author in governance.ron: {}",
            other_key.join(" ")
        )),
        "{said}"
    );
    assert!(
        said.contains("not signed, and the rules require every commit to be signed"),
        "{said}"
    );
    assert!(!said.contains("Tunis at 80"), "{said}");
    // The review of the range says the same of its author: one of three commits signed by a
    // key the rules give them.
    let out = khutta(&s.plan)
        .args(["review", &range, "--format", "text"])
        .output()
        .unwrap();
    let review = String::from_utf8_lossy(&out.stdout);
    assert!(review.contains("signatures: 1 of 3 verified"), "{review}");
}
