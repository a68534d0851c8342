//! `khutta export iati` against the official IATI 2.03 schemas (xmllint), its located errors,
//! and `khutta import iati`: a partner's activity file brought back into a plan.

use crate::generate;
use crate::support::cmd::khutta;
use khutta::model::{Id, OrgRole, Text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const BUNDLED: &str = "plans/open-government-nua";

fn run(args: &[&str]) -> Output {
    khutta(root()).args(args).output().expect("khutta runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Validates `file` with xmllint against the vendored IATI activity schema.
pub fn assert_valid_iati(file: &Path) {
    let schema = root().join("tests/fixtures/iati/iati-activities-schema.xsd");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint could not run ({e}): install it with `apt-get install libxml2-utils` \
                 (scripts/test does)"
            )
        });
    assert!(
        out.status.success(),
        "{} is not valid IATI 2.03:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A generated plan whose first partner reports it, with text that needs escaping.
pub fn generated_plan(dir: &Path, n: usize) -> PathBuf {
    let mut plan = generate::generate(n, 11);
    let reporter = Id::new_unchecked("partner-000000");
    if let Some(p) = plan.partners.get_mut(&reporter) {
        p.roles.push(OrgRole::Accountable);
        p.iati_ref = Some("XI-IATI-EXAMPLE".into());
        p.name = Text::new("شريك <مُبلِّغ> & \"شركاه\"", "Reporter & Sons <\"quoted\">");
    }
    plan.meta.summary = Text::new("وصف\nبسطرين", "line one\r\nline two ]]> & <tag/>\u{1}");
    if let Some(a) = plan.activities.values_mut().next() {
        a.sdg_targets = vec!["11.3".into(), "16.10".into()];
    }
    let path = dir.join("generated");
    khutta::store::write_new_plan(&path, &plan).expect("the generated plan is written");
    path
}

#[test]
fn iati_export_of_the_bundled_plan_is_valid_against_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bundled.xml");
    let out = run(&[
        "export",
        "iati",
        BUNDLED,
        "--reporting-org",
        "un-habitat",
        "--out",
        file.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_valid_iati(&file);
    let xml = std::fs::read_to_string(&file).expect("the export");
    for want in [
        "<iati-identifier>XM-DAC-41120-open-government-nua</iati-identifier>",
        "<reporting-org ref=\"XM-DAC-41120\" type=\"40\">",
        "<narrative xml:lang=\"ar\">الحكومة المفتوحة",
        "<participating-org ref=\"XM-DAC-41114\" role=\"1\" type=\"40\">",
        "<activity-status code=\"2\"/>",
        "<activity-date type=\"1\" iso-date=\"2021-09-01\"/>",
        "<activity-date type=\"2\" iso-date=\"2021-09-01\"/>",
        "<activity-date type=\"3\" iso-date=\"2027-11-15\"/>",
        "<recipient-country code=\"EG\" percentage=\"20\">",
        "<tag vocabulary=\"2\" code=\"11\"/>",
        "<tag vocabulary=\"3\" code=\"16.10\"/>",
        "<period-start iso-date=\"2026-01-01\"/>",
        "<value currency=\"EUR\" value-date=\"2027-01-01\">900000</value>",
    ] {
        assert!(xml.contains(want), "the export lacks {want}:\n{xml}");
    }
    // Without --out the same bytes go to standard output.
    let stdout = run(&["export", "iati", BUNDLED, "--reporting-org", "un-habitat"]);
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), xml);
}

#[test]
fn iati_export_of_a_generated_plan_is_valid_by_year_and_by_quarter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = generated_plan(dir.path(), 400);
    for period in ["year", "quarter"] {
        let file = dir.path().join(format!("{period}.xml"));
        let out = run(&[
            "export",
            "iati",
            plan.to_str().expect("utf-8 path"),
            "--budget-period",
            period,
            "-o",
            file.to_str().expect("utf-8 path"),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_valid_iati(&file);
        let xml = std::fs::read_to_string(&file).expect("the export");
        assert!(
            xml.contains("Reporter &amp; Sons &lt;\"quoted\"&gt;"),
            "{xml}"
        );
        assert!(
            xml.contains("line one&#13;\nline two ]]&gt; &amp; &lt;tag/&gt;\u{FFFD}"),
            "{xml}"
        );
        assert!(xml.contains("<tag vocabulary=\"3\" code=\"11.3\"/>"));
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let budgets = doc
            .descendants()
            .filter(|n| n.has_tag_name("budget"))
            .count();
        assert!(budgets > 1, "{period}: {budgets} budgets");
    }
}

#[test]
fn iati_reporting_org_without_identifier_is_located_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("never.xml");
    let out = run(&[
        "export",
        "iati",
        BUNDLED,
        "--reporting-org",
        "escwa",
        "--out",
        file.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "plans/open-government-nua/partners/escwa.ron:9:5: error[E070]: partner `escwa`"
        ),
        "{err}"
    );
    assert!(err.contains("hint: add `iati_ref`"), "{err}");
    assert!(!file.exists());
    assert!(out.stdout.is_empty());
}

#[test]
fn iati_two_accountable_partners_need_a_reporting_org() {
    let out = run(&["export", "iati", BUNDLED]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("plans/open-government-nua/partners/escwa.ron:9:5: error[E071]:"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    let unknown = run(&["export", "iati", BUNDLED, "--reporting-org", "nobody"]);
    assert!(stderr(&unknown).contains("plan.ron:1:1: error[E071]: `--reporting-org nobody`"));
}

#[test]
fn iati_import_brings_organisations_and_links_the_activity() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("partner.xml");
    let out = run(&[
        "export",
        "iati",
        BUNDLED,
        "--reporting-org",
        "un-habitat",
        "-o",
        file.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A plan that knows only UNDP (by its identifier) receives the file.
    let mut plan = generate::generate(5, 3);
    // The activity's dates (2021 to 2027) must fall in the plan's window.
    plan.meta.window.start = "2021-01-01".parse().expect("a date");
    plan.partners.clear();
    plan.activities.clear();
    plan.funding.clear();
    let undp = Id::new_unchecked("undp-office");
    plan.partners.insert(
        undp.clone(),
        khutta::model::Partner {
            id: undp.clone(),
            name: Text::en("UNDP"),
            acronym: None,
            kind: khutta::model::OrganisationType::Multilateral,
            roles: vec![],
            country: None,
            website: None,
            iati_ref: Some("XM-DAC-41114".into()),
            contact: None,
        },
    );
    let target = dir.path().join("plan");
    khutta::store::write_new_plan(&target, &plan).expect("plan written");
    let t = target.to_str().expect("utf-8 path");
    let out = run(&[
        "import",
        "iati",
        file.to_str().expect("utf-8"),
        "--into",
        t,
        "--activity",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("already in the plan: undp-office"),
        "{}",
        stderr(&out)
    );
    let loaded = khutta::store::load(&target).expect("the plan loads");
    let p = &loaded.plan;
    let habitat = p
        .partners
        .values()
        .find(|x| x.iati_ref.as_deref() == Some("XM-DAC-41120"))
        .expect("UN-Habitat imported");
    assert_eq!(
        habitat.id.as_str(),
        "united-nations-human-settlements-programme"
    );
    assert_eq!(
        habitat.name.ar.as_deref(),
        Some("برنامج الأمم المتحدة للمستوطنات البشرية")
    );
    assert_eq!(habitat.kind, khutta::model::OrganisationType::Multilateral);
    assert!(habitat.roles.contains(&OrgRole::Implementing));
    let escwa = p
        .partners
        .values()
        .find(|x| {
            x.name.en.as_deref()
                == Some("United Nations Economic and Social Commission for Western Asia")
        })
        .expect("ESCWA imported by name");
    assert_eq!(
        escwa.roles,
        vec![
            OrgRole::Funding,
            OrgRole::Accountable,
            OrgRole::Extending,
            OrgRole::Implementing
        ]
    );
    assert_eq!(p.activities.len(), 1);
    let a = p.activities.values().next().expect("one activity");
    assert_eq!(
        a.tags,
        vec!["iati:XM-DAC-41120-open-government-nua".to_string()]
    );
    assert_eq!(a.lead.as_ref(), Some(&habitat.id));
    assert!(
        a.title
            .en
            .as_deref()
            .is_some_and(|t| t.starts_with("Open Government"))
    );
    let check = run(&["check", t]);
    assert!(
        !String::from_utf8_lossy(&check.stdout).contains("error["),
        "{:?}",
        check
    );
    // The same file again adds no partner twice.
    let before = std::fs::read_dir(target.join("partners"))
        .expect("partners")
        .count();
    let again = run(&["import", "iati", file.to_str().expect("utf-8"), "--into", t]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_dir(target.join("partners"))
            .expect("partners")
            .count(),
        before
    );
}

#[test]
fn iati_import_of_malformed_xml_is_located_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.xml");
    std::fs::write(
        &file,
        "<iati-activities version=\"2.03\">\n  <iati-activity>\n    <reporting-org ref=\"X\" type=\"10\">\n  </iati-activity>\n",
    )
    .expect("written");
    let target = dir.path().join("plan");
    khutta::store::write_new_plan(&target, &generate::generate(3, 1)).expect("plan written");
    let before = std::fs::read_dir(target.join("partners"))
        .expect("partners")
        .count();
    let out = run(&[
        "import",
        "iati",
        file.to_str().expect("utf-8"),
        "--into",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let at = format!("{}:4:3: error[E072]: not well-formed XML", file.display());
    assert!(err.starts_with(&at), "{err}");
    assert_eq!(
        std::fs::read_dir(target.join("partners"))
            .expect("partners")
            .count(),
        before
    );
    // An MS Project file is no IATI file.
    std::fs::write(
        &file,
        "<Project xmlns=\"http://schemas.microsoft.com/project\"/>",
    )
    .expect("written");
    let out = run(&[
        "import",
        "iati",
        file.to_str().expect("utf-8"),
        "--into",
        target.to_str().expect("utf-8"),
    ]);
    assert!(
        stderr(&out).contains(":1:1: error[E073]: this is not an IATI file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn iati_errors_and_import_lines_speak_arabic() {
    let out = run(&["--lang", "ar", "export", "iati", BUNDLED]);
    let err = stderr(&out);
    assert!(
        err.contains("error[E071]: للشريك `escwa` دور المسؤول، كما لـ`egypt-mold`"),
        "{err}"
    );
    assert!(err.contains("لم يُصدَّر شيء"), "{err}");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("a.xml");
    ok_run(&[
        "export",
        "iati",
        BUNDLED,
        "--reporting-org",
        "un-habitat",
        "-o",
        file.to_str().expect("utf-8"),
    ]);
    let target = dir.path().join("plan");
    khutta::store::write_new_plan(&target, &generate::generate(2, 1)).expect("plan written");
    let out = run(&[
        "--lang",
        "ar",
        "import",
        "iati",
        file.to_str().expect("utf-8"),
        "--into",
        target.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("أُضيف 13 شريكًا"), "{}", stderr(&out));
}

fn ok_run(args: &[&str]) {
    let out = run(args);
    assert!(out.status.success(), "{}", stderr(&out));
}
