//! Who signed a commit: a person the plan knows, a key it does not know, no one, or a
//! signature that does not hold.
//!
//! The signature is checked by `ssh-keygen -Y check-novalidate -n git`, which proves that
//! the key inside the signature signed the commit (the commit without its `gpgsig` header, as
//! git verifies it) in git's namespace, and prints that key's fingerprint. The key is then
//! known when its fingerprint is one of the known keys' (the plan's governance: people and
//! their public keys), which is what `git verify-commit` with an allowed-signers file of the
//! same keys decides. Each commit is checked once per [`Signatures`], since `log` and `blame`
//! meet the same commits again and each check runs a program.

use super::{CommitId, PlanRepo};
use crate::i18n::Said;
use crate::said;
use git2::{Oid, Repository};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

/// A public key the plan knows, and whose it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownKey {
    /// The person's name.
    pub person: String,
    /// The partner the person works for (its id).
    pub partner: String,
    /// The public key as OpenSSH writes it: `ssh-ed25519 AAAA... comment`.
    pub key: String,
}

/// What a commit's signature says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignatureState {
    /// The commit carries no signature.
    Unsigned,
    /// Signed by a key of a person the plan knows.
    Known {
        /// The person.
        person: String,
        /// The partner the person works for.
        partner: String,
    },
    /// A good signature, by a key the plan does not know.
    UnknownKey {
        /// The key's fingerprint, `SHA256:...`.
        fingerprint: String,
    },
    /// A signature that does not hold (the commit changed after signing, a signature of
    /// another kind than SSH), or one that could not be checked.
    Bad {
        /// Why, in words.
        reason: Said,
    },
}

impl SignatureState {
    /// The state in a few words: `signed: Amal Haddad (escwa)`, `unsigned`.
    pub fn said(&self) -> Said {
        match self {
            SignatureState::Unsigned => said!("signature-unsigned"),
            SignatureState::Known { person, partner } => {
                said!("signature-known", person = person, partner = partner)
            }
            SignatureState::UnknownKey { fingerprint } => {
                said!("signature-unknown-key", fingerprint = fingerprint)
            }
            SignatureState::Bad { reason } => said!("signature-bad", reason = reason.clone()),
        }
    }

    /// The state as one word for JSON: `unsigned`, `known`, `unknown-key`, `bad`.
    pub fn kind(&self) -> &'static str {
        match self {
            SignatureState::Unsigned => "unsigned",
            SignatureState::Known { .. } => "known",
            SignatureState::UnknownKey { .. } => "unknown-key",
            SignatureState::Bad { .. } => "bad",
        }
    }
}

/// Signature checks against one list of known keys, each commit checked once.
pub struct Signatures {
    known: Vec<KnownKey>,
    program: String,
    /// The fingerprint of each known key (`None`: not a key `ssh-keygen` reads), computed at
    /// the first signed commit.
    fingerprints: RefCell<Option<Vec<Option<String>>>>,
    checked: RefCell<HashMap<Oid, SignatureState>>,
}

impl Signatures {
    /// Checks against `known`, with git's `gpg.ssh.program` of the repository when it names
    /// one.
    pub fn new(r: &PlanRepo, known: Vec<KnownKey>) -> Signatures {
        let program = r
            .repo
            .config()
            .ok()
            .and_then(|c| c.get_string("gpg.ssh.program").ok())
            .filter(|p| !p.trim().is_empty())
            .unwrap_or_else(|| "ssh-keygen".to_owned());
        Signatures {
            known,
            program,
            fingerprints: RefCell::new(None),
            checked: RefCell::new(HashMap::new()),
        }
    }

    /// Whether any key is known: without, every signature is by an unknown key.
    pub fn knows_keys(&self) -> bool {
        !self.known.is_empty()
    }

    /// What the signature of `commit` says.
    pub fn of(&self, r: &PlanRepo, commit: CommitId) -> SignatureState {
        let repo = &r.repo;
        let oid = commit.oid();
        if let Some(s) = self.checked.borrow().get(&oid) {
            return s.clone();
        }
        let state = self.check(repo, oid);
        self.checked.borrow_mut().insert(oid, state.clone());
        state
    }

