//! `sync` and `merge` in Arabic, between two partners through a `git daemon` on 127.0.0.1.

use super::{edit, plan_repo, run, stderr, stdout};
use crate::support::cmd::git_ok;
use crate::support::daemon::Daemon;
use std::path::{Path, PathBuf};

/// Two partners' clones of an origin served by `git daemon`, set up for khutta.
fn partners() -> (tempfile::TempDir, Daemon, PathBuf, PathBuf) {
    let (dir, seed) = plan_repo();
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    git_ok(
        dir.path(),
        &[
            "clone",
            "-q",
            "--bare",
            &seed.to_string_lossy(),
            "served/origin.git",
        ],
    );
    let daemon = Daemon::start(&served);
    for who in ["a", "b"] {
        git_ok(dir.path(), &["clone", "-q", &daemon.url("origin.git"), who]);
        assert!(run(&dir.path().join(who), &["git-setup"]).status.success());
    }
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    (dir, daemon, a, b)
}

fn commit_progress(clone: &Path, progress: &str) {
    edit(
        clone,
        "activities/pilot-tunis.ron",
        "progress: 75",
        progress,
    );
    assert!(run(clone, &["commit", "-m", progress]).status.success());
}

#[test]
fn sync_and_merge_in_arabic() {
    let (_dir, _daemon, a, b) = partners();
    let ar = |clone: &Path, args: &[&str]| run(clone, &[&["--lang", "ar"][..], args].concat());
    commit_progress(&a, "progress: 80");
    commit_progress(&b, "progress: 70");
    assert_eq!(
        stdout(&ar(&a, &["sync"])),
        "تمت المزامنة مع origin: أُرسلت تغييراتك\n"
    );
    let stopped = ar(&b, &["sync"]);
    assert_eq!(stopped.status.code(), Some(1));
    let text = stdout(&stopped);
    assert!(
        text.starts_with(
            "توقف الدمج عند تعارض واحد؛ لم يُرسَل شيء\n  تلميح: اعرضها بالأمر `khutta merge`"
        ),
        "{text}"
    );
    assert_eq!(
        stdout(&ar(&b, &["merge", "--abort"])),
        "أُلغي الدمج؛ الخطة كما كانت قبله\n"
    );
    assert_eq!(ar(&b, &["sync"]).status.code(), Some(1));
    let list = stdout(&ar(&b, &["merge"]));
    assert!(
        list.starts_with("دمج origin/main: تعارض واحد\n\n[1] "),
        "{list}"
    );
    let side = stderr(&ar(&b, &["merge", "--take", "mine", "1"]));
    assert!(
        side.contains("\"mine\" ليس طرفًا") && side.contains("استعمل ours أو theirs"),
        "{side}"
    );
    let number = stderr(&ar(&b, &["merge", "--take", "theirs", "x"]));
    assert!(number.contains("\"x\" ليس رقم تعارض"), "{number}");
    assert_eq!(
        stdout(&ar(&b, &["merge", "--take", "theirs", "1"])),
        "لم يبق أي تعارض\n"
    );
    let list = stdout(&ar(&b, &["merge"]));
    assert!(
        list.ends_with("\nلم يبق أي تعارض: شغِّل `khutta merge --continue`\n"),
        "{list}"
    );
    assert!(stdout(&ar(&b, &["merge", "--continue"])).starts_with("تم الدمج: "));
    assert_eq!(
        stdout(&ar(&b, &["sync"])),
        "تمت المزامنة مع origin: أُرسلت تغييراتك\n"
    );
    assert_eq!(
        stdout(&ar(&a, &["sync"])),
        "تمت المزامنة مع origin: أُخذت تغييراتهم\n"
    );
    assert_eq!(stdout(&ar(&a, &["sync"])), "الخطة محدّثة مع origin\n");
    // Changes that meet without conflict are merged, then sent.
    edit(
        &a,
        "activities/pilot-amman.ron",
        "status: InProgress,",
        "status: OnHold,",
    );
    assert!(run(&a, &["commit", "-m", "Amman done"]).status.success());
    edit(
        &b,
        "activities/pilot-tunis.ron",
        "progress: 80",
        "progress: 90",
    );
    assert!(run(&b, &["commit", "-m", "Tunis 90"]).status.success());
    assert!(run(&a, &["sync"]).status.success());
    let both = stdout(&ar(&b, &["sync"]));
    assert_eq!(
        both,
        "تمت المزامنة مع origin: دُمجت تغييراتهم، أُرسلت تغييراتك\n"
    );
    let none = ar(&a, &["merge"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("خطأ: لا دمج جاريًا\n  تلميح: يبدأ `khutta sync`"));
    let none = stderr(&run(&a, &["merge"]));
    assert!(
        none.contains("error: there is no merge in progress\n"),
        "{none}"
    );
}
