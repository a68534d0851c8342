//! Drawing a laid-out chart as lines of characters.

use super::fit_label;
use crate::cli::output::Style;
use khutta::gantt::{Gantt, Mark};
use khutta::model::{Lang, Plan};
use khutta::schedule::Shape;
use std::io::Write;

/// The characters a chart is drawn with.
pub(super) struct Glyphs {
    task: char,
    critical: char,
    group: char,
    milestone: char,
    critical_milestone: char,
    cancelled: char,
    slack: char,
    today: char,
    dependency: char,
    before: &'static str,
    after: &'static str,
    rule: char,
    tick: char,
    today_mark: char,
    ellipsis: char,
}

pub(super) const UNICODE: Glyphs = Glyphs {
    task: '█',
    critical: '▓',
    group: '━',
    milestone: '◆',
    critical_milestone: '◈',
    cancelled: '×',
    slack: '░',
    today: '│',
    dependency: '→',
    before: "◂",
    after: "▸",
    rule: '─',
    tick: '┬',
    today_mark: '▼',
    ellipsis: '…',
};

pub(super) const ASCII: Glyphs = Glyphs {
    task: '=',
    critical: '#',
    group: '-',
    milestone: '*',
    critical_milestone: '@',
    cancelled: 'x',
    slack: '.',
    today: '|',
    dependency: '>',
    before: "<<",
    after: ">>",
    rule: '-',
    tick: '+',
    today_mark: 'v',
    ellipsis: '~',
};

/// How a cell is painted on a colour terminal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paint {
    Plain,
    Critical,
    Dim,
}

/// Everything needed to draw one chart.
pub(super) struct Chart<'a> {
    pub plan: &'a Plan,
    pub gantt: &'a Gantt,
    pub labels: &'a [String],
    pub glyphs: &'a Glyphs,
    pub style: Style,
    pub label_width: usize,
    pub lang: Lang,
    pub opts: khutta::text::DisplayOptions,
    pub msg: &'a khutta::i18n::Messages,
}

