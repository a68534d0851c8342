//! `khutta man`: the manual page, generated from the arguments khutta parses. With `--dir`,
//! one page per command (`khutta.1`, `khutta-sync.1`, ...) is written there, as packagers want.

use super::CommandError;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta man`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write a page for khutta and one for each command into this folder.
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// Prints the page of `khutta`, or writes every page into `--dir`.
pub fn run(args: &Args, command: clap::Command) -> Result<ExitCode, CommandError> {
    match &args.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            clap_mangen::generate_to(command, dir)?;
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(command).render(&mut out)?;
            std::io::stdout().lock().write_all(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
