//! The Review screen and the Gantt's ghost bars, on a real repository: a baseline is recorded
//! on the first commit, then a commit shortens the open data portal's development, which
//! brings its launch forward.

use crate::harness::{Harness, bundled};
use crate::support::cmd::git_ok;
use khutta::diff::lines::{Line, LineKind};
use khutta::model::Lang;
use khutta::tui::Screen;
use khutta::tui::app::Effect;
use khutta::tui::repo_view::RepoJob;
use khutta::tui::screens::review::Revision;

struct Repository {
    _dir: tempfile::TempDir,
    plan: std::path::PathBuf,
    /// The first commit (the baseline) and the ones after it.
    commits: Vec<khutta::repo::CommitId>,
}

fn repository() -> Repository {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nua");
    let opts = khutta::repo::InitOptions {
        dir: plan.clone(),
        from: Some(bundled()),
        exe: std::path::PathBuf::from(env!("CARGO_BIN_EXE_khutta")),
        today: crate::harness::today(),
    };
    khutta::repo::init(&opts).unwrap();
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    let first = r.commit_of("HEAD").unwrap();
    r.record_baseline("q1", first, Some("approved"), false)
        .unwrap();
    let mut loaded = khutta::store::load_with_cache(&plan, None).unwrap();
    let mut p = loaded.plan.clone();
    let build = p
        .activities
        .get_mut("open-data-portal-development")
        .unwrap();
    if let khutta::model::Timing::Duration { days, .. } = &mut build.timing {
        *days = 120;
    }
    khutta::store::save(&mut loaded, &p).unwrap();
    let second = khutta::repo::commit(&r, "A shorter portal build", false)
        .unwrap()
        .id;
    Repository {
        _dir: dir,
        plan,
        commits: vec![first, second],
    }
}

/// The repository above, then a commit that moves the Spanish study visit's travel line from
/// ESCWA's regular programme to UNDP's co-funding, which is earmarked for other activities and
/// does not hold that much more.
fn moved_funding() -> Repository {
    let mut repo = repository();
    let mut loaded = khutta::store::load_with_cache(&repo.plan, None).unwrap();
    let mut p = loaded.plan.clone();
    let visit = p.activities.get_mut("study-visit-spain").unwrap();
    visit.budget[0].funding = Some(khutta::model::Id::new_unchecked("undp-cofunding"));
    khutta::store::save(&mut loaded, &p).unwrap();
    // By the stock git CLI with a pinned identity, so that the author list on screen does not
    // depend on who runs the tests.
    git_ok(
        &repo.plan,
        &["commit", "-qam", "Study visit on UNDP co-funding"],
    );
    let r = khutta::repo::PlanRepo::open(&repo.plan).unwrap();
    repo.commits.push(r.commit_of("HEAD").unwrap());
    repo
}

impl Repository {
    /// The screen with commit ids written as `<c0>__` and `<c1>__` (as wide as the ids, so
    /// that columns stay where they are).
    fn render(&self, h: &Harness, w: u16, ht: u16) -> String {
        let mut s = h.render(w, ht);
        for (i, c) in self.commits.iter().enumerate() {
            s = s.replace(&c.to_string()[..7], &format!("<c{i}>___"));
        }
        s
    }
}

fn opened(repo: &Repository, lang: Lang) -> Harness {
    let mut h = Harness::open(&repo.plan, lang);
    h.run_effect(Effect::Repo(RepoJob::State));
    h
}

