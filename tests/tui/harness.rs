//! A TUI on a copy of the bundled plan, fed keys and drawn in memory. Effects are carried out
//! by the run loop's own runner, inline in the test's thread so that every step is
//! deterministic: saving, the recovery file, reading changes on disk and git jobs go through
//! the code users run.

pub use crate::support::cmd::copy_dir;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use khutta::document::Document;
use khutta::model::Lang;
use khutta::tui::action::Action;
use khutta::tui::app::{App, Effect};
use khutta::tui::effects::{Host, Runner};
use khutta::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

/// The pinned date of every TUI test.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// The bundled plan's folder in the repository.
pub fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua")
}

pub struct Harness {
    pub app: App,
    pub dir: tempfile::TempDir,
    /// What the external editor returns when asked.
    pub editor_reply: Option<String>,
    /// Carries out effects as the run loop does.
    pub runner: Runner,
    /// Where this TUI keeps its recovery file (in a state folder of the test's own).
    pub recovery: std::path::PathBuf,
    /// khutta's state folder for this TUI: the recovery file, the log of a plan outside git.
    pub state: tempfile::TempDir,
}

/// The test's side of the terminal: the external editor answers what the test set.
struct Editor<'r>(&'r mut Option<String>);

impl Host for Editor<'_> {
    fn external_editor(&mut self, _text: &str) -> Result<String, khutta::i18n::Said> {
        self.0.take().ok_or_else(|| {
            khutta::said!(
                "editor-cannot-run",
                editor = "vi",
                detail = "no editor in this test"
            )
        })
    }
}

impl Harness {
    /// A TUI on a fresh copy of the bundled plan, 120×40, in `lang`.
    pub fn bundled(lang: Lang) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&bundled(), dir.path());
        let mut h = Harness::open(dir.path(), lang);
        h.dir = dir;
        h
    }

    /// A TUI on the plan at `root` (which the caller keeps), 120×40, in `lang`.
    pub fn open(root: &Path, lang: Lang) -> Harness {
        let loaded = khutta::store::load_with_cache(root, None).unwrap();
        let mut app = App::new(Document::new(loaded), lang, today(), Keymap::default());
        app.update(Action::Resize(120, 40));
        let state = tempfile::tempdir().unwrap();
        let runner = Runner::inline(root, Some(state.path().to_path_buf()));
        Harness {
            app,
            dir: tempfile::tempdir().unwrap(),
            editor_reply: None,
            recovery: runner.recovery().unwrap().to_path_buf(),
            runner,
            state,
        }
    }

    /// Another program changed files of the plan (a sync, an editor): what the watcher would
    /// report, found by comparing every file with what the document last read.
    pub fn disk_changed(&mut self) {
        self.act(Action::Rescan { own: false });
    }

    /// Carries out an effect as the run loop would (for starting jobs a test needs).
    pub fn run_effect(&mut self, effect: Effect) {
        self.carry_out(vec![effect]);
    }

    /// Carries out effects as the run loop would.
    pub fn run_effects(&mut self, effects: Vec<Effect>) {
        self.carry_out(effects);
    }

    /// Presses keys, each written like `j`, `enter`, `ctrl-s`, `shift-tab`, `esc`.
    pub fn press(&mut self, keys: &[&str]) {
        for k in keys {
            let ev = key_event(k);
            if let Some(action) = self.app.action_for_key(ev) {
                self.act(action);
            }
        }
    }

    /// Types text into the open editor, one character at a time.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.act(Action::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    /// Applies an action and carries out its effects as the run loop would.
    pub fn act(&mut self, action: Action) {
        let effects = self.app.update(action);
        self.carry_out(effects);
    }

    fn carry_out(&mut self, effects: Vec<Effect>) {
        let mut editor = Editor(&mut self.editor_reply);
        self.runner.run(&mut self.app, effects, &mut editor);
    }

    /// Moves the Activities cursor to `id` with the text filter, then clears the filter.
    pub fn select_activity(&mut self, id: &str) {
        self.press(&["2"]);
        let row = self
            .app
            .shared
            .outline
            .rows
            .iter()
            .position(|r| r.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} not in the tree"));
        self.app.shared.outline.cursor.row = row;
    }

    /// Opens the form of activity `id` with its cursor on the row named `row`.
    pub fn open_activity_row(&mut self, id: &str, row: &str) {
        self.select_activity(id);
        self.press(&["enter"]);
        self.form_row(row);
    }

    /// Moves the open form's cursor to the row named `name`.
    pub fn form_row(&mut self, name: &str) {
        let form = self.app.shared.form.as_ref().expect("a form is open");
        let rows = form.rows(&self.app.shared.doc.plan);
        let i = rows
            .iter()
            .position(|r| r.name == name)
            .unwrap_or_else(|| panic!("no row {name}"));
        let form = self.app.shared.form.as_mut().unwrap();
        if form.item.is_some() {
            form.item_cursor = i
        } else {
            form.cursor = i
        }
    }

    /// The screen as text, `w`×`h`.
    pub fn render(&self, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut app_size = self.app.shared.size;
        app_size.0 = w;
        t.draw(|f| khutta::tui::view::draw(&self.app, f)).unwrap();
        let buf = t.backend().buffer();
        let mut out = String::new();
        for y in 0..h {
            let mut line = String::new();
            for x in 0..w {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        let _ = app_size;
        out
    }
}

fn key_event(k: &str) -> KeyEvent {
    let (mods, rest) = match k.strip_prefix("ctrl-") {
        Some(r) => (KeyModifiers::CONTROL, r),
        None => (KeyModifiers::NONE, k),
    };
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("unknown key {other}"),
    };
    KeyEvent::new(code, mods)
}
