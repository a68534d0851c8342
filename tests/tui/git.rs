//! Commit, history and conflicts in the TUI, on a real repository.

use crate::harness::{Harness, bundled};
use khutta::model::Lang;
use khutta::tui::Screen;
use khutta::tui::app::Effect;
use khutta::tui::repo_view::RepoJob;

/// A plan repository made with khutta, at a temporary path.
fn repository() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nua");
    let opts = khutta::repo::InitOptions {
        dir: plan.clone(),
        from: Some(bundled()),
        exe: std::path::PathBuf::from(env!("CARGO_BIN_EXE_khutta")),
        today: crate::harness::today(),
    };
    khutta::repo::init(&opts).unwrap();
    (dir, plan)
}

/// A TUI on the repository's plan, knowing its state, with pilot-tunis's progress set to 80
/// and not saved.
fn progress_edited(plan: &std::path::Path) -> Harness {
    let mut h = Harness::open(plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.select_activity("pilot-tunis");
    h.press(&["enter"]);
    h.form_row("progress");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("80");
    h.press(&["enter", "esc"]);
    h
}

fn set_progress(plan: &std::path::Path, id: &str, progress: u8) {
    let mut loaded = khutta::store::load_with_cache(plan, None).unwrap();
    let mut p = loaded.plan.clone();
    p.activities.get_mut(id).unwrap().progress = progress;
    khutta::store::save(&mut loaded, &p).unwrap();
}

#[test]
fn commit_from_the_tui_and_see_it_in_history() {
    let (_dir, plan) = repository();
    let mut h = progress_edited(&plan);
    h.press(&["c"]);
    assert!(
        h.app.shared.status.contains("save first"),
        "{}",
        h.app.shared.status
    );
    h.press(&["ctrl-s", "c"]);
    assert!(h.app.shared.editor.is_some(), "{}", h.app.shared.status);
    h.press(&["enter"]);
    assert_eq!(
        h.app.shared.editor.as_ref().and_then(|e| e.error.clone()),
        Some("write what changed".into())
    );
    h.type_text("Tunis pilot at 80%");
    h.press(&["enter"]);
    assert_eq!(h.app.shared.status, "committed 1 file");
    h.press(&["8"]);
    assert_eq!(h.app.shared.screen, Screen::History);
    assert_eq!(h.app.shared.repo.history[0].message, "Tunis pilot at 80%");
    assert_eq!(
        h.app.shared.repo.history[0].changes.english(),
        "pilot-tunis (progress)"
    );
    assert!(h.render(120, 40).contains("Tunis pilot at 80%"));
}

#[test]
fn settle_a_conflict_and_make_the_merge_commit() {
    let (_dir, plan) = repository();
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    let base = r.repo.head().unwrap().peel_to_commit().unwrap().id();
    set_progress(&plan, "pilot-tunis", 60);
    let theirs = khutta::repo::commit(&r, "theirs", false).unwrap().id;
    // Back to the base on main, then our own change to the same field.
    let base_commit = r.repo.find_commit(base).unwrap();
    r.repo
        .reset(base_commit.as_object(), git2::ResetType::Hard, None)
        .unwrap();
    set_progress(&plan, "pilot-tunis", 90);
    let ours = khutta::repo::commit(&r, "ours", false).unwrap().id;
    let step = khutta::repo::merge_commits(&r, ours, theirs, "partner/main").unwrap();
    assert_eq!(step, khutta::repo::MergeStep::Conflicts(1));
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    assert!(
        h.render(120, 40).contains(" C Conflicts"),
        "the tab appears while a merge waits: {:?}\n{}",
        h.app.shared.repo.unavailable,
        h.render(120, 40)
    );
    h.press(&["C"]);
    let screen = h.render(120, 40);
    assert!(
        screen.contains("merging partner/main: 1 left") && screen.contains("progress"),
        "{screen}"
    );
    // Syncing is refused while the merge waits.
    h.press(&["S"]);
    assert!(
        h.app.shared.status.contains("merge is waiting"),
        "{}",
        h.app.shared.status
    );
    h.press(&["t"]);
    assert_eq!(
        h.app.shared.status,
        "no conflict left: press M to make the merge commit"
    );
    assert_eq!(h.app.shared.doc.plan.activities["pilot-tunis"].progress, 60);
    h.press(&["M"]);
    assert!(
        h.app.shared.status.starts_with("merged"),
        "{}",
        h.app.shared.status
    );
    assert!(h.app.shared.repo.merge.is_none());
    let head = r.repo.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(head.parent_count(), 2);
    assert_eq!(
        khutta::store::load_with_cache(&plan, None)
            .unwrap()
            .plan
            .activities["pilot-tunis"]
            .progress,
        60
    );
}

/// Outside a repository, History says why and what to do, in the UI's language.
#[test]
fn outside_a_repository_history_says_why_in_arabic() {
    for (lang, why, hint) in [
        (
            Lang::En,
            "is not inside a git repository",
            "create one with `khutta init",
        ),
        (
            Lang::Ar,
            "ليس داخل مستودع git",
            "أنشئ مستودعًا بـ`khutta init",
        ),
    ] {
        let mut h = Harness::bundled(lang);
        h.app.shared.pen.bidi = khutta::text::BidiMode::Terminal;
        h.run_effect(Effect::Repo(RepoJob::State));
        h.press(&["8"]);
        let said = h.app.shared.repo.unavailable.clone().unwrap_or_default();
        assert!(said.contains(why) && said.contains(hint), "{said}");
        let screen = h.render(200, 20);
        assert!(screen.contains(why), "{screen}");
    }
}

/// A progress conflict between our commit (90) and theirs (60), waiting.
fn waiting_merge() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, plan) = repository();
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    let base = r.repo.head().unwrap().peel_to_commit().unwrap().id();
    set_progress(&plan, "pilot-tunis", 60);
    let theirs = khutta::repo::commit(&r, "theirs", false).unwrap().id;
    let base_commit = r.repo.find_commit(base).unwrap();
    r.repo
        .reset(base_commit.as_object(), git2::ResetType::Hard, None)
        .unwrap();
    set_progress(&plan, "pilot-tunis", 90);
    let ours = khutta::repo::commit(&r, "ours", false).unwrap().id;
    khutta::repo::merge_commits(&r, ours, theirs, "partner/main").unwrap();
    (dir, plan)
}

