//! The Consultations screen: the plan's rounds, and from a round its designer, collect mode
//! and results. This file owns the screen's state and the rounds list; each mode has its own
//! file.

use super::consult_collect::Collect;
use super::consult_design::Design;
use super::consult_results::ResultsView;
use crate::edit::Edit;
use crate::i18n::Arg;
use crate::model::{Id, Lang, Round, RoundStatus, Text, Venue};
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::editor::{EditorState, Purpose};
use crate::tui::form::spec::EditorKind;
use crate::tui::lists::Cursor;
use crate::tui::paint::fill;
use crate::tui::search::{self, List};
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The Consultations screen's state.
#[derive(Clone, Debug, Default)]
pub struct ConsultView {
    /// The selected round in the rounds list.
    pub rounds: Cursor,
    /// What the screen shows.
    pub mode: Mode,
}

/// What the Consultations screen shows.
#[derive(Clone, Debug, Default)]
pub enum Mode {
    /// The rounds of the plan.
    #[default]
    Rounds,
    /// One round's questions, to add, edit and reorder, with a preview.
    Design(Design),
    /// The questionnaire, one participant at a time.
    Collect(Box<Collect>),
    /// One round's results.
    Results(ResultsView),
}

/// The rounds shown, as positions among the plan's rounds: all of them, or those whose id or
/// title (in either language) holds the search text.
pub(crate) fn shown(sh: &Shared) -> Vec<usize> {
    let rounds: Vec<&Round> = sh
        .doc
        .plan
        .consultations
        .values()
        .map(|c| &c.round)
        .collect();
    search::rows(sh, List::Rounds, rounds.len(), |i| {
        let r = rounds[i];
        let mut hay = vec![r.id.to_string()];
        hay.extend([Lang::En, Lang::Ar].map(|l| r.title.get(l).unwrap_or_default().to_owned()));
        hay
    })
}

/// The round selected in the rounds list.
pub(crate) fn selected_round(v: &ConsultView, sh: &Shared) -> Option<Id> {
    let i = *shown(sh).get(v.rounds.row)?;
    sh.doc.plan.consultations.keys().nth(i).cloned()
}

/// A command on the Consultations screen (collect mode reads keys itself).
pub fn command(v: &mut ConsultView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    match &v.mode {
        Mode::Rounds => rounds_command(v, sh, c),
        Mode::Design(_) => super::consult_design::command(v, sh, c),
        Mode::Collect(_) => Vec::new(),
        Mode::Results(_) => super::consult_results::command(v, sh, c),
    }
}

fn rounds_command(v: &mut ConsultView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let n = shown(sh).len();
    let page = sh.page();
    if super::move_cursor(&mut v.rounds, c, n, page) {
        return Vec::new();
    }
    let round = selected_round(v, sh);
    match (c, round) {
        (Command::Filter, _) => search::start(sh, List::Rounds),
        (Command::Back, _) if search::clear(sh, List::Rounds) => v.rounds = Cursor::default(),
        (Command::New, _) if !sh.doc.read_only => {
            let opts = sh.pen.options(Lang::En, Align::Natural);
            sh.editor = Some(EditorState::new(
                Purpose::NewRound,
                sh.msg.get("tui-new-round").into_owned(),
                EditorKind::Text,
                "",
                Vec::new(),
                opts,
            ));
        }
        (Command::Delete, Some(round)) if !sh.doc.read_only => {
            // Only a round nobody answered goes with one key (and undo brings it back); one
            // with answers is removed on disk, where git keeps them.
            let answered = sh
                .doc
                .plan
                .consultations
                .get(&round)
                .map_or(0, |c| c.responses.len());
            if answered > 0 {
                sh.status = sh.msg.get_args(
                    "tui-round-has-answers",
                    &[
                        ("round", Arg::Text(round.to_string().into())),
                        ("count", answered.into()),
                    ],
                );
                return Vec::new();
            }
            let edit = Edit::remove_round(&sh.doc.plan, &round).map_err(|e| e.said());
            let effects = crate::tui::editing::apply(sh, edit);
            let n = shown(sh).len();
            v.rounds.step(0, n);
            return effects;
        }
        (Command::Select, Some(round)) => {
            // Each round's questions are searched afresh.
            search::clear(sh, List::Questions);
            v.mode = Mode::Design(Design::new(round));
        }
        (Command::Collect | Command::ConsultResults, Some(round)) => {
            return command_on_round(v, sh, c, &round);
        }
        _ => {}
    }
    Vec::new()
}

/// Collect mode or results for `round`, from the rounds list or the designer.
pub(crate) fn command_on_round(
    v: &mut ConsultView,
    sh: &mut Shared,
    c: Command,
    round: &Id,
) -> Vec<Effect> {
    match c {
        Command::Collect => {
            // Answers are still taken (a late form, a paper copy typed in afterwards), but the
            // coordinator is told that the round is not open.
            let status = sh.doc.plan.consultations.get(round).map(|c| c.round.status);
            if let Some(status @ (RoundStatus::Draft | RoundStatus::Closed)) = status {
                let status = status_label(sh, status);
                sh.status = sh.msg.get_args(
                    "tui-collect-not-open",
                    &[
                        ("round", crate::i18n::Arg::Text(round.to_string().into())),
                        ("status", crate::i18n::Arg::Text(status.into())),
                    ],
                );
            }
            v.mode = Mode::Collect(Box::new(Collect::new(sh, round.clone())));
        }
        Command::ConsultResults => {
            v.mode = Mode::Results(ResultsView::new(round.clone()));
        }
        _ => {}
    }
    Vec::new()
}

