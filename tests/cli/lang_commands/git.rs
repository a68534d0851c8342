//! `init`, `git-setup`, `commit`, `log`, `baseline` and `merge-driver` in Arabic.

use super::{edit, on_terminal, plan_repo, root, run, stderr, stdout};
use crate::support::cmd::git_ok;
use khutta::text::{Direction, visual_line};

#[test]
fn init_git_setup_and_commit_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = root().join("plans/open-government-nua");
    let bundled = bundled.to_string_lossy();
    let ar = run(
        dir.path(),
        &["--lang", "ar", "init", "nua", "--from", &bundled],
    );
    assert_eq!(
        stdout(&ar),
        "أُنشئت الخطة في nua\nصار git يدمج ملفات .ron فيها ويقارنها بواسطة khutta (انظر .gitattributes و`git config --local --list`)\nالتالي: أضِف مستودعًا بعيدًا (git remote add origin URL) ثم شغّل `khutta sync`\n"
    );
    let en = run(
        dir.path(),
        &["--lang", "en", "init", "en", "--from", &bundled],
    );
    assert_eq!(
        stdout(&en),
        "created the plan in en\ngit merges and diffs its .ron files with khutta (see .gitattributes and `git config --local --list`)\nnext: add a remote (git remote add origin URL) and run `khutta sync`\n"
    );
    git_ok(dir.path(), &["clone", "-q", "nua", "partner"]);
    let partner = dir.path().join("partner");
    let setup = stdout(&run(&partner, &["--lang", "ar", "git-setup"]));
    assert_eq!(
        setup,
        "صار git في هذه النسخة يدمج الخطة ويقارنها بواسطة khutta\n"
    );
    let setup = stdout(&run(&partner, &["git-setup"]));
    assert_eq!(
        setup,
        "git in this clone now merges and diffs the plan with khutta\n"
    );
    edit(
        &partner,
        "activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 80",
    );
    edit(
        &partner,
        "activities/pilot-amman.ron",
        "status: InProgress,",
        "status: OnHold,",
    );
    let two = stdout(&run(&partner, &["--lang", "ar", "commit", "-m", "تقدّم"]));
    assert!(
        two.starts_with("أُودِع ") && two.ends_with(" (ملفان)\n"),
        "{two}"
    );
    edit(
        &partner,
        "activities/pilot-tunis.ron",
        "progress: 80",
        "progress: 85",
    );
    let one = stdout(&run(&partner, &["commit", "-m", "Tunis 85"]));
    assert!(
        one.starts_with("committed ") && one.ends_with(" (1 file)\n"),
        "{one}"
    );
}

/// Plan text in `log` (authors, messages) is shown in display order on a terminal, and stays
/// in logical order in a pipe.
#[test]
fn log_shows_arabic_messages_in_display_order_on_a_terminal() {
    let (_dir, plan) = plan_repo();
    edit(
        &plan,
        "activities/pilot-tunis.ron",
        "progress: 75",
        "progress: 80",
    );
    let message = "تقدّم المشروع في تونس";
    assert!(run(&plan, &["commit", "-m", message]).status.success());
    let piped = stdout(&run(&plan, &["--lang", "ar", "log", "-n", "1"]));
    assert!(piped.contains(&format!("\n    {message}\n")), "{piped}");
    // What changed, in Arabic: the field names stay as the files write them.
    assert!(piped.ends_with("\n    pilot-tunis (progress)\n"), "{piped}");
    let first = stdout(&run(&plan, &["--lang", "ar", "log"]));
    assert!(
        first.contains("\n    تبدأ الخطة open-government-nua\n"),
        "{first}"
    );
    let en = stdout(&run(&plan, &["--lang", "en", "log"]));
    assert!(
        en.contains("\n    the plan open-government-nua begins\n"),
        "{en}"
    );
    let shown = on_terminal(&plan, &["--lang", "ar", "log", "-n", "1"]);
    let visual = visual_line(message, Direction::Rtl);
    assert!(
        shown.contains(&format!("\n    \x1b[8l{visual}\x1b[8h\n")),
        "{shown:?}"
    );
}

#[test]
fn merge_driver_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(
        root().join("plans/open-government-nua/activities/pilot-tunis.ron"),
    )
    .unwrap();
    let side = |name: &str, progress: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, base.replace("progress: 75", progress)).unwrap();
        p.to_string_lossy().into_owned()
    };
    let (o, b) = (side("base", "progress: 75"), side("theirs", "progress: 60"));
    let rel = "activities/pilot-tunis.ron";
    let a = side("ours-ar", "progress: 90");
    let ar = run(
        dir.path(),
        &["--lang", "ar", "merge-driver", &o, &a, &b, rel],
    );
    assert_eq!(ar.status.code(), Some(1));
    let err = stderr(&ar);
    assert!(
        err.starts_with(
            "khutta: تعارض واحد في activities/pilot-tunis.ron (يُبقي الملف قيمك في مواضعها):\n"
        ),
        "{err}"
    );
    let a = side("ours-en", "progress: 90");
    let en = stderr(&run(dir.path(), &["merge-driver", &o, &a, &b, rel]));
    assert!(en.starts_with(
        "khutta: 1 conflict in activities/pilot-tunis.ron (the file keeps your values there):\n"
    ));
    // A file khutta cannot read falls back to git's line merge, and says so.
    for name in ["x-base", "x-ours", "x-theirs"] {
        std::fs::write(dir.path().join(name), "Activity(\n").unwrap();
    }
    let text = run(
        dir.path(),
        &[
            "--lang",
            "ar",
            "merge-driver",
            "x-base",
            "x-ours",
            "x-theirs",
            rel,
        ],
    );
    assert!(
        stderr(&text).contains("؛ يُدمج activities/pilot-tunis.ron سطرًا سطرًا\n"),
        "{}",
        stderr(&text)
    );
}

#[test]
fn baseline_in_arabic() {
    let (_dir, plan) = plan_repo();
    let ar = stdout(&run(
        &plan,
        &["--lang", "ar", "baseline", "q1", "-m", "وافق المانح"],
    ));
    assert!(ar.starts_with("سُجّل خط الأساس q1 عند "), "{ar}");
    assert!(
        ar.ends_with(" (Start the plan open-government-nua)؛ قارِن به بالأمر `khutta diff q1`\n")
    );
    let en = stdout(&run(&plan, &["baseline", "q2"]));
    assert!(en.starts_with("recorded baseline q2 at ") && en.ends_with("`khutta diff q2`\n"));
    let list = stdout(&run(&plan, &["--lang", "ar", "baseline", "--list"]));
    assert!(
        list.lines().next().unwrap().ends_with("  وافق المانح"),
        "{list}"
    );
}
