//! Signing commits with an SSH key, as `git commit -S` does with `gpg.format=ssh`.
//!
//! Every commit khutta makes on a branch (a commit of the plan, a merge made by `sync` or
//! `merge`) is built here, by [`write_commit`], so that none of them can leave unsigned
//! while the repository asks for signatures. The settings are git's own, read from the
//! repository's config as git2 resolves it (its own file, then the user's and the system's):
//! `commit.gpgsign`, `gpg.format`, `user.signingkey` and `gpg.ssh.program`. The signature is
//! made by `ssh-keygen -Y sign -n git`, the program git runs, so a key held by an agent works
//! as it does for git, and stock `git verify-commit` accepts the result. khutta signs only
//! with SSH keys: with OpenPGP or X.509 asked for, it refuses rather than commit unsigned.
//!
//! The signed payload is the commit object without its `gpgsig` header (libgit2's
//! `commit_create_buffer`), and the signature goes into that header (`commit_signed`), which
//! is exactly what git writes and what git strips again to verify.

use super::RepoError;
use git2::{Commit, Oid, Repository, Signature, Tree};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// How the repository's config says commits are to be signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Signing {
    /// `commit.gpgsign` is off or unset.
    Off,
    /// Sign with an SSH key through `program` (`ssh-keygen` unless `gpg.ssh.program` says).
    Ssh {
        /// The program.
        program: String,
        /// The key.
        key: SigningKey,
    },
}

/// `user.signingkey` as git reads it for SSH.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SigningKey {
    /// A private key file, or a public key file whose private half an agent holds.
    File(PathBuf),
    /// A public key written in the config (`key::ssh-ed25519 AAAA...`), held by an agent.
    Literal(String),
}

/// The signing settings of `repo`'s config. Fails when signing is on with another format
/// than SSH, or without a key: a commit must not leave unsigned when signatures are asked for.
pub(crate) fn settings(repo: &Repository) -> Result<Signing, RepoError> {
    let config = repo.config()?;
    if !config.get_bool("commit.gpgsign").unwrap_or(false) {
        return Ok(Signing::Off);
    }
    let format = config
        .get_string("gpg.format")
        .unwrap_or_else(|_| "openpgp".to_owned());
    if format != "ssh" {
        return Err(RepoError::SigningNotSsh { format });
    }
    let program = config
        .get_string("gpg.ssh.program")
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| "ssh-keygen".to_owned());
    let key = config
        .get_string("user.signingkey")
        .ok()
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .ok_or(RepoError::SigningNoKey)?;
    Ok(Signing::Ssh {
        program,
        key: signing_key(&key),
    })
}

/// `user.signingkey` read as git reads it: `key::` or a bare `ssh-` prefix is the key itself,
/// anything else a path, `~/` standing for the home folder.
fn signing_key(value: &str) -> SigningKey {
    if let Some(literal) = value.strip_prefix("key::") {
        return SigningKey::Literal(literal.trim().to_owned());
    }
    if value.starts_with("ssh-") || value.starts_with("ecdsa-") || value.starts_with("sk-") {
        return SigningKey::Literal(value.to_owned());
    }
    match (value.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => SigningKey::File(PathBuf::from(home).join(rest)),
        _ => SigningKey::File(PathBuf::from(value)),
    }
}

