//! The two languages khutta speaks and a plan is written in.
//!
//! A leaf of its own, so that the text layer, the messages and the model can all name a
//! language without depending on one another.

use serde::{Deserialize, Serialize};

/// A UI or content language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Arabic.
    Ar,
}

impl Lang {
    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}
