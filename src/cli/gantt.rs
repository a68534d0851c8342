//! `khutta gantt`: the plan as a text Gantt chart, for terminals and pipes.
//!
//! The layout (axis, rows, marks) comes from `khutta::gantt`; this file only turns it into
//! characters: Unicode blocks by default, plain ASCII with `--ascii`.

use super::output::Style;
use super::{CommandError, clock, resolve_plan};
use khutta::gantt::{Gantt, Mark, Options, Scale};
use khutta::model::{Lang, Plan};
use khutta::schedule::Shape;
use khutta::text::escape_controls;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Arguments of `khutta gantt`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan folder (default: the current folder, or the bundled plan).
    plan: Option<PathBuf>,
    /// The time one column covers (default: the finest that fits).
    #[arg(long, value_enum)]
    scale: Option<ScaleArg>,
    /// The first day shown (default: the planning window's start).
    #[arg(long, value_name = "DATE")]
    from: Option<chrono::NaiveDate>,
    /// The last day shown (default: the plan finish).
    #[arg(long, value_name = "DATE")]
    to: Option<chrono::NaiveDate>,
    /// The width of the chart in columns, titles included (default: the terminal's, or 100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(30..))]
    width: Option<u16>,
    /// The date to treat as today, for the today line (default: `KHUTTA_TODAY`, else the
    /// system clock).
    #[arg(long, value_name = "DATE")]
    today: Option<chrono::NaiveDate>,
    /// Draw with plain ASCII characters only.
    #[arg(long)]
    ascii: bool,
    /// The language of the titles.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ScaleArg {
    Day,
    Week,
    Month,
    Quarter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    En,
    Ar,
}

