//! Activities: the work of the plan, with timing, dependencies, partners and budget.

use super::{Amount, Currency, Id, Location, Money, OrgRole, Text};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One activity, kept in `activities/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The id; equal to the file's stem.
    pub id: Id,
    /// The title.
    pub title: Text,
    /// A longer description.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub description: Text,
    /// Task, milestone or group.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: ActivityKind,
    /// The group this activity belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Fixed dates, or a duration placed by the dependencies.
    pub timing: Timing,
    /// The activities this one waits for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Dependency>,
    /// Where the work stands.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: Status,
    /// Percent complete, 0 to 100.
    #[serde(default, skip_serializing_if = "is_default")]
    pub progress: u8,
    /// The partner that leads the activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Id>,
    /// Other partners and their role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<ActivityPartner>,
    /// Beneficiary groups served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<Id>,
    /// Where it takes place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The working calendar, when not the one of its country or the plan's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Id>,
    /// The budget lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<BudgetLine>,
    /// Expected outputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<Text>,
    /// SDG targets served ("11.3").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_targets: Vec<String>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

pub(crate) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// What kind of activity this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActivityKind {
    /// Work with a duration.
    #[default]
    Task,
    /// A point in time with zero duration.
    Milestone,
    /// A group that spans its children.
    Group,
}

/// How an activity's dates are set.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Timing {
    /// Fixed dates, both inclusive; a constraint that dependencies must respect.
    Fixed {
        /// First day.
        start: NaiveDate,
        /// Last day (equal to `start` for a milestone).
        end: NaiveDate,
    },
    /// A duration in working days, placed as early as its dependencies allow.
    Duration {
        /// Working days (0 for a milestone).
        days: u32,
        /// Do not start before this date (funding availability, a season).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        not_before: Option<NaiveDate>,
    },
    /// The dates of a group: from its first child's start to its last child's finish.
    Span,
}

/// A link from this activity to one it depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dependency {
    /// The activity depended on (the predecessor).
    pub activity: Id,
    /// How the two relate.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: DependencyKind,
    /// Working days of lag (positive) or lead (negative).
    #[serde(default, skip_serializing_if = "is_default")]
    pub lag: i32,
}

/// The four classic dependency types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DependencyKind {
    /// This starts after the predecessor finishes.
    #[default]
    #[serde(rename = "FS")]
    FinishToStart,
    /// This starts after the predecessor starts.
    #[serde(rename = "SS")]
    StartToStart,
    /// This finishes after the predecessor finishes.
    #[serde(rename = "FF")]
    FinishToFinish,
    /// This finishes after the predecessor starts.
    #[serde(rename = "SF")]
    StartToFinish,
}

impl DependencyKind {
    /// The two-letter code (FS, SS, FF, SF).
    pub fn code(self) -> &'static str {
        match self {
            DependencyKind::FinishToStart => "FS",
            DependencyKind::StartToStart => "SS",
            DependencyKind::FinishToFinish => "FF",
            DependencyKind::StartToFinish => "SF",
        }
    }

    /// All four, in the usual order.
    pub const ALL: [DependencyKind; 4] = [
        DependencyKind::FinishToStart,
        DependencyKind::StartToStart,
        DependencyKind::FinishToFinish,
        DependencyKind::StartToFinish,
    ];
}

/// Where the work stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Status {
    /// Not started.
    #[default]
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Paused.
    OnHold,
    /// Dropped; kept for the record.
    Cancelled,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [
        Status::Planned,
        Status::InProgress,
        Status::Done,
        Status::OnHold,
        Status::Cancelled,
    ];
}

/// A partner taking part in an activity, with its role.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityPartner {
    /// The partner.
    pub partner: Id,
    /// Its role, in IATI organisation-role terms.
    pub role: OrgRole,
}

/// One line of an activity's budget.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// What the money is for.
    pub category: BudgetCategory,
    /// The exact amount.
    pub amount: Amount,
    /// Its currency.
    pub currency: Currency,
    /// The funding source that pays for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Id>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl BudgetLine {
    /// The line's amount with its currency.
    pub fn money(&self) -> Money {
        Money {
            amount: self.amount,
            currency: self.currency.clone(),
        }
    }
}

/// Budget categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs, reason = "the category names speak for themselves")]
pub enum BudgetCategory {
    Staff,
    Consultants,
    Travel,
    Meetings,
    Training,
    Equipment,
    Communication,
    Grants,
    Evaluation,
    Other,
}

impl BudgetCategory {
    /// Every category.
    pub const ALL: [BudgetCategory; 10] = [
        BudgetCategory::Staff,
        BudgetCategory::Consultants,
        BudgetCategory::Travel,
        BudgetCategory::Meetings,
        BudgetCategory::Training,
        BudgetCategory::Equipment,
        BudgetCategory::Communication,
        BudgetCategory::Grants,
        BudgetCategory::Evaluation,
        BudgetCategory::Other,
    ];
}

impl Activity {
    /// A new planned task with a title and a duration.
    pub fn new(id: Id, title: Text, days: u32) -> Activity {
        Activity {
            id,
            title,
            description: Text::default(),
            kind: ActivityKind::Task,
            parent: None,
            timing: Timing::Duration {
                days,
                not_before: None,
            },
            dependencies: Vec::new(),
            status: Status::Planned,
            progress: 0,
            lead: None,
            partners: Vec::new(),
            beneficiaries: Vec::new(),
            location: None,
            calendar: None,
            budget: Vec::new(),
            outputs: Vec::new(),
            sdg_targets: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Sorts the id lists into canonical order so that files diff and merge well.
    pub fn normalize(&mut self) {
        self.dependencies
            .sort_by(|a, b| a.activity.cmp(&b.activity));
        self.dependencies
            .dedup_by(|a, b| a.activity == b.activity && a.kind == b.kind);
        self.partners
            .sort_by(|a, b| (&a.partner, a.role).cmp(&(&b.partner, b.role)));
        self.partners.dedup();
        super::sort_dedup(&mut self.beneficiaries);
        super::sort_dedup(&mut self.sdg_targets);
        super::sort_dedup(&mut self.tags);
    }

    /// Every funding source this activity's budget draws on.
    pub(crate) fn funding_sources(&self) -> impl Iterator<Item = &Id> {
        self.budget.iter().filter_map(|b| b.funding.as_ref())
    }
}
