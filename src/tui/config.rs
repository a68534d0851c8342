//! The user's config file: UI language, bidi mode and key bindings.
//!
//! `$XDG_CONFIG_HOME/khutta/config.ron` (or `~/.config/khutta/config.ron`):
//!
//! ```ron
//! Config(
//!     lang: "ar",
//!     bidi: "app",
//!     keys: {
//!         global: { "ctrl-q": quit, "w": save },
//!         gantt: { "z": zoom_in },
//!     },
//! )
//! ```

use super::action::Command;
use super::keymap::{Context, Key, Keymap};
use crate::i18n::Said;
use crate::said;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// What the config file says; absent fields keep khutta's defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename = "Config")]
pub struct Config {
    /// UI language: `en` or `ar`.
    #[serde(default)]
    pub lang: Option<String>,
    /// Who reorders right-to-left text: `app` or `terminal`.
    #[serde(default)]
    pub bidi: Option<String>,
    /// Key bindings by context.
    #[serde(default)]
    pub keys: BTreeMap<Context, BTreeMap<String, Command>>,
}

/// A config file that could not be used, with where the problem is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.said())]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// What is wrong.
    pub message: Said,
}

impl ConfigError {
    /// Where and what, in words any reader's language can show (`Display` is the English).
    pub fn said(&self) -> Said {
        said!(
            "config-error",
            path = &self.path,
            line = &self.line,
            col = &self.col,
            message = self.message.clone()
        )
    }
}

/// Reads the config file at `path`; a missing file is the default config.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let text = match crate::store::read_bounded(path, crate::store::MAX_FILE_BYTES) {
        Ok(t) => String::from_utf8_lossy(&t).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(ConfigError {
                path: shown,
                line: 1,
                col: 1,
                message: said!("check-unreadable", detail = &e),
            });
        }
    };
    parse(&shown, &text)
}

/// Parses config text, checking values that serde cannot (languages, bidi modes, keys).
pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
    let config: Config = crate::store::from_ron(text).map_err(|e| ConfigError {
        path: path.to_owned(),
        line: u32::try_from(e.span.start.line).unwrap_or(1),
        col: u32::try_from(e.span.start.col).unwrap_or(1),
        message: crate::said!("check-syntax", detail = &e.code.to_string()),
    })?;
    let at = |needle: &str, message: Said| {
        let (line, col) = text
            .find(&format!("\"{needle}\""))
            .map_or((1, 1), |i| crate::store::line_col(text, i));
        ConfigError {
            path: path.to_owned(),
            line,
            col,
            message,
        }
    };
    if let Some(l) = &config.lang
        && l != "en"
        && l != "ar"
    {
        return Err(at(
            l,
            said!("config-unknown-language", text = &format!("{l:?}")),
        ));
    }
    if let Some(b) = &config.bidi
        && b != "app"
        && b != "terminal"
    {
        return Err(at(
            b,
            said!("config-unknown-bidi", text = &format!("{b:?}")),
        ));
    }
    for keys in config.keys.values() {
        for k in keys.keys() {
            Key::parse(k).map_err(|m| at(k, m))?;
        }
    }
    Ok(config)
}

impl Config {
    /// The default keymap with this config's bindings on top.
    pub fn keymap(&self) -> Keymap {
        let mut km = Keymap::default();
        for (ctx, keys) in &self.keys {
            for (k, cmd) in keys {
                if let Ok(key) = Key::parse(k) {
                    km.bind(*ctx, key, *cmd);
                }
            }
        }
        km
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn bindings_override_defaults() {
        let c = parse(
            "c.ron",
            "Config(keys: { global: { \"ctrl-q\": quit, \"q\": save } })",
        )
        .unwrap();
        let km = c.keymap();
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Context::List, &q), Some(Command::Save));
        let cq = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(km.lookup(Context::List, &cq), Some(Command::Quit));
    }

    #[test]
    fn errors_carry_their_location() {
        let e = parse(
            "c.ron",
            "Config(\n  keys: { global: { \"ctrl-q\": quitt } },\n)",
        )
        .unwrap_err();
        assert_eq!((e.line, e.col >= 1), (2, true));
        assert!(e.to_string().starts_with("c.ron:2:"), "{e}");
        let e = parse("c.ron", "Config(\n  lang: \"fr\",\n)").unwrap_err();
        assert_eq!((e.line, e.col), (2, 9));
        let e = parse("c.ron", "Config(keys: {global: {\"hyper-x\": save}})").unwrap_err();
        assert!(e.message.contains("unknown key"), "{e}");
        assert_eq!(parse("c.ron", "Config()"), Ok(Config::default()));
    }
}
