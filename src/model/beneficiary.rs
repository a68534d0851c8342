//! Beneficiary groups: who the plan serves.

use super::{CountryCode, Id, Text};
use serde::{Deserialize, Serialize};

/// A beneficiary group, kept in `beneficiaries/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beneficiary {
    /// The id; equal to the file's stem.
    pub id: Id,
    /// The group's name.
    pub name: Text,
    /// What kind of group it is.
    pub kind: BeneficiaryKind,
    /// Its country, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Its city, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Estimated number of people or institutions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// A description.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub description: Text,
}

/// Kinds of beneficiary group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs, reason = "the kind names speak for themselves")]
pub enum BeneficiaryKind {
    CityGovernment,
    NationalInstitution,
    CivilSociety,
    Citizens,
    Academia,
    PrivateSector,
    Youth,
    Women,
    Other,
}

impl BeneficiaryKind {
    /// Every kind.
    pub const ALL: [BeneficiaryKind; 9] = [
        BeneficiaryKind::CityGovernment,
        BeneficiaryKind::NationalInstitution,
        BeneficiaryKind::CivilSociety,
        BeneficiaryKind::Citizens,
        BeneficiaryKind::Academia,
        BeneficiaryKind::PrivateSector,
        BeneficiaryKind::Youth,
        BeneficiaryKind::Women,
        BeneficiaryKind::Other,
    ];
}
