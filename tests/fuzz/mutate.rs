//! Mutations of a file's bytes: blind ones (flips, cuts, splices, hostile tokens) that test
//! the reader, and ones that know RON's tokens and the plan's fields, which keep the file
//! readable often enough for extreme values to reach the scheduler, the diff and the views.

use crate::rng::Rng;

/// Numbers at the edges of every integer and decimal type the model uses, and past them.
pub const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "100",
    "101",
    "255",
    "256",
    "-129",
    "65535",
    "2147483647",
    "-2147483648",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "-4294967295",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211455",
    "1e27",
    "-7.9e28",
    "7.9e28",
    "1e308",
    "1e309",
    "-1e309",
    "0.5",
    "1.0e-30",
    "NaN",
    "inf",
    "-inf",
    "0x7fffffff",
    "0b1",
    "1_000_000",
    "99999999999999999999999999999999999999999",
];

/// Amounts and rates as the model writes them (strings), at and past `Decimal`'s range.
pub const AMOUNTS: &[&str] = &[
    "\"1e27\"",
    "\"1000000000000000000000000000\"",
    "\"-7.9e28\"",
    "\"7.9e28\"",
    "\"79228162514264337593543950335\"",
    "\"-79228162514264337593543950335\"",
    "\"79228162514264337593543950336\"",
    "\"0.0000000000000000000000000001\"",
    "\"-0.0000000000000000000000000001\"",
    "\"1E+27\"",
    "\"-0\"",
    "\"0\"",
    "\"1e-28\"",
    "\"999999999999999.99\"",
    "\"1000000000000000\"",
    "\"1000000000000000.01\"",
    "\"-1000000000000001\"",
    "\"1000000000\"",
    "\"1000000000.5\"",
    "\"NaN\"",
    "\"\"",
    "\" 12\"",
    "\"1,000\"",
];

/// Dates at chrono's edges and past them, and days that do not exist.
pub const DATES: &[&str] = &[
    "\"+262142-12-31\"",
    "\"+262143-12-31\"",
    "\"-262143-01-01\"",
    "\"-262144-01-01\"",
    "\"+262144-01-01\"",
    "\"9999-12-31\"",
    "\"10000-01-01\"",
    "\"0000-01-01\"",
    "\"0001-01-01\"",
    "\"-0001-12-31\"",
    "\"1970-01-01\"",
    "\"2024-02-29\"",
    "\"2023-02-29\"",
    "\"2026-13-01\"",
    "\"2026-00-10\"",
    "\"2026-11-28\"",
    "\"2026-11-28T00:00:00\"",
    "\"\"",
];

/// Text that has tripped terminals, layouts and parsers: escapes, bidi controls, invisible
/// characters, combining marks, NUL, invalid escapes, formulas.
pub const TEXTS: &[&str] = &[
    "\"\"",
    "\" \"",
    "\"\u{202e}txet desrever\"",
    "\"\u{2066}\u{2067}\u{2068}\u{2069}\u{200f}\u{200e}\"",
    "\"\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\"",
    "\"a\\u{0}b\"",
    "\"\\u{1b}]52;c;ZXZpbA==\\u{7}\"",
    "\"\\u{1b}[2J\\u{1b}[H\"",
    "\"\\u{9b}2J\"",
    "\"\\u{e0041}\\u{e0042}\"",
    "\"\\u{d800}\"",
    "\"\\u{110000}\"",
    "\"\\x7f\\x1b\"",
    "\"line\\nbreak\\rreturn\\ttab\"",
    "\"\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\"",
    "\"بِسْمِ اللَّهِ الرَّحْمَٰنِ\"",
    "\"abc \u{05d0}\u{05d1} 123 \u{0644}\u{0627}\"",
    "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"",
    "\"+1+cmd|' /C calc'!A0\"",
    "\"@SUM(1)\"",
    "\"\\\"\"",
    "\"\\\\\"",
    "\"\u{2028}\u{2029}\u{85}\"",
    "\"\u{fff9}\u{fffa}\u{fffb}\u{fffc}\u{fffd}\"",
    "r#\"raw \" string\"#",
    "\"%s%n%x{0}{{}}\"",
    "\"../../etc/passwd\"",
];

