//! The command line: one file per subcommand, errors mapped to messages and exit codes.

mod check;
mod clock;
mod fmt;
mod gantt;
mod output;
mod schedule;
mod summary;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// khutta (خطة): a terminal planner for a shared regional plan kept in git.
#[derive(Debug, Parser)]
#[command(name = "khutta", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The plan folder to open (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every file of a plan and report every problem.
    Check(check::Args),
    /// Rewrite a plan's files into canonical form.
    Fmt(fmt::Args),
    /// Print a plan's summary and the result of its check.
    Summary(summary::Args),
    /// Print each activity's dates, slack and criticality, and the critical path.
    Schedule(schedule::Args),
    /// Draw the plan as a Gantt chart in text.
    Gantt(gantt::Args),
}

/// A command's failure, with what the user can do about it.
#[derive(Debug)]
pub enum CommandError {
    /// The user asked for something that cannot be done as asked (exit 1).
    User {
        message: String,
        hint: Option<String>,
    },
    /// The arguments or the plan folder are unusable (exit 2).
    Usage {
        message: String,
        hint: Option<String>,
    },
    /// A bug or an environment failure khutta cannot explain (exit 255).
    Internal(String),
}

impl CommandError {
    fn exit_code(&self) -> u8 {
        match self {
            CommandError::User { .. } => 1,
            CommandError::Usage { .. } => 2,
            CommandError::Internal(_) => 255,
        }
    }
}

impl From<khutta::store::StoreError> for CommandError {
    fn from(e: khutta::store::StoreError) -> Self {
        use khutta::store::StoreError as S;
        let message = khutta::text::escape_controls(&e.to_string()).into_owned();
        match e {
            S::NotAPlan { .. } => CommandError::Usage {
                message,
                hint: Some("give the path of a plan folder (one holding plan.ron)".into()),
            },
            S::Io { .. } | S::MetaUnreadable => CommandError::User {
                message,
                hint: None,
            },
            S::Serialize { .. } => CommandError::Internal(message),
        }
    }
}

impl From<std::io::Error> for CommandError {
    fn from(e: std::io::Error) -> Self {
        CommandError::Internal(format!("cannot write output: {e}"))
    }
}

/// Parses the arguments, runs the command and returns its exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Fmt(args)) => fmt::run(args),
        Some(Command::Summary(args)) => summary::run(args),
        Some(Command::Schedule(args)) => schedule::run(args),
        Some(Command::Gantt(args)) => gantt::run(args),
        None => summary::run(summary::Args { plan: cli.plan }),
    };
    match result {
        Ok(code) => code,
        Err(CommandError::Internal(m)) if m.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            let (message, hint) = match &e {
                CommandError::User { message, hint } | CommandError::Usage { message, hint } => {
                    (message.as_str(), hint.as_deref())
                }
                CommandError::Internal(m) => (
                    m.as_str(),
                    Some("this is a bug in khutta; please report it"),
                ),
            };
            eprintln!("error: {message}");
            if let Some(h) = hint {
                eprintln!("  hint: {h}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// The name of the bundled plan's folder under `plans/`.
const BUNDLED: &str = "plans/open-government-nua";

/// Finds the plan to work on: the one named, else the current folder if it is a plan, else the
/// bundled plan when run from khutta's repository.
pub fn resolve_plan(arg: Option<&Path>) -> Result<PathBuf, CommandError> {
    if let Some(p) = arg {
        let p = if p.file_name().is_some_and(|n| n == "plan.ron") {
            p.parent().unwrap_or(p)
        } else {
            p
        };
        return Ok(p.to_path_buf());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| CommandError::Internal(format!("cannot read the current folder: {e}")))?;
    if cwd.join("plan.ron").is_file() {
        return Ok(cwd);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = cwd
        .ancestors()
        .map(|a| a.join(BUNDLED))
        .chain([repo.join(BUNDLED)]);
    for c in candidates {
        if c.join("plan.ron").is_file() {
            return Ok(pathdiff(&c, &cwd));
        }
    }
    Err(CommandError::Usage {
        message: "there is no plan here".into(),
        hint: Some("open one with `khutta PATH`, or create one with `khutta init DIR`".into()),
    })
}

/// `path` relative to `base` when it lies inside it, so that diagnostics print short paths.
fn pathdiff(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
