//! Ids and text for imported things: slugs made unique, and text in the language its script
//! says.

use crate::model::{Id, MAX_ID_LEN, Text};
use std::collections::BTreeSet;

/// Whether `s` is written (at least partly) in Arabic script.
pub(crate) fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    })
}

/// Text in the language its script says.
pub(crate) fn text_in_script(s: &str) -> Text {
    if is_arabic(s) {
        Text {
            ar: Some(s.to_owned()),
            en: None,
        }
    } else {
        Text::en(s)
    }
}

/// A lowercase slug of `s` that is a valid id, when `s` has any ASCII letter or digit.
pub(crate) fn slug(s: &str) -> Option<Id> {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    out.truncate(MAX_ID_LEN.min(48));
    let out = out.trim_end_matches('-');
    Id::parse(out).ok()
}

/// `wanted` if free, else `wanted-2`, `wanted-3`, ...; records the id as taken.
pub(crate) fn unique(wanted: Id, taken: &mut BTreeSet<Id>) -> Id {
    let mut id = wanted.clone();
    let mut n = 2;
    while taken.contains(&id) {
        let base: String = wanted
            .as_str()
            .chars()
            .take(MAX_ID_LEN.saturating_sub(8))
            .collect();
        id = Id::new_unchecked(format!("{base}-{n}"));
        n += 1;
    }
    taken.insert(id.clone());
    id
}