/// Ids at the edges of what a slug is.
pub const IDS: &[&str] = &[
    "\"\"",
    "\"-\"",
    "\"a\"",
    "\"../x\"",
    "\"x/y\"",
    "\"x y\"",
    "\"CON\"",
    "\"Pilot-Tunis\"",
    "\"pilot-tunis\"",
    "\"phase-pilots\"",
    "\"egm-2021\"",
    "\"p001\"",
    "\"\u{0661}\u{0662}\"",
    "\"a\\u{0}\"",
];

/// Names the model knows: enum variants and field names, for swapping one for another.
pub const IDENTS: &[&str] = &[
    "Fixed",
    "Duration",
    "Span",
    "Task",
    "Milestone",
    "Group",
    "Planned",
    "InProgress",
    "Done",
    "OnHold",
    "Cancelled",
    "FS",
    "SS",
    "FF",
    "SF",
    "Some",
    "None",
    "true",
    "false",
    "Text",
    "Partner",
    "Other",
    "Choice",
    "Choices",
    "Rating",
    "Ranking",
    "Items",
    "FreeText",
    "SingleChoice",
    "MultipleChoice",
    "PlanItems",
    "Hybrid",
    "Online",
    "InPerson",
    "Draft",
    "Open",
    "Closed",
    "Secured",
    "Expected",
    "Pledged",
    "timing",
    "days",
    "lag",
    "amount",
    "start",
    "end",
    "parent",
    "kind",
    "activity",
    "dependencies",
    "id",
    "x",
];

/// Tokens inserted anywhere: comments, brackets, nesting, git conflict markers, bytes that
/// are not UTF-8, byte-order marks, RON extensions.
pub const TOKENS: &[&[u8]] = &[
    b"/*",
    b"*/",
    b"//",
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b":",
    b"\"",
    b"r#\"",
    b"\"#",
    b"\\",
    b"Some(",
    b"None",
    b"#![enable(implicit_some)]\n",
    b"#![enable(unwrap_newtypes, unwrap_variant_newtypes)]\n",
    b"<<<<<<< HEAD\n",
    b"=======\n",
    b">>>>>>> theirs\n",
    b"||||||| base\n",
    b"\xef\xbb\xbf",
    b"\0",
    b"\r",
    b"\r\n",
    b"\xff",
    b"\xfe",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"\x1b[2J",
    b"\xc2\x9b",
];

/// A field of some file kind, written whole: replaces that field, or is added when absent.
pub struct Snippet {
    /// The folder of the files it belongs in (`activities`, `funding`, ...; `plan` for
    /// `plan.ron`, `round` and `response` for consultations).
    pub kind: &'static str,
    /// The field's name.
    pub field: &'static str,
    /// The whole field, `name: value`.
    pub text: &'static str,
}

