//! A deterministic generator of large plans, shared by `examples/gen_plan.rs` and the benches.
//!
//! The plan has work streams as groups, 1-3 dependencies per activity on earlier ones (mostly
//! in the same stream, sometimes across), some milestones, mixed dependency types and lags,
//! activities in countries with Friday-Saturday and Saturday-Sunday weekends, partners,
//! beneficiaries, funding sources and budget lines. The same N and SEED give the same plan.

#![allow(dead_code, reason = "each user of the generator needs part of it")]

use khutta::model::*;

/// SplitMix64: tiny, deterministic, good enough to spread choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const STREAM: usize = 100;
const COUNTRIES: [&str; 6] = ["EG", "JO", "MA", "TN", "LB", "SA"];

fn id(prefix: &str, n: usize) -> Id {
    Id::new_unchecked(format!("{prefix}-{n:06}"))
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap_or_default()
}

fn calendars() -> Vec<Calendar> {
    let cal = |id: &str, en: &str, ar: &str, weekend: Vec<Weekday>, countries: &[&str]| Calendar {
        id: Id::new_unchecked(id),
        name: Text::new(ar, en),
        weekend,
        holidays: vec![Holiday {
            date: date("2027-03-10"),
            until: Some(date("2027-03-12")),
            name: Text::new("عيد الفطر", "Eid al-Fitr"),
        }],
        countries: countries
            .iter()
            .map(|c| CountryCode::new_unchecked(*c))
            .collect(),
    };
    vec![
        cal(
            "fri-sat",
            "Friday-Saturday",
            "الجمعة والسبت",
            vec![Weekday::Fri, Weekday::Sat],
            &["EG", "JO", "SA"],
        ),
        cal(
            "sat-sun",
            "Saturday-Sunday",
            "السبت والأحد",
            vec![Weekday::Sat, Weekday::Sun],
            &["MA", "TN", "LB"],
        ),
    ]
}

