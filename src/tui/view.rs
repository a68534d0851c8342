//! Drawing: a pure function of the state. No IO, no changes to the state.

use super::Screen;
use super::app::App;
use super::editor::EditorState;
use super::form::RowKey;
use super::form::spec::EditorKind;
use super::paint::{Pen, fill};
use super::popup::Popup;
use super::{screens, theme, words};
use crate::i18n::Arg;
use crate::text::Align;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

/// The smallest terminal khutta draws in.
pub(crate) const MIN_SIZE: (u16, u16) = (60, 15);

/// Draws the whole TUI.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let msg = app.shared.msg.get_args(
            "tui-too-small",
            &[
                ("width", usize::from(area.width).into()),
                ("height", usize::from(area.height).into()),
                ("min_width", usize::from(MIN_SIZE.0).into()),
                ("min_height", usize::from(MIN_SIZE.1).into()),
            ],
        );
        let lines = crate::text::display_paragraph(
            &msg,
            usize::from(area.width),
            &app.shared.pen.options(app.shared.lang, Align::Natural),
        );
        let buf = frame.buffer_mut();
        for (i, l) in lines.iter().enumerate().take(usize::from(area.height)) {
            let spans: Vec<Span> = l.segments().map(|s| Span::raw(s.to_owned())).collect();
            Line::from(spans).render(
                Rect::new(
                    area.x,
                    area.y + u16::try_from(i).unwrap_or(0),
                    area.width,
                    1,
                ),
                buf,
            );
        }
        return;
    }
    let tabs = Rect::new(area.x, area.y, area.width, 1);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let buf = frame.buffer_mut();
    draw_tabs(app, tabs, buf);
    if app.shared.form.is_some() {
        let about = screens::consult_about::lines(&app.shared);
        let h = screens::consult_about::height(&about, body.height);
        draw_form(
            app,
            Rect::new(body.x, body.y, body.width, body.height - h),
            buf,
        );
        let below = Rect::new(body.x, body.bottom() - h, body.width, h);
        screens::consult_about::draw(&app.shared, &about, below, buf);
    } else {
        screens::draw(app, body, buf);
    }
    draw_status(app, status, buf);
    if let Some(ed) = &app.shared.editor {
        draw_editor(app, ed, area, frame);
    } else if let Some(p) = &app.shared.popup {
        draw_popup(app, p, area, frame.buffer_mut());
    }
}

/// The tab labels, in reading order, with their widths; shared with the mouse. The
/// Conflicts tab shows only while conflicts wait (of a merge, or of unsaved edits and the disk). When the labels do not fit in `width`, they
/// lose their leading space, so that every tab still shows on a 120-column terminal; when
/// even that is too wide, the last tabs keep only their key (the one you are on keeps its
/// name), so that every tab and where you are always show.
pub(crate) fn tab_labels(app: &App, width: u16) -> Vec<(Screen, String, u16)> {
    let total = |l: &[(Screen, String, u16)]| l.iter().map(|l| u32::from(l.2)).sum::<u32>();
    let spaced = labels(app, true, false);
    if total(&spaced) <= u32::from(width) {
        return spaced;
    }
    let tight = labels(app, false, false);
    if total(&tight) <= u32::from(width) {
        return tight;
    }
    let short = labels(app, false, true);
    // Names from the first tab on, as long as the rest still fit by their keys.
    let mut out = Vec::with_capacity(tight.len());
    for (i, (full, key)) in tight.iter().zip(&short).enumerate() {
        let rest = total(&short[i + 1..]);
        let used = total(&out);
        let named = full.2 != key.2 && used + u32::from(full.2) + rest <= u32::from(width);
        out.push(if named { full.clone() } else { key.clone() });
    }
    out
}

fn labels(app: &App, spaced: bool, short: bool) -> Vec<(Screen, String, u16)> {
    let lead = if spaced { " " } else { "" };
    Screen::ALL
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            **s != Screen::Conflicts
                || app.shared.repo.merge.is_some()
                || !app.shared.doc.conflicts.is_empty()
                || app.shared.screen == Screen::Conflicts
        })
        .map(|(i, s)| {
            // Numbered screens are numbered as if Conflicts were not among them.
            let key = if *s == Screen::Conflicts {
                "C".to_owned()
            } else {
                let before = Screen::ALL[..i].iter().filter(|x| **x != Screen::Conflicts);
                // The tenth screen is on the key after 9 on a keyboard's top row.
                ((before.count() + 1) % 10).to_string()
            };
            let label = if short && *s != app.shared.screen {
                format!("{key} ")
            } else {
                format!("{lead}{key} {} ", words::screen(&app.shared.msg, *s))
            };
            let w = u16::try_from(crate::text::str_width(&label)).unwrap_or(0);
            (*s, label, w)
        })
        .collect()
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let bar = theme::dim().add_modifier(Modifier::REVERSED);
    fill(buf, area, bar);
    let labels = tab_labels(app, area.width);
    let widths: Vec<u16> = labels.iter().map(|l| l.2).collect();
    for ((s, label, _), (x, w)) in labels
        .iter()
        .zip(app.shared.pen.columns_tight(area, &widths))
    {
        let style = if *s == app.shared.screen {
            theme::tab_active()
        } else {
            bar
        };
        app.shared.pen.ui(buf, x, area.y, w, label, style);
    }
}