/// A value of one's own is checked as a form checks it; Enter opens the activity's form at
/// the field, and a value saved there settles the conflict as a hand edit.
#[test]
fn a_conflict_is_settled_in_the_entity_s_form_with_its_checks() {
    let (_dir, plan) = waiting_merge();
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.press(&["C", "v", "ctrl-u"]);
    h.type_text("150");
    let refused = h.app.shared.editor.as_ref().and_then(|e| e.error.clone());
    assert!(
        refused.as_deref().is_some_and(|e| e.contains("150")),
        "{refused:?}"
    );
    h.press(&["esc", "enter"]);
    let form = h.app.shared.form.as_ref().expect("the activity's form");
    let row = form.current(&h.app.shared.doc.plan).unwrap();
    assert_eq!(row.name, "progress");
    h.press(&["enter", "ctrl-u"]);
    h.type_text("75");
    h.press(&["enter", "esc", "ctrl-s"]);
    assert_eq!(
        h.app.shared.repo.merge.as_ref().map(|m| m.conflicts.len()),
        Some(0),
        "{}",
        h.app.shared.status
    );
    h.press(&["C", "M"]);
    assert!(
        h.app.shared.status.starts_with("merged"),
        "{}",
        h.app.shared.status
    );
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    let head = r.repo.head().unwrap().peel_to_commit().unwrap().id();
    assert_eq!(
        r.plan_at(head).unwrap().activities["pilot-tunis"].progress,
        75
    );
}

