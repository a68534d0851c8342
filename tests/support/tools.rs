//! The exports' own readers, which `scripts/test` installs under
//! `~/.cache/khutta-test-tools` (or `$KHUTTA_TEST_TOOLS`): Python's `icalendar` in a virtual
//! environment, and Mermaid's parser with jsdom from npm. A test that needs one and does not
//! find it fails with the command that installs it.

use std::path::PathBuf;
use std::process::Command;

/// Where the tools live (the developer's home, not the tests' private one).
pub fn folder() -> PathBuf {
    if let Some(d) = std::env::var_os("KHUTTA_TEST_TOOLS") {
        return PathBuf::from(d);
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cache/khutta-test-tools")
}

/// The Python of the virtual environment that has `icalendar`.
pub fn icalendar_python() -> PathBuf {
    let python = folder().join("icalendar-venv/bin/python");
    let works = Command::new(&python)
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        works,
        "Python's icalendar library is missing at {}: run scripts/test, or\n  \
         python3 -m venv {venv} && {venv}/bin/pip install icalendar",
        python.display(),
        venv = folder().join("icalendar-venv").display()
    );
    python
}

/// The npm prefix that holds `mermaid` and `jsdom`.
pub fn mermaid_prefix() -> PathBuf {
    let prefix = folder().join("mermaid");
    let installed = ["mermaid", "jsdom"].iter().all(|p| {
        prefix
            .join("node_modules")
            .join(p)
            .join("package.json")
            .is_file()
    });
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        installed && node,
        "Mermaid's parser is missing at {} (or node is): run scripts/test, or\n  \
         npm install --prefix {} mermaid@11 jsdom",
        prefix.display(),
        prefix.display()
    );
    prefix
}

/// A script of `tests/tools/`.
pub fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(name)
}
