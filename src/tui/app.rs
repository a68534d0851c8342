//! The application state and `update`: every action goes through here, and nothing else
//! changes the state.

use super::Screen;
use super::action::{Action, Command};
use super::keymap::{Context, Keymap};
use super::lists::Cursor;
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
    /// Write an export or read an import (off the loop); the result comes back as
    /// [`Action::Exchanged`].
    Exchange(Box<super::exchange::Job>),
}

/// Everything the TUI knows: what every screen shares, each screen's own state, and what
/// only the app's own update touches (saving, quitting, changes read from disk).
pub struct App {
    /// What every screen may use and change.
    pub shared: super::shared::Shared,
    /// Each screen's own state.
    pub screens: super::screens::Screens,
    /// Whether a save is running.
    pub saving: bool,
    /// Set when the TUI should end.
    pub quit: bool,
    /// Quit once the running save succeeds.
    pub quit_after_save: bool,
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
    /// The document's revision that the outline was last made from.
    seen_revision: Option<u64>,
}

impl App {
    /// A TUI on `doc`.
    pub fn new(doc: Document, lang: Lang, today: NaiveDate, keymap: Keymap) -> App {
        let shared = super::shared::Shared {
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
            outline: Default::default(),
            form: None,
            editor: None,
            popup: None,
            status: String::new(),
            size: (80, 24),
            repo: Default::default(),
            search: Default::default(),
        };
        let mut app = App {
            shared,
            screens: Default::default(),
            saving: false,
            quit: false,
            quit_after_save: false,
            recovered: None,
            disk_pending: Vec::new(),
            resave: false,
            own_writes: false,
            disk_note: None,
            seen_revision: None,
        };
        app.follow_document();
        if app.shared.doc.read_only {
            app.shared.status = app.shared.msg.get("tui-read-only").into_owned();
        }
        app
    }

    /// Brings what is laid out from the document up to date with it: the activity outline
    /// after any change, the Gantt only while it is shown. Every action ends here, so no
    /// handler has to remember it, and an edit made on another screen lays out no chart.
    fn follow_document(&mut self) {
        let revision = self.shared.doc.revision();
        if self.seen_revision != Some(revision) {
            self.seen_revision = Some(revision);
            self.shared.follow_outline();
        }
        if self.shared.screen == Screen::Gantt {
            let review = &self.screens.review;
            self.screens
                .gantt
                .follow(&self.shared, review.ghosts.as_ref(), review.ghosts_revision);
        }
    }

    /// The context keys are looked up in.
    pub fn context(&self) -> Context {
        if self.shared.form.is_some() {
            Context::Form
        } else if self.shared.screen == Screen::Conflicts {
            Context::Conflicts
        } else if self.shared.screen == Screen::Gantt {
            Context::Gantt
        } else if self.shared.screen == Screen::Consultations {
            Context::Consult
        } else if self.shared.screen == Screen::Review {
            Context::Review
        } else if self.shared.screen == Screen::History {
            Context::History
        } else {
            Context::List
        }
    }

