//! Asking the person at the terminal for a passphrase or a password, once, without echo, when
//! nothing stored was accepted. Only `khutta sync` run with a terminal on stdin asks: in
//! scripts and in the TUI there is no one to answer.

use khutta::i18n::{Arg, Messages};
use khutta::model::Lang;
use khutta::repo::{Cancel, Prompter};
use khutta::text::escape_controls;
use std::io::{BufRead, Read, Write};
use std::path::Path;

/// The terminal of `khutta sync`.
#[derive(Debug)]
pub struct TerminalPrompt {
    /// The language of the questions.
    pub lang: Lang,
    /// Raised when the person answers with Ctrl-C: they want the sync to stop.
    pub cancel: Cancel,
}

impl TerminalPrompt {
    fn ask(&self, key: &str, what: &str) {
        let m = Messages::new(self.lang);
        let question = m.get_args(key, &[("what", Arg::Text(escape_controls(what)))]);
        // Over the progress line, if one is shown.
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{question} ");
        let _ = err.flush();
    }
}

impl Prompter for TerminalPrompt {
    fn passphrase(&self, key: &Path) -> Option<String> {
        self.ask("prompt-passphrase", &key.display().to_string());
        self.secret()
    }

    fn password(&self, url: &str, user: Option<&str>) -> Option<(String, String)> {
        let user = match user {
            Some(u) => u.to_owned(),
            None => {
                self.ask("prompt-username", url);
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).ok()?;
                let line = line.trim().to_owned();
                if line.is_empty() {
                    return None;
                }
                line
            }
        };
        self.ask("prompt-password", url);
        Some((user, self.secret()?))
    }
}

/// Leaves raw mode however reading ends.
struct Raw;

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

impl TerminalPrompt {
    /// A line typed without echo; `None` on Ctrl-C (which also cancels the sync), Ctrl-D or
    /// Escape.
    fn secret(&self) -> Option<String> {
        crossterm::terminal::enable_raw_mode().ok()?;
        let raw = Raw;
        let mut typed: Vec<u8> = Vec::new();
        let mut stdin = std::io::stdin().lock();
        let mut byte = [0u8; 1];
        let answer = loop {
            match stdin.read(&mut byte) {
                Ok(1) => {}
                _ => break None,
            }
            match byte[0] {
                b'\r' | b'\n' => break String::from_utf8(std::mem::take(&mut typed)).ok(),
                // In raw mode Ctrl-C is a byte, not a signal: the person wants to stop.
                3 => {
                    self.cancel.cancel();
                    break None;
                }
                4 | 27 => break None,
                8 | 127 => {
                    // A whole character: drop continuation bytes, then its first byte.
                    while typed.pop().is_some_and(|b| b & 0xC0 == 0x80) {}
                }
                b => typed.push(b),
            }
        };
        drop(raw);
        eprintln!();
        answer
    }
}
