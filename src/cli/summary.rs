//! `khutta summary`: what a plan holds and whether it checks.

use super::check::counts;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::model::{ActivityKind, Lang};
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta summary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder, or the bundled plan).
    pub plan: Option<PathBuf>,
}

/// Prints the plan's title, window and counts, and its check result.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let (loaded, diagnostics) = khutta::workspace::check_folder(&root)?;
    let plan = &loaded.plan;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out = std::io::stdout().lock();
    let m = &plan.meta;
    writeln!(out, "{}", escape_controls(m.title.show(Lang::En)))?;
    let terminal = std::io::stdout().is_terminal();
    if let Some(ar) = m.title.get(Lang::Ar) {
        writeln!(out, "{}", ui.plan_line(ar, Lang::Ar, terminal))?;
    }
    writeln!(
        out,
        "plan      {}",
        escape_controls(&root.display().to_string())
    )?;
    writeln!(out, "window    {} to {}", m.window.start, m.window.end)?;
    let count = |k| plan.activities.values().filter(|a| a.kind == k).count();
    writeln!(
        out,
        "contents  {} activities ({} milestones, {} groups), {} partners, {} beneficiary groups, {} funding sources",
        plan.activities.len(),
        count(ActivityKind::Milestone),
        count(ActivityKind::Group),
        plan.partners.len(),
        plan.beneficiaries.len(),
        plan.funding.len()
    )?;
    let check = counts(&ui.messages, errors, diagnostics.len() - errors);
    writeln!(
        out,
        "check     {}",
        ui.plan_line(&check, ui.messages.lang(), terminal)
    )?;
    Ok(ExitCode::from(u8::from(errors > 0)))
}
