//! A round's results as text with bar charts, Markdown, CSV and JSON.
//!
//! Text and Markdown are for people and carry plan text from other organisations, so control
//! characters are escaped; CSV and JSON are data and keep every character as it is.

use super::results::{QuestionResult, RoundResults, Row, Tally};
use crate::i18n::Messages;
use crate::model::{Lang, Text};
use crate::text::{escape_controls, str_width, truncate};
use std::fmt::Write as _;

/// The widest bar, in cells.
const BAR: usize = 24;
/// The widest label column, in cells.
const LABEL: usize = 40;

fn show(t: &Text, lang: Lang) -> String {
    escape_controls(t.show(lang)).into_owned()
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// `n` of `max` as a bar of full blocks, at least one block for a non-zero count.
fn bar(n: usize, max: usize) -> String {
    if max == 0 || n == 0 {
        return String::new();
    }
    let cells = (n * BAR).div_ceil(max).clamp(1, BAR);
    "█".repeat(cells)
}

fn pad(s: &str, width: usize) -> String {
    let s = truncate(s, width);
    let fill = width.saturating_sub(str_width(&s));
    format!("{s}{}", " ".repeat(fill))
}

fn kind_name(t: &Tally) -> &'static str {
    match t {
        Tally::SingleChoice { .. } => "question-kind-singlechoice",
        Tally::MultipleChoice { .. } => "question-kind-multiplechoice",
        Tally::Rating { .. } => "question-kind-rating",
        Tally::Ranking { .. } => "question-kind-ranking",
        Tally::PlanItems { .. } => "question-kind-planitems",
        Tally::FreeText { .. } => "question-kind-freetext",
    }
}

/// The kind as the CSV's `kind` column names it: data, the same in every language.
fn kind_in_csv(t: &Tally) -> &'static str {
    match t {
        Tally::SingleChoice { .. } => "single choice",
        Tally::MultipleChoice { .. } => "multiple choice",
        Tally::Rating { .. } => "rating 1-5",
        Tally::Ranking { .. } => "ranking",
        Tally::PlanItems { .. } => "plan items",
        Tally::FreeText { .. } => "free text",
    }
}

/// "activities, single choice, 12 answered": what a question is about, in `m`'s language.
pub(crate) fn about(q: &QuestionResult, m: &Messages) -> String {
    let aspect = format!("aspect-{}", format!("{:?}", q.aspect).to_lowercase());
    m.get_args(
        "results-about",
        &[
            ("aspect", m.get(&aspect).into_owned().into()),
            ("kind", m.get(kind_name(&q.tally)).into_owned().into()),
            ("answered", q.answered.into()),
        ],
    )
}

/// Who was counted: "12 respondents" or "5 of 12 respondents (countries: EG, MA)".
pub(crate) fn who(r: &RoundResults, m: &Messages) -> String {
    let mut parts = Vec::new();
    if !r.filter.countries.is_empty() {
        let c: Vec<&str> = r.filter.countries.iter().map(|c| c.as_str()).collect();
        parts.push(m.get_args("results-countries", &[("list", c.join(", ").into())]));
    }
    if !r.filter.organisation_types.is_empty() {
        let k: Vec<String> = r
            .filter
            .organisation_types
            .iter()
            .map(|k| format!("{k:?}"))
            .collect();
        parts.push(m.get_args("results-types", &[("list", k.join(", ").into())]));
    }
    let s = if parts.is_empty() {
        m.count("results-respondents", r.respondents)
    } else {
        m.get_args(
            "results-respondents-of",
            &[
                ("count", r.respondents.into()),
                ("total", r.total.into()),
                ("filters", parts.join(&m.get("list-separator")).into()),
            ],
        )
    };
    if r.anonymised {
        return m.get_args("results-anonymised", &[("who", s.into())]);
    }
    s
}

/// "  9 points, 2 first", the count right-aligned in three cells as the other columns are.
fn points(row_points: usize, first: usize, m: &Messages) -> String {
    let text = m.get_args(
        "tui-results-points",
        &[("points", row_points.into()), ("first", first.into())],
    );
    let digits = row_points.to_string().len();
    format!("{}{text}", " ".repeat(3usize.saturating_sub(digits)))
}

