//! The run loop: the real terminal, events in, effects out, and the terminal restored however
//! the session ends (quit, Ctrl-C, SIGTERM, SIGHUP, a panic).

use super::action::Action;
use super::app::App;
use super::effects::{Host, Runner};
use super::{recovery, view};
use crate::document::Document;
use crate::i18n::Said;
use crate::said;
use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How the TUI starts.
pub struct Options {
    /// The plan folder.
    pub root: PathBuf,
    /// The UI language.
    pub lang: crate::model::Lang,
    /// Put the terminal in explicit bidi mode (khutta reorders right-to-left text itself).
    pub explicit_bidi: bool,
    /// The date of the today line.
    pub today: chrono::NaiveDate,
    /// Key bindings.
    pub keymap: super::keymap::Keymap,
    /// A problem with the config file, shown once the UI is up.
    pub config_error: Option<String>,
    /// khutta's state folder (see [`crate::folders`]): unsaved edits between
    /// sessions, the operation log of a plan outside git.
    pub state: Option<PathBuf>,
    /// The parse cache every plan shares (see [`crate::folders::Folders::parse_cache`]), if any.
    pub cache: Option<PathBuf>,
}

/// Why the TUI could not run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The plan could not be read.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The terminal failed.
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
}

/// What comes back from worker threads.
enum Done {
    Action(Action),
    /// From the terminal (see [`super::input`]).
    Input(super::input::Input),
}

/// Opens the plan and runs the TUI until the user quits.
pub fn run(opts: Options) -> Result<(), RunError> {
    let loaded = crate::store::load_with_cache(&opts.root, opts.cache.as_deref())?;
    let doc = Document::new(loaded);
    let mut app = App::new(doc, opts.lang, opts.today, opts.keymap);
    app.shared.pen.bidi = if opts.explicit_bidi {
        crate::text::BidiMode::App
    } else {
        crate::text::BidiMode::Terminal
    };
    let recovery_path = opts
        .state
        .as_deref()
        .and_then(|s| recovery::location(&opts.root, s));
    let recovered = match &recovery_path {
        Some(path) => recovery::read(path, &app.shared.doc),
        None => Ok(None),
    };
    // Nothing to carry out yet: what opening asks for is shown, not done.
    let _ = app.update(Action::Opened {
        recovered,
        config_error: opts.config_error,
    });
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    let mut terminal = enter(opts.explicit_bidi)?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        &opts.state,
        opts.explicit_bidi,
        &stop,
    );
    leave(opts.explicit_bidi);
    result
}

fn enter(explicit_bidi: bool) -> std::io::Result<ratatui::DefaultTerminal> {
    // ratatui's init installs a panic hook that restores the terminal; ours runs first and
    // also undoes what khutta added (mouse, paste, bidi mode).
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave(explicit_bidi);
        previous(info);
    }));
    let terminal = ratatui::try_init()?;
    let mut out = std::io::stdout();
    execute!(out, event::EnableMouseCapture, event::EnableBracketedPaste)?;
    if explicit_bidi {
        // Explicit mode (CSI 8 l): the terminal shows cells as given; khutta has reordered them.
        out.write_all(b"\x1b[8l")?;
        out.flush()?;
    }
    Ok(terminal)
}

fn leave(explicit_bidi: bool) {
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        event::DisableMouseCapture,
        event::DisableBracketedPaste
    );
    if explicit_bidi {
        // Back to the terminal's own (implicit) bidi handling.
        let _ = out.write_all(b"\x1b[8h");
        let _ = out.flush();
    }
    let _ = ratatui::try_restore();
}

/// The terminal side of the effects: leaving the UI for an external editor.
struct Terminal<'t> {
    terminal: &'t mut ratatui::DefaultTerminal,
    input: &'t super::input::Reader,
    explicit_bidi: bool,
}

