//! Credentials for fetch and push that work for real users without looping: libgit2 calls the
//! callback again after every refusal, so each method is tried once and the state lives
//! outside the callback. khutta never stores a credential.

use crate::i18n::{Part, Said};
use crate::said;
use git2::{Cred, CredentialType};
use std::path::PathBuf;

/// What has been tried for one remote operation.
#[derive(Debug, Default)]
pub struct Auth {
    tried: Vec<Said>,
    agent_done: bool,
    keys: Option<Vec<PathBuf>>,
    helper_done: bool,
    default_done: bool,
}

impl Auth {
    /// The credentials callback for git2's `RemoteCallbacks`.
    pub fn credentials(
        &mut self,
        url: &str,
        username: Option<&str>,
        allowed: CredentialType,
    ) -> Result<Cred, git2::Error> {
        let user = username.unwrap_or("git");
        if allowed.contains(CredentialType::USERNAME) {
            // The URL names no user: say which one, then libgit2 asks again for a key.
            return Cred::username(user);
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            if !self.agent_done {
                self.agent_done = true;
                self.tried.push(said!("auth-tried-agent", user = user));
                if let Ok(c) = Cred::ssh_key_from_agent(user) {
                    return Ok(c);
                }
            }
            let keys = self.keys.get_or_insert_with(key_files);
            if let Some(key) = keys.pop() {
                self.tried
                    .push(said!("auth-tried-key", path = &key.display()));
                return Cred::ssh_key(user, None, &key, None);
            }
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) && !self.helper_done {
            self.helper_done = true;
            self.tried.push(said!("auth-tried-helper"));
            if let Ok(cfg) = git2::Config::open_default()
                && let Ok(c) = Cred::credential_helper(&cfg, url, username)
            {
                return Ok(c);
            }
        }
        if allowed.contains(CredentialType::DEFAULT) && !self.default_done {
            self.default_done = true;
            self.tried.push(said!("auth-tried-default"));
            return Cred::default();
        }
        Err(git2::Error::from_str(&self.explain().english()))
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
    pub fn was_asked(&self) -> bool {
        !self.tried.is_empty()
    }
}

/// The usual private key files under `~/.ssh`, in the order they are tried (last first).
fn key_files() -> Vec<PathBuf> {
    let Some(home) = std::env::var_os("HOME") else {
        return Vec::new();
    };
    let ssh = PathBuf::from(home).join(".ssh");
    let mut keys: Vec<PathBuf> = ["id_rsa", "id_ecdsa", "id_ed25519"]
        .iter()
        .map(|n| ssh.join(n))
        .filter(|p| p.is_file())
        .collect();
    keys.shrink_to_fit();
    keys
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
}
