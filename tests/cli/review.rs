//! The reviewer's tools on a real repository with a scripted history: `khutta diff`, `blame`
//! and `baseline`, and the stock `git diff`, `git show` and `git log -p` through khutta's
//! textconv driver and `GIT_EXTERNAL_DIFF`.
//!
//! History (each commit by its own author, on its own day):
//! - c0 Test Author: the plan starts (`khutta init`).
//! - c1 Amal Haddad: the expert group meeting gets a longer title and a bigger budget.
//!   Baseline `q1` is recorded here.
//! - c2 Karim Mansour: activity `report` is renamed `regional-report`; `pilot-cairo`'s
//!   dependency follows.
//! - c3 Layla Nasser: partner `oecd` leaves; its place in `egm` and as lead of the report go.
//! - c4 Amal Haddad: milestone `launch` moves from 30 June to 15 July.
//! - c5 Karim Mansour: the regional report is under way.

use crate::support::cmd::{assert_matches_file, git, git_ok, khutta, transcript};
use khutta::edit::Edit;
use khutta::model::{EntityKind, Id, Plan, Status};
use std::path::{Path, PathBuf};

pub(crate) struct History {
    _dir: tempfile::TempDir,
    pub(crate) plan: PathBuf,
    /// The commits c0..c5, full hex.
    pub(crate) commits: Vec<String>,
}

fn case_plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/diff/moved-milestone/a")
}

pub(crate) fn expected(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases/review")
        .join(name)
}

/// Saves `f`'s change to the plan in `dir` (canonical files, as the TUI writes them).
pub(crate) fn edit(dir: &Path, f: impl FnOnce(&mut Plan)) {
    let mut loaded = khutta::store::load_with_cache(dir, None).unwrap();
    let mut plan = loaded.plan.clone();
    f(&mut plan);
    khutta::store::save(&mut loaded, &plan).unwrap();
}

/// Commits everything with the stock git CLI as `who` on `day` (2026-MM-DD).
pub(crate) fn commit_as(dir: &Path, who: &str, day: &str, message: &str) -> String {
    let email = format!(
        "{}@partners.invalid",
        who.split(' ').next().unwrap().to_lowercase()
    );
    let when = format!("{day}T09:00:00Z");
    git_ok(dir, &["add", "-A"]);
    let out = git(dir)
        .args(["commit", "-q", "-m", message])
        .env("GIT_AUTHOR_NAME", who)
        .env("GIT_AUTHOR_EMAIL", &email)
        .env("GIT_COMMITTER_NAME", who)
        .env("GIT_COMMITTER_EMAIL", &email)
        .env("GIT_AUTHOR_DATE", &when)
        .env("GIT_COMMITTER_DATE", &when)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    git_ok(dir, &["rev-parse", "HEAD"]).trim().to_owned()
}

