//! The partner, beneficiary group, funding source and plan forms.

use super::activity::ROLES;
use super::spec::{EditorKind as E, Field, ItemField, List, Subject, always};
use super::value as v;
use crate::i18n::Said;
use crate::model::{
    Beneficiary, BeneficiaryKind, Contact, CountryCode, EntityKind, ExchangeRate, FundingSource,
    FundingStatus, OrgRole, OrganisationType, Partner, PlanMeta, Window,
};
use crate::said;

const ORG_TYPES: &[&str] = &[
    "Government",
    "LocalGovernment",
    "OtherPublicSector",
    "InternationalNgo",
    "NationalNgo",
    "RegionalNgo",
    "PartnerCountryNgo",
    "PublicPrivatePartnership",
    "Multilateral",
    "Foundation",
    "PrivateSector",
    "Academic",
    "Other",
];
const BENEFICIARY_KINDS: &[&str] = &[
    "CityGovernment",
    "NationalInstitution",
    "CivilSociety",
    "Citizens",
    "Academia",
    "PrivateSector",
    "Youth",
    "Women",
    "Other",
];
const FUNDING_STATUSES: &[&str] = &["Pipeline", "Pledged", "Committed", "Disbursed"];

fn contact(p: &mut Partner) -> &mut Contact {
    p.contact.get_or_insert_with(Contact::default)
}

/// Drops a contact left with nothing in it, so that the file does not keep an empty block.
fn tidy_contact(p: &mut Partner) {
    if p.contact
        .as_ref()
        .is_some_and(|c| c.name.is_empty() && c.email.is_none() && c.phone.is_none())
    {
        p.contact = None;
    }
}

static PARTNER_FIELDS: &[Field<Partner>] = &[
    Field {
        name: "name.ar",
        editor: E::Text,
        get: |p| p.name.ar.clone().unwrap_or_default(),
        set: |p, s| {
            p.name.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "name.en",
        editor: E::Text,
        get: |p| p.name.en.clone().unwrap_or_default(),
        set: |p, s| {
            p.name.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "acronym",
        editor: E::Text,
        get: |p| p.acronym.clone().unwrap_or_default(),
        set: |p, s| {
            p.acronym = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "organisation_type",
        editor: E::Choice(ORG_TYPES),
        get: |p| v::name_of(&p.kind),
        set: |p, s| {
            p.kind = v::choice::<OrganisationType>(s, ORG_TYPES)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "roles",
        editor: E::Words,
        get: |p| {
            p.roles
                .iter()
                .map(v::name_of)
                .collect::<Vec<_>>()
                .join(", ")
        },
        set: |p, s| {
            p.roles = v::words(s)
                .iter()
                .map(|w| v::choice::<OrgRole>(w, ROLES))
                .collect::<Result<_, _>>()?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "country",
        editor: E::Text,
        get: |p| {
            p.country
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |p, s| {
            p.country = v::opt_country(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "website",
        editor: E::Text,
        get: |p| p.website.clone().unwrap_or_default(),
        set: |p, s| {
            p.website = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "iati_ref",
        editor: E::Text,
        get: |p| p.iati_ref.clone().unwrap_or_default(),
        set: |p, s| {
            p.iati_ref = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.name",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .map(|c| c.name.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            contact(p).name = s.trim().to_owned();
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.email",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .and_then(|c| c.email.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            if !s.trim().is_empty() && !s.contains('@') {
                return Err(said!("value-not-email", text = &format!("{:?}", s.trim())));
            }
            contact(p).email = v::opt_text(s.trim());
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "contact.phone",
        editor: E::Text,
        get: |p| {
            p.contact
                .as_ref()
                .and_then(|c| c.phone.clone())
                .unwrap_or_default()
        },
        set: |p, s| {
            contact(p).phone = v::opt_text(s.trim());
            tidy_contact(p);
            Ok(())
        },
        shown: always,
    },
];

impl Subject for Partner {
    fn fields() -> &'static [Field<Partner>] {
        PARTNER_FIELDS
    }
    fn lists() -> &'static [List<Partner>] {
        &[]
    }
}

static BENEFICIARY_FIELDS: &[Field<Beneficiary>] = &[
    Field {
        name: "name.ar",
        editor: E::Text,
        get: |b| b.name.ar.clone().unwrap_or_default(),
        set: |b, s| {
            b.name.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "name.en",
        editor: E::Text,
        get: |b| b.name.en.clone().unwrap_or_default(),
        set: |b, s| {
            b.name.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "beneficiary_kind",
        editor: E::Choice(BENEFICIARY_KINDS),
        get: |b| v::name_of(&b.kind),
        set: |b, s| {
            b.kind = v::choice::<BeneficiaryKind>(s, BENEFICIARY_KINDS)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "country",
        editor: E::Text,
        get: |b| {
            b.country
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default()
        },
        set: |b, s| {
            b.country = v::opt_country(s)?;
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "city",
        editor: E::Text,
        get: |b| b.city.clone().unwrap_or_default(),
        set: |b, s| {
            b.city = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "size",
        editor: E::Number,
        get: |b| b.size.map(|n| n.to_string()).unwrap_or_default(),
        set: |b, s| {
            b.size = if s.trim().is_empty() {
                None
            } else {
                Some(v::int(s, 0, i64::MAX)?)
            };
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.ar",
        editor: E::Long,
        get: |b| b.description.ar.clone().unwrap_or_default(),
        set: |b, s| {
            b.description.ar = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
    Field {
        name: "description.en",
        editor: E::Long,
        get: |b| b.description.en.clone().unwrap_or_default(),
        set: |b, s| {
            b.description.en = v::opt_text(s);
            Ok(())
        },
        shown: always,
    },
];

impl Subject for Beneficiary {
    fn fields() -> &'static [Field<Beneficiary>] {
        BENEFICIARY_FIELDS
    }
    fn lists() -> &'static [List<Beneficiary>] {
        &[]
    }
}

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
            if x.0 <= rust_decimal::Decimal::ZERO {
                return Err(said!("form-rate-not-positive"));
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
    add: |m, s| {
        let currency = v::currency(s)?;
        let date = m.window.start;
        m.exchange_rates.push(ExchangeRate {
            currency,
            rate: crate::model::Amount(rust_decimal::Decimal::ONE),
            date,
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
