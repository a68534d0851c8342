//! Questions and messages over the screen.

use super::app::{App, Effect};
use crossterm::event::{KeyCode, KeyEvent};

/// A popup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Popup {
    /// Quit with unsaved changes: save, discard or stay.
    ConfirmQuit,
    /// Delete an entity that others refer to.
    ConfirmDelete {
        /// What is deleted.
        kind: crate::model::EntityKind,
        /// Its id.
        id: crate::model::Id,
        /// Who refers to it, one line each.
        references: Vec<String>,
    },
    /// Recover the unsaved edits a previous session left (see [`super::app::App::recovered`]).
    Recover,
    /// Put the plan's files back as they were before an operation.
    ConfirmUndoOperation(u64, String),
    /// Filter the activities by status, partner or country.
    FilterMenu,
    /// A message; any key closes it.
    Message(String),
    /// The keys of the current screen.
    Help,
    /// The selected row's whole text; any key closes it.
    Details(Box<super::details::Details>),
}

impl Popup {
    /// Whether the popup reads keys itself (answers), rather than through the keymap.
    pub(crate) fn takes_keys(&self) -> bool {
        !matches!(self, Popup::Help)
    }
}

/// A key pressed while a popup is open.
pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(popup) = app.shared.popup.take() else {
        return Vec::new();
    };
    let ch = match key.code {
        KeyCode::Char(c) => Some(c.to_ascii_lowercase()),
        KeyCode::Esc => Some('\u{1b}'),
        KeyCode::Enter => Some('\n'),
        _ => None,
    };
    match (popup, ch) {
        (Popup::ConfirmQuit, Some('s' | 'y' | '\n')) => {
            app.quit_after_save = true;
            app.save()
        }
        (Popup::ConfirmQuit, Some('d' | 'n')) => {
            app.quit = true;
            // Discarding is a decision; the recovery file goes with it.
            vec![Effect::ClearRecovery, Effect::Quit]
        }
        (Popup::ConfirmDelete { kind, id, .. }, Some('y' | '\n')) => {
            super::editing::delete_now(&mut app.shared, kind, &id)
        }
        (Popup::Recover, Some('r' | 'y' | '\n')) => super::recovery::restore(app),
        (Popup::Recover, Some('d' | 'n')) => {
            app.recovered = None;
            app.shared.status = app.shared.msg.get("tui-recovery-discarded").into_owned();
            vec![Effect::ClearRecovery]
        }
        (Popup::ConfirmUndoOperation(n, _), Some('y' | '\n')) => {
            super::repo_view::undo_operation(app, n)
        }
        (Popup::FilterMenu, Some(c)) if c != '\u{1b}' => {
            super::screens::activities::filter_menu(&mut app.shared, c)
        }
        (
            Popup::ConfirmQuit | Popup::ConfirmDelete { .. } | Popup::Recover | Popup::FilterMenu,
            Some('\u{1b}' | 'c' | 'n'),
        ) => Vec::new(),
        (Popup::Message(_) | Popup::Help | Popup::Details(_), _) => Vec::new(),
        (p, _) => {
            // Any other key leaves the question open.
            app.shared.popup = Some(p);
            Vec::new()
        }
    }
}
