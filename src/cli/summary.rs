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
    let (loaded, diagnostics) =
        khutta::workspace::check_folder(&root, ui.folders.parse_cache().as_deref())?;
    let plan = &loaded.plan;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out = std::io::stdout().lock();
    let m = &plan.meta;
    writeln!(out, "{}", escape_controls(m.title.show(Lang::En)))?;
    let terminal = std::io::stdout().is_terminal();
    if let Some(ar) = m.title.get(Lang::Ar) {
        writeln!(out, "{}", ui.plan_line(ar, Lang::Ar, terminal))?;
    }
    let msg = &ui.messages;
    let ui_lang = msg.lang();
    // Labels are padded to one column so that the values line up, in either language.
    let line = |label: &str, value: &str| -> String {
        let label = msg.get(label);
        let pad = 10usize.saturating_sub(khutta::text::str_width(&label));
        format!("{label}{:pad$}{value}", "")
    };
    let path = escape_controls(&root.display().to_string()).into_owned();
    writeln!(
        out,
        "{}",
        ui.plan_line(&line("summary-plan", &path), ui_lang, terminal)
    )?;
    let window = msg.get_args(
        "window-range",
        &[
            ("start", m.window.start.to_string().into()),
            ("end", m.window.end.to_string().into()),
        ],
    );
    writeln!(
        out,
        "{}",
        ui.plan_line(&line("summary-window", &window), ui_lang, terminal)
    )?;
    let count = |k| plan.activities.values().filter(|a| a.kind == k).count();
    let contents = msg.get_args(
        "summary-contents-line",
        &[
            (
                "activities",
                msg.count("count-activities", plan.activities.len()).into(),
            ),
            (
                "milestones",
                msg.count("count-milestones", count(ActivityKind::Milestone))
                    .into(),
            ),
            (
                "groups",
                msg.count("count-groups", count(ActivityKind::Group)).into(),
            ),
            (
                "partners",
                msg.count("count-partners", plan.partners.len()).into(),
            ),
            (
                "beneficiaries",
                msg.count("count-beneficiaries", plan.beneficiaries.len())
                    .into(),
            ),
            (
                "funding",
                msg.count("count-funding", plan.funding.len()).into(),
            ),
        ],
    );
    writeln!(
        out,
        "{}",
        ui.plan_line(&line("summary-contents", &contents), ui_lang, terminal)
    )?;
    let check = counts(msg, errors, diagnostics.len() - errors);
    writeln!(
        out,
        "{}",
        ui.plan_line(&line("summary-check", &check), ui_lang, terminal)
    )?;
    Ok(ExitCode::from(u8::from(errors > 0)))
}
