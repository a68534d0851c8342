//! The Conflicts screen: base, ours and theirs side by side for each conflict; pick one, or
//! write a value. Two kinds of conflict meet here: unsaved edits that met a change on disk
//! in the same field (settled in the document, as edits that undo takes back; the file is
//! saved once none of its conflicts is left), and those of a git merge in progress (settled
//! in the merge state; the merge commit is made only when none is left).

use crate::diff::{Choice, Conflict, Side, render};
use crate::repo::merge_state::Pick;
use crate::text::Align;
use crate::tui::action::Command;
use crate::tui::app::Effect;
use crate::tui::editor::Purpose;
use crate::tui::form::spec::EditorKind;
use crate::tui::form::{FormState, Target};
use crate::tui::paint::fill;
use crate::tui::repo_view::{RepoJob, merge_job};
use crate::tui::shared::Shared;
use crate::tui::{editing, theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The Conflicts screen's own state.
#[derive(Clone, Debug, Default)]
pub struct ConflictsView {
    /// The selected conflict.
    pub cursor: crate::tui::lists::Cursor,
}

/// One row of the screen: a conflict of the document's (unsaved edits against the disk) or
/// of the merge in progress, with its index in its own list.
pub enum Row<'a> {
    /// Unsaved edits against a change on disk.
    Disk(usize, &'a Conflict),
    /// The git merge in progress.
    Merge(usize, &'a Conflict),
}

impl Row<'_> {
    fn conflict(&self) -> &Conflict {
        match self {
            Row::Disk(_, c) | Row::Merge(_, c) => c,
        }
    }
}

/// Every conflict shown, the document's first.
pub fn rows(sh: &Shared) -> Vec<Row<'_>> {
    let disk = sh
        .doc
        .conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| Row::Disk(i, c));
    let merge = sh.repo.merge.iter().flat_map(|m| {
        m.conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| Row::Merge(i, c))
    });
    disk.chain(merge).collect()
}

/// Settles the conflict in row `row` with `choice`.
pub fn settle(v: &mut ConflictsView, sh: &mut Shared, row: usize, choice: Choice) -> Vec<Effect> {
    let target = match rows(sh).get(row) {
        Some(Row::Disk(i, _)) => Ok(*i),
        Some(Row::Merge(i, _)) => Err(*i),
        None => return Vec::new(),
    };
    match target {
        Ok(i) => {
            match sh.doc.settle(i, choice) {
                Ok(()) => {
                    sh.status = sh
                        .msg
                        .count("tui-disk-conflicts-left", sh.doc.conflicts.len());
                }
                Err(e) => {
                    sh.status = sh.msg.get_args(
                        "tui-not-changed",
                        &[(
                            "error",
                            crate::i18n::Arg::Text(e.said().show(&sh.msg).into()),
                        )],
                    );
                }
            }
            let n = rows(sh).len();
            v.cursor.step(0, n);
            vec![Effect::WriteRecovery]
        }
        Err(i) => {
            let pick = match choice {
                Choice::Ours => Pick::Ours,
                Choice::Theirs => Pick::Theirs,
                Choice::Base => Pick::Base,
                Choice::Value(v) => Pick::Value(v),
            };
            merge_job(sh, RepoJob::Resolve(i, pick))
        }
    }
}

/// Why a value of one's own for the conflict in row `row` is refused: it does not fit the
/// field, or the checks refuse it as they do in a form (a progress of 150, an end before its
/// start, a text in neither language).
pub fn refused(sh: &Shared, row: usize, value: &serde_json::Value) -> Option<crate::i18n::Said> {
    use crate::check::Code;
    let c = rows(sh).get(row)?.conflict().clone();
    let current = sh.doc.plan.unit(&c.target);
    let after =
        match crate::diff::write_field(&c.target, current.as_ref(), &c.path, Some(value.clone())) {
            Ok(v) => v,
            Err(e) => return Some(e.said()),
        };
    // The unit alone, checked by the rules of values that forms also apply.
    let mut alone = crate::model::Plan::new(sh.doc.plan.meta.clone());
    alone.set_unit(&c.target, after);
    crate::check::check(&alone, &crate::check::Unread::default())
        .into_iter()
        .find(|d| {
            matches!(
                d.code,
                Code::BadValue | Code::EndBeforeStart | Code::Structure | Code::EmptyText
            )
        })
        .map(|d| d.message)
}

/// Asks for a value of one's own for the conflict in row `row`, as JSON, starting from ours.
fn value_editor(sh: &mut Shared, row: usize) -> Vec<Effect> {
    let current = rows(sh)[row]
        .conflict()
        .ours
        .as_ref()
        .map(|v| v.to_string())
        .unwrap_or_else(|| "null".into());
    editing::open_editor(
        sh,
        Purpose::ConflictValue(row),
        "tui-conflict-value",
        EditorKind::Text,
        &current,
    );
    Vec::new()
}

