//! khutta's own folders outside any plan: the config folder, the state folder and the cache
//! folder, found once, here, from the environment.
//!
//! On Unix they are the XDG base directories (etcetera's XDG strategy): `$XDG_CONFIG_HOME`,
//! `$XDG_STATE_HOME` and `$XDG_CACHE_HOME` when set to an absolute path, else `~/.config`,
//! `~/.local/state` and `~/.cache`; khutta's are the `khutta` folder in each.
//!
//! - config: `config.ron`, the TUI's settings (`tui::config`);
//! - state: the recovery files of unsaved edits, the operation logs of plans outside git, and
//!   `log/khutta.log`, what khutta did and what went wrong;
//! - cache: `parsed/`, what plan files parsed to, one store that every plan shares, keyed by
//!   the files' content (`store::cache`); never when `KHUTTA_NO_CACHE` is set (to anything).
//!
//! Nothing else in khutta reads these variables: the library's parts that use a folder take
//! it as a parameter, so that tests give them temporary ones.

use std::ffi::OsString;
use std::path::PathBuf;

/// The variable that, set to anything, keeps khutta from reading or writing the parse cache.
pub const NO_CACHE: &str = "KHUTTA_NO_CACHE";

/// The platform's base folders, before khutta's own name is added: on Unix the XDG base
/// directories. `None` where there is none (no home folder to put it in).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bases {
    /// Where programs keep their settings (`~/.config`).
    pub config: Option<PathBuf>,
    /// Where programs keep what should outlive a run but is not worth backing up
    /// (`~/.local/state`).
    pub state: Option<PathBuf>,
    /// Where programs keep what they can make again (`~/.cache`).
    pub cache: Option<PathBuf>,
}

impl Bases {
    /// The base folders of this process's environment, by etcetera's strategy for the
    /// platform (XDG on Unix).
    pub fn from_env() -> Bases {
        use etcetera::BaseStrategy;
        match etcetera::choose_base_strategy() {
            Ok(s) => Bases {
                config: Some(s.config_dir()),
                // Platforms without a state folder keep state with the data.
                state: Some(s.state_dir().unwrap_or_else(|| s.data_dir())),
                cache: Some(s.cache_dir()),
            },
            // No home folder: no folder of khutta's, and what needs one says so.
            Err(_) => Bases::default(),
        }
    }
}

/// khutta's own folders. Each is `None` when there is nowhere to put it (or, for the cache,
/// when it is turned off).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folders {
    /// `$XDG_CONFIG_HOME/khutta`.
    pub config: Option<PathBuf>,
    /// `$XDG_STATE_HOME/khutta`.
    pub state: Option<PathBuf>,
    /// `$XDG_CACHE_HOME/khutta`, unless `KHUTTA_NO_CACHE` is set.
    pub cache: Option<PathBuf>,
}

impl Folders {
    /// khutta's folders in this process's environment.
    pub fn from_env() -> Folders {
        Folders::resolve(Bases::from_env(), |name| std::env::var_os(name))
    }

    /// khutta's folders in the base folders `bases`, with `var` telling the value of
    /// khutta's own variables (`KHUTTA_NO_CACHE`). Pure, so that tests need not change the
    /// process's environment.
    pub fn resolve(bases: Bases, var: impl Fn(&str) -> Option<OsString>) -> Folders {
        let ours = |base: Option<PathBuf>| base.map(|b| b.join("khutta"));
        Folders {
            config: ours(bases.config),
            state: ours(bases.state),
            cache: if var(NO_CACHE).is_some() {
                None
            } else {
                ours(bases.cache)
            },
        }
    }

    /// The config file, `config.ron` in the config folder.
    pub fn config_file(&self) -> Option<PathBuf> {
        Some(self.config.as_ref()?.join("config.ron"))
    }

    /// The log file, `log/khutta.log` in the state folder.
    pub fn log_file(&self) -> Option<PathBuf> {
        Some(self.state.as_ref()?.join("log").join("khutta.log"))
    }

    /// The parse cache every plan shares (see [`crate::store::parse_cache`]), when there is a
    /// cache folder.
    pub fn parse_cache(&self) -> Option<PathBuf> {
        Some(crate::store::parse_cache(self.cache.as_deref()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xdg() -> Bases {
        Bases {
            config: Some("/x/config".into()),
            state: Some("/x/state".into()),
            cache: Some("/x/cache".into()),
        }
    }

    fn unset(_: &str) -> Option<OsString> {
        None
    }

    #[test]
    fn khutta_keeps_to_its_own_folder_in_each_base() {
        let f = Folders::resolve(xdg(), unset);
        assert_eq!(f.config, Some(PathBuf::from("/x/config/khutta")));
        assert_eq!(f.state, Some(PathBuf::from("/x/state/khutta")));
        assert_eq!(f.cache, Some(PathBuf::from("/x/cache/khutta")));
        assert_eq!(
            f.config_file(),
            Some(PathBuf::from("/x/config/khutta/config.ron"))
        );
        assert_eq!(
            f.log_file(),
            Some(PathBuf::from("/x/state/khutta/log/khutta.log"))
        );
    }

    #[test]
    fn khutta_no_cache_turns_the_cache_off_whatever_its_value() {
        for value in ["1", "0", ""] {
            let f = Folders::resolve(xdg(), |name| (name == NO_CACHE).then(|| value.into()));
            assert_eq!(f.cache, None, "KHUTTA_NO_CACHE={value:?}");
            assert_eq!(f.state, Some(PathBuf::from("/x/state/khutta")));
        }
        // Other variables do not.
        let f = Folders::resolve(xdg(), |name| (name == "KHUTTA_TODAY").then(|| "1".into()));
        assert!(f.cache.is_some());
    }

    #[test]
    fn without_a_home_there_is_no_folder() {
        let f = Folders::resolve(Bases::default(), unset);
        assert_eq!(f, Folders::default());
        assert_eq!((f.config_file(), f.log_file()), (None, None));
        assert_eq!(f.parse_cache(), None);
    }

    #[test]
    fn every_plan_shares_one_parse_cache() {
        let f = Folders::resolve(xdg(), unset);
        assert_eq!(
            f.parse_cache(),
            Some(PathBuf::from("/x/cache/khutta/parsed"))
        );
        let off = Folders::resolve(xdg(), |name| (name == NO_CACHE).then(|| "1".into()));
        assert_eq!(off.parse_cache(), None);
    }
}
