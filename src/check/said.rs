//! Phrases the rules share: nouns for kinds of entity.

use crate::i18n::Said;
use crate::model::EntityKind;
use crate::said;

/// The name of a kind of entity inside a sentence: "activity", "funding source".
pub fn noun(kind: EntityKind) -> Said {
    match kind {
        EntityKind::Activity => said!("check-noun-activity"),
        EntityKind::Partner => said!("check-noun-partner"),
        EntityKind::Beneficiary => said!("check-noun-beneficiary"),
        EntityKind::Funding => said!("check-noun-funding"),
    }
}

/// The plural of a kind of entity inside a sentence: "activities", "funding sources".
pub fn plural(kind: EntityKind) -> Said {
    match kind {
        EntityKind::Activity => said!("check-plural-activity"),
        EntityKind::Partner => said!("check-plural-partner"),
        EntityKind::Beneficiary => said!("check-plural-beneficiary"),
        EntityKind::Funding => said!("check-plural-funding"),
    }
}