/// A plan of `n` activities from `seed`.
pub fn generate(n: usize, seed: u64) -> Plan {
    let mut rng = Rng(seed);
    let usd = Currency::new_unchecked("USD");
    let mut plan = Plan::new(PlanMeta {
        format: FORMAT_VERSION,
        id: Id::new_unchecked("generated"),
        title: Text::new("خطة مولدة", &format!("Generated plan of {n} activities")),
        summary: Text::default(),
        window: Window {
            start: date("2026-01-01"),
            end: date("2035-12-31"),
        },
        currency: usd.clone(),
        exchange_rates: vec![ExchangeRate {
            currency: Currency::new_unchecked("EUR"),
            rate: Amount::parse("1.08").unwrap_or_default(),
            date: date("2026-01-01"),
            source: None,
        }],
        calendars: calendars(),
        default_calendar: Some(Id::new_unchecked("sat-sun")),
        sdg_goals: vec![11, 16],
        sdg_targets: vec![],
        countries: COUNTRIES
            .iter()
            .map(|c| CountryCode::new_unchecked(*c))
            .collect(),
        cities: vec![],
    });
    let partners = n / 100 + 5;
    for p in 0..partners {
        let pid = id("partner", p);
        plan.partners.insert(
            pid.clone(),
            Partner {
                id: pid,
                name: Text::new(&format!("شريك {p}"), &format!("Partner {p}")),
                acronym: None,
                kind: OrganisationType::ALL[p % OrganisationType::ALL.len()],
                roles: vec![OrgRole::Implementing],
                country: Some(CountryCode::new_unchecked(COUNTRIES[p % COUNTRIES.len()])),
                website: None,
                iati_ref: None,
                contact: None,
            },
        );
    }
    for b in 0..5 {
        let bid = id("beneficiary", b);
        plan.beneficiaries.insert(
            bid.clone(),
            Beneficiary {
                id: bid,
                name: Text::new(&format!("مستفيد {b}"), &format!("Beneficiary group {b}")),
                kind: BeneficiaryKind::ALL[b],
                country: None,
                city: None,
                size: Some(1000 * (b as u64 + 1)),
                description: Text::default(),
            },
        );
    }
    let funds = 3;
    for f in 0..funds {
        let fid = id("fund", f);
        plan.funding.insert(
            fid.clone(),
            FundingSource {
                id: fid,
                funder: id("partner", f),
                title: Text::new(&format!("تمويل {f}"), &format!("Funding source {f}")),
                amount: Amount::parse(&format!("{}", 10_000 * n as u64)).unwrap_or_default(),
                currency: usd.clone(),
                status: FundingStatus::ALL[f % 4],
                available: None,
                earmarked: vec![],
                conditions: Text::default(),
            },
        );
    }
    let groups = n.div_ceil(STREAM);
    let tasks = n.saturating_sub(groups);
    for g in 0..groups {
        let gid = id("group", g);
        let mut a = Activity::new(
            gid.clone(),
            Text::new(&format!("مرحلة {g}"), &format!("Work stream {g}")),
            0,
        );
        a.kind = ActivityKind::Group;
        a.timing = Timing::Span;
        plan.activities.insert(gid, a);
    }
    for i in 0..tasks {
        let aid = id("act", i);
        let stream = i / (STREAM - 1);
        let mut a = Activity::new(
            aid.clone(),
            Text::new(&format!("نشاط {i}"), &format!("Activity {i}")),
            1 + rng.below(15) as u32,
        );
        a.parent = Some(id("group", stream.min(groups.saturating_sub(1))));
        if rng.chance(5) {
            a.kind = ActivityKind::Milestone;
            a.timing = Timing::Duration {
                days: 0,
                not_before: None,
            };
        }
        let first_in_stream = stream * (STREAM - 1);
        let deps = if i == 0 { 0 } else { 1 + rng.below(3) };
        for _ in 0..deps {
            let target = if i > first_in_stream && !rng.chance(5) {
                first_in_stream
                    + rng
                        .below(i - first_in_stream)
                        .max((i - first_in_stream).saturating_sub(10))
            } else {
                rng.below(i)
            };
            let kind = match rng.below(20) {
                0 => DependencyKind::StartToStart,
                1 => DependencyKind::FinishToFinish,
                _ => DependencyKind::FinishToStart,
            };
            let lag = if rng.chance(10) {
                rng.below(5) as i32 - 1
            } else {
                0
            };
            a.dependencies.push(Dependency {
                activity: id("act", target),
                kind,
                lag,
            });
        }
        let country = COUNTRIES[rng.below(COUNTRIES.len())];
        a.location = Some(Location {
            country: CountryCode::new_unchecked(country),
            city: None,
        });
        a.lead = Some(id("partner", rng.below(partners)));
        a.beneficiaries = vec![id("beneficiary", rng.below(5))];
        if rng.chance(30) {
            a.budget.push(BudgetLine {
                category: BudgetCategory::ALL[rng.below(BudgetCategory::ALL.len())],
                amount: Amount::parse(&format!("{}", 1000 + rng.below(9000))).unwrap_or_default(),
                currency: usd.clone(),
                funding: Some(id("fund", rng.below(funds))),
                note: None,
            });
        }
        a.tags = vec![format!("stream-{stream}")];
        a.normalize();
        plan.activities.insert(aid, a);
    }
    plan
}

/// Fills every activity's description so that its file holds `bytes` bytes, half of them
/// Arabic and half English, in paragraphs: files near the size limit, for measuring memory.
pub fn pad_activities(plan: &mut Plan, bytes: usize) {
    for (n, a) in plan.activities.values_mut().enumerate() {
        a.description = Text {
            ar: Some(String::new()),
            en: Some(String::new()),
        };
        let empty = khutta::store::to_canonical(a).map_or(0, |t| t.len());
        let room = bytes.saturating_sub(empty);
        let ar = filler(&["خطة", "شركاء", "تدريب", "مياه", "نشاط"], room / 2, n);
        let en = filler(
            &["plan", "partners", "training", "water"],
            room - ar.len(),
            n,
        );
        a.description = Text {
            ar: Some(ar),
            en: Some(en),
        };
    }
}

/// Words from `words` in lines of about 80 bytes and paragraphs, exactly `bytes` bytes long.
fn filler(words: &[&str], bytes: usize, seed: usize) -> String {
    let mut s = String::with_capacity(bytes);
    let mut rng = Rng(seed as u64);
    let mut line = 0;
    loop {
        let w = words[rng.below(words.len())];
        // A word, then at most two bytes of spacing.
        if s.len() + w.len() + 2 > bytes {
            break;
        }
        s.push_str(w);
        line += w.len() + 1;
        if line > 80 {
            s.push(if rng.chance(10) { '\n' } else { ' ' });
            s.push('\n');
            line = 0;
        } else {
            s.push(' ');
        }
    }
    while s.len() < bytes {
        s.push('.');
    }
    s
}

/// Writes a generated plan of `n` activities into `dir`.
pub fn write(n: usize, seed: u64, dir: &std::path::Path) -> Result<(), khutta::store::StoreError> {
    khutta::store::write_new_plan(dir, &generate(n, seed)).map(|_| ())
}
