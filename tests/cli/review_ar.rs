//! `khutta diff` and `khutta merge` speaking Arabic, on the scripted history of `review.rs`.
//! Output to a pipe stays in logical order, so the Arabic is asserted as it is typed.

use crate::review::{expected, history};
use crate::support::cmd::assert_matches_file;
use khutta::text::str_width;

#[test]
fn diff_in_arabic_as_text_and_markdown() {
    let h = history();
    let c = &h.commits;
    // English is the default, and `--lang en` changes nothing.
    let english = h.run(&["diff", "q1", "HEAD"]);
    assert_matches_file(&expected("diff-q1-head.txt"), &english);
    assert_eq!(h.run(&["--lang", "en", "diff", "q1", "HEAD"]), english);

    let text = h.run(&["--lang", "ar", "diff", "q1", "HEAD"]);
    assert_matches_file(&expected("diff-q1-head.ar.txt"), &text);
    for phrase in [
        // The heading of a kind, with its counts in Arabic's plural forms.
        "الأنشطة: إعادة تسمية واحدة، تعديلان\n",
        "  أُعيدت تسمية report إلى regional-report (تبعه كيان واحد يشير إليه)\n",
        // Values and field paths stay as they are.
        "    status: \"Planned\" -> \"InProgress\"\n",
        "  عُدِّل launch\n",
        // A removed partner by its Arabic name.
        "  أُزيل oecd: منظمة التعاون الاقتصادي والتنمية\n",
        // 15 days takes the form for 11 to 99.
        "  نهاية الخطة: 2026-06-30 -> 2026-07-15 (+15 يومًا)\n",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing from\n{text}");
    }
    assert!(
        !text.contains("changed") && !text.contains("schedule"),
        "{text}"
    );

    let md = h.run(&["--lang", "ar", "diff", "q1", "HEAD", "--format", "md"]);
    assert_matches_file(&expected("diff-q1-head.ar.md"), &md);
    for phrase in [
        "## تغييرات الخطة\n",
        "### الأنشطة (إعادة تسمية واحدة، تعديلان)\n",
        "- **أُعيدت تسمية** `report` إلى `regional-report` (تبعه كيان واحد يشير إليه)\n",
        "### الجدول الزمني\n",
        "- نهاية الخطة: 2026-06-30 ← 2026-07-15 (+15 يومًا)\n",
    ] {
        assert!(md.contains(phrase), "{phrase:?} missing from\n{md}");
    }

    // JSON is for tools: the same in both languages.
    let json = |lang: &str| h.run(&["--lang", lang, "diff", "q1..HEAD", "--format", "json"]);
    assert_eq!(json("ar"), json("en"));

    // The money table keeps its columns under Arabic headers: amounts are right-aligned, so
    // the header and each row end in the same column.
    let raise = h.run(&["--lang", "ar", "diff", &c[0], &c[1]]);
    let table: Vec<&str> = raise
        .lines()
        .skip_while(|l| *l != "  الميزانية حسب النشاط")
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect();
    assert_eq!(table.len(), 3, "{raise}");
    assert!(table[0].starts_with("    النشاط"), "{raise}");
    assert!(table[1].starts_with("    egm "), "{raise}");
    for row in &table {
        assert_eq!(str_width(row), str_width(table[0]), "{raise}");
    }
}