fn draw_status(app: &App, area: Rect, buf: &mut Buffer) {
    let (errors, warnings) = app.shared.doc.problem_counts();
    let dirty = if app.shared.doc.is_dirty() {
        app.shared.msg.get("tui-unsaved")
    } else {
        app.shared.msg.get("tui-saved")
    };
    let counts = app.shared.msg.get_args(
        "tui-problem-counts",
        &[("errors", errors.into()), ("warnings", warnings.into())],
    );
    let left = format!(" {}  {dirty}  {counts} ", app.shared.doc.plan.meta.id);
    let w = u16::try_from(crate::text::str_width(&left))
        .unwrap_or(0)
        .min(area.width);
    let style = if app.shared.doc.is_dirty() {
        theme::warning()
    } else {
        theme::dim()
    };
    // While a sync runs its progress speaks, until a cancel is asked for.
    let cancelling = app
        .shared
        .repo
        .cancel
        .as_ref()
        .is_some_and(|c| c.is_cancelled());
    let hint = match super::repo_view::progress_note(app) {
        Some(note) if app.shared.repo.busy && !cancelling => note,
        _ if app.shared.status.is_empty() => app.shared.msg.get("tui-keys-hint").into_owned(),
        _ => app.shared.status.clone(),
    };
    let cols = app.shared.pen.columns(area, &[w, 0]);
    app.shared
        .pen
        .ui(buf, cols[0].0, area.y, cols[0].1, &left, style);
    app.shared
        .pen
        .ui(buf, cols[1].0, area.y, cols[1].1, &hint, Style::new());
}

fn draw_form(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(form) = &app.shared.form else { return };
    let pen = &app.shared.pen;
    let mut title = match &form.target {
        super::form::Target::Entity(k, id) => {
            format!(
                "{} {id}",
                app.shared.msg.get(crate::model::keys::entity_kind(*k))
            )
        }
        super::form::Target::Plan => app
            .shared
            .doc
            .plan
            .meta
            .title
            .show(app.shared.content_lang)
            .to_owned(),
    };
    // Under the plan's rules the title says who is editing, and what they may not change is
    // marked ⊘ (Enter on it says why).
    if let Some(who) = super::rights::who(&app.shared) {
        title = format!("{title} · {who}");
    }
    if let Some((_, i)) = form.item {
        title = format!(
            "{title} › {}",
            app.shared
                .msg
                .get_args("tui-form-item", &[("number", (i + 1).into())])
        );
    }
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width - 2,
        &title,
        theme::heading(),
    );
    let rows = form.rows(&app.shared.doc.plan);
    let cursor = if form.item.is_some() {
        form.item_cursor
    } else {
        form.cursor
    };
    let height = usize::from(area.height.saturating_sub(2));
    let offset = cursor.saturating_sub(height.saturating_sub(1));
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let cols = pen.columns(inner, &[26, 0]);
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
        let locked = !matches!(row.key, RowKey::Item(..))
            && super::rights::refused_in_form(&app.shared, row.name).is_some();
        let label = match row.key {
            RowKey::Item(..) => String::new(),
            RowKey::List(_) => {
                format!(
                    "{} ({})",
                    words::field_label(&app.shared.msg, row.name),
                    row.value
                )
            }
            _ => words::field_label(&app.shared.msg, row.name),
        };
        let label = if locked {
            format!("⊘ {label}")
        } else {
            label
        };
        pen.ui(
            buf,
            cols[0].0,
            y,
            cols[0].1,
            &label,
            if selected { style } else { theme::dim() },
        );
        let value = match (row.key, row.editor) {
            (RowKey::List(_), _) => String::new(),
            (RowKey::Item(..), _) => format!("• {}", row.value),
            (_, Some(EditorKind::Choice(_))) => {
                words::choice_label(&app.shared.msg, row.name, &row.value)
            }
            _ => row.value.clone(),
        };
        let lang = if row.name.ends_with(".ar") {
            crate::model::Lang::Ar
        } else if row.name.ends_with(".en") {
            crate::model::Lang::En
        } else {
            app.shared.lang
        };
        let indent = u16::from(row.depth) * 2;
        let (x, w) = cols[1];
        let (x, w) = if pen.mirrored() {
            (x, w.saturating_sub(indent))
        } else {
            (x + indent, w.saturating_sub(indent))
        };
        pen.text(
            buf,
            Rect::new(x, y, w, 1),
            &value,
            style,
            lang,
            pen.beside_label(),
        );
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom() - 1,
        area.width - 2,
        &app.shared.msg.get("tui-form-help"),
        theme::dim(),
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

