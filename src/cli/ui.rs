//! The global options `--lang` and `--bidi`, and the settings every command receives.

use khutta::diff::lines::Line;
use khutta::folders::Folders;
use khutta::i18n::{LocaleEnv, Messages, choose_lang};
use khutta::model::Lang;
use khutta::text::{
    Align, BidiMode, Direction, DisplayOptions, display_line, escape_controls, str_width,
    visual_line,
};
use khutta::tui::config::{Config, load};
use std::borrow::Cow;

/// Options accepted before or after any subcommand.
#[derive(Debug, clap::Args)]
pub struct UiArgs {
    /// The language of khutta's messages [default: the config file's, else the locale's]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    lang: Option<LangArg>,
    /// Who puts Arabic text into display order: khutta (`app`) or a terminal that reorders
    /// by itself and cannot be told not to, such as Konsole or mlterm (`terminal`)
    #[arg(long, global = true, value_enum, value_name = "MODE")]
    bidi: Option<BidiArg>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum LangArg {
    Ar,
    En,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum BidiArg {
    App,
    Terminal,
}

/// The user interface's settings, resolved once and handed to the command.
#[derive(Debug)]
pub struct Ui {
    /// Who reorders bidirectional text.
    pub bidi: BidiMode,
    /// The messages in the chosen language.
    pub messages: Messages,
    /// The user's config file (the defaults when there is none or it is bad).
    pub config: Config,
    /// What is wrong with the config file, with its location, when something is.
    pub config_error: Option<String>,
    /// Whether the bidi mode was chosen (on the command line or in the config file) rather
    /// than defaulted.
    pub bidi_chosen: bool,
    /// khutta's config, state and cache folders.
    pub folders: Folders,
}

impl UiArgs {
    /// The settings: the command line first, then the config file, then the environment.
    pub fn resolve(&self) -> Ui {
        let var = |name| std::env::var(name).ok();
        let folders = Folders::from_env();
        let (config, config_error) = match folders.config_file() {
            Some(path) => match load(&path) {
                Ok(c) => (c, None),
                Err(e) => (Config::default(), Some(e)),
            },
            None => (Config::default(), None),
        };
        let config_lang = match config.lang.as_deref() {
            Some("ar") => Some(Lang::Ar),
            Some("en") => Some(Lang::En),
            _ => None,
        };
        let (lc_all, lc_messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
        let env = LocaleEnv {
            lc_all: lc_all.as_deref(),
            lc_messages: lc_messages.as_deref(),
            lang: lang.as_deref(),
        };
        let cli_lang = self.lang.map(|l| match l {
            LangArg::Ar => Lang::Ar,
            LangArg::En => Lang::En,
        });
        let bidi = match (self.bidi, config.bidi.as_deref()) {
            (Some(BidiArg::Terminal), _) | (None, Some("terminal")) => BidiMode::Terminal,
            _ => BidiMode::App,
        };
        let bidi_chosen = self.bidi.is_some() || config.bidi.is_some();
        let messages = Messages::new(choose_lang(cli_lang, config_lang, &env));
        // Said in the language just chosen (which a broken config file does not choose).
        let config_error = config_error.map(|e| e.said().show(&messages));
        Ui {
            bidi,
            messages,
            config,
            config_error,
            bidi_chosen,
            folders,
        }
    }
}

impl Ui {
    /// Who reorders plan text in output that is a chart (columns must line up): khutta on a
    /// terminal with `bidi = app`, or when asked for explicitly; otherwise the text stays in
    /// logical order, for files, pipes and `grep`.
    pub fn chart_bidi(&self, terminal: bool) -> BidiMode {
        if self.bidi == BidiMode::App && (terminal || self.bidi_chosen) {
            BidiMode::App
        } else {
            BidiMode::Terminal
        }
    }

    /// A line of plan text (or a message holding it) in `lang` for standard output, escaped. On a terminal with
    /// `bidi = app` it is in visual order, wrapped in explicit mode so that a terminal with its
    /// own bidi does not reverse it again (the mode is restored at the end of the line, so an
    /// interrupted command never leaves the shell in explicit mode). Piped output stays in
    /// logical order.
    pub fn plan_line<'a>(&self, text: &'a str, lang: Lang, terminal: bool) -> Cow<'a, str> {
        if !terminal || self.bidi == BidiMode::Terminal || !text.chars().any(is_rtl_letter) {
            return escape_controls(text);
        }
        let fallback = DisplayOptions::for_lang(lang).fallback;
        Cow::Owned(format!(
            "{}{}{}",
            self.bidi.enter_sequence(),
            visual_line(text, fallback),
            self.bidi.leave_sequence()
        ))
    }
}

impl Ui {
    /// A line of a review or conflict report for standard output. On a terminal with
    /// `bidi = app`, a line holding Arabic is put in display order ([`Line::visual`]: a table
    /// row cell by cell, prose after its indentation) inside explicit mode, as in
    /// [`Ui::plan_line`]; piped output stays in logical order. The text is escaped already.
    pub fn review_line<'a>(&self, line: &'a Line, terminal: bool) -> Cow<'a, str> {
        if !terminal || self.bidi == BidiMode::Terminal || !line.text.chars().any(is_rtl_letter) {
            return Cow::Borrowed(&line.text);
        }
        let fallback = Direction::of_lang(self.messages.lang());
        Cow::Owned(format!(
            "{}{}{}",
            self.bidi.enter_sequence(),
            line.visual(fallback),
            self.bidi.leave_sequence()
        ))
    }
}

