//! Partners: the organisations that fund, steer and carry out the plan.

use super::{CountryCode, Id, Text};
use serde::{Deserialize, Serialize};

/// A partner organisation, kept in `partners/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The id; equal to the file's stem.
    pub id: Id,
    /// The organisation's name.
    pub name: Text,
    /// Its short name (ESCWA, OECD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// Its type, in IATI organisation-type terms.
    pub kind: OrganisationType,
    /// Its roles in the initiative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<OrgRole>,
    /// Its country (none for international organisations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Its website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Its IATI organisation identifier, for open-data exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iati_ref: Option<String>,
    /// The person to contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// A contact person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The IATI organisation roles (codelist OrganisationRole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OrgRole {
    /// Provides the money (IATI code 1).
    Funding,
    /// Answers for the activity (2).
    Accountable,
    /// Manages the funds on behalf of the funder (3).
    Extending,
    /// Does the work (4).
    Implementing,
}

impl OrgRole {
    /// Every role.
    pub const ALL: [OrgRole; 4] = [
        OrgRole::Funding,
        OrgRole::Accountable,
        OrgRole::Extending,
        OrgRole::Implementing,
    ];

    /// The IATI code (codelist OrganisationRole).
    pub(crate) fn iati_code(self) -> u8 {
        match self {
            OrgRole::Funding => 1,
            OrgRole::Accountable => 2,
            OrgRole::Extending => 3,
            OrgRole::Implementing => 4,
        }
    }

    /// The role of IATI code `code`.
    pub(crate) fn from_iati_code(code: &str) -> Option<OrgRole> {
        OrgRole::ALL
            .into_iter()
            .find(|r| r.iati_code().to_string() == code.trim())
    }
}

/// The IATI organisation types (codelist OrganisationType).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs, reason = "the IATI type names speak for themselves")]
pub enum OrganisationType {
    Government,
    LocalGovernment,
    OtherPublicSector,
    InternationalNgo,
    NationalNgo,
    RegionalNgo,
    PartnerCountryNgo,
    PublicPrivatePartnership,
    Multilateral,
    Foundation,
    PrivateSector,
    Academic,
    Other,
}

impl OrganisationType {
    /// Every type.
    pub const ALL: [OrganisationType; 13] = [
        OrganisationType::Government,
        OrganisationType::LocalGovernment,
        OrganisationType::OtherPublicSector,
        OrganisationType::InternationalNgo,
        OrganisationType::NationalNgo,
        OrganisationType::RegionalNgo,
        OrganisationType::PartnerCountryNgo,
        OrganisationType::PublicPrivatePartnership,
        OrganisationType::Multilateral,
        OrganisationType::Foundation,
        OrganisationType::PrivateSector,
        OrganisationType::Academic,
        OrganisationType::Other,
    ];

    /// The IATI code.
    pub(crate) fn iati_code(self) -> u8 {
        match self {
            OrganisationType::Government => 10,
            OrganisationType::LocalGovernment => 11,
            OrganisationType::OtherPublicSector => 15,
            OrganisationType::InternationalNgo => 21,
            OrganisationType::NationalNgo => 22,
            OrganisationType::RegionalNgo => 23,
            OrganisationType::PartnerCountryNgo => 24,
            OrganisationType::PublicPrivatePartnership => 30,
            OrganisationType::Multilateral => 40,
            OrganisationType::Foundation => 60,
            OrganisationType::PrivateSector => 70,
            OrganisationType::Academic => 80,
            OrganisationType::Other => 90,
        }
    }

    /// The type of IATI code `code`.
    pub(crate) fn from_iati_code(code: &str) -> Option<OrganisationType> {
        OrganisationType::ALL
            .into_iter()
            .find(|k| k.iati_code().to_string() == code.trim())
    }
}

impl Partner {
    /// Sorts the roles into canonical order.
    pub fn normalize(&mut self) {
        self.roles.sort();
        self.roles.dedup();
    }

    /// The short label: the acronym, or the name.
    pub fn label(&self, lang: super::Lang) -> &str {
        self.acronym
            .as_deref()
            .unwrap_or_else(|| self.name.show(lang))
    }
}
