//! Today's date, read only here: from `--today`, else `KHUTTA_TODAY`, else the system clock.
//! The core takes `today` as a parameter, so that tests and snapshots can pin it.

use super::CommandError;
use chrono::NaiveDate;

/// The date to treat as today.
pub fn today(arg: Option<NaiveDate>) -> Result<NaiveDate, CommandError> {
    if let Some(d) = arg {
        return Ok(d);
    }
    match std::env::var("KHUTTA_TODAY") {
        Ok(s) => s.trim().parse().map_err(|e| CommandError::Usage {
            message: format!(
                "KHUTTA_TODAY is {:?}, which is not a date: {e}",
                khutta::text::escape_controls(&s)
            )
            .into(),
            hint: Some("write it as YYYY-MM-DD, or unset it to use the system clock".into()),
        }),
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}
