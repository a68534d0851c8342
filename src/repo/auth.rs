//! Credentials for fetch and push as git finds them, without looping: libgit2 calls the
//! callback again after every refusal, so each way in is tried once and the state lives
//! outside the callback. khutta never stores a credential.
//!
//! The order: for SSH the ssh-agent, then the key files of `~/.ssh` (a locked one with its
//! passphrase, asked once when a person is there to answer); for HTTP(S) git's credential
//! helper as the repository's own config names it (a clone's `credential.helper` comes
//! before the global one, as with git), then a user name and password asked once; then the
//! system's default credentials.

use super::keys;
use super::net::Cancel;
use crate::i18n::{Part, Said};
use crate::said;
use git2::{Cred, CredentialType};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Asks a person for a secret, once, when nothing stored was accepted. Only a command run on
/// a terminal has someone to ask; the TUI and scripts give none.
pub trait Prompter: Send + Sync + std::fmt::Debug {
    /// The passphrase of the private key file `key`; `None` when the person declines.
    fn passphrase(&self, key: &Path) -> Option<String>;
    /// A user name (asked only when `user` is `None`) and a password for `url`.
    fn password(&self, url: &str, user: Option<&str>) -> Option<(String, String)>;
}

/// Asks a person at most once per question for the whole of a sync, whose fetch and push
/// are separate connections: the second hears the first answer (or the refusal to answer).
#[derive(Debug)]
pub(crate) struct AskOnce {
    person: Arc<dyn Prompter>,
    passphrases: Mutex<HashMap<PathBuf, Option<String>>>,
    passwords: Mutex<HashMap<String, Option<(String, String)>>>,
}

impl AskOnce {
    /// Remembers what `person` answers, for one sync.
    pub fn new(person: Arc<dyn Prompter>) -> AskOnce {
        AskOnce {
            person,
            passphrases: Mutex::default(),
            passwords: Mutex::default(),
        }
    }
}

impl Prompter for AskOnce {
    fn passphrase(&self, key: &Path) -> Option<String> {
        let mut known = self.passphrases.lock().ok()?;
        known
            .entry(key.to_path_buf())
            .or_insert_with(|| self.person.passphrase(key))
            .clone()
    }

    fn password(&self, url: &str, user: Option<&str>) -> Option<(String, String)> {
        let mut known = self.passwords.lock().ok()?;
        known
            .entry(url.to_owned())
            .or_insert_with(|| self.person.password(url, user))
            .clone()
    }
}

/// What has been tried for one remote operation.
#[derive(Default)]
pub(crate) struct Auth {
    config: Option<git2::Config>,
    prompt: Option<Arc<dyn Prompter>>,
    cancel: Cancel,
    home: Option<PathBuf>,
    tried: Vec<Said>,
    agent_done: bool,
    keys: Option<Vec<PathBuf>>,
    helper_done: bool,
    asked_password: bool,
    default_done: bool,
    /// The key file whose passphrase a person typed last: libssh2 reports a wrong passphrase
    /// as a broken file, not as a refusal.
    pub(super) typed_passphrase: Option<PathBuf>,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth").field("tried", &self.tried).finish()
    }
}

impl Auth {
    /// Credentials from the repository's config (`r`'s own, then global and system), asking
    /// `prompt` when nothing else works, stopping when `cancel` is raised.
    pub fn new(
        config: Option<git2::Config>,
        prompt: Option<Arc<dyn Prompter>>,
        cancel: Cancel,
    ) -> Auth {
        Auth {
            config,
            prompt,
            cancel,
            home: std::env::var_os("HOME").map(PathBuf::from),
            ..Auth::default()
        }
    }

