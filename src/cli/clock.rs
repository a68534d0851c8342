//! Today's date, read only here: from `--today`, else `KHUTTA_TODAY`, else the system clock.
//! The core takes `today` as a parameter, so that tests and snapshots can pin it.

use super::CommandError;
use chrono::NaiveDate;
use khutta::said;

/// The date to treat as today.
pub fn today(arg: Option<NaiveDate>) -> Result<NaiveDate, CommandError> {
    if let Some(d) = arg {
        return Ok(d);
    }
    match std::env::var("KHUTTA_TODAY") {
        Ok(s) => s.trim().parse().map_err(|e| CommandError::Usage {
            message: said!(
                "today-not-a-date",
                value = format!("{:?}", khutta::text::escape_controls(&s)),
                error = &e,
            ),
            hint: Some(said!("today-not-a-date-hint")),
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
