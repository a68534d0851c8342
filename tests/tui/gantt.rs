//! Finding one's way on the Gantt: it opens on the whole plan with today in view, follows the
//! selection, zooms around it, and jumps to the start, the finish, the selected bar and the
//! next milestone.

use crate::harness::Harness;
use khutta::gantt::Mark;
use khutta::model::Lang;

/// The mark of the selected activity's row.
fn selected_mark(h: &Harness) -> Mark {
    let sh = &h.app.shared;
    let id = &sh.outline.rows[sh.outline.cursor.row].id;
    let g = &h.app.screens.gantt;
    let r = g.row_of[&sh.doc.position[id]];
    g.layout.as_ref().expect("laid out").rows[r].mark
}

fn in_view(m: Mark) -> bool {
    matches!(m, Mark::Bar { .. } | Mark::Point { .. })
}

fn selected_id(h: &Harness) -> String {
    let sh = &h.app.shared;
    sh.outline.rows[sh.outline.cursor.row].id.to_string()
}

#[test]
fn it_opens_on_the_whole_plan_with_today_in_view() {
    for width in [80, 120, 160] {
        let mut h = Harness::bundled(Lang::En);
        h.act(khutta::tui::action::Action::Resize(width, 40));
        h.press(&["6"]);
        let g = h.app.screens.gantt.layout.as_ref().expect("laid out");
        assert!(
            g.today.is_some(),
            "today is on the chart at {width} columns"
        );
        let off = g
            .rows
            .iter()
            .filter(|r| matches!(r.mark, Mark::Before | Mark::After))
            .count();
        assert_eq!(off, 0, "every bar of the plan fits at {width} columns");
    }
}

#[test]
fn the_view_follows_the_selection_and_zooms_around_it() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["6"]);
    // Day scale: a few months on screen, far less than the plan.
    h.press(&["+", "+", "+"]);
    assert!(
        in_view(selected_mark(&h)),
        "zooming keeps the selected bar in view"
    );
    h.press(&["G"]);
    assert!(
        in_view(selected_mark(&h)),
        "the last activity, years later, is shown"
    );
    h.press(&["g"]);
    assert!(in_view(selected_mark(&h)), "and the first again");
    // Scrolling by hand is not undone by the next redraw.
    h.press(&["<", "<"]);
    assert!(!in_view(selected_mark(&h)));
    h.press(&["."]);
    assert!(
        in_view(selected_mark(&h)),
        "`.` brings the selected bar back"
    );
}

#[test]
fn jumps_to_the_start_the_finish_and_the_next_milestone() {
    let mut h = Harness::bundled(Lang::En);
    h.press(&["6", "+", "+", "+"]);
    let start = h.app.shared.doc.schedule.start;
    let finish = h.app.shared.doc.schedule.finish.unwrap();
    let shows = |h: &Harness, day: chrono::NaiveDate| {
        let g = h.app.screens.gantt.layout.as_ref().unwrap();
        g.axis.from <= day && day <= g.axis.to
    };
    h.press(&["]"]);
    assert!(shows(&h, finish), "the finish is shown");
    h.press(&["["]);
    assert!(shows(&h, start), "the start is shown");
    h.press(&["m"]);
    assert_eq!(
        selected_id(&h),
        "open-data-portal-launch",
        "the next milestone after today"
    );
    assert!(in_view(selected_mark(&h)));
    h.press(&["m"]);
    assert_eq!(selected_id(&h), "final-regional-conference");
}

/// At every zoom, in both languages and at three widths, the axis shows whole labels with
/// room between them: every word on its two lines is a word of some label (a year, a month,
/// a day), never two run together like `20212022`.
#[test]
fn axis_labels_never_run_together() {
    for lang in [Lang::En, Lang::Ar] {
        for width in [80u16, 100, 160] {
            let mut h = Harness::bundled(lang);
            h.act(khutta::tui::action::Action::Resize(width, 30));
            h.press(&["6"]);
            for zoom in ["", "+", "+", "+", "-", "-", "-", "-"] {
                if !zoom.is_empty() {
                    h.press(&[zoom]);
                }
                let g = h.app.screens.gantt.layout.as_ref().unwrap();
                let mut words: std::collections::HashSet<String> =
                    (1..=31).map(|n| n.to_string()).collect();
                for t in &g.axis.ticks {
                    for w in t.label.split(' ') {
                        words.insert(w.to_owned());
                        words.insert(w.chars().rev().collect());
                    }
                }
                let screen = h.render(width, 30);
                for line in screen.lines().skip(1).take(2) {
                    for w in line.split_whitespace() {
                        assert!(
                            words.contains(w),
                            "{lang:?} {width} {:?}: `{w}` in\n{line}",
                            g.axis.scale
                        );
                    }
                }
            }
        }
    }
}

/// On a wide terminal the label column grows, so that the five city assessments, whose titles
/// differ only at their end, can be told apart.
#[test]
fn a_wide_terminal_gives_the_titles_room() {
    let mut h = Harness::bundled(Lang::En);
    h.act(khutta::tui::action::Action::Resize(200, 45));
    h.press(&["6"]);
    let screen = h.render(200, 45);
    for city in ["Amman", "Tunis"] {
        assert!(
            screen
                .lines()
                .any(|l| l.contains("assessment") && l.contains(city)),
            "{city}:\n{screen}"
        );
    }
}
