//! A review as a pull-request comment (`khutta review BASE..HEAD`): a summary a reviewer reads
//! first (what changed, what moved and by how many days, the budget, the money that changed
//! source, the problems introduced and fixed, the commits), then the consequences (money,
//! schedule, problems, authors), then every change, folded. Markdown for the comment, text
//! for a terminal, JSON for tools; Arabic Markdown sits in a right-to-left block.

use super::money::MoneyRow;
use super::review::{self, Review, plan_finish_md};
use super::{consequences, money_view, render};
use crate::i18n::Messages;
use crate::model::{Amount, Currency, Lang, format_amount};
use serde::Serialize;
use std::fmt::Write as _;

/// The numbers at the top of a review comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Entities added, over every kind.
    pub added: usize,
    /// Entities removed.
    pub removed: usize,
    /// Entities renamed.
    pub renamed: usize,
    /// Entities changed in place.
    pub changed: usize,
    /// Whether `plan.ron` changed.
    pub plan_changed: bool,
    /// Activities and milestones whose dates or duration moved.
    pub moved: usize,
    /// How far the plan finish moved, in calendar days (`None`: it did not, or cannot say).
    pub finish_days: Option<i64>,
    /// The whole budget before and after, in the plan currency, when any budget changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<MoneyRow>,
    /// Funding sources whose budget lines draw another amount.
    pub draws_changed: usize,
    /// Problems the change introduces.
    pub problems_introduced: usize,
    /// Problems the change fixes.
    pub problems_fixed: usize,
    /// Commits in the range that changed the plan (`None`: no range of commits).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commits: Option<usize>,
    /// Their authors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors: Option<usize>,
}

impl Summary {
    /// The summary of `r`.
    pub fn of(r: &Review) -> Summary {
        let d = &r.diff;
        let sum = |f: fn(&super::KindDiff) -> usize| d.entities.iter().map(f).sum();
        let v = r.variance.as_ref();
        Summary {
            added: sum(|k| k.added.len()),
            removed: sum(|k| k.removed.len()),
            renamed: sum(|k| k.renamed.len()),
            changed: sum(|k| k.changed.len()),
            plan_changed: !d.plan.is_empty(),
            moved: v.map_or(0, |v| v.activities.len() + v.milestones.len()),
            finish_days: v.and_then(|v| v.finish.days).filter(|d| *d != 0),
            budget: d.money.budget_total.clone(),
            draws_changed: d.money.draws.len(),
            problems_introduced: r.problems.as_ref().map_or(0, |p| p.introduced.len()),
            problems_fixed: r.problems.as_ref().map_or(0, |p| p.fixed.len()),
            commits: r
                .authors
                .as_ref()
                .map(|a| a.iter().map(|a| a.commits).sum()),
            authors: r.authors.as_ref().map(Vec::len),
        }
    }
}

/// A review with the range it covers and its summary, for tools.
#[derive(Serialize)]
struct Comment<'a> {
    range: &'a str,
    summary: Summary,
    #[serde(flatten)]
    review: &'a Review,
}

/// `+30,000`, `-30,000`, `0`.
fn signed(a: Amount) -> String {
    if a > Amount::ZERO {
        format!("+{}", format_amount(a))
    } else {
        format_amount(a)
    }
}

