//! A mutation fuzzer over everything a partner, a CSV export or a config file can hand khutta:
//! plan files, the git merge driver's inputs, CSV imports, the TUI's config file and the git
//! config and attributes khutta reads. Each case mutates inputs that start from the bundled
//! plan and runs the real binary over them (and draws the TUI's screens in memory); every run
//! must end within a generous bound, never panic, exit 0, 1 or 2 (the merge driver 0 or 1),
//! and locate every diagnostic it prints.
//!
//! `cargo test` runs a fixed number of cases from a fixed seed. `scripts/fuzz [CASES] [SEED]`
//! runs more from a random seed (`KHUTTA_FUZZ_CASES`, `KHUTTA_FUZZ_SEED`); a failure names its
//! case, and `KHUTTA_FUZZ_ONLY=target:case` replays that one case alone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

#[path = "../support/mod.rs"]
mod support;
// The TUI's test harness: the fuzzer draws mutated plans through the code users run.
#[path = "../tui/harness.rs"]
#[allow(
    dead_code,
    reason = "the fuzzer opens and draws; the TUI tests use the rest"
)]
mod harness;

mod config;
mod driver;
mod found;
mod import;
mod mutate;
mod oracle;
mod plan;
mod rng;

use oracle::{Expect, Outcome};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The seed of `cargo test`'s run: fixed, so that the suite is deterministic.
const FIXED_SEED: u64 = 0x6b68_7574_7461_0015;

/// Cases of `cargo test`'s run, shared out among the targets by [`Target::share`].
const DEFAULT_CASES: usize = 360;

/// How many failures a target collects before it stops and reports.
const MAX_FINDINGS: usize = 8;

/// What a run of the fuzzer does: from the environment, else `cargo test`'s defaults.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The run's seed; every case's seed is derived from it.
    pub seed: u64,
    /// Cases over all targets.
    pub cases: usize,
    /// Only this case of this target (`KHUTTA_FUZZ_ONLY=plan:17`).
    pub only: Option<(String, usize)>,
}

impl Settings {
    fn from_env() -> Settings {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let seed = var("KHUTTA_FUZZ_SEED").map_or(FIXED_SEED, |s| {
            let s = s.trim();
            s.strip_prefix("0x")
                .map_or_else(|| s.parse(), |h| u64::from_str_radix(h, 16))
                .unwrap_or_else(|e| panic!("KHUTTA_FUZZ_SEED={s}: {e}"))
        });
        let cases = var("KHUTTA_FUZZ_CASES").map_or(DEFAULT_CASES, |c| {
            c.trim()
                .parse()
                .unwrap_or_else(|e| panic!("KHUTTA_FUZZ_CASES={c}: {e}"))
        });
        let only = var("KHUTTA_FUZZ_ONLY").map(|o| {
            let (t, i) = o
                .split_once(':')
                .unwrap_or_else(|| panic!("KHUTTA_FUZZ_ONLY={o}: write it target:case"));
            (
                t.to_owned(),
                i.parse()
                    .unwrap_or_else(|e| panic!("KHUTTA_FUZZ_ONLY={o}: {e}")),
            )
        });
        Settings { seed, cases, only }
    }
}

/// One of the fuzzer's targets: a kind of input and the commands that read it.
pub struct Target {
    /// Its name, as `KHUTTA_FUZZ_ONLY` writes it.
    pub name: &'static str,
    /// The `#[test]` that runs it.
    pub test: &'static str,
    /// Its share of the cases, in percent.
    pub share: usize,
    /// Parallel workers.
    pub workers: usize,
}

/// A failure: the rule broken, by which run, in which case.
#[derive(Debug)]
pub struct Finding {
    case: usize,
    problem: String,
    transcript: String,
    mutations: Vec<String>,
    kept: Option<PathBuf>,
}

/// One case: its random source, what it did, and what it found.
pub struct Case {
    /// Its number within the target.
    pub index: usize,
    /// Its own seed.
    pub seed: u64,
    /// Its random source.
    pub rng: rng::Rng,
    /// What was done to the inputs, for the report.
    pub log: Vec<String>,
    /// What to keep when something is found: a folder or file of inputs.
    pub inputs: Vec<PathBuf>,
    target: &'static str,
    findings: Vec<Finding>,
}

impl Case {
    /// Notes a mutation for the report.
    pub fn note(&mut self, what: impl Into<String>) {
        self.log.push(what.into());
    }

