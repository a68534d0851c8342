//! The Partners, Beneficiaries and Funding screens: a list each, with the form on Enter.

use crate::check::allocations;
use crate::model::keys::{beneficiary_kind, funding_status, organisation_type};
use crate::model::{EntityKind, Id, Lang, Plan, format_amount};
use crate::text::Align;
use crate::tui::Screen;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::form::{FormState, Target};
use crate::tui::lists::Cursor;
use crate::tui::paint::fill;
use crate::tui::search::{self, List};
use crate::tui::shared::Shared;
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The cursors of the three list screens.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    /// Partners.
    pub partners: Cursor,
    /// Beneficiaries.
    pub beneficiaries: Cursor,
    /// Funding sources.
    pub funding: Cursor,
}

fn kind_of(screen: Screen) -> EntityKind {
    match screen {
        Screen::Beneficiaries => EntityKind::Beneficiary,
        Screen::Funding => EntityKind::Funding,
        _ => EntityKind::Partner,
    }
}

pub(crate) fn cursor(v: &mut Lists, kind: EntityKind) -> &mut Cursor {
    match kind {
        EntityKind::Beneficiary => &mut v.beneficiaries,
        EntityKind::Funding => &mut v.funding,
        _ => &mut v.partners,
    }
}

/// The ids the list shows: all of them, or those the search text finds in their id, names
/// (in either language), acronym, place or funder, folded as `text::search` folds.
pub(crate) fn shown(sh: &Shared, kind: EntityKind) -> Vec<Id> {
    let ids = sh.doc.plan.ids(kind);
    if !search::on(sh, List::Entities(kind)) {
        return ids;
    }
    let plan = &sh.doc.plan;
    let text = |t: &crate::model::Text| [Lang::Ar, Lang::En].map(|l| t.get(l).map(str::to_owned));
    let found = search::rows(sh, List::Entities(kind), ids.len(), |i| {
        let id = &ids[i];
        let mut hay: Vec<Option<String>> = vec![Some(id.to_string())];
        match kind {
            EntityKind::Partner => {
                if let Some(p) = plan.partners.get(id) {
                    hay.extend(text(&p.name));
                    hay.push(p.acronym.clone());
                    hay.push(p.country.as_ref().map(|c| c.to_string()));
                }
            }
            EntityKind::Beneficiary => {
                if let Some(b) = plan.beneficiaries.get(id) {
                    hay.extend(text(&b.name));
                    hay.push(b.city.clone());
                    hay.push(b.country.as_ref().map(|c| c.to_string()));
                }
            }
            _ => {
                if let Some(f) = plan.funding.get(id) {
                    hay.extend(text(&f.title));
                    hay.push(Some(f.funder.to_string()));
                }
            }
        }
        hay.into_iter().flatten().collect()
    });
    found.into_iter().map(|i| ids[i].clone()).collect()
}

/// A command on one of the three list screens.
pub fn command(v: &mut Lists, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let kind = kind_of(sh.screen);
    let ids = shown(sh, kind);
    let page = sh.page();
    let at = cursor(v, kind);
    at.row = at.row.min(ids.len().saturating_sub(1));
    if super::move_cursor(at, c, ids.len(), page) {
        return Vec::new();
    }
    let selected = ids.get(cursor(v, kind).row).cloned();
    match (c, selected) {
        (Command::Filter, _) => search::start(sh, List::Entities(kind)),
        (Command::Back, _) if search::clear(sh, List::Entities(kind)) => {
            *cursor(v, kind) = Cursor::default();
        }
        (Command::Select, Some(id)) => sh.form = Some(FormState::new(Target::Entity(kind, id))),
        (Command::New, _) => editing::start_new(sh, kind),
        (Command::Delete, Some(id)) => editing::ask_delete(sh, kind, id),
        (Command::Rename, Some(id)) => editing::start_rename(sh, kind, id),
        _ => {}
    }
    Vec::new()
}

