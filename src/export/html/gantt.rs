//! The Gantt chart as inline SVG, one day per unit of a continuous time scale.
//!
//! Rows, marks, links and today come from `gantt::layout` at the day scale, so the report
//! shows what `khutta gantt` and the TUI show. The chart is cut into blocks of
//! [`ROWS_PER_BLOCK`] rows, each an `<svg>` with its own axis: a printed page can then break
//! between blocks, where one tall SVG would be cut off at the page's edge.
//!
//! Every mark carries `data-id`, `data-start` and `data-finish`, and every block the scale it
//! was drawn at (`data-from`, `data-day-width`, `data-x0`, `data-dir`), so that a reader (or
//! a test) can recompute where each mark belongs. In Arabic the axis is mirrored: day 0 is
//! on the right and time runs to the left, the titles on the right.

use super::escape::{escaped, plan_text, push_escaped};
use super::scale::DayScale;
use crate::gantt::{Gantt, Mark, Row};
use crate::i18n::Messages;
use crate::model::{Activity, DependencyKind, Plan};
use crate::schedule::{Schedule, Shape};
use crate::text::{Direction, base_direction, truncate};
use chrono::{Datelike, Months};
use std::fmt::Write as _;

/// Rows per `<svg>` block.
pub(crate) const ROWS_PER_BLOCK: usize = 30;
/// Width of the titles' column, in SVG units (CSS pixels at full size).
pub(crate) const LABEL_W: f64 = 300.0;
/// Width of the time scale.
pub(crate) const CHART_W: f64 = 940.0;
/// Margin around the drawing.
pub(crate) const PAD: f64 = 10.0;
/// Height of the axis above the rows.
const HEAD_H: f64 = 38.0;
/// Height of a row.
const ROW_H: f64 = 22.0;
/// Height of a task's bar.
const BAR_H: f64 = 12.0;
/// Height of a group's bar.
const GROUP_H: f64 = 6.0;
/// Half the width of a milestone's diamond.
const DIAMOND: f64 = 6.0;
/// Indent per level of the tree of groups.
const INDENT: f64 = 12.0;
/// Display cells a title may take in the titles' column (about 7 units each at 12px).
const LABEL_CELLS: usize = 40;

/// Numbers in SVG coordinates: three decimals, enough for a day a fraction of a unit wide.
fn n(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// Everything a block needs.
pub(crate) struct Chart<'a> {
    pub plan: &'a Plan,
    pub schedule: &'a Schedule,
    pub gantt: &'a Gantt,
    pub scale: DayScale,
    pub messages: &'a Messages,
}

