//! git's merge driver, `khutta merge-driver %O %A %B %P %S %X %Y`, over mutated base, ours
//! and theirs of every kind of plan file, missing or unreadable inputs, odd paths and labels.
//! It must exit 0 or 1 whatever it is given: above 128, git abandons the whole merge.

use crate::Case;
use crate::mutate::{self, Material};
use crate::oracle::{self, Expect, HANG_BOUND};
use crate::support::cmd::khutta;
use std::path::Path;

pub struct Worker {
    scratch: tempfile::TempDir,
    files: Vec<(String, Vec<u8>)>,
    ids: Vec<String>,
}

fn setup(_worker: usize) -> Worker {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let ids = files
        .iter()
        .filter_map(|(p, _)| Path::new(p).file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    Worker {
        scratch: tempfile::tempdir().unwrap(),
        files,
        ids,
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            out.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

fn kind_of(rel: &str) -> &'static str {
    match rel.split('/').next() {
        Some("activities") => "activities",
        Some("funding") => "funding",
        Some("partners") => "partners",
        Some("beneficiaries") => "beneficiaries",
        Some("consultations") if rel.ends_with("round.ron") => "round",
        Some("consultations") => "response",
        _ => "plan",
    }
}

fn one_case(w: &mut Worker, c: &mut Case) {
    let dir = w.scratch.path().join("case");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    c.inputs = vec![dir.clone()];
    let (rel, original) = c.rng.pick(&w.files).clone();
    let kind = kind_of(&rel);
    let donors: Vec<Vec<u8>> = (0..2).map(|_| c.rng.pick(&w.files).1.clone()).collect();
    let material = Material {
        ids: &w.ids,
        donors: &donors,
        kind,
    };
    let side = |c: &mut Case, name: &str, from: &[u8], most: usize| {
        let mut bytes = from.to_vec();
        for _ in 0..c.rng.range(0, most) {
            let what = mutate::mutate(&mut c.rng, &mut bytes, &material);
            c.note(format!("{name} ({rel}): {what}"));
        }
        bytes
    };
    let base = match c.rng.below(20) {
        0 => {
            c.note("base: empty (both sides added the file)");
            Vec::new()
        }
        1 => side(c, "base", &original, 2),
        _ => original.clone(),
    };
    let ours = side(c, "ours", &original, 3);
    let theirs = side(c, "theirs", &original, 3);
    for (name, bytes) in [("O", &base), ("A", &ours), ("B", &theirs)] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    // git's diff drivers read the same files: textconv one side, the external diff both
    // (before the merge driver writes over ours).
    if c.rng.chance(50) {
        let mut cmd = khutta(&dir);
        cmd.args(["diff", "--textconv", *c.rng.pick(&["O", "A", "B"])]);
        let o = oracle::run(cmd, w.scratch.path(), HANG_BOUND);
        c.check(&o, &Expect::plan(&dir));
        let mut cmd = khutta(&dir);
        let old = if base.is_empty() { "/dev/null" } else { "O" };
        let shown = if c.rng.chance(80) {
            rel.as_str()
        } else {
            "x.txt"
        };
        cmd.args([
            "diff",
            "--external",
            shown,
            old,
            "0000",
            "100644",
            "A",
            "1111",
            "100644",
        ]);
        let o = oracle::run(cmd, w.scratch.path(), HANG_BOUND);
        c.check(&o, &Expect::plan(&dir));
    }
    // Now and then an input is missing, a folder or a link.
    if c.rng.chance(6) {
        let name = *c.rng.pick(&["O", "A", "B"]);
        let p = dir.join(name);
        std::fs::remove_file(&p).unwrap();
        match c.rng.below(3) {
            0 => c.note(format!("{name}: missing")),
            1 => {
                std::fs::create_dir(&p).unwrap();
                c.note(format!("{name}: a folder"));
            }
            _ => {
                #[cfg(unix)]
                let _ = std::os::unix::fs::symlink("/dev/zero", &p);
                c.note(format!("{name}: a link to /dev/zero"));
            }
        }
    }
    let path = match c.rng.below(12) {
        0 => format!("plans/nua/{rel}"),
        1 => "".to_owned(),
        2 => "../../etc/passwd".to_owned(),
        3 => format!("{rel}\n\u{1b}[2J\u{202e}"),
        4 => "activities/../plan.ron".to_owned(),
        5 => "consultations/x/responses/deep/p.ron".to_owned(),
        6 => {
            // The file's content as the wrong kind of file.
            let other = &c.rng.pick(&w.files).0;
            other.clone()
        }
        _ => rel.clone(),
    };
    let labels: Vec<&str> = match c.rng.below(8) {
        0..=2 => vec![],
        3 | 4 => vec!["base", "ours", "theirs"],
        5 => vec!["Stashed changes", "Updated upstream", "Stashed changes"],
        6 => vec!["", "", "Stashed changes"],
        _ => vec!["\u{1b}]52;c;eA==\u{7}", "\u{202e}", ""],
    };
    c.note(format!("path {path:?}, labels {labels:?}"));
    let mut cmd = khutta(&dir);
    cmd.args(["merge-driver", "O", "A", "B", &path])
        .args(&labels);
    if c.rng.chance(10) {
        cmd.args(["--lang", "ar"]);
    }
    let o = oracle::run(cmd, w.scratch.path(), HANG_BOUND);
    c.check(
        &o,
        &Expect {
            codes: &[0, 1],
            files: None,
            json: false,
            csv: false,
        },
    );
}

pub fn run() {
    crate::fuzz(
        &crate::Target {
            name: "driver",
            test: "merge_driver_inputs",
            share: 40,
            workers: 1,
        },
        setup,
        one_case,
    );
}