pub(crate) fn history() -> History {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path())
        .args(["init", "plan", "--from"])
        .arg(case_plan())
        .env("GIT_AUTHOR_DATE", "2026-01-05T09:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-05T09:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    let plan = dir.path().join("plan");
    let mut commits = vec![git_ok(&plan, &["rev-parse", "HEAD"]).trim().to_owned()];
    edit(&plan, |p| {
        let egm = p.activities.get_mut("egm").unwrap();
        egm.title.en = Some("Expert group meeting, Cairo".into());
        egm.budget[0].amount = khutta::model::Amount::parse("9000").unwrap();
    });
    commits.push(commit_as(
        &plan,
        "Amal Haddad",
        "2026-01-12",
        "Raise the EGM budget",
    ));
    let out = khutta(&plan)
        .args(["baseline", "q1", "-m", "approved by the steering committee"])
        .env("GIT_COMMITTER_NAME", "Steering Committee")
        .env("GIT_COMMITTER_DATE", "2026-01-15T09:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", transcript(&out));
    edit(&plan, |p| {
        let e = Edit::rename(
            p,
            EntityKind::Activity,
            &Id::new_unchecked("report"),
            "regional-report",
        );
        e.unwrap().apply(p).unwrap();
    });
    commits.push(commit_as(
        &plan,
        "Karim Mansour",
        "2026-02-02",
        "Name the report as the region does",
    ));
    edit(&plan, |p| {
        p.partners.remove("oecd");
        p.activities.get_mut("egm").unwrap().partners.clear();
        p.activities.get_mut("regional-report").unwrap().lead = Some(Id::new_unchecked("escwa"));
    });
    commits.push(commit_as(
        &plan,
        "Layla Nasser",
        "2026-02-20",
        "OECD leaves the initiative",
    ));
    edit(&plan, |p| {
        let day = "2026-07-15".parse().unwrap();
        p.activities.get_mut("launch").unwrap().timing = khutta::model::Timing::Fixed {
            start: day,
            end: day,
        };
    });
    commits.push(commit_as(
        &plan,
        "Amal Haddad",
        "2026-03-03",
        "Launch after the summer session",
    ));
    edit(&plan, |p| {
        p.activities.get_mut("regional-report").unwrap().status = Status::InProgress;
    });
    commits.push(commit_as(
        &plan,
        "Karim Mansour",
        "2026-03-10",
        "Report under way",
    ));
    History {
        _dir: dir,
        plan,
        commits,
    }
}

impl History {
    /// Output with commit ids (full or abbreviated to 7 or more) written as `<cN>`.
    pub(crate) fn named(&self, text: &str) -> String {
        let mut s = text.to_owned();
        for (i, c) in self.commits.iter().enumerate() {
            s = s.replace(c.as_str(), &format!("<c{i}>"));
            s = s.replace(&c[..10], &format!("<c{i}>"));
            s = s.replace(&c[..7], &format!("<c{i}>"));
        }
        s
    }

    pub(crate) fn run(&self, args: &[&str]) -> String {
        let out = khutta(&self.plan).args(args).output().unwrap();
        self.named(&transcript(&out))
    }
}

#[test]
fn diff_between_revisions_in_text_markdown_and_json() {
    let h = history();
    let c = &h.commits;
    assert_matches_file(
        &expected("diff-q1-head.txt"),
        &h.run(&["diff", "q1", "HEAD"]),
    );
    assert_matches_file(
        &expected("diff-q1-head.md"),
        &h.run(&["diff", "q1", "HEAD", "--format", "md"]),
    );
    let json = h.run(&["diff", "q1..HEAD", "--format", "json"]);
    assert_matches_file(&expected("diff-q1-head.json"), &json);
    assert_eq!(json, h.run(&["diff", &c[1], &c[5], "--format", "json"]));
    // The JSON is the library's own rendering of the same review.
    let r = khutta::repo::PlanRepo::discover(&h.plan).unwrap();
    let review = r
        .review(r.commit_of("q1").unwrap(), r.commit_of("HEAD").unwrap())
        .unwrap();
    assert_eq!(
        json,
        format!(
            "{}--- exit 0\n",
            khutta::diff::review::json(&review).unwrap()
        )
    );
    // One commit: the money table of the budget raise.
    let raise = h.run(&["diff", &c[0], &c[1]]);
    assert!(
        raise.contains("    egm        8,000 USD   9,000 USD       8,000      9,000  +1,000\n"),
        "{raise}"
    );
}

