//! proptest strategies for plans: valid structure, adversarial text.

use chrono::NaiveDate;
use khutta::model::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Text that stresses the writer: Arabic with harakat, quotes, backslashes, raw-string
/// delimiters, newlines, control characters and bidi marks.
pub fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.()-]{0,24}",
        "[\u{0621}-\u{064A}\u{064B}-\u{0652} ]{0,24}",
        "[\"#\\\\r\\n\t\u{1b}\u{202e}a-z\u{0644}\u{0627}]{0,12}",
        Just(String::from("\"#")),
        Just(String::from("r#\"x\"#")),
    ]
}

pub fn any_text() -> impl Strategy<Value = Text> {
    (option::of(any_string()), option::of(any_string())).prop_map(|(ar, en)| Text { ar, en })
}

/// A text with at least an English title (valid for check).
pub fn title() -> impl Strategy<Value = Text> {
    (option::of(any_string()), "[A-Za-z][A-Za-z ]{0,20}")
        .prop_map(|(ar, en)| Text { ar, en: Some(en) })
}

pub fn id() -> impl Strategy<Value = Id> {
    "[a-z0-9][a-z0-9-]{0,12}".prop_map(Id::new_unchecked)
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..3000).prop_map(|d| {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + chrono::Days::new(d as u64)
    })
}

pub fn amount() -> impl Strategy<Value = Amount> {
    (0i64..10_000_000_000, 0u32..4).prop_map(|(m, s)| Amount::new(m, s))
}

pub fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec!["USD", "EUR", "EGP", "MAD"]).prop_map(Currency::new_unchecked)
}

pub fn country() -> impl Strategy<Value = CountryCode> {
    prop::sample::select(vec!["EG", "JO", "MA", "TN", "LB"]).prop_map(CountryCode::new_unchecked)
}

pub fn timing() -> impl Strategy<Value = Timing> {
    prop_oneof![
        (date(), 0u64..200).prop_map(|(start, len)| Timing::Fixed {
            start,
            end: start + chrono::Days::new(len)
        }),
        (0u32..300, option::of(date()))
            .prop_map(|(days, not_before)| Timing::Duration { days, not_before }),
        Just(Timing::Span),
    ]
}

pub fn dependency() -> impl Strategy<Value = Dependency> {
    (
        id(),
        prop::sample::select(DependencyKind::ALL.to_vec()),
        -5i32..20,
    )
        .prop_map(|(activity, kind, lag)| Dependency {
            activity,
            kind,
            lag,
        })
}

pub fn budget_line() -> impl Strategy<Value = BudgetLine> {
    (
        prop::sample::select(BudgetCategory::ALL.to_vec()),
        amount(),
        currency(),
        option::of(id()),
        option::of(any_string()),
    )
        .prop_map(|(category, amount, currency, funding, note)| BudgetLine {
            category,
            amount,
            currency,
            funding,
            note,
        })
}

pub fn activity() -> impl Strategy<Value = Activity> {
    (
        (
            id(),
            title(),
            any_text(),
            prop::sample::select(vec![
                ActivityKind::Task,
                ActivityKind::Milestone,
                ActivityKind::Group,
            ]),
            option::of(id()),
            timing(),
        ),
        (
            vec(dependency(), 0..4),
            prop::sample::select(Status::ALL.to_vec()),
            0u8..=100,
            option::of(id()),
        ),
        (
            vec(
                (id(), prop::sample::select(OrgRole::ALL.to_vec()))
                    .prop_map(|(partner, role)| ActivityPartner { partner, role }),
                0..3,
            ),
            vec(id(), 0..3),
            option::of(
                (country(), option::of(any_string()))
                    .prop_map(|(country, city)| Location { country, city }),
            ),
            option::of(id()),
        ),
        (
            vec(budget_line(), 0..3),
            vec(any_text(), 0..2),
            vec("1[0-7]\\.[0-9]", 0..2),
            vec("[a-z]{1,8}", 0..3),
        ),
    )
        .prop_map(
            |(
                (id, title, description, kind, parent, timing),
                (dependencies, status, progress, lead),
                (partners, beneficiaries, location, calendar),
                (budget, outputs, sdg_targets, tags),
            )| {
                let mut a = Activity {
                    id,
                    title,
                    description,
                    kind,
                    parent,
                    timing,
                    dependencies,
                    status,
                    progress,
                    lead,
                    partners,
                    beneficiaries,
                    location,
                    calendar,
                    budget,
                    outputs,
                    sdg_targets,
                    tags,
                };
                a.normalize();
                a
            },
        )
}