/// Whole fields holding extreme or contradictory values.
pub const SNIPPETS: &[Snippet] = &[
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Duration(days: 4294967295)",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Duration(days: 4000000000, not_before: \"+262142-12-31\")",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Duration(days: 10001, not_before: \"-262143-01-01\")",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Fixed(start: \"-262143-01-01\", end: \"+262142-12-31\")",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Fixed(start: \"+262142-12-31\", end: \"-262143-01-01\")",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Fixed(start: \"+262142-12-31\", end: \"+262142-12-31\")",
    },
    Snippet {
        kind: "activities",
        field: "timing",
        text: "timing: Span",
    },
    Snippet {
        kind: "activities",
        field: "dependencies",
        text: "dependencies: [(activity: \"pilot-tunis\", kind: SF, lag: 2147483647), (activity: \"phase-pilots\", lag: -2147483648)]",
    },
    Snippet {
        kind: "activities",
        field: "dependencies",
        text: "dependencies: [(activity: \"concept-note\", kind: FF, lag: -2147483648), (activity: \"concept-note\", kind: SS, lag: 2147483647)]",
    },
    Snippet {
        kind: "activities",
        field: "parent",
        text: "parent: \"phase-pilots\"",
    },
    Snippet {
        kind: "activities",
        field: "kind",
        text: "kind: Group",
    },
    Snippet {
        kind: "activities",
        field: "kind",
        text: "kind: Milestone",
    },
    Snippet {
        kind: "activities",
        field: "progress",
        text: "progress: 255",
    },
    Snippet {
        kind: "activities",
        field: "budget",
        text: "budget: [(category: Staff, amount: \"79228162514264337593543950335\", currency: \"USD\"), (category: Travel, amount: \"79228162514264337593543950335\", currency: \"USD\")]",
    },
    Snippet {
        kind: "activities",
        field: "budget",
        text: "budget: [(category: Grants, amount: \"-79228162514264337593543950335\", currency: \"EUR\", funding: Some(\"escwa-rptc\"))]",
    },
    Snippet {
        kind: "activities",
        field: "budget",
        text: "budget: [(category: Other, amount: \"1e27\", currency: \"XXX\")]",
    },
    Snippet {
        kind: "funding",
        field: "amount",
        text: "amount: \"1e27\"",
    },
    Snippet {
        kind: "funding",
        field: "amount",
        text: "amount: \"-79228162514264337593543950335\"",
    },
    Snippet {
        kind: "funding",
        field: "amount",
        text: "amount: \"79228162514264337593543950335\"",
    },
    Snippet {
        kind: "funding",
        field: "available",
        text: "available: Some((start: \"+262142-12-31\", end: \"-262143-01-01\"))",
    },
    Snippet {
        kind: "funding",
        field: "currency",
        text: "currency: \"EUR\"",
    },
    Snippet {
        kind: "beneficiaries",
        field: "size",
        text: "size: Some(18446744073709551615)",
    },
    Snippet {
        kind: "plan",
        field: "window",
        text: "window: (start: \"-262143-01-01\", end: \"+262142-12-31\")",
    },
    Snippet {
        kind: "plan",
        field: "window",
        text: "window: (start: \"2030-01-01\", end: \"2020-01-01\")",
    },
    Snippet {
        kind: "plan",
        field: "exchange_rates",
        text: "exchange_rates: [(currency: \"EUR\", rate: \"0.0000000000000000000000000001\", date: \"2026-01-01\"), (currency: \"EGP\", rate: \"79228162514264337593543950335\", date: \"+262142-12-31\")]",
    },
    Snippet {
        kind: "plan",
        field: "currency",
        text: "currency: \"EUR\"",
    },
    Snippet {
        kind: "plan",
        field: "calendars",
        text: "calendars: [(id: \"fri-sat\", name: (en: \"x\"), weekend: [Mon, Tue, Wed, Thu, Fri, Sat, Sun], holidays: [(date: \"-262143-01-01\", until: Some(\"+262142-12-31\"), name: (en: \"always\"))])]",
    },
    Snippet {
        kind: "plan",
        field: "format",
        text: "format: 4294967295",
    },
    Snippet {
        kind: "round",
        field: "questions",
        text: "questions: [Question(id: \"q\", text: (en: \"q\"), kind: Rating(min: 0, max: 4294967295)), Question(id: \"q\", text: (en: \"again\"), kind: FreeText)]",
    },
    Snippet {
        kind: "round",
        field: "date",
        text: "date: \"+262142-12-31\"",
    },
    Snippet {
        kind: "response",
        field: "answers",
        text: "answers: {\"cofinancing-ability\": Rating(4294967295), \"duration\": Choices([\"two-years\", \"two-years\"]), \"first-activities\": Items([\"phase-pilots\", \"phase-pilots\", \"phase-pilots\", \"phase-pilots\"]), \"beneficiary-priority\": Ranking([])}",
    },
];

/// What a file's mutations may draw on beside its own bytes.
pub struct Material<'a> {
    /// Ids of the plan: references swapped for them make cycles, self-references and
    /// references to the wrong kind.
    pub ids: &'a [String],
    /// Other files' bytes, for splicing.
    pub donors: &'a [Vec<u8>],
    /// The kind of the file, as in [`Snippet::kind`].
    pub kind: &'a str,
}

/// Files above this are cut back to it: past the loader's 1 MiB limit, not much further.
const MAX_BYTES: usize = 1_200_000;

/// Applies one random mutation to `bytes`; returns what it did, for the report.
pub fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, m: &Material) -> String {
    let done = match rng.weighted(&[30, 18, 14, 10, 10, 10, 8]) {
        0 => replace_token(rng, bytes, m),
        1 => field_snippet(rng, bytes, m),
        2 => blind(rng, bytes),
        3 => insert_token(rng, bytes),
        4 => splice(rng, bytes, m),
        5 => lines(rng, bytes),
        _ => whole(rng, bytes),
    };
    if bytes.len() > MAX_BYTES {
        bytes.truncate(MAX_BYTES);
    }
    done
}

/// Where a token of RON text lies, and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Str,
    Num,
    Ident,
}