#[test]
fn diff_against_the_working_tree_and_exit_codes() {
    let h = history();
    assert_eq!(h.run(&["diff"]), "no changes\n--- exit 0\n");
    assert_eq!(h.run(&["diff", "--exit-code"]), "no changes\n--- exit 0\n");
    edit(&h.plan, |p| {
        p.activities.get_mut("launch").unwrap().progress = 50
    });
    // Progress without a status to match is a warning the edit brings: `check` on both sides.
    let expected = "activities: 1 changed\n  changed launch\n    progress: 0 -> 50\n\
        problem introduced (1)\n  \
        W003 activities/launch.ron: `launch` is planned (not started) but its progress is 50%\n";
    assert_eq!(h.run(&["diff"]), format!("{expected}--- exit 0\n"));
    assert_eq!(
        h.run(&["diff", "--exit-code"]),
        format!("{expected}--- exit 1\n")
    );
    // Against a baseline by its name, the working tree on the other side.
    assert!(h.run(&["diff", "q1"]).contains("    progress: 0 -> 50\n"));
    // A plan folder named where a revision could be is the plan, as with every command.
    let from_outside = tempfile::tempdir().unwrap();
    let out = khutta(from_outside.path())
        .arg("diff")
        .arg(&h.plan)
        .output()
        .unwrap();
    assert_eq!(
        transcript(&out),
        format!("{expected}--- exit 0\n"),
        "`khutta diff PLAN` reads the folder"
    );
    // A plan file that does not load is refused, with where the problem is.
    let egm = h.plan.join("activities/egm.ron");
    let text = std::fs::read_to_string(&egm).unwrap();
    std::fs::write(&egm, text.replace("title:", "titel:")).unwrap();
    let out = h.run(&["diff"]);
    assert!(out.contains("activities/egm.ron:3:5: error[E003]"), "{out}");
    assert!(
        out.contains("does not load (1 problem above)") && out.ends_with("--- exit 2\n"),
        "{out}"
    );
    let out = h.run(&["diff", "no-such-rev"]);
    assert!(
        out.contains("`no-such-rev` is not a commit") && out.ends_with("--- exit 2\n"),
        "{out}"
    );
}

#[test]
fn blame_says_who_moved_the_milestone() {
    let h = history();
    assert_eq!(
        h.run(&["blame", "launch", "--field", "timing"]),
        "timing  <c4>  Amal Haddad  2026-03-03  Fixed(start: \"2026-07-15\", end: \"2026-07-15\")\n--- exit 0\n"
    );
    assert_matches_file(
        &expected("blame-regional-report.txt"),
        &h.run(&["blame", "regional-report"]),
    );
    // A removed item, asked for by name: the commit that removed it.
    assert_eq!(
        h.run(&["blame", "egm", "--field", "partners[oecd]"]),
        "partners[oecd]  <c3>  Layla Nasser  2026-02-20  (none)\n--- exit 0\n"
    );
    // As of the baseline, the title was Amal's and the rest the plan's first commit's.
    let old = h.run(&["blame", "egm", "--rev", "q1", "--field", "title"]);
    assert_eq!(
        old,
        "title.ar  <c0>  Test Author  2026-01-05  \"اجتماع فريق الخبراء\"\n\
         title.en  <c1>  Amal Haddad  2026-01-12  \"Expert group meeting, Cairo\"\n--- exit 0\n"
    );
    let json: serde_json::Value = serde_json::from_str(
        h.run(&["blame", "launch", "--field", "timing", "--format", "json"])
            .trim_end_matches("--- exit 0\n"),
    )
    .unwrap();
    assert_eq!(json["fields"][0]["commit"], "<c4>");
    assert_eq!(json["fields"][0]["author"], "Amal Haddad");
    assert_eq!(json["fields"][0]["value"]["Fixed"]["start"], "2026-07-15");
    // Uncommitted changes are shown as such.
    edit(&h.plan, |p| {
        p.activities
            .get_mut("launch")
            .unwrap()
            .tags
            .push("moved".into())
    });
    let out = h.run(&["blame", "launch", "--field", "tags"]);
    assert_eq!(
        out,
        "tags[milestone]  <c0>   Test Author     2026-01-05  \"milestone\"\n\
         tags[moved]      uncommitted  (working tree)              \"moved\"\n--- exit 0\n"
    );
    let out = h.run(&["blame", "report"]);
    assert!(
        out.contains("no activity `report`") && out.contains("new id"),
        "{out}"
    );
    let out = h.run(&["blame", "launch", "--field", "finish"]);
    assert!(
        out.contains("activities have no field `finish`") && out.ends_with("--- exit 1\n"),
        "{out}"
    );
}

