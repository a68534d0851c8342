//! Results on a small plan built in memory, and the fixture other modules' tests share.

use super::*;
use crate::model::{
    Activity, Answer, AnswerOption, Aspect, Consultation, CountryCode, EntityKind, Id, ItemRefs,
    Lang, Organisation, OrganisationType, Partner, Plan, Question, QuestionKind, Response, Round,
    Text, Venue,
};

fn id(s: &str) -> Id {
    Id::new_unchecked(s)
}

fn options(ids: &[&str]) -> Vec<AnswerOption> {
    ids.iter()
        .map(|i| AnswerOption {
            id: id(i),
            label: Text::en(&i.to_uppercase()),
        })
        .collect()
}

fn partner(pid: &str, kind: OrganisationType) -> Partner {
    Partner {
        id: id(pid),
        name: Text::en(pid),
        acronym: None,
        kind,
        roles: vec![],
        country: None,
        website: None,
        iati_ref: None,
        contact: None,
    }
}

/// A plan with activities `a` and `b`, partners `amman` (local government) and `escwa`
/// (multilateral), and round `r1` with one question of every kind and three responses.
pub(crate) fn sample() -> Plan {
    let mut plan = crate::check::tests_support::empty_plan();
    for a in ["a", "b"] {
        plan.activities
            .insert(id(a), Activity::new(id(a), Text::en(a), 1));
    }
    plan.partners.insert(
        id("amman"),
        partner("amman", OrganisationType::LocalGovernment),
    );
    plan.partners.insert(
        id("escwa"),
        partner("escwa", OrganisationType::Multilateral),
    );
    let mut round = Round::new(id("r1"), Text::en("Round"), Venue::Online);
    let q = |qid: &str, kind| Question::new(id(qid), Text::en(qid), kind, Aspect::Activities);
    round.questions = vec![
        q(
            "single",
            QuestionKind::SingleChoice {
                options: options(&["x", "y"]),
            },
        ),
        q(
            "multi",
            QuestionKind::MultipleChoice {
                options: options(&["x", "y", "z"]),
                max: None,
            },
        ),
        q(
            "rate",
            QuestionKind::Rating {
                low: Text::default(),
                high: Text::default(),
            },
        ),
        q(
            "rank",
            QuestionKind::Ranking {
                options: options(&["x", "y", "z"]),
            },
        ),
        q("text", QuestionKind::FreeText),
        q(
            "pick",
            QuestionKind::PlanItems {
                item: EntityKind::Activity,
                max: 2,
            },
        ),
    ];
    round.questions[0].refers_to = ItemRefs {
        activities: vec![id("a")],
        ..ItemRefs::default()
    };
    let mut c = Consultation::new(round);
    let answers = |list: Vec<(&str, Answer)>| list.into_iter().map(|(k, v)| (id(k), v)).collect();
    let mut r1 = Response::new(
        id("p1"),
        Organisation::Partner(id("amman")),
        CountryCode::new_unchecked("JO"),
        Lang::Ar,
    );
    r1.answers = answers(vec![
        ("single", Answer::Choice(id("x"))),
        ("multi", Answer::Choices(vec![id("x"), id("z")])),
        ("rate", Answer::Rating(4)),
        ("rank", Answer::Ranking(vec![id("z"), id("x"), id("y")])),
        ("text", Answer::FreeText("more data".into())),
        ("pick", Answer::Items(vec![id("a")])),
    ]);
    let mut r2 = Response::new(
        id("p2"),
        Organisation::Partner(id("escwa")),
        CountryCode::new_unchecked("LB"),
        Lang::En,
    );
    r2.name = Some("Illustrative name".into());
    r2.answers = answers(vec![
        ("single", Answer::Choice(id("y"))),
        ("rate", Answer::Rating(2)),
        ("rank", Answer::Ranking(vec![id("x"), id("y"), id("z")])),
        ("pick", Answer::Items(vec![id("a"), id("b")])),
    ]);
    let mut r3 = Response::new(
        id("p3"),
        Organisation::Other {
            name: "Some NGO".into(),
            kind: None,
        },
        CountryCode::new_unchecked("JO"),
        Lang::En,
    );
    r3.answers = answers(vec![
        ("single", Answer::Choice(id("x"))),
        ("rate", Answer::Rating(9)),
        ("text", Answer::FreeText("training".into())),
    ]);
    for r in [r1, r2, r3] {
        c.responses.insert(r.participant.clone(), r);
    }
    plan.consultations.insert(id("r1"), c);
    plan
}

fn result<'r>(r: &'r RoundResults, q: &str) -> &'r QuestionResult {
    r.questions
        .iter()
        .find(|x| x.id.as_str() == q)
        .unwrap_or_else(|| panic!("no question {q}"))
}

