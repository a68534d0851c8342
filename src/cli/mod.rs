//! The command line: one file per subcommand, errors mapped to messages and exit codes.

mod check;
mod clock;
mod commit;
mod completions;
mod consult;
mod export;
mod fmt;
mod gantt;
mod git_setup;
mod guard;
mod import;
mod import_xml;
mod init;
mod log;
mod logging;
mod man;
mod merge;
mod merge_driver;
mod op;
mod open;
mod output;
mod prompt;
mod schedule;
mod summary;
mod sync;
mod ui;
mod verify;
// The reviewer's tools: diff (and git's textconv and external diff), blame, baselines.
mod baseline;
mod blame;
mod diff;
mod diff_git;
mod review;
// Other programs' formats, both ways.

use clap::{CommandFactory, Parser, Subcommand};
use khutta::i18n::Said;
use khutta::said;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// khutta (خطة): a terminal planner for a shared regional plan kept in git.
#[derive(Debug, Parser)]
#[command(name = "khutta", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The plan folder to open (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// The plan folder, for any command, as `git -C` names the repository (commands that
    /// take a PLAN argument take it there too).
    #[arg(
        short = 'C',
        long = "plan",
        id = "plan_option",
        value_name = "PLAN",
        global = true
    )]
    plan_option: Option<PathBuf>,
    #[command(flatten)]
    ui: ui::UiArgs,
}

/// `-C PLAN`, set once when the command line is read.
static PLAN_OPTION: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// The plan folder given with `-C` or `--plan`, if one was.
pub fn plan_option() -> Option<&'static Path> {
    PLAN_OPTION.get().map(PathBuf::as_path)
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check every file of a plan and report every problem.
    Check(check::Args),
    /// Rewrite a plan's files into canonical form.
    Fmt(fmt::Args),
    /// Print a plan's summary and the result of its check.
    Summary(summary::Args),
    /// Create a plan repository (empty, or from an existing plan) set up for khutta.
    Init(init::Args),
    /// Register khutta's merge and diff drivers in a clone of a plan repository.
    GitSetup(git_setup::Args),
    /// Commit the plan's changed files.
    Commit(commit::Args),
    /// The commits that touched the plan, with what they changed.
    Log(log::Args),
    /// Judge the commits of a range by the plan's rules: rights, signatures, check (for CI).
    Verify(verify::Args),
    /// Fetch partners' changes, merge them by meaning, and send yours.
    Sync(sync::Args),
    /// The merge in progress: list its conflicts, settle them, finish or abort it.
    Merge(merge::Args),
    /// git's merge driver for plan files (registered by `init` and `git-setup`).
    MergeDriver(merge_driver::Args),
    /// The operation log: every save, commit, sync and merge step; take any of them back.
    Op(op::Args),
    /// Consultation rounds: results, and answers imported from CSV.
    Consult(consult::Args),
    /// What changed between two revisions (default: the last commit and the working tree).
    Diff(diff::Args),
    /// A range of commits reviewed as a pull-request comment: summary, consequences, authors.
    Review(review::Args),
    /// Who last changed each field of an activity.
    Blame(blame::Args),
    /// Record an approved version of the plan as a baseline, or list them.
    Baseline(baseline::Args),
    /// Print each activity's dates, slack and criticality, and the critical path.
    Schedule(schedule::Args),
    /// Draw the plan as a Gantt chart in text.
    Gantt(gantt::Args),
    /// Write the plan for other tools: CSV, iCalendar, a Markdown report, IATI, MS Project XML, an HTML report.
    Export(export::Args),
    /// Bring other tools' files into a plan: CSV, IATI organisations, MS Project XML.
    Import(import::Args),
    /// Print the completion script of a shell (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print khutta's manual page (roff), for `man -l -` or a man folder.
    Man(man::Args),
    /// The hook a git server runs to refuse pushes the plan's rules do not allow.
    Guard(guard::Args),
}