#[test]
fn baselines_are_annotated_tags() {
    let h = history();
    assert_eq!(
        h.run(&["baseline", "--list"]),
        "q1  <c1>  2026-01-15 09:00  Steering Committee <author@khutta.invalid>  approved by the steering committee\n--- exit 0\n"
    );
    assert_eq!(git_ok(&h.plan, &["cat-file", "-t", "baseline/q1"]), "tag\n");
    let again = h.run(&["baseline", "q1"]);
    assert!(
        again.contains("already a baseline `q1`")
            && again.contains("--force")
            && again.ends_with("--- exit 1\n"),
        "{again}"
    );
    assert_eq!(
        h.run(&["baseline", "q1", "HEAD", "--force"]),
        "recorded baseline q1 at <c5> (Report under way); compare with `khutta diff q1`\n--- exit 0\n"
    );
    assert_eq!(
        h.run(&["diff", "q1", "--exit-code"]),
        "no changes\n--- exit 0\n"
    );
    let bad = h.run(&["baseline", "a..b"]);
    assert!(
        bad.contains("cannot be a baseline name") && bad.ends_with("--- exit 1\n"),
        "{bad}"
    );
    // A branch of the same name comes first, as in git.
    git_ok(&h.plan, &["branch", "q1", &h.commits[0]]);
    assert!(
        h.run(&["diff", "q1", "HEAD"])
            .contains("renamed report -> regional-report")
    );
    let r = khutta::repo::PlanRepo::discover(&h.plan).unwrap();
    let list = r.baselines().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].commit.to_string(), h.commits[5]);
}

#[test]
fn git_shows_plan_changes_through_the_textconv_driver() {
    let h = history();
    let c = &h.commits;
    let moved = h.named(&git_ok(&h.plan, &["diff", &c[3], &c[4]]));
    assert!(
        moved.contains("-timing.start = \"2026-06-30\"\n-timing.end = \"2026-06-30\"\n+timing.start = \"2026-07-15\"\n+timing.end = \"2026-07-15\"\n"),
        "{moved}"
    );
    let show = git_ok(&h.plan, &["show", &c[3], "--format=%an: %s"]);
    assert!(
        show.starts_with("Layla Nasser: OECD leaves the initiative\n"),
        "{show}"
    );
    assert!(
        show.contains("-partners[oecd].role = \"Implementing\"\n"),
        "{show}"
    );
    assert!(
        show.contains("-name.ar = \"منظمة التعاون الاقتصادي والتنمية\"\n"),
        "{show}"
    );
    let log = git_ok(
        &h.plan,
        &["log", "-p", "--format=%an", "--", "activities/launch.ron"],
    );
    assert!(
        log.starts_with("Amal Haddad\n") && log.contains("+timing.end = \"2026-07-15\""),
        "{log}"
    );
    assert!(
        log.contains("+kind = \"Milestone\""),
        "the first commit's file as facts: {log}"
    );
}

#[test]
fn git_external_diff_prints_the_semantic_diff() {
    let h = history();
    let c = &h.commits;
    let exe = env!("CARGO_BIN_EXE_khutta");
    let out = git(&h.plan)
        .args(["diff", &c[2], &c[3]])
        .env("GIT_EXTERNAL_DIFF", format!("{exe} diff --external"))
        .output()
        .unwrap();
    assert_matches_file(&expected("external-c2-c3.txt"), &h.named(&transcript(&out)));
    // `diff.external` for `git log -p --ext-diff`, the rename with git's nine arguments.
    let out = git(&h.plan)
        .args(["-c", &format!("diff.external={exe} diff --external")])
        .args(["log", "-p", "--ext-diff", "-M", "--format=%an", "-1", &c[2]])
        .output()
        .unwrap();
    assert_matches_file(
        &expected("external-rename.txt"),
        &h.named(&transcript(&out)),
    );
}