#[test]
fn pick_two_revisions_and_read_what_changed() {
    let repo = repository();
    let mut h = opened(&repo, Lang::En);
    // With a baseline, it is the default old side, read as soon as the repository is known.
    assert!(h.app.screens.review.ghosts.is_some());
    h.press(&["0"]);
    assert_eq!(h.app.shared.screen, Screen::Review);
    assert!(
        matches!(&h.app.screens.review.old, Some(Revision::Baseline { name, .. }) if name == "q1")
    );
    assert_eq!(h.app.screens.review.new, Some(Revision::Working));
    let screen = repo.render(&h, 120, 40);
    assert!(
        screen.contains("from baseline q1 <c0>___  to the working plan"),
        "{screen}"
    );
    assert!(screen.contains("timing.days: 200 -> 120"), "{screen}");
    assert!(screen.contains("open-data-portal-launch"), "{screen}");
    // The list: the working plan, the baseline, then the history, newest first.
    h.press(&["j", "j"]);
    assert_eq!(
        khutta::tui::screens::review::choices(&h.app.shared)[h.app.screens.review.cursor.row],
        Revision::Commit {
            commit: repo.commits[1],
            message: "A shorter portal build".into()
        }
    );
    // Compare the baseline with the commit: the same change, and no change from the commit on.
    h.press(&["n"]);
    assert!(
        h.app
            .screens
            .review
            .lines
            .iter()
            .any(|l| l.text.contains("200 -> 120"))
    );
    h.press(&["o"]);
    let texts: Vec<&str> = h
        .app
        .screens
        .review
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(texts, ["no changes"]);
    // An unsaved edit shows at once against the commit.
    h.press(&["k", "k", "n"]);
    assert_eq!(h.app.screens.review.new, Some(Revision::Working));
    h.select_activity("final-report");
    h.press(&["enter"]);
    h.form_row("progress");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("50");
    h.press(&["enter", "esc"]);
    assert!(h.app.shared.doc.is_dirty());
    h.press(&["0"]);
    assert!(
        h.app
            .screens
            .review
            .lines
            .iter()
            .any(|l| l.text.contains("progress: 0 -> 50")),
        "{:?}",
        h.app.screens.review.lines
    );
    // Long reviews scroll, down and sideways.
    h.press(&["pagedown"]);
    assert_eq!(
        h.app.screens.review.scroll,
        h.app.screens.review.lines.len() - 1
    );
    h.press(&["pageup"]);
    assert_eq!(h.app.screens.review.scroll, 0);
    h.press(&["l", "l"]);
    assert_eq!(h.app.screens.review.shift, 16);
    h.press(&["h", "h", "h"]);
    assert_eq!(h.app.screens.review.shift, 0);
}

#[test]
fn the_review_speaks_arabic() {
    let repo = repository();
    let mut h = opened(&repo, Lang::Ar);
    h.press(&["0"]);
    let texts: Vec<&str> = h
        .app
        .screens
        .review
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    for line in [
        "الأنشطة: تعديل واحد",
        "  عُدِّل open-data-portal-development",
        "    timing.days: 200 -> 120",
        "  المعالم التي تحركت",
    ] {
        assert!(texts.contains(&line), "{line:?} missing from {texts:#?}");
    }
    // On screen the Arabic is in display order, and the schedule's headers stand above their
    // columns: the start date sits under the header "البداية".
    let screen = repo.render(&h, 120, 40);
    let shown = |s: &str| khutta::text::visual_line(s, khutta::text::Direction::Rtl);
    assert!(screen.contains(&shown("الأنشطة: تعديل واحد")), "{screen}");
    let column = |needle: &str| {
        let row = screen
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not on\n{screen}"));
        let byte = row.find(needle).unwrap_or_default();
        row[..byte].chars().count()
    };
    assert_eq!(column(&shown("البداية")), column("2026-03-12"), "{screen}");
}

#[test]
fn review_screen_snapshots() {
    let repo = repository();
    for lang in [Lang::En, Lang::Ar] {
        let mut h = opened(&repo, lang);
        h.press(&["0"]);
        let name = if lang == Lang::En {
            "review"
        } else {
            "ar_review"
        };
        insta::assert_snapshot!(format!("{name}_120x40"), repo.render(&h, 120, 40));
        insta::assert_snapshot!(format!("{name}_80x24"), repo.render(&h, 80, 24));
    }
}

