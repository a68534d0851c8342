//! `khutta diff [REV_A] [REV_B]`: what changed in the plan between two revisions, or between a
//! revision and the working tree, in plan terms; and git's textconv and external-diff modes
//! (`--textconv FILE`, `--external ARGS...`, in `diff_git.rs`).
//!
//! Exit 0 whether or not there are changes (1 with `--exit-code` when there are), 2 when a
//! revision or the working tree's plan cannot be read.

use super::output::Style;
use super::ui::Ui;
use super::{CommandError, diff_git, resolve_plan};
use khutta::diff::Review;
use khutta::diff::lines::LineKind;
use khutta::diff::review;
use khutta::model::Plan;
use khutta::repo::{PlanRepo, RepoError};
use khutta::said;
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `khutta diff`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old revision: a commit, branch, tag or baseline name (default: HEAD); `A..B` names
    /// both.
    rev_a: Option<String>,
    /// The new revision (default: the working tree).
    rev_b: Option<String>,
    /// Output format: coloured text, Markdown for a pull request, or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with 1 when there are changes, as `git diff --exit-code` does.
    #[arg(long)]
    exit_code: bool,
    /// Print one plan file as one fact per line, for git's textconv (set up by `init`).
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["rev_a", "rev_b", "external", "exit_code", "plan_option"]
    )]
    textconv: Option<PathBuf>,
    /// git's external diff: `GIT_EXTERNAL_DIFF="khutta diff --external"`, which git calls
    /// with `path old-file old-hex old-mode new-file new-hex new-mode`.
    #[arg(
        long,
        num_args = 1..=9,
        allow_hyphen_values = true,
        value_name = "GIT_ARG",
        conflicts_with_all = ["rev_a", "rev_b", "exit_code", "plan_option"]
    )]
    external: Option<Vec<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Md,
    Json,
}

/// Failures to read a revision are usage errors here: the user named something unreadable.
pub(super) fn unreadable(e: RepoError) -> CommandError {
    match e {
        RepoError::NoSuchRevision(_)
        | RepoError::NoPlanAt(_)
        | RepoError::Revision(_)
        | RepoError::NotARepository { .. } => CommandError::Usage {
            message: e.said(),
            hint: e.hint(),
        },
        e => e.into(),
    }
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    if let Some(file) = &args.textconv {
        return diff_git::textconv(file, &ui.messages);
    }
    if let Some(git_args) = &args.external {
        return diff_git::external(git_args, &ui.messages);
    }
    // `khutta diff PLAN_FOLDER` is what people type, as with every other command: a plan
    // folder there is the plan (its last commit against its working tree), not a revision.
    let mut args = args;
    let mut plan = None;
    if super::plan_option().is_none()
        && args.rev_b.is_none()
        && let Some(a) = args.rev_a.as_deref()
        && Path::new(a)
            .join(khutta::store::layout::PLAN_FILE)
            .is_file()
    {
        plan = args.rev_a.take().map(PathBuf::from);
    }
    let root = resolve_plan(plan.as_deref())?;
    let r = PlanRepo::discover(&root).map_err(unreadable)?;
    let (a_rev, b_rev) = match (args.rev_a.as_deref(), args.rev_b.as_deref()) {
        (Some(range), None) if range.contains("..") => {
            let (a, b) = range.split_once("..").unwrap_or((range, ""));
            let or_head = |s: &str| if s.is_empty() { "HEAD" } else { s }.to_owned();
            (or_head(a), Some(or_head(b)))
        }
        (a, b) => (a.unwrap_or("HEAD").to_owned(), b.map(str::to_owned)),
    };
    let commit = |rev: &str| r.commit_of(rev).map_err(unreadable);
    // Two commits make a range, with authors; the working tree has none.
    let review = match &b_rev {
        Some(b_rev) => r
            .review(commit(&a_rev)?, commit(b_rev)?)
            .map_err(unreadable)?,
        None => {
            let a = r.plan_at(commit(&a_rev)?).map_err(unreadable)?;
            Review::new(&a, &working_tree(&root, ui)?)
        }
    };
    let mut out = std::io::stdout().lock();
    let msg = &ui.messages;
    match args.format {
        Format::Text => {
            let (terminal, style) = (std::io::stdout().is_terminal(), Style::stdout());
            for line in review::lines(&review, msg) {
                let shown = ui.review_line(&line, terminal);
                writeln!(out, "{}", paint_line(line.kind, &shown, style))?;
            }
        }
        Format::Md => write!(out, "{}", review::markdown(&review, msg))?,
        Format::Json => write!(
            out,
            "{}",
            review::json(&review).map_err(|e| CommandError::Internal(khutta::said!(
                "output-internal",
                reason = &e.to_string()
            )))?
        )?,
    }
    Ok(ExitCode::from(u8::from(
        args.exit_code && !review.is_empty(),
    )))
}

/// The plan in the working tree; a plan with files that do not load is refused, each
/// problem printed with its location, so that no diff silently leaves a file out.
fn working_tree(root: &Path, ui: &Ui) -> Result<Plan, CommandError> {
    let loaded = khutta::store::load_with_cache(root, ui.folders.parse_cache().as_deref())?;
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return Ok(loaded.plan);
    }
    let mut err = std::io::stderr().lock();
    for d in &errors {
        let terminal = std::io::stderr().is_terminal();
        super::check::write_diagnostic(&mut err, Style::stderr(), ui, terminal, root, d)?;
    }
    Err(CommandError::Usage {
        message: said!("diff-working-tree-unreadable", count = errors.len()),
        hint: Some(said!("diff-working-tree-unreadable-hint")),
    })
}

/// Colours a line of a review by what it says: section headers bold, added entities and fixed
/// problems green, removed entities and introduced problems red, renamed and changed cyan. The text is already escaped, so the only escape sequences
/// in the output are these (and the explicit mode around Arabic on a terminal).
pub(super) fn paint_line(kind: LineKind, line: &str, style: Style) -> Cow<'_, str> {
    if !style.is_on() {
        return Cow::Borrowed(line);
    }
    Cow::Owned(match kind {
        LineKind::Heading => style.bold(line),
        LineKind::Added | LineKind::Fixed => style.added(line),
        LineKind::Removed | LineKind::Introduced => style.removed(line),
        LineKind::Renamed | LineKind::Changed => style.changed(line),
        LineKind::Detail => return Cow::Borrowed(line),
    })
}

/// Colours git's external diff of one file by line: the file's line bold, added green,
/// removed red, renamed and changed cyan. The text is already escaped, so the only escape
/// sequences in the output are these.
pub fn paint(text: &str, style: Style) -> String {
    if !style.is_on() {
        return text.to_owned();
    }
    let mut s = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        let trimmed = line.trim_start();
        let painted = if !line.starts_with(' ') {
            style.bold(line)
        } else if trimmed.starts_with("added ") || trimmed.starts_with("+ ") {
            style.added(line)
        } else if trimmed.starts_with("removed ") || trimmed.starts_with("- ") {
            style.removed(line)
        } else if trimmed.starts_with("renamed ") || trimmed.starts_with("changed ") {
            style.changed(line)
        } else {
            line.to_owned()
        };
        s.push_str(&painted);
        s.push('\n');
    }
    s
}
