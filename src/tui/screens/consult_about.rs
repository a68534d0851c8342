//! Beside the plan: under an activity's, partner's, beneficiary group's or funding source's
//! form, the consultation questions that refer to it and what participants answered.

use crate::consult::{ResultsOptions, results_for};
use crate::i18n::Arg;
use crate::model::{Lang, RoundStatus};
use crate::text::Align;
use crate::tui::form::Target;
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// One line of the section: text, its language, its style.
pub(crate) type AboutLine = (String, Lang, Style);

/// The section's lines for the open form's entity; empty when no question refers to it.
pub fn lines(sh: &Shared) -> Vec<AboutLine> {
    let Some(Target::Entity(kind, id)) = sh.form.as_ref().map(|f| &f.target) else {
        return Vec::new();
    };
    if sh.form.as_ref().is_some_and(|f| f.item.is_some()) {
        return Vec::new();
    }
    let lang = sh.content_lang;
    let options = ResultsOptions {
        lang,
        ..ResultsOptions::default()
    };
    let mentions = results_for(&sh.doc.plan, *kind, id, &options);
    if mentions.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<AboutLine> = vec![(
        sh.msg.get("tui-about-heading").into_owned(),
        sh.lang,
        theme::heading(),
    )];
    for m in &mentions {
        let head = match (m.picks, m.status) {
            (_, RoundStatus::Draft) => sh.msg.get_args(
                "tui-about-draft",
                &[("round", Arg::Text(m.round.to_string().into()))],
            ),
            (Some(picks), _) => sh.msg.get_args(
                "tui-about-picked",
                &[
                    ("round", Arg::Text(m.round.to_string().into())),
                    ("picks", picks.into()),
                    ("answered", m.result.answered.into()),
                ],
            ),
            (None, _) => sh.msg.get_args(
                "tui-about-answered",
                &[
                    ("round", Arg::Text(m.round.to_string().into())),
                    ("answered", m.result.answered.into()),
                ],
            ),
        };
        out.push((
            format!("{} · {}", head, m.result.text.show(lang)),
            lang,
            theme::dim(),
        ));
        // A plan-item question is summed up by the picks above; the others show their tally.
        if m.picks.is_none() && m.status != RoundStatus::Draft {
            out.extend(super::consult_results::question_result_lines(
                sh, &m.result, lang,
            ));
        }
    }
    out
}

/// The rows the section takes at the bottom of a form of `height` rows: at most a third.
pub(crate) fn height(lines: &[AboutLine], height: u16) -> u16 {
    if lines.is_empty() {
        return 0;
    }
    u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(height / 3)
}

/// Draws the section's first lines into `area`.
pub fn draw(sh: &Shared, lines: &[AboutLine], area: Rect, buf: &mut Buffer) {
    for (i, (text, lang, style)) in lines.iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(0);
        sh.pen.text(
            buf,
            Rect::new(area.x + 1, y, area.width.saturating_sub(2), 1),
            text,
            *style,
            *lang,
            Align::Natural,
        );
    }
}
