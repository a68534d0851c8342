//! `khutta merge-driver %O %A %B %P %S %X %Y`: git's merge driver, for partners who run plain
//! `git pull`, `git pull --rebase` or `git stash pop`.
//!
//! Writes the merged file over %A in canonical RON (our values in conflicting fields, so the
//! file stays parseable), prints a conflict report, and exits 0 when clean and 1 with
//! conflicts or on any failure, never above 128 (git would abandon the whole merge). A file
//! that is not a readable plan file falls back to git's own line merge.

use super::CommandError;
use super::ui::Ui;
use khutta::diff::lines::{Line, LineKind};
use khutta::i18n::Arg;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments git passes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// %O: the common ancestor's version.
    base: PathBuf,
    /// %A: our version; the result is written here.
    ours: PathBuf,
    /// %B: their version.
    theirs: PathBuf,
    /// %P: the file's path in the repository.
    path: String,
    /// %S %X %Y: the labels of the base, ours and theirs (git 2.44 and newer pass them).
    labels: Vec<String>,
}

/// Whose the file's own values are: git's "ours" is not always the person's own work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mine {
    /// A merge, a cherry-pick, a revert: ours is the branch the person is on.
    Ours,
    /// A rebase or `git am`: theirs is the person's own commit, replayed on top of ours.
    Replayed,
    /// `git stash pop` or `apply`: theirs is the person's stashed, uncommitted work.
    Stashed,
}

/// Which side is the person's own, from the repository's state and git's labels.
fn mine(labels: &[String]) -> Mine {
    if khutta::repo::replaying_commits() {
        return Mine::Replayed;
    }
    // git's own label for the stash's side when it applies one.
    if labels.get(2).is_some_and(|y| y == "Stashed changes") {
        return Mine::Stashed;
    }
    Mine::Ours
}

/// The plan-relative path of a repository path (`plans/nua/activities/x.ron` -> `activities/x.ron`).
fn in_plan(path: &str) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [.., "plan.ron"] => "plan.ron".to_owned(),
        [.., dir, file] if khutta::model::EntityKind::from_dir(dir).is_some() => {
            format!("{dir}/{file}")
        }
        // A round and its responses sit two and three levels below `consultations/`.
        [.., "consultations", round, file] => format!("consultations/{round}/{file}"),
        [.., "consultations", round, sub, file] => format!("consultations/{round}/{sub}/{file}"),
        _ => path.to_owned(),
    }
}

/// Runs the driver. What it says goes to standard error, which git shows the person pulling.
///
/// It never exits above 128: git takes that as a crashed driver and abandons the whole merge,
/// clean files included. Whatever goes wrong, the file falls back to git's own line merge, or
/// stays as ours and is left conflicted, with the reason said.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let say = |key: &str, a: &[(&str, Arg<'_>)]| {
        let line = ui.messages.get_args(key, a);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&line, ui.messages.lang(), terminal));
    };
    let path = || Arg::Text(escape_controls(&args.path).into_owned().into());
    // A panic inside khutta's merge is reported as a reason, not a crash: git then still gets
    // a line merge of this file and goes on with the others.
    std::panic::set_hook(Box::new(|_| {}));
    let merged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| semantic(&args, ui)));
    let _ = std::panic::take_hook();
    let reason = match merged {
        Ok(Ok(code)) => {
            tracing::info!(path = %args.path, exit = ?code, "merge driver: merged by meaning");
            return Ok(code);
        }
        Ok(Err(reason)) => reason,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            ui.messages
                .get_args("merge-driver-crashed", &[("error", what.into())])
        }
    };
    tracing::warn!(
        path = %args.path,
        reason = %reason,
        "merge driver: not a plan merge; falling back to git's line merge"
    );
    say(
        "merge-driver-line-merge",
        &[
            ("error", escape_controls(&reason).into_owned().into()),
            ("path", path()),
        ],
    );
    Ok(match text_merge(&args) {
        Ok(code) => code,
        Err(reason) => {
            tracing::error!(
                path = %args.path,
                reason = %reason,
                "merge driver: line merge failed; ours kept, the file left conflicted"
            );
            say(
                "merge-driver-kept-ours",
                &[("error", reason.into()), ("path", path())],
            );
            ExitCode::from(1)
        }
    })
}