    /// Judges one run; a broken rule becomes a finding, and the inputs are kept as they are
    /// now (later runs may rewrite them).
    pub fn check(&mut self, o: &Outcome, e: &Expect) {
        for problem in oracle::judge(o, e) {
            self.found(format!("`{}` {problem}", o.shown), o.transcript(30));
        }
    }

    /// Records a finding of the case's own (a law that does not hold, a panic in process).
    pub fn found(&mut self, problem: String, transcript: String) {
        let kept = match self.findings.last() {
            Some(f) => f.kept.clone(),
            None => self.keep(),
        };
        self.findings.push(Finding {
            case: self.index,
            problem,
            transcript,
            mutations: self.log.clone(),
            kept,
        });
    }

    /// Copies the inputs under the target folder's `fuzz-failures/`.
    fn keep(&self) -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("fuzz-failures")
            .join(format!("{}-{:016x}", self.target, self.seed));
        let _ = std::fs::remove_dir_all(&dir);
        for input in &self.inputs {
            let name = input.file_name().unwrap_or_default();
            copy_tree(input, &dir.join(name));
        }
        Some(dir)
    }
}

/// Copies files, folders and links as they are; FIFOs and other special files are noted in a
/// file of their name with `.special` added, never opened.
pub fn copy_tree(from: &Path, to: &Path) {
    let Ok(meta) = std::fs::symlink_metadata(from) else {
        return;
    };
    if let Some(parent) = to.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let t = meta.file_type();
    if t.is_symlink() {
        #[cfg(unix)]
        if let Ok(target) = std::fs::read_link(from) {
            let _ = std::os::unix::fs::symlink(target, to);
        }
    } else if t.is_dir() {
        let _ = std::fs::create_dir_all(to);
        for e in std::fs::read_dir(from).into_iter().flatten().flatten() {
            if e.file_name() != ".git" {
                copy_tree(&e.path(), &to.join(e.file_name()));
            }
        }
    } else if t.is_file() {
        let _ = std::fs::copy(from, to);
    } else {
        let mut name = to.as_os_str().to_owned();
        name.push(".special");
        let _ = std::fs::write(PathBuf::from(name), format!("{t:?}"));
    }
}

/// Runs `target`'s share of the cases, `workers` at a time, each worker with state of its own
/// made by `setup`; fails with every finding, each with how to replay it.
pub fn fuzz<W>(
    target: &Target,
    setup: impl Fn(usize) -> W + Sync,
    case: impl Fn(&mut W, &mut Case) + Sync,
) {
    let settings = Settings::from_env();
    let cases = (settings.cases * target.share).div_ceil(100).max(1);
    let indices: Vec<usize> = match &settings.only {
        Some((t, i)) if t == target.name => vec![*i],
        Some(_) => Vec::new(),
        None => (0..cases).collect(),
    };
    let findings: Mutex<Vec<Finding>> = Mutex::new(Vec::new());
    let done = std::sync::atomic::AtomicUsize::new(0);
    let start = std::time::Instant::now();
    let workers = target.workers.min(indices.len()).max(1);
    std::thread::scope(|s| {
        for w in 0..workers {
            let (findings, done, indices, setup, case) =
                (&findings, &done, &indices, &setup, &case);
            s.spawn(move || {
                let mut state = setup(w);
                for &index in indices.iter().skip(w).step_by(workers) {
                    if findings.lock().unwrap().len() >= MAX_FINDINGS {
                        return;
                    }
                    let seed = rng::case_seed(settings.seed, target.name, index);
                    let mut c = Case {
                        index,
                        seed,
                        rng: rng::Rng::new(seed),
                        log: Vec::new(),
                        inputs: Vec::new(),
                        target: target.name,
                        findings: Vec::new(),
                    };
                    case(&mut state, &mut c);
                    findings.lock().unwrap().append(&mut c.findings);
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    if n % 500 == 0 {
                        eprintln!(
                            "fuzz {}: {n}/{} cases, {:.0} s",
                            target.name,
                            indices.len(),
                            start.elapsed().as_secs_f64()
                        );
                    }
                }
            });
        }
    });
    let findings = findings.into_inner().unwrap();
    eprintln!(
        "fuzz {}: {} cases from seed {:#x} in {:.1} s, {} findings",
        target.name,
        done.into_inner(),
        settings.seed,
        start.elapsed().as_secs_f64(),
        findings.len()
    );
    if findings.is_empty() {
        return;
    }
    let mut report = format!(
        "fuzz {}: {} failures (seed {:#x})\n",
        target.name,
        findings.len(),
        settings.seed
    );
    for f in &findings {
        report.push_str(&format!(
            "\n== case {case}: {problem}\nreplay: KHUTTA_FUZZ_SEED={seed:#x} KHUTTA_FUZZ_ONLY={t}:{case} cargo test --test fuzz {test}\n",
            case = f.case,
            problem = f.problem,
            seed = settings.seed,
            t = target.name,
            test = target.test,
        ));
        if let Some(k) = &f.kept {
            report.push_str(&format!("inputs kept in {}\n", k.display()));
        }
        for m in &f.mutations {
            report.push_str(&format!("  - {m}\n"));
        }
        report.push_str(&f.transcript);
    }
    panic!("{report}");
}

