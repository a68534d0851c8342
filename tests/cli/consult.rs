//! `khutta consult import` and `template` end to end: good rows become response files, bad
//! rows are reported by number and reason, existing participants are kept unless replaced.

use crate::support::cmd::{case_dirs, copy_dir, khutta, transcript};

/// A copy of the `tallies` results case's plan in a temporary folder.
fn plan_copy() -> tempfile::TempDir {
    case_copy("tallies")
}

/// A copy of the plan of the results case `name` in a temporary folder.
fn case_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = case_dirs("consult")
        .into_iter()
        .find(|p| p.ends_with(name))
        .unwrap()
        .join("plan");
    copy_dir(&from, dir.path());
    dir
}

#[test]
fn template_lists_the_fixed_columns_then_the_questions() {
    let dir = plan_copy();
    let out = khutta(dir.path())
        .args(["consult", "template", "r1", "--plan", "."])
        .output()
        .unwrap();
    assert_eq!(
        transcript(&out),
        "participant,name,organisation,organisation_type,country,role,language,q-single,q-multi,q-rate,q-text,q-items\n--- exit 0\n"
    );
}

#[test]
fn import_takes_good_rows_and_reports_bad_ones() {
    let dir = plan_copy();
    let csv = "\
participant,organisation,organisation_type,country,language,q-single,q-multi,q-rate,q-text,q-items
p10,amman,,jo,ar,Training,a;c,3,\"Needs, with a comma\",a;b
p11,Beirut NGO,NationalNgo,LB,en,a,,7,,
p12,Beirut NGO,NationalNgo,LB,en,a;b,,,,
p1,amman,,JO,en,a,,,,
p13,Beirut NGO,Charity,LB,en,,,,,
p14,Sfax youth,,TN,en,c,d,5,,b
p14,Sfax youth,,TN,en,c,,,,
p15,amman,,JO,en,,,,,zzz
";
    std::fs::write(dir.path().join("answers.csv"), csv).unwrap();
    let out = khutta(dir.path())
        .args(["consult", "import", "r1", "answers.csv", "--plan", "."])
        .output()
        .unwrap();
    let text = transcript(&out).replace(&dir.path().display().to_string(), "PLAN");
    assert_eq!(
        text,
        "\
answers.csv: row 3: `q-rate`: rating \"7\" is not a whole number from 1 to 5
answers.csv: row 4: `q-single`: several answers to a single-choice question
answers.csv: row 5: participant `p1` already answered this round (use --replace to overwrite)
answers.csv: row 6: organisation_type \"Charity\" is not an IATI organisation type (such as LocalGovernment or 11)
answers.csv: row 8: participant `p14` is on an earlier row too
answers.csv: row 9: `q-items`: \"zzz\" is not one of the activities offered
imported 2 responses into ./consultations/r1/responses, 6 rows refused
--- exit 1
"
    );
    let p10 =
        std::fs::read_to_string(dir.path().join("consultations/r1/responses/p10.ron")).unwrap();
    assert!(p10.contains("organisation: Partner(\"amman\")"), "{p10}");
    assert!(p10.contains("\"q-single\": Choice(\"b\")"), "{p10}");
    assert!(p10.contains("language: Ar"), "{p10}");
    assert!(p10.contains("country: \"JO\""), "{p10}");
    assert!(
        dir.path()
            .join("consultations/r1/responses/p14.ron")
            .is_file()
    );
    // The imported files are canonical and check clean.
    let fmt = khutta(dir.path())
        .args(["fmt", "--check", "."])
        .output()
        .unwrap();
    assert_eq!(transcript(&fmt), "--- exit 0\n");
}