fn is_rtl_letter(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// The cells of a column table that may hold Arabic (`schedule`, `blame`). Each is padded
/// by display width, so that the columns line up in either language. Where khutta reorders
/// (a terminal with `bidi = app`, as for `Ui::plan_line`) each cell is put in display order
/// by itself, so that the columns keep their places, and a line holding Arabic is sent in the
/// terminal's explicit mode; pipes get logical order.
pub(crate) struct Cells {
    opts: DisplayOptions,
}

impl Cells {
    /// The cells for standard output, or another stream that is a `terminal` or not.
    pub(crate) fn new(ui: &Ui, terminal: bool) -> Cells {
        Cells {
            opts: DisplayOptions {
                bidi: if terminal {
                    ui.bidi
                } else {
                    BidiMode::Terminal
                },
                ..DisplayOptions::for_lang(ui.messages.lang())
            },
        }
    }

    /// `text`, escaped, in a column `width` cells wide (or as wide as itself, if wider).
    pub(crate) fn pad(&self, text: &str, width: usize, align: Align) -> String {
        let text = escape_controls(text);
        let opts = DisplayOptions { align, ..self.opts };
        display_line(&text, width.max(str_width(&text)), &opts).text
    }

    /// `text`, escaped, as the last cell of a line, unpadded.
    pub(crate) fn last(&self, text: &str) -> String {
        self.pad(text, usize::MAX, Align::None)
    }

    /// A finished line of cells, in the terminal's explicit mode when it holds reordered
    /// right-to-left text.
    pub(crate) fn line(&self, line: String) -> String {
        if self.opts.bidi == BidiMode::App && line.chars().any(is_rtl_letter) {
            let mode = self.opts.bidi;
            format!("{}{line}{}", mode.enter_sequence(), mode.leave_sequence())
        } else {
            line
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khutta::diff::lines::LineKind;
    use khutta::text::{EXPLICIT_MODE, IMPLICIT_MODE};

    fn ui(bidi: BidiMode) -> Ui {
        Ui {
            bidi,
            messages: Messages::new(Lang::Ar),
            config: Config::default(),
            config_error: None,
            bidi_chosen: false,
            folders: Folders::default(),
        }
    }

    #[test]
    fn review_lines_are_reordered_only_on_a_terminal_that_wants_it() {
        let line = Line::new(LineKind::Changed, "  عُدِّل launch");
        let app = ui(BidiMode::App);
        // Piped: logical order, as typed.
        assert_eq!(app.review_line(&line, false), "  عُدِّل launch");
        // On a terminal: display order inside explicit mode, the indentation on the left.
        let shown = format!("{EXPLICIT_MODE}  launch لدِّعُ{IMPLICIT_MODE}");
        assert_eq!(app.review_line(&line, true), shown);
        // A terminal that reorders by itself gets the logical text.
        assert_eq!(
            ui(BidiMode::Terminal).review_line(&line, true),
            "  عُدِّل launch"
        );
        // A line with no Arabic is left alone.
        let plain = Line::new(LineKind::Detail, "    progress: 0 -> 50");
        assert_eq!(app.review_line(&plain, true), "    progress: 0 -> 50");
    }
}
