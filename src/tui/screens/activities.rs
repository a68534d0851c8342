//! The Activities screen: the group tree with dates, status, lead and slack.

use crate::model::{ActivityKind, EntityKind, Id, Status, Timing};
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::editor::{EditorState, Purpose};
use crate::tui::form::spec::EditorKind;
use crate::tui::form::{FormState, Target};
use crate::tui::paint::{Align, fill, put};
use crate::tui::popup::Popup;
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A command on the Activities screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = app.tree_rows.len();
    let page = super::page(app);
    if super::move_cursor(&mut app.cursors.activities, c, n, page) {
        return Vec::new();
    }
    let selected: Option<Id> = app
        .tree_rows
        .get(app.cursors.activities.row)
        .map(|r| r.id.clone());
    match c {
        Command::Select => {
            if let Some(id) = selected {
                app.form = Some(FormState::new(Target::Entity(EntityKind::Activity, id)));
            }
        }
        Command::Toggle | Command::Right | Command::Left => {
            if let Some(row) = app
                .tree_rows
                .get(app.cursors.activities.row)
                .filter(|r| r.has_children)
            {
                let id = row.id.clone();
                let collapse = match c {
                    Command::Left => true,
                    Command::Right => false,
                    _ => !row.collapsed,
                };
                if collapse {
                    app.tree.collapsed.insert(id);
                } else {
                    app.tree.collapsed.remove(&id);
                }
                app.refresh_tree();
            }
        }
        Command::ExpandAll => {
            app.tree.collapsed.clear();
            app.refresh_tree();
        }
        Command::CollapseAll => {
            app.tree.collapsed = app
                .doc
                .plan
                .activities
                .values()
                .filter(|a| a.kind == ActivityKind::Group)
                .map(|a| a.id.clone())
                .collect();
            app.refresh_tree();
        }
        Command::Sort => {
            app.tree.sort = app.tree.sort.next();
            app.status = format!("sorted by {}", app.tree.sort.name());
            app.refresh_tree();
        }
        Command::Filter => {
            let current = app.tree.filter.text.clone();
            app.editor = Some(EditorState::new(
                Purpose::Filter,
                "filter",
                EditorKind::Text,
                &current,
                &app.doc.plan,
                app.content_lang,
            ));
        }
        Command::FilterMenu => app.popup = Some(Popup::FilterMenu),
        Command::Back => {
            app.tree.filter = Default::default();
            app.refresh_tree();
        }
        Command::New => editing::start_new(app, EntityKind::Activity),
        Command::Delete => {
            if let Some(id) = selected {
                editing::ask_delete(app, EntityKind::Activity, id);
            }
        }
        Command::Rename => {
            if let Some(id) = selected {
                editing::start_rename(app, EntityKind::Activity, id);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A key in the filter menu: `s` cycles the status, `p` the partner, `c` the country, `x` clears.
pub fn filter_menu(app: &mut App, key: char) -> Vec<Effect> {
    let f = &mut app.tree.filter;
    match key {
        's' => {
            f.status = match f.status {
                None => Some(Status::ALL[0]),
                Some(s) => Status::ALL
                    .iter()
                    .position(|x| *x == s)
                    .and_then(|i| Status::ALL.get(i + 1))
                    .copied(),
            }
        }
        'p' => {
            let ids = app.doc.plan.ids(EntityKind::Partner);
            f.partner = next_of(&ids, f.partner.as_ref());
        }
        'c' => {
            let mut countries: Vec<_> = app
                .doc
                .plan
                .activities
                .values()
                .filter_map(|a| a.location.as_ref().map(|l| l.country.clone()))
                .collect();
            countries.sort();
            countries.dedup();
            f.country = next_of(&countries, f.country.as_ref());
        }
        'x' => *f = Default::default(),
        _ => {}
    }
    app.popup = Some(Popup::FilterMenu);
    app.refresh_tree();
    Vec::new()
}

/// The value after `current` in `all`, then none, then the first again.
fn next_of<T: Clone + PartialEq>(all: &[T], current: Option<&T>) -> Option<T> {
    match current {
        None => all.first().cloned(),
        Some(c) => all
            .iter()
            .position(|x| x == c)
            .and_then(|i| all.get(i + 1))
            .cloned(),
    }
}

/// The start and finish shown for an activity: fixed dates, or its duration until scheduled.
fn dates(timing: &Timing) -> (String, String) {
    match timing {
        Timing::Fixed { start, end } => (start.to_string(), end.to_string()),
        Timing::Duration { days, .. } => (String::new(), format!("{days}d")),
        Timing::Span => (String::new(), String::new()),
    }
}

/// Draws the tree.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let w = area.width;
    let wide = w >= 110;
    let cols: Vec<(&str, u16, Align)> = [
        ("id", 18, Align::Left),
        ("title", 0, Align::Left),
        ("start", 11, Align::Left),
        ("finish", 11, Align::Left),
        ("status", 11, Align::Left),
        ("lead", 12, Align::Left),
        ("slack", if wide { 6 } else { 0 }, Align::Right),
    ]
    .into_iter()
    .filter(|(n, w, _)| *w > 0 || *n == "title")
    .collect();
    let fixed: u16 = cols.iter().map(|c| c.1 + 1).sum();
    let title_w = w.saturating_sub(fixed).max(8);
    let widths: Vec<u16> = cols
        .iter()
        .map(|c| if c.0 == "title" { title_w } else { c.1 })
        .collect();
    let mut x = area.x;
    for ((name, _, align), cw) in cols.iter().zip(&widths) {
        put(buf, x, area.y, *cw, name, theme::heading(), *align);
        x += cw + 1;
    }
    let height = usize::from(area.height - 1);
    let offset = app.cursors.activities.scrolled(height);
    let plan = &app.doc.plan;
    for (i, row) in app.tree_rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let Some(a) = plan.activities.get(&row.id) else {
            continue;
        };
        let selected = i == app.cursors.activities.row;
        let style = if selected {
            theme::selected()
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, w, 1), style);
        }
        let fold = match (row.has_children, row.collapsed) {
            (true, true) => "▸ ",
            (true, false) => "▾ ",
            _ => "  ",
        };
        let mark = match a.kind {
            ActivityKind::Milestone => "◆ ",
            _ => "",
        };
        let id_text = format!("{}{fold}{}", "  ".repeat(usize::from(row.depth)), a.id);
        let (start, finish) = dates(&a.timing);
        let lead = a
            .lead
            .as_ref()
            .map(|l| {
                plan.partners
                    .get(l)
                    .map_or(l.to_string(), |p| p.label(app.content_lang).to_owned())
            })
            .unwrap_or_default();
        let values = [
            id_text,
            format!("{mark}{}", a.title.show(app.content_lang)),
            start,
            finish,
            crate::tui::form::value::name_of(&a.status),
            lead,
            String::new(),
        ];
        let mut x = area.x;
        for (((_, _, align), cw), v) in cols.iter().zip(&widths).zip(values.iter()) {
            put(buf, x, y, *cw, v, style, *align);
            x += cw + 1;
        }
    }
    if app.tree_rows.is_empty() {
        let msg = if app.tree.filter.is_empty() {
            "no activities yet: press n to add one"
        } else {
            "no activity matches the filter (esc clears it)"
        };
        put(buf, area.x, area.y + 1, w, msg, theme::dim(), Align::Left);
    }
}
