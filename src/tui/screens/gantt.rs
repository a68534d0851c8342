//! The Gantt screen: the activity tree on one side, bars on a time axis on the other, in step
//! with the Activities screen (same rows, same cursor); scroll in time, zoom by scale, today
//! line, critical path and milestones; the Review screen's old revision (a baseline) as dim ghost
//! bars behind the current ones.

use crate::gantt::baseline::Spans;
use crate::gantt::{Gantt, Mark, Options, Scale};
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::paint::fill;
use crate::tui::shared::Shared;
use crate::tui::theme;
use chrono::{Days, Months, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::HashMap;

/// The width of the label column ([`crate::gantt::labels::label_column`]).
fn label_width(sh: &Shared) -> u16 {
    crate::gantt::labels::label_column(sh.size.0)
}

/// The Gantt's scale, first day shown, and its layout for the current plan and width.
#[derive(Clone, Debug, Default)]
pub struct GanttView {
    /// Time per column (month until chosen).
    pub scale: Option<Scale>,
    /// The first day shown (the schedule's start until scrolled).
    pub from: Option<NaiveDate>,
    /// The layout, recomputed when the plan, the scale, the window or the width change.
    pub layout: Option<Gantt>,
    /// The layout row of each activity (by position in the plan).
    pub row_of: HashMap<usize, usize>,
    /// The baseline's mark of each layout row, when a baseline is chosen.
    pub ghosts: Vec<Option<Mark>>,
    /// What the layout was made from: the document's revision, the terminal's size and the
    /// baseline's; `None` when the view changed. The layout is remade only when the Gantt is
    /// shown and one of them changed, so that an edit made elsewhere lays out nothing.
    laid_out_for: Option<(u64, (u16, u16), u64)>,
    /// The outline row the view last followed: moving the cursor to a bar out of view
    /// scrolls to it, scrolling by hand does not snap back.
    followed: Option<usize>,
}

/// The columns of the chart in a terminal `width` wide.
fn columns_of(sh: &Shared) -> u16 {
    sh.size.0.saturating_sub(label_width(sh) + 1).max(10)
}

/// The scale and first day shown: what the user chose, else the whole plan and today fitted
/// into the width at the finest scale that holds them.
fn window(v: &GanttView, sh: &Shared) -> (Scale, NaiveDate) {
    let start = sh.doc.schedule.start;
    let (scale, fitted) = match v.scale {
        Some(s) => (s, None),
        None => {
            let end = sh.doc.schedule.finish.unwrap_or(start).max(sh.today);
            let columns = columns_of(sh);
            let fit = Scale::ALL
                .iter()
                .copied()
                .find(|s| end_of(start, *s, columns) >= end)
                .unwrap_or(Scale::Quarter);
            (fit, Some(start))
        }
    };
    let from = v.from.or(fitted).unwrap_or(start);
    (scale, from)
}

/// `date` moved by `n` units of `scale` (back when `n` is negative).
fn step(date: NaiveDate, scale: Scale, n: i64) -> NaiveDate {
    let k = n.unsigned_abs();
    let months = |m: u64| Months::new(u32::try_from(m).unwrap_or(u32::MAX));
    let moved = match (scale, n >= 0) {
        (Scale::Day, true) => date.checked_add_days(Days::new(k)),
        (Scale::Day, false) => date.checked_sub_days(Days::new(k)),
        (Scale::Week, true) => date.checked_add_days(Days::new(7 * k)),
        (Scale::Week, false) => date.checked_sub_days(Days::new(7 * k)),
        (Scale::Month, true) => date.checked_add_months(months(k)),
        (Scale::Month, false) => date.checked_sub_months(months(k)),
        (Scale::Quarter, true) => date.checked_add_months(months(3 * k)),
        (Scale::Quarter, false) => date.checked_sub_months(months(3 * k)),
    };
    moved.unwrap_or(date)
}

/// Shows `date` a quarter of the way into the chart, at the scale shown.
fn show(v: &mut GanttView, sh: &Shared, date: NaiveDate) {
    let (scale, _) = window(v, sh);
    v.scale = Some(scale);
    v.from = Some(step(date, scale, -i64::from(columns_of(sh) / 4)));
}

/// The selected activity's planned start.
fn selected_start(sh: &Shared) -> Option<NaiveDate> {
    let row = sh.outline.rows.get(sh.outline.cursor.row)?;
    sh.doc.dates(&row.id).map(|d| d.early_start)
}

/// The last day shown when `columns` columns of `scale` start at `from`.
fn end_of(from: NaiveDate, scale: Scale, columns: u16) -> NaiveDate {
    let n = u32::from(columns.max(1));
    let end = match scale {
        Scale::Day => from.checked_add_days(Days::new(u64::from(n))),
        Scale::Week => from.checked_add_days(Days::new(7 * u64::from(n))),
        Scale::Month => from.checked_add_months(Months::new(n)),
        Scale::Quarter => from.checked_add_months(Months::new(3 * n)),
    };
    end.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

impl GanttView {
    /// Lays the chart out again if the plan, the terminal or the baseline (`ghosts`, changed
    /// when `ghosts_revision` changes) changed since it was laid out.
    pub(crate) fn follow(&mut self, sh: &Shared, ghosts: Option<&Spans>, ghosts_revision: u64) {
        let now = (sh.doc.revision(), sh.size, ghosts_revision);
        if self.laid_out_for != Some(now) {
            relayout(self, sh, ghosts);
            self.laid_out_for = Some(now);
        }
        // The cursor moved to a bar out of view: scroll to it.
        let row = sh.outline.cursor.row;
        if self.followed != Some(row) {
            self.followed = Some(row);
            if self
                .selected_mark(sh)
                .is_some_and(|m| matches!(m, Mark::Before | Mark::After))
                && let Some(start) = selected_start(sh)
            {
                show(self, sh, start);
                relayout(self, sh, ghosts);
            }
        }
    }

    /// The mark of the selected activity's row, when it has one.
    fn selected_mark(&self, sh: &Shared) -> Option<Mark> {
        let id = &sh.outline.rows.get(sh.outline.cursor.row)?.id;
        let r = self.row_of.get(sh.doc.position.get(id)?)?;
        Some(self.layout.as_ref()?.rows.get(*r)?.mark)
    }
}

/// Recomputes the layout.
fn relayout(v: &mut GanttView, sh: &Shared, ghosts: Option<&Spans>) {
    let columns = columns_of(sh);
    let (sc, from) = window(v, sh);
    let options = Options {
        scale: Some(sc),
        from: Some(from),
        to: Some(end_of(from, sc, columns)),
        columns,
        today: Some(sh.today),
        months: crate::i18n::month_names(&sh.msg),
    };
    let layout = crate::gantt::layout(&sh.doc.plan, &sh.doc.schedule, &options);
    v.row_of = layout
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| (row.activity, r))
        .collect();
    v.ghosts = ghosts
        .map(|spans| crate::gantt::baseline::ghosts(&layout, &sh.doc.plan, spans))
        .unwrap_or_default();
    v.layout = Some(layout);
}

/// An activity's progress (a group's weighted over its children, 100 once done) and flag.
fn standing(
    sh: &Shared,
    a: &crate::model::Activity,
) -> (u8, Option<crate::schedule::standing::Flag>) {
    if let Some(r) = sh.outline.rollups.get(&a.id) {
        return (r.progress, r.flag);
    }
    let flagged = sh
        .doc
        .position
        .get(&a.id)
        .and_then(|i| sh.doc.schedule.entries.get(*i))
        .and_then(|e| crate::schedule::standing::flag(a, e, sh.today));
    let progress = if a.status == crate::model::Status::Done {
        100
    } else {
        a.progress.min(100)
    };
    (progress, flagged)
}

/// Draws a baseline's mark dim, where the current bar will be drawn over it; returns the
/// columns it took, which the slack leaves to it.
fn draw_ghost(buf: &mut Buffer, cx: u16, cw: u16, y: u16, ghost: Option<Mark>) -> (u16, u16) {
    match ghost {
        Some(Mark::Bar { start, end, .. }) if start < cw => {
            for col in start..=end.min(cw.saturating_sub(1)) {
                buf.set_string(cx + col, y, "▒", theme::dim());
            }
            (start, end)
        }
        Some(Mark::Point { column }) if column < cw => {
            buf.set_string(cx + column, y, "◇", theme::dim());
            (column, column)
        }
        _ => (1, 0),
    }
}

/// Moves the window by `steps` units of the scale.
fn shift(v: &mut GanttView, sh: &mut Shared, steps: i64) {
    let (scale, from) = window(v, sh);
    v.scale = Some(scale);
    v.from = Some(step(from, scale, steps));
}

/// Selects the next milestone still to come after the selected activity (or today), the
/// first again after the last, and shows it.
fn next_milestone(v: &mut GanttView, sh: &mut Shared) {
    let after = selected_start(sh).unwrap_or(sh.today);
    let ahead =
        crate::schedule::standing::next_milestones(&sh.doc.plan, &sh.doc.schedule, sh.today);
    let next = ahead
        .iter()
        .find(|(_, d)| *d > after)
        .or(ahead.first())
        .map(|(id, d)| ((*id).clone(), *d));
    let Some((id, date)) = next else {
        return;
    };
    if let Some(row) = sh.outline.rows.iter().position(|r| r.id == id) {
        sh.outline.cursor.row = row;
        v.followed = Some(row);
    }
    show(v, sh, date);
}

/// A command on the Gantt screen: the tree's movements, plus time and zoom.
pub fn command(v: &mut GanttView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    match c {
        Command::Left => shift(v, sh, -4),
        Command::Right => shift(v, sh, 4),
        Command::PageLeft => shift(v, sh, -i64::from(columns_of(sh).saturating_sub(4))),
        Command::PageRight => shift(v, sh, i64::from(columns_of(sh).saturating_sub(4))),
        Command::GanttStart => {
            let (scale, _) = window(v, sh);
            v.scale = Some(scale);
            v.from = Some(step(sh.doc.schedule.start, scale, -1));
        }
        Command::GanttEnd => {
            let (scale, _) = window(v, sh);
            let finish = sh.doc.schedule.finish.unwrap_or(sh.doc.schedule.start);
            v.scale = Some(scale);
            v.from = Some(step(finish, scale, 2 - i64::from(columns_of(sh))));
        }
        Command::GanttSelected => {
            if let Some(start) = selected_start(sh) {
                show(v, sh, start);
            }
        }
        Command::NextMilestone => next_milestone(v, sh),
        Command::ZoomIn | Command::ZoomOut => {
            let (current, _) = window(v, sh);
            let i = Scale::ALL.iter().position(|s| *s == current).unwrap_or(2);
            let j = if c == Command::ZoomIn {
                i.saturating_sub(1)
            } else {
                (i + 1).min(Scale::ALL.len() - 1)
            };
            v.scale = Scale::ALL.get(j).copied();
            // Zoom around the selected bar (or today): it stays in view at the new scale.
            show(v, sh, selected_start(sh).unwrap_or(sh.today));
            sh.status = sh.msg.get_args(
                "tui-gantt-scale",
                &[(
                    "scale",
                    crate::i18n::Arg::Text(
                        sh.msg.get(&format!("tui-scale-{}", Scale::ALL[j].name())),
                    ),
                )],
            );
        }
        Command::Today => show(v, sh, sh.today),
        _ => return super::activities::command(sh, c),
    }
    v.laid_out_for = None;
    Vec::new()
}

/// Draws the chart.
pub fn draw(v: &GanttView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let Some(g) = &v.layout else {
        return;
    };
    let pen = &sh.pen;
    let cols = pen.columns(area, &[label_width(sh), 0]);
    let ((lx, lw), (cx, cw)) = (cols[0], cols[1]);
    // The axis: major tick labels on the first line, minor ones on the second.
    // Labels are placed so that none touches the next (`khutta gantt` places them alike).
    for (line, major) in [(0u16, true), (1, false)] {
        let width = |s: &str| crate::text::str_width(s);
        for p in crate::gantt::labels::line(&g.axis, major, &width) {
            let column = u16::try_from(p.column).unwrap_or(u16::MAX);
            if column < cw {
                let w = u16::try_from(width(&p.label))
                    .unwrap_or(cw)
                    .min(cw - column);
                pen.text(
                    buf,
                    Rect::new(cx + column, area.y + line, w, 1),
                    &p.label,
                    theme::dim(),
                    sh.msg.lang(),
                    Align::Left,
                );
            }
        }
    }
    // The last line is the legend, which also names the status date of the today line.
    let legend = area.height > 4;
    let height = usize::from(area.height.saturating_sub(2 + u16::from(legend)));
    if legend {
        let said = sh.msg.get_args(
            "tui-gantt-legend",
            &[("today", sh.today.to_string().into())],
        );
        pen.ui(
            buf,
            area.x,
            area.bottom() - 1,
            area.width,
            &said,
            theme::dim(),
        );
    }
    let offset = sh.outline.cursor.scrolled(height);
    for (i, tree_row) in sh.outline.rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 2 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == sh.outline.cursor.row;
        let base = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), base);
        }
        let Some(a) = sh.doc.plan.activities.get(&tree_row.id) else {
            continue;
        };
        let indent = "  ".repeat(usize::from(tree_row.depth).min(8));
        pen.text(
            buf,
            Rect::new(lx, y, lw, 1),
            &format!("{indent}{}", a.title.show(sh.content_lang)),
            base,
            sh.content_lang,
            Align::Natural,
        );
        if let Some(t) = g.today.filter(|t| *t < cw) {
            buf.set_string(cx + t, y, "│", theme::dim());
        }
        let Some((r, row)) = sh
            .doc
            .position
            .get(&a.id)
            .and_then(|p| v.row_of.get(p))
            .and_then(|r| Some((*r, g.rows.get(*r)?)))
        else {
            continue;
        };
        let ghost = v.ghosts.get(r).copied().flatten();
        let (ghost_start, ghost_end) = draw_ghost(buf, cx, cw, y, ghost);
        let (progress, flagged) = standing(sh, a);
        let bar = match flagged {
            Some(crate::schedule::standing::Flag::Late) => theme::error(),
            _ if row.critical => theme::critical(),
            _ => Style::new(),
        };
        let bar = if selected { bar.patch(base) } else { bar };
        let glyph = match row.shape {
            crate::schedule::Shape::Group => "━",
            _ if row.critical => "▓",
            _ => "█",
        };
        match row.mark {
            Mark::Bar {
                start,
                end,
                slack_end,
                cut_start,
                cut_end,
            } => {
                // Done work is a full bar, what is left a thin one: progress reads at a glance.
                let len = u32::from(end - start) + 1;
                let done =
                    start + u16::try_from((len * u32::from(progress) + 50) / 100).unwrap_or(0);
                for col in start..=end.min(cw.saturating_sub(1)) {
                    let g = if col < done || row.shape == crate::schedule::Shape::Group {
                        glyph
                    } else {
                        "▄"
                    };
                    buf.set_string(cx + col, y, g, bar);
                }
                if let Some(s) = slack_end {
                    for col in (end + 1)..=s.min(cw.saturating_sub(1)) {
                        if !(ghost_start..=ghost_end).contains(&col) {
                            buf.set_string(cx + col, y, "░", theme::dim());
                        }
                    }
                }
                if cut_start {
                    buf.set_string(cx + start, y, "‹", bar);
                }
                if cut_end && end < cw {
                    buf.set_string(cx + end, y, "›", bar);
                }
            }
            Mark::Point { column } if column < cw => {
                let m = if row.cancelled {
                    "×"
                } else if row.critical {
                    "◈"
                } else {
                    "◆"
                };
                buf.set_string(cx + column, y, m, bar);
            }
            Mark::Before => buf.set_string(cx, y, "‹", theme::dim()),
            Mark::After => buf.set_string(cx + cw.saturating_sub(1), y, "›", theme::dim()),
            Mark::Unscheduled => buf.set_string(cx, y, "?", theme::error()),
            Mark::Point { .. } => {}
        }
    }
}

impl super::Component for GanttView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }
}
