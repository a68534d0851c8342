//! The bundled plan is the initiative's own: it must always check clean and be canonical.

use crate::support::cmd::{khutta, transcript};
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundled_plan_checks_clean() {
    let out = khutta(repo())
        .args(["check", "plans/open-government-nua"])
        .output()
        .unwrap();
    assert_eq!(
        transcript(&out),
        "plans/open-government-nua: no problems in 96 files\n--- exit 0\n"
    );
}

#[test]
fn bundled_plan_is_canonical() {
    let out = khutta(repo())
        .args(["fmt", "--check", "plans/open-government-nua"])
        .output()
        .unwrap();
    assert_eq!(transcript(&out), "--- exit 0\n");
}

#[test]
fn bundled_plan_has_what_the_initiative_needs() {
    let loaded =
        khutta::store::load_with_cache(&repo().join("plans/open-government-nua"), None).unwrap();
    let plan = &loaded.plan;
    assert!(plan.activities.len() >= 25);
    assert!(plan.partners.len() >= 8);
    assert!(plan.beneficiaries.len() >= 5);
    assert!(plan.funding.len() >= 3);
    use khutta::model::{ActivityKind, Lang};
    assert!(
        plan.activities
            .values()
            .any(|a| a.kind == ActivityKind::Milestone)
    );
    assert!(
        plan.activities
            .values()
            .filter(|a| !a.dependencies.is_empty())
            .count()
            >= 20
    );
    for a in plan.activities.values() {
        assert!(
            a.title.get(Lang::Ar).is_some() && a.title.get(Lang::En).is_some(),
            "{}",
            a.id
        );
    }
    let egm = &plan.activities["egm-cairo-2021"];
    assert_eq!(egm.status, khutta::model::Status::Done);
    // The meeting's interactive tool, as a round with a dozen illustrative responses.
    let round = &plan.consultations["egm-2021"];
    assert!(round.responses.len() >= 12);
    use khutta::model::Aspect;
    for aspect in Aspect::ALL {
        assert!(
            round.round.questions.iter().any(|q| q.aspect == aspect),
            "no question about {aspect:?}"
        );
    }
    for q in &round.round.questions {
        assert!(
            q.text.get(Lang::Ar).is_some() && q.text.get(Lang::En).is_some(),
            "{}",
            q.id
        );
    }
}

#[test]
fn default_plan_is_the_bundled_one_from_the_repository() {
    let out = khutta(&repo().join("src")).arg("summary").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("plans/open-government-nua"), "{text}");
    assert!(text.contains("check     no problems"), "{text}");
}

#[test]
fn outside_the_repository_there_is_no_default_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path()).arg("summary").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("there is no plan here"), "{err}");
    assert!(err.contains("khutta init DIR"), "{err}");
}

#[test]
fn summary_speaks_arabic() {
    let out = khutta(repo())
        .args(["--lang", "ar", "summary", "plans/open-government-nua"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Written to a pipe, in logical order; Arabic labels and plural forms.
    assert!(
        text.contains("الفترة    من 2021-09-01 إلى 2027-12-31"),
        "{text}"
    );
    assert!(
        text.contains("المحتوى   53 نشاطًا (7 معالم، 9 مجموعات)"),
        "{text}"
    );
    assert!(text.contains("الفحص     لا مشكلات"), "{text}");
    assert!(!text.contains("window"), "{text}");
}
