//! `khutta check`: every problem in a plan, located, as text or JSON.

use super::output::Style;
use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::check::{Diagnostic, Severity};
use khutta::i18n::Messages;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Explain a check code (such as E027) instead of checking: what it means, an example and
    /// what to do. Without a code, list every code.
    #[arg(long, value_name = "CODE", num_args = 0..=1, default_missing_value = "")]
    explain: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Exit 0 without errors (warnings allowed), 1 with errors, 2 when the plan cannot be read.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    if let Some(code) = &args.explain {
        return explain(code, ui);
    }
    let root = resolve_plan(args.plan.as_deref())?;
    let (loaded, mut diagnostics) =
        khutta::workspace::check_folder(&root, ui.folders.parse_cache().as_deref())?;
    super::warn_about_drivers(&root, ui);
    diagnostics.extend(renamed_two_ways(&root));
    khutta::check::sort(&mut diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Text => {
            let style = Style::stdout();
            let terminal = std::io::stdout().is_terminal();
            for d in &diagnostics {
                write_diagnostic(&mut out, style, ui, terminal, &root, d)?;
            }
            let files = loaded.sources.file_count() + 1;
            let m = &ui.messages;
            let plan = style.bold(&escape_controls(&root.display().to_string()));
            let line = m.get_args(
                "check-summary",
                &[
                    ("plan", plan.into()),
                    ("counts", counts(m, errors, warnings).into()),
                    ("files", m.count("count-files", files).into()),
                ],
            );
            writeln!(out, "{line}")?;
        }
        Format::Json => {
            let json = serde_json::json!({
                "plan": root.display().to_string(),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics.iter().map(|d| {
                    let mut v = serde_json::to_value(d).unwrap_or_default();
                    v["path"] = root.join(&d.path).display().to_string().into();
                    v
                }).collect::<Vec<_>>(),
            });
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            )?;
        }
    }
    Ok(ExitCode::from(u8::from(errors > 0)))
}

