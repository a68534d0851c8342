//! What a change does beyond its fields, as a reviewer reads it: the problems it introduces
//! and fixes, and who made the commits of the range; as lines for a terminal and as
//! Markdown, in the language of the messages.

use super::authors::Author;
use super::lines::{Line, LineKind};
use super::problems::ProblemChanges;
use super::render::{code, esc, list, md};
use crate::check::Diagnostic;
use crate::i18n::Messages;
use crate::text::escape_controls;
use std::fmt::Write as _;

/// `E025 funding/grant.ron: budget lines draw ...`, escaped for a terminal.
fn problem(d: &Diagnostic, m: &Messages) -> String {
    let message = escape_controls(&d.message.show(m)).into_owned();
    format!("{} {}: {message}", d.code, esc(&d.path))
}

/// The problems section as lines: introduced first (what a reviewer must act on), then fixed.
pub(super) fn problem_lines(p: &ProblemChanges, m: &Messages) -> Vec<Line> {
    let mut out = Vec::new();
    let mut section = |key: &str, list: &[Diagnostic], kind: LineKind| {
        if list.is_empty() {
            return;
        }
        out.push(Line::new(LineKind::Heading, m.count(key, list.len())));
        for d in list {
            out.push(Line::new(kind, format!("  {}", problem(d, m))));
        }
    };
    section(
        "review-problems-introduced",
        &p.introduced,
        LineKind::Introduced,
    );
    section("review-problems-fixed", &p.fixed, LineKind::Fixed);
    out
}

/// The problems section as Markdown.
pub(super) fn problem_markdown(p: &ProblemChanges, m: &Messages) -> String {
    if p.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "\n### {}\n\n{}\n",
        m.get("review-md-problems"),
        m.get("review-md-problems-note")
    );
    for (key, list) in [
        ("review-md-introduced", &p.introduced),
        ("review-md-fixed", &p.fixed),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n**{}**\n", m.count(key, list.len()));
        for d in list {
            let message = md(&d.message.show(m));
            let _ = writeln!(
                s,
                "- {} {}: {message}",
                code(d.code.as_str()),
                code(&d.path)
            );
        }
    }
    s
}

/// `Amal Haddad <amal@...>: 2 commits (activities/egm.ron, plan.ron)`, each part written by
/// `show` (escaped for a terminal, or as Markdown).
fn author(a: &Author, m: &Messages, name: impl Fn(&str) -> String) -> String {
    let who = format!("{} <{}>", name(&a.name), name(&a.email));
    let files = list(a.touched.iter().map(|f| name(f)), m);
    let mut line = m.get_args(
        "review-author",
        &[
            ("who", who.into()),
            (
                "commits",
                m.count("review-author-commits", a.commits).into(),
            ),
            ("files", files.into()),
        ],
    );
    if let Some(s) = a.signatures {
        let args = [
            ("verified", s.verified.into()),
            ("checked", s.checked.into()),
        ];
        let _ = write!(line, "; {}", m.get_args("review-author-signatures", &args));
    }
    line
}

fn commits(authors: &[Author]) -> usize {
    authors.iter().map(|a| a.commits).sum()
}

/// The authors section as lines.
pub(super) fn author_lines(authors: &[Author], m: &Messages) -> Vec<Line> {
    if authors.is_empty() {
        return Vec::new();
    }
    let head = m.count("review-authors", commits(authors));
    let mut out = vec![Line::new(LineKind::Heading, head)];
    let shown = |s: &str| esc(&s);
    for a in authors {
        out.push(Line::new(
            LineKind::Detail,
            format!("  {}", author(a, m, shown)),
        ));
    }
    out
}

/// The authors section as Markdown.
pub(super) fn author_markdown(authors: &[Author], m: &Messages) -> String {
    if authors.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "\n### {}\n\n",
        m.count("review-md-authors", commits(authors))
    );
    for a in authors {
        let _ = writeln!(s, "- {}", author(a, m, md));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::authors::Signatures;
    use crate::model::Lang;

    fn amal() -> Author {
        Author {
            name: "Amal Haddad".into(),
            email: "amal@partners.invalid".into(),
            commits: 2,
            touched: vec!["activities/egm.ron".into(), "plan.ron".into()],
            signatures: None,
        }
    }

    #[test]
    fn authors_in_both_languages_and_signatures_only_once_checked() {
        let en = Messages::new(Lang::En);
        let lines = author_lines(&[amal()], &en);
        let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "authors (2 commits)",
                "  Amal Haddad <amal@partners.invalid>: 2 commits (activities/egm.ron, plan.ron)"
            ]
        );
        let signed = Author {
            signatures: Some(Signatures {
                verified: 1,
                checked: 2,
            }),
            ..amal()
        };
        let md = author_markdown(&[signed], &en);
        assert!(
            md.ends_with("(activities/egm.ron, plan.ron); signatures: 1 of 2 verified\n"),
            "{md}"
        );
        let ar = author_lines(&[amal()], &Messages::new(Lang::Ar));
        assert_eq!(ar[0].text, "المؤلفون (إيداعان)");
        assert_eq!(
            ar[1].text,
            "  Amal Haddad <amal@partners.invalid>: إيداعان (activities/egm.ron، plan.ron)"
        );
    }
}
