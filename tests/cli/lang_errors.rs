//! Errors speak the UI's language: the message, its hint and the labels before them.

use crate::support::cmd::{copy_dir, khutta};
use std::path::Path;

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua")
}

fn stderr(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = khutta(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_folder_that_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let (code, en) = stderr(dir.path(), &["--lang", "en", "check", "nowhere"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        en,
        "error: `nowhere` is not a khutta plan: it has no plan.ron\n  \
         hint: give the path of a plan folder (one holding plan.ron)\n"
    );
    let (code, ar) = stderr(dir.path(), &["--lang", "ar", "check", "nowhere"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        ar,
        "خطأ: `nowhere` ليس خطة khutta: ليس فيه plan.ron\n  \
         تلميح: أعطِ مسار مجلد خطة (مجلد فيه plan.ron)\n"
    );
}

#[test]
fn a_plan_outside_git() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&bundled(), &dir.path().join("nua"));
    let (code, ar) = stderr(dir.path(), &["--lang", "ar", "commit", "nua", "-m", "x"]);
    assert_eq!(code, Some(2), "{ar}");
    assert!(ar.starts_with("خطأ: `"), "{ar}");
    assert!(ar.contains("ليس داخل مستودع git"), "{ar}");
    assert!(
        ar.contains("تلميح: أنشئ مستودعًا بـ`khutta init DIR --from PLAN`"),
        "{ar}"
    );
    assert!(!ar.contains("not inside"), "{ar}");
    let (_, en) = stderr(dir.path(), &["--lang", "en", "commit", "nua", "-m", "x"]);
    assert!(en.contains("is not inside a git repository"), "{en}");
    assert!(
        en.contains("  hint: create one with `khutta init DIR --from PLAN`"),
        "{en}"
    );
}

#[test]
fn no_plan_here() {
    let dir = tempfile::tempdir().unwrap();
    let (code, ar) = stderr(dir.path(), &["--lang", "ar", "check"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        ar,
        "خطأ: لا توجد خطة هنا\n  تلميح: افتح خطة بالأمر `khutta PATH` أو أنشئ واحدة بالأمر `khutta init DIR`\n"
    );
}

/// A config file khutta cannot use is reported in the language chosen on the command line,
/// with its location.
#[test]
fn a_broken_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("xdg/khutta");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(\n  bidi: \"sideways\",\n)\n").unwrap();
    let run = |lang: &str| {
        let out = khutta(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("xdg"))
            .args(["--lang", lang, "check"])
            .arg(bundled())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        stderr.lines().next().unwrap_or("").to_owned()
    };
    let path = config.join("config.ron").display().to_string();
    assert_eq!(
        run("en"),
        format!(
            "warning: the config file was not used: {path}:2:9: error: unknown bidi mode \
             \"sideways\"; use \"app\" or \"terminal\""
        )
    );
    assert_eq!(
        run("ar"),
        format!(
            "تحذير: لم يُستعمل ملف الإعدادات: {path}:2:9: خطأ: نمط اتجاه غير معروف \
             \"sideways\"؛ استعمل \"app\" أو \"terminal\""
        )
    );
}
