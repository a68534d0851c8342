//! The plan form (`plan.ron`).

use super::spec::{EditorKind as E, Field, ItemField, List, Subject, always};
use super::value as v;
use crate::model::{CountryCode, ExchangeRate, PlanMeta};
use crate::said;

static PLAN_FIELDS: &[Field<PlanMeta>] = &[
    Field {
        name: "title.ar",
        editor: E::Text,
        get: |m| m.title.ar.clone().unwrap_or_default(),
        set: |m, s| {
            m.title.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "title.en",
        editor: E::Text,
        get: |m| m.title.en.clone().unwrap_or_default(),
        set: |m, s| {
            m.title.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "summary.ar",
        editor: E::Long,
        get: |m| m.summary.ar.clone().unwrap_or_default(),
        set: |m, s| {
            m.summary.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "summary.en",
        editor: E::Long,
        get: |m| m.summary.en.clone().unwrap_or_default(),
        set: |m, s| {
            m.summary.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "window_start",
        editor: E::Date,
        get: |m| m.window.start.to_string(),
        set: |m, s| {
            m.window.start = v::date(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "window_end",
        editor: E::Date,
        get: |m| m.window.end.to_string(),
        set: |m, s| {
            m.window.end = v::date(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "currency",
        editor: E::Text,
        get: |m| m.currency.to_string(),
        set: |m, s| {
            m.currency = v::currency(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "default_calendar",
        editor: E::Calendar,
        get: |m| {
            m.default_calendar
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |m, s| {
            m.default_calendar = v::opt_id(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "sdg_goals",
        editor: E::Words,
        get: |m| {
            m.sdg_goals
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
        set: |m, s| {
            m.sdg_goals = v::words(s)
                .iter()
                .map(|w| v::int(w, 1, 17))
                .collect::<Result<_, _>>()?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "sdg_targets",
        editor: E::Words,
        get: |m| m.sdg_targets.join(", "),
        set: |m, s| {
            m.sdg_targets = v::words(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "countries",
        editor: E::Words,
        get: |m| {
            m.countries
                .iter()
                .map(CountryCode::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        },
        set: |m, s| {
            m.countries = v::words(s)
                .iter()
                .map(|w| CountryCode::parse(&w.to_uppercase()))
                .collect::<Result<_, _>>()?;
            Ok(())
        },
        shown: always,
    },
];

static RATE_FIELDS: &[ItemField<PlanMeta>] = &[
    ItemField {
        name: "currency",
        editor: E::Text,
        get: |m, i| {
            m.exchange_rates
                .get(i)
                .map(|r| r.currency.to_string())
                .unwrap_or_default()
        },
        set: |m, i, s| {
            let c = v::currency(s)?;
            if let Some(r) = m.exchange_rates.get_mut(i) {
                r.currency = c;
            }
            Ok(())
        },
    },
    ItemField {
        name: "rate",
        editor: E::Amount,
        get: |m, i| {
            m.exchange_rates
                .get(i)
                .map(|r| r.rate.to_string())
                .unwrap_or_default()
        },
        set: |m, i, s| {
            let x = v::amount(s)?;
            if !crate::model::limits::rate_in_range(x) {
                return Err(said!(
                    "form-rate-range",
                    max = &crate::model::limits::max_rate()
                ));
            }
            if let Some(r) = m.exchange_rates.get_mut(i) {
                r.rate = x;
            }
            Ok(())
        },
    },
    ItemField {
        name: "date",
        editor: E::Date,
        get: |m, i| {
            m.exchange_rates
                .get(i)
                .map(|r| r.date.to_string())
                .unwrap_or_default()
        },
        set: |m, i, s| {
            let d = v::date(s)?;
            if let Some(r) = m.exchange_rates.get_mut(i) {
                r.date = d;
            }
            Ok(())
        },
    },
    ItemField {
        name: "source",
        editor: E::Text,
        get: |m, i| {
            m.exchange_rates
                .get(i)
                .and_then(|r| r.source.clone())
                .unwrap_or_default()
        },
        set: |m, i, s| {
            if let Some(r) = m.exchange_rates.get_mut(i) {
                r.source = v::opt_text(s);
            }
            Ok(())
        },
    },
];

static PLAN_LISTS: &[List<PlanMeta>] = &[List {
    name: "exchange_rates",
    len: |m| m.exchange_rates.len(),
    summary: |m, i| {
        m.exchange_rates
            .get(i)
            .map(|r| format!("1 {} = {} {} ({})", r.currency, r.rate, m.currency, r.date))
            .unwrap_or_default()
    },
    add_editor: E::Text,
    // A rate is typed with its currency: a made-up `1` would silence the missing-rate error
    // and turn every amount in that currency into the same number in the plan's.
    add: |m, s| {
        let mut words = s.split_whitespace();
        let (Some(code), Some(rate), None) = (words.next(), words.next(), words.next()) else {
            return Err(said!("form-rate-needed"));
        };
        let currency = v::currency(code)?;
        let rate = v::amount(rate)?;
        if !crate::model::limits::rate_in_range(rate) {
            return Err(said!(
                "form-rate-range",
                max = &crate::model::limits::max_rate()
            ));
        }
        m.exchange_rates.push(ExchangeRate {
            currency,
            rate,
            date: m.window.start,
            source: None,
        });
        Ok(())
    },
    remove: |m, i| {
        if i < m.exchange_rates.len() {
            m.exchange_rates.remove(i);
        }
    },
    fields: RATE_FIELDS,
}];

impl Subject for PlanMeta {
    fn fields() -> &'static [Field<PlanMeta>] {
        PLAN_FIELDS
    }
    fn lists() -> &'static [List<PlanMeta>] {
        PLAN_LISTS
    }
}