fn draw_editor(app: &App, ed: &EditorState, area: Rect, frame: &mut Frame) {
    let pen: &Pen = &app.shared.pen;
    let visible = ed.visible();
    let list_h = if ed.is_pick() {
        u16::try_from(visible.len())
            .unwrap_or(u16::MAX)
            .clamp(1, 12)
    } else {
        0
    };
    let box_area = centered(area, 72, 5 + list_h);
    let buf = frame.buffer_mut();
    Clear.render(box_area, buf);
    Block::bordered().render(box_area, buf);
    pen.ui(
        buf,
        box_area.x + 2,
        box_area.y,
        box_area.width.saturating_sub(4),
        &format!(" {} ", ed.title),
        theme::heading(),
    );
    let inner = box_area.inner(ratatui::layout::Margin::new(1, 1));
    let field = ed.input.view(usize::from(inner.width));
    let spans: Vec<Span> = field
        .line
        .segments()
        .map(|s| Span::raw(s.to_owned()))
        .collect();
    Line::from(spans).render(Rect::new(inner.x, inner.y, inner.width, 1), buf);
    let cx = inner.x
        + u16::try_from(field.cursor)
            .unwrap_or(0)
            .min(inner.width.saturating_sub(1));
    match &ed.error {
        Some(e) => pen.ui(buf, inner.x, inner.y + 1, inner.width, e, theme::error()),
        None => pen.ui(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            &app.shared.msg.get("tui-editor-hint"),
            theme::dim(),
        ),
    }
    let offset = ed
        .selected
        .saturating_sub(usize::from(list_h).saturating_sub(1));
    let multiple = matches!(ed.kind, EditorKind::Refs(_));
    for (row, (_, c)) in visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list_h))
    {
        let y = inner.y + 2 + u16::try_from(row - offset).unwrap_or(0);
        let tick = match (multiple, ed.picked.contains(&c.value)) {
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
            _ => "",
        };
        let style = if row == ed.selected {
            theme::selected()
        } else {
            Style::new()
        };
        pen.text(
            buf,
            Rect::new(inner.x, y, inner.width, 1),
            &format!("{tick}{}", c.label),
            style,
            app.shared.content_lang,
            Align::Natural,
        );
    }
    frame.set_cursor_position((cx, inner.y));
}

