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
use crate::tui::app::{App, Effect};
use crate::tui::editor::{EditorState, Purpose};
use crate::tui::form::spec::EditorKind;
use crate::tui::lists::Cursor;
use crate::tui::paint::fill;
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

/// The round selected in the rounds list.
pub(crate) fn selected_round(app: &App) -> Option<Id> {
    app.shared
        .doc
        .plan
        .consultations
        .keys()
        .nth(app.screens.consult.rounds.row)
        .cloned()
}

/// A command on the Consultations screen (collect mode reads keys itself).
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    match &app.screens.consult.mode {
        Mode::Rounds => rounds_command(app, c),
        Mode::Design(_) => super::consult_design::command(app, c),
        Mode::Collect(_) => Vec::new(),
        Mode::Results(_) => super::consult_results::command(app, c),
    }
}

fn rounds_command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = app.shared.doc.plan.consultations.len();
    let page = super::page(app);
    if super::move_cursor(&mut app.screens.consult.rounds, c, n, page) {
        return Vec::new();
    }
    let round = selected_round(app);
    match (c, round) {
        (Command::New, _) if !app.shared.doc.read_only => {
            let opts = app.shared.pen.options(Lang::En, Align::Natural);
            app.shared.editor = Some(EditorState::new(
                Purpose::NewRound,
                app.shared.msg.get("tui-new-round").into_owned(),
                EditorKind::Text,
                "",
                Vec::new(),
                opts,
            ));
        }
        (Command::Delete, Some(round)) if !app.shared.doc.read_only => {
            // Only a round nobody answered goes with one key (and undo brings it back); one
            // with answers is removed on disk, where git keeps them.
            let answered = app
                .shared
                .doc
                .plan
                .consultations
                .get(&round)
                .map_or(0, |c| c.responses.len());
            if answered > 0 {
                app.shared.status = app.shared.msg.get_args(
                    "tui-round-has-answers",
                    &[
                        ("round", Arg::Text(round.to_string().into())),
                        ("count", answered.into()),
                    ],
                );
                return Vec::new();
            }
            let edit = Edit::remove_round(&app.shared.doc.plan, &round).map_err(|e| e.said());
            let effects = crate::tui::editing::apply(app, edit);
            let n = app.shared.doc.plan.consultations.len();
            app.screens.consult.rounds.step(0, n);
            return effects;
        }
        (Command::Select, Some(round)) => {
            app.screens.consult.mode = Mode::Design(Design::new(round));
        }
        (Command::Collect | Command::ConsultResults, Some(round)) => {
            return command_on_round(app, c, &round);
        }
        _ => {}
    }
    Vec::new()
}

/// Collect mode or results for `round`, from the rounds list or the designer.
pub(crate) fn command_on_round(app: &mut App, c: Command, round: &Id) -> Vec<Effect> {
    match c {
        Command::Collect => {
            // Answers are still taken (a late form, a paper copy typed in afterwards), but the
            // coordinator is told that the round is not open.
            let status = app
                .shared
                .doc
                .plan
                .consultations
                .get(round)
                .map(|c| c.round.status);
            if let Some(status @ (RoundStatus::Draft | RoundStatus::Closed)) = status {
                let status = status_label(app, status);
                app.shared.status = app.shared.msg.get_args(
                    "tui-collect-not-open",
                    &[
                        ("round", crate::i18n::Arg::Text(round.to_string().into())),
                        ("status", crate::i18n::Arg::Text(status.into())),
                    ],
                );
            }
            app.screens.consult.mode = Mode::Collect(Box::new(Collect::new(app, round.clone())));
        }
        Command::ConsultResults => {
            app.screens.consult.mode = Mode::Results(ResultsView::new(round.clone()));
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
pub(crate) fn after_new_round(app: &mut App, value: &str) {
    let Ok(id) = Id::parse(value.trim()) else {
        return;
    };
    if let Some(row) = app
        .shared
        .doc
        .plan
        .consultations
        .keys()
        .position(|k| *k == id)
    {
        app.screens.consult.rounds.row = row;
        app.screens.consult.mode = Mode::Design(Design::new(id));
    }
}

/// The name of a round's status in the UI's language.
pub(crate) fn status_label(app: &App, s: RoundStatus) -> String {
    let key = match s {
        RoundStatus::Draft => "round-status-draft",
        RoundStatus::Open => "round-status-open",
        RoundStatus::Closed => "round-status-closed",
    };
    app.shared.msg.get(key).into_owned()
}

/// Draws the screen in its current mode.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.screens.consult.mode {
        Mode::Rounds => draw_rounds(app, area, buf),
        Mode::Design(d) => super::consult_design::draw(app, d, area, buf),
        Mode::Collect(c) => super::consult_collect::draw(app, c, area, buf),
        Mode::Results(r) => super::consult_results::draw(app, r, area, buf),
    }
}

fn draw_rounds(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.shared.pen;
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
        pen.ui(
            buf,
            *x,
            area.y,
            *w,
            &app.shared.msg.get(key),
            theme::heading(),
        );
    }
    let plan = &app.shared.doc.plan;
    if plan.consultations.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &app.shared.msg.get("tui-no-rounds"),
            theme::dim(),
        );
    }
    let height = usize::from(area.height.saturating_sub(2));
    let offset = app.screens.consult.rounds.scrolled(height);
    for (i, (id, c)) in plan
        .consultations
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
    {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == app.screens.consult.rounds.row;
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
                c.round.title.show(app.shared.content_lang).to_owned(),
                app.shared.content_lang,
            ),
            (status_label(app, c.round.status), app.shared.lang),
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
    let hint = app.shared.msg.get_args(
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
