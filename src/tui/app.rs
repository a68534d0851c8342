//! The application state and `update`: every action goes through here, and nothing else
//! changes the state.

use super::Screen;
use super::action::{Action, Command};
use super::editor::EditorState;
use super::form::FormState;
use super::keymap::{Context, Keymap};
use super::lists::{Cursor, TreeRow, TreeView};
use super::paint::Pen;
use super::popup::Popup;
use crate::document::Document;
use crate::i18n::{Arg, Messages};
use crate::model::{EntityKind, Id, Lang};
use crate::text::{BidiMode, Shaping};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;

/// Work that `update` asks for: IO, never done inside `update` itself, carried out by
/// [`super::effects::Runner`].
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write these files (on a worker thread), each only over what was last read there.
    Save(Vec<crate::store::FileWrite>),
    /// Leave the TUI.
    Quit,
    /// Edit `text` in `$VISUAL`/`$EDITOR`; the result comes back as [`Action::EditorClosed`].
    ExternalEditor(String),
    /// Write the recovery file of unsaved edits (or remove it when there are none).
    WriteRecovery,
    /// Write one participant's response now, atomically (collect mode, after every answer);
    /// the result comes back as [`Action::ResponseSaved`].
    SaveResponse(Box<crate::store::FileWrite>),
    /// Run a git job on the repository worker.
    Repo(super::repo_view::RepoJob),
    /// Read these places of the plan folder as they are on disk now.
    ReadPlaces(Vec<crate::store::Place>),
    /// Compare every plan file with what the document last read (after a git job).
    Rescan,
    /// Remove the recovery file: the user chose to discard the unsaved edits.
    ClearRecovery,
}

/// Everything the TUI knows.
pub struct App {
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
    /// The activity tree's sort, filter and folding.
    pub tree: TreeView,
    /// The activity tree's rows, recomputed when the plan or the tree view changes.
    pub tree_rows: Vec<TreeRow>,
    /// Cursors of the list screens.
    pub cursors: Cursors,
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
    /// Whether a save is running.
    pub saving: bool,
    /// Set when the TUI should end.
    pub quit: bool,
    /// Quit once the running save succeeds.
    pub quit_after_save: bool,
    /// The Gantt's scale and scroll.
    pub gantt: super::screens::gantt::GanttView,
    /// Unsaved edits a previous session left, waiting for the user's answer.
    pub recovered: Option<super::recovery::Found>,
    /// Files seen changed on disk while a save ran, read once it is done.
    pub disk_pending: Vec<String>,
    /// Save again once the files a save found changed on disk have been read and merged.
    pub resave: bool,
    /// A git job of this TUI wrote plan files: the next change read from disk is its own,
    /// and the status line keeps saying what the job did.
    pub own_writes: bool,
    /// What the status line said about the last change read from disk.
    pub disk_note: Option<String>,
    /// What the git repository holds: history, pending files, a merge in progress.
    pub repo: super::repo_view::RepoView,
    /// The Consultations screen: which round, and designing, collecting or results.
    pub consult: super::screens::consult::ConsultView,
    /// The Review screen's revisions and their review.
    pub review: super::screens::review::ReviewView,
}

/// The cursor of each list screen.
#[derive(Clone, Debug, Default)]
pub struct Cursors {
    /// Activities.
    pub activities: Cursor,
    /// Partners.
    pub partners: Cursor,
    /// Beneficiaries.
    pub beneficiaries: Cursor,
    /// Funding sources.
    pub funding: Cursor,
    /// Problems.
    pub problems: Cursor,
    /// History.
    pub history: Cursor,
    /// The operation log (on the History screen).
    pub operations: Cursor,
    /// Conflicts.
    pub conflicts: Cursor,
}

impl App {
    /// A TUI on `doc`.
    pub fn new(doc: Document, lang: Lang, today: NaiveDate, keymap: Keymap) -> App {
        let mut app = App {
            doc,
            msg: Messages::new(lang),
            pen: Pen {
                bidi: BidiMode::App,
                shaping: Shaping::Terminal,
                ui: lang,
            },
            screen: Screen::Overview,
            lang,
            content_lang: lang,
            today,
            keymap,
            tree: TreeView::default(),
            tree_rows: Vec::new(),
            cursors: Cursors::default(),
            form: None,
            editor: None,
            popup: None,
            status: String::new(),
            size: (80, 24),
            saving: false,
            quit: false,
            quit_after_save: false,
            gantt: Default::default(),
            recovered: None,
            disk_pending: Vec::new(),
            resave: false,
            own_writes: false,
            disk_note: None,
            repo: Default::default(),
            consult: Default::default(),
            review: Default::default(),
        };
        app.refresh_tree();
        if app.doc.read_only {
            app.status = app.msg.get("tui-read-only").into_owned();
        }
        app
    }

    /// Recomputes the activity tree's rows after the plan or the tree view changed.
    pub(crate) fn refresh_tree(&mut self) {
        self.tree_rows = self.tree.rows(&self.doc.plan, self.content_lang, &self.doc);
        let n = self.tree_rows.len();
        self.cursors.activities.step(0, n);
        super::screens::gantt::relayout(self);
    }

