//! Putting text into the terminal buffer. Every string goes through the text layer: escaped,
//! cut on its logical end, reordered for display, padded to its column with right-to-left
//! paragraphs on the right. Columns are laid out in reading order and mirrored for an Arabic UI.

use crate::model::Lang;
use crate::text::{Align, BidiMode, Direction, DisplayOptions, Shaping, display_line};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// How text is drawn: the bidi and shaping settings and the UI's reading direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pen {
    /// Who reorders right-to-left text.
    pub bidi: BidiMode,
    /// Who joins Arabic letters.
    pub shaping: Shaping,
    /// The UI's language: its direction mirrors the layout.
    pub ui: Lang,
}

impl Pen {
    /// Whether the layout is mirrored (Arabic UI: labels and the tree on the right).
    pub fn mirrored(&self) -> bool {
        self.ui == Lang::Ar
    }

    /// How a value beside its label is aligned: against the label, whatever the value's own
    /// direction, so that an English id in the Arabic layout (or Arabic text in the English
    /// one) is not a screen's width away from what names it.
    pub fn beside_label(&self) -> Align {
        if self.mirrored() {
            Align::Right
        } else {
            Align::Left
        }
    }

    /// Display options for text whose fallback direction is that of `fallback`.
    pub fn options(&self, fallback: Lang, align: Align) -> DisplayOptions {
        DisplayOptions {
            bidi: self.bidi,
            shaping: self.shaping,
            fallback: Direction::of_lang(fallback),
            align,
        }
    }

    /// Writes `text` in row `y` from column `x`, `width` cells wide. Text without a strong
    /// letter takes the direction of `lang`; `align` places it in the column.
    pub fn text(
        &self,
        buf: &mut Buffer,
        at: Rect,
        text: &str,
        style: Style,
        lang: Lang,
        align: Align,
    ) {
        let (x, y, width) = (at.x, at.y, at.width);
        let area = buf.area;
        if y >= area.bottom() || x >= area.right() || width == 0 {
            return;
        }
        let width = width.min(area.right() - x);
        let line = display_line(text, usize::from(width), &self.options(lang, align));
        let spans: Vec<Span> = line
            .segments()
            .map(|s| Span::styled(s.to_owned(), style))
            .collect();
        Line::from(spans).render(Rect::new(x, y, width, 1), buf);
    }

    /// A UI string (in the UI's language), aligned to the UI's reading side.
    pub fn ui(&self, buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) {
        self.text(
            buf,
            Rect::new(x, y, width, 1),
            text,
            style,
            self.ui,
            Align::Natural,
        );
    }

    /// Lays out columns of `widths` (0: shares what is left) across `area` in reading order,
    /// one cell apart: left to right, or right to left for an Arabic UI.
    pub fn columns(&self, area: Rect, widths: &[u16]) -> Vec<(u16, u16)> {
        let gaps = u16::try_from(widths.len().saturating_sub(1)).unwrap_or(u16::MAX);
        let fixed: u16 = widths.iter().fold(gaps, |a, w| a.saturating_add(*w));
        let flex_n = u16::try_from(widths.iter().filter(|w| **w == 0).count())
            .unwrap_or(1)
            .max(1);
        let flex = area.width.saturating_sub(fixed) / flex_n;
        let mut x = 0u16;
        widths
            .iter()
            .map(|w| {
                let w = if *w == 0 { flex.max(4) } else { *w };
                let w = w.min(area.width.saturating_sub(x));
                let at = if self.mirrored() {
                    area.right().saturating_sub(x + w)
                } else {
                    area.x + x
                };
                x = x.saturating_add(w + 1);
                (at, w)
            })
            .collect()
    }
}

