//! Who made the commits of a range: one entry per author, for a review of two commits. The
//! repository builds the list (`PlanRepo::authors`); the review only shows it.

use serde::Serialize;

/// One author of the commits of a range that changed the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Author {
    /// The name, as the commits give it.
    pub name: String,
    /// The e-mail address, as the commits give it.
    pub email: String,
    /// How many of the range's commits are theirs.
    pub commits: usize,
    /// The plan files their commits changed, relative to the plan folder, sorted: one file per
    /// entity (`activities/egm.ron`), `plan.ron`, consultation files.
    pub touched: Vec<String>,
    /// What the signatures of their commits say. `None`: not checked (the plan lists no
    /// signing keys); shown as nothing, never as "unsigned".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatures: Option<Signatures>,
}

/// How many of an author's commits carry a signature that was checked and found good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Signatures {
    /// Commits signed with a key the repository trusts, whose signature verifies.
    pub verified: usize,
    /// Commits checked (the author's commits in the range).
    pub checked: usize,
}
