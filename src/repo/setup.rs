//! `khutta init` and `khutta git-setup`: a repository whose partners get khutta's merge and
//! diff even when they use plain `git pull` and `git diff`.

use super::{PlanRepo, RepoError, io};
use crate::model::{Currency, FORMAT_VERSION, Id, Plan, PlanMeta, Text, Window};
use std::path::{Path, PathBuf};

/// The attributes that route plan files to khutta's drivers.
const ATTRIBUTES: &str = "# khutta: plan files merge and diff by meaning, not by line.\n*.ron merge=khutta diff=khutta\n";

/// What `khutta init` creates.
#[derive(Clone, Debug)]
pub struct InitOptions {
    /// The folder of the new plan (created if missing).
    pub dir: PathBuf,
    /// A plan to start from (copied), instead of an empty skeleton.
    pub from: Option<PathBuf>,
    /// The khutta executable that git should run as merge driver and diff converter.
    pub exe: PathBuf,
    /// The first day of an empty plan's window.
    pub today: chrono::NaiveDate,
}

/// Creates a plan in a new or existing repository, sets the repository up and commits.
pub fn init(opts: &InitOptions) -> Result<PlanRepo, RepoError> {
    let dir = &opts.dir;
    if dir.join(crate::model::PLAN_FILE).exists() {
        return Err(RepoError::AlreadyAPlan { path: dir.clone() });
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let plan = match &opts.from {
        Some(src) => crate::store::load(src)?.plan,
        None => skeleton(dir, opts.today),
    };
    if git2::Repository::discover(dir).is_err() {
        // A new plan repository starts on `main`, whatever the machine's git defaults to.
        git2::Repository::init_opts(dir, git2::RepositoryInitOptions::new().initial_head("main"))?;
    }
    let r = PlanRepo::discover(dir)?;
    // Without an identity the first commit would fail after the files were written.
    r.signatures()?;
    let started = std::time::Instant::now();
    // The blobs are packed into the repository on a second thread while the files are
    // written: the pack is CPU work, the files mostly the filesystem's.
    let git_dir = r.repo.path().to_path_buf();
    let (_, written, packed) = crate::store::write_new_plan_alongside(dir, &plan, |blobs| {
        super::pack::write_blobs(&git2::Repository::open(&git_dir)?, blobs)
    })?;
    let ids = packed?;
    tracing::debug!(
        files = written.len(),
        ms = started.elapsed().as_millis() as u64,
        "init: files written and packed"
    );
    git_setup_repo(&r, &opts.exe)?;
    let mut files: Vec<(String, git2::Oid)> =
        written.into_iter().map(|(rel, _)| rel).zip(ids).collect();
    // The two files `git_setup_repo` keeps, as it left them (it may have added to a file
    // that was there): two loose objects.
    for name in [".gitattributes", ".gitignore"] {
        let path = dir.join(name);
        let bytes =
            crate::store::read_bounded(&path, crate::store::MAX_FILE_BYTES).map_err(io(&path))?;
        files.push((name.to_owned(), r.repo.blob(&bytes)?));
    }
    let message = format!("Start the plan {}", plan.meta.id);
    // Staged from the ids of the bytes just written: `add` of 10,000 files would read each
    // back and resolve its path on disk.
    super::commit::commit_written(&r, &message, &files)?;
    tracing::debug!(ms = started.elapsed().as_millis() as u64, "init: committed");
    Ok(r)
}

/// An empty plan named after its folder.
fn skeleton(dir: &Path, today: chrono::NaiveDate) -> Plan {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let slug: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug.trim_matches('-');
    let id = Id::parse(slug).unwrap_or_else(|_| Id::new_unchecked("plan"));
    Plan::new(PlanMeta {
        format: FORMAT_VERSION,
        title: Text::en(id.as_str()),
        id,
        summary: Text::default(),
        window: Window {
            start: today,
            end: today + chrono::Days::new(730),
        },
        currency: Currency::new_unchecked("USD"),
        exchange_rates: Vec::new(),
        calendars: Vec::new(),
        default_calendar: None,
        sdg_goals: Vec::new(),
        sdg_targets: Vec::new(),
        countries: Vec::new(),
        cities: Vec::new(),
    })
}

/// Sets up the repository holding the plan at `root` (a partner's fresh clone).
pub fn git_setup(root: &Path, exe: &Path) -> Result<PlanRepo, RepoError> {
    let r = PlanRepo::discover(root)?;
    if !root.join(crate::model::PLAN_FILE).is_file() {
        return Err(crate::store::StoreError::NotAPlan {
            path: root.to_path_buf(),
        }
        .into());
    }
    git_setup_repo(&r, exe)?;
    Ok(r)
}

/// Writes the attributes (when the plan folder lacks them) and the local config entries.
fn git_setup_repo(r: &PlanRepo, exe: &Path) -> Result<(), RepoError> {
    let workdir = r.repo.workdir().ok_or(RepoError::NotSetUp)?.to_path_buf();
    let plan_dir = if r.prefix.is_empty() {
        workdir.clone()
    } else {
        workdir.join(&r.prefix)
    };
    // Both files may come from a partner's commit: read through the bounded door, and refuse
    // (writing nothing) rather than replace a file that could not be read.
    let read = |p: &Path| match crate::store::read_bounded(p, crate::store::MAX_FILE_BYTES) {
        Ok(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(io(p)(e)),
    };
    let attrs = plan_dir.join(".gitattributes");
    let current = read(&attrs)?;
    if !current.contains("merge=khutta") {
        let text = if current.is_empty() {
            ATTRIBUTES.to_owned()
        } else {
            format!("{}\n{ATTRIBUTES}", current.trim_end())
        };
        crate::store::write_atomic(&attrs, text.as_bytes()).map_err(io(&attrs))?;
    }
    let ignore = plan_dir.join(".gitignore");
    let current = read(&ignore)?;
    if !current.contains(".khutta-tmp") {
        let text = format!(
            "{}*{}\n",
            if current.is_empty() {
                String::new()
            } else {
                format!("{}\n", current.trim_end())
            },
            crate::store::layout::TMP_SUFFIX
        );
        crate::store::write_atomic(&ignore, text.as_bytes()).map_err(io(&ignore))?;
    }
    let exe = shell_quote(&exe.to_string_lossy());
    let mut cfg = r.repo.config()?.open_level(git2::ConfigLevel::Local)?;
    cfg.set_str(
        "merge.khutta.name",
        "khutta: merge plan files by entity and field",
    )?;
    cfg.set_str(
        "merge.khutta.driver",
        &format!("{exe} merge-driver %O %A %B %P %S %X %Y"),
    )?;
    cfg.set_str("diff.khutta.textconv", &format!("{exe} diff --textconv"))?;
    // git keeps each converted blob in `refs/notes/textconv/khutta`, so `git log -p` runs
    // khutta once per blob ever, not once per blob per command.
    cfg.set_bool("diff.khutta.cachetextconv", true)?;
    cfg.set_str(
        "khutta.plan",
        if r.prefix.is_empty() { "." } else { &r.prefix },
    )?;
    Ok(())
}

/// `s` quoted for the shell git runs drivers in.
fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// What is wrong with the drivers of the clone holding the plan at `root`, when its plan files
/// are routed to khutta's merge driver (`.gitattributes`, committed with the plan) but this
/// clone cannot run it: never registered (`git-setup` not run here), or registered with a
/// khutta that is gone or is not `exe` (when given). git then merges plan files line by line,
/// or keeps one side, without a word.
pub fn drivers_problem(root: &Path, exe: Option<&Path>) -> Option<crate::i18n::Said> {
    use crate::said;
    let r = PlanRepo::discover(root).ok()?;
    let probe = std::path::Path::new(&r.in_repo(crate::model::PLAN_FILE)).to_path_buf();
    let routed = r
        .repo
        .get_attr(&probe, "merge", git2::AttrCheckFlags::FILE_THEN_INDEX)
        .ok()
        .flatten()
        == Some("khutta");
    if !routed {
        return None;
    }
    let cfg = r.repo.config().ok()?;
    let Ok(driver) = cfg.get_string("merge.khutta.driver") else {
        return Some(said!("repo-driver-missing"));
    };
    let registered = unquote_first(&driver);
    let path = Path::new(&registered);
    if !path.is_file() {
        return Some(said!("repo-driver-gone", path = &registered));
    }
    let same = match (std::fs::canonicalize(path), exe.map(std::fs::canonicalize)) {
        (Ok(a), Some(Ok(b))) => a == b,
        _ => true,
    };
    (!same).then(|| said!("repo-driver-other", path = &registered))
}

/// The first word of a shell command line, unquoted as [`shell_quote`] quotes it.
fn unquote_first(line: &str) -> String {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix('\'') {
        let mut out = String::new();
        let mut rest = rest;
        loop {
            match rest.find('\'') {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 1..];
                    // `'\''` closes, adds a quote, and opens again.
                    match rest.strip_prefix("\\''") {
                        Some(r) => {
                            out.push('\'');
                            rest = r;
                        }
                        None => return out,
                    }
                }
                None => return out + rest,
            }
        }
    }
    line.split_whitespace().next().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_driver_s_program_is_read_back_as_it_was_quoted() {
        for path in ["/usr/bin/khutta", "/home/a b/khutta", "/tmp/it's/khutta"] {
            let line = format!("{} merge-driver %O %A %B %P", super::shell_quote(path));
            assert_eq!(super::unquote_first(&line), path);
        }
    }
}