#[test]
fn tallies_of_every_kind() {
    let plan = sample();
    let r = results(&plan, &plan.consultations["r1"], &ResultsOptions::default());
    assert_eq!((r.respondents, r.total), (3, 3));
    let single = result(&r, "single");
    assert_eq!(single.answered, 3);
    let Tally::SingleChoice { rows } = &single.tally else {
        panic!("{single:?}")
    };
    assert_eq!(
        rows.iter().map(|r| (r.count, r.share)).collect::<Vec<_>>(),
        [(2, 0.667), (1, 0.333)]
    );
    let rate = result(&r, "rate");
    // 9 is out of range and left out: (4 + 2) / 2.
    assert_eq!(
        rate.tally,
        Tally::Rating {
            distribution: [0, 1, 0, 1, 0],
            mean: Some(3.0)
        }
    );
    let Tally::Ranking { rows } = &result(&r, "rank").tally else {
        panic!()
    };
    // z x y -> z 2, x 1; x y z -> x 2, y 1: x 3, z 2, y 1.
    let got: Vec<(usize, &str, usize)> = rows
        .iter()
        .map(|r| (r.rank, r.id.as_str(), r.points))
        .collect();
    assert_eq!(got, [(1, "x", 3), (2, "z", 2), (3, "y", 1)]);
    let Tally::PlanItems { rows, .. } = &result(&r, "pick").tally else {
        panic!()
    };
    assert_eq!(
        rows.iter()
            .map(|r| (r.id.as_str(), r.count))
            .collect::<Vec<_>>(),
        [("a", 2), ("b", 1)]
    );
    let Tally::FreeText { answers } = &result(&r, "text").tally else {
        panic!()
    };
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[1].organisation.as_deref(), Some("Some NGO"));
}

#[test]
fn filters_and_anonymisation() {
    let plan = sample();
    let c = &plan.consultations["r1"];
    let options = ResultsOptions {
        filter: Filter {
            countries: vec![CountryCode::new_unchecked("JO")],
            organisation_types: vec![],
        },
        anonymise: true,
        lang: Lang::En,
    };
    let r = results(&plan, c, &options);
    assert_eq!((r.respondents, r.total), (2, 3));
    let Tally::FreeText { answers } = &result(&r, "text").tally else {
        panic!()
    };
    assert!(
        answers
            .iter()
            .all(|a| a.participant.is_none() && a.name.is_none())
    );
    // A partner keeps its name; a free-text organisation loses it.
    assert_eq!(answers[0].organisation.as_deref(), Some("amman"));
    assert_eq!(answers[1].organisation, None);
    // A free-text organisation without a type passes no type filter.
    let by_type = ResultsOptions {
        filter: Filter {
            countries: vec![],
            organisation_types: vec![OrganisationType::LocalGovernment],
        },
        ..ResultsOptions::default()
    };
    assert_eq!(results(&plan, c, &by_type).respondents, 1);
    let (countries, kinds) = filter_choices(&plan, c);
    assert_eq!(countries.len(), 2);
    assert_eq!(
        kinds,
        [
            OrganisationType::LocalGovernment,
            OrganisationType::Multilateral
        ]
    );
}

#[test]
fn results_for_an_item() {
    let plan = sample();
    let found = results_for(
        &plan,
        EntityKind::Activity,
        &id("a"),
        &ResultsOptions::default(),
    );
    let got: Vec<(&str, bool, Option<usize>)> = found
        .iter()
        .map(|m| (m.result.id.as_str(), m.named, m.picks))
        .collect();
    assert_eq!(got, [("single", true, None), ("pick", false, Some(2))]);
    let b = results_for(
        &plan,
        EntityKind::Activity,
        &id("b"),
        &ResultsOptions::default(),
    );
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].picks, Some(1));
    assert!(
        results_for(
            &plan,
            EntityKind::Partner,
            &id("amman"),
            &ResultsOptions::default()
        )
        .is_empty()
    );
}

#[test]
fn renderers_agree_on_the_numbers() {
    let plan = sample();
    let r = results(&plan, &plan.consultations["r1"], &ResultsOptions::default());
    let text = render::text(&r, &crate::i18n::Messages::new(Lang::En));
    assert!(
        text.contains("X  ████████████████████████   2   66.7%"),
        "{text}"
    );
    assert!(text.contains("mean 3.00"), "{text}");
    let md = render::markdown(&r, &crate::i18n::Messages::new(Lang::En));
    assert!(md.contains("| X | 2 | 66.7% |"), "{md}");
    let csv = render::csv(&r, Lang::En).unwrap_or_default();
    assert!(
        csv.contains("single,activities,single choice,3,x,X,2,0.667,,,,"),
        "{csv}"
    );
    let json = render::json(&r).unwrap_or_default();
    assert!(json.contains("\"kind\": \"ranking\""), "{json}");
}
