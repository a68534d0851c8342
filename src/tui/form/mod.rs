//! Forms: every field of an entity (or of the plan), edited one at a time with validation.
//!
//! A form is described as data (`spec`): each field knows how to show itself as text and how
//! to set itself from text, refusing bad input with a reason. Every editor (text, date, choice,
//! picker) produces text, so one path validates and applies everything, and every change
//! becomes an invertible [`Edit`].

mod activity;
mod beneficiary;
mod funding;
mod partner;
mod plan_meta;
pub mod round;
pub(crate) mod spec;
pub mod value;

use crate::edit::Edit;
use crate::i18n::Said;
use crate::model::{
    Activity, Beneficiary, Entity, EntityKind, FundingSource, Id, Partner, Plan, PlanMeta,
};
use crate::said;
use spec::{EditorKind, Subject};

/// What a form edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An entity.
    Entity(EntityKind, Id),
    /// `plan.ron`.
    Plan,
}

/// Where a row of a form points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKey {
    /// The entity's id (renamed, not edited).
    Id,
    /// Field `i` of the subject.
    Field(usize),
    /// The heading of list `l`; adding goes here.
    List(usize),
    /// Item `i` of list `l`.
    Item(usize, usize),
    /// Field `f` of item `i` of list `l` (in an item's own form).
    ItemField(usize, usize, usize),
}

/// One line of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Where it points.
    pub key: RowKey,
    /// The field's stable name (`title.ar`), for its label.
    pub name: &'static str,
    /// The value as text.
    pub value: String,
    /// How it is edited, when it is.
    pub editor: Option<EditorKind>,
    /// Nesting: 0 for fields, 1 for list items.
    pub depth: u8,
}

/// The state of an open form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormState {
    /// What it edits.
    pub target: Target,
    /// The selected row.
    pub cursor: usize,
    /// The list item whose own form is open, if one is.
    pub item: Option<(usize, usize)>,
    /// The selected row of the item's form.
    pub item_cursor: usize,
}

/// A subject that lives in the plan: how to read it and how to turn a change into an edit.
trait Stored: Subject + Sized {
    fn read(plan: &Plan, target: &Target) -> Option<Self>;
    fn edit(
        plan: &Plan,
        target: &Target,
        field: &str,
        f: impl FnOnce(&mut Self) -> Result<(), Said>,
    ) -> Result<Edit, Said>;
}

macro_rules! stored_entity {
    ($t:ty, $kind:ident) => {
        impl Stored for $t {
            fn read(plan: &Plan, target: &Target) -> Option<Self> {
                match (
                    target,
                    plan.get(EntityKind::$kind, target_id(target)?.as_str()),
                ) {
                    (Target::Entity(EntityKind::$kind, _), Some(Entity::$kind(x))) => Some(x),
                    _ => None,
                }
            }
            fn edit(
                plan: &Plan,
                target: &Target,
                field: &str,
                f: impl FnOnce(&mut Self) -> Result<(), Said>,
            ) -> Result<Edit, Said> {
                let id = target_id(target)
                    .ok_or_else(|| said!("form-no-such-row"))?
                    .clone();
                let made = Edit::update(plan, EntityKind::$kind, &id, field, |e| match e {
                    Entity::$kind(x) => f(x),
                    _ => Err(said!("form-wrong-kind")),
                });
                made.map_err(|e| e.said())?
            }
        }
    };
}

stored_entity!(Activity, Activity);
stored_entity!(Partner, Partner);
stored_entity!(Beneficiary, Beneficiary);
stored_entity!(FundingSource, Funding);

impl Stored for PlanMeta {
    fn read(plan: &Plan, target: &Target) -> Option<Self> {
        (target == &Target::Plan).then(|| plan.meta.clone())
    }
    fn edit(
        plan: &Plan,
        _: &Target,
        field: &str,
        f: impl FnOnce(&mut Self) -> Result<(), Said>,
    ) -> Result<Edit, Said> {
        let mut result = Ok(());
        let edit = Edit::update_meta(plan, field, |m| result = f(m));
        result.map(|()| edit)
    }
}

fn target_id(target: &Target) -> Option<&Id> {
    match target {
        Target::Entity(_, id) => Some(id),
        Target::Plan => None,
    }
}

/// Calls `$body` with `T` bound to the subject type of `$target`.
macro_rules! with_subject {
    ($target:expr, $f:ident ( $($arg:expr),* )) => {
        match $target {
            Target::Entity(EntityKind::Activity, _) => $f::<Activity>($($arg),*),
            Target::Entity(EntityKind::Partner, _) => $f::<Partner>($($arg),*),
            Target::Entity(EntityKind::Beneficiary, _) => $f::<Beneficiary>($($arg),*),
            Target::Entity(EntityKind::Funding, _) => $f::<FundingSource>($($arg),*),
            Target::Plan => $f::<PlanMeta>($($arg),*),
        }
    };
}

impl FormState {
    /// A form on `target`, at its first row.
    pub fn new(target: Target) -> FormState {
        FormState {
            target,
            cursor: 0,
            item: None,
            item_cursor: 0,
        }
    }

    /// The rows shown: the subject's fields and lists, or the open item's fields.
    pub fn rows(&self, plan: &Plan) -> Vec<Row> {
        with_subject!(&self.target, rows_of(plan, &self.target, self.item))
    }

