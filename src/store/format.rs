//! The canonical RON form: one way to write each entity, so that saving an unchanged plan
//! changes no byte and changing one field changes only that field's lines.

use ron::extensions::Extensions;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// RON options shared by reading and writing: `Some(x)` may be written as plain `x`.
fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Writes `value` in canonical form: four-space indentation, struct names, one field per
/// line, text unescaped (Arabic as-is), and a trailing newline.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(true)
        .escape_strings(false)
        .new_line("\n");
    let mut s = options().to_string_pretty(value, pretty)?;
    s.push('\n');
    Ok(s)
}

/// Parses RON text into a value.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    options().from_str(text)
}
