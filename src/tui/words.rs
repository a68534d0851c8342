//! The TUI's words: message keys for field names, choice values and commands, so that every
//! label comes from the Fluent files in the UI's language.

use super::Screen;
use super::action::Command;
use crate::i18n::Messages;

/// The message key of a field or list name (`not_before` -> `field-not-before`); a language
/// suffix (`title.ar`) is not part of the key.
fn field_key(name: &str) -> String {
    let base = name
        .strip_suffix(".ar")
        .or_else(|| name.strip_suffix(".en"))
        .unwrap_or(name);
    format!("field-{}", base.replace(['_', '.'], "-"))
}

/// A field's label: "Title (Arabic)" for `title.ar`.
pub(crate) fn field_label(m: &Messages, name: &str) -> String {
    let label = m.get(&field_key(name)).into_owned();
    match name.rsplit_once('.') {
        Some((_, "ar")) => format!("{label} ({})", m.get("lang-ar")),
        Some((_, "en")) => format!("{label} ({})", m.get("lang-en")),
        _ => label,
    }
}

/// `InProgress` -> `in-progress`; `FS` -> `fs`.
fn kebab(value: &str) -> String {
    let mut out = String::new();
    let upper_run = value.chars().all(|c| c.is_ascii_uppercase());
    for (i, c) in value.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 && !upper_run {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The message key of a choice `value` of the field `field`, when it has one.
fn choice_key(field: &str, value: &str) -> Option<String> {
    let prefix = match field {
        "status" => "status",
        "kind" => "activity-kind",
        "timing" => "timing",
        "dependency_kind" => "dependency",
        "role" => "role",
        "organisation_type" => "org-type",
        "beneficiary_kind" => "beneficiary-kind",
        "funding_status" => "funding-status",
        "category" => "budget-category",
        _ => return None,
    };
    Some(format!("{prefix}-{}", kebab(value)))
}

/// How a choice value is shown: its name in the UI's language, or the value itself.
pub(crate) fn choice_label(m: &Messages, field: &str, value: &str) -> String {
    match choice_key(field, value) {
        Some(k) if m.has(&k) => m.get(&k).into_owned(),
        _ => value.to_owned(),
    }
}

/// A screen's name.
pub fn screen(m: &Messages, s: Screen) -> String {
    m.get(screen_key(s)).into_owned()
}

/// The message key of a screen's name.
fn screen_key(s: Screen) -> &'static str {
    match s {
        Screen::Overview => "screen-overview",
        Screen::Activities => "screen-activities",
        Screen::Partners => "screen-partners",
        Screen::Beneficiaries => "screen-beneficiaries",
        Screen::Funding => "screen-funding",
        Screen::Gantt => "screen-gantt",
        Screen::Problems => "screen-problems",
        Screen::History => "screen-history",
        Screen::Consultations => "screen-consultations",
        Screen::Review => "screen-review",
        Screen::Conflicts => "screen-conflicts",
    }
}

/// A command's name, for the help screen.
pub fn command(m: &Messages, c: Command) -> String {
    m.get(&format!("cmd-{}", c.name().replace('_', "-")))
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn every_screen_has_a_name_in_both_languages() {
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for s in Screen::ALL {
                assert!(m.has(screen_key(s)), "{s:?} has no name in {lang:?}");
            }
        }
    }
    use crate::tui::form::spec::Subject;

    fn names<T: Subject>() -> Vec<&'static str> {
        let mut v: Vec<&str> = T::fields().iter().map(|f| f.name).collect();
        for l in T::lists() {
            v.push(l.name);
            v.extend(l.fields.iter().map(|f| f.name));
        }
        v
    }

    /// Every form field, list and item field has a label in both languages.
    #[test]
    fn every_field_has_a_label() {
        use crate::model::*;
        let mut all = names::<Activity>();
        all.extend(names::<Partner>());
        all.extend(names::<Beneficiary>());
        all.extend(names::<FundingSource>());
        all.extend(names::<PlanMeta>());
        all.push("id");
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for n in &all {
                assert!(
                    m.has(&field_key(n)),
                    "{lang:?}: no label for field `{n}` ({})",
                    field_key(n)
                );
            }
        }
    }

    /// Every choice of every form has a name in both languages.
    #[test]
    fn every_choice_has_a_name() {
        use crate::tui::form::spec::EditorKind;
        fn check<T: Subject>(m: &Messages) {
            let fields = T::fields().iter().map(|f| (f.name, f.editor));
            let items = T::lists()
                .iter()
                .flat_map(|l| l.fields.iter().map(|f| (f.name, f.editor)));
            for (name, editor) in fields.chain(items) {
                if let EditorKind::Choice(values) = editor {
                    for v in values {
                        let key = choice_key(name, v)
                            .unwrap_or_else(|| panic!("no key for the choices of `{name}`"));
                        assert!(m.has(&key), "{:?}: no name for {key}", m.lang());
                    }
                }
            }
        }
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            check::<crate::model::Activity>(&m);
            check::<crate::model::Partner>(&m);
            check::<crate::model::Beneficiary>(&m);
            check::<crate::model::FundingSource>(&m);
        }
    }

    #[test]
    fn every_command_has_a_name() {
        use crate::tui::keymap::Context as C;
        for lang in [Lang::En, Lang::Ar] {
            let m = Messages::new(lang);
            for context in [
                C::Form,
                C::Gantt,
                C::Consult,
                C::List,
                C::Conflicts,
                C::Review,
                C::History,
                C::Syncing,
            ] {
                for (c, _) in crate::tui::keymap::Keymap::default().bindings_for(context) {
                    assert!(
                        m.has(&format!("cmd-{}", c.name().replace('_', "-"))),
                        "{lang:?}: {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn kebab_case() {
        assert_eq!(kebab("InProgress"), "in-progress");
        assert_eq!(kebab("FS"), "fs");
        assert_eq!(kebab("Task"), "task");
    }
}