/// khutta's own merge: Err with the reason when the file cannot be merged as a plan file.
fn semantic(args: &Args, ui: &Ui) -> Result<ExitCode, String> {
    #[cfg(debug_assertions)]
    if std::env::var_os("KHUTTA_TEST_DRIVER_PANIC").is_some() {
        // Lets the tests show that a crash of the merge still leaves git a line merge.
        #[allow(clippy::panic)]
        {
            panic!("a fault injected by the tests");
        }
    }
    let read = |p: &PathBuf| {
        let bytes = khutta::store::read_bounded(p, khutta::store::MAX_FILE_BYTES)
            .map_err(|e| format!("{}: {e}", p.display()))?;
        String::from_utf8(bytes).map_err(|_| {
            ui.messages.get_args(
                "merge-driver-not-text",
                &[("path", p.display().to_string().into())],
            )
        })
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    let m = &ui.messages;
    // An empty ancestor means both sides added the file.
    let base = (!base.is_empty()).then_some(base.as_str());
    // The file keeps the person's own values where both sides changed a field: during a
    // rebase or a stash pop those are git's "theirs", so the two sides swap places.
    let mine = mine(&args.labels);
    let (first, second) = match mine {
        Mine::Ours => (&ours, &theirs),
        Mine::Replayed | Mine::Stashed => (&theirs, &ours),
    };
    let merged = khutta::repo::merge_file(&in_plan(&args.path), base, first, second)
        .map_err(|e| e.to_string())?;
    khutta::store::write_atomic(&args.ours, merged.text.as_bytes()).map_err(|e| {
        m.get_args(
            "merge-driver-cannot-write",
            &[
                ("path", args.ours.display().to_string().into()),
                ("error", e.to_string().into()),
            ],
        )
    })?;
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let terminal = std::io::stderr().is_terminal();
    let shown_path = escape_controls(&args.path).into_owned();
    let heading = m.get_args(
        match mine {
            Mine::Ours => "review-merge-driver",
            Mine::Replayed => "review-merge-driver-replayed",
            Mine::Stashed => "review-merge-driver-stashed",
        },
        &[
            ("count", merged.conflicts.len().into()),
            ("path", shown_path.into()),
        ],
    );
    let report = khutta::diff::render::conflicts(&merged.conflicts, m);
    // Line by line, so that Arabic is put in display order on a terminal.
    let mut err = std::io::stderr().lock();
    for text in std::iter::once(heading.as_str()).chain(report.lines()) {
        let line = Line::new(LineKind::Detail, text);
        let _ = writeln!(err, "{}", ui.review_line(&line, terminal));
    }
    Ok(ExitCode::from(1))
}

/// git's own three-way text merge, for files khutta cannot read as plan files. Err with the
/// reason when git cannot merge them either (binary or missing inputs): %A then stays ours.
fn text_merge(args: &Args) -> Result<ExitCode, String> {
    let status = std::process::Command::new("git")
        .args([
            "merge-file",
            "-q",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
        ])
        .arg(&args.ours)
        .arg(&args.base)
        .arg(&args.theirs)
        .stderr(std::process::Stdio::piped())
        .output()
        .map_err(|e| format!("git merge-file: {e}"))?;
    match status.status.code() {
        Some(0) => Ok(ExitCode::SUCCESS),
        Some(1..=127) => Ok(ExitCode::from(1)),
        _ => Err(String::from_utf8_lossy(&status.stderr).trim().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_below_a_plan_folder_become_plan_paths() {
        for (repo, plan) in [
            ("plans/nua/plan.ron", "plan.ron"),
            ("plans/nua/activities/x.ron", "activities/x.ron"),
            (
                "plans/nua/consultations/egm/round.ron",
                "consultations/egm/round.ron",
            ),
            (
                "plans/nua/consultations/egm/responses/p001.ron",
                "consultations/egm/responses/p001.ron",
            ),
            ("activities/x.ron", "activities/x.ron"),
            (
                "consultations/egm/responses/p001.ron",
                "consultations/egm/responses/p001.ron",
            ),
        ] {
            assert_eq!(super::in_plan(repo), plan, "{repo}");
        }
    }
}