    /// The context keys are looked up in.
    pub fn context(&self) -> Context {
        if self.form.is_some() {
            Context::Form
        } else if self.screen == Screen::Conflicts {
            Context::Conflicts
        } else if self.screen == Screen::Gantt {
            Context::Gantt
        } else if self.screen == Screen::Consultations {
            Context::Consult
        } else if self.screen == Screen::Review {
            Context::Review
        } else if self.screen == Screen::History {
            Context::History
        } else {
            Context::List
        }
    }

    /// What a key means here: raw keys for an open editor or popup, commands otherwise.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if self.editor.is_some() || self.popup.as_ref().is_some_and(Popup::takes_keys) {
            return Some(Action::Key(key));
        }
        // Collect mode is a questionnaire: every key is an answer, typed or chosen.
        if self.collecting() {
            return Some(Action::Key(key));
        }
        // While a sync runs its own keys come first (`esc`, `ctrl-c`: cancel it).
        if self.repo.cancel.is_some()
            && let Some(c) = self.keymap.lookup_only(Context::Syncing, &key)
        {
            return Some(Action::Command(c));
        }
        self.keymap
            .lookup(self.context(), &key)
            .map(Action::Command)
    }

    /// The selected entity of the screen shown (or of the open form).
    pub fn selected(&self) -> Option<(EntityKind, Id)> {
        if let Some(super::form::Target::Entity(k, id)) = self.form.as_ref().map(|f| &f.target) {
            return Some((*k, id.clone()));
        }
        let pick = |kind: EntityKind, c: &Cursor| {
            self.doc
                .plan
                .ids(kind)
                .get(c.row)
                .cloned()
                .map(|id| (kind, id))
        };
        match self.screen {
            Screen::Activities | Screen::Gantt => self
                .tree_rows
                .get(self.cursors.activities.row)
                .map(|r| (EntityKind::Activity, r.id.clone())),
            Screen::Partners => pick(EntityKind::Partner, &self.cursors.partners),
            Screen::Beneficiaries => pick(EntityKind::Beneficiary, &self.cursors.beneficiaries),
            Screen::Funding => pick(EntityKind::Funding, &self.cursors.funding),
            Screen::Overview
            | Screen::Problems
            | Screen::History
            | Screen::Consultations
            | Screen::Review
            | Screen::Conflicts => None,
        }
    }

    /// Applies an action; returns the IO the run loop must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                super::screens::gantt::relayout(self);
                Vec::new()
            }
            Action::Saved(result) => super::disk_view::saved(self, result),
            Action::EditorClosed(result) => super::editing::external_closed(self, result),
            Action::Terminate => {
                self.quit = true;
                vec![Effect::WriteRecovery, Effect::Quit]
            }
            Action::Key(key) => {
                if self.editor.is_some() {
                    super::editing::editor_key(self, key)
                } else if self.popup.is_none() && self.collecting() {
                    super::screens::consult_collect::key(self, key)
                } else {
                    super::popup::key(self, key)
                }
            }
            Action::Paste(text) => {
                if let Some(ed) = &mut self.editor {
                    ed.input.insert_str(&crate::text::clean_paste(&text));
                    super::editing::revalidate(self);
                }
                Vec::new()
            }
            Action::Scroll(up) => self.command(if up { Command::Up } else { Command::Down }),
            Action::Click { col, row } => super::mouse::click(self, col, row),
            Action::Command(c) => self.command(c),
            Action::Repo(view) => super::repo_view::arrived(self, *view),
            Action::SyncProgress(e) => super::repo_view::sync_progress(self, e),
            Action::RepoDone(result) => super::repo_view::done(self, result),
            Action::FilesChanged(paths) => super::disk_view::files_changed(self, paths),
            Action::Rescan { own } => {
                self.own_writes |= own;
                vec![Effect::Rescan]
            }
            Action::DiskRead(snapshot) => super::disk_view::arrived(self, *snapshot),
            Action::ChangedBy(authors) => super::disk_view::changed_by(self, &authors),
            Action::OpLogFailed(why) => {
                self.status = self
                    .msg
                    .get_args("tui-oplog-failed", &[("error", why.show(&self.msg).into())]);
                Vec::new()
            }
            Action::RecoveryFailed(why) => {
                self.status = self.msg.get_args(
                    "tui-recovery-failed",
                    &[("error", why.show(&self.msg).into())],
                );
                Vec::new()
            }
            Action::ResponseSaved(result) => super::screens::consult_collect::saved(self, result),
            Action::Revisions(plans) => super::screens::review::arrived(self, *plans),
            Action::Operations(ops) => super::screens::history::operations(self, ops),
        }
    }

    /// Whether collect mode has the keyboard.
    pub fn collecting(&self) -> bool {
        self.screen == Screen::Consultations
            && self.form.is_none()
            && matches!(self.consult.mode, super::screens::consult::Mode::Collect(_))
    }

    fn command(&mut self, c: Command) -> Vec<Effect> {
        if let Some(screen) = c.screen() {
            self.form = None;
            self.screen = screen;
            if screen == Screen::Review {
                return super::screens::review::entered(self);
            }
            return Vec::new();
        }
        match c {
            Command::Quit => return self.ask_quit(),
            Command::Save => return self.save(),
            Command::Undo | Command::Redo => return self.undo_redo(c == Command::Undo),
            Command::Commit => return super::repo_view::start_commit(self),
            Command::Sync => return super::repo_view::start_sync(self),
            Command::CancelSync => return super::repo_view::cancel_sync(self),
            Command::Help => {
                self.popup = Some(Popup::Help);
                return Vec::new();
            }
            Command::SwitchLanguage => {
                self.content_lang = self.content_lang.other();
                self.refresh_tree();
                return Vec::new();
            }
            Command::NextScreen | Command::PrevScreen if self.form.is_none() => {
                let all = Screen::ALL;
                let i = all.iter().position(|s| *s == self.screen).unwrap_or(0);
                let n = all.len();
                self.screen = all[if c == Command::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }];
                return Vec::new();
            }
            _ => {}
        }
        if self.popup.is_some() {
            if c == Command::Back {
                self.popup = None;
            }
            return Vec::new();
        }
        if self.form.is_some() {
            return super::editing::form_command(self, c);
        }
        super::screens::command(self, c)
    }

    fn ask_quit(&mut self) -> Vec<Effect> {
        if self.doc.is_dirty() {
            self.popup = Some(Popup::ConfirmQuit);
            Vec::new()
        } else {
            self.quit = true;
            vec![Effect::Quit]
        }
    }

    /// Starts a save, unless one is running or the plan is read-only.
    pub fn save(&mut self) -> Vec<Effect> {
        if self.doc.read_only {
            self.status = self.msg.get("tui-cannot-save-read-only").into_owned();
            return Vec::new();
        }
        if self.saving {
            return Vec::new();
        }
        if !self.doc.is_dirty() {
            self.status = self.msg.get("tui-nothing-to-save").into_owned();
            return Vec::new();
        }
        match self.doc.save_writes() {
            Ok(writes) if writes.is_empty() => {
                self.quit_after_save = false;
                self.status = self.msg.count("tui-save-waits", self.doc.waiting().len());
                Vec::new()
            }
            Ok(writes) => {
                self.saving = true;
                self.status = self.msg.get("tui-saving").into_owned();
                vec![Effect::Save(writes)]
            }
            Err(e) => {
                self.quit_after_save = false;
                self.status = self.msg.get_args(
                    "tui-save-failed",
                    &[("error", Arg::Text(e.said().show(&self.msg).into()))],
                );
                Vec::new()
            }
        }
    }

    /// The open form after an undo or redo: it follows its entity through a rename taken back
    /// or made again, and closes when the entity is gone (a creation undone), rather than
    /// stay open on nothing.
    fn form_follows(&mut self, label: &crate::edit::Label) {
        use super::form::Target;
        let Some(Target::Entity(kind, id)) = self.form.as_ref().map(|f| f.target.clone()) else {
            return;
        };
        let mut id = id;
        // The edit returned is the one just applied (an undo's is the inverse): its rename
        // goes from the id the form shows to the id the entity has now.
        if let crate::edit::Label::Rename(k, from, to) = label
            && *k == kind
            && id == *from
        {
            id = to.clone();
        }
        if self.doc.plan.contains(kind, id.as_str()) {
            if let Some(f) = self.form.as_mut() {
                f.target = Target::Entity(kind, id);
            }
        } else {
            self.form = None;
        }
    }

    fn undo_redo(&mut self, undo: bool) -> Vec<Effect> {
        let result = if undo {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        if let Ok(Some(edit)) = &result {
            self.form_follows(&edit.label);
        }
        self.status = match result {
            Ok(Some(_)) if undo => self.msg.get("tui-undone").into_owned(),
            Ok(Some(_)) => self.msg.get("tui-redone").into_owned(),
            Ok(None) if undo => self.msg.get("tui-nothing-to-undo").into_owned(),
            Ok(None) => self.msg.get("tui-nothing-to-redo").into_owned(),
            Err(e) => self.msg.get_args(
                "tui-cannot",
                &[("error", Arg::Text(e.said().show(&self.msg).into()))],
            ),
        };
        self.refresh_tree();
        vec![Effect::WriteRecovery]
    }
}

impl Screen {
    /// Every screen, in tab order.
    pub const ALL: [Screen; 11] = [
        Screen::Overview,
        Screen::Activities,
        Screen::Partners,
        Screen::Beneficiaries,
        Screen::Funding,
        Screen::Gantt,
        Screen::Problems,
        Screen::History,
        Screen::Consultations,
        // While a merge waits its tab comes before Review's, which can then be cut short.
        Screen::Conflicts,
        Screen::Review,
    ];
}