fn draw_popup(app: &App, popup: &Popup, area: Rect, buf: &mut Buffer) {
    let m = &app.shared.msg;
    let lines: Vec<String> = match popup {
        Popup::Details(d) => return super::details::draw(&app.shared.pen, m, d, area, buf),
        Popup::ConfirmQuit => vec![
            m.get("tui-quit-unsaved").into_owned(),
            String::new(),
            m.get("tui-quit-keys").into_owned(),
        ],
        Popup::ConfirmUndoOperation(n, what) => vec![
            m.get_args(
                "tui-undo-operation-question",
                &[("number", (*n).into()), ("what", Arg::Text(what.into()))],
            ),
            String::new(),
            m.get("tui-undo-operation-keys").into_owned(),
        ],
        Popup::ConfirmDelete {
            kind,
            id,
            references,
        } => {
            let what = m.get(crate::model::keys::entity_kind(*kind));
            let mut l = vec![m.get_args(
                "tui-delete-question",
                &[
                    ("what", Arg::Text(what)),
                    ("id", Arg::Text(id.as_str().into())),
                ],
            )];
            if references.is_empty() {
                l.push(m.get("tui-delete-unreferenced").into_owned());
            } else {
                l.push(m.count("tui-delete-references", references.len()));
                l.extend(references.iter().take(8).map(|r| format!("  {r}")));
                if references.len() > 8 {
                    l.push(m.get_args(
                        "tui-delete-more",
                        &[("count", (references.len() - 8).into())],
                    ));
                }
            }
            l.push(String::new());
            l.push(m.get("tui-delete-keys").into_owned());
            l
        }
        Popup::Recover => {
            let (names, when) = app
                .recovered
                .as_ref()
                .map(|f| (f.names(), f.when.clone()))
                .unwrap_or_default();
            let mut l = vec![m.count("tui-recover-question", names.len())];
            l.extend(names.iter().take(8).map(|n| format!("  {n}")));
            if names.len() > 8 {
                l.push(m.get_args("tui-delete-more", &[("count", (names.len() - 8).into())]));
            }
            if !when.is_empty() {
                l.push(m.get_args("tui-recover-when", &[("when", Arg::Text(when.into()))]));
            }
            l.push(String::new());
            l.push(m.get("tui-recover-keys").into_owned());
            l
        }
        Popup::FilterMenu => {
            let f = &app.shared.outline.view.filter;
            let any = m.get("tui-filter-any").into_owned();
            let status = f.status.map_or(any.clone(), |s| {
                m.get(crate::model::keys::status(s)).into_owned()
            });
            let partner = f.partner.as_ref().map_or(any.clone(), |p| p.to_string());
            let country = f.country.as_ref().map_or(any, |c| c.to_string());
            vec![
                m.get_args("tui-filter-status", &[("value", Arg::Text(status.into()))]),
                m.get_args(
                    "tui-filter-partner",
                    &[("value", Arg::Text(partner.into()))],
                ),
                m.get_args(
                    "tui-filter-country",
                    &[("value", Arg::Text(country.into()))],
                ),
                m.get("tui-filter-keys").into_owned(),
            ]
        }
        Popup::Message(text) => {
            // Wrapped, not cut: a message may end with where a file was kept.
            let mut l: Vec<String> = text.lines().flat_map(|t| wrap_words(t, 72)).collect();
            l.push(String::new());
            l.push(m.get("tui-any-key").into_owned());
            l
        }
        Popup::Help => help_lines(app),
    };
    let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
    let box_area = centered(area, 76, h);
    Clear.render(box_area, buf);
    Block::bordered().render(box_area, buf);
    for (i, l) in lines.iter().enumerate() {
        let y = box_area.y + 1 + u16::try_from(i).unwrap_or(0);
        if y + 1 >= box_area.bottom() {
            break;
        }
        app.shared.pen.ui(
            buf,
            box_area.x + 2,
            y,
            box_area.width.saturating_sub(4),
            l,
            Style::new(),
        );
    }
}

/// The keys of the current screen, two bindings to a line so that they fit 80×24.
fn help_lines(app: &App) -> Vec<String> {
    let m = &app.shared.msg;
    let mut out = vec![m.get_args(
        "tui-help-title",
        &[(
            "screen",
            Arg::Text(words::screen(m, app.shared.screen).into()),
        )],
    )];
    let entries: Vec<String> = app
        .shared
        .keymap
        .bindings_for(app.context())
        .into_iter()
        .filter(|(c, _)| c.screen().is_none() && !c.is_movement())
        .map(|(c, keys)| format!("{:<14} {}", keys.join(" "), words::command(m, c)))
        .collect();
    for pair in entries.chunks(2) {
        let left = crate::text::truncate(&pair[0], 35).into_owned();
        let pad = 36usize.saturating_sub(crate::text::str_width(&left));
        out.push(format!(
            "{left}{}{}",
            " ".repeat(pad),
            pair.get(1).map_or("", String::as_str)
        ));
    }
    out.push(m.get("tui-help-move").into_owned());
    out.push(format!(
        "1-9 C {}",
        Screen::ALL
            .iter()
            .map(|s| words::screen(m, *s))
            .collect::<Vec<_>>()
            .join(" · ")
    ));
    out.push(m.get("tui-help-close").into_owned());
    out
}

/// `line` cut into lines of at most `width` cells, at spaces where it can be and inside a word
/// (a long path) where it must. The pieces stay in logical order; drawing reorders each.
pub(crate) fn wrap_words(line: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut out = vec![String::new()];
    for word in line.split(' ') {
        let cur = out.last_mut().map_or(0, |l| l.width());
        if cur > 0 && cur + 1 + word.width() > width {
            out.push(String::new());
        } else if cur > 0 {
            out.last_mut().into_iter().for_each(|l| l.push(' '));
        }
        for c in word.chars() {
            let last = out.last().map_or(0, |l| l.width());
            if last + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                out.push(String::new());
            }
            out.last_mut().into_iter().for_each(|l| l.push(c));
        }
    }
    out
}

#[cfg(test)]
mod wrap_tests {
    #[test]
    fn long_words_and_sentences_wrap_without_loss() {
        let text =
            "kept as /tmp/state/khutta/recovery/0123456789abcdef0123456789abcdef.json.unreadable";
        let lines = super::wrap_words(text, 20);
        assert!(
            lines
                .iter()
                .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 20)
        );
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert_eq!(super::wrap_words("a b c", 3), ["a b", "c"]);
    }
}
