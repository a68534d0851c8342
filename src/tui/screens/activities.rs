//! The Activities screen: the group tree with dates, status, lead and slack.

use crate::model::{ActivityKind, EntityKind, Id, Lang, Status, Timing};
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::editor::Purpose;
use crate::tui::form::spec::EditorKind;
use crate::tui::form::{FormState, Target};
use crate::tui::paint::fill;
use crate::tui::popup::Popup;
use crate::tui::shared::Shared;
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A command on the Activities screen.
pub fn command(sh: &mut Shared, c: Command) -> Vec<Effect> {
    let n = sh.outline.rows.len();
    let page = sh.page();
    if super::move_cursor(&mut sh.outline.cursor, c, n, page) {
        return Vec::new();
    }
    let selected: Option<Id> = sh
        .outline
        .rows
        .get(sh.outline.cursor.row)
        .map(|r| r.id.clone());
    match c {
        Command::Select => {
            if let Some(id) = selected {
                sh.form = Some(FormState::new(Target::Entity(EntityKind::Activity, id)));
            }
        }
        Command::Toggle | Command::Right | Command::Left => {
            if let Some(row) = sh
                .outline
                .rows
                .get(sh.outline.cursor.row)
                .filter(|r| r.has_children)
            {
                let id = row.id.clone();
                let collapse = match c {
                    Command::Left => true,
                    Command::Right => false,
                    _ => !row.collapsed,
                };
                if collapse {
                    sh.outline.view.collapsed.insert(id);
                } else {
                    sh.outline.view.collapsed.remove(&id);
                }
                sh.refresh_outline();
            }
        }
        Command::ExpandAll => {
            sh.outline.view.collapsed.clear();
            sh.refresh_outline();
        }
        Command::CollapseAll => {
            sh.outline.view.collapsed = sh
                .doc
                .plan
                .activities
                .values()
                .filter(|a| a.kind == ActivityKind::Group)
                .map(|a| a.id.clone())
                .collect();
            sh.refresh_outline();
        }
        Command::Sort => {
            sh.outline.view.sort = sh.outline.view.sort.next();
            let column = sh
                .msg
                .get(&format!("col-{}", sh.outline.view.sort.name()))
                .into_owned();
            sh.status = sh.msg.get_args(
                "tui-sorted-by",
                &[("column", crate::i18n::Arg::Text(column.into()))],
            );
            sh.refresh_outline();
        }
        Command::Filter => {
            let current = sh.outline.view.filter.text.clone();
            editing::open_editor(
                sh,
                Purpose::Filter,
                "tui-editor-filter",
                EditorKind::Text,
                &current,
            );
        }
        Command::FilterMenu => sh.popup = Some(Popup::FilterMenu),
        Command::Back => {
            sh.outline.view.filter = Default::default();
            sh.filter_changed();
        }
        Command::New => editing::start_new(sh, EntityKind::Activity),
        Command::Delete => {
            if let Some(id) = selected {
                editing::ask_delete(sh, EntityKind::Activity, id);
            }
        }
        Command::Rename => {
            if let Some(id) = selected {
                editing::start_rename(sh, EntityKind::Activity, id);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A key in the filter menu: `s` cycles the status, `p` the partner, `c` the country, `x` clears.
pub(crate) fn filter_menu(sh: &mut Shared, key: char) -> Vec<Effect> {
    let f = &mut sh.outline.view.filter;
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
            let ids = sh.doc.plan.ids(EntityKind::Partner);
            f.partner = next_of(&ids, f.partner.as_ref());
        }
        'c' => {
            let mut countries: Vec<_> = sh
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
    sh.popup = Some(Popup::FilterMenu);
    sh.filter_changed();
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

/// The start, finish and slack shown for an activity: its computed dates, or its fixed dates
/// or duration when it could not be scheduled (on a cycle).
fn dates(sh: &Shared, a: &crate::model::Activity) -> (String, String, String) {
    if let Some(d) = sh.doc.dates(&a.id) {
        return (
            d.early_start.to_string(),
            d.early_finish.to_string(),
            d.total_slack.to_string(),
        );
    }
    match &a.timing {
        Timing::Fixed { start, end } => (start.to_string(), end.to_string(), String::new()),
        Timing::Duration { days, .. } => (String::new(), format!("{days}d"), String::new()),
        Timing::Span => (String::new(), String::new(), String::new()),
    }
}

/// The tree column of a row: indentation, the fold marker and the id, mirrored in Arabic.
fn tree_cell(id: &str, depth: u16, has_children: bool, collapsed: bool, mirrored: bool) -> String {
    let indent = "  ".repeat(usize::from(depth));
    let fold = match (has_children, collapsed, mirrored) {
        (true, true, false) => "▸ ",
        (true, true, true) => " ◂",
        (true, false, false) => "▾ ",
        (true, false, true) => " ▾",
        _ => "  ",
    };
    if mirrored {
        format!("{id}{fold}{indent}")
    } else {
        format!("{indent}{fold}{id}")
    }
}

/// The status cell: what is late, at risk or not started says so first; a group shows what
/// its activities add up to (status and weighted progress).
fn standing(sh: &Shared, a: &crate::model::Activity) -> (String, Style) {
    use crate::schedule::standing::{Flag, flag};
    let m = &sh.msg;
    let (status, progress, flagged) = match sh.outline.rollups.get(&a.id) {
        Some(r) => (r.status, Some(r.progress), r.flag),
        None => {
            let entry = sh
                .doc
                .position
                .get(&a.id)
                .and_then(|i| sh.doc.schedule.entries.get(*i));
            (a.status, None, entry.and_then(|e| flag(a, e, sh.today)))
        }
    };
    let said = match (flagged, progress) {
        (Some(f), Some(p)) => format!("{} {p}%", m.get(f.key())),
        (Some(f), None) => m.get(f.key()).into_owned(),
        (None, Some(p)) => format!("{} {p}%", m.get(crate::model::keys::status(status))),
        (None, None) => m.get(crate::model::keys::status(status)).into_owned(),
    };
    let style = match flagged {
        Some(Flag::Late) => theme::error(),
        Some(_) => theme::warning(),
        None if status == crate::model::Status::Done => theme::ok(),
        None => Style::new(),
    };
    (said, style)
}

/// The narrowest the title column gets before other columns give way.
const TITLE_MIN: u16 = 24;

/// Draws the tree.
pub fn draw(sh: &Shared, area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let pen = &sh.pen;
    let m = &sh.msg;
    let wide = area.width >= 110;
    // Each column with its width (0: the title, which takes the rest) and the rank at
    // which it gives way on a narrow terminal (0: never): slack, lead and start go before
    // the finish and the status, which say what is late.
    let mut heads = vec![
        ("col-id", 20u16, 0u8),
        ("col-title", 0, 0),
        ("col-start", 10, 4),
        ("col-finish", 10, 3),
        ("col-status", 15, 2),
        ("col-lead", 12, 5),
    ];
    if wide {
        heads.push(("col-slack", 6, 6));
    }
    let widths: Vec<u16> = heads.iter().map(|h| h.1).collect();
    let ranks: Vec<u8> = heads.iter().map(|h| h.2).collect();
    let cols = pen.columns_ranked(area, &widths, &ranks, TITLE_MIN);
    for ((key, _, _), col) in heads.iter().zip(&cols) {
        if let Some((x, w)) = col {
            pen.ui(buf, *x, area.y, *w, &m.get(key), theme::heading());
        }
    }
    // While a filter is on, the last line says so and how much it lets through.
    let filtered = !sh.outline.view.filter.is_empty();
    let height = usize::from(area.height - 1 - u16::from(filtered && area.height > 2));
    if filtered && area.height > 2 {
        let said = m.get_args(
            "tui-filter-on",
            &[
                ("shown", sh.outline.rows.len().into()),
                ("total", sh.doc.plan.activities.len().into()),
            ],
        );
        pen.ui(
            buf,
            area.x,
            area.bottom() - 1,
            area.width,
            &said,
            theme::warning(),
        );
    }
    let offset = sh.outline.cursor.scrolled(height);
    let plan = &sh.doc.plan;
    let lang = sh.content_lang;
    for (i, row) in sh.outline.rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let Some(a) = plan.activities.get(&row.id) else {
            continue;
        };
        let selected = i == sh.outline.cursor.row;
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let (start, finish, slack) = dates(sh, a);
        let critical = sh.doc.dates(&a.id).is_some_and(|d| d.critical);
        let lead = a
            .lead
            .as_ref()
            .map(|l| {
                plan.partners
                    .get(l)
                    .map_or(l.to_string(), |p| p.label(lang).to_owned())
            })
            .unwrap_or_default();
        let mark = if a.kind == ActivityKind::Milestone {
            "◆ "
        } else {
            ""
        };
        let tree = tree_cell(
            a.id.as_str(),
            row.depth,
            row.has_children,
            row.collapsed,
            pen.mirrored(),
        );
        let tree_align = if pen.mirrored() {
            Align::Right
        } else {
            Align::Left
        };
        let title_style = if critical && !selected {
            theme::critical()
        } else {
            style
        };
        let cells: [(String, Lang, Align, Style); 7] = [
            (tree, Lang::En, tree_align, style),
            (
                format!("{mark}{}", a.title.show(lang)),
                lang,
                Align::Natural,
                title_style,
            ),
            (start, Lang::En, Align::Natural, style),
            (finish, Lang::En, Align::Natural, style),
            {
                let (said, st) = standing(sh, a);
                (
                    said,
                    sh.lang,
                    Align::Natural,
                    if selected { style } else { st },
                )
            },
            (lead, lang, Align::Natural, style),
            (slack, Lang::En, Align::Right, style),
        ];
        for ((text, l, align, st), col) in cells.iter().zip(&cols) {
            if let Some((x, w)) = col {
                pen.text(buf, Rect::new(*x, y, *w, 1), text, *st, *l, *align);
            }
        }
    }
    if sh.outline.rows.is_empty() {
        let key = if sh.outline.view.filter.is_empty() {
            "tui-empty"
        } else {
            "tui-empty-filter"
        };
        pen.ui(
            buf,
            area.x,
            area.y + 1,
            area.width,
            &m.get(key),
            theme::dim(),
        );
    }
}

/// The Activities screen: the outline it shows is shared with the Gantt, so it keeps no state of its own.
#[derive(Clone, Copy, Debug, Default)]
pub struct Activities;

impl super::Component for Activities {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(sh, area, buf)
    }

    fn details(&self, sh: &Shared) -> Option<crate::tui::details::Details> {
        let row = sh.outline.rows.get(sh.outline.cursor.row)?;
        details(sh, &row.id)
    }
}

/// An activity's whole row: id, title in both languages, dates, status, lead and slack.
pub(crate) fn details(sh: &Shared, id: &Id) -> Option<crate::tui::details::Details> {
    let a = sh.doc.plan.activities.get(id)?;
    let m = &sh.msg;
    let title = format!(
        "{} {id}",
        m.get(crate::model::keys::entity_kind(EntityKind::Activity))
    );
    let mut out = crate::tui::details::Details::new(title);
    out.field(m, "col-id", a.id.to_string(), Lang::En);
    out.both(m, "col-title", &a.title);
    let (start, finish, slack) = dates(sh, a);
    out.field(m, "col-start", start, Lang::En);
    out.field(m, "col-finish", finish, Lang::En);
    out.field(m, "col-status", standing(sh, a).0, sh.lang);
    if let Some(lead) = &a.lead {
        let lang = sh.content_lang;
        let name = sh.doc.plan.partners.get(lead).map(|p| p.name.show(lang));
        let said = match name {
            Some(n) if n != lead.as_str() => format!("{n} ({lead})"),
            _ => lead.to_string(),
        };
        out.field(m, "col-lead", said, lang);
    }
    if !slack.is_empty() {
        out.field(m, "col-slack", slack, Lang::En);
    }
    Some(out)
}
