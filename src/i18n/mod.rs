//! The user interface's strings in English and Arabic, with Fluent.
//!
//! Messages live in `locales/{en,ar}/*.ftl` (see `CATALOGUE`), compiled into the binary. English plural
//! forms come from Fluent; Arabic's six (zero, one, two, few, many, other) come from
//! `arabic_plural`, because the plural rules Fluent uses answer "other" for every count from
//! 100 on, where CLDR goes by the count modulo 100 ("103 ملفات", not "103 ملف"). Arabic
//! messages therefore select on `$count_form`, which khutta sets beside each number `$count`.
//! Messages come out
//! without Fluent's bidi isolation marks (FSI/PDI): khutta shows U+2066..U+2069 as escapes
//! because in plan data they can disguise text, and a UI string goes through the same display
//! pipeline, which orders its runs itself.

mod locale;
mod said;

pub use locale::{LocaleEnv, choose_lang, lang_of_locale};
pub use said::{Part, Said};

use crate::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use unic_langid::LanguageIdentifier;

/// One file of messages in both languages.
#[derive(Clone, Copy, Debug)]
pub struct CatalogueFile {
    /// Its name in `locales/en` and `locales/ar`.
    pub name: &'static str,
    /// The English messages.
    pub en: &'static str,
    /// The Arabic messages.
    pub ar: &'static str,
}

macro_rules! catalogue_file {
    ($name:literal) => {
        CatalogueFile {
            name: $name,
            en: include_str!(concat!("../../locales/en/", $name)),
            ar: include_str!(concat!("../../locales/ar/", $name)),
        }
    };
}

/// The messages, compiled in, one file per area: the interface, `khutta check`'s diagnostics,
/// reviews of a change, the other commands' output, errors, and what each check code means
/// (`khutta check --explain`), the HTML report, and who may change what (rights and
/// `khutta verify`). A key lives in exactly one file.
pub(crate) const CATALOGUE: [CatalogueFile; 8] = [
    catalogue_file!("khutta.ftl"),
    catalogue_file!("check.ftl"),
    catalogue_file!("review.ftl"),
    catalogue_file!("cli.ftl"),
    catalogue_file!("errors.ftl"),
    catalogue_file!("explain.ftl"),
    catalogue_file!("report.ftl"),
    catalogue_file!("rights.ftl"),
];

/// The UI strings of one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

/// A value for a message's variable: a number (which selects plural forms) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A count or other number.
    Number(i64),
    /// Text, such as a path or an error.
    Text(Cow<'a, str>),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl Messages {
    /// The messages of `lang`.
    pub fn new(lang: Lang) -> Messages {
        let id = LanguageIdentifier::from_bytes(lang.tag().as_bytes()).unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        // The files are compiled in and a test parses them cleanly; should one still be
        // broken, the messages that did parse are kept and the others show their key.
        for file in CATALOGUE {
            let source = match lang {
                Lang::En => file.en,
                Lang::Ar => file.ar,
            };
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Messages { lang, bundle }
    }

    /// The language of these messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the message `key` exists.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    /// The message `key`; the key itself when there is no such message, so that a missing
    /// string is visible rather than blank.
    pub fn get(&self, key: &str) -> Cow<'_, str> {
        self.format(key, None)
    }

    /// The message `key` with its variables set from `args`.
    pub fn get_args(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(2 * args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => {
                    if self.lang == Lang::Ar {
                        fluent.set(format!("{name}_form"), arabic_plural(*n));
                    }
                    FluentValue::from(*n)
                }
                Arg::Text(s) => FluentValue::from(s.as_ref()),
            };
            fluent.set(*name, value);
        }
        self.format(key, Some(&fluent)).into_owned()
    }

    /// The message `key` for `count` things (`$count` in the message).
    pub fn count(&self, key: &str, count: usize) -> String {
        self.get_args(key, &[("count", count.into())])
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Cow<'_, str> {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return Cow::Owned(key.to_owned());
        };
        // A missing variable is written as `{$name}` and reported in `errors`; the parity
        // test keeps the two languages' variables equal, so there is nothing to add here.
        let mut errors = Vec::new();
        self.bundle.format_pattern(pattern, args, &mut errors)
    }
}

/// The months' names for a chart's axis, January first, in the language of `m`.
pub fn month_names(m: &Messages) -> [String; 12] {
    std::array::from_fn(|i| m.get(&format!("month-{}", i + 1)).into_owned())
}

/// The CLDR plural category of `n` in Arabic.
pub(crate) fn arabic_plural(n: i64) -> &'static str {
    match (n.unsigned_abs(), n.unsigned_abs() % 100) {
        (0, _) => "zero",
        (1, _) => "one",
        (2, _) => "two",
        (_, 3..=10) => "few",
        (_, 11..=99) => "many",
        _ => "other",
    }
}

#[cfg(test)]
mod tests;
