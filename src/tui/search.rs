//! `/` on the lists: which list a search is on, which rows it lets through, and the line that
//! says it is on. Every list searches the same way: the text typed after `/` is folded as
//! [`crate::text::search`] folds (Arabic as people type it, Latin in any case), the list shows
//! the rows holding it with the first one selected, its last line says how many, and `esc`
//! shows all again. The Activities filter is the outline's own ([`super::lists::Filter`]).

use super::editor::Purpose;
use super::form::spec::EditorKind;
use super::shared::Shared;
use super::theme;
use crate::model::EntityKind;
use crate::text::search;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A list that `/` searches; each keeps its own search text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    /// Partners, beneficiary groups or funding sources.
    Entities(EntityKind),
    /// The check's problems.
    Problems,
    /// The commits of the History screen.
    History,
    /// The consultation rounds.
    Rounds,
    /// The questions of the round open in the designer.
    Questions,
}

/// The search text of `list`, when one is typed.
pub(crate) fn text(sh: &Shared, list: List) -> Option<&str> {
    sh.search
        .get(&list)
        .map(String::as_str)
        .filter(|t| !t.is_empty())
}

/// Whether a search is on for `list`.
pub(crate) fn on(sh: &Shared, list: List) -> bool {
    text(sh, list).is_some()
}

/// The rows of a list of `n` rows that the search lets through, in order: those of which one
/// of `texts(row)` holds the search text (all of them when no search is on).
pub(crate) fn rows(
    sh: &Shared,
    list: List,
    n: usize,
    texts: impl Fn(usize) -> Vec<String>,
) -> Vec<usize> {
    let Some(needle) = text(sh, list) else {
        return (0..n).collect();
    };
    let needle = search::fold(needle);
    (0..n)
        .filter(|i| texts(*i).iter().any(|t| search::holds(t, &needle)))
        .collect()
}

/// Opens the editor of `list`'s search text, applied as it is typed.
pub(crate) fn start(sh: &mut Shared, list: List) {
    let current = sh.search.get(&list).cloned().unwrap_or_default();
    super::editing::open_editor(
        sh,
        Purpose::Search(list),
        "tui-editor-search",
        EditorKind::Text,
        &current,
    );
}

/// Ends the search of `list`; whether one was on.
pub(crate) fn clear(sh: &mut Shared, list: List) -> bool {
    sh.search.remove(&list).is_some_and(|t| !t.is_empty())
}

/// While a search is on, says so on the last line of `area` with how many of `total` rows it
/// shows; returns the rows left above that line.
pub(crate) fn note(
    sh: &Shared,
    list: List,
    shown: usize,
    total: usize,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    if !on(sh, list) || area.height < 3 {
        return area;
    }
    let said = sh.msg.get_args(
        "tui-search-on",
        &[("shown", shown.into()), ("total", total.into())],
    );
    sh.pen.ui(
        buf,
        area.x,
        area.bottom() - 1,
        area.width,
        &said,
        theme::warning(),
    );
    Rect::new(area.x, area.y, area.width, area.height - 1)
}

/// Says on the first row of `area` that the search finds nothing, when it does not.
pub(crate) fn none(sh: &Shared, list: List, shown: usize, area: Rect, buf: &mut Buffer) {
    if shown == 0 && on(sh, list) && area.height > 0 {
        sh.pen.ui(
            buf,
            area.x,
            area.y,
            area.width,
            &sh.msg.get("tui-search-none"),
            theme::dim(),
        );
    }
}