    /// The credentials callback for git2's `RemoteCallbacks`.
    pub fn credentials(
        &mut self,
        url: &str,
        username: Option<&str>,
        allowed: CredentialType,
    ) -> Result<Cred, git2::Error> {
        if self.cancel.is_cancelled() {
            return Err(git2::Error::from_str("cancelled"));
        }
        let user = username.unwrap_or("git");
        if allowed.contains(CredentialType::USERNAME) {
            // The URL names no user: say which one, then libgit2 asks again for a key.
            return Cred::username(user);
        }
        if allowed.contains(CredentialType::SSH_KEY)
            && let Some(cred) = self.ssh_key(user)
        {
            return cred;
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT)
            && let Some(cred) = self.password(url, username)
        {
            return cred;
        }
        if allowed.contains(CredentialType::DEFAULT) && !self.default_done {
            self.default_done = true;
            self.tried.push(said!("auth-tried-default"));
            return Cred::default();
        }
        // Coded as a refusal, so that the sync reports it as one (with its hint) and not
        // as a failure of git.
        Err(git2::Error::new(
            git2::ErrorCode::Auth,
            git2::ErrorClass::Callback,
            self.explain().english(),
        ))
    }

    /// The agent once, then each key file once; `None` when all were tried.
    fn ssh_key(&mut self, user: &str) -> Option<Result<Cred, git2::Error>> {
        if !self.agent_done {
            self.agent_done = true;
            self.tried.push(said!("auth-tried-agent", user = user));
            if let Ok(c) = Cred::ssh_key_from_agent(user) {
                return Some(Ok(c));
            }
        }
        let home = self.home.clone();
        // Last in the list is tried first.
        let keys = self.keys.get_or_insert_with(|| {
            let mut k = keys::key_files(home.as_deref());
            k.reverse();
            k
        });
        while let Some(key) = keys.pop() {
            let public = keys::public_half(&key);
            let path = key.display().to_string();
            match keys::is_locked(&key) {
                Ok(false) => {
                    self.tried.push(said!("auth-tried-key", path = &path));
                    return Some(Cred::ssh_key(user, public.as_deref(), &key, None));
                }
                Ok(true) => {
                    let Some(prompt) = &self.prompt else {
                        self.tried.push(said!("auth-locked-key", path = &path));
                        continue;
                    };
                    let Some(pass) = prompt.passphrase(&key) else {
                        self.tried.push(said!("auth-declined-key", path = &path));
                        continue;
                    };
                    self.tried.push(said!("auth-tried-key", path = &path));
                    self.typed_passphrase = Some(key.clone());
                    return Some(Cred::ssh_key(user, public.as_deref(), &key, Some(&pass)));
                }
                Err(e) => {
                    self.tried
                        .push(said!("auth-unreadable-key", path = &path, detail = &e));
                }
            }
        }
        None
    }

    /// git's credential helper once (for HTTP), then a person once; `None` when both were
    /// tried.
    fn password(&mut self, url: &str, username: Option<&str>) -> Option<Result<Cred, git2::Error>> {
        // git asks its helpers for HTTP only; SSH has keys and the agent.
        if !self.helper_done && url.starts_with("http") {
            self.helper_done = true;
            if let Some(cfg) = &self.config {
                self.tried.push(said!("auth-tried-helper"));
                if let Ok(c) = Cred::credential_helper(cfg, url, username) {
                    return Some(Ok(c));
                }
            }
        }
        if !self.asked_password {
            self.asked_password = true;
            if let Some(prompt) = &self.prompt {
                self.tried.push(said!("auth-tried-prompt"));
                if let Some((user, password)) = prompt.password(url, username) {
                    return Some(Cred::userpass_plaintext(&user, &password));
                }
            }
        }
        None
    }

    /// What was tried, for the error message when everything was refused.
    pub fn explain(&self) -> Said {
        if self.tried.is_empty() {
            said!("auth-unsupported")
        } else {
            let tried = Part::List(self.tried.clone(), "review-list-separator");
            said!("auth-failed", tried = tried)
        }
    }

