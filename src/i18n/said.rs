//! Words to be shown later: a message of the catalogue and its arguments, kept unformatted
//! so that each reader gets them in their own language. The core builds diagnostics and
//! errors this way without knowing who will read them: `khutta --lang ar check`, the Problems
//! screen of an Arabic UI. English is the language of JSON output and of `Display`, so
//! scripts and logs see the same text whatever the user's locale; sorting goes by key and
//! arguments, in no language.

use super::{Arg, Messages};
use crate::lang::Lang;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// A message key with its arguments.
///
/// It is made only from a key of the catalogue (`said!`), so that every text a person reads
/// exists in both languages; no string converts into one:
///
/// ```compile_fail
/// let s: khutta::i18n::Said = String::from("typed by hand").into();
/// ```
///
/// ```compile_fail
/// let s: khutta::i18n::Said = "typed by hand".into();
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Said {
    key: &'static str,
    args: Vec<(&'static str, Part)>,
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Text shown as it is: an id, a date, a parser's own words.
    Text(String),
    /// A number, which chooses plural forms.
    Number(i64),
    /// A phrase that is itself a message, translated with the one around it.
    Said(Box<Said>),
    /// Phrases in a row, joined by the separator the message `separator` holds in the
    /// reader's language (`list-separator` is "; " and "؛ ").
    List(Vec<Said>, &'static str),
}

/// `said!("check-key", name = value, ...)`: a [`Said`] whose arguments convert with
/// `Part::from` (numbers stay numbers, [`Said`]s nest, anything else is text).
#[macro_export]
macro_rules! said {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Said::new(
            $key,
            vec![$((stringify!($name), $crate::i18n::Part::from($value))),*],
        )
    };
}

impl Said {
    /// The message `key` with `args`.
    pub fn new(key: &'static str, args: Vec<(&'static str, Part)>) -> Said {
        Said { key, args }
    }

    /// The message's key in the catalogue.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The text in the language of `messages`.
    pub fn show(&self, messages: &Messages) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, part)| {
                let arg = match part {
                    Part::Text(s) => Arg::Text(Cow::Borrowed(s)),
                    Part::Number(n) => Arg::Number(*n),
                    Part::Said(s) => Arg::Text(Cow::Owned(s.show(messages))),
                    Part::List(items, separator) => {
                        let sep = messages.get(separator);
                        let shown: Vec<String> = items.iter().map(|s| s.show(messages)).collect();
                        Arg::Text(Cow::Owned(shown.join(&sep)))
                    }
                };
                (*name, arg)
            })
            .collect();
        messages.get_args(self.key, &args)
    }

    /// The text in English.
    pub fn english(&self) -> String {
        self.show(english())
    }

    /// Whether the English text contains `needle` (for tests and filters).
    pub fn contains(&self, needle: &str) -> bool {
        self.english().contains(needle)
    }
}

/// The English messages, built once: JSON and error values show diagnostics in English
/// whatever the UI speaks.
fn english() -> &'static Messages {
    static EN: OnceLock<Messages> = OnceLock::new();
    EN.get_or_init(|| Messages::new(Lang::En))
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english())
    }
}

impl From<Said> for Part {
    fn from(s: Said) -> Self {
        Part::Said(Box::new(s))
    }
}

impl From<Vec<Said>> for Part {
    fn from(items: Vec<Said>) -> Self {
        Part::List(items, "list-separator")
    }
}

impl From<String> for Part {
    fn from(s: String) -> Self {
        Part::Text(s)
    }
}

impl<T: fmt::Display + ?Sized> From<&T> for Part {
    fn from(x: &T) -> Self {
        Part::Text(x.to_string())
    }
}

macro_rules! number_parts {
    ($($t:ty),*) => {$(
        impl From<$t> for Part {
            fn from(n: $t) -> Self {
                Part::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}

number_parts!(u8, u16, u32, u64, usize, i32, i64);

impl From<chrono::NaiveDate> for Part {
    fn from(d: chrono::NaiveDate) -> Self {
        Part::Text(d.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `said!(KEY, ...)` in the source names a message that exists (the catalogue's
    /// own test keeps Arabic and English in step), so no diagnostic shows a bare key.
    #[test]
    fn every_key_in_the_source_has_a_message() {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let en = Messages::new(Lang::En);
        let mut keys = 0;
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            for (i, _) in text.match_indices("said!(") {
                if text[..i].ends_with('"') {
                    continue;
                }
                let rest = text[i + 6..].trim_start();
                let Some(key) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) else {
                    continue;
                };
                if key == "check-key" {
                    continue; // the macro's documentation
                }
                keys += 1;
                assert!(en.has(key), "{}: no message {key}", f.display());
            }
        }
        assert!(keys > 100, "only {keys} keys found");
    }

    #[test]
    fn a_message_reads_in_either_language_and_nests() {
        let inner = said!("check-in-outer", outer = "Fixed");
        let s = said!("check-missing-field", field = "end", place = inner);
        assert_eq!(s.english(), "missing field `end` in `Fixed`");
        let ar = s.show(&Messages::new(Lang::Ar));
        assert!(ar.contains("`end`") && ar.contains("`Fixed`"), "{ar}");
        assert!(!ar.contains("missing"), "{ar}");
        assert_eq!(s.to_string(), s.english());
        assert_eq!(
            serde_json::to_value(&s).ok(),
            Some(serde_json::Value::from(s.english()))
        );
    }
}
