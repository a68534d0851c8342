//! What a change does, beyond its fields: a budget line moved to another funding source shows
//! what each source's lines draw, the problems it introduces (and a later commit fixes), who
//! made the commits of the range, and budget lines named by what they are.
//!
//! The scripted history of `review.rs` (c0..c5), then:
//! - c6 Karim Mansour: the regional report gets a 30,000 USD travel line on `grant`, which is
//!   raised to 60,000 USD; a co-funding source of 25,000 USD, earmarked for `pilot-cairo`,
//!   arrives.
//! - c7 Layla Nasser: the travel line moves to the co-funding source, which neither holds
//!   30,000 USD nor is meant for the report: two E025 errors.
//! - c8 Amal Haddad: the travel line goes back to the grant; both errors are fixed.

use crate::review::{History, commit_as, edit, expected, history};
use crate::support::cmd::{assert_matches_file, git_ok};
use khutta::model::{Amount, BudgetCategory, BudgetLine, Currency, Id};

/// The history of `review.rs` with the three commits above (c6, c7, c8).
fn moved_funding() -> History {
    let mut h = history();
    edit(&h.plan, |p| {
        let grant = p.funding.get_mut("grant").unwrap();
        grant.amount = Amount::parse("60000").unwrap();
        let mut co = grant.clone();
        co.id = Id::new_unchecked("cofunding");
        co.funder = Id::new_unchecked("cairo");
        co.amount = Amount::parse("25000").unwrap();
        co.earmarked = vec![Id::new_unchecked("pilot-cairo")];
        p.funding.insert(co.id.clone(), co);
        p.activities
            .get_mut("regional-report")
            .unwrap()
            .budget
            .push(BudgetLine {
                category: BudgetCategory::Travel,
                amount: Amount::parse("30000").unwrap(),
                currency: Currency::new_unchecked("USD"),
                funding: Some(Id::new_unchecked("grant")),
                note: None,
            });
    });
    let c6 = commit_as(
        &h.plan,
        "Karim Mansour",
        "2026-03-17",
        "Budget the report's travel",
    );
    let source = |to: &'static str| {
        move |p: &mut khutta::model::Plan| {
            let report = p.activities.get_mut("regional-report").unwrap();
            report.budget[1].funding = Some(Id::new_unchecked(to));
        }
    };
    edit(&h.plan, source("cofunding"));
    let c7 = commit_as(
        &h.plan,
        "Layla Nasser",
        "2026-03-24",
        "Travel from the co-funding",
    );
    edit(&h.plan, source("grant"));
    let c8 = commit_as(
        &h.plan,
        "Amal Haddad",
        "2026-03-31",
        "Travel back on the grant",
    );
    h.commits.extend([c6, c7, c8]);
    h
}

#[test]
fn a_funding_move_shows_its_money_and_the_problems_it_introduces() {
    let h = moved_funding();
    let c = &h.commits;
    let out = h.run(&["diff", &c[6], &c[7]]);
    // The line is named by what it is, not by its position.
    assert!(
        out.contains("    budget[travel · cofunding].funding: \"grant\" -> \"cofunding\"\n"),
        "{out}"
    );
    assert!(!out.contains("budget[1]"), "{out}");
    // What each source's lines draw, before and after.
    assert!(out.contains("  drawn from each funding source\n"), "{out}");
    assert!(
        out.contains("    cofunding           -  30,000 USD           0     30,000  +30,000\n"),
        "{out}"
    );
    assert!(
        out.contains("    grant      49,000 USD  19,000 USD      49,000     19,000  -30,000\n"),
        "{out}"
    );
    // The two errors the move makes, which `check` reports.
    assert!(out.contains("problems introduced (2)\n"), "{out}");
    assert!(
        out.contains("  E025 funding/cofunding.ron: budget lines draw 30,000 USD on `cofunding`"),
        "{out}"
    );
    assert!(
        out.contains(
            "  E025 activities/regional-report.ron: a budget line draws on `cofunding`, which is earmarked"
        ),
        "{out}"
    );
    assert!(!out.contains("problems fixed"), "{out}");
    // The commit that moves it back fixes both.
    let back = h.run(&["diff", &format!("{}..{}", c[7], c[8])]);
    assert!(back.contains("problems fixed (2)\n"), "{back}");
    assert!(!back.contains("problems introduced"), "{back}");
    assert_matches_file(&expected("diff-c6-c7.txt"), &out);
    // In Arabic: the same facts, in Arabic's words and plural forms.
    let ar = h.run(&["--lang", "ar", "diff", &c[6], &c[7]]);
    for phrase in [
        "    budget[travel · cofunding].funding: \"grant\" -> \"cofunding\"\n",
        "  المسحوب من كل مصدر تمويل\n",
        "مشكلتان جديدتان (2)\n",
        "  E025 funding/cofunding.ron: تسحب بنود الميزانية 30,000 USD من `cofunding`",
        "المؤلفون (إيداع واحد)\n",
    ] {
        assert!(ar.contains(phrase), "{phrase:?} missing from\n{ar}");
    }
    let back = h.run(&["--lang", "ar", "diff", &c[7], &c[8]]);
    assert!(back.contains("مشكلتان حُلَّتا (2)\n"), "{back}");
}

