//! `khutta guard` as the hook of a plain bare repository, pushed to with the stock git CLI:
//! `install` and the hooks it writes, git's `update` hook, pushes that create and delete
//! branches or do not touch the plan, and input that is not git's.

use crate::support::cmd::{git, git_ok, khutta, transcript};
use std::path::{Path, PathBuf};

struct Bare {
    _dir: tempfile::TempDir,
    bare: PathBuf,
    clone: PathBuf,
}

const RULES: &str = r#"Governance(
    coordinators: ["escwa"],
    people: [
        Person(name: "Amal Haddad", email: "amal@escwa.example", partner: "escwa"),
        Person(name: "Leila Ben Salah", email: "leila@tunis.example", partner: "tunis-municipality"),
    ],
    grants: [
        Grant(partner: "tunis-municipality", may: [Change(kind: Activity, ids: "pilot-tunis", fields: ["progress"])]),
    ],
)
"#;

/// A bare repository holding the bundled plan (in a `plan/` folder, beside other files) with
/// its rules, and a clone of it.
fn bare() -> Bare {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed");
    git_ok(dir.path(), &["init", "-q", "-b", "main", "seed"]);
    std::fs::write(seed.join("README.md"), "the organisation's repository\n").unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    crate::support::cmd::copy_dir(&bundled, &seed.join("plan"));
    std::fs::write(seed.join("plan/governance.ron"), RULES).unwrap();
    git_ok(&seed, &["add", "-A"]);
    as_person(
        git(&seed).args(["commit", "-qm", "The plan and its rules"]),
        "amal",
    );
    git_ok(dir.path(), &["clone", "-q", "--bare", "seed", "plan.git"]);
    git_ok(dir.path(), &["clone", "-q", "plan.git", "clone"]);
    Bare {
        bare: dir.path().join("plan.git"),
        clone: dir.path().join("clone"),
        _dir: dir,
    }
}

/// `cmd` run as Amal (ESCWA, the coordinator) or Leila (Tunis).
fn as_person(cmd: &mut std::process::Command, who: &str) {
    let (name, email) = match who {
        "amal" => ("Amal Haddad", "amal@escwa.example"),
        _ => ("Leila Ben Salah", "leila@tunis.example"),
    };
    cmd.env("GIT_AUTHOR_NAME", name)
        .env("GIT_AUTHOR_EMAIL", email)
        .env("GIT_COMMITTER_NAME", name)
        .env("GIT_COMMITTER_EMAIL", email);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
}

/// Changes a line of a file of the clone and commits it as `who`.
fn change(b: &Bare, file: &str, from: &str, to: &str, who: &str, message: &str) {
    let f = b.clone.join(file);
    let text = std::fs::read_to_string(&f).unwrap_or_default();
    assert!(text.contains(from), "{file}: {text}");
    std::fs::write(&f, text.replacen(from, to, 1)).unwrap();
    git_ok(&b.clone, &["add", "-A"]);
    as_person(git(&b.clone).args(["commit", "-qm", message]), who);
}

fn push(b: &Bare, args: &[&str]) -> std::process::Output {
    git(&b.clone).arg("push").args(args).output().unwrap()
}

