//! Editing: the open form's commands, the editor's keys, creating, deleting and renaming.

use super::action::Command;
use super::app::{App, Effect};
use super::editor::{Choice, EditorState, Purpose};
use super::form::spec::EditorKind;
use super::form::{FormState, RowKey, Target};
use super::popup::Popup;
use super::shared::Shared;
use super::words;
use crate::edit::Edit;
use crate::i18n::Arg;
use crate::i18n::Said;
use crate::model::{
    Activity, Beneficiary, BeneficiaryKind, Entity, EntityKind, FundingSource, FundingStatus, Id,
    Lang, OrganisationType, Partner, Text,
};
use crate::said;
use crate::text::Align;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A command while a form is open.
pub(crate) fn form_command(sh: &mut Shared, c: Command) -> Vec<Effect> {
    let Some(form) = sh.form.as_mut() else {
        return Vec::new();
    };
    let page = isize::try_from(sh.size.1.saturating_sub(6))
        .unwrap_or(1)
        .max(1);
    match c {
        Command::Up => form.move_cursor(&sh.doc.plan, -1),
        Command::Down => form.move_cursor(&sh.doc.plan, 1),
        Command::PageUp => form.move_cursor(&sh.doc.plan, -page),
        Command::PageDown => form.move_cursor(&sh.doc.plan, page),
        Command::Top => form.move_cursor(&sh.doc.plan, isize::MIN / 2),
        Command::Bottom => form.move_cursor(&sh.doc.plan, isize::MAX / 2),
        Command::Back if form.item.take().is_none() => sh.form = None,
        Command::Select => open_row(sh),
        Command::New => add_item(sh),
        Command::Delete => remove_item(sh),
        Command::Rename => {
            if let Some(Target::Entity(kind, id)) = sh.form.as_ref().map(|f| f.target.clone()) {
                start_rename(sh, kind, id);
            }
        }
        Command::ExternalEditor => {
            let row = form.current(&sh.doc.plan);
            if let Some(row) =
                row.filter(|r| matches!(r.editor, Some(EditorKind::Long | EditorKind::Text)))
            {
                open_editor(
                    sh,
                    Purpose::Row(row.key),
                    row.name,
                    EditorKind::Long,
                    &row.value,
                );
                return vec![Effect::ExternalEditor(row.value)];
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The language a field's text is written in: Arabic for `*.ar` fields, English for `*.en`,
/// the UI's otherwise (ids, numbers and dates read the same either way).
fn field_lang(sh: &Shared, name: &str) -> Lang {
    if name.ends_with(".ar") {
        Lang::Ar
    } else if name.ends_with(".en") {
        Lang::En
    } else {
        sh.lang
    }
}

/// The pick list of an editor: fixed values with their names in the UI's language, or the
/// plan's entities and calendars with their titles.
fn choices_for(sh: &Shared, name: &str, kind: EditorKind) -> Vec<Choice> {
    let plan = &sh.doc.plan;
    let lang = sh.content_lang;
    let entities = |k: EntityKind| -> Vec<Choice> {
        plan.ids(k)
            .into_iter()
            .map(|id| {
                let title = match plan.get(k, id.as_str()) {
                    Some(Entity::Activity(a)) => a.title.show(lang).to_owned(),
                    Some(Entity::Partner(p)) => p.label(lang).to_owned(),
                    Some(Entity::Beneficiary(b)) => b.name.show(lang).to_owned(),
                    Some(Entity::Funding(f)) => f.title.show(lang).to_owned(),
                    None => String::new(),
                };
                Choice {
                    label: format!("{id}  {title}"),
                    value: id.to_string(),
                }
            })
            .collect()
    };
    let none = || Choice {
        value: String::new(),
        label: sh.msg.get("tui-editor-none").into_owned(),
    };
    match kind {
        EditorKind::Choice(values) => values
            .iter()
            .map(|v| Choice {
                value: (*v).into(),
                label: words::choice_label(&sh.msg, name, v),
            })
            .collect(),
        EditorKind::Ref(k) | EditorKind::Refs(k) => entities(k),
        EditorKind::OptRef(k) => std::iter::once(none()).chain(entities(k)).collect(),
        EditorKind::Calendar => std::iter::once(none())
            .chain(plan.meta.calendars.iter().map(|c| Choice {
                value: c.id.to_string(),
                label: format!("{}  {}", c.id, c.name.show(lang)),
            }))
            .collect(),
        _ => Vec::new(),
    }
}

/// Opens an editor for the field `name` (or the prompt whose message key is `name`).
pub(crate) fn open_editor(
    sh: &mut Shared,
    purpose: Purpose,
    name: &str,
    kind: EditorKind,
    current: &str,
) {
    let title = if name.starts_with("tui-") {
        sh.msg.get(name).into_owned()
    } else {
        words::field_label(&sh.msg, name)
    };
    let choices = choices_for(sh, name, kind);
    let opts = sh.pen.options(field_lang(sh, name), Align::Natural);
    sh.editor = Some(EditorState::new(
        purpose, title, kind, current, choices, opts,
    ));
    revalidate(sh);
}

/// Enter on a form row: edit the value, open a list item, or add to a list.
fn open_row(sh: &mut Shared) {
    let Some(form) = sh.form.as_mut() else {
        return;
    };
    let Some(row) = form.current(&sh.doc.plan) else {
        return;
    };
    match (row.key, row.editor) {
        (RowKey::Item(l, i), _) => {
            form.item = Some((l, i));
            form.item_cursor = 0;
        }
        (RowKey::Id, _) => {
            if let Target::Entity(kind, id) = form.target.clone() {
                start_rename(sh, kind, id);
            }
        }
        (key, Some(kind)) => {
            let current = if matches!(key, RowKey::List(_)) {
                String::new()
            } else {
                row.value.clone()
            };
            // Before a key is typed: a field the rules keep from this person is not opened.
            if super::rights::refuse(sh, super::rights::refused_in_form(sh, row.name)) {
                return;
            }
            open_editor(sh, Purpose::Row(key), row.name, kind, &current);
        }
        (_, None) => {}
    }
}

fn add_item(sh: &mut Shared) {
    let Some(form) = sh.form.as_ref() else {
        return;
    };
    if form.item.is_some() {
        return;
    }
    let rows = form.rows(&sh.doc.plan);
    // Lists come after the fields: the list the cursor is in is the nearest heading above it.
    let heading = rows
        .iter()
        .take(form.cursor + 1)
        .rev()
        .find(|r| matches!(r.key, RowKey::List(_)));
    if let Some(row) = heading
        && let Some(kind) = row.editor
    {
        let (key, name) = (row.key, row.name);
        if super::rights::refuse(sh, super::rights::refused_in_form(sh, name)) {
            return;
        }
        open_editor(sh, Purpose::Row(key), name, kind, "");
    } else {
        sh.status = sh.msg.get("tui-move-to-list").into_owned();
    }
}

fn remove_item(sh: &mut Shared) {
    let Some(form) = sh.form.as_ref() else {
        return;
    };
    if let Some((RowKey::Item(l, i), name)) = form.current(&sh.doc.plan).map(|r| (r.key, r.name)) {
        if super::rights::refuse(sh, super::rights::refused_in_form(sh, name)) {
            return;
        }
        let Some(form) = sh.form.as_ref() else {
            return;
        };
        let result = form.remove_item(&sh.doc.plan, l, i);
        apply(sh, result);
    } else if form.item.is_none()
        && let Target::Entity(kind, id) = form.target.clone()
    {
        ask_delete(sh, kind, id);
    }
}

/// A key typed into the open editor.
pub(crate) fn editor_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let sh = &mut app.shared;
    let Some(ed) = sh.editor.as_mut() else {
        return Vec::new();
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => {
            let purpose = ed.purpose.clone();
            sh.editor = None;
            match purpose {
                Purpose::Filter => {
                    sh.outline.view.filter.text.clear();
                    sh.filter_changed();
                }
                Purpose::Search(list) => {
                    sh.search.remove(&list);
                    app.screens.search_changed(&app.shared, list);
                }
                _ => {}
            }
            return Vec::new();
        }
        KeyCode::Char('c') if ctrl => {
            sh.editor = None;
            return Vec::new();
        }
        KeyCode::Enter => return commit(app),
        KeyCode::Tab if matches!(ed.kind, EditorKind::Refs(_)) => ed.toggle(),
        KeyCode::Up if ed.is_pick() => ed.step(-1),
        KeyCode::Down if ed.is_pick() => ed.step(1),
        KeyCode::PageUp if ed.is_pick() => ed.step(-10),
        KeyCode::PageDown if ed.is_pick() => ed.step(10),
        KeyCode::Left => ed.input.move_left(),
        KeyCode::Right => ed.input.move_right(),
        KeyCode::Home => ed.input.home(),
        KeyCode::End => ed.input.end(),
        KeyCode::Backspace => {
            ed.input.backspace();
        }
        KeyCode::Delete => {
            ed.input.delete();
        }
        KeyCode::Char('u') if ctrl => ed.clear(),
        KeyCode::Char(c) if !ctrl => {
            ed.input.insert_char(c);
            if ed.is_pick() {
                ed.selected = 0;
            }
        }
        _ => {}
    }
    revalidate(sh);
    searched(app);
    Vec::new()
}

/// After the search text of a list changed as it was typed: the list starts from its first
/// match, so that no match stays scrolled out of sight.
pub(crate) fn searched(app: &mut App) {
    if let Some(Purpose::Search(list)) = app.shared.editor.as_ref().map(|e| e.purpose.clone()) {
        app.screens.search_changed(&app.shared, list);
    }
}

/// Checks the editor's current value and keeps the reason it would be refused.
pub(crate) fn revalidate(sh: &mut Shared) {
    let Some(ed) = sh.editor.as_ref() else {
        return;
    };
    let value = ed.value();
    // A pick list whose typed filter lets nothing through has no value to give: taking that
    // as "empty" would silently clear the field.
    if ed.is_pick()
        && !matches!(ed.kind, super::form::spec::EditorKind::Refs(_))
        && ed.visible().is_empty()
    {
        let error = Some(sh.msg.get("tui-pick-no-match").into_owned());
        if let Some(ed) = sh.editor.as_mut() {
            ed.error = error;
        }
        return;
    }
    let error: Option<Said> = match &ed.purpose {
        Purpose::Row(key) => {
            let value = in_context(sh, *key, value);
            sh.form
                .as_ref()
                .and_then(|f| f.validate(&sh.doc.plan, *key, &value).err())
        }
        Purpose::NewEntity(kind) => new_entity(&sh.doc.plan, *kind, &value).err(),
        Purpose::Rename(kind, id) => Edit::rename(&sh.doc.plan, *kind, id, &value)
            .err()
            .map(|e| e.said()),
        Purpose::Filter => {
            sh.outline.view.filter.text = value;
            sh.filter_changed();
            None
        }
        Purpose::Search(list) => {
            sh.search.insert(*list, value);
            None
        }
        Purpose::Commit => value.trim().is_empty().then(|| said!("tui-commit-empty")),
        // The JSON parser's own words: a conflict value is written as JSON by those who know it.
        Purpose::ConflictValue(row) => match serde_json::from_str::<serde_json::Value>(&value) {
            Ok(v) => super::screens::conflicts::refused(sh, *row, &v),
            Err(e) => Some(said!("value-not-json", reason = &e.to_string())),
        },
        Purpose::Design(target) => super::form::round::edit(&sh.doc.plan, target, &value).err(),
        Purpose::NewRound => super::screens::consult::new_round(&sh.doc.plan, &value).err(),
        p @ (Purpose::ExportFormat
        | Purpose::ExportReporter
        | Purpose::ExportPath(..)
        | Purpose::ImportFormat
        | Purpose::ImportPath(_)) => super::exchange::refused(p, &value),
    };
    let error = error.map(|e| e.show(&sh.msg));
    if let Some(ed) = sh.editor.as_mut() {
        ed.error = error;
    }
}

/// Enter in the editor: apply the value, or keep the editor open with the reason.
fn commit(app: &mut App) -> Vec<Effect> {
    let App {
        shared: sh,
        screens,
        ..
    } = app;
    revalidate(sh);
    let Some(ed) = sh.editor.as_ref() else {
        return Vec::new();
    };
    if let Some(e) = &ed.error {
        sh.status = sh
            .msg
            .get_args("tui-not-applied", &[("error", Arg::Text(e.clone().into()))]);
        return Vec::new();
    }
    let value = ed.value();
    let Some(ed) = sh.editor.take() else {
        return Vec::new();
    };
    match ed.purpose {
        Purpose::Row(key) => {
            // Enter on a field left as it was is no edit: nothing to undo, nothing unsaved.
            let unchanged = matches!(key, RowKey::Field(_) | RowKey::ItemField(..))
                && sh.form.as_ref().is_some_and(|f| {
                    f.rows(&sh.doc.plan)
                        .iter()
                        .any(|r| r.key == key && r.value == value)
                });
            if unchanged {
                sh.status = sh.msg.get("tui-unchanged").into_owned();
                return Vec::new();
            }
            let value = in_context(sh, key, value);
            let result = sh
                .form
                .as_ref()
                .map(|f| f.commit(&sh.doc.plan, key, &value));
            result.map(|r| apply(sh, r)).unwrap_or_default()
        }
        Purpose::NewEntity(kind) => {
            let result = new_entity(&sh.doc.plan, kind, &value);
            let effects = apply(sh, result);
            if let Ok(id) = Id::parse(value.trim())
                && sh.doc.plan.contains(kind, id.as_str())
            {
                let mut form = FormState::new(Target::Entity(kind, id));
                form.cursor = 1;
                sh.form = Some(form);
            }
            effects
        }
        Purpose::Rename(kind, id) => {
            let result = Edit::rename(&sh.doc.plan, kind, &id, &value).map_err(|e| e.said());
            let effects = apply(sh, result);
            if let (Some(f), Ok(new)) = (sh.form.as_mut(), Id::parse(value.trim()))
                && f.target == Target::Entity(kind, id)
            {
                f.target = Target::Entity(kind, new);
            }
            effects
        }
        Purpose::Filter | Purpose::Search(_) => Vec::new(),
        Purpose::Commit => {
            sh.repo.busy = true;
            vec![Effect::Repo(super::repo_view::RepoJob::Commit(
                value.trim().to_owned(),
            ))]
        }
        Purpose::ConflictValue(row) => match serde_json::from_str(&value) {
            Ok(v) => super::screens::conflicts::settle(
                &mut screens.conflicts,
                sh,
                row,
                crate::diff::Choice::Value(v),
            ),
            Err(_) => Vec::new(),
        },
        Purpose::Design(target) => {
            // Rows are by position, so the cursor stays on the field (a renamed question
            // keeps its row).
            let result = super::form::round::edit(&sh.doc.plan, &target, &value);
            apply(sh, result)
        }
        Purpose::NewRound => {
            let result = super::screens::consult::new_round(&sh.doc.plan, &value);
            let effects = apply(sh, result);
            super::screens::consult::after_new_round(&mut screens.consult, sh, &value);
            effects
        }
        p @ (Purpose::ExportFormat
        | Purpose::ExportReporter
        | Purpose::ExportPath(..)
        | Purpose::ImportFormat
        | Purpose::ImportPath(_)) => super::exchange::entered(sh, p, value),
    }
}

/// Applies an edit made from the UI, reporting what happened in the status line.
pub fn apply(sh: &mut Shared, edit: Result<Edit, Said>) -> Vec<Effect> {
    let result = edit.and_then(|e| match super::rights::refused_edit(sh, &e) {
        Some(why) => Err(why),
        None => sh.doc.apply(e).map_err(|e| e.said()),
    });
    match result {
        Ok(()) => {
            sh.status = sh.msg.get("tui-changed").into_owned();
            vec![Effect::WriteRecovery]
        }
        Err(e) => {
            sh.status = sh.msg.get_args(
                "tui-not-changed",
                &[("error", Arg::Text(e.show(&sh.msg).into()))],
            );
            Vec::new()
        }
    }
}

/// The edit that creates a new entity of `kind` with id `value`, with neutral defaults.
/// A row's value with what only the TUI knows: an activity switched to fixed dates is fixed
/// where the schedule has it now, never on a made-up day.
fn in_context(sh: &Shared, key: super::form::RowKey, value: String) -> String {
    let Some(form) = sh.form.as_ref() else {
        return value;
    };
    if let Target::Entity(EntityKind::Activity, id) = &form.target
        && value.trim() == "Fixed"
        && let Some(a) = sh.doc.plan.activities.get(id)
        && !matches!(a.timing, crate::model::Timing::Fixed { .. })
        && form
            .rows(&sh.doc.plan)
            .iter()
            .any(|r| r.key == key && r.name == "timing")
        && let Some(d) = sh.doc.dates(id)
    {
        return format!("Fixed {} {}", d.early_start, d.early_finish);
    }
    value
}

fn new_entity(plan: &crate::model::Plan, kind: EntityKind, value: &str) -> Result<Edit, Said> {
    let id = Id::parse(value.trim()).map_err(|e| e.said())?;
    let name = Text::en(id.as_str());
    let entity = match kind {
        EntityKind::Activity => Entity::Activity(Activity::new(id, name, 5)),
        EntityKind::Partner => Entity::Partner(Partner {
            id,
            name,
            acronym: None,
            kind: OrganisationType::Other,
            roles: Vec::new(),
            country: None,
            website: None,
            iati_ref: None,
            contact: None,
        }),
        EntityKind::Beneficiary => Entity::Beneficiary(Beneficiary {
            id,
            name,
            kind: BeneficiaryKind::Other,
            country: None,
            city: None,
            size: None,
            description: Text::default(),
        }),
        // No funder until someone chooses one: the first partner would be a plausible wrong
        // answer; an empty one is a problem `check` names.
        EntityKind::Funding => Entity::Funding(FundingSource {
            funder: Id::new_unchecked(""),
            id,
            title: name,
            amount: crate::model::Amount::ZERO,
            currency: plan.meta.currency.clone(),
            status: FundingStatus::Pipeline,
            available: None,
            earmarked: Vec::new(),
            conditions: Text::default(),
        }),
    };
    Edit::add(plan, entity).map_err(|e| e.said())
}

/// Asks for the id of a new entity of `kind`.
pub(crate) fn start_new(sh: &mut Shared, kind: EntityKind) {
    if super::rights::refuse(sh, super::rights::refused(sh, kind, None, None)) {
        return;
    }
    open_editor(
        sh,
        Purpose::NewEntity(kind),
        "tui-editor-new-id",
        EditorKind::Text,
        "",
    );
}

/// Asks for a new id for `kind`/`id`.
pub(crate) fn start_rename(sh: &mut Shared, kind: EntityKind, id: Id) {
    if super::rights::refuse(sh, super::rights::refused(sh, kind, Some(&id), None)) {
        return;
    }
    let current = id.to_string();
    open_editor(
        sh,
        Purpose::Rename(kind, id),
        "tui-editor-rename",
        EditorKind::Text,
        &current,
    );
}

/// Asks before deleting `kind`/`id`, listing what refers to it.
pub(crate) fn ask_delete(sh: &mut Shared, kind: EntityKind, id: Id) {
    if super::rights::refuse(sh, super::rights::refused(sh, kind, Some(&id), None)) {
        return;
    }
    let references = sh
        .doc
        .plan
        .references_to(kind, &id)
        .into_iter()
        .map(|r| match &r.from {
            crate::model::Referrer::Entity(k, from) => format!(
                "{} `{}` ({})",
                sh.msg.get(crate::model::keys::entity_kind(*k)),
                from,
                r.field
            ),
            // Questions and responses are named by their file, which says which round.
            other => format!("{} ({})", other.file_path(), r.field),
        })
        .collect();
    sh.popup = Some(Popup::ConfirmDelete {
        kind,
        id,
        references,
    });
}

/// Deletes `kind`/`id` (after the question was answered).
pub(crate) fn delete_now(sh: &mut Shared, kind: EntityKind, id: &Id) -> Vec<Effect> {
    let result = Edit::remove(&sh.doc.plan, kind, id).map_err(|e| e.said());
    let effects = apply(sh, result);
    if sh
        .form
        .as_ref()
        .is_some_and(|f| f.target == Target::Entity(kind, id.clone()))
    {
        sh.form = None;
    }
    effects
}

/// The external editor closed: apply its text to the row being edited.
pub(crate) fn external_closed(app: &mut App, result: Result<String, Said>) -> Vec<Effect> {
    let sh = &mut app.shared;
    let Some(ed) = sh.editor.take() else {
        return Vec::new();
    };
    match (result, ed.purpose) {
        (Ok(text), Purpose::Row(key)) => {
            // Editors add a final newline; a one-paragraph field does not want it.
            let text = text.strip_suffix('\n').unwrap_or(&text).to_owned();
            let edit = sh.form.as_ref().map(|f| f.commit(&sh.doc.plan, key, &text));
            edit.map(|e| apply(sh, e)).unwrap_or_default()
        }
        (Err(e), _) => {
            sh.status = sh.msg.get_args(
                "tui-editor-failed",
                &[("error", Arg::Text(e.show(&sh.msg).into()))],
            );
            Vec::new()
        }
        _ => Vec::new(),
    }
}
