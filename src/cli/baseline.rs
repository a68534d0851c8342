//! `khutta baseline NAME [REV]`: record an approved version of the plan as the annotated tag
//! `baseline/NAME`; `khutta baseline --list` lists them. `khutta diff NAME` compares with one.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::repo::{Baseline, PlanRepo};
use khutta::said;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
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
    b.commit.abbreviated(10)
}

/// The note under the tag message's first line, if any.
fn note(b: &Baseline) -> &str {
    b.message
        .split_once('\n')
        .map_or("", |(_, rest)| rest.trim())
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    if args.list {
        let r = PlanRepo::discover(&root)?;
        let list = r.baselines()?;
        match args.format {
            Format::Text => {
                for b in &list {
                    let n = note(b);
                    // Names, people and notes may be Arabic: in display order on a terminal.
                    let line = format!(
                        "{}  {}  {}  {} <{}>{}",
                        b.name,
                        short(b),
                        date(b.time),
                        b.by,
                        b.email,
                        if n.is_empty() {
                            String::new()
                        } else {
                            format!("  {}", n.replace('\n', " "))
                        }
                    );
                    writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
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
                    serde_json::to_string_pretty(&items).map_err(|e| CommandError::Internal(
                        khutta::said!("output-internal", reason = &e.to_string())
                    ))?
                )?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(name) = args.name else {
        return Err(CommandError::Usage {
            message: said!("baseline-name-it"),
            hint: Some(said!("baseline-name-it-hint")),
        });
    };
    let r = PlanRepo::open(&root)?;
    let commit = r.commit_of(args.rev.as_deref().unwrap_or("HEAD"))?;
    let b = r.record_baseline(&name, commit, args.message.as_deref(), args.force)?;
    let summary = r.summary(b.commit);
    let name = escape_controls(&b.name).into_owned();
    let line = m.get_args(
        "baseline-recorded",
        &[
            ("name", name.into()),
            ("commit", short(&b).into()),
            ("summary", escape_controls(&summary).into_owned().into()),
        ],
    );
    writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    Ok(ExitCode::SUCCESS)
}
