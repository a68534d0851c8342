//! A commit from the TUI is signed as `khutta commit`'s is, and refused rather than left
//! unsigned when git asks for a signature khutta cannot make.

use crate::harness::{Harness, bundled};
use crate::support::cmd::{git, git_ok};
use crate::support::sshd::keygen;
use khutta::model::Lang;
use khutta::tui::app::Effect;
use khutta::tui::repo_view::RepoJob;

fn repository() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nua");
    let opts = khutta::repo::InitOptions {
        dir: plan.clone(),
        from: Some(bundled()),
        exe: std::path::PathBuf::from(env!("CARGO_BIN_EXE_khutta")),
        today: crate::harness::today(),
    };
    khutta::repo::init(&opts).unwrap();
    (dir, plan)
}

/// Saves pilot-tunis at `progress` from the TUI and commits it with `message`.
fn commit(h: &mut Harness, progress: &str, message: &str) {
    h.run_effect(Effect::Repo(RepoJob::State));
    h.select_activity("pilot-tunis");
    h.press(&["enter"]);
    h.form_row("progress");
    h.press(&["enter", "ctrl-u"]);
    h.type_text(progress);
    h.press(&["enter", "esc", "ctrl-s"]);
    h.run_effect(Effect::Repo(RepoJob::State));
    h.press(&["c"]);
    h.type_text(message);
    h.press(&["enter"]);
}

#[test]
fn a_commit_from_the_tui_is_signed_and_stock_git_verifies_it() {
    let (dir, plan) = repository();
    let key = dir.path().join("key");
    keygen(&key, "");
    git_ok(&plan, &["config", "commit.gpgsign", "true"]);
    git_ok(&plan, &["config", "gpg.format", "ssh"]);
    git_ok(
        &plan,
        &["config", "user.signingkey", &key.display().to_string()],
    );
    let mut h = Harness::open(&plan, Lang::En);
    commit(&mut h, "80", "Tunis pilot at 80%");
    assert_eq!(h.app.shared.status, "committed 1 file");
    let allowed = dir.path().join("allowed");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    std::fs::write(&allowed, format!("someone@khutta.invalid {public}")).unwrap();
    let file = format!("gpg.ssh.allowedSignersFile={}", allowed.display());
    let out = git(&plan)
        .args(["-c", &file, "verify-commit", "HEAD"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // OpenPGP asked for: the status says why nothing was committed.
    git_ok(&plan, &["config", "gpg.format", "openpgp"]);
    let head = git_ok(&plan, &["rev-parse", "HEAD"]);
    let mut h = Harness::open(&plan, Lang::Ar);
    commit(&mut h, "85", "Tunis pilot at 85%");
    assert!(
        h.app
            .shared
            .status
            .contains("ولا توقّع khutta إلا بمفاتيح SSH"),
        "{}",
        h.app.shared.status
    );
    assert_eq!(git_ok(&plan, &["rev-parse", "HEAD"]), head);
}
