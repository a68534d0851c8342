//! A round's results: per question, counts and bars for choices and plan items, the mean and
//! distribution of ratings, the Borda count of rankings and the free-text answers; counted
//! over everyone, or one country, or one type of organisation.

use super::consult::Mode;
use crate::consult::{Filter, QuestionResult, ResultsOptions, Row, Tally, filter_choices, results};
use crate::i18n::Arg;
use crate::model::{Id, Lang};
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::screens::consult::ConsultView;
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The widest bar, in cells.
const BAR: usize = 24;

/// The results view's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultsView {
    /// The round.
    pub round: Id,
    /// Who is counted.
    pub filter: Filter,
    /// The first line shown.
    pub scroll: usize,
    /// Who answered is left out, as `khutta consult results --anonymise` does (for a screen
    /// shown to a room, or shared).
    pub anonymise: bool,
}

impl ResultsView {
    /// Everyone's results of `round`, from the top.
    pub fn new(round: Id) -> ResultsView {
        ResultsView {
            round,
            filter: Filter::default(),
            scroll: 0,
            anonymise: false,
        }
    }
}

/// The next value after `current` in `all`, then none (everyone) again.
fn cycle<T: Clone + PartialEq>(all: &[T], current: &[T]) -> Vec<T> {
    let next = match current.first() {
        None => all.first(),
        Some(c) => all.iter().position(|x| x == c).and_then(|i| all.get(i + 1)),
    };
    next.cloned().into_iter().collect()
}

/// A command on the results view.
pub fn command(v: &mut ConsultView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let Mode::Results(view) = &v.mode else {
        return Vec::new();
    };
    let Some(consultation) = sh.doc.plan.consultations.get(&view.round) else {
        return Vec::new();
    };
    let (countries, kinds) = filter_choices(&sh.doc.plan, consultation);
    let page = sh.page();
    let Mode::Results(view) = &mut v.mode else {
        return Vec::new();
    };
    match c {
        Command::Up => view.scroll = view.scroll.saturating_sub(1),
        Command::Down => view.scroll += 1,
        Command::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Command::PageDown => view.scroll += page,
        Command::Top => view.scroll = 0,
        Command::CycleCountry => {
            view.filter.countries = cycle(&countries, &view.filter.countries);
            view.scroll = 0;
        }
        Command::CycleOrgType => {
            view.filter.organisation_types = cycle(&kinds, &view.filter.organisation_types);
            view.scroll = 0;
        }
        Command::ToggleAnonymise => view.anonymise = !view.anonymise,
        Command::Back => v.mode = Mode::Rounds,
        _ => {}
    }
    Vec::new()
}

fn bar(n: usize, max: usize) -> String {
    if max == 0 || n == 0 {
        return String::new();
    }
    "█".repeat((n * BAR).div_ceil(max).clamp(1, BAR))
}

fn pad(s: &str, width: usize) -> String {
    let s = crate::text::truncate(s, width);
    let fill = width.saturating_sub(crate::text::str_width(&s));
    format!("{s}{}", " ".repeat(fill))
}

/// One line of the results: text, its language, its style.
type ResultLine = (String, Lang, Style);

fn rows_lines(out: &mut Vec<ResultLine>, rows: &[Row], lang: Lang) {
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0);
    let width = rows
        .iter()
        .map(|r| crate::text::str_width(r.label.show(lang)))
        .max()
        .unwrap_or(0)
        .min(36);
    for r in rows {
        out.push((
            format!(
                "  {}  {:<BAR$} {:>3} {:>6.1}%",
                pad(r.label.show(lang), width),
                bar(r.count, max),
                r.count,
                r.share * 100.0
            ),
            lang,
            Style::new(),
        ));
    }
}

