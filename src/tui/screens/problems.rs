//! The Problems screen: the check's diagnostics, refreshed after every edit.

use crate::check::{Severity, Subject};
use crate::i18n::Arg;
use crate::model::Lang;
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::details::Details;
use crate::tui::form::{FormState, Target};
use crate::tui::paint::fill;
use crate::tui::search::{self, List};
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The Problems screen's own state.
#[derive(Clone, Debug, Default)]
pub struct ProblemsView {
    /// The selected problem.
    pub cursor: crate::tui::lists::Cursor,
}

/// The problems shown, as positions in the document's diagnostics: all of them, or those
/// whose message, hint, file or code hold the search text.
pub(crate) fn shown(sh: &Shared) -> Vec<usize> {
    let diags = &sh.doc.diagnostics;
    search::rows(sh, List::Problems, diags.len(), |i| {
        let d = &diags[i];
        vec![
            d.message.show(&sh.msg),
            d.hint.show(&sh.msg),
            d.path.clone(),
            d.code.as_str().to_owned(),
        ]
    })
}

/// The selected problem.
fn selected<'a>(v: &ProblemsView, sh: &'a Shared) -> Option<&'a crate::check::Diagnostic> {
    shown(sh)
        .get(v.cursor.row)
        .and_then(|i| sh.doc.diagnostics.get(*i))
}

/// A command on the Problems screen: Enter opens what the problem is about.
pub fn command(v: &mut ProblemsView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let n = shown(sh).len();
    let page = sh.page();
    if super::move_cursor(&mut v.cursor, c, n, page) {
        return Vec::new();
    }
    match c {
        Command::Filter => search::start(sh, List::Problems),
        Command::Back if search::clear(sh, List::Problems) => v.cursor = Default::default(),
        _ => {}
    }
    if c == Command::Select
        && let Some(d) = selected(v, sh)
    {
        match &d.subject {
            Subject::Entity { entity, id } if sh.doc.plan.contains(*entity, id.as_str()) => {
                let mut form = FormState::new(Target::Entity(*entity, id.clone()));
                form.cursor = row_of(&form, &sh.doc.plan, d).unwrap_or(0);
                sh.form = Some(form);
            }
            Subject::Plan if !sh.doc.read_only => sh.form = Some(FormState::new(Target::Plan)),
            _ => {
                sh.status = sh.msg.get_args(
                    "tui-cannot-open",
                    &[("path", Arg::Text(d.path.clone().into()))],
                )
            }
        }
    }
    Vec::new()
}

/// The form row a problem points at: its field (`dependencies`, `title.en`), and among a
/// list's items the one holding the value it names (the missing id), so that Enter lands on
/// what is to be fixed rather than on the id.
fn row_of(
    form: &FormState,
    plan: &crate::model::Plan,
    d: &crate::check::Diagnostic,
) -> Option<usize> {
    let field = d.anchor.field?;
    let rows = form.rows(plan);
    let of_field =
        |r: &&crate::tui::form::Row| r.name == field || r.name.split('.').next() == Some(field);
    let holds = |r: &&crate::tui::form::Row| {
        d.anchor
            .value
            .as_deref()
            .is_some_and(|v| r.value.contains(v))
    };
    // A field inside a list's items (`activity` of a dependency) has no row of its own: the
    // item holding the value is the place.
    let row = rows
        .iter()
        .filter(of_field)
        .find(holds)
        .or_else(|| rows.iter().find(of_field))
        .or_else(|| rows.iter().filter(|r| r.depth > 0).find(holds))?;
    rows.iter().position(|r| r == row)
}

