//! What the fuzzer found, each reduced to the smallest input that showed it: a bug found
//! becomes a test here, so that it stays fixed whatever seed the fuzzer runs next.

use crate::support::cmd::{bundled_copy, khutta, transcript};

/// A `plan.ron` that cannot be read leaves the planning window at chrono's first day; the
/// week of that day begins before it, and laying out the axis by weeks panicked.
#[test]
fn gantt_by_weeks_of_a_plan_whose_plan_ron_cannot_be_read() {
    let dir = bundled_copy();
    std::fs::write(dir.path().join("plan.ron"), "garbage(").unwrap();
    for scale in ["day", "week", "month", "quarter"] {
        let out = khutta(dir.path())
            .args(["gantt", ".", "--width", "60", "--scale", scale])
            .output()
            .unwrap();
        let text = transcript(&out);
        assert_eq!(out.status.code(), Some(0), "{scale}: {text}");
        assert!(!text.contains("panicked"), "{scale}: {text}");
    }
    let out = khutta(dir.path())
        .args(["gantt", ".", "--scale", "week", "--from=-262143-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
}

/// A `plan.ron` that git left with conflict markers (or with a comment) is not read, so `fmt`
/// formats nothing: it said it had reformatted the other files and exited 0, and
/// `fmt --check` then still found them to format.
#[test]
fn fmt_of_a_plan_whose_plan_ron_holds_conflict_markers_says_it_wrote_nothing() {
    for (what, broken) in [
        ("conflict markers", "<<<<<<< HEAD\n"),
        ("a comment", "// a note\n"),
    ] {
        let dir = bundled_copy();
        let root = dir.path();
        let plan = std::fs::read_to_string(root.join("plan.ron")).unwrap();
        std::fs::write(root.join("plan.ron"), format!("{broken}{plan}")).unwrap();
        let activity = root.join("activities/pilot-tunis.ron");
        let loose = std::fs::read_to_string(&activity)
            .unwrap()
            .replace("    ", "  ");
        std::fs::write(&activity, &loose).unwrap();
        let fmt = khutta(root).args(["fmt", "."]).output().unwrap();
        let text = transcript(&fmt);
        assert_eq!(fmt.status.code(), Some(2), "{what}: {text}");
        assert!(text.contains("./plan.ron:1:1: error[E0"), "{what}: {text}");
        assert!(
            text.contains("would reformat ./activities/pilot-tunis.ron")
                && !text.contains("reformatted"),
            "{what}: {text}"
        );
        assert_eq!(std::fs::read_to_string(&activity).unwrap(), loose, "{what}");
        let check = khutta(root).args(["fmt", "--check", "."]).output().unwrap();
        assert_eq!(
            check.status.code(),
            Some(2),
            "{what}: {}",
            transcript(&check)
        );
    }
}
