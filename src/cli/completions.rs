//! `khutta completions SHELL`: the shell's completion script, generated from the arguments
//! khutta itself parses, so it never lags behind a new command or option.

use super::CommandError;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `khutta completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    shell: clap_complete::Shell,
}

/// Prints the script; install it as the shell expects, for example
/// `khutta completions bash > ~/.local/share/bash-completion/completions/khutta`.
pub fn run(args: &Args, mut command: clap::Command) -> Result<ExitCode, CommandError> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "khutta", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}