    fn check(&self, repo: &Repository, oid: Oid) -> SignatureState {
        let (signature, payload) = match repo.extract_signature(&oid, None) {
            Ok(pair) => pair,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return SignatureState::Unsigned,
            Err(e) => {
                return SignatureState::Bad {
                    reason: said!("repo-git", detail = e.message()),
                };
            }
        };
        let signature = String::from_utf8_lossy(&signature);
        if !signature
            .trim_start()
            .starts_with("-----BEGIN SSH SIGNATURE-----")
        {
            return SignatureState::Bad {
                reason: said!("signature-not-ssh"),
            };
        }
        let fingerprint = match self.verify(&signature, &payload) {
            Ok(f) => f,
            Err(reason) => return SignatureState::Bad { reason },
        };
        self.ensure_fingerprints();
        let fingerprints = self.fingerprints.borrow();
        let person = fingerprints
            .iter()
            .flatten()
            .zip(&self.known)
            .find(|(f, _)| f.as_deref() == Some(fingerprint.as_str()))
            .map(|(_, k)| k);
        match person {
            Some(k) => SignatureState::Known {
                person: k.person.clone(),
                partner: k.partner.clone(),
            },
            None => SignatureState::UnknownKey { fingerprint },
        }
    }

    /// Checks the signature over `payload` and returns its key's fingerprint.
    fn verify(&self, signature: &str, payload: &[u8]) -> Result<String, Said> {
        let dir = tempfile::tempdir().map_err(|e| said!("repo-git", detail = &e))?;
        let sig_file = dir.path().join("commit.sig");
        std::fs::write(&sig_file, signature).map_err(|e| said!("repo-git", detail = &e))?;
        let out = self
            .run(
                &["-Y", "check-novalidate", "-n", "git", "-s"],
                &sig_file,
                payload,
            )
            .map_err(|e| said!("signature-no-program", program = &self.program, detail = &e))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let fingerprint = stdout
            .split_whitespace()
            .find(|w| w.starts_with("SHA256:"))
            .map(str::to_owned);
        match (out.status.success(), fingerprint) {
            (true, Some(f)) => Ok(f),
            _ => {
                let err = String::from_utf8_lossy(&out.stderr);
                let words: Vec<&str> = err
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                Err(said!("signature-invalid", detail = &words.join("; ")))
            }
        }
    }

    /// Runs the program with `args` and `file`, `input` on its standard input.
    fn run(
        &self,
        args: &[&str],
        file: &std::path::Path,
        input: &[u8],
    ) -> std::io::Result<std::process::Output> {
        let mut child = Command::new(&self.program)
            .args(args)
            .arg(file)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            // A program that stops reading early fails on its own; its words say why.
            let _ = stdin.write_all(input);
        }
        child.wait_with_output()
    }

    /// The fingerprints of the known keys, once.
    fn ensure_fingerprints(&self) {
        if self.fingerprints.borrow().is_some() {
            return;
        }
        let prints = self
            .known
            .iter()
            .map(|k| {
                let out = self
                    .run(&["-l", "-f"], std::path::Path::new("-"), k.key.as_bytes())
                    .ok()?;
                let text = String::from_utf8_lossy(&out.stdout);
                out.status
                    .success()
                    .then(|| text.split_whitespace().nth(1).map(str::to_owned))
                    .flatten()
            })
            .collect();
        *self.fingerprints.borrow_mut() = Some(prints);
    }
}

/// What the signature of `commit` says, against the keys `known`. To check many commits,
/// keep one [`Signatures`], which checks each commit once.
pub fn signature(r: &PlanRepo, commit: CommitId, known: &[KnownKey]) -> SignatureState {
    Signatures::new(r, known.to_vec()).of(r, commit)
}

impl PlanRepo {
    /// The keys of the people the plan's governance names, as of HEAD.
    pub fn known_keys(&self) -> Vec<KnownKey> {
        Vec::new()
    }
}