    /// Whether any credential was asked for.
    pub(crate) fn was_asked(&self) -> bool {
        !self.tried.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::model::Lang;

    #[test]
    fn what_was_tried_reads_in_either_language() {
        let mut auth = Auth::default();
        assert_eq!(
            auth.explain().english(),
            "the server asked for a kind of authentication khutta cannot give"
        );
        auth.tried.push(said!("auth-tried-agent", user = "git"));
        auth.tried.push(said!("auth-tried-helper"));
        assert_eq!(
            auth.explain().english(),
            "authentication failed; tried ssh-agent as `git`, git's credential helper"
        );
        assert_eq!(
            auth.explain().show(&Messages::new(Lang::Ar)),
            "فشلت المصادقة؛ جُرِّب: ssh-agent باسم `git`، مساعد بيانات الاعتماد في git"
        );
    }

    /// A prompt that answers from a list and counts what it was asked.
    #[derive(Debug, Default)]
    struct Person {
        asked: std::sync::Mutex<Vec<String>>,
    }

    impl Prompter for Person {
        fn passphrase(&self, key: &Path) -> Option<String> {
            if let Ok(mut a) = self.asked.lock() {
                a.push(format!("passphrase {}", key.display()));
            }
            Some("open sesame".into())
        }
        fn password(&self, url: &str, user: Option<&str>) -> Option<(String, String)> {
            if let Ok(mut a) = self.asked.lock() {
                a.push(format!("password {url} {user:?}"));
            }
            Some(("partner".into(), "wrong".into()))
        }
    }

    /// However often libgit2 calls back after a refusal, each way in is tried once and a
    /// person is asked once; then the callback refuses, which ends libgit2's loop.
    #[test]
    fn every_way_in_once_then_a_refusal() {
        let person = Arc::new(Person::default());
        let mut auth = Auth::new(None, Some(person.clone()), Cancel::default());
        auth.home = None;
        let allowed = CredentialType::USER_PASS_PLAINTEXT | CredentialType::DEFAULT;
        let url = "https://example.org/plan.git";
        let mut given = 0;
        for _ in 0..10 {
            if auth.credentials(url, None, allowed).is_ok() {
                given += 1;
            }
        }
        // The person once, the system's default once.
        assert_eq!(given, 2);
        assert_eq!(
            person.asked.lock().map(|a| a.clone()).unwrap_or_default(),
            ["password https://example.org/plan.git None"]
        );
        let ssh = CredentialType::SSH_KEY;
        let mut auth = Auth::new(None, None, Cancel::default());
        auth.home = None;
        let calls = (0..10)
            .filter(|_| auth.credentials("ssh://x/p.git", Some("git"), ssh).is_ok())
            .count();
        assert_eq!(calls, 1, "the agent once, no key files");
    }

    /// The repository's own config is where the helper is looked up: a clone's
    /// `credential.helper` is used though no global config names one.
    #[test]
    fn the_clone_s_own_helper_is_asked() {
        let dir = tempfile::tempdir().expect("a folder");
        let repo = git2::Repository::init(dir.path()).expect("a repository");
        // Only the clone's own file, so that the developer's global config plays no part.
        let mut config = git2::Config::new().expect("a config");
        config
            .add_file(&repo.path().join("config"), git2::ConfigLevel::Local, false)
            .expect("the clone's config");
        config
            .set_str(
                "credential.helper",
                "!f() { echo username=partner; echo password=s3cret; }; f",
            )
            .expect("set");
        let mut auth = Auth::new(Some(config), None, Cancel::default());
        let cred = auth.credentials(
            "https://example.org/plan.git",
            None,
            CredentialType::USER_PASS_PLAINTEXT,
        );
        assert!(cred.is_ok_and(|c| c.has_username()));
    }

    #[test]
    fn a_cancelled_sync_is_given_no_credential() {
        let cancel = Cancel::default();
        cancel.cancel();
        let mut auth = Auth::new(None, None, cancel);
        assert!(
            auth.credentials("ssh://x/p.git", Some("git"), CredentialType::SSH_KEY)
                .is_err()
        );
        assert!(!auth.was_asked());
    }
}
