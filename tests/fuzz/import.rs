//! `khutta consult import` over mutated CSV: cells with extreme numbers, formulas, controls
//! and long lists, rows repeated and cut, headers changed, bytes that are not UTF-8. The
//! import, a dry run, and the check and results that read what it wrote must all keep the
//! rules; every refused row is named by its number.

use crate::Case;
use crate::mutate::{self, Material};
use crate::oracle::{self, Expect, HANG_BOUND};
use crate::support::cmd::{copy_dir, khutta};
use std::path::{Path, PathBuf};

const HEADER: &[&str] = &[
    "participant",
    "name",
    "organisation",
    "organisation_type",
    "country",
    "role",
    "language",
    "first-activities",
    "support-needed",
    "duration",
    "pilot-readiness",
    "beneficiary-priority",
    "lead-partners",
    "funding-sources",
    "cofinancing-ability",
    "local-needs",
];

/// A good answer for each column, and other answers of each, good or not.
const CELLS: &[&[&str]] = &[
    &["p100", "p001", "P-1", "", "x y", "\u{202e}p"],
    &["Amal", "", "=cmd|' /C calc'!A0", "\u{0623}\u{0645}\u{0644}"],
    &[
        "greater-amman-municipality",
        "Tunis NGO",
        "undp",
        "escwa",
        "",
        "\u{200b}",
    ],
    &["", "LocalGovernment", "11", "Charity", "99999999999", "-1"],
    &["JO", "TN", "eg", "JOR", "", "XX"],
    &["Head of unit", "", "\u{1b}[31mred"],
    &["ar", "en", "", "fr", "AR"],
    &[
        "city-selection;training-of-trainers",
        "city-selection",
        "phase-pilots",
        "zzz",
        "city-selection;city-selection;city-selection;city-selection",
    ],
    &[
        "open-data;training",
        "assessment",
        "",
        "open-data;;",
        "Training",
    ],
    &[
        "three-years",
        "two-years",
        "two-years;four-years",
        "Three years",
        "",
    ],
    &[
        "4",
        "1",
        "5",
        "0",
        "6",
        "4294967296",
        "-2147483649",
        "1e27",
        "4.5",
        "\u{ff13}",
    ],
    &[
        "municipal-staff;youth;civil-society;women",
        "youth",
        "women;women;women;women",
        "",
    ],
    &["un-habitat;undp", "escwa", "pilot-tunis", ""],
    &[
        "development-partners",
        "national-budgets;private-sector",
        "",
    ],
    &["3", "", "7", "-0", "18446744073709551616"],
    &[
        "We need open data",
        "",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "@SUM(A1)",
        "\tTAB",
        "line\nbreak",
        "\u{0}nul",
        "\u{1b}]52;c;eA==\u{7}",
    ],
];

/// Values any cell may take when a cell is mutated.
const ANY_CELL: &[&str] = &[
    "",
    " ",
    "=1+1",
    "-1",
    "1e27",
    "-7.9e28",
    "4294967295",
    "\"",
    "\"\"",
    ";",
    ";;;;",
    "\r",
    "\u{feff}",
    "\u{202e}\u{2066}",
];

pub struct Worker {
    _dir: tempfile::TempDir,
    root: PathBuf,
    responses: PathBuf,
    scratch: tempfile::TempDir,
}

fn setup(_worker: usize) -> Worker {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("plan");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua"),
        &root,
    );
    Worker {
        responses: root.join("consultations/egm-2021/responses"),
        root,
        _dir: dir,
        scratch: tempfile::tempdir().unwrap(),
    }
}

