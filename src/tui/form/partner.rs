//! The partner form.

use super::activity::ROLES;
use super::spec::{EditorKind as E, Field, List, Subject, always};
use super::value as v;
use crate::model::{Contact, OrgRole, OrganisationType, Partner};
use crate::said;

const ORG_TYPES: &[&str] = &[
    "Government",
    "LocalGovernment",
    "OtherPublicSector",
    "InternationalNgo",
    "NationalNgo",
    "RegionalNgo",
    "PartnerCountryNgo",
    "PublicPrivatePartnership",
    "Multilateral",
    "Foundation",
    "PrivateSector",
    "Academic",
    "Other",
];

fn contact(p: &mut Partner) -> &mut Contact {
    p.contact.get_or_insert_with(Contact::default)
}

/// Drops a contact left with nothing in it, so that the file does not keep an empty block.
fn tidy_contact(p: &mut Partner) {
    if p.contact
        .as_ref()
        .is_some_and(|c| c.name.is_empty() && c.email.is_none() && c.phone.is_none())
    {
        p.contact = None;
    }
}

static PARTNER_FIELDS: &[Field<Partner>] = &[
    Field {
        name: "name.ar",
        editor: E::Text,
        get: |p| p.name.ar.clone().unwrap_or_default(),
        set: |p, s| {
            p.name.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "name.en",
        editor: E::Text,
        get: |p| p.name.en.clone().unwrap_or_default(),
        set: |p, s| {
            p.name.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "acronym",
        editor: E::Text,
        get: |p| p.acronym.clone().unwrap_or_default(),
        set: |p, s| {
            p.acronym = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "organisation_type",
        editor: E::Choice(ORG_TYPES),
        get: |p| v::name_of(&p.kind),
        set: |p, s| {
            p.kind = v::choice::<OrganisationType>(s, ORG_TYPES)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "roles",
        editor: E::Words,
        get: |p| {
            p.roles
                .iter()
                .map(v::name_of)
                .collect::<Vec<_>>()
                .join(", ")
        },
        set: |p, s| {
            p.roles = v::words(s)
                .iter()
                .map(|w| v::choice::<OrgRole>(w, ROLES))
                .collect::<Result<_, _>>()?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "country",
        editor: E::Text,
        get: |p| {
            p.country
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |p, s| {
            p.country = v::opt_country(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "website",
        editor: E::Text,
        get: |p| p.website.clone().unwrap_or_default(),
        set: |p, s| {
            p.website = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "iati_ref",
        editor: E::Text,
        get: |p| p.iati_ref.clone().unwrap_or_default(),
        set: |p, s| {
            p.iati_ref = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.name",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .map(|c| c.name.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            contact(p).name = s.trim().to_owned();
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.email",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .and_then(|c| c.email.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            if !s.trim().is_empty() && !s.contains('@') {
                return Err(said!("value-not-email", text = &format!("{:?}", s.trim())));
            }
            contact(p).email = v::opt_text(s.trim());
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.phone",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .and_then(|c| c.phone.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            contact(p).phone = v::opt_text(s.trim());
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
];

impl Subject for Partner {
    fn fields() -> &'static [Field<Partner>] {
        PARTNER_FIELDS
    }
    fn lists() -> &'static [List<Partner>] {
        &[]
    }
}
