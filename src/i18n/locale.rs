//! Which language the UI speaks: `--lang`, then the config file, then the environment's
//! locale, then English.

use crate::lang::Lang;

/// The locale variables of the environment, read by the caller (this module does no IO).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LocaleEnv<'a> {
    /// `LC_ALL`.
    pub lc_all: Option<&'a str>,
    /// `LC_MESSAGES`.
    pub lc_messages: Option<&'a str>,
    /// `LANG`.
    pub lang: Option<&'a str>,
}

/// The UI language: the command line's `--lang`, else the config file's, else the locale of
/// the environment, else English.
pub fn choose_lang(cli: Option<Lang>, config: Option<Lang>, env: &LocaleEnv<'_>) -> Lang {
    cli.or(config).unwrap_or_else(|| {
        // POSIX: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides,
        // even when it names a language khutta does not have (then English).
        [env.lc_all, env.lc_messages, env.lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty())
            .and_then(lang_of_locale)
            .unwrap_or(Lang::En)
    })
}

/// The language of a locale name such as `ar_EG.UTF-8`, `ar`, `en_GB` or `C`; `None` for
/// languages khutta has no messages for.
pub fn lang_of_locale(locale: &str) -> Option<Lang> {
    // The language is what comes before the territory, codeset and modifier.
    let language = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match language.as_str() {
        "ar" => Some(Lang::Ar),
        "en" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(
        all: Option<&'a str>,
        messages: Option<&'a str>,
        lang: Option<&'a str>,
    ) -> LocaleEnv<'a> {
        LocaleEnv {
            lc_all: all,
            lc_messages: messages,
            lang,
        }
    }

    #[test]
    fn explicit_choice_wins() {
        let arabic_env = env(Some("ar_EG.UTF-8"), None, None);
        assert_eq!(
            choose_lang(Some(Lang::En), Some(Lang::Ar), &arabic_env),
            Lang::En
        );
        assert_eq!(choose_lang(None, Some(Lang::En), &arabic_env), Lang::En);
        assert_eq!(choose_lang(None, None, &arabic_env), Lang::Ar);
    }

    #[test]
    fn environment_in_posix_order() {
        assert_eq!(
            choose_lang(None, None, &env(None, None, Some("ar_JO.UTF-8"))),
            Lang::Ar
        );
        assert_eq!(
            choose_lang(None, None, &env(None, Some("ar_MA"), Some("en_US"))),
            Lang::Ar
        );
        // LC_ALL overrides, even with a language khutta lacks.
        assert_eq!(
            choose_lang(None, None, &env(Some("fr_FR"), None, Some("ar_EG"))),
            Lang::En
        );
        // An empty variable counts as unset.
        assert_eq!(
            choose_lang(None, None, &env(Some(""), None, Some("ar"))),
            Lang::Ar
        );
        assert_eq!(
            choose_lang(None, None, &env(None, None, Some("C.UTF-8"))),
            Lang::En
        );
        assert_eq!(choose_lang(None, None, &LocaleEnv::default()), Lang::En);
        // "arn" (Mapudungun) is not Arabic.
        assert_eq!(lang_of_locale("arn_CL"), None);
    }
}
