//! The activity form's lists: dependencies, partners, budget lines and outputs, each with the
//! fields of one item.

use super::{CATEGORIES, DEP_KINDS, ROLES};
use crate::model::{
    Activity, ActivityPartner, BudgetCategory, BudgetLine, Currency, Dependency, DependencyKind,
    EntityKind, OrgRole, Text,
};
use crate::said;
use crate::tui::form::spec::{EditorKind as E, ItemField, List};
use crate::tui::form::value as v;

static DEPENDENCY_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "activity",
        editor: E::Ref(EntityKind::Activity),
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.activity.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let id = v::id(s)?;
            if id == a.id {
                return Err(said!("form-depends-on-itself"));
            }
            if let Some(d) = a.dependencies.get_mut(i) {
                d.activity = id;
            }
            Ok(())
        },
    },
    ItemField {
        name: "dependency_kind",
        editor: E::Choice(DEP_KINDS),
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.kind.code().to_owned())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let k = v::choice::<DependencyKind>(s, DEP_KINDS)?;
            if let Some(d) = a.dependencies.get_mut(i) {
                d.kind = k;
            }
            Ok(())
        },
    },
    ItemField {
        name: "lag",
        editor: E::Number,
        get: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| d.lag.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let max = crate::model::limits::MAX_LAG;
            let lag = v::int(s, -max, max)?;
            if let Some(d) = a.dependencies.get_mut(i) {
                d.lag = lag;
            }
            Ok(())
        },
    },
];

static PARTNER_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "partner",
        editor: E::Ref(EntityKind::Partner),
        get: |a, i| {
            a.partners
                .get(i)
                .map(|p| p.partner.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let id = v::id(s)?;
            if let Some(p) = a.partners.get_mut(i) {
                p.partner = id;
            }
            Ok(())
        },
    },
    ItemField {
        name: "role",
        editor: E::Choice(ROLES),
        get: |a, i| {
            a.partners
                .get(i)
                .map(|p| v::name_of(&p.role))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let r = v::choice::<OrgRole>(s, ROLES)?;
            if let Some(p) = a.partners.get_mut(i) {
                p.role = r;
            }
            Ok(())
        },
    },
];

static BUDGET_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "category",
        editor: E::Choice(CATEGORIES),
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| v::name_of(&b.category))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let c = v::choice::<BudgetCategory>(s, CATEGORIES)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.category = c;
            }
            Ok(())
        },
    },
    ItemField {
        name: "amount",
        editor: E::Amount,
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| b.amount.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let x = v::amount(s)?;
            if x.is_negative() {
                return Err(said!("form-negative-line"));
            }
            if let Some(b) = a.budget.get_mut(i) {
                b.amount = x;
            }
            Ok(())
        },
    },
    ItemField {
        name: "currency",
        editor: E::Text,
        get: |a, i| {
            a.budget
                .get(i)
                .map(|b| b.currency.to_string())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let c = v::currency(s)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.currency = c;
            }
            Ok(())
        },
    },
    ItemField {
        name: "funding",
        editor: E::OptRef(EntityKind::Funding),
        get: |a, i| {
            a.budget
                .get(i)
                .and_then(|b| b.funding.as_ref().map(|f| f.to_string()))
                .unwrap_or_default()
        },
        set: |a, i, s| {
            let f = v::opt_id(s)?;
            if let Some(b) = a.budget.get_mut(i) {
                b.funding = f;
            }
            Ok(())
        },
    },
    ItemField {
        name: "note",
        editor: E::Text,
        get: |a, i| {
            a.budget
                .get(i)
                .and_then(|b| b.note.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(b) = a.budget.get_mut(i) {
                b.note = v::opt_text(s);
            }
            Ok(())
        },
    },
];

static OUTPUT_FIELDS: &[ItemField<Activity>] = &[
    ItemField {
        name: "text.ar",
        editor: E::Text,
        get: |a, i| {
            a.outputs
                .get(i)
                .and_then(|o| o.ar.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(o) = a.outputs.get_mut(i) {
                o.ar = v::opt_text(s);
            }
            Ok(())
        },
    },
    ItemField {
        name: "text.en",
        editor: E::Text,
        get: |a, i| {
            a.outputs
                .get(i)
                .and_then(|o| o.en.clone())
                .unwrap_or_default()
        },
        set: |a, i, s| {
            if let Some(o) = a.outputs.get_mut(i) {
                o.en = v::opt_text(s);
            }
            Ok(())
        },
    },
];

pub(super) static LISTS: &[List<Activity>] = &[
    List {
        name: "dependencies",
        len: |a| a.dependencies.len(),
        summary: |a, i| {
            a.dependencies
                .get(i)
                .map(|d| format!("{} {} {:+}", d.activity, d.kind.code(), d.lag))
                .unwrap_or_default()
        },
        add_editor: E::Ref(EntityKind::Activity),
        add: |a, s| {
            let id = v::id(s)?;
            if id == a.id {
                return Err(said!("form-depends-on-itself"));
            }
            if a.dependencies.iter().any(|d| d.activity == id) {
                return Err(said!("form-already-depends", id = &a.id, other = &id));
            }
            a.dependencies.push(Dependency {
                activity: id,
                kind: DependencyKind::FinishToStart,
                lag: 0,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.dependencies.len() {
                a.dependencies.remove(i);
            }
        },
        fields: DEPENDENCY_FIELDS,
    },
    List {
        name: "partners",
        len: |a| a.partners.len(),
        summary: |a, i| {
            a.partners
                .get(i)
                .map(|p| format!("{} ({})", p.partner, v::name_of(&p.role)))
                .unwrap_or_default()
        },
        add_editor: E::Ref(EntityKind::Partner),
        add: |a, s| {
            a.partners.push(ActivityPartner {
                partner: v::id(s)?,
                role: OrgRole::Implementing,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.partners.len() {
                a.partners.remove(i);
            }
        },
        fields: PARTNER_FIELDS,
    },
    List {
        name: "budget",
        len: |a| a.budget.len(),
        summary: |a, i| {
            a.budget
                .get(i)
                .map(|b| {
                    format!(
                        "{} {} {}",
                        v::name_of(&b.category),
                        b.money(),
                        b.funding
                            .as_ref()
                            .map(|f| format!("← {f}"))
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_default()
        },
        add_editor: E::Amount,
        add: |a, s| {
            let amount = v::amount(s)?;
            a.budget.push(BudgetLine {
                category: BudgetCategory::Other,
                amount,
                currency: a
                    .budget
                    .last()
                    .map(|b| b.currency.clone())
                    .unwrap_or_else(|| Currency::new_unchecked("USD")),
                funding: None,
                note: None,
            });
            Ok(())
        },
        remove: |a, i| {
            if i < a.budget.len() {
                a.budget.remove(i);
            }
        },
        fields: BUDGET_FIELDS,
    },
    List {
        name: "outputs",
        len: |a| a.outputs.len(),
        summary: |a, i| {
            a.outputs
                .get(i)
                .map(|o| o.show(crate::model::Lang::En).to_owned())
                .unwrap_or_default()
        },
        add_editor: E::Text,
        add: |a, s| {
            let t = if s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                Text {
                    ar: v::opt_text(s),
                    en: None,
                }
            } else {
                Text {
                    ar: None,
                    en: v::opt_text(s),
                }
            };
            a.outputs.push(t);
            Ok(())
        },
        remove: |a, i| {
            if i < a.outputs.len() {
                a.outputs.remove(i);
            }
        },
        fields: OUTPUT_FIELDS,
    },
];
