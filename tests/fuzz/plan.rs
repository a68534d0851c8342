//! Plan files: `plan.ron`, entities, consultation rounds and responses, mutated in a git
//! repository made from the bundled plan, then read by every command that reads a plan (check,
//! fmt, summary, schedule and gantt in all their forms, consultation results, diff between the
//! working tree and commits, log, blame) and drawn by the TUI's screens and forms in memory.

use crate::Case;
use crate::harness::Harness;
use crate::mutate::{self, Material};
use crate::oracle::{self, Expect, HANG_BOUND};
use crate::support::cmd::{git, khutta};
use khutta::model::Lang;
use std::path::{Path, PathBuf};

/// A worker's repository: the bundled plan committed once, put back before every case.
pub struct Worker {
    _dir: tempfile::TempDir,
    root: PathBuf,
    scratch: tempfile::TempDir,
    base: String,
    /// Every plan file, relative to the root, and its original bytes.
    files: Vec<(String, Vec<u8>)>,
    /// Every id of the plan, for references that point somewhere else.
    ids: Vec<String>,
}

/// The folders of plan files, each with how often its files are chosen.
const KINDS: &[(&str, u32)] = &[
    ("plan", 12),
    ("activities", 40),
    ("funding", 14),
    ("partners", 8),
    ("beneficiaries", 8),
    ("round", 8),
    ("response", 10),
];

fn kind_of(rel: &str) -> &'static str {
    if rel == "plan.ron" {
        "plan"
    } else if rel.ends_with("/round.ron") {
        "round"
    } else if rel.contains("/responses/") {
        "response"
    } else {
        KINDS
            .iter()
            .map(|(k, _)| *k)
            .find(|k| rel.starts_with(&format!("{k}/")))
            .unwrap_or("plan")
    }
}