impl Host for Terminal<'_> {
    fn external_editor(&mut self, text: &str) -> Result<String, Said> {
        self.input.pause();
        let result = external_editor(self.terminal, text, self.explicit_bidi);
        self.input.resume();
        result
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    state: &Option<PathBuf>,
    explicit_bidi: bool,
    stop: &AtomicBool,
) -> Result<(), RunError> {
    let (tx, rx) = mpsc::channel::<Done>();
    let input = super::input::Reader::spawn(tx.clone(), Done::Input);
    let to_loop = tx.clone();
    let send: super::effects::Send = Arc::new(move |a| {
        let _ = to_loop.send(Done::Action(a));
    });
    let root = app.shared.doc.loaded.root.clone();
    let runner = Runner::background(&root, state.clone(), app.shared.lang, Arc::clone(&send));
    let mut host = Terminal {
        terminal,
        input: &input,
        explicit_bidi,
    };
    // Without a watcher the save's hash check still guards the files; say why it is missing.
    let _watch = match super::watch::start(&root, send) {
        Ok(w) => Some(w),
        Err(e) => {
            let effects = app.update(Action::WatchFailed(e.to_string()));
            runner.run(app, effects, &mut host);
            None
        }
    };
    runner.run(
        app,
        vec![super::app::Effect::Repo(super::repo_view::RepoJob::State)],
        &mut host,
    );
    let size = host.terminal.size()?;
    let effects = app.update(Action::Resize(size.width, size.height));
    runner.run(app, effects, &mut host);
    let mut redraw = true;
    loop {
        if redraw {
            host.terminal.draw(|f| view::draw(app, f))?;
            redraw = false;
        }
        let mut actions: Vec<Step> = Vec::new();
        if stop.load(Ordering::Relaxed) {
            actions.push(Step::Do(Action::Terminate));
        }
        // Wait for the terminal or a worker, up to the next look at the signal flag.
        let mut arrived = Vec::new();
        if actions.is_empty()
            && let Ok(done) = rx.recv_timeout(Duration::from_millis(200))
        {
            arrived.push(done);
        }
        arrived.extend(rx.try_iter());
        for done in arrived {
            match done {
                Done::Action(a) => actions.push(Step::Do(a)),
                Done::Input(super::input::Input::Event(e)) => actions.push(Step::Event(e)),
                // Nobody can answer a question any more: keep the edits for next time and go.
                Done::Input(super::input::Input::Gone) => actions.push(Step::Do(Action::Terminate)),
            }
        }
        // A key means what it means once the keys before it have taken effect (the first may
        // change the screen), so events become actions one at a time, as they are applied.
        for step in actions {
            // Keys typed after the one that quit belong to the shell, not to this plan.
            if app.quit {
                break;
            }
            let now = match step {
                Step::Do(a) => vec![a],
                Step::Event(e) => event_actions(app, e),
            };
            for action in now {
                redraw = true;
                let effects = app.update(action);
                runner.run(app, effects, &mut host);
            }
        }
        if app.quit {
            return Ok(());
        }
    }
}

/// What the run loop has to do next: an action, or a terminal event still to be read as one.
enum Step {
    Do(Action),
    Event(Event),
}

/// What a terminal event asks of the app.
fn event_actions(app: &App, e: Event) -> Vec<Action> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            app.action_for_key(k).into_iter().collect()
        }
        Event::Paste(s) => vec![Action::Paste(s)],
        Event::Resize(w, h) => vec![Action::Resize(w, h)],
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => vec![Action::Click {
                col: m.column,
                row: m.row,
            }],
            MouseEventKind::ScrollUp => vec![Action::Scroll(true)],
            MouseEventKind::ScrollDown => vec![Action::Scroll(false)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Leaves the TUI, edits `text` in `$VISUAL` or `$EDITOR` (or `vi`), and comes back.
fn external_editor(
    terminal: &mut ratatui::DefaultTerminal,
    text: &str,
    explicit_bidi: bool,
) -> Result<String, Said> {
    let file = tempfile::Builder::new()
        .prefix("khutta-")
        .suffix(".txt")
        .tempfile()
        .map_err(|e| said!("editor-temp-file", detail = &e))?;
    std::fs::write(file.path(), text).map_err(|e| said!("editor-temp-file", detail = &e))?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    leave(explicit_bidi);
    // The editor setting may carry arguments ("code --wait"); the shell splits them.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("khutta-editor")
        .arg(file.path())
        .status();
    let back = enter(explicit_bidi).and_then(|t| {
        *terminal = t;
        terminal.clear()
    });
    back.map_err(|e| said!("editor-terminal", detail = &e))?;
    match status {
        Ok(s) if s.success() => {
            std::fs::read_to_string(file.path()).map_err(|e| said!("editor-temp-file", detail = &e))
        }
        Ok(s) => Err(said!("editor-exited", editor = &editor, status = &s)),
        Err(e) => Err(said!("editor-cannot-run", editor = &editor, detail = &e)),
    }
}
