//! `khutta verify [REV_RANGE]`: every commit of a range judged by the plan's rules
//! (`governance.ron`), for CI and for a coordinator before a merge. Reports each change made
//! outside its author's rights, each signature the rules do not accept, and each commit after
//! which `check` fails.
//!
//! The default range is what HEAD has that its upstream does not (`@{upstream}..HEAD`), or
//! HEAD's whole history on a branch without one. Exit 0: nothing found; 1: findings; 2: the
//! range or the repository cannot be read.

use super::output::Style;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::i18n::{Messages, Said};
use khutta::repo::{Finding, PlanRepo, RepoError, SignatureProblem, VerifyOptions, verify_range};
use khutta::said;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Arguments of `khutta verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The commits to verify: `BASE..TIP`, or a revision and its whole history (default:
    /// `@{upstream}..HEAD`, or all of HEAD's history without an upstream).
    range: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Only rights and signatures: do not run `check` after each commit.
    #[arg(long)]
    no_check: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A failure to read the repository or the range is a usage error here (exit 2): exit 1 is
/// kept for findings, so that CI can tell a breach from a broken job.
fn usage(e: RepoError) -> CommandError {
    match CommandError::from(e) {
        CommandError::User { message, hint } | CommandError::Usage { message, hint } => {
            CommandError::Usage { message, hint }
        }
        other => other,
    }
}

/// Exit 0 when no commit has a finding, 1 when one has, 2 when the range cannot be read.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let r = PlanRepo::discover(&root).map_err(usage)?;
    let (base, tip) = match &args.range {
        Some(spec) => r.verify_range_of(spec),
        None => r.default_verify_range(),
    }
    .map_err(usage)?;
    // Each signature proved by ssh-keygen; whose key it is, the walk asks the rules before
    // each commit.
    let signatures = khutta::repo::Signatures::new(&r, Vec::new());
    let proof = |c| signatures.proof(&r, c);
    let opts = VerifyOptions {
        signatures: Some(&proof),
        skip_check: args.no_check,
    };
    let started = std::time::Instant::now();
    let report = verify_range(&r, base, tip, &opts).map_err(usage)?;
    tracing::info!(
        commits = report.walked,
        flagged = report.commits.len(),
        ms = started.elapsed().as_millis() as u64,
        "verify"
    );
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let json = serde_json::json!({
                "base": base.map(|b| b.to_string()),
                "tip": tip.to_string(),
                "walked": report.walked,
                "commits": report.commits.iter().map(|c| {
                    let mut v = serde_json::to_value(c).unwrap_or_default();
                    v["short"] = c.id.short().into();
                    v
                }).collect::<Vec<_>>(),
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            )?;
        }
        Format::Text => {
            let terminal = std::io::stdout().is_terminal();
            let style = Style::stdout();
            let m = &ui.messages;
            let line = |s: &str| ui.plan_line(s, m.lang(), terminal).into_owned();
            for c in &report.commits {
                let head = said!(
                    "verify-commit",
                    commit = &c.id.short(),
                    author = &escape_controls(&c.author.name),
                    email = &escape_controls(&c.author.email),
                    summary = &escape_controls(&c.summary)
                );
                writeln!(out, "{}", style.bold(&line(&head.show(m))))?;
                for f in &c.findings {
                    for l in finding_lines(f, m) {
                        writeln!(out, "  {}", line(&l))?;
                    }
                }
            }
            let summary = said!(
                "verify-summary",
                walked = report.walked,
                flagged = report.commits.len()
            );
            writeln!(out, "{}", line(&summary.show(m)))?;
        }
    }
    Ok(ExitCode::from(u8::from(!report.is_clean())))
}

/// The lines that say one finding, in the reader's language.
fn finding_lines(f: &Finding, m: &Messages) -> Vec<String> {
    match f {
        Finding::Breach(b) => vec![b.said().show(m)],
        Finding::Signature(p) => vec![signature(p).show(m)],
        Finding::Check { new, kept } => {
            let mut lines = vec![said!("verify-check", new = new.len(), kept = *kept).show(m)];
            for d in new {
                let code = d.code.as_str();
                let text = said!(
                    "verify-check-error",
                    path = &escape_controls(&d.path),
                    code = code,
                    message = d.message.clone()
                );
                lines.push(format!("  {}", text.show(m)));
            }
            lines
        }
    }
}

fn signature(p: &SignatureProblem) -> Said {
    match p {
        SignatureProblem::Unsigned => said!("verify-sig-unsigned"),
        SignatureProblem::Unverifiable => said!("verify-sig-unverifiable"),
        SignatureProblem::Bad => said!("verify-sig-bad"),
        SignatureProblem::UnknownKey { key } => {
            said!("verify-sig-unknown-key", key = &escape_controls(key))
        }
    }
}
