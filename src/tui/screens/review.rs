//! The Review screen: pick an old and a new revision (the working plan, a baseline, a commit of
//! the history) and read what changed between them, as `khutta diff` prints it: the changes by
//! kind, the money tables (what each funding source's lines draw among them), the schedule
//! variance, the problems introduced and fixed, and, between two commits, who made them. The
//! old revision, unless it is the working plan, is what the Gantt draws as ghost bars.
//!
//! Plans at commits are read on the repository worker ([`RepoJob::Revisions`]) and arrive as
//! [`Action::Revisions`](crate::tui::action::Action::Revisions), the authors of a range
//! likewise ([`RepoJob::Authors`]), both in `review_read.rs`; the review itself is pure and
//! computed in `update`.

pub use super::review_read::{arrived, authors_arrived, read, read_authors};
use crate::diff::lines::{Line, LineKind};
use crate::diff::{Author, Review, review, variance};
use crate::gantt::baseline::{Span, Spans};
use crate::model::{EntityKind, Id, Lang, Plan};
use crate::repo::CommitId;
use crate::text::{Align, BidiMode, Direction};
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::lists::Cursor;
use crate::tui::paint::{Pen, fill};
use crate::tui::repo_view::RepoJob;
use crate::tui::shared::Shared;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::HashMap;

/// The width of the revision list.
const LIST: u16 = 30;

/// How far one step sideways scrolls the review, in characters.
const SHIFT: usize = 8;

/// A revision the Review screen compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Revision {
    /// The plan being edited, saved or not.
    Working,
    /// A baseline (the annotated tag `baseline/NAME`).
    Baseline {
        /// Its name.
        name: String,
        /// The commit it records.
        commit: CommitId,
    },
    /// A commit of the history.
    Commit {
        /// The commit.
        commit: CommitId,
        /// Its message's first line.
        message: String,
    },
}

impl Revision {
    /// The commit, unless it is the working plan.
    pub fn commit(&self) -> Option<CommitId> {
        match self {
            Revision::Working => None,
            Revision::Baseline { commit, .. } | Revision::Commit { commit, .. } => Some(*commit),
        }
    }

    fn label(&self, sh: &Shared) -> String {
        match self {
            Revision::Working => sh.msg.get("tui-review-working").into_owned(),
            Revision::Baseline { name, commit } => format!(
                "{} {}",
                sh.msg.get_args(
                    "tui-review-baseline",
                    &[("name", crate::i18n::Arg::Text(name.clone().into()))]
                ),
                commit.short()
            ),
            Revision::Commit { commit, message } => format!("{} {message}", commit.short()),
        }
    }
}

/// What the Review screen holds.
#[derive(Clone, Debug, Default)]
pub struct ReviewView {
    /// The cursor over the revisions.
    pub cursor: Cursor,
    /// The old side (chosen, or the default once the repository is known).
    pub old: Option<Revision>,
    /// The new side.
    pub new: Option<Revision>,
    /// Plans read from git for the chosen commits.
    pub plans: Vec<(CommitId, Plan)>,
    /// The review as lines of text, in the UI's language.
    pub lines: Vec<Line>,
    /// The first line shown.
    pub scroll: usize,
    /// The characters of each line scrolled off to the side (tables are wide).
    pub shift: usize,
    /// Whether plans are being read.
    pub loading: bool,
    /// Who made the commits of the last range of two commits asked for, once read.
    pub authors: Option<((CommitId, CommitId), Vec<Author>)>,
    /// The range whose authors are being read.
    pub reading_authors: Option<(CommitId, CommitId)>,
    /// Why a revision could not be read.
    pub error: Option<crate::i18n::Said>,
    /// Where the old revision placed each activity, for the Gantt's ghost bars.
    pub ghosts: Option<Spans>,
    /// Counts the changes of `ghosts`, so that the Gantt knows when to lay out again.
    pub ghosts_revision: u64,
}

/// The revisions to choose from: the working plan, the baselines (newest first), the history.
pub fn choices(sh: &Shared) -> Vec<Revision> {
    let mut out = vec![Revision::Working];
    out.extend(sh.repo.baselines.iter().rev().map(|b| Revision::Baseline {
        name: b.name.clone(),
        commit: b.commit,
    }));
    out.extend(sh.repo.history.iter().map(|e| Revision::Commit {
        commit: e.id,
        message: e.message.clone(),
    }));
    out
}