/// Plain text with bar charts, in the language of `m` (plan text in it too where written).
pub fn text(r: &RoundResults, m: &Messages) -> String {
    let lang = m.lang();
    let mut s = format!("{} ({})\n{}\n", show(&r.title, lang), r.round, who(r, m));
    for q in &r.questions {
        let _ = write!(
            s,
            "\n{} [{}]\n  {}\n",
            q.id,
            about(q, m),
            show(&q.text, lang)
        );
        match &q.tally {
            Tally::SingleChoice { rows }
            | Tally::MultipleChoice { rows }
            | Tally::PlanItems { rows, .. } => text_rows(&mut s, rows, lang),
            Tally::Rating { distribution, mean } => {
                let max = distribution.iter().copied().max().unwrap_or(0);
                for (i, n) in distribution.iter().enumerate() {
                    let _ = writeln!(s, "  {}  {:<BAR$} {n:>3}", i + 1, bar(*n, max));
                }
                let mean = mean.map_or("-".to_owned(), |x| format!("{x:.2}"));
                let line = m.get_args("tui-results-mean", &[("mean", mean.into())]);
                let _ = writeln!(s, "  {line}");
            }
            Tally::Ranking { rows } => {
                let borda = m.get_args(
                    "tui-results-borda",
                    &[
                        ("count", rows.len().into()),
                        ("points", rows.len().saturating_sub(1).into()),
                    ],
                );
                let _ = writeln!(s, "  {borda}");
                let max = rows.iter().map(|r| r.points).max().unwrap_or(0);
                let width = label_width(rows.iter().map(|r| show(&r.label, lang)));
                for row in rows {
                    let _ = writeln!(
                        s,
                        "  {:>2}. {}  {:<BAR$} {}",
                        row.rank,
                        pad(&show(&row.label, lang), width),
                        bar(row.points, max),
                        points(row.points, row.first, m)
                    );
                }
            }
            Tally::FreeText { answers } => {
                for a in answers {
                    let mut by: Vec<String> = Vec::new();
                    by.extend(a.participant.as_ref().map(|p| p.to_string()));
                    by.extend(a.name.as_deref().map(|n| escape_controls(n).into_owned()));
                    by.extend(
                        a.organisation
                            .as_deref()
                            .map(|o| escape_controls(o).into_owned()),
                    );
                    by.push(a.country.to_string());
                    let _ = writeln!(s, "  - {} ({})", escape_controls(&a.text), by.join(", "));
                }
            }
        }
    }
    s
}

fn label_width(labels: impl Iterator<Item = String>) -> usize {
    labels.map(|l| str_width(&l)).max().unwrap_or(0).min(LABEL)
}

fn text_rows(s: &mut String, rows: &[Row], lang: Lang) {
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0);
    let width = label_width(rows.iter().map(|r| show(&r.label, lang)));
    for row in rows {
        let _ = writeln!(
            s,
            "  {}  {:<BAR$} {:>3}  {:>6}",
            pad(&show(&row.label, lang), width),
            bar(row.count, max),
            row.count,
            percent(row.share)
        );
    }
}

/// A Markdown table cell: pipes escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    escape_controls(&s.replace('|', "\\|").replace(['\n', '\r'], " ")).into_owned()
}

/// Markdown, one section and table per question, in the language of `m`.
pub fn markdown(r: &RoundResults, m: &Messages) -> String {
    let lang = m.lang();
    let mut s = format!(
        "# {} (`{}`)\n\n{}.\n",
        cell(r.title.show(lang)),
        r.round,
        who(r, m)
    );
    let head = |keys: &[&str]| -> String {
        let names: Vec<String> = keys
            .iter()
            .map(|k| {
                if k.is_empty() {
                    String::new()
                } else {
                    cell(&m.get(k))
                }
            })
            .collect();
        format!("| {} |", names.join(" | ")).replace("|  |", "| |")
    };
    for q in &r.questions {
        let _ = write!(
            s,
            "\n## {}. {}\n\n*{}*\n\n",
            q.id,
            cell(q.text.show(lang)),
            about(q, m)
        );
        match &q.tally {
            Tally::SingleChoice { rows }
            | Tally::MultipleChoice { rows }
            | Tally::PlanItems { rows, .. } => {
                let _ = writeln!(
                    s,
                    "{}\n|---|---:|---:|",
                    head(&["", "results-count", "results-share"])
                );
                for row in rows {
                    let label = cell(row.label.show(lang));
                    let _ = writeln!(s, "| {label} | {} | {} |", row.count, percent(row.share));
                }
            }
            Tally::Rating { distribution, mean } => {
                let _ = writeln!(
                    s,
                    "{}\n|---:|---:|",
                    head(&["results-rating", "results-count"])
                );
                for (i, n) in distribution.iter().enumerate() {
                    let _ = writeln!(s, "| {} | {n} |", i + 1);
                }
                let mean = mean.map_or("-".to_owned(), |x| format!("{x:.2}"));
                let line = m.get_args("results-md-mean", &[("mean", mean.into())]);
                let _ = writeln!(s, "\n{line}");
            }
            Tally::Ranking { rows } => {
                let keys = ["results-rank", "", "results-points", "results-first"];
                let _ = writeln!(s, "{}\n|---:|---|---:|---:|", head(&keys));
                for row in rows {
                    let label = cell(row.label.show(lang));
                    let _ = writeln!(
                        s,
                        "| {} | {label} | {} | {} |",
                        row.rank, row.points, row.first
                    );
                }
            }
            Tally::FreeText { answers } => {
                for a in answers {
                    let mut by: Vec<String> = Vec::new();
                    by.extend(a.participant.as_ref().map(|p| p.to_string()));
                    by.extend(a.name.as_deref().map(cell));
                    by.extend(a.organisation.as_deref().map(cell));
                    by.push(a.country.to_string());
                    let _ = writeln!(s, "- {} ({})", cell(&a.text), by.join(", "));
                }
            }
        }
    }
    s
}