fn install(b: &Bare, args: &[&str]) -> std::process::Output {
    khutta(b.bare.parent().unwrap())
        .args(["guard", "install"])
        .arg(&b.bare)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn install_writes_an_executable_hook_and_leaves_a_foreign_one_alone() {
    let b = bare();
    let out = install(&b, &[]);
    assert!(out.status.success(), "{}", transcript(&out));
    let hook = b.bare.join("hooks/pre-receive");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with(&format!(
            "wrote {}: every push is now checked by /",
            hook.display()
        )),
        "{said}"
    );
    let text = std::fs::read_to_string(&hook).unwrap();
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_khutta")).unwrap();
    assert!(
        text.starts_with("#!/bin/sh\n")
            && text.ends_with(&format!(
                "exec '{}' --lang en guard pre-receive\n",
                exe.display()
            )),
        "{text}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o755);
    // Its own hook it writes again; someone else's it leaves, unless told.
    assert!(install(&b, &[]).status.success());
    let update = b.bare.join("hooks/update");
    std::fs::write(&update, "#!/bin/sh\nexec gitolite-update \"$@\"\n").unwrap();
    let out = install(&b, &["--update"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("exists and was not written by khutta guard; nothing was written")
            && err.contains("--force"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&update)
            .unwrap()
            .contains("gitolite-update")
    );
    let ar = khutta(&b.clone)
        .args(["--lang", "ar", "guard", "install", "--update"])
        .arg(&b.bare)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ar.stderr).contains("ولم يكتبه khutta guard"),
        "{}",
        transcript(&ar)
    );
    let out = install(&b, &["--update", "--force"]);
    assert!(out.status.success(), "{}", transcript(&out));
    assert!(
        std::fs::read_to_string(&update)
            .unwrap()
            .contains("guard update \"$1\" \"$2\" \"$3\"")
    );
    // Not a repository: said so.
    let out = khutta(&b.clone)
        .args(["guard", "install", "no-such.git"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
}

#[test]
fn the_pre_receive_hook_judges_only_what_the_push_brings() {
    let b = bare();
    assert!(install(&b, &[]).status.success());
    // Leila's own pilot: accepted.
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 80",
        "leila",
        "Tunis at 80",
    );
    let out = push(&b, &["-q", "origin", "main"]);
    assert!(out.status.success(), "{}", transcript(&out));
    // A file outside the plan: the rules do not speak of it.
    change(
        &b,
        "README.md",
        "organisation's",
        "organisation's shared",
        "leila",
        "README",
    );
    let out = push(&b, &["-q", "origin", "main"]);
    assert!(out.status.success(), "{}", transcript(&out));
    // Her commits already on the server are not judged again when a branch brings them.
    let out = push(&b, &["-q", "origin", "main:refs/heads/copy"]);
    assert!(out.status.success(), "{}", transcript(&out));
    // Amman's pilot, on a new branch: refused, naming the commit.
    git_ok(&b.clone, &["checkout", "-q", "-b", "amman"]);
    change(
        &b,
        "plan/activities/pilot-amman.ron",
        "progress: 70",
        "progress: 90",
        "leila",
        "Amman at 90",
    );
    let out = push(&b, &["origin", "amman"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    let id = git_ok(&b.clone, &["rev-parse", "--short=10", "HEAD"]);
    assert!(
        err.contains(&format!(
            "remote: commit {} \"Amman at 90\" by Leila Ben Salah <leila@tunis.example>: activity pilot-amman, field progress: rule not-granted: ",
            id.trim()
        )),
        "{err}"
    );
    assert!(git_ok(&b.bare, &["branch", "--list", "amman"]).is_empty());
    // Deleting a branch brings no commit: allowed.
    let out = push(&b, &["-q", "origin", ":copy"]);
    assert!(out.status.success(), "{}", transcript(&out));
    assert!(git_ok(&b.bare, &["branch", "--list", "copy"]).is_empty());
}

#[test]
fn the_update_hook_judges_each_ref() {
    let b = bare();
    assert!(install(&b, &["--update"]).status.success());
    assert!(!b.bare.join("hooks/pre-receive").exists());
    change(
        &b,
        "plan/governance.ron",
        "fields: [\"progress\"]",
        "fields: [\"progress\", \"budget\"]",
        "leila",
        "Tunis may change budgets",
    );
    let out = push(&b, &["origin", "main"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"Tunis may change budgets\" by Leila Ben Salah <leila@tunis.example>: file governance.ron: rule rules-need-coordinator: only a coordinator may change the rules (governance.ron)"),
        "{err}"
    );
    assert!(err.contains("hook declined"), "{err}");
}

#[test]
fn input_that_is_not_git_s_is_refused() {
    let b = bare();
    let out = khutta(&b.bare)
        .args(["guard", "update", "refs/heads/main", "abc", "def"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("this is not a line git gives a hook: `refs/heads/main abc def`"),
        "{}",
        transcript(&out)
    );
    let mut child = khutta(&b.bare)
        .args(["--lang", "ar", "guard", "pre-receive"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"hello there\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ليس هذا سطرًا يعطيه git لخطّاف"),
        "{}",
        transcript(&out)
    );
}

#[test]
fn a_commit_that_breaks_a_file_is_refused_and_its_words_are_escaped() {
    let b = bare();
    assert!(install(&b, &[]).status.success());
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 75,",
        "progress: 75,,",
        "leila",
        "Tunis\u{1b}[2J at 75",
    );
    let out = push(&b, &["origin", "main"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"Tunis\\u{1b}[2J at 75\" by Leila Ben Salah <leila@tunis.example>: file activities/pilot-tunis.ron:25:18: rule E002: "),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

/// A forced push that takes commits away from the published branch is the coordinators'
/// alone: a partner's is refused, naming the branch and how many commits it drops, through
/// either hook; deleting the branch is refused to everyone; a coordinator's goes through.
#[test]
fn only_a_coordinator_rewrites_the_published_history() {
    let b = bare();
    // Let git hand a deletion of the checked-out branch to the hooks rather than refuse it
    // itself, so that the guard's own answer is seen.
    git_ok(&b.bare, &["config", "receive.denyDeleteCurrent", "ignore"]);
    assert!(install(&b, &[]).status.success());
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 80",
        "leila",
        "Tunis at 80",
    );
    assert!(push(&b, &["-q", "origin", "main"]).status.success());
    let published = server_tip(&b);
    // Leila rewrites her own commit and forces it over the one the server holds.
    git_ok(&b.clone, &["reset", "-q", "--hard", "HEAD~1"]);
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 85",
        "leila",
        "Tunis at 85",
    );
    let out = push(&b, &["--force", "origin", "main"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("branch refs/heads/main: rule rewrites-history: the push takes 1 commit away from the plan's published branch, and only a coordinator's commit may rewrite its history"),
        "{err}"
    );
    assert_eq!(server_tip(&b), published, "nothing changed on the server");
    // The same through git's update hook.
    assert!(install(&b, &["--update", "--force"]).status.success());
    std::fs::remove_file(b.bare.join("hooks/pre-receive")).unwrap();
    let out = push(&b, &["--force", "origin", "main"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("rule rewrites-history"),
        "{}",
        transcript(&out)
    );
    // Deleting the branch: refused, whoever asks.
    let out = push(&b, &["origin", ":main"]);
    assert!(!out.status.success(), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("it deletes the branch, which no one may do through a push"),
        "{}",
        transcript(&out)
    );
    assert_eq!(server_tip(&b), published);
    // Amal, a coordinator, rewrites it: accepted, and the server holds her commit.
    git_ok(&b.clone, &["reset", "-q", "--hard", "HEAD~1"]);
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 78",
        "amal",
        "Tunis at 78, as agreed",
    );
    let out = push(&b, &["--force", "-q", "origin", "main"]);
    assert!(out.status.success(), "{}", transcript(&out));
    assert_eq!(server_tip(&b), git_ok(&b.clone, &["rev-parse", "HEAD"]));
    // A fast-forward is no rewrite: Leila's next commit lands.
    change(
        &b,
        "plan/activities/pilot-tunis.ron",
        "progress: 78",
        "progress: 79",
        "leila",
        "Tunis at 79",
    );
    let out = push(&b, &["-q", "origin", "main"]);
    assert!(out.status.success(), "{}", transcript(&out));
}

fn server_tip(b: &Bare) -> String {
    git_ok(&b.bare, &["rev-parse", "refs/heads/main"])
}
