//! Who is counted in results: by country and by organisation type.
//!
//! An organisation's type is its partner's `kind` when the response names a partner of the
//! plan, and the type recorded beside a free-text organisation's name otherwise. A free-text
//! organisation recorded without a type has none: it is left out as soon as a type filter is
//! set, since it cannot be said to match.

use crate::model::{Consultation, CountryCode, OrganisationType, Plan, Response};
use serde::Serialize;

/// A filter on responses; an empty list admits everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Countries admitted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<CountryCode>,
    /// Organisation types admitted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub organisation_types: Vec<OrganisationType>,
}

impl Filter {
    /// Whether the filter admits everyone.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.organisation_types.is_empty()
    }

    /// Whether response `r` is counted.
    pub(crate) fn admits(&self, plan: &Plan, r: &Response) -> bool {
        let country = self.countries.is_empty() || self.countries.contains(&r.country);
        let kind = self.organisation_types.is_empty()
            || r.organisation
                .kind(plan)
                .is_some_and(|k| self.organisation_types.contains(&k));
        country && kind
    }
}

/// The countries and organisation types found among a round's responses, sorted: what a
/// filter menu offers.
pub fn filter_choices(plan: &Plan, c: &Consultation) -> (Vec<CountryCode>, Vec<OrganisationType>) {
    let mut countries: Vec<CountryCode> = c.responses.values().map(|r| r.country.clone()).collect();
    countries.sort();
    countries.dedup();
    let mut kinds: Vec<OrganisationType> = c
        .responses
        .values()
        .filter_map(|r| r.organisation.kind(plan))
        .collect();
    kinds.sort();
    kinds.dedup();
    (countries, kinds)
}