#[test]
fn plan_files() {
    plan::run();
}

#[test]
fn merge_driver_inputs() {
    driver::run();
}

#[test]
fn csv_imports() {
    import::run();
}

#[test]
fn config_files() {
    config::run();
}

/// The oracle catches what it is there to catch: a fuzzer whose checks never fire finds
/// nothing.
#[test]
fn the_oracle_catches_panics_hangs_exit_codes_and_unlocated_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("activities")).unwrap();
    std::fs::write(
        root.join("activities/a.ron"),
        "Activity(\n    id: \"a\",\n)\n",
    )
    .unwrap();
    let sh = |script: &str, bound: std::time::Duration| {
        let mut c = std::process::Command::new("sh");
        c.args(["-c", script]).current_dir(root);
        oracle::run(c, root, bound)
    };
    let long = oracle::HANG_BOUND;
    let judge = |o: &Outcome| oracle::judge(o, &Expect::plan(root)).join("; ");
    let fine = sh(
        "echo './activities/a.ron:2:5: error[E003]: unknown field'; echo '  hint: fix it'; exit 1",
        long,
    );
    assert_eq!(judge(&fine), "");
    let cases = [
        (
            "echo \"thread 'main' panicked at src/x.rs\" >&2; exit 101",
            "panics",
        ),
        ("exit 255", "exits 255"),
        ("kill -9 $$", "ends by a signal"),
        (
            "echo 'error[E001]: syntax error'; echo '  hint: x'",
            "without a location",
        ),
        (
            "echo './activities/a.ron:2:5: error[E001]: x'",
            "without a hint line",
        ),
        (
            "echo './activities/a.ron:9:1: error[E001]: x'; echo '  hint: x'",
            "line 9",
        ),
        (
            "echo './activities/a.ron:2:40: error[E001]: x'; echo '  hint: x'",
            "column 40",
        ),
        (
            "echo './activities/a.ron:0:1: error[E001]: x'; echo '  hint: x'",
            "without a location",
        ),
        (
            "echo \"khutta's merge failed (boom)\" >&2; exit 1",
            "its merge panicked",
        ),
    ];
    for (script, want) in cases {
        let got = judge(&sh(script, long));
        assert!(got.contains(want), "{script}: {got}");
    }
    let hung = sh("sleep 5", std::time::Duration::from_millis(200));
    assert!(hung.hung && judge(&hung).contains("hangs"), "{hung:?}");
    let json = oracle::judge(&sh("echo '{\"a\": '", long), &Expect::plan(root).json());
    assert!(json.join(";").contains("JSON"), "{json:?}");
    let csv = oracle::judge(&sh("printf 'a,b\\nc\\n'", long), &Expect::plan(root).csv());
    assert!(csv.join(";").contains("CSV"), "{csv:?}");
}

/// A case is its seed: the same seed mutates the same way, another seed another way.
#[test]
fn mutations_follow_the_seed() {
    let text = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans/open-government-nua/activities/pilot-tunis.ron"),
    )
    .unwrap();
    let material = mutate::Material {
        ids: &["pilot-amman".into()],
        donors: &[],
        kind: "activities",
    };
    let mutated = |seed| {
        let mut r = rng::Rng::new(seed);
        let mut b = text.clone();
        let log: Vec<String> = (0..4)
            .map(|_| mutate::mutate(&mut r, &mut b, &material))
            .collect();
        (b, log)
    };
    assert_eq!(mutated(7), mutated(7));
    let differ = (0..8)
        .filter(|&s| mutated(s).0 != mutated(s + 100).0)
        .count();
    assert!(differ >= 7, "{differ}");
    assert_ne!(rng::case_seed(1, "plan", 0), rng::case_seed(1, "plan", 1));
    assert_ne!(rng::case_seed(1, "plan", 0), rng::case_seed(1, "driver", 0));
}