#[test]
fn replace_overwrites_and_dry_run_writes_nothing() {
    let dir = plan_copy();
    let csv = "participant,organisation,country,q-single\np1,amman,JO,c\n";
    std::fs::write(dir.path().join("a.csv"), csv).unwrap();
    let p1 = dir.path().join("consultations/r1/responses/p1.ron");
    let before = std::fs::read_to_string(&p1).unwrap();
    let dry = khutta(dir.path())
        .args([
            "consult",
            "import",
            "r1",
            "a.csv",
            "--plan",
            ".",
            "--replace",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(
        transcript(&dry).contains("would import 1 response into"),
        "{}",
        transcript(&dry)
    );
    assert_eq!(std::fs::read_to_string(&p1).unwrap(), before);
    let real = khutta(dir.path())
        .args([
            "consult",
            "import",
            "r1",
            "a.csv",
            "--plan",
            ".",
            "--replace",
        ])
        .output()
        .unwrap();
    assert_eq!(real.status.code(), Some(0), "{}", transcript(&real));
    let after = std::fs::read_to_string(&p1).unwrap();
    assert!(after.contains("\"q-single\": Choice(\"c\")"), "{after}");
    assert!(
        !after.contains("q-rate"),
        "a replaced response holds only the new answers"
    );
}

#[test]
fn a_bad_header_refuses_the_whole_file() {
    let dir = plan_copy();
    std::fs::write(
        dir.path().join("a.csv"),
        "participant,organisation,country,q-nine\n",
    )
    .unwrap();
    let out = khutta(dir.path())
        .args(["consult", "import", "r1", "a.csv", "--plan", "."])
        .output()
        .unwrap();
    let t = transcript(&out);
    assert!(
        t.contains("column `q-nine` is not a question of round `r1`"),
        "{t}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unknown_round_lists_the_rounds() {
    let dir = plan_copy();
    let out = khutta(dir.path())
        .args(["consult", "results", "nope", "--plan", "."])
        .output()
        .unwrap();
    assert_eq!(
        transcript(&out),
        "--- stderr\nerror: there is no consultation round `nope`\n  hint: rounds: r1\n--- exit 1\n"
    );
}

/// The import's report in Arabic: each refused row says why, and the total reads naturally.
#[test]
fn import_reports_in_arabic() {
    let dir = plan_copy();
    let csv = "\
participant,organisation,organisation_type,country,language,q-single,q-multi,q-rate,q-text,q-items
p11,Beirut NGO,NationalNgo,LB,en,a,,7,,
p12,Beirut NGO,NationalNgo,LB,xx,a,,,,
";
    std::fs::write(dir.path().join("answers.csv"), csv).unwrap();
    let out = khutta(dir.path())
        .args([
            "--lang",
            "ar",
            "consult",
            "import",
            "r1",
            "answers.csv",
            "--plan",
            ".",
        ])
        .args(["--dry-run"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "\
answers.csv: الصف 2: `q-rate`: التقييم \"7\" ليس عددًا صحيحًا من 1 إلى 5
answers.csv: الصف 3: اللغة \"xx\" ليست `ar` ولا `en`
لن يُستورد أي رد إلى ./consultations/r1/responses، ورُفض صفان
"
    );
}

/// Results read in Arabic: who was counted, what each question is about, the Borda count
/// and the rating's mean; CSV stays data, the same in both languages.
#[test]
fn results_in_arabic() {
    let dir = plan_copy();
    let run = |args: &[&str]| {
        let out = khutta(dir.path()).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let rounds: Vec<String> = std::fs::read_dir(dir.path().join("consultations"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let round = rounds.first().unwrap().clone();
    let ar = run(&["--lang", "ar", "consult", "results", &round, "--plan", "."]);
    // The plan's own text is English here; khutta's words around it are not.
    for english in [
        "respondents",
        "answered",
        " points, ",
        " first\n",
        "mean ",
        "Borda",
    ] {
        assert!(!ar.contains(english), "{english} in {ar}");
    }
    for arabic in ["5 مشاركين", "أجاب 4", "المتوسط"] {
        assert!(ar.contains(arabic), "{arabic} not in {ar}");
    }
    // A ranking, from the Borda case.
    let borda = case_copy("borda");
    let out = khutta(borda.path())
        .args(["--lang", "ar", "consult", "results", "r1", "--plan", "."])
        .output()
        .unwrap();
    let ranking = String::from_utf8_lossy(&out.stdout);
    assert!(ranking.contains("عدّ بوردا"), "{ranking}");
    assert!(ranking.contains("12 نقطةً، 2 في المرتبة الأولى"), "{ranking}");
    let md = run(&[
        "--lang", "ar", "consult", "results", &round, "--plan", ".", "--format", "md",
    ]);
    assert!(
        md.contains("\n| | العدد | النسبة |\n|---|---:|---:|\n"),
        "{md}"
    );
    assert!(!md.contains("answered"), "{md}");
    let csv = |lang: &str| {
        run(&[
            "--lang", lang, "consult", "results", &round, "--plan", ".", "--format", "csv",
        ])
    };
    assert_eq!(csv("ar").lines().next(), csv("en").lines().next());
}