impl Pen {
    /// As [`Pen::columns`], giving way by rank when the room is short: `ranks[i]` 0 is never
    /// dropped; otherwise the highest rank goes first, until the fixed columns leave the
    /// flexible ones (width 0) at least `flex_min` cells each. A dropped column is `None`.
    /// So on a small terminal the titles keep a readable width and the details go.
    pub(crate) fn columns_ranked(
        &self,
        area: Rect,
        widths: &[u16],
        ranks: &[u8],
        flex_min: u16,
    ) -> Vec<Option<(u16, u16)>> {
        let mut kept: Vec<bool> = vec![true; widths.len()];
        let need = |kept: &[bool]| -> u32 {
            let shown: Vec<u16> = widths
                .iter()
                .zip(kept)
                .filter(|(_, k)| **k)
                .map(|(w, _)| *w)
                .collect();
            let gaps = shown.len().saturating_sub(1) as u32;
            shown
                .iter()
                .map(|w| u32::from(if *w == 0 { flex_min } else { *w }))
                .sum::<u32>()
                + gaps
        };
        while need(&kept) > u32::from(area.width) {
            let drop = (0..widths.len())
                .filter(|i| kept[*i] && ranks.get(*i).copied().unwrap_or(0) > 0)
                .max_by_key(|i| ranks.get(*i).copied().unwrap_or(0));
            match drop {
                Some(i) => kept[i] = false,
                None => break,
            }
        }
        let shown: Vec<u16> = widths
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(w, _)| *w)
            .collect();
        let mut placed = self.columns(area, &shown).into_iter();
        kept.iter()
            .map(|k| if *k { placed.next() } else { None })
            .collect()
    }

    /// Lays out items of `widths` side by side with no gap, from the reading side (tabs).
    pub(crate) fn columns_tight(&self, area: Rect, widths: &[u16]) -> Vec<(u16, u16)> {
        let mut x = 0u16;
        widths
            .iter()
            .map(|w| {
                let w = (*w).min(area.width.saturating_sub(x));
                let at = if self.mirrored() {
                    area.right().saturating_sub(x + w)
                } else {
                    area.x + x
                };
                x = x.saturating_add(w);
                (at, w)
            })
            .collect()
    }
}

/// Fills a rectangle with a style (for selected rows and backgrounds).
pub(crate) fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area.intersection(buf.area), style);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pen(ui: Lang) -> Pen {
        Pen {
            bidi: BidiMode::App,
            shaping: Shaping::Terminal,
            ui,
        }
    }

    #[test]
    fn columns_give_way_highest_rank_first_and_the_title_keeps_its_room() {
        let p = pen(Lang::En);
        let widths = [20, 0, 10, 10, 15, 12];
        let ranks = [0, 0, 4, 3, 2, 5];
        // Wide enough: every column, the title takes the rest.
        let wide = p.columns_ranked(Rect::new(0, 0, 120, 1), &widths, &ranks, 24);
        assert!(wide.iter().all(Option::is_some));
        assert_eq!(wide[1].map(|c| c.1), Some(120 - 20 - 10 - 10 - 15 - 12 - 5));
        // 80 columns: the lead (rank 5), then the start (4) give way; the title gets 32.
        let narrow = p.columns_ranked(Rect::new(0, 0, 80, 1), &widths, &ranks, 24);
        let kept: Vec<bool> = narrow.iter().map(Option::is_some).collect();
        assert_eq!(kept, [true, true, false, true, true, false]);
        assert_eq!(narrow[1].map(|c| c.1), Some(80 - 20 - 10 - 15 - 3));
        // Rank 0 never goes, however narrow.
        let tiny = p.columns_ranked(Rect::new(0, 0, 30, 1), &widths, &ranks, 24);
        assert!(tiny[0].is_some() && tiny[1].is_some());
        assert!(tiny[2..].iter().all(Option::is_none));
    }

    #[test]
    fn columns_mirror_in_arabic() {
        let area = Rect::new(0, 0, 30, 1);
        assert_eq!(
            pen(Lang::En).columns(area, &[5, 0, 3]),
            vec![(0, 5), (6, 20), (27, 3)]
        );
        assert_eq!(
            pen(Lang::Ar).columns(area, &[5, 0, 3]),
            vec![(25, 5), (4, 20), (0, 3)]
        );
    }

    #[test]
    fn arabic_is_reordered_and_right_aligned() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        pen(Lang::En).text(
            &mut buf,
            Rect::new(0, 0, 10, 1),
            "خطة",
            Style::new(),
            Lang::Ar,
            Align::Natural,
        );
        let row: String = (0..10).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(row, "       ةطخ");
    }
}
