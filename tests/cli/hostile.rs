//! A partner's commit can never hang, crash or trick khutta: links where files belong, text
//! with escapes and invisible characters, spreadsheet formulas, values that views overflow on.

use crate::support::cmd::{bundled_copy, khutta, transcript};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `khutta ARGS` in `root` with its standard input on a pipe nobody writes to; fails the
/// test when it has not ended within a generous bound (a hang, not a measure of speed).
fn ends(root: &Path, args: &[&str]) -> Output {
    let mut child = khutta(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("khutta {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn links_where_plan_files_belong_are_never_followed() {
    let dir = bundled_copy();
    let root = dir.path();
    let responses = root.join("consultations/egm-2021/responses");
    std::os::unix::fs::symlink("/dev/stdin", responses.join("p013.ron")).unwrap();
    for args in [
        &["check", "."][..],
        &["summary", "."],
        &["schedule", "."],
        &["gantt", ".", "--width", "80"],
        &["fmt", "--check", "."],
        &["consult", "results", "egm-2021", "--plan", "."],
    ] {
        let out = ends(root, args);
        assert!(
            out.status.code().is_some(),
            "{args:?}: {}",
            transcript(&out)
        );
    }
    let check = ends(root, &["check", "."]);
    let text = transcript(&check);
    assert!(
        text.contains("p013.ron") && text.contains("symbolic link"),
        "{text}"
    );
    // A round whose round.ron points elsewhere is not read.
    let other = bundled_copy();
    let round = other.path().join("consultations/egm-2021/round.ron");
    std::fs::remove_file(&round).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", &round).unwrap();
    let text = transcript(&ends(other.path(), &["check", "."]));
    assert!(!text.contains("root"), "{text}");
    assert!(text.contains("symbolic link"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_linked_folder_is_never_written_through() {
    let dir = bundled_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::rename(root.join("partners"), elsewhere.path().join("partners")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("partners"), root.join("partners")).unwrap();
    let outside = elsewhere.path().join("partners/escwa.ron");
    let before = std::fs::read_to_string(&outside).unwrap();
    std::fs::write(&outside, before.replace("    ", "  ")).unwrap();
    let fmt = ends(root, &["fmt", "."]);
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        before.replace("    ", "  "),
        "{}",
        transcript(&fmt)
    );
    let check = transcript(&ends(root, &["check", "."]));
    assert!(check.contains("`partners` is a symbolic link"), "{check}");
    // Nor does a save from a plan read before the folder became a link.
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    let mut p = loaded.plan.clone();
    let mut loaded = loaded;
    p.partners.insert(
        khutta::model::Id::new_unchecked("new-partner"),
        khutta::model::Partner {
            id: khutta::model::Id::new_unchecked("new-partner"),
            name: khutta::model::Text::en("New"),
            acronym: None,
            kind: khutta::model::OrganisationType::Other,
            roles: Vec::new(),
            country: None,
            website: None,
            iati_ref: None,
            contact: None,
        },
    );
    let saved = khutta::store::save(&mut loaded, &p);
    assert!(saved.is_err(), "{saved:?}");
    assert!(!elsewhere.path().join("partners/new-partner.ron").exists());
}

#[test]
fn escapes_and_invisible_characters_never_reach_the_terminal() {
    let dir = bundled_copy();
    let root = dir.path();
    let round = root.join("consultations/egm-2021/round.ron");
    let text = std::fs::read_to_string(&round).unwrap();
    std::fs::write(
        &round,
        text.replace(
            "id: \"duration\"",
            "id: \"dur\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{9b}2J\\u{202e}\"",
        ),
    )
    .unwrap();
    let a = root.join("activities/pilot-tunis.ron");
    let t = std::fs::read_to_string(&a).unwrap();
    std::fs::write(
        &a,
        t.replace("en: \"Tunis pilot", "en: \"Tunis\\u{200b} pilot"),
    )
    .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("report.html");
    let report_arg = report.to_str().unwrap();
    for args in [
        &["consult", "results", "egm-2021", "--plan", "."][..],
        &[
            "consult", "results", "egm-2021", "--plan", ".", "--format", "md",
        ],
        &["consult", "template", "egm-2021", "--plan", "."],
        &["schedule", "."],
        &["gantt", ".", "--width", "100"],
        // To a file: the report is larger than the pipe `ends` reads only at the end.
        &["export", "html", ".", "--out", report_arg],
        &["check", "."],
    ] {
        let out = ends(root, args);
        let all = [out.stdout.clone(), out.stderr.clone()].concat();
        let text = String::from_utf8_lossy(&all);
        for bad in ['\u{1b}', '\u{9b}', '\u{7}', '\u{202e}', '\u{200b}'] {
            assert!(!text.contains(bad), "{args:?} let {bad:?} through:\n{text}");
        }
    }
    let report = std::fs::read_to_string(&report).unwrap();
    for bad in ['\u{1b}', '\u{9b}', '\u{7}', '\u{202e}', '\u{200b}'] {
        assert!(!report.contains(bad), "the HTML report let {bad:?} through");
    }
    assert!(
        report.contains("\\u{200b}"),
        "the HTML report shows no escape"
    );
    let gantt =
        String::from_utf8_lossy(&ends(root, &["gantt", ".", "--width", "120"]).stdout).into_owned();
    assert!(gantt.contains("\\u{200b}"), "{gantt}");
}

#[test]
fn free_text_never_becomes_a_spreadsheet_formula() {
    let dir = bundled_copy();
    let root = dir.path();
    let p = root.join("consultations/egm-2021/responses/p001.ron");
    let text = std::fs::read_to_string(&p).unwrap();
    let start =
        text.find("\"local-needs\": FreeText(\"").unwrap() + "\"local-needs\": FreeText(\"".len();
    let end = start + text[start..].find("\")").unwrap();
    let evil = "=HYPERLINK(\\\"http://127.0.0.1/x\\\",\\\"details\\\")";
    std::fs::write(&p, format!("{}{evil}{}", &text[..start], &text[end..])).unwrap();
    let out = ends(
        root,
        &[
            "consult", "results", "egm-2021", "--plan", ".", "--format", "csv",
        ],
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        !csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"),
        "{csv}"
    );
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

#[test]
fn huge_amounts_never_crash_a_view() {
    let dir = bundled_copy();
    let root = dir.path();
    let f = root.join("funding/escwa-rptc.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        text.replace(
            "amount: \"600000\"",
            "amount: \"1000000000000000000000000000\"",
        ),
    )
    .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("report.html");
    for args in [
        &["summary", "."][..],
        &["check", "."],
        &["schedule", "."],
        &["export", "html", ".", "--out", report.to_str().unwrap()],
    ] {
        let out = ends(root, args);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {}",
            transcript(&out)
        );
    }
    let check = transcript(&ends(root, &["check", "."]));
    assert!(
        check.contains("error[E027]") && check.contains("escwa-rptc"),
        "{check}"
    );
}

/// git's merge driver given an input it cannot read falls back to git's own line merge, and
/// never makes git abort the whole merge.
#[test]
fn the_merge_driver_never_makes_git_abort() {
    let dir = tempfile::tempdir().unwrap();
    let (base, ours, theirs) = (
        dir.path().join("base"),
        dir.path().join("ours"),
        dir.path().join("theirs"),
    );
    std::fs::write(&base, b"\x00\x01binary").unwrap();
    std::fs::write(&ours, b"\x00\x02binary").unwrap();
    std::fs::write(&theirs, b"\x00\x03binary").unwrap();
    let out = khutta(dir.path())
        .arg("merge-driver")
        .args([&base, &ours, &theirs])
        .arg("activities/x.ron")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    let missing = khutta(dir.path())
        .arg("merge-driver")
        .arg(dir.path().join("nowhere"))
        .args([&ours, &theirs])
        .arg("activities/x.ron")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1), "{}", transcript(&missing));
    // A crash of khutta's own merge still leaves git a line merge.
    std::fs::write(&base, "a\nb\nc\n").unwrap();
    std::fs::write(&ours, "A\nb\nc\n").unwrap();
    std::fs::write(&theirs, "a\nb\nC\n").unwrap();
    let crashed = khutta(dir.path())
        .env("KHUTTA_TEST_DRIVER_PANIC", "1")
        .arg("merge-driver")
        .args([&base, &ours, &theirs])
        .arg("activities/x.ron")
        .output()
        .unwrap();
    assert_eq!(crashed.status.code(), Some(0), "{}", transcript(&crashed));
    assert!(transcript(&crashed).contains("line by line"));
    assert_eq!(std::fs::read_to_string(&ours).unwrap(), "A\nb\nC\n");
}

/// In a real `git pull`, a binary file both partners changed is left conflicted while the
/// other files of the merge are merged: git does not abandon the merge.
#[test]
fn a_binary_clash_leaves_the_rest_of_the_pull_merged() {
    use crate::support::cmd::{git, git_ok};
    let w = crate::support::world::world();
    let set = |clone: &Path, file: &str, bytes: &[u8]| {
        std::fs::write(clone.join("activities").join(file), bytes).unwrap();
    };
    set(&w.a, "pilot-tunis.ron", b"\x00\x01 partner a");
    let concept = std::fs::read_to_string(w.a.join("activities/concept-note.ron")).unwrap();
    let changed = concept.replacen("progress: ", "progress: 1", 1);
    assert_ne!(changed, concept);
    std::fs::write(w.a.join("activities/concept-note.ron"), &changed).unwrap();
    git_ok(&w.a, &["commit", "-qam", "A"]);
    git_ok(&w.a, &["push", "-q", "origin", "HEAD"]);
    set(&w.b, "pilot-tunis.ron", b"\x00\x02 partner b");
    git_ok(&w.b, &["commit", "-qam", "B"]);
    let pull = git(&w.b)
        .args(["pull", "--no-rebase", "origin", "main"])
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&pull.stdout),
        String::from_utf8_lossy(&pull.stderr)
    );
    assert!(!pull.status.success(), "{said}");
    assert!(!said.contains("Failed to execute internal merge"), "{said}");
    let unmerged = git_ok(&w.b, &["diff", "--name-only", "--diff-filter=U"]);
    assert_eq!(unmerged.trim(), "activities/pilot-tunis.ron", "{said}");
    let merged = std::fs::read_to_string(w.b.join("activities/concept-note.ron")).unwrap();
    assert_eq!(merged, changed, "{said}");
    assert!(w.b.join(".git/MERGE_HEAD").exists(), "{said}");
}

