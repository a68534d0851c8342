//! The beneficiary group form.

use super::spec::{EditorKind as E, Field, List, Subject, always};
use super::value as v;
use crate::model::{Beneficiary, BeneficiaryKind};

const BENEFICIARY_KINDS: &[&str] = &[
    "CityGovernment",
    "NationalInstitution",
    "CivilSociety",
    "Citizens",
    "Academia",
    "PrivateSector",
    "Youth",
    "Women",
    "Other",
];

static BENEFICIARY_FIELDS: &[Field<Beneficiary>] = &[
    Field {
        name: "name.ar",
        editor: E::Text,
        get: |b| b.name.ar.clone().unwrap_or_default(),
        set: |b, s| {
            b.name.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "name.en",
        editor: E::Text,
        get: |b| b.name.en.clone().unwrap_or_default(),
        set: |b, s| {
            b.name.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "beneficiary_kind",
        editor: E::Choice(BENEFICIARY_KINDS),
        get: |b| v::name_of(&b.kind),
        set: |b, s| {
            b.kind = v::choice::<BeneficiaryKind>(s, BENEFICIARY_KINDS)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "country",
        editor: E::Text,
        get: |b| {
            b.country
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |b, s| {
            b.country = v::opt_country(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "city",
        editor: E::Text,
        get: |b| b.city.clone().unwrap_or_default(),
        set: |b, s| {
            b.city = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "size",
        editor: E::Number,
        get: |b| b.size.map(|n| n.to_string()).unwrap_or_default(),
        set: |b, s| {
            b.size = if s.trim().is_empty() {
                None
            } else {
                Some(v::int(s, 0, i64::MAX)?)
            };
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.ar",
        editor: E::Long,
        get: |b| b.description.ar.clone().unwrap_or_default(),
        set: |b, s| {
            b.description.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.en",
        editor: E::Long,
        get: |b| b.description.en.clone().unwrap_or_default(),
        set: |b, s| {
            b.description.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
];

impl Subject for Beneficiary {
    fn fields() -> &'static [Field<Beneficiary>] {
        BENEFICIARY_FIELDS
    }
    fn lists() -> &'static [List<Beneficiary>] {
        &[]
    }
}
