//! Drawing collect mode: the participant page, a question page, the end.

use super::participant::{FIELDS, ORG_TYPE};
use super::{Collect, Page, Pending};
use crate::i18n::Arg;
use crate::model::{EntityKind, Id, Lang, Question, QuestionKind, RATING_MAX, Text};
use crate::text::Align;
use crate::tui::screens::consult_design::aspect_label;
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

/// One line of a question page: text, the language it is in, its style.
pub type PageLine = (String, Lang, Style);

fn plan_label(sh: &Shared, kind: EntityKind, id: &Id, lang: Lang) -> String {
    let t: Text = crate::consult::item_label(&sh.doc.plan, kind, id);
    t.show(lang).to_owned()
}

/// The lines of question `q` as a participant sees it in `lang`, with `p` chosen so far.
pub fn question_lines(sh: &Shared, q: &Question, lang: Lang, p: &Pending) -> Vec<PageLine> {
    let mut out: Vec<PageLine> = vec![(q.text.show(lang).to_owned(), lang, theme::heading())];
    if !q.help.is_absent() {
        out.push((q.help.show(lang).to_owned(), lang, theme::dim()));
    }
    out.push((String::new(), lang, Style::new()));
    let row = |i: usize, mark: String, label: String| -> PageLine {
        let style = if i == p.cursor {
            theme::selected()
        } else {
            Style::new()
        };
        (format!("{mark} {label}"), lang, style)
    };
    match &q.kind {
        QuestionKind::SingleChoice { options } => {
            for (i, o) in options.iter().enumerate() {
                let mark = if p.picked.contains(&o.id) {
                    "(•)"
                } else {
                    "( )"
                };
                out.push(row(i, mark.to_owned(), o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::MultipleChoice { options, .. } => {
            for (i, o) in options.iter().enumerate() {
                let mark = if p.picked.contains(&o.id) {
                    "[x]"
                } else {
                    "[ ]"
                };
                out.push(row(i, mark.to_owned(), o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::Ranking { options } => {
            for (i, o) in options.iter().enumerate() {
                let mark = match p.picked.iter().position(|x| *x == o.id) {
                    Some(r) => format!("[{}]", r + 1),
                    None => "[ ]".to_owned(),
                };
                out.push(row(i, mark, o.label.show(lang).to_owned()));
            }
        }
        QuestionKind::Rating { low, high } => {
            for i in 0..usize::from(RATING_MAX) {
                let n = i + 1;
                let mark = if p.rating == u8::try_from(n).ok() {
                    "(•)"
                } else {
                    "( )"
                };
                let note = match n {
                    1 => low.show(lang),
                    5 => high.show(lang),
                    _ => "",
                };
                out.push(row(
                    i,
                    mark.to_owned(),
                    format!("{n} {note}").trim_end().to_owned(),
                ));
            }
        }
        QuestionKind::FreeText => {
            // The cursor mark sits between graphemes in logical order, and the display
            // layer puts it where it shows.
            let split = p
                .text
                .grapheme_indices(true)
                .nth(p.caret)
                .map_or(p.text.len(), |(i, _)| i);
            let (before, after) = p.text.split_at(split);
            out.push((format!("> {before}▏{after}"), lang, theme::selected()));
        }
        QuestionKind::PlanItems { item, .. } => {
            for (i, id) in q.candidates(&sh.doc.plan).iter().enumerate() {
                let mark = if p.picked.contains(id) { "[x]" } else { "[ ]" };
                out.push(row(i, mark.to_owned(), plan_label(sh, *item, id, lang)));
            }
        }
    }
    out
}

/// The keys of a question page, in the UI's language.
fn question_help(sh: &Shared, q: &Question) -> String {
    let key = match &q.kind {
        QuestionKind::SingleChoice { .. } => "tui-collect-help-single",
        QuestionKind::Rating { .. } => "tui-collect-help-rating",
        QuestionKind::Ranking { .. } => "tui-collect-help-ranking",
        QuestionKind::FreeText => "tui-collect-help-text",
        _ => "tui-collect-help-multiple",
    };
    sh.msg.get(key).into_owned()
}

/// Draws the questionnaire.
pub fn draw(sh: &Shared, c: &Collect, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let Some(consultation) = sh.doc.plan.consultations.get(&c.round) else {
        return;
    };
    let round = &consultation.round;
    let x = area.x + 2;
    let w = area.width.saturating_sub(4);
    let lang = c.language;
    let title = format!("{} · {}", round.title.show(lang), c.inputs[0]);
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let mut lines: Vec<PageLine> = Vec::new();
    let help = match &c.page {
        Page::Participant => {
            lines.push((
                sh.msg.get("tui-collect-who").into_owned(),
                sh.lang,
                theme::heading(),
            ));
            lines.push((String::new(), sh.lang, Style::new()));
            for (i, key) in FIELDS.iter().enumerate() {
                let value = if i == 1 {
                    sh.msg
                        .get(match c.language {
                            Lang::Ar => "lang-ar",
                            Lang::En => "lang-en",
                        })
                        .into_owned()
                } else if i == ORG_TYPE {
                    match c.org_type {
                        Some(t) => sh
                            .msg
                            .get(crate::model::keys::organisation_type(t))
                            .into_owned(),
                        None => sh.msg.get("collect-org-type-none").into_owned(),
                    }
                } else {
                    c.inputs.get(i).cloned().unwrap_or_default()
                };
                let style = if i == c.field {
                    theme::selected()
                } else {
                    Style::new()
                };
                lines.push((format!("{:<16} {value}", sh.msg.get(key)), sh.lang, style));
            }
            sh.msg.get("tui-collect-help-who").into_owned()
        }
        Page::Question(n) => {
            let Some(q) = round.questions.get(*n) else {
                return;
            };
            let progress = sh.msg.get_args(
                "tui-collect-progress",
                &[
                    ("number", (n + 1).into()),
                    ("count", round.questions.len().into()),
                    ("aspect", Arg::Text(aspect_label(sh, q.aspect).into())),
                ],
            );
            lines.push((progress, sh.lang, theme::dim()));
            lines.extend(question_lines(sh, q, lang, &c.pending));
            question_help(sh, q)
        }
        Page::Done => {
            let answered = c.response.as_ref().map_or(0, |r| r.answers.len());
            lines.push((
                sh.msg.get_args(
                    "tui-collect-done",
                    &[
                        ("count", answered.into()),
                        ("total", round.questions.len().into()),
                    ],
                ),
                sh.lang,
                theme::ok(),
            ));
            sh.msg.get("tui-collect-help-done").into_owned()
        }
    };
    for (i, (text, l, style)) in lines
        .iter()
        .take(usize::from(area.height.saturating_sub(4)))
        .enumerate()
    {
        let y = area.y + 2 + u16::try_from(i).unwrap_or(0);
        pen.text(buf, Rect::new(x, y, w, 1), text, *style, *l, Align::Natural);
    }
    if let Some(e) = &c.error {
        pen.ui(
            buf,
            x,
            area.bottom().saturating_sub(2),
            w,
            e,
            theme::error(),
        );
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &help,
        theme::dim(),
    );
}
