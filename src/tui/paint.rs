//! Putting text into the terminal buffer: plan text escaped, fitted to its column, aligned.

use crate::text::escape_controls;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// How text sits in its column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Against the left edge.
    Left,
    /// Against the right edge.
    Right,
}

/// `s` made safe and cut to `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    let safe = escape_controls(s);
    if safe.width() <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in safe.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Writes `s` in the row `y` from column `x`, `width` wide, aligned, in `style`.
pub fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, s: &str, style: Style, align: Align) {
    let area = buf.area;
    if y >= area.bottom() || x >= area.right() || width == 0 {
        return;
    }
    let width = width.min(area.right() - x);
    let text = fit(s, usize::from(width));
    let w = u16::try_from(text.width()).unwrap_or(width).min(width);
    let start = match align {
        Align::Left => x,
        Align::Right => x + width - w,
    };
    buf.set_stringn(start, y, &text, usize::from(width), style);
}

/// Fills a rectangle with a style (for selected rows and backgrounds).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area.intersection(buf.area), style);
}
