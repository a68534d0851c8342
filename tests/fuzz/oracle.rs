//! Running the real binary under a kill bound, and what every run must satisfy: it ends, it
//! does not panic, it exits with one of the codes it may, every diagnostic it prints says
//! where (`path:line:col: error[CODE]: message` and a hint line), and its JSON and CSV parse.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it is killed and reported as a hang. Runs take tens of
/// milliseconds; this is about never waiting forever, not about speed.
pub const HANG_BOUND: Duration = Duration::from_secs(30);

/// What one run did.
#[derive(Debug)]
pub struct Outcome {
    /// The command line, for the report.
    pub shown: String,
    /// The exit code; `None` when a signal ended it.
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error.
    pub stderr: Vec<u8>,
    /// Killed at the bound.
    pub hung: bool,
}

impl Outcome {
    /// Output, error and exit status as one text, cut to `max_lines` lines of each stream.
    pub fn transcript(&self, max_lines: usize) -> String {
        let cut = |b: &[u8]| {
            let s = String::from_utf8_lossy(b);
            let mut lines: Vec<&str> = s.lines().collect();
            let more = lines.len().saturating_sub(max_lines);
            lines.truncate(max_lines);
            let mut t: String = lines
                .iter()
                .map(|l| {
                    let l: String = l.chars().take(300).collect();
                    l.escape_debug().to_string() + "\n"
                })
                .collect();
            if more > 0 {
                t.push_str(&format!("… {more} more lines\n"));
            }
            t
        };
        let mut t = format!("$ {}\n", self.shown);
        t.push_str(&cut(&self.stdout));
        if !self.stderr.is_empty() {
            t.push_str("--- stderr\n");
            t.push_str(&cut(&self.stderr));
        }
        t.push_str(&match (self.hung, self.code) {
            (true, _) => format!("--- killed after {} s\n", HANG_BOUND.as_secs()),
            (false, Some(c)) => format!("--- exit {c}\n"),
            (false, None) => "--- ended by a signal\n".into(),
        });
        t
    }
}

/// Runs `cmd` with its output in files under `scratch` (so that no pipe fills up) and its
/// standard input on a pipe that stays open and silent (a read of it would wait forever and
/// show as a hang); kills it at `bound`.
pub fn run(mut cmd: Command, scratch: &Path, bound: Duration) -> Outcome {
    let shown = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| {
            let a = a.to_string_lossy();
            let short: String = a.chars().take(80).collect();
            if short.is_empty() || short.contains([' ', '"', '\'']) {
                format!("{short:?}")
            } else {
                short
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replacen(env!("CARGO_BIN_EXE_khutta"), "khutta", 1);
    let (out_path, err_path) = (scratch.join(".stdout"), scratch.join(".stderr"));
    let out = std::fs::File::create(&out_path).expect("a file for standard output");
    let err = std::fs::File::create(&err_path).expect("a file for standard error");
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {shown}: {e}"));
    let stdin = child.stdin.take();
    let start = Instant::now();
    let mut pause = Duration::from_micros(500);
    let mut hung = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("the child can be waited for") {
            break s;
        }
        if start.elapsed() > bound {
            hung = true;
            let _ = child.kill();
            break child.wait().expect("the killed child can be waited for");
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    drop(stdin);
    let read = |p: &Path| {
        let mut v = Vec::new();
        if let Ok(mut f) = std::fs::File::open(p) {
            let _ = f.read_to_end(&mut v);
        }
        v
    };
    Outcome {
        shown,
        code: status.code(),
        stdout: read(&out_path),
        stderr: read(&err_path),
        hung,
    }
}

/// What a run may do.
#[derive(Clone, Copy, Debug)]
pub struct Expect<'a> {
    /// The exit codes it may end with.
    pub codes: &'a [i32],
    /// The folder the paths of its diagnostics are relative to, when they must point inside
    /// a file that is there now (not for diagnostics of a revision read from git).
    pub files: Option<&'a Path>,
    /// Standard output is JSON.
    pub json: bool,
    /// Standard output is CSV.
    pub csv: bool,
}

impl<'a> Expect<'a> {
    /// Exit 0, 1 or 2, diagnostics pointing into the files under `root`.
    pub fn plan(root: &'a Path) -> Expect<'a> {
        Expect {
            codes: &[0, 1, 2],
            files: Some(root),
            json: false,
            csv: false,
        }
    }

    /// As [`Expect::plan`], with JSON on standard output.
    pub fn json(self) -> Expect<'a> {
        Expect { json: true, ..self }
    }

    /// As [`Expect::plan`], with CSV on standard output.
    pub fn csv(self) -> Expect<'a> {
        Expect { csv: true, ..self }
    }
}

/// Every way `o` breaks the rules, in words; empty when it keeps them all.
pub fn judge(o: &Outcome, e: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let stderr = String::from_utf8_lossy(&o.stderr);
    if o.hung {
        problems.push(format!("hangs: killed after {} s", HANG_BOUND.as_secs()));
        return problems;
    }
    if stderr.contains("panicked") || o.code == Some(101) {
        problems.push("panics".into());
    }
    // The merge driver catches a panic of its merge and says so instead of crashing.
    if stderr.contains("khutta's merge failed (") {
        problems.push("its merge panicked (caught, and reported as a failed merge)".into());
    }
    match o.code {
        None => problems.push("ends by a signal".into()),
        Some(c) if !e.codes.contains(&c) && c != 101 => {
            problems.push(format!("exits {c} (expected one of {:?})", e.codes));
        }
        _ => {}
    }
    for stream in [&o.stdout, &o.stderr] {
        let text = String::from_utf8_lossy(stream);
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if let Some(p) = diagnostic_problem(line, lines.get(i + 1).copied(), e.files) {
                problems.push(p);
            }
        }
    }
    let out = String::from_utf8_lossy(&o.stdout);
    if e.json
        && !out.trim().is_empty()
        && let Err(err) = serde_json::from_str::<serde_json::Value>(&out)
    {
        problems.push(format!("prints JSON that does not parse: {err}"));
    }
    if e.csv && !out.trim().is_empty() {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(o.stdout.as_slice());
        if let Some(Err(err)) = r.records().find(Result::is_err) {
            problems.push(format!("prints CSV that does not parse: {err}"));
        }
    }
    problems
}