/// The characters a chart is drawn with.
struct Glyphs {
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

const UNICODE: Glyphs = Glyphs {
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

const ASCII: Glyphs = Glyphs {
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

/// Fits a title into exactly `width` terminal columns: cut with an ellipsis when too wide,
/// padded with spaces when narrower. The one place that decides how a label fits, so that
/// bidi-aware display can replace it.
pub fn fit_label(text: &str, width: usize, ellipsis: char) -> String {
    let mut out = String::with_capacity(width + 4);
    if text.width() <= width {
        out.push_str(text);
    } else {
        let room = width.saturating_sub(ellipsis.width().unwrap_or(1));
        let mut used = 0;
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push(ellipsis);
    }
    let pad = width.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Draws the chart. Exit 0; conflicts and cycles are for `khutta check` to fail on.
pub fn run(args: Args) -> Result<ExitCode, CommandError> {
    if let (Some(f), Some(t)) = (args.from, args.to)
        && t < f
    {
        return Err(CommandError::Usage {
            message: format!("--to {t} comes before --from {f}"),
            hint: Some("give the first day with --from and the last with --to".into()),
        });
    }
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load(&root)?;
    let today = clock::today(args.today)?;
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let width = args.width.unwrap_or_else(terminal_width);
    let lang = match args.lang {
        LangArg::En => Lang::En,
        LangArg::Ar => Lang::Ar,
    };
    let glyphs = if args.ascii { &ASCII } else { &UNICODE };
    let labels = labels(plan, lang);
    let order_depth = |g: &Gantt, r: usize| usize::from(g.rows[r].depth);
    // Lay out once with a provisional label width to learn the depths, then for real.
    let probe = khutta::gantt::layout(plan, &schedule, &options(&args, 10, today));
    let longest = (0..probe.rows.len())
        .map(|r| 2 * order_depth(&probe, r).min(8) + labels[probe.rows[r].activity].width())
        .max()
        .unwrap_or(0);
    let label_width = longest.clamp(8, (usize::from(width) / 3).clamp(12, 40));
    let columns = usize::from(width).saturating_sub(label_width + 1).max(10);
    let columns = u16::try_from(columns).unwrap_or(u16::MAX);
    let gantt = khutta::gantt::layout(plan, &schedule, &options(&args, columns, today));
    let chart = Chart {
        plan,
        gantt: &gantt,
        labels: &labels,
        glyphs,
        style: Style::stdout(),
        label_width,
        lang,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    chart.write(&mut out, today)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn options(args: &Args, columns: u16, today: chrono::NaiveDate) -> Options {
    Options {
        scale: args.scale.map(|s| match s {
            ScaleArg::Day => Scale::Day,
            ScaleArg::Week => Scale::Week,
            ScaleArg::Month => Scale::Month,
            ScaleArg::Quarter => Scale::Quarter,
        }),
        from: args.from,
        to: args.to,
        columns,
        today: Some(today),
    }
}

/// The terminal's width, or 100 columns for a pipe.
fn terminal_width() -> u16 {
    if std::io::stdout().is_terminal() {
        crossterm::terminal::size().map_or(100, |(w, _)| w.max(30))
    } else {
        100
    }
}

/// Each activity's title in `lang` (its id when it has none), with control characters shown.
fn labels(plan: &Plan, lang: Lang) -> Vec<String> {
    plan.activities
        .values()
        .map(|a| {
            let t = a.title.show(lang);
            escape_controls(if t.is_empty() { a.id.as_str() } else { t }).into_owned()
        })
        .collect()
}

/// Everything needed to draw one chart.
struct Chart<'a> {
    plan: &'a Plan,
    gantt: &'a Gantt,
    labels: &'a [String],
    glyphs: &'a Glyphs,
    style: Style,
    label_width: usize,
    lang: Lang,
}

impl Chart<'_> {
    fn write(&self, out: &mut impl Write, today: chrono::NaiveDate) -> std::io::Result<()> {
        let g = self.glyphs;
        let cols = usize::from(self.gantt.axis.columns);
        let title = escape_controls(self.plan.meta.title.show(self.lang)).into_owned();
        let blank = " ".repeat(self.label_width);
        for major in [true, false] {
            let ticks = self.tick_labels(major);
            let label = if major {
                fit_label(&title, self.label_width, g.ellipsis)
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

    /// The labels of major or minor ticks, each placed where it starts. Major labels are
    /// placed whenever they fit; minor ones every `k`-th tick, for the least `k` at which they
    /// all fit, so that they keep a regular rhythm.
    fn tick_labels(&self, major: bool) -> String {
        let cols = usize::from(self.gantt.axis.columns);
        let ticks: Vec<&khutta::gantt::Tick> = self
            .gantt
            .axis
            .ticks
            .iter()
            .filter(|t| t.major == major)
            .collect();
        let place = |stride: usize, all: bool| -> Option<Vec<char>> {
            let mut line = vec![' '; cols];
            let mut free = 0;
            let mut shown = ticks.iter().step_by(stride).peekable();
            while let Some(t) = shown.next() {
                let c = usize::from(t.column);
                let len = t.label.chars().count();
                // The first column's label only says where the chart starts; it gives way to
                // a real boundary that follows closely.
                if major && c == 0 && shown.peek().is_some_and(|n| usize::from(n.column) <= len) {
                    continue;
                }
                if c < free || c + len > cols {
                    if all {
                        return None;
                    }
                    continue;
                }
                for (k, ch) in t.label.chars().enumerate() {
                    line[c + k] = ch;
                }
                free = c + len + 1;
            }
            Some(line)
        };
        let line = if major {
            place(1, false)
        } else {
            (1..=ticks.len().max(1)).find_map(|k| place(k, true))
        };
        line.unwrap_or_default().into_iter().collect()
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
                let note = "no dates: on a dependency cycle";
                for (k, ch) in note.chars().take(cols).enumerate() {
                    cells[k] = (ch, Paint::Critical);
                }
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
        format!(
            "{} task  {} critical  {} group  {} milestone  {} critical milestone  {} cancelled  {} slack  {} waits for another  {} today {today}\nscale: one {} per column, {} to {}",
            g.task,
            g.critical,
            g.group,
            g.milestone,
            g.critical_milestone,
            g.cancelled,
            g.slack,
            g.dependency,
            g.today,
            a.scale.name(),
            a.from,
            a.to
        )
    }
}

fn put_str(cells: &mut [(char, Paint)], at: usize, s: &str) {
    for (k, ch) in s.chars().enumerate() {
        if let Some(c) = cells.get_mut(at + k) {
            *c = (ch, Paint::Dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_by_display_width() {
        assert_eq!(fit_label("Pilot", 8, '…'), "Pilot   ");
        assert_eq!(fit_label("Pilot in Cairo", 8, '…'), "Pilot i…");
        // Arabic letters are one column each; the cut keeps whole characters.
        assert_eq!(fit_label("ورشة عمل", 5, '…').width(), 5);
        // A wide character that does not fit leaves a space instead.
        assert_eq!(fit_label("日本語", 4, '~'), "日~ ");
    }
}