/// A CSV field, quoted when it has to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A CSV of a few rows, mostly good answers, some cells changed.
fn answers(c: &mut Case) -> Vec<u8> {
    let mut header: Vec<String> = HEADER.iter().map(|s| (*s).to_owned()).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for n in 0..c.rng.range(1, 6) {
        let row = CELLS
            .iter()
            .enumerate()
            .map(|(i, cells)| match (i, c.rng.chance(80)) {
                (0, true) => format!("p{}", 100 + n),
                (_, true) => cells[0].to_owned(),
                _ => (*c.rng.pick(cells)).to_owned(),
            })
            .collect();
        rows.push(row);
    }
    for _ in 0..c.rng.range(0, 3) {
        match c.rng.below(7) {
            0 => {
                let i = c.rng.below(header.len());
                let removed = header.remove(i);
                for r in &mut rows {
                    if i < r.len() {
                        r.remove(i);
                    }
                }
                c.note(format!("dropped the column {removed}"));
            }
            1 => {
                let i = c.rng.below(header.len());
                let dup = header[i].clone();
                header.push(dup.clone());
                for r in &mut rows {
                    let v = r.get(i).cloned().unwrap_or_default();
                    r.push(v);
                }
                c.note(format!("repeated the column {dup}"));
            }
            2 => {
                let i = c.rng.below(header.len());
                let name = *c.rng.pick(&[
                    "",
                    "PARTICIPANT",
                    "\u{feff}participant",
                    "x",
                    "local-needs ",
                ]);
                c.note(format!("renamed the column {} to {name:?}", header[i]));
                header[i] = name.to_owned();
            }
            3 => {
                let r = c.rng.below(rows.len());
                let row = rows[r].clone();
                let times = c.rng.range(2, 300);
                rows.extend(std::iter::repeat_n(row, times));
                c.note(format!("repeated row {} {times} times", r + 2));
            }
            4 => {
                let r = c.rng.below(rows.len());
                let cut = c.rng.below(rows[r].len());
                rows[r].truncate(cut);
                c.note(format!("cut row {} to {cut} cells", r + 2));
            }
            5 => {
                let r = c.rng.below(rows.len());
                let extra = c.rng.range(1, 2_000);
                rows[r].extend(std::iter::repeat_n("x".to_owned(), extra));
                c.note(format!("gave row {} {extra} more cells", r + 2));
            }
            _ => {
                let r = c.rng.below(rows.len());
                let i = c.rng.below(rows[r].len().max(1));
                let v = match c.rng.below(3) {
                    0 => "x".repeat(c.rng.range(1_000, 200_000)),
                    1 => vec!["city-selection"; c.rng.range(10, 5_000)].join(";"),
                    _ => (*c.rng.pick(ANY_CELL)).to_owned(),
                };
                if let Some(cell) = rows[r].get_mut(i) {
                    c.note(format!(
                        "set row {} cell {} to {}",
                        r + 2,
                        i + 1,
                        mutate::short(v.as_bytes())
                    ));
                    *cell = v;
                }
            }
        }
    }
    let line = |cells: &[String]| cells.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
    let newline = if c.rng.chance(15) { "\r\n" } else { "\n" };
    let mut text = line(&header) + newline;
    for r in &rows {
        text.push_str(&line(r));
        text.push_str(newline);
    }
    text.into_bytes()
}

fn one_case(w: &mut Worker, c: &mut Case) {
    let _ = std::fs::remove_dir_all(&w.responses);
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans/open-government-nua/consultations/egm-2021/responses"),
        &w.responses,
    );
    let mut csv = answers(c);
    let material = Material {
        ids: &[],
        donors: &[],
        kind: "csv",
    };
    for _ in 0..c.rng.range(0, 2) {
        let what = mutate::mutate(&mut c.rng, &mut csv, &material);
        c.note(format!("answers.csv: {what}"));
    }
    let file = w.root.join("answers.csv");
    std::fs::write(&file, &csv).unwrap();
    c.inputs = vec![file.clone(), w.responses.clone()];
    let root = w.root.clone();
    let expect = Expect::plan(&root);
    let run = |c: &mut Case, args: &[&str], e: Expect| {
        let mut cmd = khutta(&root);
        cmd.args(args);
        let o = oracle::run(cmd, w.scratch.path(), HANG_BOUND);
        c.check(&o, &e);
        check_rows(c, &o, &csv);
        o
    };
    let import = [
        "consult",
        "import",
        "egm-2021",
        "answers.csv",
        "--plan",
        ".",
    ];
    run(c, &[&import[..], &["--dry-run"]].concat(), expect);
    let mut real = import.to_vec();
    if c.rng.chance(40) {
        real.push("--replace");
    }
    if c.rng.chance(10) {
        real.extend(["--lang", "ar"]);
    }
    run(c, &real, expect);
    run(c, &["check", "."], expect);
    let format = *c.rng.pick(&["text", "csv", "json", "md"]);
    let e = match format {
        "csv" => expect.csv(),
        "json" => expect.json(),
        _ => expect,
    };
    run(
        c,
        &[
            "consult", "results", "egm-2021", "--plan", ".", "--format", format,
        ],
        e,
    );
}

/// Each refused row is named by a number the file has: `answers.csv: row N: why`.
fn check_rows(c: &mut Case, o: &oracle::Outcome, csv: &[u8]) {
    // CSV ends a record at `\n`, `\r\n` or a lone `\r`.
    let records = csv
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && csv.get(i + 1) != Some(&b'\n')))
        .count()
        + 1;
    for stream in [&o.stdout, &o.stderr] {
        for line in String::from_utf8_lossy(stream).lines() {
            let Some(rest) = line.strip_prefix("answers.csv: row ") else {
                continue;
            };
            let n = rest.split(':').next().and_then(|n| n.parse::<usize>().ok());
            if !n.is_some_and(|n| n >= 1 && n <= records) {
                c.found(
                    format!(
                        "`{}` names a row the file does not have: `{}`",
                        o.shown,
                        mutate::short(line.as_bytes())
                    ),
                    o.transcript(20),
                );
            }
        }
    }
}

pub fn run() {
    crate::fuzz(
        &crate::Target {
            name: "import",
            test: "csv_imports",
            share: 15,
            workers: 1,
        },
        setup,
        one_case,
    );
}
