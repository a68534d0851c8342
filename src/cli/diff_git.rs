//! The two ways git runs `khutta diff` on one file.
//!
//! - **textconv** (`diff.khutta.textconv = khutta diff --textconv`, set up by `init` and
//!   `git-setup`): git passes a temporary copy of one version and diffs the text we print line
//!   by line, in `git diff`, `git show` and `git log -p`. We print the file as one fact per
//!   line, so that git's line diff reads as field changes.
//! - **external diff** (`GIT_EXTERNAL_DIFF` or `diff.external` set to `khutta diff
//!   --external`): git passes `path old-file old-hex old-mode new-file new-hex new-mode` (two
//!   more for a rename, one argument alone for an unmerged path) and prints what we print. We
//!   print the semantic diff of the entity.
//!
//! Both always exit 0: git treats a failing textconv or external diff as fatal for the whole
//! `git diff`. A file khutta cannot read is shown as git would show it, with a warning.

use super::CommandError;
use super::output::Style;
use khutta::diff::{PlanFile, facts, file_diff_text};
use khutta::i18n::{Messages, Said};
use khutta::repo::read_plan_file;
use khutta::text::escape_controls;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What git names an absent side.
const DEV_NULL: &str = "/dev/null";

/// Reads a plan file, or says on standard error why it cannot be read as one.
fn read(path: &Path, shown_as: &str) -> Result<PlanFile, Said> {
    let bytes = khutta::store::read_bounded(path, khutta::store::MAX_FILE_BYTES).map_err(|e| {
        khutta::said!(
            "store-io",
            path = &path.display().to_string(),
            detail = &e.to_string()
        )
    })?;
    let text = khutta::store::decode(shown_as, &bytes).map_err(|d| d.message)?;
    read_plan_file(shown_as, text).map_err(|d| {
        khutta::said!(
            "diff-git-at",
            place = &format!("{}:{}:{}", shown_as, d.line, d.col),
            message = d.message
        )
    })
}

/// Says on standard error, in the user's language, why a file is shown line by line.
fn warn(why: &Said, msg: &Messages) {
    let why = escape_controls(&why.show(msg)).into_owned();
    eprintln!(
        "{}",
        msg.get_args("diff-git-line-by-line", &[("why", why.into())])
    );
}

/// `khutta diff --textconv FILE`.
pub fn textconv(file: &Path, msg: &Messages) -> Result<ExitCode, CommandError> {
    let mut out = std::io::stdout().lock();
    match read(file, &file.display().to_string()) {
        Ok(f) => write!(out, "{}", facts(&f))?,
        Err(e) => {
            warn(&e, msg);
            // The file as written, so the user still sees a diff; nothing raw reaches the
            // terminal.
            let bytes =
                khutta::store::read_named(file, khutta::store::MAX_STATE_BYTES).unwrap_or_default();
            for line in String::from_utf8_lossy(&bytes).lines() {
                writeln!(out, "{}", escape_controls(line))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `khutta diff --external ARGS...`, as git calls it.
pub fn external(args: &[String], msg: &Messages) -> Result<ExitCode, CommandError> {
    let mut out = std::io::stdout().lock();
    let (path, old, new, renamed_to) = match args {
        [path] => {
            writeln!(out, "{}: unmerged", escape_controls(path))?;
            return Ok(ExitCode::SUCCESS);
        }
        [path, old, _, _, new, _, _] => (path, old, new, None),
        [path, old, _, _, new, _, _, to, _] => (path, old, new, Some(to)),
        _ => {
            return Err(CommandError::Usage {
                message: khutta::said!("diff-external-args", count = args.len()),
                hint: Some(khutta::said!("diff-external-args-hint")),
            });
        }
    };
    let shown = match renamed_to {
        Some(to) => format!("{path} -> {to}"),
        None => path.clone(),
    };
    let side = |file: &String| -> Option<Result<PlanFile, Said>> {
        (file != DEV_NULL).then(|| read(Path::new(file), path))
    };
    let (a, b) = (side(old), side(new));
    let line_by_line = !path.ends_with(".ron")
        || a.as_ref().is_some_and(Result::is_err)
        || b.as_ref().is_some_and(Result::is_err);
    if line_by_line {
        for e in [&a, &b]
            .into_iter()
            .flatten()
            .filter_map(|r| r.as_ref().err())
        {
            warn(e, msg);
        }
        drop(out);
        return line_diff(old, new, msg);
    }
    let (a, b) = (a.and_then(Result::ok), b.and_then(Result::ok));
    let text = file_diff_text(&shown, a.as_ref(), b.as_ref());
    write!(out, "{}", super::diff::paint(&text, Style::stdout()))?;
    Ok(ExitCode::SUCCESS)
}

/// git's own diff of two files, for files that are not plan files; `--no-ext-diff` keeps it
/// from calling us again.
fn line_diff(old: &str, new: &str, msg: &Messages) -> Result<ExitCode, CommandError> {
    let status = std::process::Command::new("git")
        .args(["diff", "--no-index", "--no-ext-diff", "--"])
        .arg(old)
        .arg(new)
        .status();
    if let Err(e) = status {
        let error = e.to_string();
        eprintln!(
            "{}",
            msg.get_args("diff-git-no-git", &[("error", error.into())])
        );
    }
    Ok(ExitCode::SUCCESS)
}
