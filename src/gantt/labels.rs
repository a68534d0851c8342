//! Which labels of an axis line are shown, and where, so that no two touch in any language or
//! zoom: the terminal chart and `khutta gantt` place them by the same rule.

use super::{Axis, Scale, Tick};
use chrono::Datelike;

/// A label placed on an axis line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// The column it starts at.
    pub column: usize,
    /// Its text.
    pub label: String,
}

/// The labels of the major (`major`) or minor ticks of `axis`, each at its tick's column and
/// at least one column clear of the next, as wide as `width` says (the caller's display
/// width: a terminal's cells, or characters once put in display order). Major labels are
/// shown whenever they fit; minor ones every `k`-th tick for the least `k` at which all of
/// them fit, so that they keep a regular rhythm. When no month's name fits (a narrow chart
/// in a language with long names), the months are numbered instead.
pub fn line(axis: &Axis, major: bool, width: &dyn Fn(&str) -> usize) -> Vec<Placed> {
    let ticks: Vec<&Tick> = axis.ticks.iter().filter(|t| t.major == major).collect();
    let columns = usize::from(axis.columns);
    let names: Vec<String> = ticks.iter().map(|t| t.label.clone()).collect();
    let placed = place(&ticks, &names, columns, major, width);
    let months = !major && axis.scale != Scale::Day;
    if months && !ticks.is_empty() && placed.is_empty() {
        let numbers: Vec<String> = ticks.iter().map(|t| t.date.month().to_string()).collect();
        return place(&ticks, &numbers, columns, major, width);
    }
    placed
}

fn place(
    ticks: &[&Tick],
    labels: &[String],
    columns: usize,
    major: bool,
    width: &dyn Fn(&str) -> usize,
) -> Vec<Placed> {
    let try_stride = |stride: usize, all: bool| -> Option<Vec<Placed>> {
        let mut out = Vec::new();
        let mut free = 0;
        let mut shown = ticks.iter().zip(labels).step_by(stride).peekable();
        while let Some((t, label)) = shown.next() {
            let c = usize::from(t.column);
            let len = width(label);
            // The first column's label only says where the chart starts; it gives way to a
            // real boundary that follows closely.
            if major
                && c == 0
                && shown
                    .peek()
                    .is_some_and(|(n, _)| usize::from(n.column) <= len)
            {
                continue;
            }
            if c < free || c + len > columns {
                if all {
                    return None;
                }
                continue;
            }
            out.push(Placed {
                column: c,
                label: label.clone(),
            });
            free = c + len + 1;
        }
        Some(out)
    };
    let placed = if major {
        try_stride(1, false)
    } else {
        (1..=ticks.len().max(1)).find_map(|k| try_stride(k, true))
    };
    placed.unwrap_or_default()
}

/// The width of a Gantt's label column in a chart `total` cells wide, for the TUI and
/// `khutta gantt` alike: a third of a wide chart, so that titles that differ only at their
/// end (five city assessments) can be told apart; at least 32 cells while that leaves half
/// for the bars; at most 72.
pub fn label_column(total: u16) -> u16 {
    (total / 3).clamp(32.min(total / 2), 72)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gantt::{MonthNames, english_months};
    use chrono::NaiveDate;

    fn arabic_months() -> MonthNames {
        [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ]
        .map(str::to_owned)
    }

    /// No two labels of a line touch, at any scale, width or language, and every line says
    /// something (the first column's label at least).
    #[test]
    fn labels_never_touch() {
        let from = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap_or_default();
        // Every letter of both alphabets takes one cell.
        let width = |s: &str| s.chars().count();
        for months in [english_months(), arabic_months()] {
            for scale in Scale::ALL {
                for columns in [10u16, 20, 47, 87, 127, 200] {
                    let axis = Axis::new(Some(scale), from, to, columns, &months);
                    for major in [true, false] {
                        let placed = line(&axis, major, &width);
                        for pair in placed.windows(2) {
                            let end = pair[0].column + width(&pair[0].label);
                            assert!(
                                end < pair[1].column,
                                "{scale:?} {columns} major={major}: {pair:?}"
                            );
                        }
                        if let Some(last) = placed.last() {
                            assert!(last.column + width(&last.label) <= usize::from(columns));
                        }
                        if major && columns >= 20 {
                            assert!(!placed.is_empty(), "{scale:?} {columns}: no year shown");
                        }
                    }
                }
            }
        }
    }
}