impl Chart<'_> {
    /// Appends the chart: one `<svg>` per block of rows, then the legend.
    pub(crate) fn write(&self, out: &mut String) {
        let rows = &self.gantt.rows;
        // Rows name their activity by position: looked up once, not walked to per row.
        let activities: Vec<&Activity> = self.plan.activities.values().collect();
        let blocks = rows.len().div_ceil(ROWS_PER_BLOCK).max(1);
        for b in 0..blocks {
            let first = b * ROWS_PER_BLOCK;
            let last = (first + ROWS_PER_BLOCK).min(rows.len());
            self.block(out, first..last, &activities);
        }
        self.legend(out);
    }

    fn width() -> f64 {
        2.0 * PAD + LABEL_W + CHART_W
    }

    fn block(&self, out: &mut String, rows: std::ops::Range<usize>, activities: &[&Activity]) {
        let s = &self.scale;
        let w = Self::width();
        let h = HEAD_H + rows.len() as f64 * ROW_H + PAD;
        let _ = write!(
            out,
            "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\" direction=\"{dir}\" data-from=\"{from}\" data-days=\"{days}\" \
             data-day-width=\"{dw}\" data-x0=\"{x0}\" data-dir=\"{dir}\" data-rows=\"{r0}-{r1}\" \
             role=\"img\" aria-label=\"{label}\">",
            w = n(w),
            h = n(h),
            dir = if s.rtl { "rtl" } else { "ltr" },
            from = s.from,
            days = s.days,
            dw = n(s.day_w),
            x0 = n(s.x0),
            r0 = rows.start,
            r1 = rows.end,
            label = escaped(&self.messages.get("html-gantt")),
        );
        out.push('\n');
        for k in 0..rows.len() {
            if k % 2 == 1 {
                let _ = writeln!(
                    out,
                    "<rect class=\"stripe\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{ROW_H}\"/>",
                    n(HEAD_H + k as f64 * ROW_H),
                    n(w)
                );
            }
        }
        let body_h = rows.len() as f64 * ROW_H;
        self.axis(out, body_h);
        for (k, r) in rows.clone().enumerate() {
            self.row(
                out,
                &self.gantt.rows[r],
                activities,
                HEAD_H + k as f64 * ROW_H,
            );
        }
        self.links(out, &rows);
        if let Some(t) = self.gantt.today {
            let x = s.middle(i64::from(t));
            let _ = writeln!(
                out,
                "<line class=\"today\" data-date=\"{}\" x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{y2}\"/>",
                s.from + chrono::Days::new(u64::from(t)),
                x = n(x),
                y1 = n(HEAD_H - 6.0),
                y2 = n(HEAD_H + body_h),
            );
        }
        out.push_str("</svg>\n");
    }

    /// Month lines and labels: a label every `step` months, the least step at which labels
    /// do not run into each other, with the year above January and the first label.
    fn axis(&self, out: &mut String, body_h: f64) {
        let s = &self.scale;
        let month_w = 30.44 * s.day_w;
        let step = [1u32, 2, 3, 6, 12, 24, 60, 120, 600, 1200]
            .into_iter()
            .find(|k| f64::from(*k) * month_w >= 56.0)
            .unwrap_or(1200);
        let months = crate::i18n::month_names(self.messages);
        let first = s.from.with_day(1).unwrap_or(s.from);
        let end = s.from + chrono::Days::new(u64::try_from(s.days).unwrap_or(0));
        let mut d = first;
        let mut shown_year = false;
        let mut k = 0u32;
        // The month grid: ticks at aligned months only, so that labels keep their rhythm.
        while d < end && k < 20_000 {
            k += 1;
            let index = d.year() as i64 * 12 + i64::from(d.month0());
            let next = d.checked_add_months(Months::new(1));
            if index.rem_euclid(i64::from(step)) == 0 && d >= s.from {
                let x = s.begins(s.column(d));
                let _ = writeln!(
                    out,
                    "<line class=\"grid\" x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{y2}\"/>",
                    x = n(x),
                    y1 = n(HEAD_H - 14.0),
                    y2 = n(HEAD_H + body_h),
                );
                let tx = n(x + 3.0 * s.forward());
                if step < 12 {
                    let _ = writeln!(
                        out,
                        "<text class=\"month\" x=\"{tx}\" y=\"{}\">{}</text>",
                        n(HEAD_H - 4.0),
                        escaped(&months[d.month0() as usize]),
                    );
                }
                if d.month0() == 0 || !shown_year || step >= 12 {
                    shown_year = true;
                    let _ = writeln!(
                        out,
                        "<text class=\"year\" x=\"{tx}\" y=\"{}\">{}</text>",
                        n(if step < 12 {
                            HEAD_H - 20.0
                        } else {
                            HEAD_H - 4.0
                        }),
                        d.year()
                    );
                }
            }
            match next {
                Some(nd) => d = nd,
                None => break,
            }
        }
        let _ = writeln!(
            out,
            "<line class=\"rule\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            n(PAD),
            n(Self::width() - PAD),
            y = n(HEAD_H),
        );
    }

    /// The title and the mark of one row at `y`.
    fn row(&self, out: &mut String, row: &Row, activities: &[&Activity], y: f64) {
        let (Some(a), Some(entry)) = (
            activities.get(row.activity),
            self.schedule.entries.get(row.activity),
        ) else {
            return;
        };
        let s = &self.scale;
        let lang = self.messages.lang();
        let title = match a.title.show(lang) {
            "" => a.id.as_str(),
            t => t,
        };
        // The titles' column: on the left in English, on the right in Arabic; each title in
        // its own direction, aligned with the report's.
        let indent = f64::from(row.depth.min(8)) * INDENT;
        let x = if s.rtl {
            Self::width() - PAD - indent
        } else {
            PAD + indent
        };
        let report_dir = if s.rtl {
            Direction::Rtl
        } else {
            Direction::Ltr
        };
        let dir = base_direction(title, report_dir);
        let anchor = if dir == report_dir { "start" } else { "end" };
        let cells = LABEL_CELLS.saturating_sub(usize::from(row.depth.min(8)) * 2);
        let class = match (row.shape, row.critical) {
            (Shape::Group, _) => "label group",
            (_, true) => "label critical",
            _ => "label",
        };
        let _ = writeln!(
            out,
            "<text class=\"{class}\" x=\"{}\" y=\"{}\" direction=\"{}\" text-anchor=\"{anchor}\">{}<title>{}</title></text>",
            n(x),
            n(y + ROW_H / 2.0 + 4.0),
            if dir.is_rtl() { "rtl" } else { "ltr" },
            plan_text(&truncate(title, cells)),
            plan_text(title),
        );
        let Some(d) = entry.dates else { return };
        let mut classes = vec![match row.shape {
            Shape::Task => "task",
            Shape::Milestone => "milestone",
            Shape::Group => "group",
        }];
        if row.critical {
            classes.push("critical");
        }
        if row.cancelled {
            classes.push("cancelled");
        }
        let data = format!(
            "data-id=\"{}\" data-start=\"{}\" data-finish=\"{}\" data-critical=\"{}\"",
            plan_text(a.id.as_str()),
            d.early_start,
            d.early_finish,
            row.critical
        );
        let tip = format!(
            "<title>{} ({} – {})</title>",
            plan_text(title),
            d.early_start,
            d.early_finish
        );
        let class = classes.join(" ");
        let mid = y + ROW_H / 2.0;
        match row.mark {
            Mark::Bar {
                start,
                end,
                slack_end,
                ..
            } => {
                let (start, end) = (i64::from(start), i64::from(end));
                let bx = s.left(start).min(s.left(end));
                let bw = (end - start + 1) as f64 * s.day_w;
                let bh = if row.shape == Shape::Group {
                    GROUP_H
                } else {
                    BAR_H
                };
                if let Some(se) = slack_end {
                    let _ = writeln!(
                        out,
                        "<line class=\"slack\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
                        n(s.ends(end)),
                        n(s.ends(i64::from(se))),
                        y = n(mid),
                    );
                }
                let _ = writeln!(
                    out,
                    "<rect class=\"{class}\" {data} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{tip}</rect>",
                    n(bx),
                    n(mid - bh / 2.0),
                    n(bw),
                    n(bh),
                );
                if row.shape == Shape::Group {
                    // The group's ends point down at its children.
                    for edge in [s.begins(start), s.ends(end)] {
                        let inward = if edge == s.begins(start) {
                            s.forward()
                        } else {
                            -s.forward()
                        };
                        let _ = writeln!(
                            out,
                            "<path class=\"group-end\" d=\"M{} {}h{}l{} {}z\"/>",
                            n(edge),
                            n(mid),
                            n(inward * 6.0),
                            n(-inward * 6.0),
                            n(6.0),
                        );
                    }
                } else if a.progress > 0 && !row.cancelled {
                    let pw = bw * f64::from(a.progress.min(100)) / 100.0;
                    let px = if s.rtl { bx + bw - pw } else { bx };
                    let _ = writeln!(
                        out,
                        "<rect class=\"progress\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                        n(px),
                        n(mid - 2.0),
                        n(pw),
                        n(4.0),
                    );
                }
            }
            Mark::Point { column } => {
                let cx = s.middle(i64::from(column));
                let _ = writeln!(
                    out,
                    "<path class=\"{class}\" {data} d=\"M{} {}l{D} {D}l-{D} {D}l-{D} -{D}z\">{tip}</path>",
                    n(cx),
                    n(mid - DIAMOND),
                    D = n(DIAMOND),
                );
            }
            Mark::Unscheduled | Mark::Before | Mark::After => {}
        }
    }

    /// Dependency arrows between rows of the block, from the predecessor's edge to the
    /// successor's edge that the dependency's type names (FS: finish to start, ...).
    fn links(&self, out: &mut String, rows: &std::ops::Range<usize>) {
        let s = &self.scale;
        // Where each row's mark begins and ends in time: a bar's day edges, a diamond's tips.
        let edges = |r: usize| match self.gantt.rows[r].mark {
            Mark::Bar { start, end, .. } => {
                Some((s.begins(i64::from(start)), s.ends(i64::from(end))))
            }
            Mark::Point { column } => {
                let c = s.middle(i64::from(column));
                Some((c - DIAMOND * s.forward(), c + DIAMOND * s.forward()))
            }
            _ => None,
        };
        for l in &self.gantt.links {
            if !rows.contains(&l.from_row) || !rows.contains(&l.to_row) {
                continue;
            }
            let (Some(p), Some(q)) = (edges(l.from_row), edges(l.to_row)) else {
                continue;
            };
            let (from_start, to_start) = match l.kind {
                DependencyKind::FinishToStart => (false, true),
                DependencyKind::StartToStart => (true, true),
                DependencyKind::FinishToFinish => (false, false),
                DependencyKind::StartToFinish => (true, false),
            };
            let x1 = if from_start { p.0 } else { p.1 };
            let x2 = if to_start { q.0 } else { q.1 };
            let y = |r: usize| HEAD_H + (r - rows.start) as f64 * ROW_H + ROW_H / 2.0;
            let (y1, y2) = (y(l.from_row), y(l.to_row));
            // Out of the predecessor's edge, down (or up) beside the successor, then in.
            let out_dir = if from_start {
                -s.forward()
            } else {
                s.forward()
            };
            let xm = x1 + out_dir * 5.0;
            let y_turn = y2
                + if y2 > y1 {
                    -BAR_H / 2.0 - 2.0
                } else {
                    BAR_H / 2.0 + 2.0
                };
            let in_dir = if to_start { s.forward() } else { -s.forward() };
            let xa = x2 - in_dir * 5.0;
            let class = if l.critical { "link critical" } else { "link" };
            let _ = writeln!(
                out,
                "<path class=\"{class}\" data-kind=\"{}\" d=\"M{} {}H{}V{}H{}V{}H{}\"/>",
                l.kind.code(),
                n(x1),
                n(y1),
                n(xm),
                n(y_turn),
                n(xa),
                n(y2),
                n(x2),
            );
            let _ = writeln!(
                out,
                "<path class=\"{class} head\" d=\"M{} {}l{} -3v6z\"/>",
                n(x2),
                n(y2),
                n(-in_dir * 5.0),
            );
        }
    }

    /// What each kind of mark means.
    fn legend(&self, out: &mut String) {
        let m = self.messages;
        out.push_str("<ul class=\"legend\">");
        for (class, key) in [
            ("task", "report-legend-task"),
            ("critical", "report-legend-critical"),
            ("group", "report-legend-group"),
            ("milestone", "report-legend-milestone"),
            ("slack", "report-legend-slack"),
            ("link", "report-legend-link"),
            ("today", "report-legend-today"),
        ] {
            let _ = write!(out, "<li><span class=\"swatch {class}\"></span>");
            push_escaped(out, &m.get(key));
            out.push_str("</li>");
        }
        out.push_str("</ul>\n");
    }
}