fn setup(_worker: usize) -> Worker {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("plan");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let init = khutta(dir.path())
        .arg("init")
        .arg(&root)
        .arg("--from")
        .arg(&bundled)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let base = crate::support::cmd::git_ok(&root, &["rev-parse", "HEAD"])
        .trim()
        .to_owned();
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let ids = files
        .iter()
        .filter_map(|(p, _)| Path::new(p).file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| s != "plan" && s != "round")
        .chain(["egm-2021".to_owned()])
        .collect();
    Worker {
        _dir: dir,
        root,
        scratch: tempfile::tempdir().unwrap(),
        base,
        files,
        ids,
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if e.file_name() == ".git" {
            continue;
        }
        if p.is_dir() {
            collect(root, &p, out);
        } else if p.extension().is_some_and(|x| x == "ron") {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            out.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

impl Worker {
    /// Puts the work tree and the branch back to the bundled plan.
    fn reset(&self) {
        // git leaves FIFOs alone.
        remove_special(&self.root);
        for args in [
            &["reset", "-q", "--hard", &self.base][..],
            &["clean", "-fdxq"],
        ] {
            let out = git(&self.root).args(args).output().unwrap();
            assert!(out.status.success(), "git {args:?}: {out:?}");
        }
    }

    fn run(&self, c: &mut Case, args: &[&str], e: Expect) -> oracle::Outcome {
        let mut cmd = khutta(&self.root);
        cmd.args(args);
        let o = oracle::run(cmd, self.scratch.path(), HANG_BOUND);
        c.check(&o, &e);
        o
    }

    /// Mutates `n` plan files.
    fn mutate_files(&self, c: &mut Case, n: usize) -> Vec<String> {
        let weights: Vec<u32> = KINDS.iter().map(|(_, w)| *w).collect();
        let mut touched = Vec::new();
        for _ in 0..n {
            let kind = KINDS[c.rng.weighted(&weights)].0;
            let of_kind: Vec<&(String, Vec<u8>)> = self
                .files
                .iter()
                .filter(|(p, _)| kind_of(p) == kind)
                .collect();
            let (rel, original) = *c.rng.pick(&of_kind);
            let path = self.root.join(rel);
            // A file mutated before in this case goes on from its mutated state; what is no
            // longer a file (a FIFO, a link) is never opened.
            let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
            let mut bytes = match is_file {
                true => std::fs::read(&path).unwrap_or_else(|_| original.clone()),
                false => original.clone(),
            };
            let donors: Vec<Vec<u8>> = (0..3).map(|_| c.rng.pick(&self.files).1.clone()).collect();
            let material = Material {
                ids: &self.ids,
                donors: &donors,
                kind,
            };
            for _ in 0..c.rng.range(1, 3) {
                let what = mutate::mutate(&mut c.rng, &mut bytes, &material);
                c.note(format!("{rel}: {what}"));
            }
            if is_file {
                std::fs::write(&path, &bytes).unwrap();
            }
            touched.push(rel.clone());
        }
        touched
    }

    /// Changes what stands at a plan path: a folder, a link, a FIFO, nothing, or a copy
    /// under a name that is not its id.
    fn mutate_place(&self, c: &mut Case) {
        let (rel, bytes) = c.rng.pick(&self.files).clone();
        let path = self.root.join(&rel);
        let _ = std::fs::remove_file(&path);
        let what = match c.rng.below(9) {
            0 => {
                std::fs::create_dir_all(&path).unwrap();
                "became a folder".to_owned()
            }
            1 => {
                let other = &c.rng.pick(&self.files).0;
                link(&self.root.join(other), &path);
                format!("became a link to {other}")
            }
            2 => {
                let to = *c
                    .rng
                    .pick(&["/dev/zero", "/dev/stdin", "/dev/tty", "/nonexistent", "."]);
                link(Path::new(to), &path);
                format!("became a link to {to}")
            }
            3 => {
                let made = std::process::Command::new("mkfifo").arg(&path).status();
                if !made.is_ok_and(|s| s.success()) {
                    std::fs::write(&path, &bytes).unwrap();
                }
                "became a FIFO".to_owned()
            }
            4 => "was removed".to_owned(),
            5 => {
                std::fs::write(&path, &bytes).unwrap();
                let dir = path.parent().unwrap();
                let name = *c.rng.pick(&[
                    "Aaa.ron",
                    "aaa.ron",
                    "x y.ron",
                    ".hidden.ron",
                    "a.ron.ron",
                    "\u{202e}nor.ron",
                ]);
                std::fs::write(dir.join(name), &bytes).unwrap();
                format!("was copied to {name} beside it")
            }
            6 => {
                std::fs::write(&path, &bytes).unwrap();
                let tmp = format!(
                    ".{}.1234.khutta-tmp",
                    path.file_name().unwrap().to_string_lossy()
                );
                std::fs::write(path.parent().unwrap().join(&tmp), &bytes[..bytes.len() / 2])
                    .unwrap();
                format!("got a half-written {tmp} beside it")
            }
            7 => {
                // A whole folder replaced by a file or by a link.
                std::fs::write(&path, &bytes).unwrap();
                let folder = *c.rng.pick(&[
                    "activities",
                    "partners",
                    "funding",
                    "beneficiaries",
                    "consultations",
                    "consultations/egm-2021/responses",
                ]);
                let at = self.root.join(folder);
                let _ = std::fs::remove_dir_all(&at);
                if c.rng.chance(50) {
                    std::fs::write(&at, b"not a folder").unwrap();
                    format!("(and {folder}/ became a file)")
                } else {
                    let elsewhere = self.scratch.path().join("elsewhere");
                    let _ = std::fs::create_dir_all(&elsewhere);
                    link(&elsewhere, &at);
                    format!("(and {folder}/ became a link to an empty folder outside)")
                }
            }
            _ => {
                std::fs::write(&path, &bytes).unwrap();
                let dir = path.parent().unwrap().join("nested");
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(dir.join("x.ron"), &bytes).unwrap();
                "got a nested folder beside it".to_owned()
            }
        };
        c.note(format!("{rel} {what}"));
    }
}

/// Removes what is neither a file, a folder nor a link, below `dir` (`.git` aside).
fn remove_special(dir: &Path) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(t) = e.file_type() else { continue };
        if t.is_dir() && e.file_name() != ".git" {
            remove_special(&e.path());
        } else if !t.is_dir() && !t.is_file() && !t.is_symlink() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn link(to: &Path, at: &Path) {
    #[cfg(unix)]
    {
        let _ = std::os::unix::fs::symlink(to, at);
    }
    #[cfg(not(unix))]
    {
        let _ = (to, at);
    }
}

/// A date for `--today`, `--from` and `--to`: ordinary, or at the edges of the calendar.
fn some_date(c: &mut Case) -> &'static str {
    const DATES: [&str; 8] = [
        "2026-11-28",
        "2021-09-01",
        "1970-01-01",
        "0001-01-01",
        "9999-12-31",
        "+262142-12-31",
        "-262143-01-01",
        "2026-02-30",
    ];
    DATES[c.rng.below(DATES.len())]
}

fn one_case(w: &mut Worker, c: &mut Case) {
    w.reset();
    c.inputs = vec![w.root.clone()];
    let n = c.rng.range(1, 3);
    let touched = w.mutate_files(c, n);
    if c.rng.chance(8) {
        w.mutate_place(c);
    }
    let root = w.root.clone();
    let plan = Expect::plan(&root);
    // Each case one format of each command, so that the cases cover them all.
    match c.rng.below(2) {
        0 => w.run(c, &["check", "."], plan),
        _ => w.run(c, &["check", "--format", "json", "."], plan.json()),
    };
    w.run(c, &["fmt", "--check", "."], plan);
    w.run(c, &["summary", "."], plan);
    let today = some_date(c);
    match c.rng.below(3) {
        0 => w.run(c, &["schedule", ".", "--today", today], plan),
        1 => w.run(c, &["schedule", ".", "--format", "json"], plan.json()),
        _ => w.run(c, &["schedule", ".", "--format", "csv"], plan.csv()),
    };
    let mut gantt: Vec<String> = vec!["gantt".into(), ".".into()];
    let width = *c.rng.pick(&["1", "20", "60", "100", "250", "10000", "0"]);
    gantt.extend(["--width".into(), width.into()]);
    if c.rng.chance(50) {
        let scale = *c.rng.pick(&["day", "week", "month", "quarter"]);
        gantt.extend(["--scale".into(), scale.into()]);
    }
    if c.rng.chance(30) {
        gantt.push("--ascii".into());
    }
    if c.rng.chance(25) {
        gantt.extend(["--from".into(), some_date(c).into()]);
    }
    if c.rng.chance(25) {
        gantt.extend(["--to".into(), some_date(c).into()]);
    }
    if c.rng.chance(25) {
        gantt.extend(["--today".into(), some_date(c).into()]);
    }
    let gantt: Vec<&str> = gantt.iter().map(String::as_str).collect();
    w.run(c, &gantt, plan);
    let format = *c.rng.pick(&["text", "md", "csv", "json"]);
    let mut results = vec![
        "consult", "results", "egm-2021", "--plan", ".", "--format", format,
    ];
    if c.rng.chance(30) {
        results.push("--anonymise");
    }
    if c.rng.chance(20) {
        results.extend(["--country", *c.rng.pick(&["JO", "EG", "xx", ""])]);
    }
    let results_expect = match format {
        "csv" => plan.csv(),
        "json" => plan.json(),
        _ => plan,
    };
    w.run(c, &results, results_expect);
    let in_git = Expect {
        files: None,
        ..plan
    };
    let format = *c.rng.pick(&["text", "md", "json"]);
    w.run(
        c,
        &["diff", "--format", format],
        if format == "json" {
            in_git.json()
        } else {
            in_git
        },
    );
    if c.rng.chance(10) {
        let args = *c.rng.pick(&[
            &["check", "--lang", "ar", "."][..],
            &["summary", "--lang", "ar", "."],
            &["schedule", "--lang", "ar", "."],
            &[
                "gantt", "--lang", "ar", "--bidi", "terminal", ".", "--width", "90",
            ],
            &["diff", "--lang", "ar"],
            &[
                "consult", "results", "egm-2021", "--lang", "ar", "--plan", ".",
            ],
        ]);
        w.run(c, args, in_git);
    }
    frames(c, &root);
    // Formatting writes; once it says it is done, the plan must be canonical.
    let fmt = w.run(c, &["fmt", "."], plan);
    if fmt.code == Some(0) {
        let again = w.run(c, &["fmt", "--check", "."], plan);
        if again.code != Some(0) && !again.hung {
            c.found(
                "`khutta fmt` exited 0 but `khutta fmt --check` then finds files to format".into(),
                format!("{}{}", fmt.transcript(20), again.transcript(20)),
            );
        }
    }
    if c.rng.chance(25) {
        revisions(w, c, &touched);
    }
}

/// The mutated plan committed, mutated again in the work tree: diffs between commits and the
/// work tree, the log and blame read plan files from git.
fn revisions(w: &mut Worker, c: &mut Case, touched: &[String]) {
    let add = git(&w.root).args(["add", "-A", "."]).output().unwrap();
    let commit = git(&w.root)
        .args(["commit", "-q", "--no-verify", "-m", "fuzz"])
        .output()
        .unwrap();
    if !add.status.success() || !commit.status.success() {
        c.note("(git could not commit this mutation; no revisions read)");
        return;
    }
    c.note("committed, then:");
    w.mutate_files(c, 1);
    let plan = Expect {
        files: None,
        ..Expect::plan(&w.root)
    };
    w.run(
        c,
        &["diff", "HEAD~1", "HEAD", "--format", "json"],
        plan.json(),
    );
    w.run(c, &["diff", "HEAD~1..HEAD", "--format", "md"], plan);
    w.run(c, &["diff", "HEAD"], plan);
    w.run(c, &["log", "-n", "3", "."], plan);
    let activity = touched
        .iter()
        .find_map(|t| t.strip_prefix("activities/")?.strip_suffix(".ron"))
        .unwrap_or("pilot-tunis")
        .to_owned();
    w.run(c, &["blame", &activity, "--plan", "."], plan);
}

/// Every screen of the TUI drawn in memory on the mutated plan, and the forms of the first
/// activity, funding source and the plan opened and drawn.
fn frames(c: &mut Case, root: &Path) {
    if khutta::store::load_with_cache(root, None).is_err() {
        return;
    }
    let lang = if c.rng.chance(30) { Lang::Ar } else { Lang::En };
    let (w, h) = *c
        .rng
        .pick(&[(80u16, 24u16), (120, 40), (60, 15), (200, 50)]);
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut t = Harness::open(root, lang);
        t.app.shared.size = (w, h);
        for keys in [
            &["1"][..],
            &["2"],
            &["3"],
            &["4"],
            &["5"],
            &["6"],
            &["-"],
            &["-"],
            &["-"],
            &["+", "+", "+", "t"],
            &["7"],
            &["8"],
            &["9"],
            &["0"],
            &["2", "enter"],
            &["esc", "5", "enter"],
            &["esc", "4", "enter"],
            &["esc", "1", "enter"],
        ] {
            t.press(keys);
            t.render(w, h);
        }
    }));
    if let Err(panic) = drawn {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        c.found(
            format!("the TUI panics drawing the mutated plan ({w}x{h}, {lang:?}): {what}"),
            String::new(),
        );
    }
}

pub fn run() {
    crate::fuzz(
        &crate::Target {
            name: "plan",
            test: "plan_files",
            share: 35,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get().min(4)),
        },
        setup,
        one_case,
    );
}