/// A semantic conflict shows what each side changed, and what to do, not three copies of
/// the whole entity.
#[test]
fn a_semantic_conflict_shows_what_each_side_changed() {
    let (_dir, plan) = repository();
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    let base = r.repo.head().unwrap().peel_to_commit().unwrap().id();
    let depend = |from: &str, to: &str| {
        let mut loaded = khutta::store::load_with_cache(&plan, None).unwrap();
        let mut p = loaded.plan.clone();
        p.activities
            .get_mut(from)
            .unwrap()
            .dependencies
            .push(khutta::model::Dependency {
                activity: khutta::model::Id::new_unchecked(to),
                kind: khutta::model::DependencyKind::FinishToStart,
                lag: 0,
            });
        khutta::store::save(&mut loaded, &p).unwrap();
    };
    depend("pilot-tunis", "pilot-amman");
    let theirs = khutta::repo::commit(&r, "theirs", false).unwrap().id;
    let base_commit = r.repo.find_commit(base).unwrap();
    r.repo
        .reset(base_commit.as_object(), git2::ResetType::Hard, None)
        .unwrap();
    depend("pilot-amman", "pilot-tunis");
    let ours = khutta::repo::commit(&r, "ours", false).unwrap().id;
    khutta::repo::merge_commits(&r, ours, theirs, "partner/main").unwrap();
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.press(&["C"]);
    let screen = h.render(160, 40);
    assert!(
        screen.contains("changed dependencies[pilot-") && screen.contains("E021"),
        "{screen}"
    );
    assert!(screen.contains("hint:"), "{screen}");
}

/// A clone where the merge driver is not registered says so in the status line.
#[test]
fn a_clone_without_the_merge_driver_is_warned_about() {
    let (_dir, plan) = repository();
    let r = khutta::repo::PlanRepo::open(&plan).unwrap();
    r.repo
        .config()
        .unwrap()
        .open_level(git2::ConfigLevel::Local)
        .unwrap()
        .remove("merge.khutta.driver")
        .unwrap();
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    assert!(
        h.app.shared.status.contains("no khutta merge driver")
            && h.app.shared.status.contains("git-setup"),
        "{}",
        h.app.shared.status
    );
}

/// `c` right after a save, before the repository's new state has arrived from the worker
/// (the pending files are still those before the save), asks for the message all the same:
/// the commit itself knows what is pending.
#[test]
fn commit_right_after_a_save_is_not_refused_for_a_stale_pending_list() {
    let (_dir, plan) = repository();
    let mut h = progress_edited(&plan);
    h.press(&["ctrl-s"]);
    // As the run loop sees it between the save and the state the worker reads after it.
    h.app.shared.repo.pending.clear();
    h.app.shared.repo.refreshing = true;
    h.press(&["c"]);
    assert!(h.app.shared.editor.is_some(), "{}", h.app.shared.status);
    h.type_text("Tunis pilot at 80%");
    h.press(&["enter"]);
    assert_eq!(h.app.shared.status, "committed 1 file");
}

/// A sync in another terminal writes the plan's files, then moves the branch. If the TUI
/// reads the files in between, who brought the change cannot be known yet; it is named
/// when the branch moves, not lost to the moment the files were read.
#[test]
fn who_brought_a_change_is_named_once_the_branch_moves_after_the_files() {
    let (_dir, plan) = repository();
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    // The work tree first ...
    set_progress(&plan, "pilot-tunis", 55);
    h.disk_changed();
    let status = h.app.shared.status.clone();
    assert!(status.contains("changed on disk: pilot-tunis"), "{status}");
    assert!(!status.contains("(by "), "{status}");
    // ... then the branch, with a partner's commit that holds what the files hold.
    crate::support::cmd::git_ok(
        &plan,
        &[
            "commit",
            "-qam",
            "Tunis at 55%",
            "--author",
            "Amal Haddad <amal@escwa.example>",
        ],
    );
    h.act(khutta::tui::action::Action::HeadMoved);
    let status = &h.app.shared.status;
    assert!(status.contains("(by Amal Haddad)"), "{status}");
}

/// The person the plan's rules judge is the repository's git identity, read with its state.
#[test]
fn the_person_at_the_keyboard_is_the_repository_s_git_identity() {
    let (_dir, plan) = repository();
    crate::support::cmd::git_ok(&plan, &["config", "user.name", "Sonia Benali"]);
    crate::support::cmd::git_ok(
        &plan,
        &["config", "user.email", "sonia.benali@tunis.example"],
    );
    let mut h = Harness::open(&plan, Lang::En);
    h.run_effect(Effect::Repo(RepoJob::State));
    assert_eq!(
        h.app.shared.repo.identity,
        Some((
            "Sonia Benali".to_owned(),
            "sonia.benali@tunis.example".to_owned()
        ))
    );
}
