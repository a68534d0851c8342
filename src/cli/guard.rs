//! `khutta guard`: the hook a git server runs, so that a push the plan's rules do not allow
//! never lands.
//!
//! `pre-receive` reads git's `OLD NEW REF` lines on standard input, `update REF OLD NEW` its
//! arguments; both check the commits of the push that no ref of the server holds yet, each
//! against the rules of `governance.ron` as they stood before it (its first parent's), and
//! refuse the whole push (exit 1) when any commit breaks one. The refusal goes to standard
//! error, which git sends to the pusher as `remote:` lines, so that it reaches `khutta sync`
//! and the TUI: one line per problem, naming the commit, its author, the entity, the field and
//! the rule. It is written in the server's language (`--lang`, English unless the hook says
//! otherwise). `install REPO.git` writes the hook into a bare repository.

use super::CommandError;
use super::ui::Ui;
use khutta::i18n::Said;
use khutta::model::GOVERNANCE_FILE;
use khutta::model::governance::Signing;
use khutta::repo::pushed::{self, RefUpdate};
use khutta::repo::{
    CommitId, CommitReport, Finding as VerifyFinding, PlanRepo, Proof, RepoError, SignatureProblem,
    SignatureState, Signatures, VerifyOptions, verify_commits,
};
use khutta::rights::Refusal;
use khutta::said;
use khutta::text::escape_controls;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta guard`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: GuardCommand,
}

#[derive(Debug, clap::Subcommand)]
enum GuardCommand {
    /// git's pre-receive hook: reads `OLD NEW REF` lines on standard input and refuses the
    /// push when a new commit breaks the plan's rules.
    PreReceive,
    /// git's update hook: checks the new commits of one ref.
    Update {
        /// The ref being updated.
        refname: String,
        /// Its old commit (all zeros: the push creates it).
        old: String,
        /// Its new commit (all zeros: the push deletes it).
        new: String,
    },
    /// Writes the hook into a bare repository on the server.
    Install {
        /// The bare repository (`plan.git`).
        repo: PathBuf,
        /// Replace a hook that khutta did not write.
        #[arg(long)]
        force: bool,
        /// Write git's `update` hook instead of `pre-receive` (for a server that runs only
        /// that one, or keeps `pre-receive` for something else).
        #[arg(long)]
        update: bool,
    },
}

/// The line every hook khutta writes carries, so that `install` knows its own.
const MARK: &str = "# khutta guard:";

/// The longest hook input read: far more refs than any push moves.
const MAX_INPUT: u64 = 16 * 1024 * 1024;

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    match args.command {
        GuardCommand::PreReceive => {
            let mut input = String::new();
            std::io::stdin()
                .take(MAX_INPUT)
                .read_to_string(&mut input)
                .map_err(|e| CommandError::Internal(said!("error-output", error = &e)))?;
            let updates = pushed::ref_updates(&input)?;
            guard(&updates, ui)
        }
        GuardCommand::Update { refname, old, new } => {
            let update = pushed::ref_update(&refname, &old, &new)?;
            guard(&[update], ui)
        }
        GuardCommand::Install {
            repo,
            force,
            update,
        } => install(&repo, force, update, ui),
    }
}

/// One thing a pushed commit does that the rules refuse.
struct Finding {
    commit: CommitId,
    subject: String,
    author: String,
    email: String,
    /// The entity, in words (`activity pilot-amman`); `None`: no entity (the plan's own file,
    /// the rules, the commit as a whole).
    entity: Option<Said>,
    /// The field as the diff names it (`budget[0].amount`).
    field: Option<String>,
    /// The rule's short name (`not-granted`, `signing-required`).
    rule: &'static str,
    /// Why, in words.
    why: Said,
}

/// Checks the new commits of `updates` and refuses the push when any breaks a rule.
fn guard(updates: &[RefUpdate], ui: &Ui) -> Result<ExitCode, CommandError> {
    let repo = pushed::open_hook_repository()?;
    // A push that takes commits away from the published branch brings no new commit to
    // walk: it is judged on its own, first.
    let rewrites = rewrite_findings(&pushed::rewrites(&repo, updates)?)?;
    if !rewrites.is_empty() {
        refuse(updates, &rewrites, ui);
        return Ok(ExitCode::from(1));
    }
    let commits = pushed::new_commits(&repo, updates)?;
    let Some(tip) = commits.last().copied() else {
        return Ok(ExitCode::SUCCESS);
    };
    let Some(prefix) = pushed::plan_folder(&repo, tip)? else {
        // A push that holds no plan has nothing the rules speak of.
        return Ok(ExitCode::SUCCESS);
    };
    let r = pushed::plan_in(repo, prefix);
    if !worth_walking(&r, &commits)? {
        return Ok(ExitCode::SUCCESS);
    }
    // The same walk as `khutta verify`, over the commits no ref holds yet, with each
    // signature proved by ssh-keygen.
    let signatures = Signatures::new(&r, Vec::new());
    let proof = |c| signatures.proof(&r, c);
    let opts = VerifyOptions {
        signatures: Some(&proof),
        skip_check: false,
    };
    let tips = pushed::pushed_tips(&r.repo, updates);
    let hidden = pushed::ref_tips(&r.repo)?;
    let report = verify_commits(&r, &tips, &hidden, &opts)?;
    let mut findings = Vec::new();
    for c in &report.commits {
        findings.extend(findings_of(&r, c, &signatures)?);
    }
    tracing::info!(
        commits = report.walked,
        findings = findings.len(),
        "guard: push checked"
    );
    if findings.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    refuse(updates, &findings, ui);
    Ok(ExitCode::from(1))
}

/// What the plan's rules say of pushes that take commits away from the published branch:
/// deleting it is refused; moving it elsewhere is the coordinators' alone, by a commit whose
/// author is a coordinator's person (and signed by their key where the rules ask for
/// signatures). Where the branch held no plan, or the plan has no rules, there is no one to
/// judge by and nothing is said.
fn rewrite_findings(rewrites: &[pushed::Rewrite]) -> Result<Vec<Finding>, CommandError> {
    let mut out = Vec::new();
    for rw in rewrites {
        let repo = pushed::open_hook_repository()?;
        let Some(prefix) = pushed::plan_folder(&repo, rw.old)? else {
            continue;
        };
        let r = pushed::plan_in(repo, prefix);
        let Some(rules) = r.governance_at(rw.old)? else {
            continue;
        };
        let (name, email) = rw.author.clone();
        let why = match rw.new {
            None => Some(said!("guard-rewrite-deleted")),
            Some(new) => match rules.person(&email) {
                Some(p) if rules.is_coordinator(&p.partner) => {
                    let signed = match Signatures::new(&r, Vec::new()).proof(&r, new) {
                        khutta::repo::Proof::Good { key, .. } => p.has_key(&key),
                        _ => false,
                    };
                    (rules.signing == Signing::Required && !signed)
                        .then(|| said!("guard-rewrite-unsigned"))
                }
                _ => Some(said!("guard-rewrite-not-coordinator")),
            },
        };
        if let Some(why) = why {
            out.push(Finding {
                commit: rw.tip,
                subject: rw.subject.clone(),
                author: name,
                email,
                entity: Some(said!("guard-branch", name = &rw.refname)),
                field: None,
                rule: "rewrites-history",
                why: said!("guard-rewrite", count = rw.dropped, why = why),
            });
        }
    }
    Ok(out)
}

/// Whether any of `commits` gives the rules something to say: a change to the plan folder,
/// or a parent whose rules ask for signatures. A push of other files passes without reading
/// the plan.
fn worth_walking(r: &PlanRepo, commits: &[CommitId]) -> Result<bool, RepoError> {
    for c in commits {
        let facts = r.facts(*c)?;
        if facts.touches_plan {
            return Ok(true);
        }
        if let Some(&parent) = facts.parents.first()
            && r.governance_at(parent)?
                .is_some_and(|g| g.signing == Signing::Required)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The findings of one commit of the walk in the words the pusher reads: each breach with
/// its entity and field, each signature problem with whose key it is, each new `check` error
/// with its file.
fn findings_of(
    r: &PlanRepo,
    c: &CommitReport,
    signatures: &Signatures,
) -> Result<Vec<Finding>, RepoError> {
    let finding =
        |entity: Option<Said>, field: Option<String>, rule: &'static str, why: Said| Finding {
            commit: c.id,
            subject: c.summary.clone(),
            author: c.author.name.clone(),
            email: c.author.email.clone(),
            entity,
            field,
            rule,
            why,
        };
    let mut out = Vec::new();
    for f in &c.findings {
        match f {
            VerifyFinding::Breach(b) => {
                let entity = b.entity.as_ref().map(|(kind, id)| {
                    said!("guard-entity", noun = khutta::check::noun(*kind), id = id)
                });
                // The rules themselves are a file, and a person looks for it by name.
                let field = match (&b.field, &b.why) {
                    (None, Refusal::RulesNeedCoordinator) => Some(GOVERNANCE_FILE.to_owned()),
                    _ => b.field.clone(),
                };
                out.push(finding(entity, field, b.why.rule(), b.why.said()));
            }
            VerifyFinding::Signature(p) => {
                let (rule, why) = signature_problem(r, c, p, signatures)?;
                out.push(finding(None, None, rule, why));
            }
            // The plan the server holds keeps loading and passing its checks: an error a
            // commit brings is refused, whoever made it.
            VerifyFinding::Check { new, .. } => {
                for d in new {
                    let place = if d.line > 0 {
                        format!("{}:{}:{}", d.path, d.line, d.col)
                    } else {
                        d.path.clone()
                    };
                    out.push(finding(
                        None,
                        Some(place),
                        d.code.as_str(),
                        d.message.clone(),
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// A signature problem's rule and words, naming whose key signed when the rules know it.
fn signature_problem(
    r: &PlanRepo,
    c: &CommitReport,
    p: &SignatureProblem,
    signatures: &Signatures,
) -> Result<(&'static str, Said), RepoError> {
    let required = |why: Said| said!("guard-signing-required", why = why);
    Ok(match p {
        SignatureProblem::Unsigned => ("signing-required", required(said!("guard-unsigned"))),
        SignatureProblem::Unverifiable => {
            ("signing-required", required(said!("guard-unverifiable")))
        }
        SignatureProblem::Bad => {
            let reason = match signatures.proof(r, c.id) {
                Proof::Bad { reason } => reason,
                _ => said!("guard-unverifiable"),
            };
            ("bad-signature", said!("signature-bad", reason = reason))
        }
        SignatureProblem::UnknownKey { .. } => {
            // Whose key it is, by the rules the commit was judged by (its first parent's).
            let keys = match r.facts(c.id)?.parents.first() {
                Some(p) => r
                    .governance_at(*p)?
                    .map(|g| khutta::repo::known_keys(&g))
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            let why = match signatures.of_against(r, c.id, &keys) {
                SignatureState::Known {
                    person, partner, ..
                } => said!(
                    "guard-signed-by-other",
                    person = &person,
                    partner = &partner
                ),
                other => said!("guard-key-not-listed", why = other.said()),
            };
            ("key-not-listed", why)
        }
    })
}

/// Says on standard error, for git to pass on as `remote:` lines, why the push is refused:
/// one line per finding, then what to do.
fn refuse(updates: &[RefUpdate], findings: &[Finding], ui: &Ui) {
    let m = &ui.messages;
    let refs: Vec<&str> = updates.iter().map(|u| u.refname.as_str()).collect();
    let head = said!(
        "guard-refused",
        refs = &refs.join(", "),
        count = findings.len()
    );
    eprintln!("{}", escape_controls(&head.show(m)));
    for f in findings {
        let id = f.commit.to_string();
        let what = match (&f.entity, &f.field) {
            (Some(e), Some(field)) => {
                said!("guard-entity-field", entity = e.clone(), field = field)
            }
            (Some(e), None) => e.clone(),
            (None, Some(field)) => said!("guard-file", path = field),
            (None, None) => said!("guard-whole-commit"),
        };
        let line = said!(
            "guard-finding",
            commit = &id[..id.len().min(10)],
            subject = &f.subject,
            author = &f.author,
            email = &f.email,
            what = what,
            rule = f.rule,
            why = f.why.clone()
        );
        eprintln!("{}", escape_controls(&line.show(m)));
    }
    eprintln!("{}", escape_controls(&said!("guard-refused-hint").show(m)));
}

/// The hook's text: a shell script that runs this very binary.
fn hook_script(exe: &Path, update: bool, ui: &Ui) -> String {
    let quoted = format!("'{}'", exe.display().to_string().replace('\'', r"'\''"));
    let lang = ui.messages.lang().tag();
    let call = if update {
        format!("exec {quoted} --lang {lang} guard update \"$1\" \"$2\" \"$3\"")
    } else {
        format!("exec {quoted} --lang {lang} guard pre-receive")
    };
    format!(
        "#!/bin/sh\n{MARK} refuses pushes that the plan's governance.ron does not allow.\n\
         # Written by `khutta guard install`; run it again after moving khutta.\n{call}\n"
    )
}

/// Writes the hook into the bare repository `repo`.
fn install(repo: &Path, force: bool, update: bool, ui: &Ui) -> Result<ExitCode, CommandError> {
    let git_dir = pushed::open_bare(repo)?.path().to_path_buf();
    let name = if update { "update" } else { "pre-receive" };
    let hooks = git_dir.join("hooks");
    let hook = hooks.join(name);
    let io = |path: &Path, e: std::io::Error| {
        CommandError::from(RepoError::Io {
            path: path.to_path_buf(),
            source: e,
        })
    };
    // A hook of someone else's (gitolite's `update`, a CI trigger) is not ours to replace.
    match std::fs::read(&hook) {
        Ok(old) if !force && !String::from_utf8_lossy(&old).contains(MARK) => {
            return Err(CommandError::User {
                message: said!("guard-foreign-hook", path = &hook.display()),
                hint: Some(said!("guard-foreign-hook-hint")),
            });
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(&hook, e)),
    }
    let exe = std::env::current_exe()
        .and_then(std::fs::canonicalize)
        .map_err(|e| CommandError::Internal(said!("error-output", error = &e)))?;
    std::fs::create_dir_all(&hooks).map_err(|e| io(&hooks, e))?;
    write_hook(&hook, hook_script(&exe, update, ui).as_bytes()).map_err(|e| io(&hook, e))?;
    let m = &ui.messages;
    let line = said!(
        "guard-installed",
        path = &hook.display(),
        exe = &exe.display()
    );
    println!("{}", escape_controls(&line.show(m)));
    Ok(ExitCode::SUCCESS)
}

#[cfg(unix)]
fn write_hook(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    khutta::store::write_atomic_executable(path, bytes)
}

#[cfg(not(unix))]
fn write_hook(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    khutta::store::write_atomic(path, bytes)
}
