//! What a plan file must not hold before it is parsed: conflict markers that a line merge left
//! (git's own merge, where khutta's driver is not set up), and comments, which RON allows but
//! no canonical write or merge keeps (the next save would drop them without a word).

use crate::check::{Code, Diagnostic};
use crate::said;

/// The first conflict marker or comment in `text`, as a located diagnostic.
pub(super) fn refuse(path: &str, text: &str) -> Option<Diagnostic> {
    markers(path, text).or_else(|| comment(path, text))
}

fn markers(path: &str, text: &str) -> Option<Diagnostic> {
    // Nearly every file has none: a search for each marker is much faster than a walk over
    // the lines, and a marker line holds one.
    const MARKS: [&str; 4] = ["<<<<<<<", ">>>>>>>", "|||||||", "======="];
    if !MARKS.iter().any(|m| text.contains(m)) {
        return None;
    }
    let (line, _) = text.lines().enumerate().find(|(_, l)| {
        ["<<<<<<<", ">>>>>>>", "|||||||"]
            .iter()
            .any(|m| l.starts_with(m))
            || l.trim_end() == "======="
    })?;
    Some(Diagnostic::file(
        Code::ConflictMarkers,
        path,
        (u32::try_from(line + 1).unwrap_or(u32::MAX), 1),
        said!("check-conflict-markers"),
        said!("check-conflict-markers-hint"),
    ))
}

/// The first `//` or `/*` outside a string, with its line and column (in characters).
fn comment(path: &str, text: &str) -> Option<Diagnostic> {
    // A comment begins with one of these: a file without them needs no walk over its
    // characters, which took a third of the time of parsing an activity.
    if !text.contains("//") && !text.contains("/*") {
        return None;
    }
    let at = scan(text).comment?;
    Some(Diagnostic::file(
        Code::Comment,
        path,
        at,
        said!("check-comment"),
        said!("check-comment-hint"),
    ))
}

/// Where `text` ends, when it ends inside a string or with brackets still open: a file cut
/// short (a copy interrupted, a partner's half-written commit). The parser's own complaint
/// about such a file is often a wrong type or a missing field at the cut, which misleads.
pub(super) fn ends_early(text: &str) -> Option<(u32, u32)> {
    let s = scan(text);
    // Nothing, or a struct's name with nothing after it, is a file cut before it began.
    let t = text.trim();
    let unbegun = t.chars().all(|c| c.is_alphanumeric() || c == '_');
    (s.open > 0 || s.in_string || unbegun).then_some(s.end)
}

/// What one pass over a file's characters finds outside its strings.
struct Scan {
    comment: Option<(u32, u32)>,
    /// Brackets opened and not closed by the end.
    open: usize,
    in_string: bool,
    /// The line and column just past the last character.
    end: (u32, u32),
}

fn scan(text: &str) -> Scan {
    let (mut line, mut col) = (1u32, 1u32);
    let mut chars = text.chars().peekable();
    let (mut comment, mut open) = (None, 0usize);
    // Inside a string: `None`, or the number of `#` that close a raw string (plus one; `Some(0)`
    // for an ordinary string, whose escapes count).
    let mut string: Option<usize> = None;
    let mut prev = '\0';
    while let Some(c) = chars.next() {
        let here = (line, col);
        match string {
            None => match c {
                '"' => {
                    // `r"..."` or `r#"..."#`: count the hashes before the quote.
                    string = Some(if prev == 'r' || prev == '#' {
                        raw_hashes(text, here) + 1
                    } else {
                        0
                    });
                }
                '/' if comment.is_none() && matches!(chars.peek(), Some('/' | '*')) => {
                    comment = Some(here);
                }
                // A character literal such as `'('` holds no bracket.
                '\'' => {
                    for _ in 0..2 {
                        match chars.next() {
                            Some('\\') => {
                                chars.next();
                                col += 2;
                            }
                            Some('\'') | None => break,
                            Some(n) => advance(n, &mut line, &mut col),
                        }
                    }
                }
                '(' | '[' | '{' => open += 1,
                ')' | ']' | '}' => open = open.saturating_sub(1),
                _ => {}
            },
            Some(0) => match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        advance(n, &mut line, &mut col);
                    }
                }
                '"' => string = None,
                _ => {}
            },
            Some(n) => {
                if c == '"' {
                    let closing: String = chars.clone().take(n - 1).collect();
                    if closing.len() == n - 1 && closing.chars().all(|h| h == '#') {
                        for _ in 0..n - 1 {
                            chars.next();
                            col += 1;
                        }
                        string = None;
                    }
                }
            }
        }
        prev = c;
        advance(c, &mut line, &mut col);
    }
    Scan {
        comment,
        open,
        in_string: string.is_some(),
        end: (line, col),
    }
}

fn advance(c: char, line: &mut u32, col: &mut u32) {
    if c == '\n' {
        *line += 1;
        *col = 1;
    } else {
        *col += 1;
    }
}

/// How many `#` stand right before the quote at (`line`, `col`) after an `r`.
fn raw_hashes(text: &str, (line, col): (u32, u32)) -> usize {
    let Some(l) = text.lines().nth((line - 1) as usize) else {
        return 0;
    };
    let before: Vec<char> = l.chars().take((col - 1) as usize).collect();
    let hashes = before.iter().rev().take_while(|c| **c == '#').count();
    if before.len() > hashes && before[before.len() - hashes - 1] == 'r' {
        hashes
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<(Code, u32, u32)> {
        refuse("x.ron", text).map(|d| (d.code, d.line, d.col))
    }

    #[test]
    fn comments_outside_strings_are_found_where_they_are() {
        assert_eq!(at("(\n  a: 1, // note\n)"), Some((Code::Comment, 2, 9)));
        assert_eq!(at("(a: /* x */ 1)"), Some((Code::Comment, 1, 5)));
        assert_eq!(at("(a: \"http://x\", b: \"a\\\" // b\")"), None);
        assert_eq!(at("(a: r#\"x \" // y\"#, b: 1)"), None);
        assert_eq!(at("(a: r\"//\", b: 2) // c"), Some((Code::Comment, 1, 18)));
        assert_eq!(
            at("(t: \"مرحبا\", // تعليق\n)"),
            Some((Code::Comment, 1, 14))
        );
    }

    #[test]
    fn conflict_markers_are_found_on_their_line() {
        let text = "(\n<<<<<<< HEAD\n a: 1,\n=======\n a: 2,\n>>>>>>> theirs\n)";
        assert_eq!(at(text), Some((Code::ConflictMarkers, 2, 1)));
        assert_eq!(at("(a: \"=======\")"), None);
    }
}
