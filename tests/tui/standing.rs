//! Where the plan stands on the status date: late and at-risk work is flagged in Activities
//! and the Overview, groups add up their children, and the Gantt says what its marks mean.

use crate::harness::Harness;
use khutta::model::Lang;

/// Sets `id`'s status in its form, as a coordinator picks it.
fn set_status(h: &mut Harness, id: &str, status: &str) {
    h.open_activity_row(id, "status");
    h.press(&["enter", "ctrl-u"]);
    h.type_text(status);
    h.press(&["enter", "esc"]);
}

fn line_of(screen: &str, id: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(id))
        .unwrap_or_else(|| panic!("{id} not on\n{screen}"))
        .to_owned()
}

#[test]
fn work_past_its_dates_is_flagged_and_its_group_says_so() {
    let mut h = Harness::bundled(Lang::En);
    // Done in 2021 in the bundled plan; reopened, it is years past its latest finish.
    set_status(&mut h, "concept-note", "In progress");
    // A visit with a year of slack, reopened after its dates: at risk, not late.
    set_status(&mut h, "study-visit-spain", "In progress");
    h.press(&["2"]);
    let screen = h.render(120, 40);
    assert!(
        line_of(&screen, "concept-note").contains("Late"),
        "{screen}"
    );
    assert!(
        line_of(&screen, "study-visit-spa").contains("At risk"),
        "{screen}"
    );
    let group = line_of(&screen, "phase-preparation");
    assert!(group.contains("Late") && group.contains('%'), "{group}");
    h.press(&["1"]);
    let overview = h.render(120, 40);
    assert!(
        line_of(&overview, "late").contains("1: concept-note"),
        "{overview}"
    );
    // The critical path ahead starts with what is still open, not with finished work.
    let ahead = line_of(&overview, "critical ahead");
    assert!(ahead.contains("concept-note"), "{ahead}");
    assert!(
        !ahead.contains("egm-preparation"),
        "done work is not ahead: {ahead}"
    );
}

#[test]
fn a_group_whose_children_are_all_done_is_done() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["2"]);
    let screen = h.render(120, 40);
    assert!(
        line_of(&screen, "phase-egm").contains("Done 100%"),
        "{screen}"
    );
    assert!(
        line_of(&screen, "phase-capacity").contains("In progress"),
        "{screen}"
    );
}

#[test]
fn the_gantt_has_a_legend_that_names_the_status_date() {
    for (lang, words) in [(Lang::En, "today 2026-11-28"), (Lang::Ar, "2026-11-28")] {
        let mut h = Harness::bundled(lang);
        h.press(&["6"]);
        let screen = h.render(120, 40);
        let last = screen.lines().rev().nth(1).unwrap_or_default();
        assert!(
            last.contains(words) && last.contains('▄'),
            "{lang:?}: {last}"
        );
    }
}

/// The outline is made again only when an edit can move it (a date moved, an activity added
/// or removed); after every edit its rows and roll-ups are those a fresh layout gives.
#[test]
fn the_outline_after_each_edit_is_a_fresh_layout() {
    use khutta::edit::Edit;
    use khutta::model::{Entity, EntityKind, Timing};
    use khutta::tui::action::{Action, Command};
    let mut h = Harness::bundled(Lang::En);
    h.act(Action::Command(Command::ScreenActivities));
    let plan = &h.app.shared.doc.plan;
    let ids: Vec<_> = plan
        .activities
        .values()
        .filter(|a| matches!(a.timing, Timing::Duration { .. }))
        .map(|a| a.id.clone())
        .take(8)
        .collect();
    assert!(ids.len() >= 4, "the bundled plan has tasks of a duration");
    let mut moved = 0;
    for (n, id) in ids.iter().enumerate() {
        for progress in [false, true] {
            let before = h.app.shared.outline.rows.clone();
            let doc = &h.app.shared.doc;
            let edit = Edit::update(&doc.plan, EntityKind::Activity, id, "x", |e| {
                if let Entity::Activity(a) = e {
                    match (&mut a.timing, progress) {
                        (_, true) => a.progress = (n * 10) as u8,
                        (Timing::Duration { days, .. }, false) => *days = 200 + n as u32 * 40,
                        _ => {}
                    }
                }
                Ok::<(), ()>(())
            })
            .unwrap()
            .unwrap();
            h.app.shared.doc.apply(edit).unwrap();
            h.act(Action::Resize(120, 40));
            let sh = &h.app.shared;
            let fresh = sh.outline.view.rows(&sh.doc.plan, Lang::En, &sh.doc);
            assert_eq!(sh.outline.rows, fresh, "after {id} (progress: {progress})");
            let rollups =
                khutta::schedule::standing::rollups(&sh.doc.plan, &sh.doc.schedule, sh.today);
            assert_eq!(
                sh.outline.rollups, rollups,
                "after {id} (progress: {progress})"
            );
            moved += usize::from(sh.outline.rows != before);
        }
    }
    // Long durations push later work past its siblings: the test saw the outline move.
    assert!(moved > 0, "no edit moved the outline");
}
