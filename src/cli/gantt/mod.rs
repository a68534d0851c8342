//! `khutta gantt`: the plan as a text Gantt chart, for terminals and pipes.
//!
//! The layout (axis, rows, marks) comes from `khutta::gantt`; this file only turns it into
//! characters: Unicode blocks by default, plain ASCII with `--ascii`.

use super::output::Style;
use super::ui::Ui;
use super::{CommandError, clock, resolve_plan};
use khutta::gantt::{Gantt, Options, Scale};
use khutta::model::{Lang, Plan};
use khutta::text::{DisplayOptions, display_line};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod chart;

use chart::{ASCII, Chart, UNICODE};

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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ScaleArg {
    Day,
    Week,
    Month,
    Quarter,
}

/// Fits a title into exactly `width` terminal columns through the text layer: escaped, cut
/// on its logical end with `ellipsis`, reordered when `opts` say khutta reorders, and padded
/// (right-to-left titles on the right).
pub fn fit_label(text: &str, width: usize, ellipsis: char, opts: &DisplayOptions) -> String {
    let line = display_line(text, width, opts);
    if line.truncated && ellipsis != '…' {
        line.text.replace('…', ellipsis.encode_utf8(&mut [0; 4]))
    } else {
        line.text
    }
}

/// Draws the chart. Exit 0; conflicts and cycles are for `khutta check` to fail on.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    if let (Some(f), Some(t)) = (args.from, args.to)
        && t < f
    {
        return Err(CommandError::Usage {
            message: khutta::said!("gantt-to-before-from", to = t, from = f),
            hint: Some(khutta::said!("gantt-to-before-from-hint")),
        });
    }
    let root = resolve_plan(args.plan.as_deref())?;
    let loaded = khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    let today = clock::today(args.today)?;
    let plan = &loaded.plan;
    let schedule = khutta::schedule::schedule(plan);
    let width = args.width.unwrap_or_else(terminal_width);
    let lang = ui.messages.lang();
    let opts = DisplayOptions {
        bidi: ui.chart_bidi(std::io::stdout().is_terminal()),
        ..DisplayOptions::for_lang(lang)
    };
    let glyphs = if args.ascii { &ASCII } else { &UNICODE };
    let labels = labels(plan, lang);
    let order_depth = |g: &Gantt, r: usize| usize::from(g.rows[r].depth);
    // Lay out once with a provisional label width to learn the depths, then for real.
    let probe = khutta::gantt::layout(plan, &schedule, &options(&args, 10, today, ui));
    let longest = (0..probe.rows.len())
        .map(|r| {
            2 * order_depth(&probe, r).min(8)
                + khutta::text::str_width(&labels[probe.rows[r].activity])
        })
        .max()
        .unwrap_or(0);
    // The TUI's rule, narrowed to the longest title when they are all shorter.
    let label_width = longest.clamp(8, usize::from(khutta::gantt::labels::label_column(width)));
    let columns = usize::from(width).saturating_sub(label_width + 1).max(10);
    let columns = u16::try_from(columns).unwrap_or(u16::MAX);
    let gantt = khutta::gantt::layout(plan, &schedule, &options(&args, columns, today, ui));
    let chart = Chart {
        plan,
        gantt: &gantt,
        labels: &labels,
        glyphs,
        style: Style::stdout(),
        label_width,
        lang,
        opts,
        msg: &ui.messages,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    chart.write(&mut out, today)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn options(args: &Args, columns: u16, today: chrono::NaiveDate, ui: &Ui) -> Options {
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
        months: khutta::i18n::month_names(&ui.messages),
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

/// Each activity's title in `lang` (its id when it has none).
fn labels(plan: &Plan, lang: Lang) -> Vec<String> {
    plan.activities
        .values()
        .map(|a| {
            let t = a.title.show(lang);
            // Escaping happens in the text layer, with everything else shown.
            (if t.is_empty() { a.id.as_str() } else { t }).to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_by_display_width() {
        let en = DisplayOptions::for_lang(Lang::En);
        assert_eq!(fit_label("Pilot", 8, '…', &en), "Pilot   ");
        assert_eq!(fit_label("Pilot in Cairo", 8, '…', &en), "Pilot i…");
        assert_eq!(fit_label("Pilot in Cairo", 8, '~', &en), "Pilot i~");
        // Arabic is reordered for display and sits on the right of its column.
        assert_eq!(fit_label("ورشة", 6, '…', &en), "  ةشرو");
        // Harakat take no column of their own.
        assert_eq!(khutta::text::str_width(&fit_label("مُدُن", 6, '…', &en)), 6);
    }
}
