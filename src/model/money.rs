//! Exact money: a decimal amount with an ISO 4217 currency code. Never floating point.

use crate::i18n::Said;
use crate::said;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An exact decimal amount, written in files as a string (`"150000.00"`).
///
/// A RON float such as `1500.5` is refused: parsing it would go through `f64` and could round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    /// Zero.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Parses a decimal written by a person (`1500`, `1500.50`, `-20`).
    pub fn parse(s: &str) -> Result<Amount, Said> {
        let t = s.trim().replace(['_', ','], "");
        t.parse::<Decimal>()
            .map(Amount)
            .map_err(|_| said!("value-not-amount", text = &format!("{s:?}")))
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
    pub fn is_well_formed(&self) -> bool {
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
    pub fn new(amount: Decimal, currency: &Currency) -> Money {
        Money {
            amount: Amount(amount),
            currency: currency.clone(),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_amount(self.amount.0), self.currency)
    }
}

/// Formats an amount with thousands separators and two decimals when it has cents.
pub fn format_amount(d: Decimal) -> String {
    let rounded = d.round_dp(2);
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
        assert_eq!(format_amount(Decimal::new(150000000, 2)), "1,500,000");
        assert_eq!(format_amount(Decimal::new(-123456, 2)), "-1,234.56");
        assert_eq!(format_amount(Decimal::new(999, 0)), "999");
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
