//! `khutta baseline NAME [REV]`: record an approved version of the plan as the annotated tag
//! `baseline/NAME`; `khutta baseline --list` lists them. `khutta diff NAME` compares with one.

use super::{CommandError, resolve_plan};
use khutta::repo::{Baseline, PlanRepo};
use khutta::text::escape_controls;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta baseline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The baseline's name, such as `2026-q1` or `donor-approved`.
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// The revision to record (default: HEAD).
    #[arg(requires = "name")]
    rev: Option<String>,
    /// A note kept in the tag's message (who approved it, where).
    #[arg(long, short = 'm', value_name = "NOTE")]
    message: Option<String>,
    /// Replace an existing baseline of that name.
    #[arg(long)]
    force: bool,
    /// List the baselines instead.
    #[arg(long, conflicts_with_all = ["name", "message", "force"])]
    list: bool,
    /// Output format of `--list`.
    #[arg(long, value_enum, default_value_t = Format::Text, requires = "list")]
    format: Format,
    /// The plan folder (default: the current folder).
    #[arg(long, value_name = "DIR")]
    plan: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn date(time: i64) -> String {
    chrono::DateTime::from_timestamp(time, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn short(b: &Baseline) -> String {
    b.commit.to_string().chars().take(10).collect()
}

/// The note under the tag message's first line, if any.
fn note(b: &Baseline) -> &str {
    b.message
        .split_once('\n')
        .map_or("", |(_, rest)| rest.trim())
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let mut out = std::io::stdout().lock();
    if args.list {
        let r = PlanRepo::discover(&root)?;
        let list = r.baselines()?;
        match args.format {
            Format::Text => {
                for b in &list {
                    let n = note(b);
                    writeln!(
                        out,
                        "{}  {}  {}  {} <{}>{}",
                        escape_controls(&b.name),
                        short(b),
                        date(b.time),
                        escape_controls(&b.by),
                        escape_controls(&b.email),
                        if n.is_empty() {
                            String::new()
                        } else {
                            format!("  {}", escape_controls(&n.replace('\n', " ")))
                        }
                    )?;
                }
            }
            Format::Json => {
                let items: Vec<serde_json::Value> = list
                    .iter()
                    .map(|b| {
                        serde_json::json!({
                            "name": b.name,
                            "commit": b.commit.to_string(),
                            "by": b.by,
                            "email": b.email,
                            "date": chrono::DateTime::from_timestamp(b.time, 0).map(|t| t.to_rfc3339()),
                            "note": note(b),
                        })
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&items)
                        .map_err(|e| CommandError::Internal(e.to_string().into()))?
                )?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(name) = args.name else {
        return Err(CommandError::Usage {
            message: "name the baseline".into(),
            hint: Some("for example `khutta baseline 2026-q1`".into()),
        });
    };
    let r = PlanRepo::open(&root)?;
    let commit = r.commit_of(args.rev.as_deref().unwrap_or("HEAD"))?;
    let b = r.record_baseline(&name, commit, args.message.as_deref(), args.force)?;
    let summary = r
        .repo
        .find_commit(b.commit)
        .ok()
        .and_then(|c| c.summary().ok().flatten().map(str::to_owned))
        .unwrap_or_default();
    writeln!(
        out,
        "recorded baseline {} at {} ({}); compare with `khutta diff {}`",
        escape_controls(&b.name),
        short(&b),
        escape_controls(&summary),
        escape_controls(&b.name)
    )?;
    Ok(ExitCode::SUCCESS)
}
