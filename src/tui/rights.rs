//! What the person at the keyboard may change, when the plan has a `governance.ron`: the TUI
//! refuses the rest with the reason before a key is typed into an editor, and dims what is
//! read-only for them. The person is the repository's git identity (`user.name`,
//! `user.email`), read with the repository's state; until it is known, or without rules,
//! nothing is refused here. The rules are the plan's own, judged by `rights::may_edit`; what
//! is refused here would also be refused by `khutta verify` and by the server's guard. A
//! person the rules do not list is warned, not locked out.

use super::form::Target;
use super::shared::Shared;
use crate::edit::Edit;
use crate::i18n::Said;
use crate::model::{EntityKind, Id, Unit, UnitValue};
use crate::rights::{Actor, Standing};
use crate::said;

/// The person at the keyboard, as the rules know people.
fn actor(sh: &Shared) -> Option<Actor> {
    sh.repo.identity.as_ref().map(|(name, email)| Actor {
        name: name.clone(),
        email: email.clone(),
    })
}

/// Why the person may not make this change (`None`: they may). `entity: None` with a field
/// is a field of `plan.ron`; with neither, adding an entity of `kind`; `field: None` with an
/// entity, removing or renaming it. A form row's name (`title.en`) is judged as its field.
pub(crate) fn refused(
    sh: &Shared,
    kind: EntityKind,
    entity: Option<&Id>,
    field: Option<&str>,
) -> Option<Said> {
    let gov = sh.doc.plan.governance.as_ref()?;
    let who = actor(sh)?;
    // Someone the rules do not list (a git email other than the one listed, a plan opened
    // for reading) is told so in the form's title rather than locked out: `khutta verify` and
    // the server's guard refuse what they commit.
    if crate::rights::standing(gov, &who) == Standing::Unknown {
        return None;
    }
    let field = field.map(|f| f.split(['.', '[']).next().unwrap_or(f));
    crate::rights::may_edit(gov, &who, &sh.doc.plan, kind, entity, field)
        .err()
        .map(|why| said!("tui-rights-refused", why = why.said()))
}

/// Why the person may not change the consultation file `unit` (`field: None`: add or remove
/// it), before a key is typed; `None`: they may, or nothing is refused here (see [`refused`]).
pub(crate) fn refused_consultation(sh: &Shared, unit: &Unit, field: Option<&str>) -> Option<Said> {
    let gov = sh.doc.plan.governance.as_ref()?;
    let who = actor(sh)?;
    if crate::rights::standing(gov, &who) == Standing::Unknown {
        return None;
    }
    crate::rights::may_edit_consultation(gov, &who, &sh.doc.plan, unit, field)
        .err()
        .map(|why| said!("tui-rights-refused", why = why.said()))
}

/// Why `edit` may not land: the first change of a round or a response that the person's
/// grants do not allow. The entity forms refuse before a key is typed; the consultation
/// screens' many commands (questions added, moved, answers collected) are judged here, at
/// the one door every edit passes, with what they would change.
pub(crate) fn refused_edit(sh: &Shared, edit: &Edit) -> Option<Said> {
    edit.changes.iter().find_map(|c| {
        let unit = c.unit();
        // Only consultation files are judged here: no copy of an entity's values is made.
        unit.round()?;
        let (before, after) = c.values();
        judged(sh, &unit, before.as_ref(), after.as_ref())
    })
}

/// [`refused_edit`] for one consultation file about to hold `after` (`None`: removed), for
/// what is written without an edit (a collected response).
pub(crate) fn refused_change(sh: &Shared, unit: &Unit, after: Option<&UnitValue>) -> Option<Said> {
    judged(sh, unit, sh.doc.plan.unit(unit).as_ref(), after)
}

/// The first breach of changing the consultation file `unit` from `before` to `after`, put
/// as the TUI says a refusal; none for a person the rules do not list (see [`refused`]).
fn judged(
    sh: &Shared,
    unit: &Unit,
    before: Option<&UnitValue>,
    after: Option<&UnitValue>,
) -> Option<Said> {
    let gov = sh.doc.plan.governance.as_ref()?;
    let who = actor(sh)?;
    if crate::rights::standing(gov, &who) == Standing::Unknown {
        return None;
    }
    crate::rights::judge_consultation(gov, &who, unit, before, after)
        .into_iter()
        .next()
        .map(|b| said!("tui-rights-refused", why = b.said()))
}

/// [`refused`] for a row of the open form.
pub(crate) fn refused_in_form(sh: &Shared, field: &str) -> Option<Said> {
    match &sh.form.as_ref()?.target {
        Target::Entity(kind, id) => refused(sh, *kind, Some(id), Some(field)),
        Target::Plan => refused(sh, EntityKind::Activity, None, Some(field)),
    }
}

/// Says why in the status line when `why` is a refusal; whether it was.
pub(crate) fn refuse(sh: &mut Shared, why: Option<Said>) -> bool {
    match why {
        Some(why) => {
            sh.status = why.show(&sh.msg);
            true
        }
        None => false,
    }
}

/// Who the person is under the rules, for the form's title: `Amal Haddad (escwa,
/// coordinator)`; `None` without rules or before the identity is known.
pub(crate) fn who(sh: &Shared) -> Option<String> {
    let gov = sh.doc.plan.governance.as_ref()?;
    let who = actor(sh)?;
    let m = &sh.msg;
    Some(match crate::rights::standing(gov, &who) {
        Standing::Coordinator { partner } => m.get_args(
            "tui-rights-coordinator",
            &[
                ("name", who.name.into()),
                ("partner", partner.to_string().into()),
            ],
        ),
        Standing::Partner { partner } => m.get_args(
            "tui-rights-partner",
            &[
                ("name", who.name.into()),
                ("partner", partner.to_string().into()),
            ],
        ),
        Standing::Unknown => m.get_args("tui-rights-unknown", &[("email", who.email.into())]),
    })
}