/// A partner that is both the lead and a partner of one activity can be renamed.
#[test]
fn a_partner_named_twice_by_one_activity_can_be_renamed() {
    let dir = bundled_copy();
    let loaded = khutta::store::load_with_cache(dir.path(), None).unwrap();
    let mut p = loaded.plan.clone();
    let edit = khutta::edit::Edit::rename(
        &p,
        khutta::model::EntityKind::Partner,
        &khutta::model::Id::new_unchecked("escwa"),
        "un-escwa",
    )
    .unwrap();
    edit.apply(&mut p).unwrap();
    assert!(p.partners.contains_key("un-escwa"));
    let _ = Command::new("true").status();
}

/// Commits the plan at `root` (a fresh repository on first use).
fn commit_all(root: &Path, message: &str) {
    use crate::support::cmd::git_ok;
    if !root.join(".git").exists() {
        git_ok(root, &["init", "-q", "-b", "main"]);
    }
    git_ok(root, &["add", "-A"]);
    git_ok(root, &["commit", "-qm", message]);
}

/// An amount changed from near the decimal's lowest to near its highest: the change overflows
/// and is shown as unknown, never a panic.
#[test]
fn a_change_past_the_decimals_range_is_shown_not_a_panic() {
    let dir = bundled_copy();
    let root = dir.path();
    let f = root.join("funding/escwa-rptc.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    let set = |v: &str| {
        std::fs::write(
            &f,
            text.replace("amount: \"600000\"", &format!("amount: \"{v}\"")),
        )
        .unwrap();
    };
    set("-79000000000000000000000000000");
    commit_all(root, "low");
    set("79000000000000000000000000000");
    for format in ["text", "md", "json"] {
        let out = ends(root, &["diff", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", transcript(&out));
        assert!(
            transcript(&out).contains("escwa-rptc"),
            "{}",
            transcript(&out)
        );
    }
}

/// A file whose name is not its id is reported and left alone: never loaded in place of the
/// real one, never written over it, never deleted by a save.
#[test]
fn a_misnamed_copy_never_replaces_the_real_entity() {
    let dir = bundled_copy();
    let root = dir.path();
    let real = root.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&real).unwrap();
    let impostor = text.replace("Tunis pilot:", "Impostor:");
    for name in ["Pilot-Tunis.ron", "aaa.ron"] {
        std::fs::write(root.join("activities").join(name), &impostor).unwrap();
    }
    let loaded = khutta::store::load_with_cache(root, None).unwrap();
    let a = &loaded.plan.activities["pilot-tunis"];
    assert!(
        a.title
            .en
            .as_deref()
            .is_some_and(|t| t.contains("Tunis pilot:"))
    );
    let check = transcript(&ends(root, &["check", "."]));
    for name in ["Pilot-Tunis.ron", "aaa.ron"] {
        assert!(
            check.contains(&format!("activities/{name}:")) && check.contains("E011"),
            "{check}"
        );
    }
    assert!(!check.contains("activities/pilot-tunis.ron:"), "{check}");
    // Saving the real activity writes its own file and leaves the copies as they are.
    let mut loaded = loaded;
    let mut p = loaded.plan.clone();
    p.activities.get_mut("pilot-tunis").unwrap().progress = 80;
    khutta::store::save(&mut loaded, &p).unwrap();
    let saved = std::fs::read_to_string(&real).unwrap();
    assert!(
        saved.contains("Tunis pilot:") && saved.contains("progress: 80,"),
        "{saved}"
    );
    for name in ["Pilot-Tunis.ron", "aaa.ron"] {
        let kept = std::fs::read_to_string(root.join("activities").join(name)).unwrap();
        assert_eq!(kept, impostor);
    }
}

/// Every snapshot of the plan's files, path and bytes, to show that a refusal wrote nothing.
fn files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// A plan of a newer format, or one with a file khutta cannot read, is refused by `fmt`, which
/// then writes nothing at all.
#[test]
fn a_refusal_writes_nothing() {
    let dir = bundled_copy();
    let root = dir.path();
    let partner = root.join("partners/escwa.ron");
    let text = std::fs::read_to_string(&partner).unwrap();
    // Not canonical: fmt would rewrite it if it went on.
    std::fs::write(&partner, text.replace("    ", "  ")).unwrap();
    let meta = root.join("plan.ron");
    let plan = std::fs::read_to_string(&meta).unwrap();
    std::fs::write(&meta, plan.replace("format: 1,", "format: 2,")).unwrap();
    let before = files(root);
    let out = ends(root, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    assert!(transcript(&out).contains("E007"), "{}", transcript(&out));
    assert!(
        !transcript(&out).contains("reformatted"),
        "{}",
        transcript(&out)
    );
    assert!(files(root) == before, "fmt wrote: {}", transcript(&out));
    // A file that cannot be read is never touched, whatever fmt does with the others.
    std::fs::write(&meta, &plan).unwrap();
    let broken = root.join("activities/broken.ron");
    std::fs::write(&broken, "Activity(id:  \"broken\",").unwrap();
    let out = ends(root, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(2), "{}", transcript(&out));
    let kept = std::fs::read_to_string(&broken).unwrap();
    assert_eq!(kept, "Activity(id:  \"broken\",");
}

/// A folder where the plan expects one, standing as a plain file, is a located diagnostic.
#[test]
fn a_file_where_a_folder_belongs_is_reported_where_it_is() {
    let dir = bundled_copy();
    let root = dir.path();
    std::fs::remove_dir_all(root.join("beneficiaries")).unwrap();
    std::fs::write(root.join("beneficiaries"), "not a folder").unwrap();
    let out = ends(root, &["check", "."]);
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("beneficiaries:1:1: warning[W002]: `beneficiaries` is a file, not a folder"),
        "{text}"
    );
    assert!(!text.contains("os error"), "{text}");
}

/// A file cut short is said to end early (E001), where it ends.
#[test]
fn a_truncated_file_is_said_to_end_early() {
    let dir = bundled_copy();
    let root = dir.path();
    let f = root.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    let cut = text.find("status: InProgress").unwrap() + "status: InPro".len();
    std::fs::write(&f, &text[..cut]).unwrap();
    let out = transcript(&ends(root, &["check", "."]));
    assert!(
        out.contains("activities/pilot-tunis.ron:") && out.contains("error[E001]"),
        "{out}"
    );
}

/// Commit messages and authors from a partner's history are shown escaped, like plan text.
#[test]
fn a_partners_history_never_writes_escapes_to_the_terminal() {
    use crate::support::cmd::git_ok;
    let dir = bundled_copy();
    let root = dir.path();
    commit_all(root, "first");
    let f = root.join("activities/pilot-tunis.ron");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replace("progress: 75,", "progress: 80,")).unwrap();
    git_ok(root, &["add", "-A"]);
    git_ok(
        root,
        &[
            "-c",
            "user.name=Eve\u{1b}]52;c;cm0gLXJmIC8=\u{7}\u{202e}",
            "commit",
            "-qm",
            "tidy\u{1b}[2J\u{200b}",
        ],
    );
    for args in [
        &["log", "."][..],
        &["log", "--activity", "pilot-tunis", "."],
        &["blame", "pilot-tunis"],
        &["diff", "HEAD~1", "HEAD"],
        &["op", "log"],
    ] {
        let out = ends(root, args);
        let raw = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !raw.contains('\u{1b}') && !raw.contains('\u{202e}') && !raw.contains('\u{200b}'),
            "{args:?}: {raw:?}"
        );
        assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {raw}");
    }
}

