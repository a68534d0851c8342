//! `khutta export csv` and `khutta import csv`: the bundled plan there and back, and a
//! partner's spreadsheet with problems, refused whole with each problem located.

use crate::support::cmd::{assert_matches_file, khutta, transcript};
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const BUNDLED: &str = "plans/open-government-nua";

/// A copy of the bundled plan in a temporary folder.
fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan");
    copy_dir(&repo().join(BUNDLED), &plan);
    (dir, plan)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, with its bytes, by relative path.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn export_csv(plan: &Path, out: &Path) {
    let run = khutta(repo())
        .args(["export", "csv"])
        .arg(plan)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
}

#[test]
fn the_bundled_plan_goes_out_as_csv_and_comes_back_byte_for_byte() {
    let (dir, plan) = bundled_copy();
    let out = dir.path().join("csv");
    export_csv(&plan, &out);
    for name in ["activities.csv", "budget.csv", "partners.csv"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(
            text.starts_with('\u{feff}'),
            "{name} starts with a byte order mark"
        );
        assert!(text.lines().count() > 5, "{name}: {text}");
        assert!(text.ends_with("\r\n"), "{name} ends its rows with CRLF");
    }
    // Into an empty activities folder: every activity is made from the files alone.
    for e in std::fs::read_dir(plan.join("activities"))
        .unwrap()
        .flatten()
    {
        std::fs::remove_file(e.path()).unwrap();
    }
    let run = khutta(repo())
        .args(["import", "csv"])
        .arg(&out)
        .arg("--into")
        .arg(&plan)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("53 files written"),
        "{}",
        transcript(&run)
    );
    assert_eq!(
        files(&plan),
        files(&repo().join(BUNDLED)),
        "the plan came back other than it was"
    );
    // Into the plan it came from: nothing to write.
    let again = khutta(repo())
        .args(["import", "csv"])
        .arg(&out)
        .arg("--into")
        .arg(&plan)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("0 files written"),
        "{}",
        transcript(&again)
    );
}

#[test]
fn every_csv_cell_that_looks_like_a_formula_is_neutralised() {
    let (dir, plan) = bundled_copy();
    let path = plan.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("en: \"", "en: \"=HYPERLINK(\\\"http://x\\\")", 1);
    std::fs::write(&path, text).unwrap();
    let out = dir.path().join("csv");
    export_csv(&plan, &out);
    let csv = std::fs::read_to_string(out.join("activities.csv")).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")"), "{csv}");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '@']), "a live formula: {cell}");
        }
    }
    // And the formula-looking title comes back as the text it was.
    let run = khutta(repo())
        .args(["import", "csv"])
        .arg(&out)
        .arg("--into")
        .arg(&plan)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("0 files written"),
        "{}",
        transcript(&run)
    );
}

/// A partner's sheet with an extra column, a bad date, an unknown status, a progress out of
/// range, an unknown partner, a row twice and a broken row; and a budget sheet without its
/// currency column. Every problem is reported, located, and nothing is written.
#[test]
fn a_partners_spreadsheet_with_problems_is_refused_whole_with_located_errors() {
    let (dir, plan) = bundled_copy();
    let sheets = dir.path().join("sheets");
    std::fs::create_dir_all(&sheets).unwrap();
    std::fs::write(
        sheets.join("activities.csv"),
        "id,status,progress,start,end,lead,colour\r\n\
         pilot-tunis,Finished,180,15/03/2026,2026-04-01,undpp,red\r\n\
         pilot-amman,Done,100,,,,\r\n\
         pilot-amman,Done,100,,,,\r\n\
         Pilot Beirut,Done,100,,,,\r\n\
         pilot-casablanca,Done,100,2026-05-01,,,\r\n\
         new-activity,Planned,0,2026-01-10,2026-01-20,,\r\n\
         pilot-alexandria,Done\r\n",
    )
    .unwrap();
    std::fs::write(
        sheets.join("budget.csv"),
        "activity,category,amount\r\npilot-tunis,Travel,100\r\n",
    )
    .unwrap();
    let before = files(&plan);
    let run = khutta(dir.path())
        .args(["import", "csv", "sheets", "--into", "plan"])
        .output()
        .unwrap();
    assert_eq!(files(&plan), before, "nothing may be written");
    let expected = repo().join("tests/cli/snapshots/import_csv_problems.txt");
    assert_matches_file(&expected, &transcript(&run));
    // The same in Arabic: the locations and codes stay, the words are Arabic.
    let ar = khutta(dir.path())
        .args(["--lang", "ar", "import", "csv", "sheets", "--into", "plan"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&ar.stdout);
    assert!(
        text.contains("sheets/activities.csv:2:2: error[I007]: "),
        "{text}"
    );
    assert!(text.contains("لم يُستورد شيء"), "{text}");
}

/// An import that leaves the plan with a check error it did not have (here a dependency
/// cycle) writes nothing and says which.
#[test]
fn an_import_that_would_make_a_dependency_cycle_writes_nothing() {
    let (dir, plan) = bundled_copy();
    let sheet = dir.path().join("cycle.csv");
    std::fs::write(&sheet, "id,dependencies\nconcept-note,egm-outcome-report\n").unwrap();
    let before = files(&plan);
    let run = khutta(dir.path())
        .args(["import", "csv", "cycle.csv", "--into", "plan"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", transcript(&run));
    assert_eq!(files(&plan), before, "nothing may be written");
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(out.contains("error[E021]"), "{out}");
    assert!(out.contains("activities/"), "{out}");
}

#[test]
fn a_partial_sheet_updates_only_its_columns_and_a_dry_run_writes_nothing() {
    let (dir, plan) = bundled_copy();
    let sheet = dir.path().join("progress.csv");
    std::fs::write(&sheet, "id,status,progress\npilot-tunis,InProgress,55\n").unwrap();
    let before = files(&plan);
    let dry = khutta(dir.path())
        .args([
            "import",
            "csv",
            "progress.csv",
            "--into",
            "plan",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", transcript(&dry));
    assert_eq!(files(&plan), before);
    let run = khutta(dir.path())
        .args(["import", "csv", "progress.csv", "--into", "plan"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
    let changed: Vec<String> = files(&plan)
        .into_iter()
        .zip(before)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0)
        .collect();
    assert_eq!(changed, vec!["activities/pilot-tunis.ron".to_owned()]);
    let text = std::fs::read_to_string(plan.join("activities/pilot-tunis.ron")).unwrap();
    assert!(text.contains("status: InProgress"), "{text}");
    assert!(text.contains("progress: 55"), "{text}");
    let check = khutta(dir.path()).args(["check", "plan"]).output().unwrap();
    assert!(check.status.success(), "{}", transcript(&check));
}

#[test]
fn csv_export_without_a_folder_says_it_needs_one() {
    let run = khutta(repo()).args(["export", "csv"]).output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", transcript(&run));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("--out"),
        "{}",
        transcript(&run)
    );
}

#[test]
fn import_codes_are_explained_like_check_codes() {
    let run = khutta(repo())
        .args(["check", "--explain", "I006"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", transcript(&run));
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.starts_with("error[I006]: a date that is not a date"),
        "{out}"
    );
    let ar = khutta(repo())
        .args(["--lang", "ar", "check", "--explain", "i011"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&ar.stdout).contains("خلايا توقيت لا تتفق"));
}