#[test]
fn a_range_of_commits_says_who_made_them() {
    let h = moved_funding();
    let c = &h.commits;
    let out = h.run(&["diff", &format!("{}..{}", c[5], c[8])]);
    assert!(out.contains("authors (3 commits)\n"), "{out}");
    for who in [
        "  Karim Mansour <karim@partners.invalid>: 1 commit (activities/regional-report.ron, funding/cofunding.ron, funding/grant.ron)\n",
        "  Layla Nasser <layla@partners.invalid>: 1 commit (activities/regional-report.ron)\n",
        "  Amal Haddad <amal@partners.invalid>: 1 commit (activities/regional-report.ron)\n",
    ] {
        assert!(out.contains(who), "{who:?} missing from\n{out}");
    }
    assert_matches_file(&expected("diff-c5-c8.txt"), &out);
    // Against the working tree there is no range of commits, and no author list.
    let work = h.run(&["diff", &c[5]]);
    assert!(!work.contains("authors"), "{work}");
}

#[test]
fn review_writes_a_pull_request_comment_in_both_languages() {
    let h = moved_funding();
    let c = &h.commits;
    // A pull request's base and head, as a CI job names them.
    git_ok(&h.plan, &["branch", "base", &c[6]]);
    git_ok(&h.plan, &["branch", "topic", &c[7]]);
    let md = h.run(&["review", "base..topic", "--format", "md"]);
    for phrase in [
        "## Plan review `base..topic`\n\n",
        "- Changes: activities: 1 changed\n",
        "- Drawn from funding sources: `cofunding` +30,000, `grant` -30,000 USD\n",
        "- Problems: 2 introduced, 0 fixed\n",
        "- 1 commit by 1 author\n",
        "| cofunding | - | 30,000 USD | 0 | 30,000 | +30,000 |\n",
        "**Introduced (2)**\n",
        "<details>\n<summary>Every change</summary>\n",
        "  - `budget[travel · cofunding].funding`: `\"grant\"` → `\"cofunding\"`\n",
        "- Layla Nasser <layla@partners.invalid>: 1 commit (activities/regional-report.ron)\n",
    ] {
        assert!(md.contains(phrase), "{phrase:?} missing from\n{md}");
    }
    assert_matches_file(&expected("review-c6-c7.md"), &md);
    // Markdown is the default: what a CI job posts.
    assert_eq!(h.run(&["review", "base..topic"]), md);

    let ar = h.run(&["--lang", "ar", "review", "base..topic"]);
    assert!(
        ar.starts_with("<div dir=\"rtl\">\n\n## مراجعة الخطة `base..topic`\n"),
        "{ar}"
    );
    assert!(ar.ends_with("\n</div>\n--- exit 0\n"), "{ar}");
    for phrase in [
        "- المشكلات: 2 جديدة، 0 حُلَّت\n",
        "**جديدة (2)**\n",
        "| المصدر | قبل | بعد | قبل USD | بعد USD | التغيّر |\n",
        "- إيداع واحد من مؤلف واحد\n",
    ] {
        assert!(ar.contains(phrase), "{phrase:?} missing from\n{ar}");
    }
    assert_matches_file(&expected("review-c6-c7.ar.md"), &ar);

    let json: serde_json::Value = serde_json::from_str(
        h.run(&["review", "base..topic", "--format", "json"])
            .trim_end_matches("--- exit 0\n"),
    )
    .unwrap();
    assert_eq!(json["range"], "base..topic");
    assert_eq!(json["summary"]["problems_introduced"], 2);
    assert_eq!(json["summary"]["draws_changed"], 2);
    assert_eq!(json["problems"]["introduced"][0]["code"], "E025");
    assert_eq!(json["authors"][0]["name"], "Layla Nasser");
    assert!(json["authors"][0].get("signatures").is_none(), "{json}");

    let text = h.run(&["review", "base..topic", "--format", "text"]);
    assert!(
        text.starts_with("Plan review base..topic\n  Changes: activities: 1 changed\n"),
        "{text}"
    );
    assert!(text.contains("problems introduced (2)\n"), "{text}");

    // The fix: both problems fixed, and nothing to review between a commit and itself.
    let fix = h.run(&["review", &format!("{}..{}", c[7], c[8])]);
    assert!(fix.contains("- Problems: 0 introduced, 2 fixed\n"), "{fix}");
    assert!(fix.contains("**Fixed (2)**\n"), "{fix}");
    let none = h.run(&["review", "topic..topic"]);
    assert_eq!(
        none,
        "## Plan review `topic..topic`\n\nNo changes.\n--- exit 0\n"
    );
    let bad = h.run(&["review", "nowhere..HEAD"]);
    assert!(
        bad.contains("`nowhere` is not a commit") && bad.ends_with("--- exit 2\n"),
        "{bad}"
    );
}

#[test]
fn git_names_budget_lines_by_category_and_source() {
    let h = moved_funding();
    let c = &h.commits;
    // textconv: the line's facts leave under one name and arrive under the other.
    let moved = git_ok(&h.plan, &["diff", &c[6], &c[7]]);
    for fact in [
        "-budget[travel · grant].category = \"Travel\"\n",
        "-budget[travel · grant].funding = \"grant\"\n",
        "+budget[travel · cofunding].category = \"Travel\"\n",
        "+budget[travel · cofunding].funding = \"cofunding\"\n",
    ] {
        assert!(moved.contains(fact), "{fact:?} missing from\n{moved}");
    }
    assert!(!moved.contains("budget[1]"), "{moved}");
    // The external diff: the one field that changed, on the line named as it is now.
    let exe = env!("CARGO_BIN_EXE_khutta");
    let out = crate::support::cmd::git(&h.plan)
        .args(["diff", &c[6], &c[7]])
        .env("GIT_EXTERNAL_DIFF", format!("{exe} diff --external"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("  budget[travel · cofunding].funding: \"grant\" -> \"cofunding\"\n"),
        "{text}"
    );
}
