//! The Partners, Beneficiaries and Funding screens: a list each, with the form on Enter.

use crate::check::allocations;
use crate::model::{EntityKind, Lang, Plan, format_amount};
use crate::tui::Screen;
use crate::tui::action::Command;
use crate::tui::app::{App, Effect};
use crate::tui::form::value::name_of;
use crate::tui::form::{FormState, Target};
use crate::tui::lists::Cursor;
use crate::tui::paint::{Align, fill, put};
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

fn kind_of(screen: Screen) -> EntityKind {
    match screen {
        Screen::Beneficiaries => EntityKind::Beneficiary,
        Screen::Funding => EntityKind::Funding,
        _ => EntityKind::Partner,
    }
}

fn cursor(app: &mut App, kind: EntityKind) -> &mut Cursor {
    match kind {
        EntityKind::Beneficiary => &mut app.cursors.beneficiaries,
        EntityKind::Funding => &mut app.cursors.funding,
        _ => &mut app.cursors.partners,
    }
}

/// A command on one of the three list screens.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let kind = kind_of(app.screen);
    let ids = app.doc.plan.ids(kind);
    let page = super::page(app);
    if super::move_cursor(cursor(app, kind), c, ids.len(), page) {
        return Vec::new();
    }
    let selected = ids.get(cursor(app, kind).row).cloned();
    match (c, selected) {
        (Command::Select, Some(id)) => app.form = Some(FormState::new(Target::Entity(kind, id))),
        (Command::New, _) => editing::start_new(app, kind),
        (Command::Delete, Some(id)) => editing::ask_delete(app, kind, id),
        (Command::Rename, Some(id)) => editing::start_rename(app, kind, id),
        _ => {}
    }
    Vec::new()
}

/// A column: its heading, its width (0: takes the rest), and its alignment.
type Column = (&'static str, u16, Align);

/// The columns and cells of each list.
fn table(plan: &Plan, kind: EntityKind, lang: Lang) -> (Vec<Column>, Vec<Vec<String>>) {
    match kind {
        EntityKind::Partner => (
            vec![
                ("id", 22, Align::Left),
                ("name", 0, Align::Left),
                ("acronym", 9, Align::Left),
                ("type", 16, Align::Left),
                ("country", 7, Align::Left),
            ],
            plan.partners
                .values()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.show(lang).to_owned(),
                        p.acronym.clone().unwrap_or_default(),
                        name_of(&p.kind),
                        p.country
                            .as_ref()
                            .map(|c| c.to_string())
                            .unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        EntityKind::Beneficiary => (
            vec![
                ("id", 26, Align::Left),
                ("name", 0, Align::Left),
                ("kind", 19, Align::Left),
                ("place", 12, Align::Left),
                ("size", 10, Align::Right),
            ],
            plan.beneficiaries
                .values()
                .map(|b| {
                    let place = [b.country.as_ref().map(|c| c.to_string()), b.city.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    vec![
                        b.id.to_string(),
                        b.name.show(lang).to_owned(),
                        name_of(&b.kind),
                        place,
                        b.size.map(|s| format_amount(s.into())).unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        _ => {
            let drawn = allocations(plan);
            (
                vec![
                    ("id", 24, Align::Left),
                    ("title", 0, Align::Left),
                    ("funder", 12, Align::Left),
                    ("status", 10, Align::Left),
                    ("amount", 16, Align::Right),
                    ("used", 14, Align::Right),
                    ("left", 14, Align::Right),
                ],
                plan.funding
                    .values()
                    .map(|f| {
                        let used = drawn.get(&f.id).map(|(d, _)| *d).unwrap_or_default();
                        let funder = plan
                            .partners
                            .get(&f.funder)
                            .map_or(f.funder.to_string(), |p| p.label(lang).to_owned());
                        vec![
                            f.id.to_string(),
                            f.title.show(lang).to_owned(),
                            funder,
                            name_of(&f.status),
                            format!("{} {}", format_amount(f.amount.0), f.currency),
                            format_amount(used),
                            format_amount(f.amount.0 - used),
                        ]
                    })
                    .collect(),
            )
        }
    }
}

/// Draws the list of the screen shown.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height < 2 {
        return;
    }
    let kind = kind_of(app.screen);
    let (cols, rows) = table(&app.doc.plan, kind, app.content_lang);
    let fixed: u16 = cols.iter().map(|c| c.1 + 1).sum();
    let flex = area.width.saturating_sub(fixed).max(6);
    let widths: Vec<u16> = cols
        .iter()
        .map(|c| if c.1 == 0 { flex } else { c.1 })
        .collect();
    let mut x = area.x;
    for ((name, _, align), w) in cols.iter().zip(&widths) {
        put(buf, x, area.y, *w, name, theme::heading(), *align);
        x += w + 1;
    }
    let c = match kind {
        EntityKind::Beneficiary => &app.cursors.beneficiaries,
        EntityKind::Funding => &app.cursors.funding,
        _ => &app.cursors.partners,
    };
    let height = usize::from(area.height - 1);
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
        let mut x = area.x;
        for (((_, _, align), w), v) in cols.iter().zip(&widths).zip(cells) {
            put(buf, x, y, *w, v, style, *align);
            x += w + 1;
        }
    }
    if rows.is_empty() {
        put(
            buf,
            area.x,
            area.y + 1,
            area.width,
            &format!("no {} yet: press n to add one", kind.dir()),
            theme::dim(),
            Align::Left,
        );
    }
}
