//! The tables of `schedule` and `blame`, and `fmt`, in Arabic, in a pipe and on a terminal.

use super::{FIXTURE, column, edit, on_terminal, plan_repo, root, run, stderr, stdout};
use crate::support::cmd::khutta;
use khutta::text::{Direction, visual_line};

#[test]
fn schedule_in_arabic_keeps_its_columns() {
    let ar = run(
        root(),
        &["--lang", "ar", "schedule", FIXTURE, "--today", "2026-02-02"],
    );
    let text = stdout(&ar);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("النشاط "), "{text}");
    assert!(lines[0].contains("آخر انتهاء") && lines[0].ends_with("العلامات"));
    let baseline = lines.iter().find(|l| l.starts_with("baseline ")).unwrap();
    assert!(baseline.contains(" مهمة ") && baseline.ends_with("  حرج متأخر"));
    // The Arabic headings are as wide as their columns: the dates and numbers line up.
    assert_eq!(column(lines[0], "البدء"), column(baseline, "2026-01-06"));
    assert_eq!(
        column(lines[0], "آخر بدء") + 10,
        column(lines[0], "آخر انتهاء") - 2
    );
    assert!(text.contains("\nالمسار الحرج kickoff -> baseline -> charter"));
    assert!(text.contains("\nاليوم        2026-02-02\n"), "{text}");
    for english in ["late start", "critical", "today", "task"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
    let cycle = run(
        root(),
        &[
            "--lang",
            "ar",
            "schedule",
            "tests/cases/schedule/cycle/plan",
        ],
    );
    let text = stdout(&cycle);
    assert!(text.contains("a         مهمة       بلا مواعيد: على حلقة اعتماديات\n"));
    assert!(text.contains("\nحلقة         a -> c -> b -> a\n"), "{text}");
    let conflict = "tests/cases/schedule/fixed-date-conflict/plan";
    let text = stdout(&run(root(), &["--lang", "ar", "schedule", conflict]));
    assert!(
        text.contains(
            "\nالتعارضات    تاريخان ثابتان لا يمكن الالتزام بهما؛ يسمّيهما `khutta check`\n"
        )
    );
    // English is as it always was, and machine output is the same in every language.
    let en = stdout(&run(
        root(),
        &["--lang", "en", "schedule", FIXTURE, "--today", "2026-02-02"],
    ));
    assert!(en.starts_with("activity     kind       start       finish      late start  late end     days  slack   free  flags\n"));
    assert!(en.contains("\ncritical  kickoff -> baseline"));
    for format in ["json", "csv"] {
        let args = [
            "schedule",
            FIXTURE,
            "--format",
            format,
            "--today",
            "2026-02-02",
        ];
        let ar = run(root(), &[&["--lang", "ar"][..], &args].concat());
        assert_eq!(stdout(&ar), stdout(&run(root(), &args)), "{format}");
    }
}

#[test]
fn schedule_notes_and_date_errors_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let plan = khutta::store::load(&root().join(FIXTURE)).unwrap().plan;
    khutta::store::write_new_plan(dir.path(), &plan).unwrap();
    std::fs::write(dir.path().join("activities/report.ron"), "Activity(").unwrap();
    let path = dir.path().to_string_lossy().into_owned();
    let ar = run(root(), &["--lang", "ar", "schedule", &path]);
    assert_eq!(ar.status.code(), Some(0));
    assert!(
        stderr(&ar).starts_with("ملاحظة: مشكلة واحدة في قراءة الخطة؛"),
        "{}",
        stderr(&ar)
    );
    let en = run(root(), &["schedule", &path]);
    assert!(stderr(&en).starts_with("note: 1 problem reading the plan; the schedule covers"));
    let bad = khutta(root())
        .args(["--lang", "ar", "schedule", FIXTURE])
        .env("KHUTTA_TODAY", "soon")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = stderr(&bad);
    assert!(
        err.contains("خطأ: قيمة KHUTTA_TODAY هي \"soon\"، وهي ليست تاريخًا"),
        "{err}"
    );
    assert!(err.contains("تلميح: اكتبه بالصيغة YYYY-MM-DD") && !err.contains("which is not"));
}

/// On a terminal each Arabic cell is in display order by itself, so the columns stay put,
/// and the line is sent in the terminal's explicit mode.
#[test]
fn schedule_on_a_terminal_reorders_cell_by_cell() {
    let shown = on_terminal(
        root(),
        &["--lang", "ar", "schedule", FIXTURE, "--today", "2026-02-02"],
    );
    let head = shown.lines().next().unwrap();
    let rtl = |s| visual_line(s, Direction::Rtl);
    assert!(
        head.starts_with(&format!("\x1b[8l{}", rtl("النشاط"))),
        "{head:?}"
    );
    assert!(
        head.ends_with(&format!("{}\x1b[8h", rtl("العلامات"))),
        "{head:?}"
    );
    let row = shown.lines().find(|l| l.contains("baseline ")).unwrap();
    assert!(row.contains(&rtl("حرج متأخر")), "{row:?}");
    assert_eq!(column(head, &rtl("البدء")), column(row, "2026-01-06"));
}

#[test]
fn fmt_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let plan = khutta::store::load(&root().join(FIXTURE)).unwrap().plan;
    khutta::store::write_new_plan(dir.path(), &plan).unwrap();
    edit(
        dir.path(),
        "activities/report.ron",
        "Activity(",
        "Activity(   ",
    );
    let path = dir.path().to_string_lossy().into_owned();
    let file = format!("{path}/activities/report.ron");
    let check = run(root(), &["--lang", "ar", "fmt", "--check", &path]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(stdout(&check), format!("ستُعاد صياغة {file}\n"));
    let en = run(root(), &["fmt", "--check", &path]);
    assert_eq!(stdout(&en), format!("would reformat {file}\n"));
    let done = run(root(), &["--lang", "ar", "fmt", &path]);
    assert_eq!(stdout(&done), format!("أُعيدت صياغة {file}\n"));
}

#[test]
fn blame_in_arabic() {
    let (_dir, plan) = plan_repo();
    let tunis = "activities/pilot-tunis.ron";
    edit(&plan, tunis, "    lead: \"tunis-municipality\",\n", "");
    let blame = stdout(&run(
        &plan,
        &["--lang", "ar", "blame", "pilot-tunis", "--field", "lead"],
    ));
    assert_eq!(blame.trim_end(), "lead  غير مودَع  (نسخة العمل)    (لا شيء)");
    let blame = stdout(&run(&plan, &["blame", "pilot-tunis", "--field", "lead"]));
    assert_eq!(
        blame.trim_end(),
        "lead  uncommitted  (working tree)    (none)"
    );
    std::fs::write(plan.join(tunis), "Activity(").unwrap();
    let broken = run(
        &plan,
        &[
            "--lang",
            "ar",
            "blame",
            "pilot-tunis",
            "--field",
            "progress",
        ],
    );
    let err = stderr(&broken);
    assert!(
        err.starts_with("تحذير: activities/pilot-tunis.ron:"),
        "{err}"
    );
    assert!(err.ends_with("؛ تُنسب الحقول إلى آخر إيداع فقط\n"), "{err}");
    let bad = stderr(&run(&plan, &["--lang", "ar", "blame", "Tunis"]));
    assert!(bad.contains("`Tunis` ليس معرّف نشاط: يبدأ المعرّف"), "{bad}");
    assert!(bad.contains("تلميح: معرّفات الأنشطة") && !bad.contains("lowercase"));
}
