//! Exact money: a decimal amount with an ISO 4217 currency code. Never floating point.

// The one module allowed to hold the decimal type: see `Amount`.
#![allow(clippy::disallowed_types)]

use crate::i18n::Said;
use crate::said;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An exact decimal amount, written in files as a string (`"150000.00"`).
///
/// A RON float such as `1500.5` is refused: parsing it would go through `f64` and could round.
///
/// The decimal inside is private and its arithmetic is offered only as checked (or
/// saturating) operations: a plan is written by others, and an amount near the decimal's
/// limit must become a diagnostic or a "—", never a panic in a view. Clippy refuses the
/// decimal type anywhere else in khutta (`clippy.toml`), so no operator can bypass this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(Decimal::ZERO);
    /// One (used by the tests of the checked arithmetic).
    #[cfg(test)]
    pub(crate) const ONE: Amount = Amount(Decimal::ONE);

    /// `mantissa` × 10^-`scale` (`Amount::new(150050, 2)` is 1500.50); a scale past 28 is
    /// taken as 28.
    pub fn new(mantissa: i64, scale: u32) -> Amount {
        Amount(Decimal::new(mantissa, scale.min(28)))
    }

    /// Parses a decimal written by a person (`1500`, `1500.50`, `-20`).
    pub fn parse(s: &str) -> Result<Amount, Said> {
        let t = s.trim().replace(['_', ','], "");
        t.parse::<Decimal>()
            .map(Amount)
            .map_err(|_| said!("value-not-amount", text = &format!("{s:?}")))
    }

    /// `self + other`, or `None` past the decimal's range.
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        self.0.checked_add(other.0).map(Amount)
    }

    /// `self - other`, or `None` past the decimal's range.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0.checked_sub(other.0).map(Amount)
    }

    /// `self × other`, or `None` past the decimal's range.
    pub(crate) fn checked_mul(self, other: Amount) -> Option<Amount> {
        self.0.checked_mul(other.0).map(Amount)
    }

    /// `self ÷ other`, or `None` for a zero divisor or past the decimal's range.
    pub fn checked_div(self, other: Amount) -> Option<Amount> {
        self.0.checked_div(other.0).map(Amount)
    }

    /// `self + other`, held at the decimal's limit: for running totals, where a total past
    /// any real budget is already reported by `check` (E027).
    pub(crate) fn saturating_add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0))
    }

    /// What share of `whole` this is, in whole percent; `None` for a zero whole or overflow.
    pub(crate) fn percent_of(self, whole: Amount) -> Option<Amount> {
        if whole.0.is_zero() {
            return None;
        }
        let share = self
            .0
            .checked_div(whole.0)?
            .checked_mul(Decimal::ONE_HUNDRED)?;
        Some(Amount(share.round()))
    }

    /// Whether it is below zero.
    pub(crate) fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Whether it is zero.
    pub(crate) fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Its absolute value (never overflows: the decimal's range is symmetric).
    pub(crate) fn abs(self) -> Amount {
        Amount(self.0.abs())
    }

    /// Rounded to `dp` decimal places, half away from zero (for shares of an amount).
    pub(crate) fn round_dp(self, dp: u32) -> Amount {
        Amount(
            self.0
                .round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// The same amount without trailing zeros (`7080.00` -> `7080`).
    pub fn normalize(self) -> Amount {
        Amount(self.0.normalize())
    }
}

impl From<i64> for Amount {
    fn from(v: i64) -> Amount {
        Amount(Decimal::from(v))
    }
}

impl From<u64> for Amount {
    fn from(v: u64) -> Amount {
        Amount(Decimal::from(v))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal amount as a string, such as \"1500.50\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                v.parse::<Decimal>()
                    .map(Amount)
                    .map_err(|_| E::custom(format!("{v:?} is not a decimal amount")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Err(E::custom(format!(
                    "amount {v} is a floating-point number; write it as a string, \"{v}\", so that it stays exact"
                )))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}

/// An ISO 4217 currency code such as `USD`, `EUR`, `EGP`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Currency(String);

impl Currency {
    /// Validates a three-letter uppercase code.
    pub fn parse(s: &str) -> Result<Currency, Said> {
        let c = Currency(s.trim().to_owned());
        if c.is_well_formed() {
            Ok(c)
        } else {
            Err(said!("value-not-currency", text = &format!("{s:?}")))
        }
    }

    /// Wraps a code without validation; `check` reports a malformed one.
    pub fn new_unchecked(s: impl Into<String>) -> Currency {
        Currency(s.into())
    }

    /// Whether the code is three ASCII capital letters.
    pub(crate) fn is_well_formed(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An amount in a currency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The exact amount.
    pub amount: Amount,
    /// Its currency.
    pub currency: Currency,
}

impl Money {
    /// Money from an amount and a currency.
    pub fn new(amount: Amount, currency: &Currency) -> Money {
        Money {
            amount,
            currency: currency.clone(),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_amount(self.amount), self.currency)
    }
}

/// Formats an amount with thousands separators and two decimals when it has cents.
pub fn format_amount(a: Amount) -> String {
    let rounded = a.0.round_dp(2);
    let s = if rounded.fract().is_zero() {
        rounded.trunc().to_string()
    } else {
        format!("{:.2}", rounded)
    };
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting() {
        assert_eq!(format_amount(Amount::new(150000000, 2)), "1,500,000");
        assert_eq!(format_amount(Amount::new(-123456, 2)), "-1,234.56");
        assert_eq!(format_amount(Amount::new(999, 0)), "999");
    }

    #[test]
    fn arithmetic_at_the_limit_is_none_never_a_panic() {
        let max = Amount(Decimal::MAX);
        assert_eq!(max.checked_add(Amount::ONE), None);
        assert_eq!(Amount(Decimal::MIN).checked_sub(max), None);
        assert_eq!(max.checked_mul(Amount::from(2_i64)), None);
        assert_eq!(max.checked_div(Amount::ZERO), None);
        assert_eq!(max.saturating_add(max), max);
        assert_eq!(Amount::from(1_i64).percent_of(Amount::ZERO), None);
        assert_eq!(
            Amount::parse("1000000000000000000000000000")
                .ok()
                .and_then(|a| a.percent_of(Amount::ONE)),
            None
        );
        assert_eq!(
            Amount::from(1_i64).percent_of(Amount::from(3_i64)),
            Some(Amount::from(33_i64))
        );
        assert!(!format_amount(max).is_empty());
    }

    #[test]
    fn parse() {
        assert_eq!(
            Amount::parse("1,500.50").map(|a| a.to_string()),
            Ok("1500.50".into())
        );
        assert!(Amount::parse("12x").is_err());
        assert!(Currency::parse("usd").is_err());
        assert!(Currency::parse("EGP").is_ok());
    }
}
