//! The round designer: the round's title and status, its questions in order (add, remove,
//! move), each question's fields in both languages, and a preview of the selected question as
//! a participant sees it. Every change is an [`Edit`], so undo and save work as elsewhere.

use super::consult::Mode;
use crate::edit::Edit;
use crate::edit::EditError;
use crate::i18n::Said;
use crate::model::{
    AnswerOption, Aspect, EntityKind, Id, Lang, Question, QuestionKind, Round, RoundStatus, Text,
    Unit,
};
use crate::said;
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::editor::{Choice, EditorState, Purpose};
use crate::tui::form::round::{Field, Target};
use crate::tui::form::round::{KINDS, fields, fresh_option_id, has_options, value};
use crate::tui::form::spec::EditorKind;
use crate::tui::lists::Cursor;
use crate::tui::paint::fill;
use crate::tui::screens::consult::ConsultView;
use crate::tui::search::{self, List};
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The designer's state: row 0 is the round itself, then one row per question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Design {
    /// The round designed.
    pub round: Id,
    /// The selected row.
    pub cursor: Cursor,
    /// The selected field of the selected row, when the fields have the keys.
    pub field: Option<usize>,
}

impl Design {
    /// The designer of `round`, on the round's own row.
    pub fn new(round: Id) -> Design {
        Design {
            round,
            cursor: Cursor::default(),
            field: None,
        }
    }
}

/// A field's label in the UI's language: "Text (Arabic)", "Option 2 (English)".
fn field_label(sh: &Shared, f: Field) -> String {
    let base = match f {
        Field::Option(i, _) => sh
            .msg
            .get_args("design-option", &[("number", (i + 1).into())]),
        _ => sh.msg.get(&format!("design-{}", f.name())).into_owned(),
    };
    match f.lang() {
        Some(l) => format!("{base} ({})", sh.msg.get(lang_key(l))),
        None => base,
    }
}

fn lang_key(l: Lang) -> &'static str {
    match l {
        Lang::Ar => "lang-ar",
        Lang::En => "lang-en",
    }
}

/// The name of a question kind in the UI's language.
pub(crate) fn kind_label(sh: &Shared, name: &str) -> String {
    let key = format!("question-kind-{}", name.to_lowercase());
    if sh.msg.has(&key) {
        sh.msg.get(&key).into_owned()
    } else {
        name.to_owned()
    }
}

/// The name of a plan aspect in the UI's language.
pub(crate) fn aspect_label(sh: &Shared, a: Aspect) -> String {
    sh.msg
        .get(&format!("aspect-{}", format!("{a:?}").to_lowercase()))
        .into_owned()
}

fn shown_value(sh: &Shared, round: &Round, q: Option<&Question>, f: Field) -> String {
    let v = value(round, q, f);
    match f {
        Field::Kind => kind_label(sh, &v),
        Field::Aspect => q.map(|q| aspect_label(sh, q.aspect)).unwrap_or(v),
        Field::Status => super::consult::status_label(sh, round.status),
        _ => v,
    }
}

