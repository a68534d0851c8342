//! What khutta reads besides the plan: the TUI's config file (`$XDG_CONFIG_HOME/khutta/
//! config.ron`, read by every command), and in the plan's repository the git config entries
//! (`khutta.plan`, `merge.khutta.driver`) and `.gitattributes`. A config file that cannot be
//! used is said with its location, and never stops a command.

use crate::Case;
use crate::mutate::{self, Material};
use crate::oracle::{self, Expect, HANG_BOUND};
use crate::support::cmd::khutta;
use std::path::{Path, PathBuf};

const CONFIG: &str = r#"Config(
    lang: "ar",
    bidi: "app",
    keys: {
        global: { "ctrl-q": quit, "w": save, "f5": sync },
        list: { "x": move_down, "alt-x": move_up },
        gantt: { "z": zoom_in, "Z": zoom_out },
        form: { "ctrl-e": edit_value },
    },
)
"#;

/// Keys and commands to swap into the config.
const CONFIG_WORDS: &[&str] = &[
    "\"ctrl-alt-shift-x\"",
    "\"f99\"",
    "\"f0\"",
    "\"ctrl-\"",
    "\"-\"",
    "\"ctrl--\"",
    "\"shift-\"",
    "\"\u{202e}\"",
    "\"\u{1f600}\"",
    "\"space\"",
    "\"ctrl-\u{0}\"",
    "\"alt-ctrl-alt-x\"",
    "\"ar\"",
    "\"terminal\"",
    "\"en\"",
    "quit",
    "nothing",
    "Quit",
    "global",
    "everywhere",
];

/// Values for the git config entries khutta reads.
const GIT_VALUES: &[&str] = &[
    "",
    ".",
    "..",
    "/",
    "./",
    "plan",
    "\\\"unterminated",
    "'/tmp/it'\\''s/khutta' merge-driver %O %A %B %P",
    "/nonexistent/khutta merge-driver %O %A %B %P",
    "/dev/stdin merge-driver",
    "'unclosed merge-driver",
    "%O %A %B",
    "\\\\",
    "\u{202e}\u{1b}[2J",
];

/// Lines for `.gitattributes`.
const ATTRIBUTES: &[&str] = &[
    "*.ron merge=khutta diff=khutta",
    "*.ron -merge -diff",
    "*.ron merge=other",
    "* binary",
    "plan.ron merge",
    "[attr]k merge=khutta diff=khutta",
    "*.ron k",
    "[attr]a b",
    "[attr]b a",
    "*.ron a",
    "!*.ron",
    "\"*.ron\" merge=khutta",
    "*.ron merge=khutta\0",
    "\u{feff}*.ron merge=khutta",
];

pub struct Worker {
    _dir: tempfile::TempDir,
    root: PathBuf,
    config_home: PathBuf,
    git_config: Vec<u8>,
    attributes: Vec<u8>,
    scratch: tempfile::TempDir,
}

fn setup(_worker: usize) -> Worker {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("plan");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/open-government-nua");
    let init = khutta(dir.path())
        .arg("init")
        .arg(&root)
        .arg("--from")
        .arg(&bundled)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let config_home = dir.path().join("config");
    std::fs::create_dir_all(config_home.join("khutta")).unwrap();
    Worker {
        git_config: std::fs::read(root.join(".git/config")).unwrap(),
        attributes: std::fs::read(root.join(".gitattributes")).unwrap(),
        root,
        config_home,
        _dir: dir,
        scratch: tempfile::tempdir().unwrap(),
    }
}

/// Replaces one `"..."` string or bare word of `text` with one of `words`.
fn swap_word(c: &mut Case, text: &mut Vec<u8>, words: &[&str]) {
    let spots: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if text[i] == b'"' {
                let s = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += 1;
                }
                v.push((s, (i + 1).min(text.len())));
            } else if text[i].is_ascii_alphabetic() {
                let s = i;
                while i < text.len() && (text[i].is_ascii_alphanumeric() || text[i] == b'_') {
                    i += 1;
                }
                v.push((s, i));
                continue;
            }
            i += 1;
        }
        v
    };
    if spots.is_empty() {
        return;
    }
    let (s, e) = *c.rng.pick(&spots);
    let w = *c.rng.pick(words);
    c.note(format!(
        "replaced `{}` with `{}`",
        mutate::short(&text[s..e]),
        mutate::short(w.as_bytes())
    ));
    text.splice(s..e, w.bytes());
}

