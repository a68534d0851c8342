//! What a key press means: the TUI's vocabulary, independent of which keys produce it.

use serde::{Deserialize, Serialize};

/// A named command, as bound to keys in the keymap and in the user's config file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Quit (asks when there are unsaved changes).
    Quit,
    /// Save the changed files.
    Save,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show the keys of the current screen.
    Help,
    /// Next screen.
    NextScreen,
    /// Previous screen.
    PrevScreen,
    /// The Overview screen.
    ScreenOverview,
    /// The Activities screen.
    ScreenActivities,
    /// The Partners screen.
    ScreenPartners,
    /// The Beneficiaries screen.
    ScreenBeneficiaries,
    /// The Funding screen.
    ScreenFunding,
    /// The Gantt screen.
    ScreenGantt,
    /// The Problems screen.
    ScreenProblems,
    /// The History screen.
    ScreenHistory,
    /// The Conflicts screen of a merge in progress.
    ScreenConflicts,
    /// The Consultations screen.
    ScreenConsultations,
    /// Collect a participant's answers to the selected round.
    Collect,
    /// The selected round's results.
    ConsultResults,
    /// Move the selected question one place earlier.
    MoveUp,
    /// Move the selected question one place later.
    MoveDown,
    /// Count only the next country of the round's participants (then everyone again).
    CycleCountry,
    /// Count only the next organisation type of the round's participants (then everyone).
    CycleOrgType,
    /// Show the results without who answered (names, participant ids, free-text organisations),
    /// or with them again.
    ToggleAnonymise,
    /// The Review screen.
    ScreenReview,
    /// Compare from the selected revision (the Review screen's old side).
    ReviewOld,
    /// Compare to the selected revision (the Review screen's new side).
    ReviewNew,
    /// Commit the saved plan (asks for a message).
    Commit,
    /// Sync with the remote: fetch, merge, push.
    Sync,
    /// Export the plan: pick a format and a place.
    Export,
    /// Import a file into the plan: pick a format and a file.
    Import,
    /// Stop the running sync at its next step.
    CancelSync,
    /// Settle the selected conflict with our value.
    TakeOurs,
    /// Settle the selected conflict with their value.
    TakeTheirs,
    /// Settle the selected conflict with the common ancestor's value.
    TakeBase,
    /// Write a value of one's own for the selected conflict (as JSON).
    EditValue,
    /// Make the merge commit once no conflict is left.
    FinishMerge,
    /// Abandon the merge in progress.
    AbortMerge,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Move left (scroll the Gantt back in time).
    Left,
    /// Move right (scroll the Gantt forward in time).
    Right,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// Open or edit what is selected.
    Select,
    /// Close the form or popup; clear a filter.
    Back,
    /// Create a new entity (or list item in a form).
    New,
    /// Delete the selected entity (or list item).
    Delete,
    /// Change the selected entity's id, and every reference to it.
    Rename,
    /// Filter or search the list by text.
    Filter,
    /// Show the selected row's whole text, which its cut cells may not show.
    Details,
    /// Filter the list by status, partner or country.
    FilterMenu,
    /// Sort by the next column.
    Sort,
    /// Expand or collapse the selected group.
    Toggle,
    /// Expand every group.
    ExpandAll,
    /// Collapse every group.
    CollapseAll,
    /// Edit a long text in `$VISUAL` or `$EDITOR`.
    ExternalEditor,
    /// Zoom the Gantt in (a finer scale).
    ZoomIn,
    /// Zoom the Gantt out (a coarser scale).
    ZoomOut,
    /// Bring today into view.
    Today,
    /// Show the plan's start on the Gantt.
    GanttStart,
    /// Show the plan's finish on the Gantt.
    GanttEnd,
    /// Bring the selected activity's bar into view.
    GanttSelected,
    /// Select the next milestone still to come, and show it.
    NextMilestone,
    /// Scroll the Gantt back by a screenful.
    PageLeft,
    /// Scroll the Gantt forward by a screenful.
    PageRight,
    /// Show the other language of plan texts.
    SwitchLanguage,
    /// On the History screen, show the operation log instead of the commits, or back.
    Operations,
    /// Put the plan's files back as they were before the selected operation (asks first).
    UndoOperation,
}

impl Command {
    /// The command's name in config files (`save`, `next_screen`, ...).
    pub fn name(self) -> String {
        ron::to_string(&self).unwrap_or_default()
    }

