//! `khutta consult`: a consultation round's results, and answers imported from CSV.

use super::ui::Ui;
use super::{CommandError, resolve_plan};
use khutta::consult::{Filter, ResultsOptions, csv_header, parse_csv, render, results};
use khutta::i18n::Said;
use khutta::model::{Consultation, CountryCode, Id, OrganisationType, Plan};
use khutta::said;
use khutta::store::LoadedPlan;
use std::io::{IsTerminal, Write};
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
}

/// Runs `khutta consult ...`.
pub fn run(args: Args, ui: &Ui) -> Result<ExitCode, CommandError> {
    match args.action {
        Action::Results(a) => run_results(a, ui),
        Action::Import(a) => run_import(a, ui),
        Action::Template(a) => {
            let root = resolve_plan(None)?;
            let loaded =
                khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
            let c = round(&loaded.plan, &a.round)?;
            // Ids come from a partner's file: shown, never sent raw.
            let header = khutta::text::escape_controls(&csv_header(c)).into_owned();
            writeln!(std::io::stdout().lock(), "{header}")?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The consultation `id`, or an error that lists the rounds there are.
fn round<'p>(plan: &'p Plan, id: &str) -> Result<&'p Consultation, CommandError> {
    plan.consultations.get(id).ok_or_else(|| {
        let ids: Vec<&str> = plan.consultations.keys().map(Id::as_str).collect();
        CommandError::User {
            message: said!("edit-no-round", round = id),
            hint: Some(if ids.is_empty() {
                said!("consult-no-rounds-hint")
            } else {
                said!("consult-rounds-hint", rounds = &ids.join(", "))
            }),
        }
    })
}

fn filter(args: &ResultsArgs) -> Result<Filter, CommandError> {
    let usage = |message: Said, hint: Said| CommandError::Usage {
        message,
        hint: Some(hint),
    };
    let countries = args
        .country
        .iter()
        .map(|c| {
            CountryCode::parse(&c.to_uppercase())
                .map_err(|e| usage(e, said!("consult-country-hint")))
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
                        said!("consult-not-org-type", text = &format!("{t:?}")),
                        said!("consult-one-of-hint", allowed = &all.join(", ")),
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
    let root = resolve_plan(None)?;
    let (loaded, diagnostics) =
        khutta::workspace::check_folder(&root, ui.folders.parse_cache().as_deref())?;
    let c = round(&loaded.plan, &args.round)?;
    let options = ResultsOptions {
        filter: filter(&args)?,
        anonymise: args.anonymise,
        lang: ui.messages.lang(),
    };
    let r = results(&loaded.plan, c, &options);
    let lang = options.lang;
    // Text for people goes out line by line through the one escaping door: question ids,
    // option ids and participant ids come from partners' files as much as their words do.
    let for_people = |s: String| -> String {
        s.lines()
            .map(|l| khutta::text::escape_controls(l).into_owned() + "\n")
            .collect()
    };
    let text = match args.format {
        Format::Text => for_people(render::text(&r, &ui.messages)),
        Format::Md => for_people(render::markdown(&r, &ui.messages)),
        Format::Csv => render::csv(&r, lang).map_err(|e| {
            CommandError::Internal(khutta::said!("output-internal", reason = &e.to_string()))
        })?,
        Format::Json => render::json(&r).map_err(|e| {
            CommandError::Internal(khutta::said!("output-internal", reason = &e.to_string()))
        })?,
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    // Results skip what check reports; say so, rather than let the numbers look complete.
    let folder = format!("consultations/{}/", args.round);
    let problems = diagnostics
        .iter()
        .filter(|d| d.is_error() && d.path.starts_with(&folder))
        .count();
    if problems > 0 {
        let m = &ui.messages;
        let line = m.count("consult-results-incomplete", problems);
        let terminal = std::io::stderr().is_terminal();
        eprintln!("{}", ui.plan_line(&line, m.lang(), terminal));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_import(args: ImportArgs, ui: &Ui) -> Result<ExitCode, CommandError> {
    let root = resolve_plan(None)?;
    let mut loaded: LoadedPlan =
        khutta::store::load_with_cache(&root, ui.folders.parse_cache().as_deref())?;
    let c = round(&loaded.plan, &args.round)?;
    let text =
        khutta::store::read_named(&args.file, khutta::store::MAX_STATE_BYTES).map_err(|e| {
            CommandError::User {
                message: said!("store-io", path = &args.file.display(), detail = &e),
                hint: None,
            }
        })?;
    let text = String::from_utf8(text).map_err(|_| CommandError::User {
        message: said!("consult-csv-not-utf8", path = &args.file.display()),
        hint: Some(said!("consult-csv-not-utf8-hint")),
    })?;
    let outcome =
        parse_csv(&loaded.plan, c, &text, args.replace).map_err(|e| CommandError::User {
            message: e.said(),
            hint: Some(said!(
                "consult-header-hint",
                header = &csv_header(c),
                round = &args.round
            )),
        })?;
    let round_id = c.round.id.clone();
    let mut out = std::io::stdout().lock();
    let (m, terminal) = (&ui.messages, std::io::stdout().is_terminal());
    let file = args.file.display().to_string();
    for e in &outcome.errors {
        let line = m.get_args(
            "consult-import-row",
            &[
                ("file", file.as_str().into()),
                ("row", e.row.to_string().into()),
                ("reason", e.reason.show(m).into()),
            ],
        );
        writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    }
    let mut written = 0;
    if !args.dry_run {
        let files: Vec<String> = outcome
            .responses
            .iter()
            .map(|(_, r)| khutta::model::response_path(&round_id, &r.participant))
            .collect();
        let kind = khutta::repo::oplog::OpKind::Import {
            round: round_id.to_string(),
        };
        if let Some(why) =
            khutta::repo::oplog::record(&root, ui.folders.state.as_deref(), kind, &files)
        {
            eprintln!(
                "{}",
                m.get_args("op-not-recorded", &[("error", why.show(m).into())])
            );
        }
        for (_, r) in &outcome.responses {
            // Each response is its own file, written atomically: a failure part-way keeps
            // every response written before it.
            loaded.save_response(&round_id, r)?;
            written += 1;
        }
    }
    let folder = root
        .join("consultations")
        .join(round_id.as_str())
        .join("responses")
        .display()
        .to_string();
    let (key, count) = if args.dry_run {
        ("consult-would-import", outcome.responses.len())
    } else {
        ("consult-imported", written)
    };
    let line = m.get_args(
        key,
        &[
            ("count", count.into()),
            ("responses", m.count("consult-responses", count).into()),
            ("folder", folder.into()),
            (
                "refused",
                m.count("consult-rows-refused", outcome.errors.len()).into(),
            ),
        ],
    );
    writeln!(out, "{}", ui.plan_line(&line, m.lang(), terminal))?;
    Ok(ExitCode::from(u8::from(!outcome.errors.is_empty())))
}