impl Chart<'_> {
    pub(super) fn write(
        &self,
        out: &mut impl Write,
        today: chrono::NaiveDate,
    ) -> std::io::Result<()> {
        let g = self.glyphs;
        let cols = usize::from(self.gantt.axis.columns);
        let title = self.plan.meta.title.show(self.lang).to_owned();
        let blank = " ".repeat(self.label_width);
        for major in [true, false] {
            let ticks = self.tick_labels(major);
            let label = if major {
                fit_label(&title, self.label_width, g.ellipsis, &self.opts)
            } else if ticks.trim().is_empty() {
                continue;
            } else {
                blank.clone()
            };
            writeln!(out, "{}", format!("{label} {ticks}").trim_end())?;
        }
        let mut rule: Vec<char> = vec![g.rule; cols];
        for t in self.gantt.axis.ticks.iter().filter(|t| t.major) {
            rule[usize::from(t.column)] = g.tick;
        }
        if let Some(t) = self.gantt.today {
            rule[usize::from(t)] = g.today_mark;
        }
        writeln!(out, "{blank} {}", rule.into_iter().collect::<String>())?;
        let mut waits = vec![false; self.gantt.rows.len()];
        for l in &self.gantt.links {
            waits[l.to_row] = true;
        }
        for (r, row) in self.gantt.rows.iter().enumerate() {
            let indent = "  ".repeat(usize::from(row.depth).min(8));
            let label = fit_label(
                &format!("{indent}{}", self.labels[row.activity]),
                self.label_width,
                g.ellipsis,
                &self.opts,
            );
            let label = if row.critical {
                self.style.bold(&label)
            } else {
                label
            };
            writeln!(
                out,
                "{}",
                format!("{label} {}", self.cells(row, waits[r])).trim_end()
            )?;
        }
        writeln!(out)?;
        writeln!(out, "{}", self.legend(today))
    }

    /// The labels of major or minor ticks on one line, placed by the rule the terminal chart
    /// also follows ([`khutta::gantt::labels::line`]).
    fn tick_labels(&self, major: bool) -> String {
        // A label in Arabic (a month's name) is put in display order like the titles; each
        // of its characters then takes one column.
        let opts = khutta::text::DisplayOptions {
            align: khutta::text::Align::None,
            ..self.opts
        };
        let shown = |text: &str| -> Vec<char> {
            khutta::text::display_line(text, usize::MAX, &opts)
                .text
                .chars()
                .collect()
        };
        let cols = usize::from(self.gantt.axis.columns);
        let mut line = vec![' '; cols];
        let width = |text: &str| shown(text).len();
        for p in khutta::gantt::labels::line(&self.gantt.axis, major, &width) {
            let label = shown(&p.label);
            if let Some(cells) = line.get_mut(p.column..p.column + label.len()) {
                cells.copy_from_slice(&label);
            }
        }
        line.into_iter().collect()
    }

    /// The chart cells of one row, painted.
    fn cells(&self, row: &khutta::gantt::Row, waits: bool) -> String {
        let g = self.glyphs;
        let cols = usize::from(self.gantt.axis.columns);
        let mut cells = vec![(' ', Paint::Plain); cols];
        let paint = if row.critical {
            Paint::Critical
        } else {
            Paint::Plain
        };
        let mut first = None;
        match row.mark {
            Mark::Unscheduled => {
                cells[0] = ('?', Paint::Critical);
                return self.paint(&cells);
            }
            Mark::Before => put_str(&mut cells, 0, g.before),
            Mark::After => put_str(
                &mut cells,
                cols.saturating_sub(g.after.chars().count()),
                g.after,
            ),
            Mark::Bar {
                start,
                end,
                slack_end,
                ..
            } => {
                let (s, e) = (usize::from(start), usize::from(end));
                if let Some(se) = slack_end {
                    for c in cells.iter_mut().take(usize::from(se) + 1).skip(e + 1) {
                        *c = (g.slack, Paint::Dim);
                    }
                }
                let ch = match (row.shape, row.critical) {
                    (Shape::Group, _) => g.group,
                    (_, true) => g.critical,
                    _ => g.task,
                };
                for c in cells.iter_mut().take(e + 1).skip(s) {
                    *c = (ch, paint);
                }
                first = Some(s);
            }
            Mark::Point { column } => {
                let ch = match (row.cancelled, row.critical) {
                    (true, _) => g.cancelled,
                    (_, true) => g.critical_milestone,
                    _ => g.milestone,
                };
                cells[usize::from(column)] = (ch, paint);
                first = Some(usize::from(column));
            }
        }
        if let Some(t) = self.gantt.today {
            let cell = &mut cells[usize::from(t)];
            if cell.0 == ' ' || cell.0 == g.slack {
                *cell = (g.today, Paint::Dim);
            }
        }
        if let Some(s) = first.filter(|s| waits && *s > 0)
            && (cells[s - 1].0 == ' ' || cells[s - 1].0 == g.today)
        {
            cells[s - 1] = (g.dependency, Paint::Dim);
        }
        self.paint(&cells)
    }

    /// The cells as text, with one colour sequence per run of equally painted cells.
    fn paint(&self, cells: &[(char, Paint)]) -> String {
        let mut out = String::with_capacity(cells.len() * 3);
        let mut run = String::new();
        let mut current = Paint::Plain;
        for &(ch, p) in cells {
            if p != current {
                out.push_str(&self.flush(&run, current));
                run.clear();
                current = p;
            }
            run.push(ch);
        }
        out.push_str(&self.flush(&run, current));
        out
    }

    fn flush(&self, run: &str, p: Paint) -> String {
        match p {
            _ if run.is_empty() => String::new(),
            Paint::Plain => run.to_owned(),
            Paint::Critical => self.style.error(run),
            Paint::Dim => self.style.dim(run),
        }
    }

    fn legend(&self, today: chrono::NaiveDate) -> String {
        let g = self.glyphs;
        let a = &self.gantt.axis;
        let glyph = |c: char| khutta::i18n::Arg::Text(c.to_string().into());
        let marks = self.msg.get_args(
            "gantt-legend",
            &[
                ("task", glyph(g.task)),
                ("critical", glyph(g.critical)),
                ("group", glyph(g.group)),
                ("milestone", glyph(g.milestone)),
                ("critical_milestone", glyph(g.critical_milestone)),
                ("cancelled", glyph(g.cancelled)),
                ("slack", glyph(g.slack)),
                ("dependency", glyph(g.dependency)),
                ("today_mark", glyph(g.today)),
                ("today", today.to_string().into()),
            ],
        );
        let scale = self.msg.get(&format!("tui-scale-{}", a.scale.name()));
        let scale = self.msg.get_args(
            "gantt-legend-scale",
            &[
                ("scale", scale.into_owned().into()),
                ("from", a.from.to_string().into()),
                ("to", a.to.to_string().into()),
            ],
        );
        let mut lines = vec![marks, scale];
        if self.gantt.rows.iter().any(|r| r.mark == Mark::Unscheduled) {
            lines.push(self.msg.get("gantt-legend-cycle").into_owned());
        }
        // Each line in the order the terminal shows it, as the labels are.
        let shown: Vec<String> = lines
            .iter()
            .map(|l| fit_label(l, khutta::text::str_width(l), g.ellipsis, &self.opts))
            .collect();
        shown.join("\n")
    }
}

fn put_str(cells: &mut [(char, Paint)], at: usize, s: &str) {
    for (k, ch) in s.chars().enumerate() {
        if let Some(c) = cells.get_mut(at + k) {
            *c = (ch, Paint::Dim);
        }
    }
}