/// A command's failure, with what the user can do about it.
#[derive(Debug)]
pub enum CommandError {
    /// The user asked for something that cannot be done as asked (exit 1).
    User { message: Said, hint: Option<Said> },
    /// The arguments or the plan folder are unusable (exit 2).
    Usage { message: Said, hint: Option<Said> },
    /// A bug or an environment failure khutta cannot explain (exit 255).
    Internal(Said),
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

/// Warns on standard error when this clone cannot run khutta's merge driver for the plan at
/// `root` (see [`khutta::repo::drivers_problem`]).
pub fn warn_about_drivers(root: &Path, ui: &ui::Ui) {
    let exe = std::env::current_exe().unwrap_or_default();
    if let Some(problem) = khutta::repo::drivers_problem(root, Some(&exe)) {
        let m = &ui.messages;
        let terminal = std::io::stderr().is_terminal();
        let line = m.get_args("warning-line", &[("message", problem.show(m).into())]);
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
        let hint = m.get_args(
            "error-hint",
            &[("hint", m.get("repo-driver-hint").as_ref().into())],
        );
        eprintln!("  {}", ui.plan_line(&hint, m.lang(), terminal));
    }
}

impl From<khutta::store::StoreError> for CommandError {
    fn from(e: khutta::store::StoreError) -> Self {
        use khutta::store::StoreError as S;
        // Escaped when printed, like every message (see `main`).
        let message = e.said();
        match e {
            S::NotAPlan { .. } => CommandError::Usage {
                message,
                hint: Some(said!("error-not-a-plan-hint")),
            },
            S::Io { .. } | S::MetaUnreadable | S::RoundNotSaved { .. } => CommandError::User {
                message,
                hint: None,
            },
            S::NotAFolder { .. } => CommandError::User {
                message,
                hint: Some(said!("error-not-a-folder-hint")),
            },
            S::ChangedOnDisk { .. } => CommandError::User {
                message,
                hint: Some(said!("error-changed-on-disk-hint")),
            },
            S::Serialize { .. } => CommandError::Internal(message),
        }
    }
}

impl From<khutta::repo::RepoError> for CommandError {
    fn from(e: khutta::repo::RepoError) -> Self {
        use khutta::repo::RepoError as R;
        // The whole story for the log: the user is shown the message and the hint only.
        let detail = format!("{e:?}");
        tracing::error!(
            error = %logging::chain(&e),
            detail = %khutta::repo::net::without_userinfo(&detail),
            "git or network operation failed"
        );
        let (message, hint) = (e.said(), e.hint());
        match e {
            R::Store(s) => s.into(),
            R::NotARepository { .. } | R::AlreadyAPlan { .. } => {
                CommandError::Usage { message, hint }
            }
            _ => CommandError::User { message, hint },
        }
    }
}

impl From<std::io::Error> for CommandError {
    fn from(e: std::io::Error) -> Self {
        CommandError::Internal(said!("error-output", error = &e))
    }
}

/// `plan` when it is no folder at all but a command mistyped (`khutta chekc`): the word and
/// the command it is nearest to. A plan folder of that name always wins.
fn mistyped_command(plan: &Path) -> Option<(String, String)> {
    let word = plan.to_str()?;
    if plan.exists() || word.contains(['/', '\\', '.']) {
        return None;
    }
    let distance = |a: &str, b: &str| {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let here = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb))
                    .min(row[j] + 1)
                    .min(here + 1);
                prev = here;
            }
        }
        row[b.len()]
    };
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .map(|name| (distance(word, &name), name))
        .filter(|(d, name)| *d <= 2 && *d < name.len())
        .min()
        .map(|(_, name)| (word.to_owned(), name))
}

