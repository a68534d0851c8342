//! The message key of every value of the plan's enumerations.
//!
//! Exhaustive matches: a new variant in the model does not compile until it has a key, and
//! the tests then fail until both languages have the message. The keys of values that only
//! forms show (activity kinds, dependency kinds, roles, budget categories) are built from the
//! value's name by `tui::words`; the tests keep an exhaustive list of them too.

use super::{
    BeneficiaryKind, EntityKind, FundingStatus, OrganisationType, Status, Timing, Weekday,
};

/// The key of an entity kind's name.
pub(crate) fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Activity => "entity-activity",
        EntityKind::Partner => "entity-partner",
        EntityKind::Beneficiary => "entity-beneficiary",
        EntityKind::Funding => "entity-funding",
    }
}

/// The key of a kind of timing.
pub fn timing(t: &Timing) -> &'static str {
    match t {
        Timing::Fixed { .. } => "timing-fixed",
        Timing::Duration { .. } => "timing-duration",
        Timing::Span => "timing-span",
    }
}

/// The key of an activity status.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Planned => "status-planned",
        Status::InProgress => "status-in-progress",
        Status::Done => "status-done",
        Status::OnHold => "status-on-hold",
        Status::Cancelled => "status-cancelled",
    }
}

/// The key of an organisation type.
pub fn organisation_type(t: OrganisationType) -> &'static str {
    use OrganisationType as T;
    match t {
        T::Government => "org-type-government",
        T::LocalGovernment => "org-type-local-government",
        T::OtherPublicSector => "org-type-other-public-sector",
        T::InternationalNgo => "org-type-international-ngo",
        T::NationalNgo => "org-type-national-ngo",
        T::RegionalNgo => "org-type-regional-ngo",
        T::PartnerCountryNgo => "org-type-partner-country-ngo",
        T::PublicPrivatePartnership => "org-type-public-private-partnership",
        T::Multilateral => "org-type-multilateral",
        T::Foundation => "org-type-foundation",
        T::PrivateSector => "org-type-private-sector",
        T::Academic => "org-type-academic",
        T::Other => "org-type-other",
    }
}

/// The key of a beneficiary kind.
pub(crate) fn beneficiary_kind(k: BeneficiaryKind) -> &'static str {
    use BeneficiaryKind as K;
    match k {
        K::CityGovernment => "beneficiary-kind-city-government",
        K::NationalInstitution => "beneficiary-kind-national-institution",
        K::CivilSociety => "beneficiary-kind-civil-society",
        K::Citizens => "beneficiary-kind-citizens",
        K::Academia => "beneficiary-kind-academia",
        K::PrivateSector => "beneficiary-kind-private-sector",
        K::Youth => "beneficiary-kind-youth",
        K::Women => "beneficiary-kind-women",
        K::Other => "beneficiary-kind-other",
    }
}

/// The key of a funding status.
pub(crate) fn funding_status(s: FundingStatus) -> &'static str {
    match s {
        FundingStatus::Pipeline => "funding-status-pipeline",
        FundingStatus::Pledged => "funding-status-pledged",
        FundingStatus::Committed => "funding-status-committed",
        FundingStatus::Disbursed => "funding-status-disbursed",
    }
}

/// The key of a day of the week.
pub fn weekday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "weekday-mon",
        Weekday::Tue => "weekday-tue",
        Weekday::Wed => "weekday-wed",
        Weekday::Thu => "weekday-thu",
        Weekday::Fri => "weekday-fri",
        Weekday::Sat => "weekday-sat",
        Weekday::Sun => "weekday-sun",
    }
}

/// The key of a budget category's name.
pub(crate) fn budget_category(c: crate::model::BudgetCategory) -> &'static str {
    use crate::model::BudgetCategory as C;
    match c {
        C::Staff => "budget-category-staff",
        C::Consultants => "budget-category-consultants",
        C::Travel => "budget-category-travel",
        C::Meetings => "budget-category-meetings",
        C::Training => "budget-category-training",
        C::Equipment => "budget-category-equipment",
        C::Communication => "budget-category-communication",
        C::Grants => "budget-category-grants",
        C::Evaluation => "budget-category-evaluation",
        C::Other => "budget-category-other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::lang::Lang;
    use crate::model::{ActivityKind, BudgetCategory, DependencyKind, OrgRole};

    /// The key of an activity kind.
    fn activity_kind(k: ActivityKind) -> &'static str {
        match k {
            ActivityKind::Task => "activity-kind-task",
            ActivityKind::Milestone => "activity-kind-milestone",
            ActivityKind::Group => "activity-kind-group",
        }
    }

    /// The key of a dependency type.
    fn dependency_kind(k: DependencyKind) -> &'static str {
        match k {
            DependencyKind::FinishToStart => "dependency-fs",
            DependencyKind::StartToStart => "dependency-ss",
            DependencyKind::FinishToFinish => "dependency-ff",
            DependencyKind::StartToFinish => "dependency-sf",
        }
    }

    /// The key of an organisation role.
    fn org_role(r: OrgRole) -> &'static str {
        match r {
            OrgRole::Funding => "role-funding",
            OrgRole::Accountable => "role-accountable",
            OrgRole::Extending => "role-extending",
            OrgRole::Implementing => "role-implementing",
        }
    }

    #[test]
    fn every_enum_value_has_a_message() {
        let mut keys: Vec<&str> = EntityKind::ALL.map(entity_kind).to_vec();
        keys.extend(
            [
                ActivityKind::Task,
                ActivityKind::Milestone,
                ActivityKind::Group,
            ]
            .map(activity_kind),
        );
        keys.extend(Status::ALL.map(status));
        keys.extend(DependencyKind::ALL.map(dependency_kind));
        keys.extend(OrgRole::ALL.map(org_role));
        keys.extend(OrganisationType::ALL.map(organisation_type));
        keys.extend(BeneficiaryKind::ALL.map(beneficiary_kind));
        keys.extend(FundingStatus::ALL.map(funding_status));
        keys.extend(BudgetCategory::ALL.map(budget_category));
        keys.extend(
            [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ]
            .map(weekday),
        );
        keys.push(timing(&Timing::Span));
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for key in &keys {
                assert!(m.has(key), "{key} missing in {lang:?}");
            }
        }
    }
}
