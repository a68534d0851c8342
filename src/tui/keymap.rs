//! Keys to commands: defaults in vim and arrow flavours, overridable from the config file.

use super::action::Command;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;

/// Where a key is pressed: global keys work everywhere but in a text field.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// Everywhere (unless a more specific context binds the key).
    Global,
    /// Lists and tables.
    List,
    /// Entity forms.
    Form,
    /// The Gantt chart.
    Gantt,
    /// The conflicts of a merge in progress.
    Conflicts,
    /// The Consultations screen (rounds, designer, results).
    Consult,
    /// The Review screen's revisions.
    Review,
    /// The History screen: commits, and the operation log.
    History,
    /// While a sync runs, before any other context.
    Syncing,
}

/// A key with its modifiers, as written in config files: `ctrl-s`, `q`, `shift-tab`, `f1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

/// Why `s` is not a key.
fn unknown(s: &str) -> crate::i18n::Said {
    crate::said!("config-unknown-key", text = &format!("{s:?}"))
}

impl Key {
    /// The key of a key event; shift is folded into the character for printable keys.
    pub fn of(ev: &KeyEvent) -> Key {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_)) {
            mods -= KeyModifiers::SHIFT;
        }
        let code = match ev.code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            c => c,
        };
        Key { code, mods }
    }

    /// Parses `ctrl-s`, `alt-x`, `shift-tab`, `enter`, `?`, `f5`.
    pub fn parse(s: &str) -> Result<Key, crate::i18n::Said> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-") {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') => {
                KeyCode::F(f[1..].parse().map_err(|_| unknown(s))?)
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => {
                return Err(unknown(s));
            }
        };
        if matches!(code, KeyCode::Char(_)) {
            mods -= KeyModifiers::SHIFT;
        }
        Ok(Key { code, mods })
    }

    /// The key as written in config files and the help screen.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::F(n) => s.push_str(&format!("f{n}")),
            KeyCode::Enter => s.push_str("enter"),
            KeyCode::Esc => s.push_str("esc"),
            KeyCode::Tab => s.push_str("tab"),
            KeyCode::Backspace => s.push_str("backspace"),
            KeyCode::Delete => s.push_str("delete"),
            KeyCode::Up => s.push_str("up"),
            KeyCode::Down => s.push_str("down"),
            KeyCode::Left => s.push_str("left"),
            KeyCode::Right => s.push_str("right"),
            KeyCode::Home => s.push_str("home"),
            KeyCode::End => s.push_str("end"),
            KeyCode::PageUp => s.push_str("pageup"),
            KeyCode::PageDown => s.push_str("pagedown"),
            other => s.push_str(&format!("{other:?}").to_lowercase()),
        }
        s
    }
}

/// The bindings of every context.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: HashMap<(Context, Key), Command>,
}

