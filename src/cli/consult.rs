//! `khutta consult`: a consultation round's results, and answers imported from CSV.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::consult::{Filter, ResultsOptions, csv_header, parse_csv, render, results};
use khutta::model::{Consultation, CountryCode, Id, OrganisationType, Plan};
use khutta::store::LoadedPlan;
use khutta::text::escape_controls;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `khutta consult`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// A round's results: counts and shares, rating means, Borda counts, free-text answers.
    Results(ResultsArgs),
    /// Import answers collected elsewhere from CSV (run `consult template ROUND` for the header).
    Import(ImportArgs),
    /// Print the CSV header row that `consult import` reads for a round.
    Template(TemplateArgs),
}

#[derive(Debug, clap::Args)]
struct ResultsArgs {
    /// The round's id (its folder under consultations/).
    round: String,
    /// The plan folder (default: the current folder, or the bundled plan).
    #[arg(long, short)]
    plan: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Leave out names, participant ids and free-text organisation names.
    #[arg(long, alias = "anonymize")]
    anonymise: bool,
    /// Count only participants from this country (ISO code; repeat for several).
    #[arg(long, value_name = "CODE")]
    country: Vec<String>,
    /// Count only this organisation type (IATI name such as LocalGovernment; repeat for several).
    #[arg(long = "org-type", value_name = "TYPE")]
    org_type: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Md,
    Csv,
    Json,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The round's id.
    round: String,
    /// The CSV file.
    file: PathBuf,
    /// The plan folder (default: the current folder, or the bundled plan).
    #[arg(long, short)]
    plan: Option<PathBuf>,
    /// Overwrite the response of a participant who already answered.
    #[arg(long)]
    replace: bool,
    /// Check the file and report, but write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, clap::Args)]
struct TemplateArgs {
    /// The round's id.
    round: String,
    /// The plan folder (default: the current folder, or the bundled plan).
    #[arg(long, short)]
    plan: Option<PathBuf>,
}

/// Runs `khutta consult ...`.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    match args.action {
        Action::Results(a) => run_results(a, ui),
        Action::Import(a) => run_import(a),
        Action::Template(a) => {
            let loaded = khutta::store::load(&resolve_plan(a.plan.as_deref())?)?;
            let c = round(&loaded.plan, &a.round)?;
            writeln!(std::io::stdout().lock(), "{}", csv_header(c))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The consultation `id`, or an error that lists the rounds there are.
fn round<'p>(plan: &'p Plan, id: &str) -> Result<&'p Consultation, CommandError> {
    plan.consultations.get(id).ok_or_else(|| {
        let ids: Vec<&str> = plan.consultations.keys().map(Id::as_str).collect();
        CommandError::User {
            message: format!("there is no consultation round `{}`", escape_controls(id)).into(),
            hint: Some(if ids.is_empty() {
                "this plan has no rounds yet (consultations/<round>/round.ron)".into()
            } else {
                format!("rounds: {}", ids.join(", ")).into()
            }),
        }
    })
}

fn filter(args: &ResultsArgs) -> Result<Filter, CommandError> {
    let usage = |message: String, hint: &str| CommandError::Usage {
        message: message.into(),
        hint: Some(hint.into()),
    };
    let countries = args
        .country
        .iter()
        .map(|c| {
            CountryCode::parse(&c.to_uppercase()).map_err(|e| usage(e, "for example --country EG"))
        })
        .collect::<Result<_, _>>()?;
    let organisation_types = args
        .org_type
        .iter()
        .map(|t| {
            OrganisationType::ALL
                .into_iter()
                .find(|k| format!("{k:?}").eq_ignore_ascii_case(t))
                .ok_or_else(|| {
                    let all: Vec<String> = OrganisationType::ALL
                        .iter()
                        .map(|k| format!("{k:?}"))
                        .collect();
                    usage(
                        format!("{t:?} is not an organisation type"),
                        &format!("one of: {}", all.join(", ")),
                    )
                })
        })
        .collect::<Result<_, _>>()?;
    Ok(Filter {
        countries,
        organisation_types,
    })
}

fn run_results(args: ResultsArgs, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let (loaded, diagnostics) = khutta::workspace::check_folder(&root)?;
    let c = round(&loaded.plan, &args.round)?;
    let options = ResultsOptions {
        filter: filter(&args)?,
        anonymise: args.anonymise,
        lang: ui.messages.lang(),
    };
    let r = results(&loaded.plan, c, &options);
    let lang = options.lang;
    let text = match args.format {
        Format::Text => render::text(&r, lang),
        Format::Md => render::markdown(&r, lang),
        Format::Csv => {
            render::csv(&r, lang).map_err(|e| CommandError::Internal(e.to_string().into()))?
        }
        Format::Json => {
            render::json(&r).map_err(|e| CommandError::Internal(e.to_string().into()))?
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    // Results skip what check reports; say so, rather than let the numbers look complete.
    let folder = format!("consultations/{}/", args.round);
    let problems = diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path.starts_with(&folder))
        .count();
    if problems > 0 {
        eprintln!(
            "warning: {problems} error(s) in this round's files; answers they concern are not counted (see `khutta check`)"
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_import(args: ImportArgs) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(args.plan.as_deref())?;
    let mut loaded: LoadedPlan = khutta::store::load(&root)?;
    let c = round(&loaded.plan, &args.round)?;
    let text = std::fs::read(&args.file).map_err(|e| CommandError::User {
        message: format!(
            "cannot read {}: {e}",
            escape_controls(&args.file.display().to_string())
        )
        .into(),
        hint: None,
    })?;
    let text = String::from_utf8(text).map_err(|_| CommandError::User {
        message: format!(
            "{} is not UTF-8",
            escape_controls(&args.file.display().to_string())
        )
        .into(),
        hint: Some("export the CSV as UTF-8 (spreadsheets offer \"CSV UTF-8\")".into()),
    })?;
    let outcome =
        parse_csv(&loaded.plan, c, &text, args.replace).map_err(|e| CommandError::User {
            message: escape_controls(&e.to_string()).into_owned().into(),
            hint: Some(
                format!(
                    "the header row is `{}` (see `khutta consult template {}`)",
                    csv_header(c),
                    args.round
                )
                .into(),
            ),
        })?;
    let round_id = c.round.id.clone();
    let mut out = std::io::stdout().lock();
    let file = escape_controls(&args.file.display().to_string()).into_owned();
    for e in &outcome.errors {
        writeln!(out, "{file}: row {}: {}", e.row, escape_controls(&e.reason))?;
    }
    let mut written = 0;
    if !args.dry_run {
        for (_, r) in &outcome.responses {
            // Each response is its own file, written atomically: a failure part-way keeps
            // every response written before it.
            loaded.save_response(&round_id, r)?;
            written += 1;
        }
    }
    let verb = if args.dry_run {
        "would import"
    } else {
        "imported"
    };
    let count = if args.dry_run {
        outcome.responses.len()
    } else {
        written
    };
    writeln!(
        out,
        "{verb} {count} response(s) into {}, {} row(s) refused",
        escape_controls(
            &root
                .join("consultations")
                .join(round_id.as_str())
                .join("responses")
                .display()
                .to_string()
        ),
        outcome.errors.len()
    )?;
    Ok(ExitCode::from(u8::from(!outcome.errors.is_empty())))
}
