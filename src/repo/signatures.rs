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

use super::sshsig::{same_key, signing_key};
use super::{CommitId, PlanRepo, RepoError};
use crate::i18n::Said;
use crate::model::{GOVERNANCE_FILE, Governance};
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
    /// The email of the person's git identity.
    pub email: String,
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
        /// The email of the person's git identity.
        email: String,
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
            SignatureState::Known {
                person, partner, ..
            } => {
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

/// What a commit's signature proves, whoever its key belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// The commit carries no signature.
    Unsigned,
    /// A good signature in git's namespace.
    Good {
        /// The public key that made it, as OpenSSH writes one: `ssh-ed25519 AAAA...`.
        key: String,
        /// Its fingerprint, `SHA256:...`.
        fingerprint: String,
    },
    /// A signature that proves nothing, and why.
    Bad {
        /// Why, in words.
        reason: Said,
    },
}

/// Signature checks against one list of known keys, each commit checked once.
pub struct Signatures {
    known: Vec<KnownKey>,
    program: String,
    /// What each commit's signature proved. Which person its key is depends on the keys
    /// asked about, so that part is not kept.
    checked: RefCell<HashMap<Oid, Proof>>,
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
            checked: RefCell::new(HashMap::new()),
        }
    }

    /// Whether any key is known: without, every signature is by an unknown key.
    pub fn knows_keys(&self) -> bool {
        !self.known.is_empty()
    }

    /// What the signature of `commit` says, against the keys this was made with.
    pub fn of(&self, r: &PlanRepo, commit: CommitId) -> SignatureState {
        self.of_against(r, commit, &self.known)
    }

    /// What the signature of `commit` says against the keys `known` (the rules of another
    /// revision, as a server judges each commit by the rules before it).
    pub fn of_against(&self, r: &PlanRepo, commit: CommitId, known: &[KnownKey]) -> SignatureState {
        let (key, fingerprint) = match self.proof(r, commit) {
            Proof::Unsigned => return SignatureState::Unsigned,
            Proof::Bad { reason } => return SignatureState::Bad { reason },
            Proof::Good { key, fingerprint } => (key, fingerprint),
        };
        match known.iter().find(|k| same_key(&k.key, &key)) {
            Some(k) => SignatureState::Known {
                person: k.person.clone(),
                email: k.email.clone(),
                partner: k.partner.clone(),
            },
            None => SignatureState::UnknownKey { fingerprint },
        }
    }

    /// What the signature of `commit` proves, checked once.
    pub fn proof(&self, r: &PlanRepo, commit: CommitId) -> Proof {
        let oid = commit.oid();
        if let Some(p) = self.checked.borrow().get(&oid) {
            return p.clone();
        }
        let p = self.check(&r.repo, oid);
        self.checked.borrow_mut().insert(oid, p.clone());
        p
    }

    fn check(&self, repo: &Repository, oid: Oid) -> Proof {
        let (signature, payload) = match repo.extract_signature(&oid, None) {
            Ok(pair) => pair,
            Err(e) if e.code() == git2::ErrorCode::NotFound => return Proof::Unsigned,
            Err(e) => {
                return Proof::Bad {
                    reason: said!("repo-git", detail = e.message()),
                };
            }
        };
        let signature = String::from_utf8_lossy(&signature);
        let Some(key) = signing_key(&signature) else {
            return Proof::Bad {
                reason: said!("signature-not-ssh"),
            };
        };
        match self.verify(&signature, &payload) {
            Ok(fingerprint) => Proof::Good { key, fingerprint },
            Err(reason) => Proof::Bad { reason },
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
}

/// What the signature of `commit` says, against the keys `known`. To check many commits,
/// keep one [`Signatures`], which checks each commit once.
pub fn signature(r: &PlanRepo, commit: CommitId, known: &[KnownKey]) -> SignatureState {
    Signatures::new(r, known.to_vec()).of(r, commit)
}

/// The keys of the people `gov` names.
pub fn known_keys(gov: &Governance) -> Vec<KnownKey> {
    gov.people
        .iter()
        .flat_map(|p| {
            p.keys.iter().map(|k| KnownKey {
                person: p.name.clone(),
                email: p.email.clone(),
                partner: p.partner.to_string(),
                key: k.clone(),
            })
        })
        .collect()
}

impl PlanRepo {
    /// The keys of the people the plan's governance names, as of HEAD; none when HEAD has no
    /// governance file or it does not read (`khutta check` says why).
    pub fn known_keys(&self) -> Vec<KnownKey> {
        let Ok(head) = self.repo.head().and_then(|h| h.peel_to_commit()) else {
            return Vec::new();
        };
        match self.governance_at(head.id().into()) {
            Ok(Some(gov)) => known_keys(&gov),
            _ => Vec::new(),
        }
    }

    /// The plan's `governance.ron` at `commit`, read alone (`None`: the plan has none, or
    /// there is no plan at that commit).
    pub fn governance_at(&self, commit: CommitId) -> Result<Option<Governance>, RepoError> {
        let Some(tree) = self.plan_tree(commit.oid())? else {
            return Ok(None);
        };
        let Some(entry) = tree.get_name(GOVERNANCE_FILE) else {
            return Ok(None);
        };
        let blob = self.repo.find_blob(entry.id())?;
        let fail = |d| {
            RepoError::Revision(super::RevisionError {
                rev: commit.to_string().chars().take(10).collect(),
                diagnostic: Box::new(d),
            })
        };
        let text = crate::store::decode(GOVERNANCE_FILE, blob.content()).map_err(fail)?;
        let mut gov: Governance = crate::store::parse(GOVERNANCE_FILE, text).map_err(fail)?;
        gov.normalize();
        Ok(Some(gov))
    }
}