/// The default old side: the last baseline, or else the last commit.
fn default_old(sh: &Shared) -> Option<Revision> {
    choices(sh).into_iter().nth(1)
}

/// The repository's state arrived: with a baseline and nothing chosen yet, the last baseline is
/// read so that the Gantt can draw it.
pub(crate) fn repo_changed(v: &mut ReviewView, sh: &mut Shared) -> Vec<Effect> {
    if v.old.is_none() && !sh.repo.baselines.is_empty() {
        return request(v, sh);
    }
    Vec::new()
}

/// The screen was opened: the defaults are chosen, and the review is brought up to date with
/// the working plan.
pub(crate) fn entered(v: &mut ReviewView, sh: &mut Shared) -> Vec<Effect> {
    request(v, sh)
}

/// Reads what the chosen revisions need, or recomputes the review when nothing is missing.
pub(super) fn request(v: &mut ReviewView, sh: &mut Shared) -> Vec<Effect> {
    if v.old.is_none() {
        v.old = default_old(sh);
    }
    if v.new.is_none() {
        v.new = Some(Revision::Working);
    }
    let mut effects = Vec::new();
    if let Some(range) = range(v)
        && v.authors.as_ref().map(|(r, _)| *r) != Some(range)
        && v.reading_authors != Some(range)
    {
        v.reading_authors = Some(range);
        effects.push(Effect::Repo(RepoJob::Authors(range.0, range.1)));
    }
    let missing: Vec<CommitId> = [&v.old, &v.new]
        .into_iter()
        .flatten()
        .filter_map(Revision::commit)
        .filter(|c| !v.plans.iter().any(|(p, _)| p == c))
        .collect();
    if missing.is_empty() {
        recompute(v, sh);
        return effects;
    }
    if v.loading {
        return effects;
    }
    v.loading = true;
    effects.push(Effect::Repo(RepoJob::Revisions(missing)));
    effects
}

/// The two commits compared, when both sides are commits: a range with authors.
pub(super) fn range(v: &ReviewView) -> Option<(CommitId, CommitId)> {
    Some((v.old.as_ref()?.commit()?, v.new.as_ref()?.commit()?))
}

/// The review of the chosen revisions, and the old one's ghost bars.
pub(super) fn recompute(v: &mut ReviewView, sh: &mut Shared) {
    let plan_of = |r: &Option<Revision>| -> Option<&Plan> {
        match r.as_ref()?.commit() {
            None => Some(&sh.doc.plan),
            Some(c) => v.plans.iter().find(|(k, _)| *k == c).map(|(_, p)| p),
        }
    };
    let (Some(old), Some(new)) = (plan_of(&v.old), plan_of(&v.new)) else {
        return;
    };
    // The working plan's schedule is kept by the document; only commits are scheduled here.
    let schedule = |r: &Option<Revision>, p: &Plan| {
        r.as_ref()
            .and_then(Revision::commit)
            .map(|_| crate::schedule::schedule(p))
    };
    let (sa, sb) = (schedule(&v.old, old), schedule(&v.new, new));
    let (sa, sb) = (
        sa.as_ref().unwrap_or(&sh.doc.schedule),
        sb.as_ref().unwrap_or(&sh.doc.schedule),
    );
    let ta = variance::timeline_of(old, sa);
    let mut r = Review::with_schedules(old, new, sa, sb);
    if let Some((asked, list)) = &v.authors
        && range(v) == Some(*asked)
    {
        r = r.by(list.clone());
    }
    // An activity renamed since the old side keeps its ghost: the ghost goes by the new id.
    let renamed: HashMap<&Id, &Id> = r
        .diff
        .kind(EntityKind::Activity)
        .map(|k| k.renamed.iter().map(|n| (&n.from, &n.to)).collect())
        .unwrap_or_default();
    let ghosts = v.old.as_ref().and_then(Revision::commit).map(|_| {
        ta.activities
            .iter()
            .filter_map(|(id, p)| {
                let p = (*p)?;
                let point = p.milestone || p.duration == 0;
                Some((
                    (*renamed.get(id).unwrap_or(&id)).clone(),
                    Span {
                        start: p.start,
                        finish: p.finish,
                        point,
                    },
                ))
            })
            .collect()
    });
    v.lines = review::lines(&r, &sh.msg);
    v.scroll = v.scroll.min(v.lines.len().saturating_sub(1));
    v.ghosts = ghosts;
    v.ghosts_revision += 1;
}