/// Draws the diagnostics.
pub fn draw(v: &ProblemsView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let all = &sh.doc.diagnostics;
    let rows = shown(sh);
    let diags: Vec<&crate::check::Diagnostic> = rows.iter().filter_map(|i| all.get(*i)).collect();
    let area = search::note(sh, List::Problems, diags.len(), all.len(), area, buf);
    let cols = pen.columns(area, &[5, 30, 0]);
    for (key, (x, w)) in ["col-code", "col-file", "col-message"].iter().zip(&cols) {
        pen.ui(buf, *x, area.y, *w, &sh.msg.get(key), theme::heading());
    }
    if diags.is_empty() && search::on(sh, List::Problems) {
        search::none(
            sh,
            List::Problems,
            0,
            Rect::new(area.x, area.y + 1, area.width, 1),
            buf,
        );
        return;
    }
    if diags.is_empty() {
        pen.ui(
            buf,
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(2),
            &sh.msg.get("no-problems"),
            theme::ok(),
        );
        return;
    }
    // The last line says what to do about the selected problem; above it, its whole message
    // when the column cuts it (a cycle's path, on a small terminal).
    let mut detail = Vec::new();
    if let Some(d) = diags.get(v.cursor.row) {
        let message = d.message.show(&sh.msg);
        if crate::text::str_width(&message) > usize::from(cols[2].1) && area.height > 8 {
            detail = crate::tui::view::wrap_words(&message, usize::from(area.width));
            detail.truncate(usize::from(area.height / 4));
        }
    }
    let below = u16::try_from(detail.len()).unwrap_or(0) + 1;
    let height = usize::from(area.height.saturating_sub(1 + below));
    for (i, line) in detail.iter().enumerate() {
        let y = area.y + area.height - below + u16::try_from(i).unwrap_or(0);
        pen.text(
            buf,
            Rect::new(area.x, y, area.width, 1),
            line,
            ratatui::style::Style::new(),
            sh.msg.lang(),
            Align::Natural,
        );
    }
    if let Some(d) = diags.get(v.cursor.row) {
        let hint = sh
            .msg
            .get_args("check-hint", &[("hint", d.hint.show(&sh.msg).into())]);
        let y = area.y + area.height.saturating_sub(1);
        pen.text(
            buf,
            Rect::new(area.x, y, area.width, 1),
            &hint,
            theme::dim(),
            sh.msg.lang(),
            Align::Natural,
        );
    }
    let offset = v.cursor.scrolled(height);
    for (i, d) in diags.iter().copied().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == v.cursor.row;
        let base = if selected {
            theme::selected()
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), base);
        }
        let level = if d.severity == Severity::Error {
            theme::error()
        } else {
            theme::warning()
        };
        pen.text(
            buf,
            Rect::new(cols[0].0, y, cols[0].1, 1),
            d.code.as_str(),
            if selected { base } else { level },
            Lang::En,
            Align::Natural,
        );
        pen.text(
            buf,
            Rect::new(cols[1].0, y, cols[1].1, 1),
            &d.path,
            base,
            Lang::En,
            Align::Natural,
        );
        // The message is in the UI's language; ids and titles inside it keep their direction.
        pen.text(
            buf,
            Rect::new(cols[2].0, y, cols[2].1, 1),
            &d.message.show(&sh.msg),
            base,
            sh.msg.lang(),
            Align::Natural,
        );
    }
}

impl super::Component for ProblemsView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }

    fn details(&self, sh: &Shared) -> Option<Details> {
        let d = selected(self, sh)?;
        let m = &sh.msg;
        let ui = m.lang();
        let mut out = Details::new(m.get("screen-problems").into_owned());
        out.field(m, "col-code", d.code.as_str().to_owned(), Lang::En);
        // Where in the file, when the check knows it (the plan as edited has no lines).
        let at = if d.line > 0 {
            format!("{}:{}:{}", d.path, d.line, d.col)
        } else {
            d.path.clone()
        };
        out.field(m, "col-file", at, Lang::En);
        out.field(m, "col-message", d.message.show(m), ui);
        out.field(m, "col-hint", d.hint.show(m), ui);
        Some(out)
    }
}
