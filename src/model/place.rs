//! Countries (ISO 3166-1 alpha-2) and places.

use crate::i18n::Said;
use crate::said;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An ISO 3166-1 alpha-2 country code such as `EG`, `MA`, `TN`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct CountryCode(String);

/// Every officially assigned ISO 3166-1 alpha-2 code, concatenated.
const ASSIGNED: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// Names of the countries the initiative works with, for display: (code, Arabic, English).
const NAMES: &[(&str, &str, &str)] = &[
    ("AE", "الإمارات العربية المتحدة", "United Arab Emirates"),
    ("BH", "البحرين", "Bahrain"),
    ("DZ", "الجزائر", "Algeria"),
    ("EG", "مصر", "Egypt"),
    ("ES", "إسبانيا", "Spain"),
    ("FR", "فرنسا", "France"),
    ("IQ", "العراق", "Iraq"),
    ("JO", "الأردن", "Jordan"),
    ("KW", "الكويت", "Kuwait"),
    ("LB", "لبنان", "Lebanon"),
    ("LY", "ليبيا", "Libya"),
    ("MA", "المغرب", "Morocco"),
    ("MR", "موريتانيا", "Mauritania"),
    ("OM", "عُمان", "Oman"),
    ("PL", "بولندا", "Poland"),
    ("PS", "فلسطين", "Palestine"),
    ("QA", "قطر", "Qatar"),
    ("SA", "المملكة العربية السعودية", "Saudi Arabia"),
    ("SD", "السودان", "Sudan"),
    ("SO", "الصومال", "Somalia"),
    ("SY", "الجمهورية العربية السورية", "Syrian Arab Republic"),
    ("TN", "تونس", "Tunisia"),
    ("YE", "اليمن", "Yemen"),
];

impl CountryCode {
    /// Validates an assigned ISO 3166-1 alpha-2 code.
    pub fn parse(s: &str) -> Result<CountryCode, Said> {
        let c = CountryCode(s.trim().to_owned());
        if c.is_assigned() {
            Ok(c)
        } else {
            Err(said!("value-not-country", text = &format!("{s:?}")))
        }
    }

    /// Wraps a code without validation; `check` reports an unknown one.
    pub fn new_unchecked(s: impl Into<String>) -> CountryCode {
        CountryCode(s.into())
    }

    /// Whether the code is an officially assigned alpha-2 code.
    pub(crate) fn is_assigned(&self) -> bool {
        self.0.len() == 2
            && self.0.bytes().all(|b| b.is_ascii_uppercase())
            && is_listed(self.0.as_bytes())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country's name in Arabic and English when khutta knows it.
    pub fn name(&self) -> Option<(&'static str, &'static str)> {
        NAMES
            .iter()
            .find(|(c, _, _)| *c == self.0)
            .map(|(_, ar, en)| (*ar, *en))
    }
}

/// Binary search over the sorted two-letter codes of [`ASSIGNED`].
fn is_listed(code: &[u8]) -> bool {
    let table = ASSIGNED.as_bytes();
    let (mut lo, mut hi) = (0, table.len() / 2);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match table[2 * mid..2 * mid + 2].cmp(code) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where something happens: a country and, optionally, a city.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The country.
    pub country: CountryCode,
    /// The city, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(CountryCode::parse("EG").is_ok());
        assert!(CountryCode::parse("XX").is_err());
        assert!(CountryCode::parse("eg").is_err());
        // Chunk boundaries matter: "DA" straddles "AD"+"AE" in the table but is not assigned.
        assert!(CountryCode::parse("DA").is_err());
        assert_eq!(ASSIGNED.len() % 2, 0);
        let codes: Vec<&[u8]> = ASSIGNED.as_bytes().chunks(2).collect();
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "the table must stay sorted"
        );
        assert_eq!(codes.len(), 249);
        for (code, _, _) in NAMES {
            assert!(CountryCode::new_unchecked(*code).is_assigned(), "{code}");
        }
    }
}