/// A command on the Review screen.
pub fn command(v: &mut ReviewView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let n = choices(sh).len();
    let page = sh.page().saturating_sub(1).max(1);
    match c {
        Command::ReviewOld | Command::ReviewNew | Command::Select => {
            let Some(pick) = choices(sh).into_iter().nth(v.cursor.row) else {
                return Vec::new();
            };
            if c == Command::ReviewNew {
                v.new = Some(pick);
            } else {
                v.old = Some(pick);
            }
            v.scroll = 0;
            request(v, sh)
        }
        Command::PageDown => {
            let last = v.lines.len().saturating_sub(1);
            v.scroll = (v.scroll + page).min(last);
            Vec::new()
        }
        Command::PageUp => {
            v.scroll = v.scroll.saturating_sub(page);
            Vec::new()
        }
        Command::Right => {
            let widths = v.lines.iter().map(|l| l.text.chars().count());
            let widest = widths.max().unwrap_or(0);
            v.shift = (v.shift + SHIFT).min(widest);
            Vec::new()
        }
        Command::Left => {
            v.shift = v.shift.saturating_sub(SHIFT);
            Vec::new()
        }
        _ => {
            super::move_cursor(&mut v.cursor, c, n, page);
            Vec::new()
        }
    }
}

/// Draws the revisions on one side and the review on the other.
pub fn draw(v: &ReviewView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    if super::say_unavailable(sh, area, buf) {
        return;
    }
    let label = |r: &Option<Revision>| r.as_ref().map(|r| r.label(sh)).unwrap_or_default();
    let title = sh.msg.get_args(
        "tui-review-sides",
        &[
            ("old", crate::i18n::Arg::Text(label(&v.old).into())),
            ("new", crate::i18n::Arg::Text(label(&v.new).into())),
        ],
    );
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let cols = pen.columns(body, &[LIST, 0]);
    let ((lx, lw), (rx, rw)) = (cols[0], cols[1]);
    let height = usize::from(body.height);
    let offset = v.cursor.scrolled(height);
    for (i, rev) in choices(sh).iter().enumerate().skip(offset).take(height) {
        let y = body.y + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == v.cursor.row;
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(lx, y, lw, 1), style);
        }
        let side = if v.old.as_ref() == Some(rev) {
            "A"
        } else if v.new.as_ref() == Some(rev) {
            "B"
        } else {
            " "
        };
        let text = format!("{side} {}", rev.label(sh));
        pen.text(
            buf,
            Rect::new(lx, y, lw, 1),
            &text,
            style,
            Lang::En,
            Align::Natural,
        );
    }
    let note = if v.loading {
        Some(sh.msg.get("tui-review-loading").into_owned())
    } else if v.error.is_some() {
        v.error.as_ref().map(|e| e.show(&sh.msg))
    } else if v.old.is_none() {
        // Nothing committed yet: only the working plan to look at.
        Some(sh.msg.get("tui-no-history").into_owned())
    } else {
        None
    };
    let mut y = body.y;
    if let Some(n) = note {
        pen.ui(buf, rx, y, rw, &n, theme::dim());
        y += 1;
    }
    // A row of a table is put in display order here, cell by cell, so that its columns stay
    // aligned, and drawn as it is. Prose keeps its indentation on the left; the pen cuts the
    // rest on its logical end (an Arabic line keeps its beginning) and reorders it.
    let flat = Pen {
        bidi: BidiMode::Terminal,
        ..*pen
    };
    for line in v.lines.iter().skip(v.scroll) {
        if y >= body.y + body.height {
            break;
        }
        let style = match line.kind {
            LineKind::Heading => theme::heading(),
            LineKind::Added | LineKind::Fixed => theme::ok(),
            LineKind::Removed | LineKind::Introduced => theme::error(),
            _ => Style::new(),
        };
        if line.is_row() && pen.bidi == BidiMode::App {
            let visual = line.visual(Direction::Ltr);
            let shown: String = visual.chars().skip(v.shift).collect();
            let at = Rect::new(rx, y, rw, 1);
            flat.text(buf, at, &shown, style, Lang::En, Align::Left);
        } else {
            let shown: String = line.text.chars().skip(v.shift).collect();
            let rest = shown.trim_start_matches(' ');
            let indent = u16::try_from(shown.len() - rest.len()).unwrap_or(u16::MAX);
            let at = Rect::new(rx.saturating_add(indent), y, rw.saturating_sub(indent), 1);
            pen.text(buf, at, rest, style, sh.lang, Align::Left);
        }
        y += 1;
    }
}

impl super::Component for ReviewView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }
}
