//! How the command line is found: shell completions and the man page, generated from khutta's
//! own argument definitions and checked with the tools that read them (bash completes a
//! command, groff renders the page), and a mistyped command named as one.

use crate::support::cmd::{khutta, transcript};

#[test]
fn bash_completes_a_command_and_its_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path())
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let script = dir.path().join("khutta.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    // Ask bash what it would offer after `khutta sy` and after `khutta sync --`.
    let ask = |words: &str, cword: usize| {
        let probe = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{words}'; \
             COMP_POINT=${{#COMP_LINE}}; _khutta khutta \"${{COMP_WORDS[$COMP_CWORD]}}\" \
             \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &probe])
            .output()
            .expect("bash runs (apt-get install bash)");
        assert!(out.status.success(), "{}", transcript(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let commands = ask("khutta sy", 1);
    assert_eq!(commands.trim(), "sync", "{commands}");
    let options = ask("khutta sync --", 2);
    assert!(options.lines().any(|l| l == "--help"), "{options}");
}

#[test]
fn every_shell_gets_a_script() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = khutta(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", transcript(&out));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("sync"),
            "{shell}"
        );
    }
    let bad = khutta(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", transcript(&bad));
}

#[test]
fn the_man_page_renders_with_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path()).args(["man"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    let page = dir.path().join("khutta.1");
    std::fs::write(&page, &out.stdout).unwrap();
    let shown = std::process::Command::new("groff")
        .args(["-man", "-Tascii", "-ww", "-z"])
        .arg(&page)
        .output()
        .expect("groff runs (apt-get install groff-base)");
    assert!(
        shown.status.success() && shown.stderr.is_empty(),
        "groff warns: {}",
        transcript(&shown)
    );
    let text = std::process::Command::new("groff")
        .args(["-man", "-Tascii", "-P-c", "-P-b", "-P-u"])
        .arg(&page)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for command in ["check", "sync", "merge", "diff", "gantt", "completions"] {
        assert!(text.contains(command), "{command} missing:\n{text}");
    }
    // One page per command for packagers.
    let pages = dir.path().join("pages");
    let out = khutta(dir.path())
        .args(["man", "--dir"])
        .arg(&pages)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    for name in ["khutta.1", "khutta-sync.1", "khutta-merge.1"] {
        assert!(pages.join(name).is_file(), "{name}");
    }
}

#[test]
fn a_mistyped_command_is_named_not_opened_as_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let out = khutta(dir.path()).args(["chekc"]).output().unwrap();
    let text = transcript(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("`chekc` is neither a command nor a plan folder")
            && text.contains("did you mean `khutta check`?"),
        "{text}"
    );
    // A folder of that name is a plan folder to open, whatever it is called.
    std::fs::create_dir(dir.path().join("chekc")).unwrap();
    let out = khutta(dir.path()).args(["chekc"]).output().unwrap();
    assert!(
        !transcript(&out).contains("neither a command"),
        "{}",
        transcript(&out)
    );
}

/// Every command takes the plan as `-C PLAN` (or `--plan`), before or after the command, as
/// `git -C` names a repository; the PLAN argument of commands that have one is the same
/// thing, and two different plans are refused rather than one silently chosen.
#[test]
fn the_plan_is_named_one_way_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::cmd::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua"),
        &dir.path().join("p"),
    );
    let run = |args: &[&str]| khutta(dir.path()).args(args).output().unwrap();
    for args in [
        &["check", "-C", "p"][..],
        &["-C", "p", "check"],
        &["check", "--plan", "p"],
        &["check", "p"],
        &["check", "p", "-C", "p"],
        &["summary", "-C", "p"],
        &["consult", "-C", "p", "template", "egm-2021"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}\n{}", transcript(&out));
    }
    let two = run(&["check", "p", "-C", "elsewhere"]);
    assert_eq!(two.status.code(), Some(2), "{}", transcript(&two));
    let said = String::from_utf8_lossy(&two.stderr);
    assert!(
        said.contains("two plan folders given: p and elsewhere"),
        "{said}"
    );
    // The old spelling of one command only is gone: `-p` is no plan option anywhere.
    let old = run(&["consult", "template", "egm-2021", "-p", "p"]);
    assert_eq!(old.status.code(), Some(2), "{}", transcript(&old));
}