/// A column: its heading's message key, its width (0: takes the rest), how its cells sit,
/// and the rank at which it gives way on a narrow terminal (0: never; the highest first).
type Column = (&'static str, u16, Align, u8);

/// The narrowest a name or title column gets before other columns give way.
const NAME_MIN: u16 = 20;

/// One cell: its text and the language of that text (for its direction when it has no letter).
type Cell = (String, Lang);

/// The columns and cells of each list, one row for each of `ids`.
fn table(sh: &Shared, plan: &Plan, kind: EntityKind, ids: &[Id]) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let (lang, ui, m) = (sh.content_lang, sh.lang, &sh.msg);
    let en = |s: String| (s, Lang::En);
    match kind {
        EntityKind::Partner => (
            vec![
                ("col-id", 22, Align::Natural, 0),
                ("col-name", 0, Align::Natural, 0),
                ("col-acronym", 9, Align::Natural, 3),
                ("col-type", 16, Align::Natural, 2),
                ("col-country", 7, Align::Natural, 1),
            ],
            ids.iter()
                .filter_map(|id| plan.partners.get(id))
                .map(|p| {
                    vec![
                        en(p.id.to_string()),
                        (p.name.show(lang).to_owned(), lang),
                        en(p.acronym.clone().unwrap_or_default()),
                        (m.get(organisation_type(p.kind)).into_owned(), ui),
                        en(p.country
                            .as_ref()
                            .map(|c| c.to_string())
                            .unwrap_or_default()),
                    ]
                })
                .collect(),
        ),
        EntityKind::Beneficiary => (
            vec![
                ("col-id", 26, Align::Natural, 0),
                ("col-name", 0, Align::Natural, 0),
                ("col-kind", 19, Align::Natural, 2),
                ("col-place", 12, Align::Natural, 1),
                ("col-size", 10, Align::Right, 3),
            ],
            ids.iter()
                .filter_map(|id| plan.beneficiaries.get(id))
                .map(|b| {
                    let place = [b.country.as_ref().map(|c| c.to_string()), b.city.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    vec![
                        en(b.id.to_string()),
                        (b.name.show(lang).to_owned(), lang),
                        (m.get(beneficiary_kind(b.kind)).into_owned(), ui),
                        en(place),
                        en(b.size
                            .map(|s| format_amount(crate::model::Amount::from(s)))
                            .unwrap_or_default()),
                    ]
                })
                .collect(),
        ),
        _ => {
            let drawn = allocations(plan);
            (
                vec![
                    ("col-id", 24, Align::Natural, 0),
                    ("col-title", 0, Align::Natural, 0),
                    ("col-funder", 12, Align::Natural, 4),
                    ("col-status", 10, Align::Natural, 2),
                    ("col-amount", 16, Align::Right, 0),
                    ("col-used", 14, Align::Right, 3),
                    ("col-left", 14, Align::Right, 1),
                ],
                ids.iter()
                    .filter_map(|id| plan.funding.get(id))
                    .map(|f| {
                        let used = drawn.get(&f.id).map(|(d, _)| *d).unwrap_or_default();
                        let funder = plan
                            .partners
                            .get(&f.funder)
                            .map_or(f.funder.to_string(), |p| p.label(lang).to_owned());
                        vec![
                            en(f.id.to_string()),
                            (f.title.show(lang).to_owned(), lang),
                            (funder, lang),
                            (m.get(funding_status(f.status)).into_owned(), ui),
                            en(format!("{} {}", format_amount(f.amount), f.currency)),
                            en(format_amount(used)),
                            en(f.amount
                                .checked_sub(used)
                                .map_or_else(|| "—".to_owned(), format_amount)),
                        ]
                    })
                    .collect(),
            )
        }
    }
}

/// Draws the list of the screen shown.
pub fn draw(v: &Lists, sh: &Shared, area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let pen = &sh.pen;
    let kind = kind_of(sh.screen);
    let ids = shown(sh, kind);
    let (heads, rows) = table(sh, &sh.doc.plan, kind, &ids);
    let widths: Vec<u16> = heads.iter().map(|c| c.1).collect();
    let ranks: Vec<u8> = heads.iter().map(|c| c.3).collect();
    let cols = pen.columns_ranked(area, &widths, &ranks, NAME_MIN);
    for ((key, _, align, _), col) in heads.iter().zip(&cols) {
        let Some((x, w)) = col else { continue };
        pen.text(
            buf,
            Rect::new(*x, area.y, *w, 1),
            &sh.msg.get(key),
            theme::heading(),
            sh.lang,
            *align,
        );
    }
    let c = match kind {
        EntityKind::Beneficiary => &v.beneficiaries,
        EntityKind::Funding => &v.funding,
        _ => &v.partners,
    };
    // While a search is on, the last line says so and how much it finds.
    let searched = search::on(sh, List::Entities(kind));
    let foot = u16::from(searched && area.height > 2);
    if foot == 1 {
        let said = sh.msg.get_args(
            "tui-search-on",
            &[
                ("shown", ids.len().into()),
                ("total", sh.doc.plan.ids(kind).len().into()),
            ],
        );
        pen.ui(
            buf,
            area.x,
            area.bottom() - 1,
            area.width,
            &said,
            theme::warning(),
        );
    }
    let height = usize::from(area.height - 1 - foot);
    let offset = c.scrolled(height);
    for (i, cells) in rows.iter().enumerate().skip(offset).take(height) {
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == c.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == c.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        for (((_, _, align, _), col), (text, lang)) in heads.iter().zip(&cols).zip(cells) {
            if let Some((x, w)) = col {
                pen.text(buf, Rect::new(*x, y, *w, 1), text, style, *lang, *align);
            }
        }
    }
    if rows.is_empty() {
        let key = if searched {
            "tui-search-none"
        } else {
            "tui-empty"
        };
        pen.ui(
            buf,
            area.x,
            area.y + 1,
            area.width,
            &sh.msg.get(key),
            theme::dim(),
        );
    }
}

impl super::Component for Lists {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }

    fn details(&self, sh: &Shared) -> Option<crate::tui::details::Details> {
        let kind = kind_of(sh.screen);
        let row = match kind {
            EntityKind::Beneficiary => self.beneficiaries.row,
            EntityKind::Funding => self.funding.row,
            _ => self.partners.row,
        };
        let id = shown(sh, kind).get(row)?.clone();
        details(sh, kind, &id)
    }
}

/// An entity's whole row: each column's cell, its name or title in both languages.
fn details(sh: &Shared, kind: EntityKind, id: &Id) -> Option<crate::tui::details::Details> {
    let plan = &sh.doc.plan;
    let (heads, rows) = table(sh, plan, kind, std::slice::from_ref(id));
    let cells = rows.into_iter().next()?;
    let m = &sh.msg;
    let title = format!("{} {id}", m.get(crate::model::keys::entity_kind(kind)));
    let mut out = crate::tui::details::Details::new(title);
    for ((key, ..), (text, lang)) in heads.iter().zip(cells) {
        let name = match kind {
            EntityKind::Partner => plan.partners.get(id).map(|p| &p.name),
            EntityKind::Beneficiary => plan.beneficiaries.get(id).map(|b| &b.name),
            _ => plan.funding.get(id).map(|f| &f.title),
        };
        // The name column shows one language; the whole row has both.
        match name {
            Some(name) if matches!(*key, "col-name" | "col-title") => out.both(m, key, name),
            _ => out.field(m, key, text, lang),
        }
    }
    Some(out)
}
