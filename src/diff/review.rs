//! What a reviewer sees between two revisions: the semantic diff, the schedule variance, the
//! problems the change introduces and fixes, and who made the commits of the range; as
//! terminal text (or [`Line`]s), Markdown and JSON. Text and Markdown are in the language
//! of the messages they are given; ids, field paths, values and dates stay as they are. JSON
//! is for tools and has English keys.
//!
//! The variance is a value beside [`PlanDiff`] rather than inside it, so that [`diff`] stays
//! a function of two plans alone and the scheduler is only run by whoever builds a review.
//!
//! [`diff`]: super::diff

use super::authors::Author;
use super::consequences;
use super::lines::{self, Line, LineKind};
use super::problems::{self, ProblemChanges, problems_of};
use super::render;
use super::variance::{self, Timeline, Variance};
#[cfg(test)]
pub(crate) use super::variance_view::variance_text;
pub(crate) use super::variance_view::{plan_finish_md, variance_lines, variance_markdown};
use super::{PlanDiff, diff};
use crate::check::Diagnostic;
use crate::i18n::Messages;
use crate::model::{EntityKind, Plan};
use crate::schedule::Schedule;
use serde::Serialize;

/// Everything that changed between two revisions, for a reviewer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// Entities, `plan.ron` and money.
    #[serde(flatten)]
    pub diff: PlanDiff,
    /// The schedule variance; `None` when no schedule is available.
    #[serde(rename = "schedule", skip_serializing_if = "Option::is_none")]
    pub variance: Option<Variance>,
    /// The problems `check` finds after and not before, and before and not after; `None`
    /// when they were not looked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<ProblemChanges>,
    /// Who made the commits between the two revisions, in the order of their first commit;
    /// `None` when a side is not a commit (the working plan), so there is no range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors: Option<Vec<Author>>,
}

impl Review {
    /// The review from `a` to `b`: each is scheduled and checked, the two sides side by side
    /// on two cores (the rules and the scheduler are most of a review's time).
    pub fn new(a: &Plan, b: &Plan) -> Review {
        let side = |p: &Plan| {
            let s = crate::schedule::schedule(p);
            let found = problems_of(p, &s);
            (s, found)
        };
        let ((sa, pa), (sb, pb)) = std::thread::scope(|scope| {
            let other = scope.spawn(|| side(b));
            let mine = side(a);
            // A panic on the other side is a bug; it surfaces here as it would have inline.
            let theirs = other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (mine, theirs)
        });
        Review::assemble(a, b, (&sa, &sb), Some((&pa, &pb)))
    }

    /// The review from `a` to `b`, given their schedules (the TUI keeps the working plan's);
    /// each is checked as `khutta check` would.
    pub fn with_schedules(a: &Plan, b: &Plan, sa: &Schedule, sb: &Schedule) -> Review {
        Review::assemble(a, b, (sa, sb), None)
    }

    /// The review from `a` to `b` with their schedules and, when already found, their
    /// problems (`None`: found here, unless nothing changed).
    fn assemble(
        a: &Plan,
        b: &Plan,
        (sa, sb): (&Schedule, &Schedule),
        found: Option<(&[Diagnostic], &[Diagnostic])>,
    ) -> Review {
        let (ta, tb) = (variance::timeline_of(a, sa), variance::timeline_of(b, sb));
        let mut r = Review::with_timelines(a, b, Some((&ta, &tb)));
        // Nothing changed, nothing to look for: the same plan has the same problems.
        let problems = if r.diff.is_empty() {
            ProblemChanges::default()
        } else {
            let renamed: Vec<_> = r.renamed().collect();
            match found {
                Some((pa, pb)) => problems::compare(pa, pb, &renamed),
                None => problems::compare(&problems_of(a, sa), &problems_of(b, sb), &renamed),
            }
        };
        r.problems = Some(problems);
        r
    }

    /// The review from `a` to `b` with the given timelines (`None`: no schedule section), and
    /// no problems looked for.
    pub(crate) fn with_timelines(
        a: &Plan,
        b: &Plan,
        timelines: Option<(&Timeline, &Timeline)>,
    ) -> Review {
        let d = diff(a, b);
        let variance = timelines.map(|(ta, tb)| variance::variance(ta, tb, &d));
        Review {
            diff: d,
            variance,
            problems: None,
            authors: None,
        }
    }

    /// The review with who made the commits of the range.
    pub fn by(mut self, authors: Vec<Author>) -> Review {
        self.authors = Some(authors);
        self
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.diff.is_empty()
            && self.variance.as_ref().is_none_or(Variance::is_empty)
            && self.problems.as_ref().is_none_or(ProblemChanges::is_empty)
    }

    /// The renamed entities of the diff, with their kind.
    pub(crate) fn renamed(&self) -> impl Iterator<Item = (EntityKind, &super::Renamed)> {
        self.diff
            .entities
            .iter()
            .flat_map(|k| k.renamed.iter().map(move |n| (k.kind, n)))
    }
}

/// The review as lines for a terminal, in the language of `m`: the diff, then the schedule
/// section.
pub fn lines(r: &Review, m: &Messages) -> Vec<Line> {
    if r.is_empty() {
        return vec![Line::new(LineKind::Heading, m.get("review-no-changes"))];
    }
    let mut out = if r.diff.is_empty() {
        Vec::new()
    } else {
        render::lines(&r.diff, m)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        out.extend(variance_lines(v, m));
    }
    if let Some(p) = &r.problems {
        out.extend(consequences::problem_lines(p, m));
    }
    if let Some(a) = &r.authors {
        out.extend(consequences::author_lines(a, m));
    }
    out
}

/// The review as plain text for a terminal, in the language of `m`.
pub fn text(r: &Review, m: &Messages) -> String {
    lines::join(&lines(r, m))
}

/// The review as Markdown, for a pull-request description, in the language of `m`.
pub fn markdown(r: &Review, m: &Messages) -> String {
    if r.is_empty() {
        return format!("{}\n", m.get("review-md-no-changes"));
    }
    let mut s = if r.diff.is_empty() {
        format!("## {}\n", m.get("review-md-title"))
    } else {
        render::markdown(&r.diff, m)
    };
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        s.push_str(&variance_markdown(v, m));
    }
    if let Some(p) = &r.problems {
        s.push_str(&consequences::problem_markdown(p, m));
    }
    if let Some(a) = &r.authors {
        s.push_str(&consequences::author_markdown(a, m));
    }
    s
}

/// The review as pretty JSON: the diff's fields, and `schedule` when there is one.
pub fn json(r: &Review) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(r).map(|mut s| {
        s.push('\n');
        s
    })
}