const DEFAULTS: &[(Context, &str, Command)] = {
    use Command as C;
    use Context::*;
    &[
        (Global, "q", C::Quit),
        (Global, "ctrl-c", C::Quit),
        (Global, "ctrl-s", C::Save),
        (Global, "u", C::Undo),
        (Global, "ctrl-z", C::Undo),
        (Global, "ctrl-r", C::Redo),
        (Global, "ctrl-y", C::Redo),
        (Global, "?", C::Help),
        (Global, "f1", C::Help),
        (Global, "tab", C::NextScreen),
        (Global, "shift-tab", C::PrevScreen),
        (Global, "1", C::ScreenOverview),
        (Global, "2", C::ScreenActivities),
        (Global, "3", C::ScreenPartners),
        (Global, "4", C::ScreenBeneficiaries),
        (Global, "5", C::ScreenFunding),
        (Global, "6", C::ScreenGantt),
        (Global, "7", C::ScreenProblems),
        (Global, "8", C::ScreenHistory),
        (Global, "9", C::ScreenConsultations),
        (Global, "0", C::ScreenReview),
        (Global, "C", C::ScreenConflicts),
        (Global, "c", C::Commit),
        (Global, "S", C::Sync),
        (Global, "E", C::Export),
        (Global, "I", C::Import),
        (Global, "up", C::Up),
        (Global, "k", C::Up),
        (Global, "down", C::Down),
        (Global, "j", C::Down),
        (Global, "left", C::Left),
        (Global, "h", C::Left),
        (Global, "right", C::Right),
        (Global, "l", C::Right),
        (Global, "pageup", C::PageUp),
        (Global, "ctrl-b", C::PageUp),
        (Global, "pagedown", C::PageDown),
        (Global, "ctrl-f", C::PageDown),
        (Global, "home", C::Top),
        (Global, "g", C::Top),
        (Global, "end", C::Bottom),
        (Global, "G", C::Bottom),
        (Global, "enter", C::Select),
        (Global, "esc", C::Back),
        (Global, "L", C::SwitchLanguage),
        (Global, "w", C::Details),
        (List, "n", C::New),
        (List, "a", C::New),
        (List, "d", C::Delete),
        (List, "delete", C::Delete),
        (List, "r", C::Rename),
        (List, "/", C::Filter),
        (List, "f", C::FilterMenu),
        (List, "s", C::Sort),
        (List, "space", C::Toggle),
        (List, "+", C::ExpandAll),
        (List, "-", C::CollapseAll),
        (Form, "a", C::New),
        (Form, "n", C::New),
        (Form, "d", C::Delete),
        (Form, "delete", C::Delete),
        (Form, "r", C::Rename),
        (Form, "e", C::ExternalEditor),
        (Gantt, "+", C::ZoomIn),
        (Gantt, "=", C::ZoomIn),
        (Gantt, "-", C::ZoomOut),
        (Gantt, "t", C::Today),
        (Gantt, "[", C::GanttStart),
        (Gantt, "]", C::GanttEnd),
        (Gantt, ".", C::GanttSelected),
        (Gantt, "m", C::NextMilestone),
        (Gantt, "<", C::PageLeft),
        (Gantt, ">", C::PageRight),
        (Consult, "n", C::New),
        (Consult, "a", C::New),
        (Consult, "d", C::Delete),
        (Consult, "delete", C::Delete),
        (Consult, "i", C::Collect),
        (Consult, "R", C::ConsultResults),
        (Consult, "K", C::MoveUp),
        (Consult, "J", C::MoveDown),
        (Consult, "f", C::CycleCountry),
        (Consult, "o", C::CycleOrgType),
        (Consult, "A", C::ToggleAnonymise),
        (Consult, "/", C::Filter),
        (Conflicts, "o", C::TakeOurs),
        (Conflicts, "t", C::TakeTheirs),
        (Conflicts, "b", C::TakeBase),
        (Conflicts, "v", C::EditValue),
        (Conflicts, "M", C::FinishMerge),
        (Conflicts, "A", C::AbortMerge),
        (Review, "o", C::ReviewOld),
        (Review, "n", C::ReviewNew),
        (History, "O", C::Operations),
        (History, "U", C::UndoOperation),
        (History, "/", C::Filter),
        (Syncing, "esc", C::CancelSync),
        (Syncing, "ctrl-c", C::CancelSync),
    ]
};

impl Default for Keymap {
    fn default() -> Keymap {
        let mut bindings = HashMap::new();
        for (ctx, key, cmd) in DEFAULTS {
            if let Ok(k) = Key::parse(key) {
                bindings.insert((*ctx, k), *cmd);
            }
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The command bound to `key` in `context`, falling back to the global bindings.
    pub fn lookup(&self, context: Context, key: &KeyEvent) -> Option<Command> {
        let k = Key::of(key);
        self.bindings
            .get(&(context, k))
            .or_else(|| self.bindings.get(&(Context::Global, k)))
            .copied()
    }

    /// The command bound to `key` in `context` itself, without the global bindings.
    pub(crate) fn lookup_only(&self, context: Context, key: &KeyEvent) -> Option<Command> {
        self.bindings.get(&(context, Key::of(key))).copied()
    }

    /// Binds `key` to `command` in `context`, replacing what was there.
    pub fn bind(&mut self, context: Context, key: Key, command: Command) {
        self.bindings.insert((context, key), command);
    }

    /// Every binding of `context` (and the global ones), for the help screen, sorted by command.
    pub(crate) fn bindings_for(&self, context: Context) -> Vec<(Command, Vec<String>)> {
        let mut by_command: HashMap<Command, Vec<String>> = HashMap::new();
        for ((ctx, key), cmd) in &self.bindings {
            if *ctx == context || *ctx == Context::Global {
                by_command.entry(*cmd).or_default().push(key.label());
            }
        }
        let mut out: Vec<(Command, Vec<String>)> = by_command.into_iter().collect();
        for (_, keys) in &mut out {
            keys.sort();
        }
        out.sort_by_key(|(c, _)| c.name());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_label_round_trip() {
        for s in [
            "ctrl-s",
            "q",
            "shift-tab",
            "f1",
            "enter",
            "?",
            "G",
            "space",
            "alt-x",
        ] {
            assert_eq!(Key::parse(s).map(|k| k.label()), Ok(s.to_owned()));
        }
        assert!(Key::parse("hyper-q").is_err());
    }

    #[test]
    fn shifted_characters_match_their_events() {
        let km = Keymap::default();
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.lookup(Context::List, &ev), Some(Command::Bottom));
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(km.lookup(Context::List, &back), Some(Command::PrevScreen));
    }
}
