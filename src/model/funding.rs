//! Funding sources: who pays, how much, and for what.

use super::{Amount, Currency, Id, Money, Text, Window};
use serde::{Deserialize, Serialize};

/// A funding source, kept in `funding/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSource {
    /// The id; equal to the file's stem.
    pub id: Id,
    /// The partner that provides the money.
    pub funder: Id,
    /// The source's title (a grant, a trust fund window).
    pub title: Text,
    /// The exact amount.
    pub amount: Amount,
    /// Its currency.
    pub currency: Currency,
    /// How certain the money is.
    pub status: FundingStatus,
    /// When the money can be spent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<Window>,
    /// Activities the money is reserved for; empty means any activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earmarked: Vec<Id>,
    /// Conditions attached to the money.
    #[serde(default, skip_serializing_if = "Text::is_absent")]
    pub conditions: Text,
}

/// How certain a funding source is, from a hope to money in the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FundingStatus {
    /// Under discussion.
    Pipeline,
    /// Promised, not yet signed.
    Pledged,
    /// Signed.
    Committed,
    /// Paid out.
    Disbursed,
}

impl FundingStatus {
    /// Every status, least to most certain.
    pub const ALL: [FundingStatus; 4] = [
        FundingStatus::Pipeline,
        FundingStatus::Pledged,
        FundingStatus::Committed,
        FundingStatus::Disbursed,
    ];

    /// Whether the money is signed for (committed or disbursed).
    pub(crate) fn is_secured(self) -> bool {
        self >= FundingStatus::Committed
    }
}

impl FundingSource {
    /// The source's amount with its currency.
    pub fn money(&self) -> Money {
        Money {
            amount: self.amount,
            currency: self.currency.clone(),
        }
    }

    /// Sorts the earmarked activities into canonical order.
    pub fn normalize(&mut self) {
        super::sort_dedup(&mut self.earmarked);
    }
}