/// The armoured SSH signature of `payload` in the `git` namespace.
fn sign(program: &str, key: &SigningKey, payload: &[u8]) -> Result<String, RepoError> {
    let dir = tempfile::tempdir().map_err(|e| RepoError::Io {
        path: std::env::temp_dir(),
        source: e,
    })?;
    let data = dir.path().join("commit");
    std::fs::write(&data, payload).map_err(super::io(&data))?;
    let mut cmd = Command::new(program);
    cmd.args(["-Y", "sign", "-n", "git", "-f"]);
    let mut locked = None;
    match key {
        SigningKey::File(path) => {
            // A key locked by a passphrase signs through the agent that holds it. Without
            // one, ssh-keygen would ask on the terminal, under the TUI's screen or with no
            // one to answer: its asking program is made to fail instead, and the error says
            // to add the key to the agent.
            if super::keys::is_locked(path).unwrap_or(false) {
                cmd.env("SSH_ASKPASS_REQUIRE", "force")
                    .env("SSH_ASKPASS", "false");
                locked = Some(path.clone());
            }
            cmd.arg(path);
        }
        SigningKey::Literal(public) => {
            // As git does: the public key in a file, and `-U` to find its private half in the
            // agent only.
            let file = dir.path().join("key.pub");
            std::fs::write(&file, format!("{public}\n")).map_err(super::io(&file))?;
            cmd.arg(&file).arg("-U");
        }
    }
    let out = cmd
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| RepoError::SigningFailed {
            program: program.to_owned(),
            message: e.to_string(),
        })?;
    let sig_path = dir.path().join("commit.sig");
    let said = || {
        let err = String::from_utf8_lossy(&out.stderr);
        let text: Vec<&str> = err
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("Signing file"))
            .collect();
        text.join("; ")
    };
    if let (false, Some(path)) = (out.status.success(), locked) {
        return Err(RepoError::SigningKeyLocked { path });
    }
    if !out.status.success() {
        return Err(RepoError::SigningFailed {
            program: program.to_owned(),
            message: said(),
        });
    }
    let sig = std::fs::read_to_string(&sig_path).map_err(|_| RepoError::SigningFailed {
        program: program.to_owned(),
        message: said(),
    })?;
    if !sig.starts_with("-----BEGIN SSH SIGNATURE-----") {
        return Err(RepoError::SigningFailed {
            program: program.to_owned(),
            message: said(),
        });
    }
    Ok(sig)
}

/// Makes a commit and moves `update_ref` (`HEAD` moves the branch it names) to it, signed
/// when the repository's config says so. Every commit khutta puts on a branch comes through
/// here.
pub(crate) fn write_commit(
    repo: &Repository,
    update_ref: Option<&str>,
    author: &Signature,
    committer: &Signature,
    message: &str,
    tree: &Tree,
    parents: &[&Commit],
) -> Result<Oid, RepoError> {
    let Signing::Ssh { program, key } = settings(repo)? else {
        return Ok(repo.commit(update_ref, author, committer, message, tree, parents)?);
    };
    let buffer = repo.commit_create_buffer(author, committer, message, tree, parents)?;
    let content = std::str::from_utf8(&buffer).map_err(|e| RepoError::SigningFailed {
        program: program.clone(),
        message: e.to_string(),
    })?;
    let signature = sign(&program, &key, content.as_bytes())?;
    // git writes the signature's lines without a blank continuation line after the last.
    let id = repo.commit_signed(content, signature.trim_end(), Some("gpgsig"))?;
    if let Some(name) = update_ref {
        move_ref(repo, name, id, parents, message)?;
    }
    tracing::info!(commit = %id, "signed with an SSH key");
    Ok(id)
}

/// Points `name` (or the branch `HEAD` names) at `id`, as `git2::Repository::commit` does:
/// only when it still points at the first parent, so that a commit made meanwhile is never
/// lost.
fn move_ref(
    repo: &Repository,
    name: &str,
    id: Oid,
    parents: &[&Commit],
    message: &str,
) -> Result<(), RepoError> {
    let target = match repo.find_reference(name) {
        Ok(r) => r
            .symbolic_target()
            .ok()
            .flatten()
            .map_or_else(|| name.to_owned(), str::to_owned),
        Err(_) => name.to_owned(),
    };
    let first = message.lines().next().unwrap_or("");
    let log = match parents.len() {
        0 => format!("commit (initial): {first}"),
        1 => format!("commit: {first}"),
        _ => format!("commit (merge): {first}"),
    };
    match (repo.find_reference(&target), parents.first()) {
        (Ok(_), Some(parent)) => {
            repo.reference_matching(&target, id, true, parent.id(), &log)?;
        }
        // A first commit creates the branch, and fails if someone made it meanwhile.
        _ => {
            repo.reference(&target, id, false, &log)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_keys_are_read_as_git_reads_them() {
        assert_eq!(
            signing_key("key::ssh-ed25519 AAAA x"),
            SigningKey::Literal("ssh-ed25519 AAAA x".to_owned())
        );
        assert_eq!(
            signing_key("ssh-ed25519 AAAA"),
            SigningKey::Literal("ssh-ed25519 AAAA".to_owned())
        );
        assert_eq!(
            signing_key("/k/id_ed25519"),
            SigningKey::File(PathBuf::from("/k/id_ed25519"))
        );
    }
}
