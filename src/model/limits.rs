//! The ranges of the values a plan may hold: one table for `check`, the forms and the
//! importers, so that what a form refuses `check` reports, and no view ever meets a value its
//! arithmetic cannot carry (a funding amount of 10^27 overflowed the Overview's percentages).

use super::Amount;

/// The largest amount of money, in absolute value: a thousand trillion, far above any plan's
/// budget and far below what exact decimals overflow at, even summed over 100,000 lines and
/// multiplied by the largest rate.
pub(crate) fn max_amount() -> Amount {
    Amount::from(1_000_000_000_000_000_i64)
}

/// The largest exchange rate (units of the plan currency for one unit of another).
pub(crate) fn max_rate() -> Amount {
    Amount::from(1_000_000_000_i64)
}

/// The longest duration, in working days: some forty years.
pub(crate) const MAX_DAYS: u32 = 10_000;

/// The longest lag or lead of a dependency, in working days.
pub(crate) const MAX_LAG: i64 = 10_000;

/// Whether `amount` is within range.
pub(crate) fn amount_in_range(amount: Amount) -> bool {
    amount.abs() <= max_amount()
}

/// Whether `rate` is a usable exchange rate: above zero and within range.
pub(crate) fn rate_in_range(rate: Amount) -> bool {
    !rate.is_negative() && !rate.is_zero() && rate <= max_rate()
}
