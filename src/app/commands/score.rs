//! `centricity score`: every input scored and rendered; invalid inputs reported and skipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::{CsvLayout, Response};
use crate::app::failure::{Exit, Failure, errors_reported, print_diagnostics};
use crate::app::inputs::expand;
use crate::app::language;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::{CsvOptions, RowWork, for_each_prepared, is_csv};
use crate::app::sink::Sink;
use crate::cli::ScoreArgs;
use crate::comparison::Snapshot;
use crate::diagnostic::Diagnostic;
use crate::plan::Point;
use crate::questionnaire::Questionnaire;
use crate::report::{self, Format, Scored};
use crate::scoring::{ScoreOptions, assess};

/// A rendered respondent: its bytes (or why they could not be rendered), its source and its
/// warnings.
type Prepared = (std::io::Result<Vec<u8>>, String, Vec<Diagnostic>);

thread_local! {
    /// Per-thread figures of the batch CSV path.
    static BATCH: std::cell::RefCell<crate::scoring::Figures> =
        std::cell::RefCell::default();
}

pub(crate) fn run(args: &ScoreArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    let plan = args
        .plan
        .as_deref()
        .map(crate::app::plan_file::read)
        .transpose()?;
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    if let Some(q) = questionnaires.forced() {
        language::requested(args.common.lang.as_deref(), q)?;
    }
    let (inputs, problems) = expand(&args.inputs);
    print_diagnostics(&problems);
    if inputs.is_empty() {
        return Err(Failure::invalid("nothing to score")
            .hint("name answer files, folders of them, or -")
            .into());
    }

    if format == Format::Html && (inputs.len() > 1 || inputs.iter().any(is_csv)) {
        return Err(Failure::usage("an HTML report shows one respondent; several were given")
            .hint("score one answer file with --format html, or use `centricity summarize --format html` for the group")
            .into());
    }
    // A bad CSV row fails the whole run: hold standard output back until the end so that
    // nothing partial is printed (a file output is atomic anyway).
    let whole = !args.csv.skip_invalid && inputs.iter().any(is_csv);
    let mut read: Vec<&Path> = args.inputs.iter().map(PathBuf::as_path).collect();
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    read.extend(args.plan.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, whole, &read)?;
    let options = ScoreOptions {
        max_recommendations: args.top,
    };
    let mut csv = CsvOptions::from_args(&args.csv)?;
    // A results CSV keeps the metadata columns of the first input (an export's own columns
    // beyond role, team, date and language); later exports fill those they share.
    let csv_metadata = (format == Format::Csv)
        .then(|| std::sync::Arc::new(std::sync::OnceLock::<Vec<String>>::new()));
    csv.output_metadata.clone_from(&csv_metadata);
    let mut scored = 0usize;
    let lang_flag = args.common.lang.as_deref();
    let width = sink.width();
    let identity = crate::app::report_identity::identity(&args.out);
    // The plan's ids are checked against the first result only: a batch warns once.
    let plan_checked = std::sync::Once::new();
    // Scoring and rendering run on every core; rows are written in input order.
    let prepare = |q: &Questionnaire, response: Response, warnings: &[Diagnostic], source: &str| {
        let lang = language::language(lang_flag, response.meta.language.as_deref(), q);
        let assessment = assess(q, &response, options);
        let status = plan.as_ref().map(|plan| {
            let snapshot = Snapshot::from_assessment(q, &assessment, source, lang);
            plan_checked.call_once(|| print_diagnostics(&plan.check_ids(&snapshot)));
            let point = Point {
                label: source,
                date: response.meta.date.as_deref(),
                snapshot: &snapshot,
            };
            crate::plan::status(&plan.plan, &[point], &identity.date)
        });
        let view = Scored {
            questionnaire: q,
            response: &response,
            assessment: &assessment,
            source,
            warnings,
            lang,
            plan: status.as_ref(),
        };
        let shown = format == Format::Table;
        (
            report::render_one(
                format,
                width,
                &view,
                // Answer files carry no extra metadata: when one comes first, the CSV has none.
                csv_metadata
                    .as_ref()
                    .map_or(&[][..], |m| m.get_or_init(Vec::new)),
                &identity,
            ),
            source.to_owned(),
            if shown { Vec::new() } else { warnings.to_vec() },
        )
    };
    // For CSV output of CSV exports, rows go straight from the record to the line, with the
    // same figures and the same layout but none of a full assessment's allocations.
    // A piece's rows are gathered into one result.
    let fast = |layout: &CsvLayout,
                q: &Questionnaire,
                record: &csv::StringRecord,
                row: u64,
                line: u64,
                out: &mut Vec<Prepared>| {
        BATCH.with(|cell| {
            let figures = &mut *cell.borrow_mut();
            figures.dont_know =
                layout.item_scores_into(q, record, row, line, &mut figures.items)?;
            figures.compute_from_items(q);
            let meta = layout.known_meta(record);
            let lang = language::language(lang_flag, (!meta[3].is_empty()).then_some(meta[3]), q);
            if out.is_empty() {
                out.push((Ok(Vec::with_capacity(1 << 21)), String::new(), Vec::new()));
            }
            if let Some((Ok(bytes), _, _)) = out.last_mut() {
                report::csv_row(
                    bytes,
                    q,
                    lang,
                    (&layout.respondent(record, row), layout.file()),
                    (meta, layout.is_finished(record)),
                    &mut layout.output_metadata(record),
                    figures,
                );
            }
            Ok(())
        })
    };
    let rows: Option<&RowWork<'_, Prepared>> = (format == Format::Csv).then_some(&fast);
    let mut header_for: Option<String> = None;
    let mut languages_checked = std::collections::HashSet::new();
    for_each_prepared(
        &inputs,
        &mut questionnaires,
        &csv,
        &prepare,
        rows,
        &mut |q, (bytes, source, warnings)| {
            // A --lang the questionnaire lacks ends the run before its first result is written.
            if !languages_checked.contains(&q.id) {
                language::requested(lang_flag, q)?;
                languages_checked.insert(q.id.clone());
            }
            print_diagnostics(&warnings);
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    print_diagnostics(&[Diagnostic::error(&source, e.to_string())]);
                    return Ok(());
                }
            };
            match (&header_for, format) {
                (None, Format::Csv) => sink.write_all(&report::csv_header(
                    q,
                    csv_metadata
                        .as_ref()
                        .and_then(|m| m.get())
                        .map_or(&[][..], Vec::as_slice),
                ))?,
                (Some(id), Format::Csv) if *id != q.id => {
                    print_diagnostics(&[Diagnostic::error(
                        &source,
                        format!(
                            "answers to questionnaire `{}` cannot share a CSV with answers to `{id}`; score them separately",
                            q.id
                        ),
                    )]);
                    return Ok(());
                }
                (None, Format::Json) => sink.write_all(report::results_open())?,
                (Some(_), Format::Json) => sink.write_all(report::RESULTS_SEPARATOR)?,
                (Some(_), Format::Markdown) => sink.write_all(b"\n---\n\n")?,
                (Some(_), Format::Table) => {
                    sink.write_all(report::table_separator(width).as_bytes())?
                }
                _ => {}
            }
            header_for.get_or_insert_with(|| q.id.clone());
            sink.write_all(&bytes)?;
            scored += 1;
            Ok(())
        },
    )?;
    if scored == 0 && errors_reported() == 0 {
        // Every input was skipped (questionnaires in a folder): say so rather than print nothing.
        return Err(
            Failure::invalid("nothing to score: no answer files among the inputs")
                .hint("name answer files, folders of them, CSV exports, or -")
                .into(),
        );
    }
    if format == Format::Json {
        // One document, whatever the number of results: with none, an empty `results`.
        if header_for.is_none() {
            sink.write_all(report::results_open())?;
        }
        sink.write_all(report::results_close(header_for.is_some()))?;
    }

    sink.flush()?;
    if scored > 0 || args.out.output.is_none() {
        sink.finish()?;
    }
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