/// The subcommand's name as typed, for the log.
fn command_name(command: &Option<Command>) -> &'static str {
    match command {
        None => "open",
        Some(c) => match c {
            Command::Check(_) => "check",
            Command::Fmt(_) => "fmt",
            Command::Summary(_) => "summary",
            Command::Init(_) => "init",
            Command::GitSetup(_) => "git-setup",
            Command::Commit(_) => "commit",
            Command::Log(_) => "log",
            Command::Verify(_) => "verify",
            Command::Sync(_) => "sync",
            Command::Merge(_) => "merge",
            Command::MergeDriver(_) => "merge-driver",
            Command::Op(_) => "op",
            Command::Consult(_) => "consult",
            Command::Diff(_) => "diff",
            Command::Review(_) => "review",
            Command::Blame(_) => "blame",
            Command::Baseline(_) => "baseline",
            Command::Schedule(_) => "schedule",
            Command::Gantt(_) => "gantt",
            Command::Export(_) => "export",
            Command::Import(_) => "import",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
            Command::Guard(_) => "guard",
        },
    }
}

/// Parses the arguments, runs the command and returns its exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(p) = &cli.plan_option {
        let _ = PLAN_OPTION.set(p.clone());
    }
    let ui = cli.ui.resolve();
    // The TUI (no subcommand) owns the terminal: it logs to the file only.
    let log_problem = logging::init(&ui.folders, cli.command.is_none());
    if let Some(problem) = log_problem {
        let m = &ui.messages;
        let line = m.get_args("warning-line", &[("message", problem.show(m).into())]);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
    }
    let started = std::time::Instant::now();
    let name = command_name(&cli.command);
    tracing::info!(
        command = name,
        version = env!("CARGO_PKG_VERSION"),
        cwd = %std::env::current_dir().unwrap_or_default().display(),
        "start"
    );
    tracing::debug!(
        args = %khutta::repo::net::without_userinfo(&format!("{:?}", cli.command)),
        "arguments"
    );
    // The TUI shows a bad config file in a popup; every other command says so here.
    if let Some(e) = &ui.config_error {
        tracing::warn!(error = %e, "config file not used");
    }
    if let (Some(e), true) = (&ui.config_error, cli.command.is_some()) {
        let m = &ui.messages;
        let line = m.get_args("config-not-used", &[("error", e.as_str().into())]);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
    }
    let result = match cli.command {
        Some(_) if cli.plan.is_some() => Err(CommandError::Usage {
            message: said!("error-plan-after-subcommand"),
            hint: Some(said!("error-plan-after-subcommand-hint")),
        }),
        None if let Some(word) = cli.plan.as_deref().and_then(mistyped_command) => {
            Err(CommandError::Usage {
                message: said!("error-not-a-command", word = &word.0),
                hint: Some(said!("error-not-a-command-hint", near = &word.1)),
            })
        }
        Some(Command::Check(args)) => check::run(args, &ui),
        Some(Command::Fmt(args)) => fmt::run(args, &ui),
        Some(Command::Summary(args)) => summary::run(args, &ui),
        Some(Command::Init(args)) => init::run(args, &ui),
        Some(Command::GitSetup(args)) => git_setup::run(args, &ui),
        Some(Command::Commit(args)) => commit::run(args, &ui),
        Some(Command::Sync(args)) => sync::run(args, &ui),
        Some(Command::Log(args)) => log::run(args, &ui),
        Some(Command::Verify(args)) => verify::run(args, &ui),
        Some(Command::Merge(args)) => merge::run(args, &ui),
        Some(Command::MergeDriver(args)) => merge_driver::run(args, &ui),
        Some(Command::Op(args)) => op::run(args, &ui),
        Some(Command::Consult(args)) => consult::run(args, &ui),
        Some(Command::Diff(args)) => diff::run(args, &ui),
        Some(Command::Review(args)) => review::run(args, &ui),
        Some(Command::Blame(args)) => blame::run(args, &ui),
        Some(Command::Baseline(args)) => baseline::run(args, &ui),
        Some(Command::Schedule(args)) => schedule::run(args, &ui),
        Some(Command::Gantt(args)) => gantt::run(args, &ui),
        Some(Command::Export(args)) => export::run(args, &ui),
        Some(Command::Import(args)) => import::run(args, &ui),
        Some(Command::Completions(args)) => completions::run(&args, Cli::command()),
        Some(Command::Man(args)) => man::run(&args, Cli::command()),
        Some(Command::Guard(args)) => guard::run(args, &ui),
        None => match given_plan(cli.plan.as_deref()) {
            Ok(plan) => open::run(plan, &ui),
            Err(e) => Err(e),
        },
    };
    let ms = started.elapsed().as_millis() as u64;
    match &result {
        Ok(code) => tracing::info!(command = name, exit = ?code, ms, "done"),
        Err(e) => {
            let en = khutta::i18n::Messages::new(khutta::model::Lang::En);
            let (message, hint) = match e {
                CommandError::User { message, hint } | CommandError::Usage { message, hint } => {
                    (message.show(&en), hint.as_ref().map(|h| h.show(&en)))
                }
                CommandError::Internal(text) => (text.show(&en), None),
            };
            tracing::error!(
                command = name,
                exit = e.exit_code(),
                ms,
                error = %khutta::repo::net::without_userinfo(&message),
                hint = hint.as_deref().unwrap_or(""),
                "failed"
            );
        }
    }
    match result {
        Ok(code) => code,
        Err(CommandError::Internal(m)) if m.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            let m = &ui.messages;
            let (message, hint) = match &e {
                CommandError::User { message, hint } | CommandError::Usage { message, hint } => {
                    (message.show(m), hint.as_ref().map(|h| h.show(m)))
                }
                CommandError::Internal(text) => {
                    (text.show(m), Some(m.get("error-bug-hint").into_owned()))
                }
            };
            // Standard error is shown as it is written; a terminal reorders it (see `plan_line`).
            let terminal = std::io::stderr().is_terminal();
            let line = m.get_args("error-line", &[("message", message.into())]);
            eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
            if let Some(h) = hint {
                let line = m.get_args("error-hint", &[("hint", h.into())]);
                eprintln!("  {}", ui.plan_line(&line, m.lang(), terminal));
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// The name of the bundled plan's folder under `plans/`.
const BUNDLED: &str = "plans/open-government-nua";

/// Finds the plan to work on: the one named, else the current folder if it is a plan, else the
/// bundled plan when run from khutta's repository.
/// The plan named on the command line: the PLAN argument or `-C`, never two different ones
/// (`khutta check A -C B`).
fn given_plan(arg: Option<&Path>) -> Result<Option<&Path>, CommandError> {
    match (arg, plan_option()) {
        (Some(a), Some(c)) if a != c => Err(CommandError::Usage {
            message: said!(
                "error-plan-twice",
                first = &a.display(),
                second = &c.display()
            ),
            hint: Some(said!("error-plan-twice-hint")),
        }),
        (a, c) => Ok(a.or(c)),
    }
}

pub fn resolve_plan(arg: Option<&Path>) -> Result<PathBuf, CommandError> {
    let arg = given_plan(arg)?;
    let found = find_plan(arg);
    if let Ok(p) = &found {
        tracing::info!(plan = %p.display(), "plan folder");
    }
    found
}

fn find_plan(arg: Option<&Path>) -> Result<PathBuf, CommandError> {
    if let Some(p) = arg {
        let p = if p.file_name().is_some_and(|n| n == "plan.ron") {
            p.parent().unwrap_or(p)
        } else {
            p
        };
        return Ok(p.to_path_buf());
    }
    let cwd = std::env::current_dir()
        .map_err(|e| CommandError::Internal(said!("error-current-folder", error = &e)))?;
    if cwd.join("plan.ron").is_file() {
        return Ok(cwd);
    }
    // Only from inside khutta's own repository: a binary run elsewhere must not open (and
    // save into) the checkout it happened to be built from.
    for c in cwd.ancestors().map(|a| a.join(BUNDLED)) {
        if c.join("plan.ron").is_file() {
            return Ok(pathdiff(&c, &cwd));
        }
    }
    Err(CommandError::Usage {
        message: said!("error-no-plan"),
        hint: Some(said!("error-no-plan-hint")),
    })
}

/// `path` relative to `base` when it lies inside it, so that diagnostics print short paths.
fn pathdiff(path: &Path, base: &Path) -> PathBuf {
    path.strip_prefix(base)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
