//! `khutta merge-driver %O %A %B %P %S %X %Y`: git's merge driver, for partners who run plain
//! `git pull`, `git pull --rebase` or `git stash pop`.
//!
//! Writes the merged file over %A in canonical RON (our values in conflicting fields, so the
//! file stays parseable), prints a conflict report, and exits 0 when clean, 1 with conflicts,
//! and 255 on an internal failure. A file that is not a readable plan file falls back to
//! git's own line merge.

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
    use git2::RepositoryState as S;
    if let Ok(repo) = git2::Repository::open_from_env()
        && matches!(
            repo.state(),
            S::Rebase
                | S::RebaseInteractive
                | S::RebaseMerge
                | S::ApplyMailbox
                | S::ApplyMailboxOrRebase
        )
    {
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
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let read =
        |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let texts = (read(&args.base), read(&args.ours), read(&args.theirs));
    let (Ok(base), Ok(ours), Ok(theirs)) = texts else {
        return text_merge(&args);
    };
    let m = &ui.messages;
    let say = |key: &str, args: &[(&str, Arg<'_>)]| {
        let line = m.get_args(key, args);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
    };
    let path = || Arg::Text(args.path.as_str().into());
    // An empty ancestor means both sides added the file.
    let base = (!base.is_empty()).then_some(base.as_str());
    // The file keeps the person's own values where both sides changed a field: during a
    // rebase or a stash pop those are git's "theirs", so the two sides swap places.
    let mine = mine(&args.labels);
    let (first, second) = match mine {
        Mine::Ours => (&ours, &theirs),
        Mine::Replayed | Mine::Stashed => (&theirs, &ours),
    };
    match khutta::diff::merge_file(&in_plan(&args.path), base, first, second) {
        Ok(merged) => {
            if let Err(e) = khutta::store::write_atomic(&args.ours, merged.text.as_bytes()) {
                let ours = args.ours.display().to_string();
                say(
                    "merge-driver-cannot-write",
                    &[("path", ours.into()), ("error", e.to_string().into())],
                );
                return Ok(ExitCode::from(255));
            }
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
                writeln!(err, "{}", ui.review_line(&line, terminal))?;
            }
            Ok(ExitCode::from(1))
        }
        Err(e) => {
            say(
                "merge-driver-line-merge",
                &[("error", e.to_string().into()), ("path", path())],
            );
            text_merge(&args)
        }
    }
}

/// git's own three-way text merge, for files khutta cannot read as plan files.
fn text_merge(args: &Args) -> Result<ExitCode, CommandError> {
    let status = std::process::Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(&args.ours)
        .arg(&args.base)
        .arg(&args.theirs)
        .status();
    Ok(match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(s) if s.code().is_some_and(|c| c > 0 && c < 128) => ExitCode::from(1),
        _ => ExitCode::from(255),
    })
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