    /// What a key means here: raw keys for an open editor or popup, commands otherwise.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if self.shared.editor.is_some() || self.shared.popup.as_ref().is_some_and(Popup::takes_keys)
        {
            return Some(Action::Key(key));
        }
        // Collect mode is a questionnaire: every key is an answer, typed or chosen.
        if self.collecting() {
            return Some(Action::Key(key));
        }
        // While a sync runs its own keys come first (`esc`, `ctrl-c`: cancel it).
        if self.shared.repo.cancel.is_some()
            && let Some(c) = self.shared.keymap.lookup_only(Context::Syncing, &key)
        {
            return Some(Action::Command(c));
        }
        self.shared
            .keymap
            .lookup(self.context(), &key)
            .map(Action::Command)
    }

    /// The selected entity of the screen shown (or of the open form).
    pub fn selected(&self) -> Option<(EntityKind, Id)> {
        if let Some(super::form::Target::Entity(k, id)) =
            self.shared.form.as_ref().map(|f| &f.target)
        {
            return Some((*k, id.clone()));
        }
        // The row is among those a search shows.
        let pick = |kind: EntityKind, c: &Cursor| {
            super::screens::entities::shown(&self.shared, kind)
                .get(c.row)
                .cloned()
                .map(|id| (kind, id))
        };
        match self.shared.screen {
            Screen::Activities | Screen::Gantt => self
                .shared
                .outline
                .rows
                .get(self.shared.outline.cursor.row)
                .map(|r| (EntityKind::Activity, r.id.clone())),
            Screen::Partners => pick(EntityKind::Partner, &self.screens.entities.partners),
            Screen::Beneficiaries => pick(
                EntityKind::Beneficiary,
                &self.screens.entities.beneficiaries,
            ),
            Screen::Funding => pick(EntityKind::Funding, &self.screens.entities.funding),
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
        let effects = self.dispatch(action);
        self.follow_document();
        effects
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Resize(w, h) => {
                self.shared.size = (w, h);
                Vec::new()
            }
            Action::Saved(result) => super::disk_view::saved(self, result),
            Action::EditorClosed(result) => super::editing::external_closed(self, result),
            Action::Opened {
                recovered,
                config_error,
            } => {
                self.opened(recovered, config_error);
                Vec::new()
            }
            Action::WatchFailed(error) => {
                self.shared.status = self
                    .shared
                    .msg
                    .get_args("tui-watch-failed", &[("error", Arg::Text(error.into()))]);
                Vec::new()
            }
            Action::Terminate => {
                self.quit = true;
                vec![Effect::WriteRecovery, Effect::Quit]
            }
            Action::Key(key) => {
                if self.shared.editor.is_some() {
                    super::editing::editor_key(self, key)
                } else if self.shared.popup.is_none() && self.collecting() {
                    super::screens::consult_collect::key(
                        &mut self.screens.consult,
                        &mut self.shared,
                        key,
                    )
                } else {
                    super::popup::key(self, key)
                }
            }
            Action::Paste(text) => {
                if let Some(ed) = &mut self.shared.editor {
                    ed.input.insert_str(&crate::text::clean_paste(&text));
                    super::editing::revalidate(&mut self.shared);
                    super::editing::searched(self);
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
            Action::HeadMoved => super::disk_view::head_moved(self),
            Action::OpLogFailed(why) => {
                self.shared.status = self.shared.msg.get_args(
                    "tui-oplog-failed",
                    &[("error", why.show(&self.shared.msg).into())],
                );
                Vec::new()
            }
            Action::RecoveryFailed(why) => {
                self.shared.status = self.shared.msg.get_args(
                    "tui-recovery-failed",
                    &[("error", why.show(&self.shared.msg).into())],
                );
                Vec::new()
            }
            Action::ResponseSaved(result) => {
                super::screens::consult_collect::saved(&mut self.shared, result)
            }
            Action::Exchanged(outcome) => super::exchange::finished(&mut self.shared, *outcome),
            Action::Revisions(plans) => {
                super::screens::review::arrived(&mut self.screens.review, &mut self.shared, *plans)
            }
            Action::Authors(found) => {
                let (range, authors) = *found;
                let (v, sh) = (&mut self.screens.review, &mut self.shared);
                super::screens::review::authors_arrived(v, sh, range, authors)
            }
            Action::Operations(ops) => super::screens::history::operations(
                &mut self.screens.history,
                &mut self.shared,
                ops,
            ),
        }
    }

    /// Whether collect mode has the keyboard.
    pub fn collecting(&self) -> bool {
        self.shared.screen == Screen::Consultations
            && self.shared.form.is_none()
            && matches!(
                self.screens.consult.mode,
                super::screens::consult::Mode::Collect(_)
            )
    }

    fn command(&mut self, c: Command) -> Vec<Effect> {
        if let Some(screen) = c.screen() {
            self.shared.form = None;
            self.shared.screen = screen;
            if screen == Screen::Review {
                return super::screens::review::entered(&mut self.screens.review, &mut self.shared);
            }
            return Vec::new();
        }
        match c {
            Command::Quit => return self.ask_quit(),
            Command::Save => return self.save(),
            Command::Undo | Command::Redo => return self.undo_redo(c == Command::Undo),
            Command::Commit => return super::repo_view::start_commit(self),
            Command::Sync => return super::repo_view::start_sync(self),
            Command::Export => return super::exchange::start_export(&mut self.shared),
            Command::Import => return super::exchange::start_import(&mut self.shared),
            Command::CancelSync => return super::repo_view::cancel_sync(self),
            Command::Help => {
                self.shared.popup = Some(Popup::Help);
                return Vec::new();
            }
            Command::SwitchLanguage => {
                self.shared.content_lang = self.shared.content_lang.other();
                self.shared.refresh_outline();
                return Vec::new();
            }
            Command::NextScreen | Command::PrevScreen if self.shared.form.is_none() => {
                let all = Screen::ALL;
                let i = all
                    .iter()
                    .position(|s| *s == self.shared.screen)
                    .unwrap_or(0);
                let n = all.len();
                self.shared.screen = all[if c == Command::NextScreen {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                }];
                return Vec::new();
            }
            _ => {}
        }
        if self.shared.popup.is_some() {
            if c == Command::Back {
                self.shared.popup = None;
            }
            return Vec::new();
        }
        if self.shared.form.is_some() {
            return super::editing::form_command(&mut self.shared, c);
        }
        if c == Command::Details {
            if let Some(d) = super::screens::details(self) {
                self.shared.popup = Some(Popup::Details(Box::new(d)));
            }
            return Vec::new();
        }
        super::screens::command(self, c)
    }

    /// What opening found: unsaved edits of a previous session (asked about first), an
    /// unreadable recovery file, a config file that could not be used.
    fn opened(
        &mut self,
        recovered: Result<Option<super::recovery::Found>, String>,
        config_error: Option<String>,
    ) {
        let sh = &mut self.shared;
        match recovered {
            Ok(Some(found)) => {
                sh.popup = Some(Popup::Recover);
                self.recovered = Some(found);
            }
            Ok(None) => {}
            Err(why) => {
                sh.popup = Some(Popup::Message(sh.msg.get_args(
                    "tui-recovery-unreadable",
                    &[("error", Arg::Text(why.into()))],
                )));
            }
        }
        if let Some(e) = config_error {
            let said = format!("{}\n{e}", sh.msg.get("tui-config-error"));
            match sh.popup.take() {
                // Said after what reading the recovery file said, never instead of it.
                Some(Popup::Message(first)) => {
                    sh.popup = Some(Popup::Message(format!("{first}\n\n{said}")));
                }
                // The recovery question stays open; the config's error waits in the status line.
                Some(other) => {
                    sh.popup = Some(other);
                    sh.status = said;
                }
                None => sh.popup = Some(Popup::Message(said)),
            }
        }
    }

    fn ask_quit(&mut self) -> Vec<Effect> {
        if self.shared.doc.is_dirty() {
            self.shared.popup = Some(Popup::ConfirmQuit);
            Vec::new()
        } else {
            self.quit = true;
            vec![Effect::Quit]
        }
    }

    /// Starts a save, unless one is running or the plan is read-only.
    pub fn save(&mut self) -> Vec<Effect> {
        if self.shared.doc.read_only {
            self.shared.status = self
                .shared
                .msg
                .get("tui-cannot-save-read-only")
                .into_owned();
            return Vec::new();
        }
        if self.saving {
            return Vec::new();
        }
        if !self.shared.doc.is_dirty() {
            self.shared.status = self.shared.msg.get("tui-nothing-to-save").into_owned();
            return Vec::new();
        }
        match self.shared.doc.save_writes() {
            Ok(writes) if writes.is_empty() => {
                self.quit_after_save = false;
                self.shared.status = self
                    .shared
                    .msg
                    .count("tui-save-waits", self.shared.doc.waiting().len());
                Vec::new()
            }
            Ok(writes) => {
                self.saving = true;
                self.shared.status = self.shared.msg.get("tui-saving").into_owned();
                vec![Effect::Save(writes)]
            }
            Err(e) => {
                self.quit_after_save = false;
                self.shared.status = self.shared.msg.get_args(
                    "tui-save-failed",
                    &[("error", Arg::Text(e.said().show(&self.shared.msg).into()))],
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
        let Some(Target::Entity(kind, id)) = self.shared.form.as_ref().map(|f| f.target.clone())
        else {
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
        if self.shared.doc.plan.contains(kind, id.as_str()) {
            if let Some(f) = self.shared.form.as_mut() {
                f.target = Target::Entity(kind, id);
            }
        } else {
            self.shared.form = None;
        }
    }

    fn undo_redo(&mut self, undo: bool) -> Vec<Effect> {
        let result = if undo {
            self.shared.doc.undo()
        } else {
            self.shared.doc.redo()
        };
        if let Ok(Some(edit)) = &result {
            self.form_follows(&edit.label);
        }
        self.shared.status = match result {
            Ok(Some(_)) if undo => self.shared.msg.get("tui-undone").into_owned(),
            Ok(Some(_)) => self.shared.msg.get("tui-redone").into_owned(),
            Ok(None) if undo => self.shared.msg.get("tui-nothing-to-undo").into_owned(),
            Ok(None) => self.shared.msg.get("tui-nothing-to-redo").into_owned(),
            Err(e) => self.shared.msg.get_args(
                "tui-cannot",
                &[("error", Arg::Text(e.said().show(&self.shared.msg).into()))],
            ),
        };
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
