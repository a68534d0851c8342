//! Drawing: a pure function of the state. No IO, no changes to the state.

use super::Screen;
use super::app::App;
use super::editor::EditorState;
use super::form::RowKey;
use super::paint::{Align, fill, put};
use super::popup::Popup;
use super::{screens, theme};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

/// The smallest terminal khutta draws in.
pub const MIN_SIZE: (u16, u16) = (60, 15);

/// Draws the whole TUI.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = format!(
            "The terminal is {}×{}; khutta needs at least {}×{}. Make it larger, or press q to quit.",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        );
        let p = ratatui::widgets::Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true });
        p.render(area, buf);
        return;
    }
    let tabs = Rect::new(area.x, area.y, area.width, 1);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    draw_tabs(app, tabs, buf);
    if app.form.is_some() {
        draw_form(app, body, buf);
    } else {
        screens::draw(app, body, buf);
    }
    draw_status(app, status, buf);
    if let Some(ed) = &app.editor {
        draw_editor(ed, area, frame);
    } else if let Some(p) = &app.popup {
        draw_popup(app, p, area, frame.buffer_mut());
    }
}

fn screen_name(s: Screen) -> &'static str {
    match s {
        Screen::Overview => "Overview",
        Screen::Activities => "Activities",
        Screen::Partners => "Partners",
        Screen::Beneficiaries => "Beneficiaries",
        Screen::Funding => "Funding",
        Screen::Gantt => "Gantt",
        Screen::Problems => "Problems",
    }
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    fill(
        buf,
        area,
        theme::dim().add_modifier(ratatui::style::Modifier::REVERSED),
    );
    let mut x = area.x;
    for (i, s) in Screen::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, screen_name(*s));
        let w = u16::try_from(label.chars().count()).unwrap_or(0);
        if x + w > area.right() {
            break;
        }
        let style = if *s == app.screen {
            theme::tab_active()
        } else {
            theme::dim().add_modifier(ratatui::style::Modifier::REVERSED)
        };
        put(buf, x, area.y, w, &label, style, Align::Left);
        x += w;
    }
}

fn draw_status(app: &App, area: Rect, buf: &mut Buffer) {
    let (errors, warnings) = app.doc.problem_counts();
    let dirty = if app.doc.is_dirty() {
        "● unsaved"
    } else {
        "saved"
    };
    let left = format!(
        " {}  {dirty}  {errors}E {warnings}W  ",
        app.doc.plan.meta.id
    );
    let w = u16::try_from(left.chars().count())
        .unwrap_or(0)
        .min(area.width);
    let style = if app.doc.is_dirty() {
        theme::warning()
    } else {
        theme::dim()
    };
    put(buf, area.x, area.y, w, &left, style, Align::Left);
    let hint = if app.status.is_empty() {
        "? help  q quit  ctrl-s save"
    } else {
        app.status.as_str()
    };
    put(
        buf,
        area.x + w,
        area.y,
        area.width - w,
        hint,
        Style::new(),
        Align::Left,
    );
}