fn choices(sh: &Shared, f: Field) -> Vec<Choice> {
    let pair = |value: String, label: String| Choice { value, label };
    match f {
        Field::Kind => KINDS
            .iter()
            .map(|k| pair((*k).to_owned(), kind_label(sh, k)))
            .collect(),
        Field::Aspect => Aspect::ALL
            .iter()
            .map(|a| pair(format!("{a:?}"), aspect_label(sh, *a)))
            .collect(),
        Field::Status => RoundStatus::ALL
            .iter()
            .map(|s| pair(format!("{s:?}"), super::consult::status_label(sh, *s)))
            .collect(),
        Field::Item => EntityKind::ALL
            .iter()
            .map(|k| {
                pair(
                    k.dir().to_owned(),
                    sh.msg.get(crate::model::keys::entity_kind(*k)).into_owned(),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn editor_kind(f: Field) -> EditorKind {
    match f {
        Field::Kind | Field::Aspect | Field::Status | Field::Item => EditorKind::Choice(&KINDS),
        Field::Max => EditorKind::Number,
        Field::Date => EditorKind::OptDate,
        Field::RefersTo => EditorKind::Words,
        _ => EditorKind::Text,
    }
}

fn design(v: &ConsultView) -> Option<&Design> {
    match &v.mode {
        Mode::Design(d) => Some(d),
        _ => None,
    }
}

fn design_mut(v: &mut ConsultView) -> Option<&mut Design> {
    match &mut v.mode {
        Mode::Design(d) => Some(d),
        _ => None,
    }
}

/// The selected question of the designer (none on the round's row).
fn selected_question<'a>(sh: &'a Shared, d: &Design) -> Option<&'a Question> {
    let round = &sh.doc.plan.consultations.get(&d.round)?.round;
    d.cursor
        .row
        .checked_sub(1)
        .and_then(|i| round.questions.get(i))
}

/// The designer's rows shown: the round's own row, then the questions whose id or text (in
/// either language) holds the search text. Rows are by position (0: the round); the cursor
/// holds the row, and moves among those shown.
fn shown(sh: &Shared, round: &Round) -> Vec<usize> {
    let found = search::rows(sh, List::Questions, round.questions.len(), |i| {
        let q = &round.questions[i];
        let mut hay = vec![q.id.to_string()];
        hay.extend([Lang::En, Lang::Ar].map(|l| q.text.get(l).unwrap_or_default().to_owned()));
        hay
    });
    std::iter::once(0)
        .chain(found.into_iter().map(|i| i + 1))
        .collect()
}

/// The search of the questions changed: the first question it finds is selected (the round's
/// row when it finds none). Once it is cleared the question selected stays so.
pub(crate) fn search_changed(v: &mut ConsultView, sh: &Shared) {
    if let Some(d) = design_mut(v)
        && let Some(c) = sh.doc.plan.consultations.get(&d.round)
    {
        if !search::on(sh, List::Questions) {
            d.cursor.offset = 0;
            return;
        }
        let rows = shown(sh, &c.round);
        d.cursor = Cursor {
            row: rows.get(1).copied().unwrap_or(0),
            offset: 0,
        };
    }
}

/// Where among the rows shown the cursor is: the cursor as the drawn list counts rows.
fn on_screen(d: &Design, rows: &[usize]) -> Cursor {
    Cursor {
        row: rows.iter().position(|r| *r == d.cursor.row).unwrap_or(0),
        offset: d.cursor.offset,
    }
}

/// A command in the designer.
pub fn command(v: &mut ConsultView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let Some(d) = design(v).cloned() else {
        return Vec::new();
    };
    let Some(round) = sh
        .doc
        .plan
        .consultations
        .get(&d.round)
        .map(|c| c.round.clone())
    else {
        v.mode = Mode::Rounds;
        return Vec::new();
    };
    let q = selected_question(sh, &d).cloned();
    match d.field {
        None => list_command(v, sh, c, &d, &round, q.as_ref()),
        Some(f) => field_command(v, sh, c, &d, &round, q.as_ref(), f),
    }
}

fn list_command(
    v: &mut ConsultView,
    sh: &mut Shared,
    c: Command,
    d: &Design,
    round: &Round,
    q: Option<&Question>,
) -> Vec<Effect> {
    let rows = shown(sh, round);
    let page = sh.page();
    let mut at = on_screen(d, &rows);
    if super::move_cursor(&mut at, c, rows.len(), page) {
        if let Some(dm) = design_mut(v) {
            dm.cursor = Cursor {
                row: rows.get(at.row).copied().unwrap_or(0),
                offset: at.offset,
            };
        }
        return Vec::new();
    }
    // A new question has no text yet: the search would hide it.
    if c == Command::New && search::clear(sh, List::Questions) {
        search_changed(v, sh);
    }
    match c {
        Command::Filter => {
            search::start(sh, List::Questions);
            return Vec::new();
        }
        Command::Back if search::clear(sh, List::Questions) => {
            search_changed(v, sh);
            return Vec::new();
        }
        _ => {}
    }
    if matches!(
        c,
        Command::New | Command::Delete | Command::MoveUp | Command::MoveDown
    ) {
        let unit = Unit::Round {
            round: d.round.clone(),
        };
        let why = crate::tui::rights::refused_consultation(sh, &unit, Some("questions"));
        if crate::tui::rights::refuse(sh, why) {
            return Vec::new();
        }
    }
    let plan = &sh.doc.plan;
    let (id, row) = (&d.round, d.cursor.row);
    let (edit, to) = match (c, q) {
        (Command::Back, _) => {
            v.mode = Mode::Rounds;
            return Vec::new();
        }
        (Command::Select, _) => {
            if let Some(dm) = design_mut(v) {
                dm.field = Some(0);
            }
            return Vec::new();
        }
        (Command::Collect, _) => return super::consult::command_on_round(v, sh, c, id),
        (Command::ConsultResults, _) => return super::consult::command_on_round(v, sh, c, id),
        (Command::New, _) => {
            let fresh = round.fresh_question_id();
            let question = Question::new(
                fresh,
                Text::default(),
                QuestionKind::FreeText,
                Aspect::Activities,
            );
            let edit = Edit::update_round(plan, id, "add question", |r| {
                r.insert_question(row, question)
            });
            (flatten(edit), row + 1)
        }
        (Command::Delete, Some(q)) => (
            Edit::remove_question(plan, id, &q.id).map_err(|e| e.said()),
            row.min(round.questions.len().saturating_sub(1)),
        ),
        (Command::MoveUp | Command::MoveDown, Some(q)) => {
            let delta = if c == Command::MoveUp { -1 } else { 1 };
            let mut at = row;
            let edit = Edit::update_round(plan, id, "order of questions", |r| {
                r.move_question(q.id.as_str(), delta).map(|to| at = to + 1)
            });
            (flatten(edit), at)
        }
        _ => return Vec::new(),
    };
    let effects = crate::tui::editing::apply(sh, edit);
    // The row the edit leaves selected, or the nearest one the search shows.
    let rows = sh
        .doc
        .plan
        .consultations
        .get(id)
        .map_or(vec![0], |c| shown(sh, &c.round));
    let to = rows
        .iter()
        .copied()
        .find(|r| *r >= to)
        .or(rows.last().copied())
        .unwrap_or(0);
    if let Some(dm) = design_mut(v) {
        dm.cursor.row = to;
    }
    effects
}

fn flatten<F: Into<Said>>(r: Result<Result<Edit, F>, EditError>) -> Result<Edit, Said> {
    match r {
        Ok(Ok(e)) => Ok(e),
        Ok(Err(e)) => Err(e.into()),
        Err(e) => Err(e.said()),
    }
}

fn field_command(
    v: &mut ConsultView,
    sh: &mut Shared,
    c: Command,
    d: &Design,
    round: &Round,
    q: Option<&Question>,
    f: usize,
) -> Vec<Effect> {
    let list = fields(q);
    let n = list.len();
    let set_field = |v: &mut ConsultView, to: usize| {
        if let Some(dm) = design_mut(v) {
            dm.field = Some(to.min(n.saturating_sub(1)));
        }
    };
    match c {
        Command::Up => set_field(v, f.saturating_sub(1)),
        Command::Down => set_field(v, f + 1),
        Command::Top => set_field(v, 0),
        Command::Bottom => set_field(v, n),
        Command::Back => {
            if let Some(dm) = design_mut(v) {
                dm.field = None;
            }
        }
        Command::Select if !sh.doc.read_only => {
            let Some(field) = list.get(f).copied() else {
                return Vec::new();
            };
            let top = match field {
                Field::Title(_) => "title",
                Field::Status => "status",
                Field::Date => "date",
                _ => "questions",
            };
            let unit = Unit::Round {
                round: d.round.clone(),
            };
            let why = crate::tui::rights::refused_consultation(sh, &unit, Some(top));
            if crate::tui::rights::refuse(sh, why) {
                return Vec::new();
            }
            let target = Target {
                round: d.round.clone(),
                question: q.map(|q| q.id.clone()),
                field,
            };
            let lang = field.lang().unwrap_or(Lang::En);
            let current = value(round, q, field);
            let opts = sh.pen.options(lang, Align::Natural);
            let title = field_label(sh, field);
            let choices = choices(sh, field);
            sh.editor = Some(EditorState::new(
                Purpose::Design(target),
                title,
                editor_kind(field),
                &current,
                choices,
                opts,
            ));
            crate::tui::editing::revalidate(sh);
        }
        Command::New if q.is_some_and(|q| has_options(&q.kind)) => {
            let Some(q) = q else { return Vec::new() };
            let qid = q.id.clone();
            let fresh = fresh_option_id(q);
            let edit = Edit::update_round(&sh.doc.plan, &d.round, "add option", |r| {
                match r
                    .question_mut(qid.as_str())
                    .and_then(|q| q.kind.options_mut())
                {
                    Some(o) => {
                        o.push(AnswerOption {
                            id: fresh,
                            label: Text::default(),
                        });
                        Ok(())
                    }
                    None => Err(said!("form-no-options")),
                }
            });
            let effects = crate::tui::editing::apply(sh, flatten(edit));
            let last = fields(selected_question(sh, d)).len().saturating_sub(2);
            set_field(v, last);
            return effects;
        }
        Command::Delete => {
            let (Some(q), Some(Field::Option(i, _))) = (q, list.get(f).copied()) else {
                return Vec::new();
            };
            let qid = q.id.clone();
            let edit = Edit::update_round(&sh.doc.plan, &d.round, "remove option", |r| {
                match r
                    .question_mut(qid.as_str())
                    .and_then(|q| q.kind.options_mut())
                {
                    Some(o) if i < o.len() => {
                        o.remove(i);
                        Ok(())
                    }
                    _ => Err(crate::said!("form-no-such-row")),
                }
            });
            let effects = crate::tui::editing::apply(sh, flatten(edit));
            set_field(v, f.saturating_sub(2));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// Draws the designer: the rows on one side, the selected row's fields and the preview on
/// the other.
pub fn draw(sh: &Shared, d: &Design, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let Some(c) = sh.doc.plan.consultations.get(&d.round) else {
        return;
    };
    let round = &c.round;
    let title = sh.msg.get_args(
        "tui-design-title",
        &[
            (
                "round",
                crate::i18n::Arg::Text(d.round.as_str().to_owned().into()),
            ),
            ("count", round.questions.len().into()),
        ],
    );
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2),
    );
    let shown_rows = shown(sh, round);
    let n = round.questions.len();
    let body = search::note(sh, List::Questions, shown_rows.len() - 1, n, body, buf);
    let cols = pen.columns(body, &[(area.width * 2 / 5).max(24), 0]);
    let (lx, lw) = cols[0];
    let (rx, rw) = cols[1];
    // The rows: the round, then its questions.
    let height = usize::from(body.height);
    let cursor = on_screen(d, &shown_rows);
    let offset = cursor.scrolled(height);
    let mut rows = vec![(
        sh.msg.get("tui-design-round-row").into_owned(),
        round.title.show(sh.content_lang).to_owned(),
    )];
    rows.extend(round.questions.iter().enumerate().map(|(i, q)| {
        (
            format!("{:>2}. {}", i + 1, q.id),
            q.text.show(sh.content_lang).to_owned(),
        )
    }));
    let rows: Vec<&(String, String)> = shown_rows.iter().filter_map(|r| rows.get(*r)).collect();
    for (i, (head, text)) in rows.iter().copied().enumerate().skip(offset).take(height) {
        let y = body.y + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == cursor.row;
        let style = if selected && d.field.is_none() {
            theme::selected()
        } else if selected {
            theme::heading()
        } else {
            Style::new()
        };
        if selected && d.field.is_none() {
            fill(buf, Rect::new(lx, y, lw, 1), style);
        }
        let inner = pen.columns(Rect::new(lx, y, lw, 1), &[16, 0]);
        pen.text(
            buf,
            Rect::new(inner[0].0, y, inner[0].1, 1),
            head,
            style,
            Lang::En,
            Align::Natural,
        );
        pen.text(
            buf,
            Rect::new(inner[1].0, y, inner[1].1, 1),
            text,
            style,
            sh.content_lang,
            Align::Natural,
        );
    }
    // The selected row's fields.
    let q = selected_question(sh, d);
    let list = fields(q);
    let field_rows = u16::try_from(list.len()).unwrap_or(0).min(body.height / 2);
    let fcols = pen.columns(Rect::new(rx, body.y, rw, 1), &[22, 0]);
    let foffset = d
        .field
        .unwrap_or(0)
        .saturating_sub(usize::from(field_rows).saturating_sub(1));
    for (i, f) in list
        .iter()
        .enumerate()
        .skip(foffset)
        .take(usize::from(field_rows))
    {
        let y = body.y + u16::try_from(i - foffset).unwrap_or(0);
        let selected = d.field == Some(i);
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(rx, y, rw, 1), style);
        }
        let lang = f.lang().unwrap_or(sh.lang);
        pen.ui(
            buf,
            fcols[0].0,
            y,
            fcols[0].1,
            &field_label(sh, *f),
            if selected { style } else { theme::dim() },
        );
        pen.text(
            buf,
            Rect::new(fcols[1].0, y, fcols[1].1, 1),
            &shown_value(sh, round, q, *f),
            style,
            lang,
            Align::Natural,
        );
    }
    // The preview, in the language plan texts are shown in (L switches).
    if let Some(q) = q {
        let top = body.y + field_rows + 1;
        let heading = sh.msg.get_args(
            "tui-design-preview",
            &[(
                "lang",
                crate::i18n::Arg::Text(sh.msg.get(lang_key(sh.content_lang))),
            )],
        );
        pen.ui(buf, rx, top, rw, &heading, theme::heading());
        let preview = super::consult_collect::Pending::default();
        let lines = super::consult_collect::question_lines(sh, q, sh.content_lang, &preview);
        let room = body.bottom().saturating_sub(top + 1);
        for (i, (text, lang, style)) in lines.iter().take(usize::from(room)).enumerate() {
            let y = top + 1 + u16::try_from(i).unwrap_or(0);
            pen.text(
                buf,
                Rect::new(rx, y, rw, 1),
                text,
                *style,
                *lang,
                Align::Natural,
            );
        }
    }
    let help = if d.field.is_some() {
        sh.msg.get("tui-design-fields-help")
    } else {
        sh.msg.get("tui-design-help")
    };
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &help,
        theme::dim(),
    );
}

/// The selected row's whole text: the round's, or the question's (its id, text and help in
/// both languages, its kind and aspect).
pub(crate) fn details(sh: &Shared, d: &Design) -> Option<crate::tui::details::Details> {
    let Some(q) = selected_question(sh, d) else {
        return super::consult::round_details(sh, &d.round);
    };
    let m = &sh.msg;
    let title = format!("{} · {}", m.get("screen-consultations"), d.round);
    let mut out = crate::tui::details::Details::new(title);
    out.field(m, "col-id", q.id.to_string(), Lang::En);
    out.both(m, "design-text", &q.text);
    out.both(m, "design-help", &q.help);
    let round = &sh.doc.plan.consultations.get(&d.round)?.round;
    let kind = shown_value(sh, round, Some(q), Field::Kind);
    out.field(m, "design-kind", kind, sh.lang);
    out.field(m, "design-aspect", aspect_label(sh, q.aspect), sh.lang);
    Some(out)
}