/// `khutta check --explain CODE`: the code's title, severity, meaning, example and fix in the
/// UI's language, from the table of [`khutta::check::explain`]; every code and its title when
/// `code` is empty. Exit 2 for a code khutta does not have.
fn explain(code: &str, ui: &Ui) -> Result<ExitCode, CommandError> {
    use khutta::check::explain::{CODES, explanation, find};
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    let style = Style::stdout();
    let line = |text: &str| ui.plan_line(text, m.lang(), terminal).into_owned();
    let label = |severity: Severity, code: &str| match severity {
        Severity::Error => style.error(&format!("error[{code}]")),
        Severity::Warning => style.warning(&format!("warning[{code}]")),
    };
    let mut out = std::io::stdout().lock();
    if code.trim().is_empty() {
        let (checks, imports): (Vec<_>, Vec<_>) = CODES
            .iter()
            .map(|c| explanation(*c))
            .partition(|e| !e.is_import());
        for (heading, codes) in [
            ("explain-list-heading", checks),
            ("explain-import-list-heading", imports),
        ] {
            writeln!(out, "{}", line(&m.get(heading)))?;
            for e in codes {
                let title = line(&m.get(e.title));
                writeln!(out, "  {}: {title}", label(e.severity(), e.code.as_str()))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Import codes (I001...) are in the same table: what `khutta import` refuses.
    let found = find(code).map(|e| {
        (
            e.code.as_str(),
            e.severity(),
            e.severity_key(),
            e.title,
            [e.meaning, e.example, e.fix],
        )
    });
    let Some((printed, severity, severity_key, title_key, [meaning, example, fix])) = found else {
        return Err(CommandError::Usage {
            message: khutta::said!("explain-unknown", code = code.trim()),
            hint: Some(khutta::said!("explain-unknown-hint")),
        });
    };
    let title = line(&m.get(title_key));
    writeln!(out, "{}: {title}", label(severity, printed))?;
    writeln!(out, "  {}", style.dim(&line(&m.get(severity_key))))?;
    for (heading, key) in [
        ("explain-meaning", meaning),
        ("explain-example", example),
        ("explain-fix", fix),
    ] {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(&line(&m.get(heading))))?;
        writeln!(out, "  {}", line(&m.get(key)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "2 errors, 1 warning", "no problems", in the UI's language.
pub fn counts(m: &Messages, errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => m.get("no-problems").into_owned(),
        (e, 0) => m.count("count-errors", e),
        (0, w) => m.count("count-warnings", w),
        (e, w) => m.get_args(
            "counts-pair",
            &[
                ("first", m.count("count-errors", e).into()),
                ("second", m.count("count-warnings", w).into()),
            ],
        ),
    }
}

/// `path:line:col: error[CODE]: message` and its hint line. The message and the hint are in
/// the UI's language (and in display order on a terminal with `bidi = app`); the location and
/// `error[CODE]` stay as editors and CI logs parse them, whatever the language.
pub fn write_diagnostic(
    out: &mut impl Write,
    style: Style,
    ui: &Ui,
    terminal: bool,
    root: &Path,
    d: &Diagnostic,
) -> std::io::Result<()> {
    let level = match d.severity {
        Severity::Error => style.error(&format!("error[{}]", d.code)),
        Severity::Warning => style.warning(&format!("warning[{}]", d.code)),
    };
    let m = &ui.messages;
    let path = escape_controls(&root.join(&d.path).display().to_string()).into_owned();
    let message = d.message.show(m);
    writeln!(
        out,
        "{path}:{}:{}: {level}: {}",
        d.line,
        d.col,
        ui.plan_line(&message, m.lang(), terminal)
    )?;
    let hint = m.get_args("check-hint", &[("hint", d.hint.show(m).into())]);
    writeln!(
        out,
        "  {}",
        style.dim(&ui.plan_line(&hint, m.lang(), terminal))
    )
}

/// An error as a key that survives a re-read (no line or column): what a sync compares
/// before and after, to say which problems arrived with it.
fn error_key(d: &Diagnostic) -> (String, String, String) {
    (d.code.to_string(), d.path.clone(), d.message.english())
}

/// The errors of the plan as it was at `commit`, checked from a scratch copy of that
/// revision's plan folder (with the parse cache every plan shares, keyed by content: warm).
fn error_keys_at(
    r: &khutta::repo::PlanRepo,
    commit: khutta::repo::CommitId,
    ui: &Ui,
) -> std::collections::BTreeSet<(String, String, String)> {
    let Ok(scratch) = tempfile::tempdir() else {
        return Default::default();
    };
    if r.write_plan_at(commit, scratch.path()).is_err() {
        return Default::default();
    }
    khutta::workspace::check_folder(scratch.path(), ui.folders.parse_cache().as_deref())
        .map(|(_, ds)| ds.iter().filter(|d| d.is_error()).map(error_key).collect())
        .unwrap_or_default()
}

/// Prints the errors of the plan at `root` that the plan at `before` (the commit a sync
/// started from) did not have; returns how many. The plan as it was is read only when there
/// is an error now: most syncs check one plan, not two.
pub fn report_new_errors(
    root: &Path,
    r: &khutta::repo::PlanRepo,
    before: Option<khutta::repo::CommitId>,
    ui: &Ui,
) -> Result<usize, CommandError> {
    let Ok((_, diagnostics)) =
        khutta::workspace::check_folder(root, ui.folders.parse_cache().as_deref())
    else {
        return Ok(0);
    };
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return Ok(0);
    }
    let known = before.map(|c| error_keys_at(r, c, ui)).unwrap_or_default();
    let new: Vec<&Diagnostic> = errors
        .into_iter()
        .filter(|d| !known.contains(&error_key(d)))
        .collect();
    if new.is_empty() {
        return Ok(0);
    }
    let m = &ui.messages;
    let mut out = std::io::stdout().lock();
    let terminal = std::io::stdout().is_terminal();
    let heading = m.count("sync-new-errors", new.len());
    writeln!(out, "{}", ui.plan_line(&heading, m.lang(), terminal))?;
    for d in &new {
        write_diagnostic(&mut out, Style::stdout(), ui, terminal, root, d)?;
    }
    Ok(new.len())
}

/// What git's index says about entities renamed two ways by a plain `git` merge, as errors
/// located on our file.
fn renamed_two_ways(root: &Path) -> Vec<Diagnostic> {
    let Ok(r) = khutta::repo::PlanRepo::discover(root) else {
        return Vec::new();
    };
    let stem = |p: &str| {
        p.rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".ron"))
            .unwrap_or(p)
            .to_owned()
    };
    khutta::repo::renamed_two_ways(&r)
        .into_iter()
        .map(|(from, ours, theirs)| {
            Diagnostic::file(
                khutta::check::Code::RenamedTwoWays,
                ours.clone(),
                (1, 1),
                khutta::said!(
                    "check-renamed-two-ways",
                    from = &stem(&from),
                    ours = &stem(&ours),
                    theirs = &stem(&theirs)
                ),
                khutta::said!("check-renamed-two-ways-hint", theirs = &theirs),
            )
        })
        .collect()
}
