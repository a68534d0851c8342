//! The `khutta` command: parse arguments, run the command, map its outcome to an exit code.

mod alloc;
mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
