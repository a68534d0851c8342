//! The Review screen: pick an old and a new revision (the working plan, a baseline, a commit of
//! the history) and read what changed between them, as `khutta diff` prints it: the changes by
//! kind, the money tables and the schedule variance. The old revision, unless it is the working
//! plan, is what the Gantt draws as ghost bars.
//!
//! Plans at commits are read on the repository worker ([`RepoJob::Revisions`]) and arrive as
//! [`Action::Revisions`]; the review itself is pure and computed in `update`.

use crate::diff::lines::{Line, LineKind};
use crate::diff::{Review, review, variance};
use crate::gantt::baseline::{Span, Spans};
use crate::model::{EntityKind, Id, Lang, Plan};
use crate::repo::{CommitId, PlanRepo};
use crate::text::{Align, BidiMode, Direction};
use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Effect};
use crate::tui::lists::Cursor;
use crate::tui::paint::{Pen, fill};
use crate::tui::repo_view::RepoJob;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::collections::HashMap;
use std::path::Path;

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

    fn label(&self, app: &App) -> String {
        match self {
            Revision::Working => app.shared.msg.get("tui-review-working").into_owned(),
            Revision::Baseline { name, commit } => format!(
                "{} {}",
                app.shared.msg.get_args(
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
    /// Why a revision could not be read.
    pub error: Option<crate::i18n::Said>,
    /// Where the old revision placed each activity, for the Gantt's ghost bars.
    pub ghosts: Option<Spans>,
}

/// The revisions to choose from: the working plan, the baselines (newest first), the history.
pub fn choices(app: &App) -> Vec<Revision> {
    let mut out = vec![Revision::Working];
    out.extend(
        app.shared
            .repo
            .baselines
            .iter()
            .rev()
            .map(|b| Revision::Baseline {
                name: b.name.clone(),
                commit: b.commit,
            }),
    );
    out.extend(app.shared.repo.history.iter().map(|e| Revision::Commit {
        commit: e.id,
        message: e.message.clone(),
    }));
    out
}

/// The default old side: the last baseline, or else the last commit.
fn default_old(app: &App) -> Option<Revision> {
    choices(app).into_iter().nth(1)
}

/// The repository's state arrived: with a baseline and nothing chosen yet, the last baseline is
/// read so that the Gantt can draw it.
pub(crate) fn repo_changed(app: &mut App) -> Vec<Effect> {
    if app.screens.review.old.is_none() && !app.shared.repo.baselines.is_empty() {
        return request(app);
    }
    Vec::new()
}

/// The screen was opened: the defaults are chosen, and the review is brought up to date with
/// the working plan.
pub(crate) fn entered(app: &mut App) -> Vec<Effect> {
    request(app)
}

/// Reads what the chosen revisions need, or recomputes the review when nothing is missing.
fn request(app: &mut App) -> Vec<Effect> {
    if app.screens.review.old.is_none() {
        app.screens.review.old = default_old(app);
    }
    if app.screens.review.new.is_none() {
        app.screens.review.new = Some(Revision::Working);
    }
    let missing: Vec<CommitId> = [&app.screens.review.old, &app.screens.review.new]
        .into_iter()
        .flatten()
        .filter_map(Revision::commit)
        .filter(|c| !app.screens.review.plans.iter().any(|(p, _)| p == c))
        .collect();
    if missing.is_empty() {
        recompute(app);
        return Vec::new();
    }
    if app.screens.review.loading {
        return Vec::new();
    }
    app.screens.review.loading = true;
    vec![Effect::Repo(RepoJob::Revisions(missing))]
}

/// Reads the plans at `commits` (on the worker).
pub fn read(root: &Path, commits: &[CommitId]) -> Action {
    let plans = match PlanRepo::open(root) {
        Ok(r) => commits
            .iter()
            .map(|c| (*c, r.plan_at(*c).map_err(|e| e.said())))
            .collect(),
        Err(e) => commits.iter().map(|c| (*c, Err(e.said()))).collect(),
    };
    Action::Revisions(Box::new(plans))
}

/// Plans arrived from the worker.
pub fn arrived(
    app: &mut App,
    plans: Vec<(CommitId, Result<Plan, crate::i18n::Said>)>,
) -> Vec<Effect> {
    app.screens.review.loading = false;
    app.screens.review.error = None;
    let wanted: Vec<CommitId> = [&app.screens.review.old, &app.screens.review.new]
        .into_iter()
        .flatten()
        .filter_map(Revision::commit)
        .collect();
    app.screens.review.plans.retain(|(c, _)| wanted.contains(c));
    for (c, plan) in plans {
        match plan {
            Ok(p) if !app.screens.review.plans.iter().any(|(k, _)| *k == c) => {
                app.screens.review.plans.push((c, p));
            }
            Ok(_) => {}
            Err(e) => app.screens.review.error = Some(e),
        }
    }
    // A choice made while the plans were read may need others.
    request(app)
}

/// The review of the chosen revisions, and the old one's ghost bars.
fn recompute(app: &mut App) {
    let v = &app.screens.review;
    let plan_of = |r: &Option<Revision>| -> Option<&Plan> {
        match r.as_ref()?.commit() {
            None => Some(&app.shared.doc.plan),
            Some(c) => v.plans.iter().find(|(k, _)| *k == c).map(|(_, p)| p),
        }
    };
    let (Some(old), Some(new)) = (plan_of(&v.old), plan_of(&v.new)) else {
        return;
    };
    // The working plan's schedule is kept by the document; only commits are scheduled here.
    let timeline = |r: &Option<Revision>, p: &Plan| match r.as_ref().and_then(Revision::commit) {
        None => variance::timeline_of(p, &app.shared.doc.schedule),
        Some(_) => variance::timeline(p),
    };
    let (ta, tb) = (timeline(&v.old, old), timeline(&v.new, new));
    let r = Review::with_timelines(old, new, Some((&ta, &tb)));
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
    app.screens.review.lines = review::lines(&r, &app.shared.msg);
    app.screens.review.scroll = app
        .screens
        .review
        .scroll
        .min(app.screens.review.lines.len().saturating_sub(1));
    app.screens.review.ghosts = ghosts;
    super::gantt::relayout(app);
}

/// A command on the Review screen.
pub fn command(app: &mut App, c: Command) -> Vec<Effect> {
    let n = choices(app).len();
    let page = super::page(app).saturating_sub(1).max(1);
    match c {
        Command::ReviewOld | Command::ReviewNew | Command::Select => {
            let Some(pick) = choices(app).into_iter().nth(app.screens.review.cursor.row) else {
                return Vec::new();
            };
            if c == Command::ReviewNew {
                app.screens.review.new = Some(pick);
            } else {
                app.screens.review.old = Some(pick);
            }
            app.screens.review.scroll = 0;
            request(app)
        }
        Command::PageDown => {
            let last = app.screens.review.lines.len().saturating_sub(1);
            app.screens.review.scroll = (app.screens.review.scroll + page).min(last);
            Vec::new()
        }
        Command::PageUp => {
            app.screens.review.scroll = app.screens.review.scroll.saturating_sub(page);
            Vec::new()
        }
        Command::Right => {
            let widths = app
                .screens
                .review
                .lines
                .iter()
                .map(|l| l.text.chars().count());
            let widest = widths.max().unwrap_or(0);
            app.screens.review.shift = (app.screens.review.shift + SHIFT).min(widest);
            Vec::new()
        }
        Command::Left => {
            app.screens.review.shift = app.screens.review.shift.saturating_sub(SHIFT);
            Vec::new()
        }
        _ => {
            super::move_cursor(&mut app.screens.review.cursor, c, n, page);
            Vec::new()
        }
    }
}

/// Draws the revisions on one side and the review on the other.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let pen = &app.shared.pen;
    if super::say_unavailable(app, area, buf) {
        return;
    }
    let label = |r: &Option<Revision>| r.as_ref().map(|r| r.label(app)).unwrap_or_default();
    let title = app.shared.msg.get_args(
        "tui-review-sides",
        &[
            (
                "old",
                crate::i18n::Arg::Text(label(&app.screens.review.old).into()),
            ),
            (
                "new",
                crate::i18n::Arg::Text(label(&app.screens.review.new).into()),
            ),
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
    let offset = app.screens.review.cursor.scrolled(height);
    for (i, rev) in choices(app).iter().enumerate().skip(offset).take(height) {
        let y = body.y + u16::try_from(i - offset).unwrap_or(0);
        let selected = i == app.screens.review.cursor.row;
        let style = if selected {
            theme::selected()
        } else {
            Style::new()
        };
        if selected {
            fill(buf, Rect::new(lx, y, lw, 1), style);
        }
        let side = if app.screens.review.old.as_ref() == Some(rev) {
            "A"
        } else if app.screens.review.new.as_ref() == Some(rev) {
            "B"
        } else {
            " "
        };
        let text = format!("{side} {}", rev.label(app));
        pen.text(
            buf,
            Rect::new(lx, y, lw, 1),
            &text,
            style,
            Lang::En,
            Align::Natural,
        );
    }
    let note = if app.screens.review.loading {
        Some(app.shared.msg.get("tui-review-loading").into_owned())
    } else if app.screens.review.error.is_some() {
        app.screens
            .review
            .error
            .as_ref()
            .map(|e| e.show(&app.shared.msg))
    } else if app.screens.review.old.is_none() {
        // Nothing committed yet: only the working plan to look at.
        Some(app.shared.msg.get("tui-no-history").into_owned())
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
    for line in app
        .screens
        .review
        .lines
        .iter()
        .skip(app.screens.review.scroll)
    {
        if y >= body.y + body.height {
            break;
        }
        let style = match line.kind {
            LineKind::Heading => theme::heading(),
            LineKind::Added => theme::ok(),
            LineKind::Removed => theme::error(),
            _ => Style::new(),
        };
        if line.is_row() && pen.bidi == BidiMode::App {
            let visual = line.visual(Direction::Ltr);
            let shown: String = visual.chars().skip(app.screens.review.shift).collect();
            let at = Rect::new(rx, y, rw, 1);
            flat.text(buf, at, &shown, style, Lang::En, Align::Left);
        } else {
            let shown: String = line.text.chars().skip(app.screens.review.shift).collect();
            let rest = shown.trim_start_matches(' ');
            let indent = u16::try_from(shown.len() - rest.len()).unwrap_or(u16::MAX);
            let at = Rect::new(rx.saturating_add(indent), y, rw.saturating_sub(indent), 1);
            pen.text(buf, at, rest, style, app.shared.lang, Align::Left);
        }
        y += 1;
    }
}
