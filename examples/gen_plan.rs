//! Writes a large, deterministic plan for benchmarks: `gen_plan N SEED OUT_DIR [FILE_BYTES]`.
//!
//! With `FILE_BYTES`, every activity's description is filled so that its file holds that many
//! bytes: `gen_plan 500 1 DIR 1048000` makes 500 files just under the size limit.

#[path = "../benches/common/generate.rs"]
mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(seed), Some(out)) = (
        args.get(1).and_then(|s| s.parse::<usize>().ok()),
        args.get(2).and_then(|s| s.parse::<u64>().ok()),
        args.get(3).map(PathBuf::from),
    ) else {
        eprintln!("usage: gen_plan N SEED OUT_DIR [FILE_BYTES]");
        return ExitCode::from(2);
    };
    let mut plan = generate::generate(n, seed);
    match args.get(4).map(|s| s.parse::<usize>()) {
        Some(Ok(bytes)) => generate::pad_activities(&mut plan, bytes),
        Some(Err(_)) => {
            eprintln!("usage: gen_plan N SEED OUT_DIR [FILE_BYTES]");
            return ExitCode::from(2);
        }
        None => {}
    }
    match khutta::store::write_new_plan(&out, &plan) {
        Ok(r) => {
            println!("wrote {} files to {}", r.written.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
