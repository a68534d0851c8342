//! Bilingual text: every title, name and description carries Arabic and English.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A piece of text in Arabic and English; at least one of the two is present.
///
/// Text is stored in logical order, exactly as typed; display order is computed at draw time.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Arabic text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
    /// The English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// Text with both languages.
    pub fn new(ar: &str, en: &str) -> Text {
        Text {
            ar: non_empty(ar),
            en: non_empty(en),
        }
    }

    /// Text in English only.
    pub fn en(en: &str) -> Text {
        Text {
            ar: None,
            en: non_empty(en),
        }
    }

    /// Whether neither language is set at all (blank text still counts as set, so that a
    /// file round-trips exactly).
    pub(crate) fn is_absent(&self) -> bool {
        self.ar.is_none() && self.en.is_none()
    }

    /// Whether neither language has any non-blank text.
    pub fn is_empty(&self) -> bool {
        self.get(Lang::Ar).is_none() && self.get(Lang::En).is_none()
    }

    /// The text in `lang`, if present and not blank.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let s = match lang {
            Lang::Ar => self.ar.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        s.filter(|s| !s.trim().is_empty())
    }

    /// The text in `lang`, falling back to the other language, then to "".
    pub fn show(&self, lang: Lang) -> &str {
        self.get(lang)
            .or_else(|| self.get(lang.other()))
            .unwrap_or("")
    }

    /// Sets the text in `lang`; blank text removes it.
    pub fn set(&mut self, lang: Lang, value: &str) {
        let slot = match lang {
            Lang::Ar => &mut self.ar,
            Lang::En => &mut self.en,
        };
        *slot = non_empty(value);
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback() {
        let t = Text::en("Pilot");
        assert_eq!(t.show(Lang::Ar), "Pilot");
        assert!(!t.is_empty());
        assert!(
            Text {
                ar: Some("  ".into()),
                en: None
            }
            .is_empty()
        );
    }
}