/// The summary's sentences, each written with `code` for ids and the range.
fn sentences(r: &Review, m: &Messages, code: impl Fn(&str) -> String) -> Vec<String> {
    let d = &r.diff;
    let mut out = Vec::new();
    let mut kinds: Vec<String> = Vec::new();
    if !d.plan.is_empty() {
        kinds.push(code("plan.ron"));
    }
    for g in &d.entities {
        kinds.push(format!(
            "{}: {}",
            m.get(render::kind_key(g.kind)),
            render::counts(g, m)
        ));
    }
    if !kinds.is_empty() {
        let what = kinds.join(&m.get("review-comment-separator"));
        out.push(m.get_args("review-comment-changes", &[("what", what.into())]));
    }
    if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
        let moved = v.activities.len() + v.milestones.len();
        if moved > 0 {
            out.push(m.count("review-comment-moved", moved));
        }
        out.push(plan_finish_md(v, m));
    }
    let currency: &Currency = &d.money.after_currency;
    let arrow = m.get("review-md-arrow");
    if let Some(b) = &d.money.budget_total {
        let shown = |a: Option<Amount>| {
            a.map_or_else(|| m.get("review-money-unknown").into_owned(), format_amount)
        };
        let amounts = format!(
            "{} {arrow} {}",
            shown(b.before_converted),
            shown(b.after_converted)
        );
        let change = b
            .change()
            .map_or_else(|| m.get("review-money-unknown").into_owned(), signed);
        let args = [
            ("amounts", amounts.into()),
            ("currency", currency.to_string().into()),
            ("change", change.into()),
        ];
        out.push(m.get_args("review-comment-budget", &args));
    }
    if !d.money.draws.is_empty() {
        let each = d.money.draws.iter().map(|row| {
            let name = row.id.as_ref().map_or_else(
                || m.get("review-money-no-source").into_owned(),
                |id| code(id.as_str()),
            );
            let change = row
                .change()
                .map_or_else(|| m.get("review-money-unknown").into_owned(), signed);
            format!("{name} {change}")
        });
        let args = [
            ("sources", render::list(each, m).into()),
            ("currency", currency.to_string().into()),
        ];
        out.push(m.get_args("review-comment-draws", &args));
    }
    if let Some(p) = &r.problems {
        let args = [
            ("introduced", p.introduced.len().into()),
            ("fixed", p.fixed.len().into()),
        ];
        out.push(m.get_args("review-comment-problems", &args));
    }
    if let Some(a) = &r.authors {
        let commits: usize = a.iter().map(|a| a.commits).sum();
        let args = [("commits", commits.into()), ("authors", a.len().into())];
        out.push(m.get_args("review-comment-commits", &args));
    }
    out
}

/// The comment in Markdown, in the language of `m`; `range` is what the user named
/// (`origin/main..HEAD`). Arabic is wrapped in a right-to-left block, so that a forge shows
/// its lists and tables from the right.
pub fn markdown(r: &Review, range: &str, m: &Messages) -> String {
    let title = m.get_args(
        "review-comment-title",
        &[("range", render::code(range).into())],
    );
    let mut s = format!("## {title}\n\n");
    if r.is_empty() {
        let _ = writeln!(s, "{}", m.get("review-md-no-changes"));
    } else {
        for line in sentences(r, m, render::code) {
            let _ = writeln!(s, "- {line}");
        }
        s.push_str(&money_view::markdown(&r.diff.money, m));
        if let Some(v) = r.variance.as_ref().filter(|v| !v.is_empty()) {
            s.push_str(&review::variance_markdown(v, m));
        }
        if let Some(p) = &r.problems {
            s.push_str(&consequences::problem_markdown(p, m));
        }
        let changes = render::changes_markdown(&r.diff, m);
        if !changes.is_empty() {
            // Every change, folded: the summary and the consequences above come first.
            let _ = write!(
                s,
                "\n<details>\n<summary>{}</summary>\n{changes}\n</details>\n",
                m.get("review-comment-all-changes")
            );
        }
    }
    if let Some(a) = &r.authors {
        s.push_str(&consequences::author_markdown(a, m));
    }
    if m.lang() == Lang::Ar {
        // A blank line after the opening tag, so that the Markdown inside is still Markdown.
        s = format!("<div dir=\"rtl\">\n\n{s}\n</div>\n");
    }
    s
}

/// The comment as text for a terminal, in the language of `m`: the summary, then the review
/// as `khutta diff` prints it.
pub fn text(r: &Review, range: &str, m: &Messages) -> Vec<super::lines::Line> {
    use super::lines::{Line, LineKind};
    let esc = |s: &str| render::esc(&s);
    let title = m.get_args("review-comment-title", &[("range", esc(range).into())]);
    let mut out = vec![Line::new(LineKind::Heading, title)];
    if !r.is_empty() {
        out.extend(
            sentences(r, m, esc)
                .into_iter()
                .map(|l| Line::new(LineKind::Detail, format!("  {l}"))),
        );
    }
    out.extend(review::lines(r, m));
    out
}

/// The comment as pretty JSON: the range, the summary, and the review's fields.
pub fn json(r: &Review, range: &str) -> Result<String, serde_json::Error> {
    let c = Comment {
        range,
        summary: Summary::of(r),
        review: r,
    };
    serde_json::to_string_pretty(&c).map(|mut s| {
        s.push('\n');
        s
    })
}