/// The strings, numbers and names of RON text, roughly: enough to aim a replacement.
fn tokens(b: &[u8]) -> Vec<(usize, usize, Class)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(b.len());
            out.push((start, i, Class::Str));
        } else if c.is_ascii_digit() || (c == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b"._+-".contains(&b[i])) {
                i += 1;
            }
            out.push((start, i, Class::Num));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((start, i, Class::Ident));
        } else {
            i += 1;
        }
    }
    out
}

fn looks_like_date(s: &[u8]) -> bool {
    s.len() == 12 && s[1..5].iter().all(u8::is_ascii_digit) && s[5] == b'-' && s[8] == b'-'
}

fn looks_like_amount(s: &[u8]) -> bool {
    s.len() > 2
        && s[1..s.len() - 1]
            .iter()
            .all(|c| c.is_ascii_digit() || b".-".contains(c))
}

fn looks_like_id(s: &[u8]) -> bool {
    s.len() > 2
        && s[1..s.len() - 1]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// Replaces one string, number or name with an extreme value of the same sort (or, now and
/// then, of any sort).
fn replace_token(rng: &mut Rng, bytes: &mut Vec<u8>, m: &Material) -> String {
    let toks = tokens(bytes);
    if toks.is_empty() {
        return insert_token(rng, bytes);
    }
    let (start, end, class) = *rng.pick(&toks);
    let old = bytes[start..end].to_vec();
    let any = rng.chance(15);
    let new: String = if any {
        let pools: [&[&str]; 5] = [NUMBERS, AMOUNTS, DATES, TEXTS, IDENTS];
        let pool = pools[rng.below(pools.len())];
        (*rng.pick(pool)).to_owned()
    } else {
        match class {
            Class::Num => (*rng.pick(NUMBERS)).to_owned(),
            Class::Ident => (*rng.pick(IDENTS)).to_owned(),
            Class::Str if looks_like_date(&old) => (*rng.pick(DATES)).to_owned(),
            Class::Str if looks_like_amount(&old) => (*rng.pick(AMOUNTS)).to_owned(),
            Class::Str if looks_like_id(&old) && !m.ids.is_empty() && rng.chance(70) => {
                format!("\"{}\"", rng.pick(m.ids))
            }
            Class::Str if looks_like_id(&old) => (*rng.pick(IDS)).to_owned(),
            Class::Str => match rng.below(8) {
                0 => format!("\"{}\"", "x".repeat(rng.range(1_000, 300_000))),
                1 => format!("\"a{}\"", "\u{0301}".repeat(rng.range(100, 20_000))),
                2 => format!("\"{}\"", "\u{202e}\u{2066}".repeat(rng.range(10, 5_000))),
                _ => (*rng.pick(TEXTS)).to_owned(),
            },
        }
    };
    bytes.splice(start..end, new.bytes());
    format!(
        "replaced `{}` at byte {start} with `{}`",
        short(&old),
        short(new.as_bytes())
    )
}

/// The span of a top-level field `name: ...` of a canonical file (four spaces in), up to the
/// next top-level line, if there is one.
fn field_span(text: &[u8], name: &str) -> Option<(usize, usize)> {
    let head = format!("\n    {name}:");
    let start = find(text, head.as_bytes())? + 1;
    let mut end = start + head.len() - 1;
    // The field ends where the next line starts at four spaces and a letter, or at `)`.
    loop {
        let nl = find(&text[end..], b"\n")? + end;
        let rest = &text[nl + 1..];
        let next_field =
            rest.starts_with(b"    ") && rest.get(4).is_some_and(|c| c.is_ascii_alphabetic());
        if next_field || rest.starts_with(b")") {
            // Drop the separating comma with the field.
            return Some((start, nl));
        }
        end = nl + 1;
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Replaces a whole field with one holding extreme values, or adds it.
fn field_snippet(rng: &mut Rng, bytes: &mut Vec<u8>, m: &Material) -> String {
    let fitting: Vec<&Snippet> = SNIPPETS.iter().filter(|s| s.kind == m.kind).collect();
    let s = if fitting.is_empty() || rng.chance(10) {
        rng.pick(SNIPPETS)
    } else {
        *rng.pick(&fitting)
    };
    let line = format!("    {},", s.text);
    if let Some((start, end)) = field_span(bytes, s.field) {
        bytes.splice(start..end, line.bytes());
        return format!("field `{}` became `{}`", s.field, short(s.text.as_bytes()));
    }
    // Absent: added before the closing bracket of the file's value.
    match bytes.iter().rposition(|&c| c == b')') {
        Some(close) => {
            let added = format!("\n{line}\n");
            bytes.splice(close..close, added.bytes());
            format!("added field `{}`", short(s.text.as_bytes()))
        }
        None => {
            bytes.extend_from_slice(line.as_bytes());
            format!("appended `{}`", short(s.text.as_bytes()))
        }
    }
}

/// Flips bits, sets bytes, cuts the file short or removes a stretch of it.
fn blind(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    if bytes.is_empty() {
        bytes.push(rng.next_u64() as u8);
        return "wrote one byte into an empty file".into();
    }
    let at = rng.below(bytes.len());
    match rng.below(5) {
        0 => {
            let bit = rng.below(8);
            bytes[at] ^= 1 << bit;
            format!("flipped bit {bit} of byte {at}")
        }
        1 => {
            let b = rng.next_u64() as u8;
            bytes[at] = b;
            format!("set byte {at} to {b:#04x}")
        }
        2 => {
            bytes.truncate(at);
            format!("cut the file at byte {at}")
        }
        3 => {
            let len = rng.range(1, 64).min(bytes.len() - at);
            bytes.drain(at..at + len);
            format!("removed bytes {at}..{}", at + len)
        }
        _ => {
            let n = rng.range(2, 16);
            for _ in 0..n {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next_u64() as u8;
            }
            format!("set {n} random bytes")
        }
    }
}

/// Inserts a hostile token, a deep nesting or a long run somewhere.
fn insert_token(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let at = rng.below(bytes.len() + 1);
    let (what, desc): (Vec<u8>, String) = match rng.below(10) {
        0 => {
            let open = *rng.pick(&[&b"("[..], b"[", b"{", b"Some(", b"[\""]);
            let n = rng.range(100, 20_000);
            (open.repeat(n), format!("{n} × `{}`", short(open)))
        }
        1 => {
            let t = *rng.pick(TOKENS);
            let n = rng.range(2, 50_000);
            (t.repeat(n), format!("{n} × `{}`", short(t)))
        }
        _ => {
            let t = *rng.pick(TOKENS);
            (t.to_vec(), format!("`{}`", short(t)))
        }
    };
    bytes.splice(at..at, what);
    format!("inserted {desc} at byte {at}")
}

/// Copies a stretch of this file or of another plan file somewhere into this one.
fn splice(rng: &mut Rng, bytes: &mut Vec<u8>, m: &Material) -> String {
    let from_self = m.donors.is_empty() || rng.chance(50);
    let source: &[u8] = if from_self {
        bytes
    } else {
        rng.pick(m.donors).as_slice()
    };
    if source.is_empty() {
        return blind(rng, bytes);
    }
    let a = rng.below(source.len());
    let len = rng.range(1, 400).min(source.len() - a);
    let piece = source[a..a + len].to_vec();
    let at = rng.below(bytes.len() + 1);
    let times = if rng.chance(10) {
        rng.range(2, 2_000)
    } else {
        1
    };
    let inserted = piece.repeat(times);
    if rng.chance(30) && at < bytes.len() {
        let end = (at + len).min(bytes.len());
        bytes.splice(at..end, inserted);
        return format!(
            "overwrote bytes {at}..{end} with {times} × {len} bytes of {}",
            if from_self { "itself" } else { "another file" }
        );
    }
    bytes.splice(at..at, inserted);
    format!(
        "inserted {times} × {len} bytes of {} at byte {at}",
        if from_self { "itself" } else { "another file" }
    )
}

/// Line edits: swapped, repeated or removed lines, or a git conflict block around some.
fn lines(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let mut ls: Vec<Vec<u8>> = bytes.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
    let n = ls.len();
    let (i, j) = (rng.below(n), rng.below(n));
    let desc = match rng.below(4) {
        0 => {
            ls.swap(i, j);
            format!("swapped lines {} and {}", i + 1, j + 1)
        }
        1 => {
            let l = ls[i].clone();
            ls.insert(j, l);
            format!("copied line {} before line {}", i + 1, j + 1)
        }
        2 => {
            ls.remove(i);
            format!("removed line {}", i + 1)
        }
        _ => {
            let a = i.min(j);
            let b = i.max(j).min(a + 6).min(n - 1);
            let ours: Vec<Vec<u8>> = ls[a..=b].to_vec();
            let mut theirs = ours.clone();
            if let Some(t) = theirs.first_mut() {
                t.extend_from_slice(b" // theirs");
            }
            let mut block = vec![b"<<<<<<< HEAD".to_vec()];
            block.extend(ours);
            block.push(b"=======".to_vec());
            block.extend(theirs);
            block.push(b">>>>>>> theirs".to_vec());
            ls.splice(a..=b, block);
            format!("wrapped lines {}..{} in git conflict markers", a + 1, b + 1)
        }
    };
    *bytes = ls.join(&b'\n');
    desc
}

/// Replaces the whole content: empty, a byte-order mark, random bytes, NULs, or a file just
/// under or over the size limit.
fn whole(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    match rng.below(6) {
        0 => {
            bytes.clear();
            "emptied the file".into()
        }
        1 => {
            *bytes = b"\xef\xbb\xbf".to_vec();
            "replaced the file by a byte-order mark".into()
        }
        2 => {
            let n = rng.range(1, 4_096);
            *bytes = (0..n).map(|_| rng.next_u64() as u8).collect();
            format!("replaced the file by {n} random bytes")
        }
        3 => {
            *bytes = vec![0; rng.range(1, 4_096)];
            "replaced the file by NUL bytes".into()
        }
        4 => {
            // Just under the limit: a valid file padded with a comment.
            let pad = 1024 * 1024 - 16 - bytes.len().min(1024 * 1024 - 16);
            bytes.extend_from_slice(b"\n/*");
            bytes.extend(std::iter::repeat_n(b'x', pad));
            bytes.extend_from_slice(b"*/\n");
            format!("padded the file to {} bytes with a comment", bytes.len())
        }
        _ => {
            bytes.extend(std::iter::repeat_n(b' ', 1024 * 1024 + 1));
            format!("grew the file past 1 MiB to {} bytes", bytes.len())
        }
    }
}

/// A short, printable rendering of bytes for the report.
pub fn short(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(&b[..b.len().min(60)]);
    let mut out: String = s.escape_debug().collect();
    if b.len() > 60 {
        out.push_str(&format!("… ({} bytes)", b.len()));
    }
    out
}