/// The columns of the CSV form.
pub(crate) const CSV_COLUMNS: [&str; 12] = [
    "question",
    "aspect",
    "kind",
    "answered",
    "row",
    "label",
    "count",
    "share",
    "points",
    "rank",
    "first_places",
    "text",
];

/// CSV, one line per option, rating, item or free-text answer (see `CSV_COLUMNS`): `row`
/// is the option or item id, the rating, or the participant; `label` the option's label,
/// or the organisation of a free-text answer.
pub fn csv(r: &RoundResults, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    // (The header is khutta's own words.)
    for q in &r.questions {
        let head = [
            q.id.to_string(),
            format!("{:?}", q.aspect).to_lowercase(),
            kind_in_csv(&q.tally).to_owned(),
            q.answered.to_string(),
        ];
        let mut line = |row: String, label: &str, rest: [String; 6]| {
            let mut rec: Vec<String> = head.to_vec();
            rec.push(row);
            rec.push(label.to_owned());
            rec.extend(rest);
            // Every cell comes from a partner's file or a participant's words.
            let safe: Vec<String> = rec
                .iter()
                .map(|c| crate::text::csv_cell(c).into_owned())
                .collect();
            w.write_record(&safe)
        };
        let e = String::new;
        match &q.tally {
            Tally::SingleChoice { rows }
            | Tally::MultipleChoice { rows }
            | Tally::PlanItems { rows, .. } => {
                for row in rows {
                    let rest = [
                        row.count.to_string(),
                        format!("{:.3}", row.share),
                        e(),
                        e(),
                        e(),
                        e(),
                    ];
                    line(row.id.to_string(), row.label.show(lang), rest)?;
                }
            }
            Tally::Rating { distribution, mean } => {
                for (i, n) in distribution.iter().enumerate() {
                    let share = if q.answered == 0 {
                        0.0
                    } else {
                        *n as f64 / q.answered as f64
                    };
                    let rest = [n.to_string(), format!("{share:.3}"), e(), e(), e(), e()];
                    line((i + 1).to_string(), "", rest)?;
                }
                let m = mean.map_or(String::new(), |m| format!("{m:.2}"));
                line("mean".into(), "", [e(), e(), e(), e(), e(), m])?;
            }
            Tally::Ranking { rows } => {
                for row in rows {
                    let rest = [
                        e(),
                        e(),
                        row.points.to_string(),
                        row.rank.to_string(),
                        row.first.to_string(),
                        e(),
                    ];
                    line(row.id.to_string(), row.label.show(lang), rest)?;
                }
            }
            Tally::FreeText { answers } => {
                for (i, a) in answers.iter().enumerate() {
                    let who = a
                        .participant
                        .as_ref()
                        .map_or((i + 1).to_string(), |p| p.to_string());
                    let org = a.organisation.as_deref().unwrap_or("");
                    line(who, org, [e(), e(), e(), e(), e(), a.text.clone()])?;
                }
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// JSON: the results as they are computed.
pub fn json(r: &RoundResults) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(r).map(|mut s| {
        s.push('\n');
        s
    })
}
