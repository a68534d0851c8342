//! Partners' clones of one plan: an origin served by `git daemon` on 127.0.0.1 and two clones
//! set up for khutta, with helpers to edit, commit, sync and read them back.

use super::cmd::{git, git_ok, khutta};
use super::daemon::Daemon;
use std::path::{Path, PathBuf};

/// An origin served by git daemon and two partners' clones, both set up for khutta.
pub struct World {
    _dir: tempfile::TempDir,
    _daemon: Daemon,
    pub a: PathBuf,
    pub b: PathBuf,
    pub origin: PathBuf,
}

pub fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    crate::support::cmd::init_bundled(dir.path(), "seed");
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    git_ok(
        dir.path(),
        &["clone", "-q", "--bare", "seed", "served/origin.git"],
    );
    let daemon = Daemon::start(&served);
    let url = daemon.url("origin.git");
    for who in ["a", "b"] {
        git_ok(dir.path(), &["clone", "-q", &url, who]);
        let setup = khutta(&dir.path().join(who))
            .arg("git-setup")
            .output()
            .unwrap();
        assert!(
            setup.status.success(),
            "{}",
            String::from_utf8_lossy(&setup.stderr)
        );
    }
    World {
        a: dir.path().join("a"),
        b: dir.path().join("b"),
        origin: served.join("origin.git"),
        _daemon: daemon,
        _dir: dir,
    }
}

/// Edits one activity's file with `f` and commits it with khutta.
pub fn edit(clone: &Path, id: &str, message: &str, f: impl FnOnce(&mut khutta::model::Activity)) {
    let mut loaded = khutta::store::load_with_cache(clone, None).unwrap();
    let mut plan = loaded.plan.clone();
    f(plan.activities.get_mut(id).unwrap());
    khutta::store::save(&mut loaded, &plan).unwrap();
    let out = khutta(clone)
        .args(["commit", "-m", message])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn sync(clone: &Path) -> std::process::Output {
    khutta(clone).arg("sync").output().unwrap()
}

/// `khutta merge`: the conflicts of the merge waiting in `clone`.
pub fn merge_list(clone: &Path) -> std::process::Output {
    khutta(clone).arg("merge").output().unwrap()
}

/// `khutta merge --take theirs 1`: settles the first conflict with the partner's value.
pub fn take_theirs(clone: &Path) -> std::process::Output {
    khutta(clone)
        .args(["merge", "--take", "theirs", "1"])
        .output()
        .unwrap()
}

pub fn plan(clone: &Path) -> khutta::model::Plan {
    khutta::store::load_with_cache(clone, None).unwrap().plan
}

pub fn fsck(repo: &Path) {
    let out = git(repo).args(["fsck", "--no-dangling"]).output().unwrap();
    assert!(
        out.status.success(),
        "git fsck: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Removes every `*.lock` file under `dir`: what a killed git or khutta can leave, and what
/// git's own advice (and khutta's hint) says to do about it.
pub fn remove_locks(dir: &Path) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            remove_locks(&p);
        } else if p.extension().is_some_and(|x| x == "lock") {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// A world where B's sync stopped on one conflict: pilot-tunis's progress, 80 on A, 70 on B.
pub fn conflicted() -> World {
    let w = world();
    edit(&w.a, "pilot-tunis", "Progress from Tunis", |a| {
        a.progress = 80
    });
    edit(&w.b, "pilot-tunis", "Progress from ESCWA", |a| {
        a.progress = 70
    });
    assert!(sync(&w.a).status.success());
    let out = sync(&w.b);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        super::cmd::transcript(&out)
    );
    w
}

/// Installs `script` as the server-side hook `name` (`pre-receive`) of the bare repository
/// `origin`.
pub fn hook(origin: &Path, name: &str, script: &str) {
    let path = origin.join("hooks").join(name);
    std::fs::write(&path, script).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}