/// The lines of one question's results, in the UI's language with plan texts in `lang`.
pub(crate) fn question_result_lines(
    sh: &Shared,
    q: &QuestionResult,
    lang: Lang,
) -> Vec<ResultLine> {
    let m = &sh.msg;
    let ui = sh.lang;
    let mut out: Vec<ResultLine> = Vec::new();
    match &q.tally {
        Tally::SingleChoice { rows } | Tally::MultipleChoice { rows } => {
            rows_lines(&mut out, rows, lang)
        }
        Tally::PlanItems { rows, .. } => rows_lines(&mut out, rows, lang),
        Tally::Rating { distribution, mean } => {
            let max = distribution.iter().copied().max().unwrap_or(0);
            for (i, n) in distribution.iter().enumerate() {
                out.push((
                    format!("  {}  {:<BAR$} {n:>3}", i + 1, bar(*n, max)),
                    Lang::En,
                    Style::new(),
                ));
            }
            let mean = mean.map_or("-".to_owned(), |v| format!("{v:.2}"));
            out.push((
                m.get_args("tui-results-mean", &[("mean", Arg::Text(mean.into()))]),
                ui,
                theme::heading(),
            ));
        }
        Tally::Ranking { rows } => {
            out.push((
                m.get_args(
                    "tui-results-borda",
                    &[
                        ("count", rows.len().into()),
                        ("points", rows.len().saturating_sub(1).into()),
                    ],
                ),
                ui,
                theme::dim(),
            ));
            let max = rows.iter().map(|r| r.points).max().unwrap_or(0);
            for r in rows {
                let points = m.get_args(
                    "tui-results-points",
                    &[("points", r.points.into()), ("first", r.first.into())],
                );
                out.push((
                    format!(
                        "  {:>2}. {}  {:<BAR$} {points}",
                        r.rank,
                        pad(r.label.show(lang), 30),
                        bar(r.points, max)
                    ),
                    lang,
                    Style::new(),
                ));
            }
        }
        Tally::FreeText { answers } => {
            for a in answers {
                let mut by: Vec<String> = Vec::new();
                by.extend(a.participant.as_ref().map(|p| p.to_string()));
                by.extend(a.organisation.clone());
                by.push(a.country.to_string());
                out.push((
                    format!("  - {} ({})", a.text, by.join(", ")),
                    a.language,
                    Style::new(),
                ));
            }
        }
    }
    out
}

/// Every line of a round's results.
fn lines(sh: &Shared, view: &ResultsView) -> Vec<ResultLine> {
    let Some(c) = sh.doc.plan.consultations.get(&view.round) else {
        return Vec::new();
    };
    let lang = sh.content_lang;
    let options = ResultsOptions {
        filter: view.filter.clone(),
        anonymise: view.anonymise,
        lang,
    };
    let r = results(&sh.doc.plan, c, &options);
    let any = sh.msg.get("tui-filter-any").into_owned();
    let country = view
        .filter
        .countries
        .first()
        .map_or(any.clone(), |c| c.to_string());
    let kind = view.filter.organisation_types.first().map_or(any, |k| {
        crate::tui::words::choice_label(&sh.msg, "organisation_type", &format!("{k:?}"))
    });
    let mut who = sh.msg.get_args(
        "tui-results-who",
        &[
            ("shown", r.respondents.into()),
            ("total", r.total.into()),
            ("country", Arg::Text(country.into())),
            ("kind", Arg::Text(kind.into())),
        ],
    );
    if view.anonymise {
        who = format!("{who} · {}", sh.msg.get("tui-results-anonymised"));
    }
    let mut out: Vec<ResultLine> = vec![(who, sh.lang, theme::dim())];
    for q in &r.questions {
        out.push((String::new(), lang, Style::new()));
        let head = sh.msg.get_args(
            "tui-results-question",
            &[
                ("id", Arg::Text(q.id.to_string().into())),
                (
                    "aspect",
                    Arg::Text(super::consult_design::aspect_label(sh, q.aspect).into()),
                ),
                ("answered", q.answered.into()),
            ],
        );
        out.push((head, sh.lang, theme::dim()));
        out.push((q.text.show(lang).to_owned(), lang, theme::heading()));
        out.extend(question_result_lines(sh, q, lang));
    }
    out
}

/// Draws the results, scrolled.
pub fn draw(sh: &Shared, view: &ResultsView, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let title = sh
        .doc
        .plan
        .consultations
        .get(&view.round)
        .map(|c| c.round.title.show(sh.content_lang).to_owned())
        .unwrap_or_default();
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &format!("{} · {title}", sh.msg.get("tui-results-title")),
        theme::heading(),
    );
    let all = lines(sh, view);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = view.scroll.min(all.len().saturating_sub(height));
    for (i, (text, lang, style)) in all.iter().skip(scroll).take(height).enumerate() {
        let y = area.y + 1 + u16::try_from(i).unwrap_or(0);
        pen.text(
            buf,
            Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1),
            text,
            *style,
            *lang,
            Align::Natural,
        );
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &sh.msg.get("tui-results-help"),
        theme::dim(),
    );
}
