//! The editor of one value: a text field, or a list to pick from that typing filters.

use super::form::RowKey;
use super::form::spec::EditorKind;
use crate::model::{EntityKind, Id};
use crate::text::{DisplayOptions, EditBuffer};

/// What the value being edited is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A row of the open form.
    Row(RowKey),
    /// The id of a new entity.
    NewEntity(EntityKind),
    /// A new id for an entity.
    Rename(EntityKind, Id),
    /// The activity filter's text (applied as it is typed).
    Filter,
    /// The text a list is searched for (applied as it is typed).
    Search(super::search::List),
    /// A commit message.
    Commit,
    /// A value of one's own for conflict `n` of the merge, as JSON.
    ConflictValue(usize),
    /// A field of a round or of one of its questions, in the designer.
    Design(super::form::round::Target),
    /// The id of a new consultation round.
    NewRound,
    /// The format of an export, picked from the menu.
    ExportFormat,
    /// The partner that publishes an IATI export.
    ExportReporter,
    /// Where an export of this format goes (for IATI, with the partner that publishes it).
    ExportPath(crate::export::format::Format, Option<crate::model::Id>),
    /// The format of an import (`csv`, `iati`), picked from the menu.
    ImportFormat,
    /// The file or folder an import of this format reads.
    ImportPath(&'static str),
}

/// One choice in a pick list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What is committed.
    pub value: String,
    /// What is shown.
    pub label: String,
}

/// An open editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorState {
    /// What the value is for.
    pub purpose: Purpose,
    /// The field's label, shown as the editor's title.
    pub title: String,
    /// How the value is edited.
    pub kind: EditorKind,
    /// The typed text (the value, or the filter of a pick list), in logical order.
    pub input: EditBuffer,
    /// The choices of a pick list; empty for free text.
    pub choices: Vec<Choice>,
    /// The highlighted choice, among those the filter lets through.
    pub selected: usize,
    /// Choices ticked in a multiple pick.
    pub picked: Vec<String>,
    /// Why the current value would be refused.
    pub error: Option<String>,
}

impl EditorState {
    /// An editor for `kind` starting from `current`, with its pick list (empty for free text)
    /// and the display options of its language.
    pub fn new(
        purpose: Purpose,
        title: String,
        kind: EditorKind,
        current: &str,
        choices: Vec<Choice>,
        opts: DisplayOptions,
    ) -> EditorState {
        let multiple = matches!(kind, EditorKind::Refs(_));
        let picked = if multiple {
            super::form::value::words(current)
        } else {
            Vec::new()
        };
        let (input, selected) = if choices.is_empty() || multiple {
            (
                EditBuffer::new(if multiple { "" } else { current }, opts),
                0,
            )
        } else {
            (
                EditBuffer::new("", opts),
                choices.iter().position(|c| c.value == current).unwrap_or(0),
            )
        };
        EditorState {
            purpose,
            title,
            kind,
            input,
            choices,
            selected,
            picked,
            error: None,
        }
    }

    /// Whether this is a pick list.
    pub(crate) fn is_pick(&self) -> bool {
        !self.choices.is_empty()
    }

    /// The choices the typed text lets through, with their index in `choices`.
    pub(crate) fn visible(&self) -> Vec<(usize, &Choice)> {
        let needle = crate::text::search::fold(self.input.text());
        self.choices
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                crate::text::search::holds(&c.value, &needle)
                    || crate::text::search::holds(&c.label, &needle)
            })
            .collect()
    }

    /// Moves the highlight among the visible choices.
    pub fn step(&mut self, delta: isize) {
        let n = self.visible().len();
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
    }

    /// Ticks or unticks the highlighted choice of a multiple pick.
    pub(crate) fn toggle(&mut self) {
        let Some(value) = self
            .visible()
            .get(self.selected)
            .map(|(_, c)| c.value.clone())
        else {
            return;
        };
        match self.picked.iter().position(|p| *p == value) {
            Some(i) => {
                self.picked.remove(i);
            }
            None => self.picked.push(value),
        }
    }

    /// Empties the typed text.
    pub fn clear(&mut self) {
        let opts = self.input.options();
        self.input = EditBuffer::new("", opts);
    }

    /// The text the editor would commit now.
    pub fn value(&self) -> String {
        if matches!(self.kind, EditorKind::Refs(_)) {
            return self.picked.join(", ");
        }
        if self.is_pick() {
            return self
                .visible()
                .get(self.selected)
                .map(|(_, c)| c.value.clone())
                .unwrap_or_default();
        }
        self.input.text().to_owned()
    }
}