pub fn partner() -> impl Strategy<Value = Partner> {
    (
        id(),
        title(),
        option::of("[A-Z]{2,6}"),
        prop::sample::select(OrganisationType::ALL.to_vec()),
        vec(prop::sample::select(OrgRole::ALL.to_vec()), 0..3),
        option::of(country()),
        option::of("https://[a-z]{3,10}\\.org"),
        option::of(
            (
                any_string(),
                option::of("[a-z]+@[a-z]+\\.org"),
                option::of("\\+[0-9 ]{6,12}"),
            )
                .prop_map(|(name, email, phone)| Contact { name, email, phone }),
        ),
    )
        .prop_map(
            |(id, name, acronym, kind, roles, country, website, contact)| {
                let mut p = Partner {
                    id,
                    name,
                    acronym,
                    kind,
                    roles,
                    country,
                    website,
                    iati_ref: None,
                    contact,
                };
                p.normalize();
                p
            },
        )
}

pub fn beneficiary() -> impl Strategy<Value = Beneficiary> {
    (
        id(),
        title(),
        prop::sample::select(BeneficiaryKind::ALL.to_vec()),
        option::of(country()),
        option::of(any_string()),
        option::of(any::<u64>()),
        any_text(),
    )
        .prop_map(
            |(id, name, kind, country, city, size, description)| Beneficiary {
                id,
                name,
                kind,
                country,
                city,
                size,
                description,
            },
        )
}

pub fn funding() -> impl Strategy<Value = FundingSource> {
    (
        id(),
        id(),
        title(),
        amount(),
        currency(),
        prop::sample::select(FundingStatus::ALL.to_vec()),
        option::of((date(), date()).prop_map(|(start, end)| Window { start, end })),
        vec(id(), 0..3),
        any_text(),
    )
        .prop_map(
            |(id, funder, title, amount, currency, status, available, earmarked, conditions)| {
                let mut f = FundingSource {
                    id,
                    funder,
                    title,
                    amount,
                    currency,
                    status,
                    available,
                    earmarked,
                    conditions,
                };
                f.normalize();
                f
            },
        )
}

pub fn meta() -> impl Strategy<Value = PlanMeta> {
    (
        id(),
        title(),
        any_text(),
        date(),
        currency(),
        vec(
            (currency(), amount(), date()).prop_map(|(currency, rate, date)| ExchangeRate {
                currency,
                rate,
                date,
                source: None,
            }),
            0..3,
        ),
        vec(1u8..18, 0..3),
        vec(country(), 0..3),
    )
        .prop_map(
            |(id, title, summary, start, currency, exchange_rates, sdg_goals, countries)| {
                let mut m = PlanMeta {
                    format: FORMAT_VERSION,
                    id,
                    title,
                    summary,
                    window: Window {
                        start,
                        end: start + chrono::Days::new(900),
                    },
                    currency,
                    exchange_rates,
                    calendars: vec![Calendar {
                        id: Id::new_unchecked("fri-sat"),
                        name: Text::new("الجمعة والسبت", "Friday-Saturday"),
                        weekend: vec![Weekday::Fri, Weekday::Sat],
                        holidays: vec![Holiday {
                            date: start,
                            until: None,
                            name: Text::en("Day \"one\""),
                        }],
                        countries: vec![CountryCode::new_unchecked("EG")],
                    }],
                    default_calendar: Some(Id::new_unchecked("fri-sat")),
                    sdg_goals,
                    sdg_targets: vec!["11.3".into()],
                    countries,
                    cities: vec![City {
                        country: CountryCode::new_unchecked("TN"),
                        name: Text::new("تونس", "Tunis"),
                    }],
                };
                m.normalize();
                m
            },
        )
}

/// A plan whose entities are keyed by their own ids.
pub fn plan() -> impl Strategy<Value = Plan> {
    (
        meta(),
        vec(activity(), 0..8),
        vec(partner(), 0..4),
        vec(beneficiary(), 0..3),
        vec(funding(), 0..3),
    )
        .prop_map(|(meta, acts, parts, bens, funds)| {
            let mut plan = Plan::new(meta);
            plan.activities = acts.into_iter().map(|a| (a.id.clone(), a)).collect();
            plan.partners = parts.into_iter().map(|p| (p.id.clone(), p)).collect();
            plan.beneficiaries = bens.into_iter().map(|b| (b.id.clone(), b)).collect();
            plan.funding = funds.into_iter().map(|f| (f.id.clone(), f)).collect();
            plan
        })
}