/// What is wrong with `line` as a diagnostic (`path:line:col: error[E001]: message`, then an
/// indented hint), if it is one; `None` when it is fine or is not a diagnostic at all.
pub fn diagnostic_problem(line: &str, next: Option<&str>, files: Option<&Path>) -> Option<String> {
    let shown = || {
        let s: String = line.chars().take(200).collect();
        s.escape_debug().to_string()
    };
    let (at, level) = [": error[", ": warning["]
        .iter()
        .find_map(|l| line.find(l).map(|i| (i, *l)))
        .or_else(|| {
            // A code anywhere else is a diagnostic that lost its location.
            let bare = ["error[E", "warning[W", "error[W", "warning[E"]
                .iter()
                .any(|l| line.contains(l));
            bare.then_some((usize::MAX, ""))
        })?;
    if at == usize::MAX {
        return Some(format!(
            "prints a diagnostic without a location: `{}`",
            shown()
        ));
    }
    let rest = &line[at + level.len()..];
    let code_ok = rest.find("]: ").is_some_and(|close| {
        let code = &rest[..close];
        code.len() >= 2
            && code[..1].chars().all(|c| c == 'E' || c == 'W')
            && code[1..].chars().all(|c| c.is_ascii_digit())
            && !rest[close + 3..].trim().is_empty()
    });
    if !code_ok {
        return Some(format!(
            "prints a diagnostic without a code or a message: `{}`",
            shown()
        ));
    }
    let mut loc = line[..at].rsplitn(3, ':');
    let (col, row, path) = (loc.next(), loc.next(), loc.next());
    let num = |s: Option<&str>| s.and_then(|s| s.parse::<u64>().ok()).filter(|&n| n >= 1);
    let (Some(col), Some(row), Some(path)) = (num(col), num(row), path.filter(|p| !p.is_empty()))
    else {
        return Some(format!(
            "prints a diagnostic without a location: `{}`",
            shown()
        ));
    };
    if !next.is_some_and(|n| n.starts_with("  ") && !n.trim().is_empty()) {
        return Some(format!(
            "prints a diagnostic without a hint line: `{}`",
            shown()
        ));
    }
    let root = files?;
    let file = root.join(path);
    let meta = std::fs::symlink_metadata(&file).ok()?;
    if !meta.is_file() {
        return (row != 1 || col != 1).then(|| {
            format!(
                "locates a diagnostic at {row}:{col} in {path}, which is not a file: `{}`",
                shown()
            )
        });
    }
    let bytes = std::fs::read(&file).ok()?;
    let lines: Vec<&[u8]> = bytes.split(|&c| c == b'\n').collect();
    let Some(text) = lines.get(row as usize - 1) else {
        return Some(format!(
            "locates a diagnostic on line {row} of {path}, which has {} lines: `{}`",
            lines.len(),
            shown()
        ));
    };
    (col > text.len() as u64 + 1).then(|| {
        format!(
            "locates a diagnostic at column {col} of line {row} of {path}, which has {} bytes: `{}`",
            text.len(),
            shown()
        )
    })
}