/// The edit that adds an empty draft round `value`, held online until a place is set.
pub(crate) fn new_round(plan: &crate::model::Plan, value: &str) -> Result<Edit, crate::i18n::Said> {
    let id = Id::parse(value.trim()).map_err(|e| e.said())?;
    let title = Text::en(id.as_str());
    Edit::add_round(plan, Round::new(id, title, Venue::Online)).map_err(|e| e.said())
}

/// After a round was added: select it and open its designer.
pub(crate) fn after_new_round(v: &mut ConsultView, sh: &mut Shared, value: &str) {
    let Ok(id) = Id::parse(value.trim()) else {
        return;
    };
    // The new round is selected in the list, which a search would hide it from.
    search::clear(sh, List::Rounds);
    search::clear(sh, List::Questions);
    if let Some(row) = sh.doc.plan.consultations.keys().position(|k| *k == id) {
        v.rounds.row = row;
        v.mode = Mode::Design(Design::new(id));
    }
}

/// The name of a round's status in the UI's language.
pub(crate) fn status_label(sh: &Shared, s: RoundStatus) -> String {
    let key = match s {
        RoundStatus::Draft => "round-status-draft",
        RoundStatus::Open => "round-status-open",
        RoundStatus::Closed => "round-status-closed",
    };
    sh.msg.get(key).into_owned()
}

/// Draws the screen in its current mode.
pub fn draw(v: &ConsultView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    match &v.mode {
        Mode::Rounds => draw_rounds(v, sh, area, buf),
        Mode::Design(d) => super::consult_design::draw(sh, d, area, buf),
        Mode::Collect(c) => super::consult_collect::draw(sh, c, area, buf),
        Mode::Results(r) => super::consult_results::draw(sh, r, area, buf),
    }
}

fn draw_rounds(v: &ConsultView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let heads = [
        ("col-id", 14u16),
        ("col-title", 0),
        ("col-status", 10),
        ("col-date", 11),
        ("col-questions", 10),
        ("col-responses", 10),
    ];
    let cols = pen.columns(area, &heads.iter().map(|h| h.1).collect::<Vec<_>>());
    for ((key, _), (x, w)) in heads.iter().zip(&cols) {
        pen.ui(buf, *x, area.y, *w, &sh.msg.get(key), theme::heading());
    }
    let plan = &sh.doc.plan;
    let rows = shown(sh);
    let all: Vec<(&Id, &crate::model::Consultation)> = plan.consultations.iter().collect();
    // The rounds-help line stays last; the search's line goes above it.
    let above = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let above = search::note(sh, List::Rounds, rows.len(), all.len(), above, buf);
    search::none(
        sh,
        List::Rounds,
        rows.len(),
        Rect::new(area.x + 1, area.y + 1, area.width.saturating_sub(2), 1),
        buf,
    );
    if plan.consultations.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &sh.msg.get("tui-no-rounds"),
            theme::dim(),
        );
    }
    let height = usize::from(above.height.saturating_sub(1));
    let offset = v.rounds.scrolled(height);
    for (i, (id, c)) in rows
        .iter()
        .filter_map(|r| all.get(*r).copied())
        .enumerate()
        .skip(offset)
        .take(height)
    {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == v.rounds.row;
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let cells = [
            (id.to_string(), Lang::En),
            (
                c.round.title.show(sh.content_lang).to_owned(),
                sh.content_lang,
            ),
            (status_label(sh, c.round.status), sh.lang),
            (
                c.round.date.map(|d| d.to_string()).unwrap_or_default(),
                Lang::En,
            ),
            (c.round.questions.len().to_string(), Lang::En),
            (c.responses.len().to_string(), Lang::En),
        ];
        for ((text, lang), (x, w)) in cells.iter().zip(&cols) {
            pen.text(
                buf,
                Rect::new(*x, y, *w, 1),
                text,
                style,
                *lang,
                Align::Natural,
            );
        }
    }
    let hint = sh.msg.get_args(
        "tui-rounds-help",
        &[("count", Arg::from(plan.consultations.len()))],
    );
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &hint,
        theme::dim(),
    );
}

impl super::Component for ConsultView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }

    fn details(&self, sh: &Shared) -> Option<crate::tui::details::Details> {
        match &self.mode {
            Mode::Rounds => {
                let id = selected_round(self, sh)?;
                round_details(sh, &id)
            }
            Mode::Design(d) => super::consult_design::details(sh, d),
            Mode::Collect(_) | Mode::Results(_) => None,
        }
    }
}

/// A round's whole row: its id, title in both languages, status, date and counts.
pub(crate) fn round_details(sh: &Shared, id: &Id) -> Option<crate::tui::details::Details> {
    let c = sh.doc.plan.consultations.get(id)?;
    let m = &sh.msg;
    let mut out = crate::tui::details::Details::new(m.get("screen-consultations").into_owned());
    out.field(m, "col-id", id.to_string(), Lang::En);
    out.both(m, "col-title", &c.round.title);
    out.field(m, "col-status", status_label(sh, c.round.status), sh.lang);
    let date = c.round.date.map(|d| d.to_string()).unwrap_or_default();
    out.field(m, "col-date", date, Lang::En);
    let questions = c.round.questions.len().to_string();
    out.field(m, "col-questions", questions, Lang::En);
    out.field(m, "col-responses", c.responses.len().to_string(), Lang::En);
    Some(out)
}
