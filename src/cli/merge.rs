//! `khutta merge`: the merge in progress — list its conflicts, settle them, finish or abort.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::diff::lines::{Line, LineKind};
use khutta::repo::PlanRepo;
use khutta::repo::merge_state::Pick;
use khutta::said;
use khutta::text::escape_controls;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Arguments of `khutta merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Settle conflict N (as numbered in the list; `all` for every one) with a side's value.
    #[arg(long, num_args = 2, value_names = ["ours|theirs|base", "N"])]
    take: Option<Vec<String>>,
    /// Make the merge commit (when no conflict is left).
    #[arg(long = "continue", conflicts_with_all = ["take", "abort"])]
    finish: bool,
    /// Return the plan to the state before the merge.
    #[arg(long, conflicts_with = "take")]
    abort: bool,
    /// With `--continue`: make the merge commit although problems that only the combination
    /// has (semantic conflicts) are left; the commit message lists them.
    #[arg(long, requires = "finish")]
    force: bool,
}

/// Exit 0 when the requested step is done (or nothing is left), 1 while conflicts remain.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let r = PlanRepo::open(&root)?;
    let m = &ui.messages;
    let terminal = std::io::stdout().is_terminal();
    let mut out = std::io::stdout().lock();
    let shown = |line: &str| ui.plan_line(line, m.lang(), terminal).into_owned();
    let kept = |out: &mut std::io::StdoutLock, step: &khutta::repo::Stepped| {
        if step.kept.is_empty() {
            return Ok(());
        }
        let files = escape_controls(&step.kept.join(", ")).into_owned();
        writeln!(
            out,
            "{}",
            shown(&m.get_args("merge-kept", &[("files", files.into())]))
        )
    };
    if args.abort {
        let step = khutta::repo::abort(&r)?;
        writeln!(out, "{}", shown(&m.get("merge-aborted")))?;
        kept(&mut out, &step)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.finish {
        let (id, step) = khutta::repo::finish(&r, args.force)?;
        let commit = id.to_string()[..10].to_owned();
        writeln!(
            out,
            "{}",
            shown(&m.get_args("merge-finished", &[("commit", commit.into())]))
        )?;
        kept(&mut out, &step)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(take) = &args.take {
        let pick = match take[0].as_str() {
            "ours" => Pick::Ours,
            "theirs" => Pick::Theirs,
            "base" => Pick::Base,
            other => {
                return Err(CommandError::Usage {
                    message: said!("merge-not-a-side", side = format!("{other:?}")),
                    hint: Some(said!("merge-not-a-side-hint")),
                });
            }
        };
        let mut step = khutta::repo::Stepped::default();
        let left = if take[1] == "all" {
            // Each conflict once: one whose problem a choice does not remove stays open, and
            // the next one is taken.
            let mut left = in_progress(&r)?.1;
            let mut i = 0;
            while i < left {
                let now = khutta::repo::resolve(&r, i, pick.clone())?;
                if now.left >= left {
                    i += 1;
                }
                left = now.left;
                for f in now.kept {
                    if !step.kept.contains(&f) {
                        step.kept.push(f);
                    }
                }
            }
            left
        } else {
            let n: usize =
                take[1]
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| CommandError::Usage {
                        message: said!("merge-not-a-number", number = format!("{:?}", take[1])),
                        hint: Some(said!("merge-not-a-number-hint")),
                    })?;
            step = khutta::repo::resolve(&r, n - 1, pick)?;
            step.left
        };
        writeln!(out, "{}", shown(&m.count("merge-left", left)))?;
        kept(&mut out, &step)?;
        return Ok(ExitCode::from(u8::from(left > 0)));
    }
    let (label, n) = in_progress(&r)?;
    let Some((_, result)) = khutta::repo::in_progress(&r)? else {
        return Ok(ExitCode::SUCCESS);
    };
    // Each line on its own, so that Arabic is put in display order line by line on a terminal.
    let line = |text: &str| {
        let line = Line::new(LineKind::Detail, text);
        ui.review_line(&line, terminal).into_owned()
    };
    let label = escape_controls(&label).into_owned();
    let heading = m.get_args(
        "review-merging",
        &[("label", label.into()), ("count", n.into())],
    );
    writeln!(out, "{}", line(&heading))?;
    for (i, c) in result.conflicts.iter().enumerate() {
        let block = khutta::diff::render::conflict(c, m);
        for (j, text) in block.trim_end().lines().enumerate() {
            if j == 0 {
                writeln!(out, "\n[{}] {}", i + 1, line(text))?;
            } else {
                writeln!(out, "{}", line(text))?;
            }
        }
    }
    if n == 0 {
        writeln!(out, "\n{}", line(&m.get("review-merge-none-left")))?;
    }
    Ok(ExitCode::from(u8::from(n > 0)))
}

fn in_progress(r: &PlanRepo) -> Result<(String, usize), CommandError> {
    match khutta::repo::in_progress(r)? {
        Some((state, result)) => Ok((state.label, result.conflicts.len())),
        None => Err(CommandError::User {
            message: said!("merge-none"),
            hint: Some(said!("merge-none-hint")),
        }),
    }
}