fn one_case(w: &mut Worker, c: &mut Case) {
    std::fs::write(w.root.join(".git/config"), &w.git_config).unwrap();
    std::fs::write(w.root.join(".gitattributes"), &w.attributes).unwrap();
    let config_file = w.config_home.join("khutta/config.ron");
    let material = Material {
        ids: &[],
        donors: &[],
        kind: "config",
    };
    let mut config = CONFIG.as_bytes().to_vec();
    for _ in 0..c.rng.range(1, 3) {
        if c.rng.chance(50) {
            swap_word(c, &mut config, CONFIG_WORDS);
        } else {
            let what = mutate::mutate(&mut c.rng, &mut config, &material);
            c.note(format!("config.ron: {what}"));
        }
    }
    std::fs::write(&config_file, &config).unwrap();
    if c.rng.chance(35) {
        let path = w.root.join(".git/config");
        let mut text = w.git_config.clone();
        let key = *c.rng.pick(&["\tplan = ", "\tdriver = "]);
        if let Some(at) = text.windows(key.len()).position(|x| x == key.as_bytes()) {
            let start = at + key.len();
            let end = text[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |e| start + e);
            let v = *c.rng.pick(GIT_VALUES);
            text.splice(start..end, v.bytes());
            c.note(format!(
                ".git/config: {}{}",
                key.trim(),
                mutate::short(v.as_bytes())
            ));
        }
        if c.rng.chance(20) {
            let what = mutate::mutate(&mut c.rng, &mut text, &material);
            c.note(format!(".git/config: {what}"));
        }
        std::fs::write(path, text).unwrap();
    }
    if c.rng.chance(35) {
        let mut lines: Vec<String> = (0..c.rng.range(1, 4))
            .map(|_| (*c.rng.pick(ATTRIBUTES)).to_owned())
            .collect();
        if c.rng.chance(20) {
            lines.push("x".repeat(c.rng.range(1_000, 100_000)));
        }
        c.note(format!(
            ".gitattributes: {}",
            mutate::short(lines.join("\\n").as_bytes())
        ));
        std::fs::write(w.root.join(".gitattributes"), lines.join("\n")).unwrap();
    }
    c.inputs = vec![
        config_file.clone(),
        w.root.join(".git/config"),
        w.root.join(".gitattributes"),
    ];
    // The library's own reading of the file, as the TUI does it.
    let text = String::from_utf8_lossy(&config).into_owned();
    let parsed = std::panic::catch_unwind(|| {
        if let Ok(config) = khutta::tui::config::parse("config.ron", &text) {
            let _ = config.keymap();
        }
    });
    if parsed.is_err() {
        c.found("parsing the config file panics".into(), String::new());
    }
    let root = w.root.clone();
    let expect = Expect::plan(&root);
    let commands: [&[&str]; 5] = [
        &["check", "."],
        &["summary", "."],
        &["log", "-n", "2", "."],
        &["diff"],
        &["git-setup"],
    ];
    for args in commands {
        let mut cmd = khutta(&root);
        cmd.env("XDG_CONFIG_HOME", &w.config_home).args(args);
        let o = oracle::run(cmd, w.scratch.path(), HANG_BOUND);
        c.check(&o, &expect);
        config_located(c, &o, &config_file);
    }
}

/// A config file that was not used is named with a line and column inside it.
fn config_located(c: &mut Case, o: &oracle::Outcome, file: &Path) {
    let err = String::from_utf8_lossy(&o.stderr);
    let Some(at) = err.find("the config file was not used: ") else {
        return;
    };
    let rest = &err[at + "the config file was not used: ".len()..];
    let shown = file.display().to_string();
    let lines = std::fs::read(file)
        .map(|b| b.split(|&x| x == b'\n').count())
        .unwrap_or(0);
    let located = rest.strip_prefix(&shown).and_then(|r| {
        let mut parts = r.strip_prefix(':')?.splitn(3, ':');
        let line: usize = parts.next()?.parse().ok()?;
        let col: usize = parts.next()?.parse().ok()?;
        (line >= 1 && line <= lines && col >= 1).then_some(())
    });
    if located.is_none() {
        c.found(
            format!(
                "`{}` says the config file was not used without a line and column in it",
                o.shown
            ),
            o.transcript(10),
        );
    }
}

pub fn run() {
    crate::fuzz(
        &crate::Target {
            name: "config",
            test: "config_files",
            share: 10,
            workers: 1,
        },
        setup,
        one_case,
    );
}