/// A command on the Conflicts screen.
pub fn command(v: &mut ConflictsView, sh: &mut Shared, c: Command) -> Vec<Effect> {
    let n = rows(sh).len();
    let row = v.cursor.row;
    let page = sh.page();
    if super::move_cursor(&mut v.cursor, c, n, page) {
        return Vec::new();
    }
    let merge_left = sh.repo.merge.as_ref().map(|m| m.conflicts.len());
    match c {
        Command::TakeOurs if row < n => settle(v, sh, row, Choice::Ours),
        Command::TakeTheirs if row < n => settle(v, sh, row, Choice::Theirs),
        Command::TakeBase if row < n => settle(v, sh, row, Choice::Base),
        Command::Select if row < n => {
            // The entity's own form, with its checks: a value changed there and saved settles
            // a merge's conflict as a hand edit does; the merge waits meanwhile.
            let target = rows(sh)[row].conflict().target.clone();
            match target {
                crate::model::Unit::Entity { kind, id }
                    if sh.doc.plan.contains(kind, id.as_str()) =>
                {
                    let mut form = FormState::new(Target::Entity(kind, id));
                    let field = rows(sh)[row].conflict().path.to_string();
                    form.go_to_field(&sh.doc.plan, &field);
                    sh.form = Some(form);
                }
                crate::model::Unit::Plan if !sh.doc.read_only => {
                    sh.form = Some(FormState::new(Target::Plan));
                }
                _ => return value_editor(sh, row),
            }
            Vec::new()
        }
        Command::EditValue if row < n => value_editor(sh, row),
        Command::FinishMerge if merge_left == Some(0) => merge_job(sh, RepoJob::Finish),
        Command::FinishMerge => {
            if let Some(left) = merge_left {
                sh.status = sh.msg.count("tui-conflicts-left", left);
            }
            Vec::new()
        }
        Command::AbortMerge => merge_job(sh, RepoJob::Abort),
        _ => Vec::new(),
    }
}

/// Draws the list of conflicts and the three values of the selected one.
pub fn draw(v: &ConflictsView, sh: &Shared, area: Rect, buf: &mut Buffer) {
    let pen = &sh.pen;
    let m = &sh.msg;
    let rows = rows(sh);
    if rows.is_empty() && sh.repo.merge.is_none() {
        pen.ui(
            buf,
            area.x + 1,
            area.y,
            area.width.saturating_sub(2),
            &m.get("tui-no-merge"),
            theme::dim(),
        );
        return;
    }
    let mut titles = Vec::new();
    if !sh.doc.conflicts.is_empty() {
        titles.push(m.count("tui-disk-conflicts-title", sh.doc.conflicts.len()));
    }
    if let Some(merge) = &sh.repo.merge {
        titles.push(m.get_args(
            "tui-merge-title",
            &[
                ("label", crate::i18n::Arg::Text(merge.label.clone().into())),
                ("count", merge.conflicts.len().into()),
            ],
        ));
    }
    let title = titles.join(" · ");
    pen.ui(
        buf,
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        &title,
        theme::heading(),
    );
    let list_h = area.height.saturating_sub(8).max(3);
    let cols = pen.columns(Rect::new(area.x, area.y, area.width, 1), &[4, 14, 30, 0]);
    let offset = v.cursor.scrolled(usize::from(list_h));
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(list_h))
    {
        let c = row.conflict();
        let y = area.y + 1 + u16::try_from(i - offset).unwrap_or(0);
        let style = if i == v.cursor.row {
            theme::selected()
        } else {
            Style::new()
        };
        if i == v.cursor.row {
            fill(buf, Rect::new(area.x, y, area.width, 1), style);
        }
        let kind = match row {
            Row::Disk(..) => m.get("tui-conflict-disk").into_owned(),
            Row::Merge(..) => m.get(c.kind.key()).into_owned(),
        };
        let cells = [
            format!("{}", i + 1),
            kind,
            c.target.to_string(),
            c.path.to_string(),
        ];
        super::draw_cells(pen, buf, &cols, y, &cells, style);
    }
    let detail_y = area.y + 2 + list_h;
    if let Some(c) = rows.get(v.cursor.row).map(Row::conflict) {
        let rows = [
            ("tui-side-base", Side::Base),
            ("tui-side-ours", Side::Ours),
            ("tui-side-theirs", Side::Theirs),
        ];
        let vcols = pen.columns(
            Rect::new(area.x + 1, detail_y, area.width.saturating_sub(2), 1),
            &[14, 0],
        );
        for (j, (key, side)) in rows.iter().enumerate() {
            let y = detail_y + u16::try_from(j).unwrap_or(0);
            let kept = if *side == c.kept { " ✓" } else { "" };
            pen.ui(
                buf,
                vcols[0].0,
                y,
                vcols[0].1,
                &format!("{}{kept}", m.get(key)),
                theme::dim(),
            );
            pen.text(
                buf,
                Rect::new(vcols[1].0, y, vcols[1].1, 1),
                &render::side_shown(c, *side, m),
                Style::new(),
                sh.content_lang,
                Align::Natural,
            );
        }
        if let Some(p) = &c.problem {
            pen.ui(
                buf,
                area.x + 1,
                detail_y + 3,
                area.width.saturating_sub(2),
                &format!("{}: {}", p.code, p.message.show(&sh.msg)),
                theme::error(),
            );
            let hint = m.get_args("check-hint", &[("hint", p.hint.show(m).into())]);
            pen.ui(
                buf,
                area.x + 1,
                detail_y + 4,
                area.width.saturating_sub(2),
                &hint,
                theme::dim(),
            );
        }
    }
    pen.ui(
        buf,
        area.x + 1,
        area.bottom().saturating_sub(1),
        area.width.saturating_sub(2),
        &m.get("tui-conflicts-help"),
        theme::dim(),
    );
}

impl super::Component for ConflictsView {
    fn command(&mut self, sh: &mut Shared, c: Command) -> Vec<Effect> {
        command(self, sh, c)
    }

    fn draw(&self, sh: &Shared, area: Rect, buf: &mut Buffer) {
        draw(self, sh, area, buf)
    }
}