fn draw_form(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(form) = &app.form else { return };
    let title = match &form.target {
        super::form::Target::Entity(k, id) => format!("{} {id}", k.noun()),
        super::form::Target::Plan => "plan".to_owned(),
    };
    let title = match form.item {
        Some((_, i)) => format!("{title} › item {}", i + 1),
        None => title,
    };
    put(
        buf,
        area.x + 1,
        area.y,
        area.width - 1,
        &title,
        theme::heading(),
        Align::Left,
    );
    let rows = form.rows(&app.doc.plan);
    let cursor = if form.item.is_some() {
        form.item_cursor
    } else {
        form.cursor
    };
    let height = usize::from(area.height.saturating_sub(2));
    let offset = cursor.saturating_sub(height.saturating_sub(1));
    let label_w = 18;
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == cursor;
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let label = match row.key {
            RowKey::Item(..) => String::new(),
            RowKey::List(_) => format!("{} ({})", row.name, row.value),
            _ => row.name.to_owned(),
        };
        put(
            buf,
            area.x + 1,
            y,
            label_w,
            &label,
            if selected { style } else { theme::dim() },
            Align::Left,
        );
        let value = match row.key {
            RowKey::List(_) => String::new(),
            RowKey::Item(..) => format!("• {}", row.value),
            _ => row.value.clone(),
        };
        let indent = u16::from(row.depth) * 2;
        put(
            buf,
            area.x + 2 + label_w + indent,
            y,
            area.width.saturating_sub(2 + label_w + indent),
            &value,
            style,
            Align::Left,
        );
    }
    let help = "enter edit  a add  d delete  r rename  e $EDITOR  esc back";
    put(
        buf,
        area.x + 1,
        area.bottom() - 1,
        area.width - 1,
        help,
        theme::dim(),
        Align::Left,
    );
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn draw_editor(ed: &EditorState, area: Rect, frame: &mut Frame) {
    let buf = frame.buffer_mut();
    let visible = ed.visible();
    let list_h = if ed.is_pick() {
        u16::try_from(visible.len())
            .unwrap_or(u16::MAX)
            .clamp(1, 12)
    } else {
        0
    };
    let box_area = centered(area, 70, 5 + list_h);
    Clear.render(box_area, buf);
    Block::bordered()
        .title(ed.title.as_str())
        .render(box_area, buf);
    let inner = box_area.inner(ratatui::layout::Margin::new(1, 1));
    let before: String = ed.input.text().chars().take(ed.input.cursor()).collect();
    let shown = format!("{} ", ed.input.text());
    put(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &shown,
        Style::new(),
        Align::Left,
    );
    let cx = inner.x
        + u16::try_from(unicode_width::UnicodeWidthStr::width(before.as_str()))
            .unwrap_or(0)
            .min(inner.width.saturating_sub(1));
    match &ed.error {
        Some(e) => put(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            e,
            theme::error(),
            Align::Left,
        ),
        None => put(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            "enter to apply, esc to cancel",
            theme::dim(),
            Align::Left,
        ),
    }
    let offset = ed
        .selected
        .saturating_sub(usize::from(list_h).saturating_sub(1));
    for (row, (_, c)) in visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list_h))
    {
        let y = inner.y + 2 + u16::try_from(row - offset).unwrap_or(0);
        let selected = row == ed.selected;
        let tick = if ed.picked.contains(&c.value) {
            "[x] "
        } else if matches!(ed.kind, super::form::spec::EditorKind::Refs(_)) {
            "[ ] "
        } else {
            ""
        };
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        put(
            buf,
            inner.x,
            y,
            inner.width,
            &format!("{tick}{}", c.label),
            style,
            Align::Left,
        );
    }
    frame.set_cursor_position((cx, inner.y));
}

fn draw_popup(app: &App, popup: &Popup, area: Rect, buf: &mut Buffer) {
    let lines: Vec<String> = match popup {
        Popup::ConfirmQuit => vec![
            "There are unsaved changes.".into(),
            String::new(),
            "s save and quit   d discard and quit   esc stay".into(),
        ],
        Popup::ConfirmDelete {
            kind,
            id,
            references,
        } => {
            let mut l = vec![format!("Delete {} `{id}`?", kind.noun())];
            if references.is_empty() {
                l.push("Nothing refers to it.".into());
            } else {
                l.push(format!(
                    "{} references will be left dangling:",
                    references.len()
                ));
                l.extend(references.iter().take(8).map(|r| format!("  {r}")));
                if references.len() > 8 {
                    l.push(format!("  … and {} more", references.len() - 8));
                }
            }
            l.push(String::new());
            l.push("y delete   esc keep".into());
            l
        }
        Popup::Recover(n) => vec![
            format!("A previous session left {n} unsaved changes."),
            String::new(),
            "r recover them   d discard them".into(),
        ],
        Popup::FilterMenu => {
            let f = &app.tree.filter;
            vec![
                format!(
                    "s status:  {}",
                    f.status
                        .map(|s| super::form::value::name_of(&s))
                        .unwrap_or_else(|| "any".into())
                ),
                format!(
                    "p partner: {}",
                    f.partner
                        .as_ref()
                        .map_or("any".to_owned(), |p| p.to_string())
                ),
                format!(
                    "c country: {}",
                    f.country
                        .as_ref()
                        .map_or("any".to_owned(), |c| c.to_string())
                ),
                "x clear    esc close".into(),
            ]
        }
        Popup::Message(m) => vec![m.clone(), String::new(), "any key closes this".into()],
        Popup::Help => help_lines(app),
    };
    let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
    let box_area = centered(area, 72, h);
    Clear.render(box_area, buf);
    Block::bordered().render(box_area, buf);
    for (i, l) in lines.iter().enumerate() {
        let y = box_area.y + 1 + u16::try_from(i).unwrap_or(0);
        if y + 1 >= box_area.bottom() {
            break;
        }
        put(
            buf,
            box_area.x + 2,
            y,
            box_area.width.saturating_sub(4),
            l,
            Style::new(),
            Align::Left,
        );
    }
}

fn help_lines(app: &App) -> Vec<String> {
    let mut out = vec![format!("Keys ({})", screen_name(app.screen))];
    for (cmd, keys) in app.keymap.bindings_for(app.context()) {
        out.push(format!(
            "{:<16} {}",
            keys.join(" "),
            cmd.name().replace('_', " ")
        ));
    }
    out.push("esc closes this".into());
    out
}