    /// The row under the cursor.
    pub fn current(&self, plan: &Plan) -> Option<Row> {
        let rows = self.rows(plan);
        let i = if self.item.is_some() {
            self.item_cursor
        } else {
            self.cursor
        };
        rows.get(i.min(rows.len().saturating_sub(1))).cloned()
    }

    /// Moves the cursor by `delta` rows, staying inside the form.
    pub(crate) fn move_cursor(&mut self, plan: &Plan, delta: isize) {
        let n = self.rows(plan).len();
        let c = if self.item.is_some() {
            &mut self.item_cursor
        } else {
            &mut self.cursor
        };
        *c = c.saturating_add_signed(delta).min(n.saturating_sub(1));
    }

    /// Puts the cursor on the row of `field` (a field path as a merge names it: `progress`,
    /// `title.en`, `dependencies[launch].lag`): the field itself, else the list or field it
    /// lies in, else the first row.
    pub(crate) fn go_to_field(&mut self, plan: &Plan, field: &str) {
        let rows = self.rows(plan);
        let within = |name: &str| {
            field == name
                || field
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        };
        // The longest name that holds the field is the most precise row.
        self.cursor = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.depth == 0 && within(r.name))
            .max_by_key(|(_, r)| r.name.len())
            .map_or(0, |(i, _)| i);
    }

    /// Checks `text` for the row `key` without changing anything: the reason it is refused.
    pub(crate) fn validate(&self, plan: &Plan, key: RowKey, text: &str) -> Result<(), Said> {
        self.commit(plan, key, text).map(|_| ())
    }

    /// The edit that sets the row `key` to `text` (or adds an item, for a list heading).
    pub fn commit(&self, plan: &Plan, key: RowKey, text: &str) -> Result<Edit, Said> {
        with_subject!(&self.target, commit_of(plan, &self.target, key, text))
    }

    /// The edit that removes item `index` of list `list`.
    pub(crate) fn remove_item(&self, plan: &Plan, list: usize, index: usize) -> Result<Edit, Said> {
        with_subject!(&self.target, remove_of(plan, &self.target, list, index))
    }
}

fn rows_of<T: Stored>(plan: &Plan, target: &Target, item: Option<(usize, usize)>) -> Vec<Row> {
    let Some(x) = T::read(plan, target) else {
        return Vec::new();
    };
    if let Some((l, i)) = item {
        let Some(list) = T::lists().get(l) else {
            return Vec::new();
        };
        return list
            .fields
            .iter()
            .enumerate()
            .map(|(f, field)| Row {
                key: RowKey::ItemField(l, i, f),
                name: field.name,
                value: (field.get)(&x, i),
                editor: Some(field.editor),
                depth: 0,
            })
            .collect();
    }
    let mut rows = Vec::new();
    if let Some(id) = target_id(target) {
        rows.push(Row {
            key: RowKey::Id,
            name: "id",
            value: id.to_string(),
            editor: None,
            depth: 0,
        });
    }
    for (i, f) in T::fields()
        .iter()
        .enumerate()
        .filter(|(_, f)| (f.shown)(&x))
    {
        rows.push(Row {
            key: RowKey::Field(i),
            name: f.name,
            value: (f.get)(&x),
            editor: Some(f.editor),
            depth: 0,
        });
    }
    for (l, list) in T::lists().iter().enumerate() {
        let n = (list.len)(&x);
        rows.push(Row {
            key: RowKey::List(l),
            name: list.name,
            value: n.to_string(),
            editor: Some(list.add_editor),
            depth: 0,
        });
        for i in 0..n {
            rows.push(Row {
                key: RowKey::Item(l, i),
                name: list.name,
                value: (list.summary)(&x, i),
                editor: None,
                depth: 1,
            });
        }
    }
    rows
}

fn commit_of<T: Stored>(
    plan: &Plan,
    target: &Target,
    key: RowKey,
    text: &str,
) -> Result<Edit, Said> {
    match key {
        RowKey::Field(i) => {
            let f = T::fields()
                .get(i)
                .ok_or_else(|| said!("form-no-such-row"))?;
            T::edit(plan, target, f.name, |x| (f.set)(x, text))
        }
        RowKey::List(l) => {
            let list = T::lists().get(l).ok_or_else(|| said!("form-no-such-row"))?;
            T::edit(plan, target, list.name, |x| (list.add)(x, text))
        }
        RowKey::ItemField(l, i, f) => {
            let list = T::lists().get(l).ok_or_else(|| said!("form-no-such-row"))?;
            let field = list
                .fields
                .get(f)
                .ok_or_else(|| said!("form-no-such-row"))?;
            T::edit(plan, target, field.name, |x| {
                if i >= (list.len)(x) {
                    return Err(said!("form-item-gone"));
                }
                (field.set)(x, i, text)
            })
        }
        RowKey::Id | RowKey::Item(..) => Err(said!("form-not-edited-directly")),
    }
}

fn remove_of<T: Stored>(plan: &Plan, target: &Target, l: usize, i: usize) -> Result<Edit, Said> {
    let list = T::lists().get(l).ok_or_else(|| said!("form-no-such-row"))?;
    T::edit(plan, target, list.name, |x| {
        (list.remove)(x, i);
        Ok(())
    })
}

#[cfg(test)]
mod tests;
