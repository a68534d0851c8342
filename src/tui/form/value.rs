//! Turning what a person typed into plan values, with a reason when it cannot be.

use crate::i18n::Said;
use crate::model::{Amount, CountryCode, Currency, Id};
use crate::said;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;

/// A date written `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<NaiveDate, Said> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| said!("value-not-date", text = &format!("{:?}", s.trim())))
}

/// A date, or nothing when the text is blank.
pub(crate) fn opt_date(s: &str) -> Result<Option<NaiveDate>, Said> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        date(s).map(Some)
    }
}

/// A whole number in `min..=max`.
pub(crate) fn int<T: TryFrom<i64>>(s: &str, min: i64, max: i64) -> Result<T, Said> {
    let n: i64 = s
        .trim()
        .parse()
        .map_err(|_| said!("value-not-whole", text = &format!("{:?}", s.trim())))?;
    let out_of_range = || said!("value-out-of-range", value = n, min = min, max = max);
    if n < min || n > max {
        return Err(out_of_range());
    }
    T::try_from(n).map_err(|_| out_of_range())
}

/// An exact amount, within the range `check` accepts.
pub fn amount(s: &str) -> Result<Amount, Said> {
    let a = Amount::parse(s)?;
    let max = crate::model::limits::max_amount();
    if !crate::model::limits::amount_in_range(a) {
        return Err(said!("value-amount-range", max = &max));
    }
    Ok(a)
}

/// A currency code.
pub fn currency(s: &str) -> Result<Currency, Said> {
    Currency::parse(&s.trim().to_uppercase())
}

/// A country code, or nothing when blank.
pub(crate) fn opt_country(s: &str) -> Result<Option<CountryCode>, Said> {
    let t = s.trim().to_uppercase();
    if t.is_empty() {
        Ok(None)
    } else {
        CountryCode::parse(&t).map(Some)
    }
}

/// An id, or nothing when blank.
pub(crate) fn opt_id(s: &str) -> Result<Option<Id>, Said> {
    let t = s.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        Id::parse(t).map(Some).map_err(|e| e.said())
    }
}

/// An id.
pub fn id(s: &str) -> Result<Id, Said> {
    Id::parse(s.trim()).map_err(|e| e.said())
}

/// Comma-separated ids, in any order.
pub fn ids(s: &str) -> Result<Vec<Id>, Said> {
    words(s).iter().map(|w| id(w)).collect()
}

/// Comma-separated words.
pub fn words(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Text, or nothing when blank.
pub(crate) fn opt_text(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_owned())
}

/// An enum value written as in plan files (`InProgress`, `FS`).
pub fn choice<T: DeserializeOwned>(s: &str, allowed: &[&str]) -> Result<T, Said> {
    crate::store::from_ron::<T>(s.trim()).map_err(|_| {
        let text = format!("{:?}", s.trim());
        said!(
            "value-not-one-of",
            text = &text,
            allowed = &allowed.join(", ")
        )
    })
}

/// An enum value as written in plan files.
pub(crate) fn name_of<T: serde::Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap_or_default()
}

/// Ids joined for display and editing.
pub(crate) fn join_ids(ids: &[Id]) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn refusals_say_why() {
        assert!(date("2026-02-30").unwrap_err().contains("YYYY-MM-DD"));
        assert!(
            date("x")
                .unwrap_err()
                .show(&crate::i18n::Messages::new(crate::model::Lang::Ar))
                .contains("ليس تاريخًا")
        );
        assert_eq!(
            date(" 2026-02-28 ").map(|d| d.to_string()),
            Ok("2026-02-28".into())
        );
        let refused = int::<u8>("101", 0, 100).map_err(|e| e.english());
        assert_eq!(refused, Err("101 is out of range: 0 to 100".into()));
        // The same refusal in an Arabic form.
        let ar = crate::i18n::Messages::new(crate::model::Lang::Ar);
        let refused = int::<u8>("101", 0, 100).map_err(|e| e.show(&ar));
        assert_eq!(refused, Err("101 خارج المدى: من 0 إلى 100".into()));
        assert!(amount("12,5x").is_err());
        assert_eq!(currency("usd").map(|c| c.to_string()), Ok("USD".into()));
        assert_eq!(choice::<Status>("Done", &[]), Ok(Status::Done));
        assert!(choice::<Status>("Finished", &["Planned"]).is_err());
        assert_eq!(name_of(&Status::InProgress), "InProgress");
        assert!(ids("a, b-2, C").is_err());
    }
}