    /// Whether the command only moves the cursor (the help screen shows these on one line).
    pub(crate) fn is_movement(self) -> bool {
        matches!(
            self,
            Command::Up
                | Command::Down
                | Command::PageUp
                | Command::PageDown
                | Command::Top
                | Command::Bottom
        )
    }

    /// The screen a `Screen*` command goes to.
    pub fn screen(self) -> Option<super::Screen> {
        use super::Screen as S;
        Some(match self {
            Command::ScreenOverview => S::Overview,
            Command::ScreenActivities => S::Activities,
            Command::ScreenPartners => S::Partners,
            Command::ScreenBeneficiaries => S::Beneficiaries,
            Command::ScreenFunding => S::Funding,
            Command::ScreenGantt => S::Gantt,
            Command::ScreenProblems => S::Problems,
            Command::ScreenHistory => S::History,
            Command::ScreenConflicts => S::Conflicts,
            Command::ScreenConsultations => S::Consultations,
            Command::ScreenReview => S::Review,
            _ => return None,
        })
    }
}

/// Everything `update` reacts to.
#[derive(Clone, Debug)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// A key for the text field being edited (typing, cursor movement).
    Key(crossterm::event::KeyEvent),
    /// Pasted text.
    Paste(String),
    /// A mouse click at a cell.
    Click {
        /// Column.
        col: u16,
        /// Row.
        row: u16,
    },
    /// The mouse wheel, up (`true`) or down.
    Scroll(bool),
    /// The terminal changed size.
    Resize(u16, u16),
    /// A save finished on the worker thread: what it was asked to write and what it did.
    Saved(Result<(Vec<crate::store::FileWrite>, crate::store::SaveReport), crate::i18n::Said>),
    /// A long text came back from the external editor.
    EditorClosed(Result<String, crate::i18n::Said>),
    /// The process was asked to stop (SIGTERM, SIGHUP).
    Terminate,
    /// What the repository holds now (after start, a commit, a sync, a resolution).
    Repo(Box<super::repo_view::RepoView>),
    /// A sync's progress.
    SyncProgress(crate::repo::SyncEvent),
    /// A repository job finished: a message for the status line, or what went wrong.
    RepoDone(Result<String, String>),
    /// Files of the plan changed on disk (seen by the watcher), as paths relative to it.
    FilesChanged(Vec<String>),
    /// Something may have written plan files: compare every file with what the document
    /// last read. `own` when it was a git job of this TUI, whose changes the status line does
    /// not announce again (it said what the job did).
    Rescan {
        /// Whether the writes were this TUI's own.
        own: bool,
    },
    /// What places of the plan folder hold now, read from disk.
    DiskRead(Box<crate::store::Snapshot>),
    /// Who made the commits that brought files as they are now (file, author), when git knows.
    ChangedBy(Vec<(String, String)>),
    /// Another program moved the repository's branch (a commit, a pull, a sync): files read
    /// before it moved may now have a commit that says who brought them.
    HeadMoved,
    /// The recovery file could not be written (where, and why).
    RecoveryFailed(crate::i18n::Said),
    /// The operation log could not record a save (which still happened), and why.
    OpLogFailed(crate::i18n::Said),
    /// A participant's response was written (collect mode), or why it could not be.
    ResponseSaved(
        Result<(Box<crate::store::FileWrite>, crate::store::SaveReport), crate::i18n::Said>,
    ),
    /// An export was written or an import read, or why not.
    Exchanged(Box<super::exchange::Outcome>),
    /// The operation log, newest first, or why it could not be read.
    Operations(Result<Vec<crate::repo::oplog::Op>, String>),
    /// The TUI opened: what reading the recovery file found (or why it could not be read),
    /// and why the config file could not be used, if it could not.
    Opened {
        /// Unsaved edits a previous session left, or why the recovery file is unreadable.
        recovered: Result<Option<super::recovery::Found>, String>,
        /// What is wrong with the config file.
        config_error: Option<String>,
    },
    /// The plan folder cannot be watched (changes on disk are still caught when saving).
    WatchFailed(String),
    /// Who made the commits between two commits the Review screen compares, or why that
    /// could not be read.
    Authors(Box<AuthorsRead>),
    /// Plans at commits the Review screen asked for, or why each could not be read.
    Revisions(
        Box<
            Vec<(
                crate::repo::CommitId,
                Result<crate::model::Plan, crate::i18n::Said>,
            )>,
        >,
    ),
}

/// The two commits of a range, and who made the commits between them (or why that could not
/// be read).
pub type AuthorsRead = (
    (crate::repo::CommitId, crate::repo::CommitId),
    Result<Vec<crate::diff::Author>, crate::i18n::Said>,
);