/// A recovery file that cannot be read is kept aside and said so when the TUI opens.
#[test]
fn a_corrupt_recovery_file_is_said_and_kept() {
    use crate::support::tmux::Tmux;
    let dir = bundled_copy();
    let state = tempfile::tempdir().unwrap();
    let key = khutta::store::path_key(dir.path()).unwrap();
    let file = state.path().join(format!("khutta/recovery/{key}.json"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "{\"units\": [ half written").unwrap();
    let shown = state.path().display().to_string();
    let t = Tmux::start_env(&["."], dir.path(), 120, 40, &[("XDG_STATE_HOME", &shown)]);
    // Said in full (wrapped, never cut): the reason and where the file was kept.
    let screen = t.wait_for("readable");
    let joined: String = screen.lines().map(|l| l.trim_matches(['│', ' '])).collect();
    let aside_shown = format!("{shown}/khutta/recovery/{key}.json.unreadable");
    assert!(
        joined.contains("kept as") && joined.contains(&aside_shown),
        "{screen}"
    );
    let aside = file.with_extension("json.unreadable");
    assert_eq!(
        std::fs::read_to_string(aside).unwrap(),
        "{\"units\": [ half written"
    );
    t.keys(&["enter", "q"]);
    t.wait_exit();
}

/// Temporary files left by a writer killed mid-write are removed by the next save or `fmt`
/// once they are stale; a fresh one (a writer at work) is left alone.
#[test]
fn temporary_files_left_by_kills_are_cleaned() {
    let dir = bundled_copy();
    let root = dir.path();
    let old = root.join("activities/.pilot-tunis.ron.Xa81Qz.khutta-tmp");
    let fresh = root.join("activities/.pilot-amman.ron.Zz93Kq.khutta-tmp");
    let old_meta = root.join(".plan.ron.Qq11Aa.khutta-tmp");
    for f in [&old, &fresh, &old_meta] {
        std::fs::write(f, "Activity(id: \"half").unwrap();
    }
    for f in [&old, &old_meta] {
        let t = std::process::Command::new("touch")
            .args(["-d", "2026-11-27 10:00"])
            .arg(f)
            .status()
            .unwrap();
        assert!(t.success());
    }
    let check = ends(root, &["fmt", "--check", "."]);
    assert!(
        old.exists(),
        "fmt --check writes nothing: {}",
        transcript(&check)
    );
    let out = ends(root, &["fmt", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    assert!(!old.exists() && !old_meta.exists(), "{}", transcript(&out));
    assert!(fresh.exists());
    // A save sweeps the folders it writes into.
    std::fs::write(&old, "x").unwrap();
    let t = std::process::Command::new("touch")
        .args(["-d", "2026-11-27 10:00"])
        .arg(&old)
        .status()
        .unwrap();
    assert!(t.success());
    let mut loaded = khutta::store::load_with_cache(root, None).unwrap();
    let mut p = loaded.plan.clone();
    p.activities.get_mut("pilot-tunis").unwrap().progress = 80;
    khutta::store::save(&mut loaded, &p).unwrap();
    assert!(!old.exists());
    assert!(fresh.exists());
}

/// A FIFO, a folder or a link named like a plan file is reported as what it is, never opened.
#[cfg(unix)]
#[test]
fn things_named_like_plan_files_are_reported_as_what_they_are() {
    let dir = bundled_copy();
    let root = dir.path();
    let made = Command::new("mkfifo")
        .arg(root.join("activities/fifo.ron"))
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::create_dir(root.join("partners/folder.ron")).unwrap();
    std::os::unix::fs::symlink("/dev/tty", root.join("funding/tty.ron")).unwrap();
    let out = ends(root, &["check", "."]);
    let text = transcript(&out);
    for (file, what) in [
        ("activities/fifo.ron", "special file"),
        ("partners/folder.ron", "folder"),
        ("funding/tty.ron", "symbolic link"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported: {text}"));
        assert!(
            line.contains(what) && !line.contains("not a .ron file"),
            "{line}"
        );
    }
}
