//! The selected row's whole text (`w`): a list's cells are cut to their columns, and a title in
//! both languages, a long commit message or a problem's message do not fit. The popup shows
//! each field of the row with its name, wrapped, in the UI's layout; each value keeps its own
//! language's direction.

use super::paint::Pen;
use super::theme;
use crate::i18n::Messages;
use crate::model::{Lang, Text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

/// A row's fields, named, for the popup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    /// What the row is (the screen, the entity and its id).
    pub title: String,
    /// The fields in order.
    pub fields: Vec<Field>,
}

/// One field: its name in the UI's language and its whole value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name.
    pub label: String,
    /// The value, uncut.
    pub value: String,
    /// The language of the value (its direction when it has no letter).
    pub lang: Lang,
}

impl Details {
    /// Details titled `title`, with no field yet.
    pub(crate) fn new(title: String) -> Details {
        Details {
            title,
            fields: Vec::new(),
        }
    }

    /// Adds the field named by message `key` (a column heading), valued `value` in `lang`.
    pub(crate) fn field(&mut self, m: &Messages, key: &str, value: String, lang: Lang) {
        self.fields.push(Field {
            label: m.get(key).into_owned(),
            value,
            lang,
        });
    }

    /// Adds a text in both languages, each as its own field named `key (language)`; a missing
    /// language is left out.
    pub(crate) fn both(&mut self, m: &Messages, key: &str, text: &Text) {
        for (lang, name) in [(Lang::En, "lang-en"), (Lang::Ar, "lang-ar")] {
            if let Some(t) = text.get(lang).filter(|t| !t.is_empty()) {
                self.fields.push(Field {
                    label: format!("{} ({})", m.get(key), m.get(name)),
                    value: t.to_owned(),
                    lang,
                });
            }
        }
    }
}

/// The width of the field names' column.
const LABEL: u16 = 22;

/// One line of the popup: a field's name (on its first line only) and a piece of its value.
struct Line<'a> {
    label: &'a str,
    value: String,
    lang: Lang,
}

/// Draws `d` in a box over `area`, as wide as 80 columns allow, each value wrapped to its
/// column; what does not fit the height ends with `…`.
pub(crate) fn draw(pen: &Pen, m: &Messages, d: &Details, area: Rect, buf: &mut Buffer) {
    let width = area.width.min(76);
    let inner_w = width.saturating_sub(4);
    let cols = pen.columns(Rect::new(0, 0, inner_w, 1), &[LABEL, 0]);
    let value_w = usize::from(cols[1].1.max(1));
    let mut lines: Vec<Line> = Vec::new();
    for f in &d.fields {
        let pieces = super::view::wrap_words(&f.value, value_w);
        for (i, piece) in pieces.into_iter().enumerate() {
            lines.push(Line {
                label: if i == 0 { &f.label } else { "" },
                value: piece,
                lang: f.lang,
            });
        }
    }
    // Title, fields, a blank line and how to close, inside the border.
    let room = usize::from(area.height.saturating_sub(2 + 3));
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            let cut = crate::text::truncate(&last.value, value_w.saturating_sub(1)).into_owned();
            last.value = format!("{cut}…");
        }
    }
    let h = u16::try_from(lines.len() + 3)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    let box_area = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - h) / 2,
        width,
        h,
    );
    Clear.render(box_area, buf);
    Block::bordered().render(box_area, buf);
    let x0 = box_area.x + 2;
    pen.ui(buf, x0, box_area.y + 1, inner_w, &d.title, theme::heading());
    for (i, l) in lines.iter().enumerate() {
        let y = box_area.y + 2 + u16::try_from(i).unwrap_or(0);
        let (lx, lw) = cols[0];
        let (vx, vw) = cols[1];
        pen.ui(buf, x0 + lx, y, lw, l.label, theme::dim());
        pen.text(
            buf,
            Rect::new(x0 + vx, y, vw, 1),
            &l.value,
            Style::new(),
            l.lang,
            pen.beside_label(),
        );
    }
    let y = box_area.bottom().saturating_sub(2);
    pen.ui(buf, x0, y, inner_w, &m.get("tui-any-key"), theme::dim());
}
