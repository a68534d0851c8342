//! What every screen may use and change: the plan open for editing, the words and the pen,
//! the status line, the open form, editor or popup, the activity outline, and what the
//! repository holds. A screen gets this and its own state, nothing of another screen's (as in
//! helix, where a component gets the editor through its context): the borrow checker keeps
//! the screens apart.

use super::Screen;
use super::editor::EditorState;
use super::form::FormState;
use super::keymap::Keymap;
use super::lists::{Cursor, SortKey, TreeRow, TreeView};
use super::paint::Pen;
use super::popup::Popup;
use crate::document::Document;
use crate::i18n::Messages;
use crate::model::Lang;
use chrono::NaiveDate;

/// The state shared by every screen.
pub struct Shared {
    /// The plan being edited.
    pub doc: Document,
    /// The UI's messages, in its language.
    pub msg: Messages,
    /// How text is drawn: bidi and shaping settings, and the layout's direction.
    pub pen: Pen,
    /// The screen shown.
    pub screen: Screen,
    /// The UI language.
    pub lang: Lang,
    /// The language plan texts are shown in first.
    pub content_lang: Lang,
    /// The date of the today line; a parameter so that tests pin it.
    pub today: NaiveDate,
    /// Key bindings.
    pub keymap: Keymap,
    /// The activity tree that the Activities and Gantt screens show side by side.
    pub outline: Outline,
    /// The open form, if any.
    pub form: Option<FormState>,
    /// The open editor (a field, a prompt), if any.
    pub editor: Option<EditorState>,
    /// The open popup (question, message, help), if any.
    pub popup: Option<Popup>,
    /// The last message for the status line.
    pub status: String,
    /// The terminal's size.
    pub size: (u16, u16),
    /// What the git repository holds: history, pending files, a merge in progress.
    pub repo: super::repo_view::RepoView,
    /// The text each list is searched for, typed after `/` (see [`super::search`]); the
    /// Activities filter is the outline's.
    pub search: std::collections::HashMap<super::search::List, String>,
}

/// The activity tree: its sort, filter and folding, its rows, and the selected row. The
/// Activities and Gantt screens show the same rows with the same cursor.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    /// Sort, filter and folding.
    pub view: TreeView,
    /// The rows, recomputed when the plan or the view changes.
    pub rows: Vec<TreeRow>,
    /// The selected row.
    pub cursor: Cursor,
    /// What each group's activities add up to on the status date.
    pub rollups: std::collections::HashMap<crate::model::Id, crate::schedule::standing::Rollup>,
    /// The document's layout revision the rows were made at (see
    /// `Document::layout_revision`).
    laid_out_at: Option<u64>,
}

impl Shared {
    /// Recomputes the activity tree's rows after the plan or the tree view changed.
    pub(crate) fn refresh_outline(&mut self) {
        let o = &mut self.outline;
        o.rows = o.view.rows(&self.doc.plan, self.content_lang, &self.doc);
        o.laid_out_at = Some(self.doc.layout_revision());
        self.refresh_rollups();
    }

    /// Follows a change of the document: the rows are made again unless the change cannot
    /// have moved them (no activity added, removed, moved in the tree or in the schedule,
    /// and neither a filter nor a sort that reads what an edit of fields can change), which
    /// at 100,000 activities spares most of the time from a key to its frame.
    pub(crate) fn follow_outline(&mut self) {
        let o = &self.outline;
        let keeps = o.laid_out_at == Some(self.doc.layout_revision())
            && o.view.filter.is_empty()
            && matches!(o.view.sort, SortKey::Start | SortKey::Slack | SortKey::Id);
        if keeps {
            self.refresh_rollups();
        } else {
            self.refresh_outline();
        }
    }

    fn refresh_rollups(&mut self) {
        let o = &mut self.outline;
        o.rollups = crate::schedule::standing::rollups_with(
            &self.doc.plan,
            &self.doc.schedule,
            self.today,
            &self.doc.parents,
        );
        let n = o.rows.len();
        o.cursor.step(0, n);
    }

    /// The outline after its filter changed: the first match selected and shown from the top,
    /// so that no match stays scrolled out of sight above the cursor.
    pub(crate) fn filter_changed(&mut self) {
        self.outline.cursor = Cursor::default();
        self.refresh_outline();
    }

    /// Rows of a list drawn in this terminal (below the tabs and the column headings, above
    /// the status line).
    pub(crate) fn page(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)).max(1)
    }
}
