//! How a form is described: fields and lists of items, each with how to show, parse and set
//! its value. A form is data; one engine draws and edits them all.

use crate::i18n::Said;
use crate::model::EntityKind;

/// How a value is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorKind {
    /// One line of text.
    Text,
    /// A long text: edited in place or in `$EDITOR`.
    Long,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A date or nothing.
    OptDate,
    /// A whole number.
    Number,
    /// An exact amount.
    Amount,
    /// One of a fixed set of values.
    Choice(&'static [&'static str]),
    /// An entity of a kind, picked from the plan.
    Ref(EntityKind),
    /// An entity of a kind, or nothing.
    OptRef(EntityKind),
    /// Several entities of a kind.
    Refs(EntityKind),
    /// A working calendar of the plan, or nothing.
    Calendar,
    /// Comma-separated words (tags, SDG targets, countries).
    Words,
}

/// One field of a subject `T`.
pub struct Field<T> {
    /// Stable name: the i18n key suffix and the name shown in messages (`title.ar`).
    pub name: &'static str,
    /// How it is edited.
    pub editor: EditorKind,
    /// The value as text.
    pub get: fn(&T) -> String,
    /// Sets the value from text, or says why it cannot.
    pub set: fn(&mut T, &str) -> Result<(), Said>,
    /// Whether the field applies (a start date only for fixed timing).
    pub shown: fn(&T) -> bool,
}

/// One field of an item of a list of `T`.
pub(crate) struct ItemField<T> {
    /// Stable name (`lag`).
    pub name: &'static str,
    /// How it is edited.
    pub editor: EditorKind,
    /// The value of item `i` as text.
    pub get: fn(&T, usize) -> String,
    /// Sets the value of item `i` from text, or says why it cannot.
    pub set: fn(&mut T, usize, &str) -> Result<(), Said>,
}

/// A list of items inside a subject (dependencies, budget lines).
pub struct List<T: 'static> {
    /// Stable name (`dependencies`).
    pub name: &'static str,
    /// How many items there are.
    pub len: fn(&T) -> usize,
    /// One line about item `i`.
    pub summary: fn(&T, usize) -> String,
    /// How the first value of a new item is asked for.
    pub add_editor: EditorKind,
    /// Adds an item from that first value.
    pub add: fn(&mut T, &str) -> Result<(), Said>,
    /// Removes item `i`.
    pub remove: fn(&mut T, usize),
    /// The fields of one item.
    pub fields: &'static [ItemField<T>],
}

/// Something a form edits: an entity kind, or the plan itself.
pub trait Subject: Clone + PartialEq + 'static {
    /// Its fields, in the order shown.
    fn fields() -> &'static [Field<Self>];
    /// Its lists, shown after the fields.
    fn lists() -> &'static [List<Self>];
}

/// Always shown.
pub fn always<T>(_: &T) -> bool {
    true
}