#[test]
fn the_gantt_draws_the_baseline_as_ghost_bars() {
    let repo = repository();
    let mut h = opened(&repo, Lang::En);
    h.select_activity("open-data-portal-development");
    h.press(&["6"]);
    let screen = repo.render(&h, 120, 40);
    let row = screen
        .lines()
        .find(|l| l.contains("Building the open-data portal"))
        .unwrap_or_else(|| panic!("{screen}"));
    // The shorter bar, then the baseline's longer one sticking out behind it.
    assert!(["█▒", "▄▒", "▓▒"].iter().any(|g| row.contains(g)), "{row}");
    let launch = screen
        .lines()
        .find(|l| l.contains("Open urban-data portal launch"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(launch.contains('◇') && launch.contains('◆'), "{launch}");
    insta::assert_snapshot!("gantt_ghosts_120x40", screen);
}

#[test]
fn without_history_the_screen_says_so() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["0"]);
    assert_eq!(h.app.shared.screen, Screen::Review);
    assert!(h.app.screens.review.lines.is_empty());
    let screen = h.render(120, 40);
    assert!(
        screen.contains("B the working plan") && screen.contains("no commit has touched the plan"),
        "{screen}"
    );
}

#[test]
fn a_renamed_activity_keeps_its_ghost() {
    let repo = repository();
    // Rename the portal build in the working plan, after the baseline and the commit.
    let mut loaded = khutta::store::load_with_cache(&repo.plan, None).unwrap();
    let mut p = loaded.plan.clone();
    let old = khutta::model::Id::new_unchecked("open-data-portal-development");
    khutta::edit::Edit::rename(
        &p,
        khutta::model::EntityKind::Activity,
        &old,
        "portal-build",
    )
    .unwrap()
    .apply(&mut p)
    .unwrap();
    khutta::store::save(&mut loaded, &p).unwrap();
    let mut h = opened(&repo, Lang::En);
    h.press(&["0"]);
    let ghosts = h.app.screens.review.ghosts.clone().unwrap_or_default();
    assert!(ghosts.contains_key("portal-build"), "{:?}", ghosts.keys());
    assert!(!ghosts.contains_key("open-data-portal-development"));
    // Its ghost is where the baseline had the old id: the longer build of the first commit.
    let base = khutta::repo::PlanRepo::open(&repo.plan)
        .unwrap()
        .plan_at(repo.commits[0])
        .unwrap();
    let timeline = khutta::diff::variance::timeline(&base);
    let placed = timeline.activities[&old].unwrap();
    assert_eq!(ghosts["portal-build"].start, placed.start);
    assert_eq!(ghosts["portal-build"].finish, placed.finish);
}

/// Between two commits, the screen shows what the move does: the line by its category and
/// source, what each source's lines draw, the two errors `check` reports, and who made it.
#[test]
fn the_review_shows_what_a_funding_move_does() {
    let repo = moved_funding();
    for lang in [Lang::En, Lang::Ar] {
        let mut h = opened(&repo, lang);
        // The list: the working plan, the baseline, then the history, newest first.
        h.press(&["0", "j", "j", "n", "j", "o"]);
        let v = &h.app.screens.review;
        assert_eq!(
            v.new.as_ref().and_then(Revision::commit),
            Some(repo.commits[2])
        );
        assert_eq!(
            v.old.as_ref().and_then(Revision::commit),
            Some(repo.commits[1])
        );
        let texts: Vec<&str> = v.lines.iter().map(|l| l.text.as_str()).collect();
        let expected = if lang == Lang::En {
            [
                "    budget[travel · undp-cofunding].funding: \"escwa-rptc\" -> \"undp-cofunding\"",
                "  drawn from each funding source",
                "problems introduced (2)",
                "authors (1 commit)",
            ]
        } else {
            [
                "    budget[travel · undp-cofunding].funding: \"escwa-rptc\" -> \"undp-cofunding\"",
                "  المسحوب من كل مصدر تمويل",
                "مشكلتان جديدتان (2)",
                "المؤلفون (إيداع واحد)",
            ]
        };
        for line in expected {
            assert!(texts.contains(&line), "{line:?} missing from {texts:#?}");
        }
        let introduced: Vec<&Line> = v
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Introduced)
            .collect();
        assert_eq!(introduced.len(), 2, "{texts:#?}");
        assert!(introduced.iter().all(|l| l.text.starts_with("  E025 ")));
        let name = if lang == Lang::En {
            "consequences"
        } else {
            "ar_consequences"
        };
        insta::assert_snapshot!(format!("{name}_120x40"), repo.render(&h, 120, 40));
        insta::assert_snapshot!(format!("{name}_80x24"), repo.render(&h, 80, 24));
    }
}
