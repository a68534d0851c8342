//! The funding source form.

use super::spec::{EditorKind as E, Field, List, Subject, always};
use super::value as v;
use crate::i18n::Said;
use crate::model::{EntityKind, FundingSource, FundingStatus, Window};

const FUNDING_STATUSES: &[&str] = &["Pipeline", "Pledged", "Committed", "Disbursed"];

fn window_get(w: Option<Window>, end: bool) -> String {
    w.map(|w| if end { w.end } else { w.start }.to_string())
        .unwrap_or_default()
}

/// Sets one end of an optional window; blanking either end removes the window.
fn window_set(w: &mut Option<Window>, s: &str, end: bool) -> Result<(), Said> {
    let Some(d) = v::opt_date(s)? else {
        *w = None;
        return Ok(());
    };
    let mut win = w.unwrap_or(Window { start: d, end: d });
    if end {
        win.end = d
    } else {
        win.start = d
    }
    *w = Some(win);
    Ok(())
}

static FUNDING_FIELDS: &[Field<FundingSource>] = &[
    Field {
        name: "title.ar",
        editor: E::Text,
        get: |f| f.title.ar.clone().unwrap_or_default(),
        set: |f, s| {
            f.title.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "title.en",
        editor: E::Text,
        get: |f| f.title.en.clone().unwrap_or_default(),
        set: |f, s| {
            f.title.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "funder",
        editor: E::Ref(EntityKind::Partner),
        get: |f| f.funder.to_string(),
        set: |f, s| {
            f.funder = v::id(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "amount",
        editor: E::Amount,
        get: |f| f.amount.to_string(),
        set: |f, s| {
            f.amount = v::amount(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "currency",
        editor: E::Text,
        get: |f| f.currency.to_string(),
        set: |f, s| {
            f.currency = v::currency(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "funding_status",
        editor: E::Choice(FUNDING_STATUSES),
        get: |f| v::name_of(&f.status),
        set: |f, s| {
            f.status = v::choice::<FundingStatus>(s, FUNDING_STATUSES)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "available_from",
        editor: E::OptDate,
        get: |f| window_get(f.available, false),
        set: |f, s| window_set(&mut f.available, s, false),
        shown: always,
    },
    Field {
        name: "available_until",
        editor: E::OptDate,
        get: |f| window_get(f.available, true),
        set: |f, s| window_set(&mut f.available, s, true),
        shown: always,
    },
    Field {
        name: "earmarked",
        editor: E::Refs(EntityKind::Activity),
        get: |f| v::join_ids(&f.earmarked),
        set: |f, s| {
            f.earmarked = v::ids(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "conditions.ar",
        editor: E::Long,
        get: |f| f.conditions.ar.clone().unwrap_or_default(),
        set: |f, s| {
            f.conditions.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "conditions.en",
        editor: E::Long,
        get: |f| f.conditions.en.clone().unwrap_or_default(),
        set: |f, s| {
            f.conditions.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
];

impl Subject for FundingSource {
    fn fields() -> &'static [Field<FundingSource>] {
        FUNDING_FIELDS
    }
    fn lists() -> &'static [List<FundingSource>] {
        &[]
    }
}
