//! A real gitolite (Debian's gitolite3) behind a real sshd on 127.0.0.1, set up as an
//! administrator would: `gitolite setup` with an admin key under a hosting account's home of
//! the test's own, then users and a repository added by pushing `gitolite-admin`. Every key
//! logs in as the account running the tests, forced by gitolite's `authorized_keys` to run
//! gitolite-shell as its own gitolite user.

use super::cmd::{git, pin_env};
use super::sshd::{Sshd, current_user, keygen};
use std::path::{Path, PathBuf};
use std::process::Command;

const GITOLITE: &str = "/usr/bin/gitolite";
const INSTALL: &str = "apt-get install gitolite3 openssh-server (scripts/test does)";

/// A running gitolite, its sshd killed when dropped.
pub struct Gitolite {
    /// The hosting account's home: `.gitolite.rc`, `repositories/`, `.ssh/authorized_keys`.
    pub server_home: PathBuf,
    /// The clients' HOME: `~/.ssh/known_hosts` trusts the server.
    pub home: PathBuf,
    /// The admin's key.
    pub admin: PathBuf,
    sshd: Sshd,
    dir: PathBuf,
}

/// The stock `git` in `cwd`, speaking ssh with `key` alone.
pub fn git_with_key(cwd: &Path, key: &Path, home: &Path) -> Command {
    let mut cmd = git(cwd);
    cmd.env(
        "GIT_SSH_COMMAND",
        format!(
            "ssh -F /dev/null -o IdentitiesOnly=yes -o IdentityAgent=none -o BatchMode=yes \
             -o UserKnownHostsFile={} -i {}",
            home.join(".ssh/known_hosts").display(),
            key.display()
        ),
    );
    cmd
}

fn ok(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what} cannot run ({e}): {INSTALL}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Gitolite {
    /// Sets gitolite up in `dir` with an admin, the users `users` (gitolite name and public
    /// key file), and the repository `repo` that every user may push to.
    pub fn start(dir: &Path, users: &[(&str, &Path)], repo: &str) -> Gitolite {
        assert!(
            Path::new(GITOLITE).is_file(),
            "{GITOLITE} is missing: {INSTALL}"
        );
        let server_home = dir.join("gitolite-home");
        let home = dir.join("client-home");
        std::fs::create_dir_all(&server_home).unwrap();
        let admin = dir.join("admin");
        keygen(&admin, "");
        let mut setup = Command::new(GITOLITE);
        pin_env(&mut setup);
        setup
            .env("HOME", &server_home)
            .arg("setup")
            .arg("-pk")
            .arg(admin.with_extension("pub"));
        ok(&mut setup, "gitolite setup");
        let sshd = Sshd::start_gitolite(&home, &server_home);
        let g = Gitolite {
            server_home,
            home,
            admin,
            sshd,
            dir: dir.to_path_buf(),
        };
        // As an administrator does: users and the repository, pushed to gitolite-admin.
        let work = dir.join("gitolite-admin");
        ok(
            git_with_key(dir, &g.admin, &g.home)
                .args(["clone", "-q", &g.url("gitolite-admin")])
                .arg(&work),
            "git clone gitolite-admin",
        );
        let mut conf = String::from("repo gitolite-admin\n    RW+ = admin\n\n");
        let names: Vec<&str> = users.iter().map(|(n, _)| *n).collect();
        conf.push_str(&format!(
            "repo {repo}\n    RW+ = admin\n    RW  = {}\n",
            names.join(" ")
        ));
        std::fs::write(work.join("conf/gitolite.conf"), conf).unwrap();
        for (name, key) in users {
            std::fs::copy(key, work.join(format!("keydir/{name}.pub"))).unwrap();
        }
        ok(git(&work).args(["add", "-A"]), "git add");
        ok(
            git(&work).args(["commit", "-qm", "users and the plan"]),
            "git commit",
        );
        ok(
            git_with_key(&work, &g.admin, &g.home).args(["push", "-q", "origin", "HEAD"]),
            "git push gitolite-admin",
        );
        assert!(
            g.repository(repo).is_dir(),
            "gitolite did not create {repo}; sshd's log:\n{}",
            g.sshd.log()
        );
        g
    }

    /// The `ssh://` URL of a repository.
    pub fn url(&self, repo: &str) -> String {
        format!(
            "ssh://{}@127.0.0.1:{}/{repo}",
            current_user(),
            self.sshd.port
        )
    }

    /// A repository's bare folder on the server.
    pub fn repository(&self, repo: &str) -> PathBuf {
        self.server_home.join(format!("repositories/{repo}.git"))
    }

    /// The folder the test set gitolite up in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What sshd logged so far.
    pub fn log(&self) -> String {
        self.sshd.log()
    }
}
