//! `centricity compare`: what moved between two results (answer files, folders as groups, or
//! saved JSON results).

use std::path::Path;

use serde_json::Value;

use crate::answers::response_from_result;
use crate::app::failure::{Exit, Failure, print_diagnostics};
use crate::app::groups::{Groups, read_group};
use crate::app::inputs::{Input, read_text};
use crate::app::language;
use crate::app::questionnaire_cache::{Questionnaires, load_response};
use crate::app::records::CsvOptions;
use crate::app::sink::Sink;
use crate::cli::CompareArgs;
use crate::comparison::{Snapshot, compare};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::report::{self, GROUP_SCHEMA, RESULT_SCHEMA, RESULTS_SCHEMA};
use crate::scoring::{ScoreOptions, assess};

/// One side: its snapshot, and the language its texts were put in when a questionnaire decided
/// it (a single saved result carries its texts as they were saved).
type Side = (Snapshot, Option<String>);

fn snapshot(
    path: &Path,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    lang: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Side> {
    let label = path.display().to_string();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let is_json = extension.as_deref() == Some("json");
    let is_lines = matches!(extension.as_deref(), Some("jsonl" | "ndjson"));
    // A saved result names its schema; any other JSON is survey-tool results (SurveyJS). Read
    // once: the path may be a pipe.
    let json_text = (is_json || is_lines).then(|| read_text(path));
    let saved_result = is_lines
        || json_text.as_ref().is_some_and(|t| {
            t.as_ref().map_or(true, |t| {
                t.trim_start().starts_with('{')
                    && t.contains("\"schema\"")
                    && t.contains("centricity.")
            })
        });
    if saved_result && let Some(text) = json_text {
        let text = text.map_err(|d| Diagnostics(vec![d]))?;
        let saved = read_saved(&label, &text)?;
        return saved_snapshot(&label, saved, questionnaires, csv, lang, options);
    }
    let is_export = is_json || crate::app::records::is_csv(&Input::File(path.to_owned()));
    if path.is_dir() || is_export {
        // The invalid inputs are reported; the group is what remains, and the exit code says so.
        let state = read_group(&[path.to_owned()], questionnaires, csv, None, options)?;
        let Some((q, g)) = state else {
            return Err(Failure::invalid(format!("{label} holds no valid answers")).into());
        };
        let lang = language::choose(lang, None, &q)?;
        let (all, _) = g.finish(&q, &lang);
        let label = format!("{label} (group of {})", all.respondents);
        let snapshot = Snapshot::from_assessment(&q, &all.assessment, &label, &lang);
        return Ok((snapshot, Some(lang)));
    }
    let (q, response, warnings) = load_response(&Input::Named(path.to_owned()), questionnaires)?;
    print_diagnostics(&warnings);
    let lang = language::choose(lang, response.meta.language.as_deref(), q)?;
    let a = assess(q, &response, options);
    Ok((Snapshot::from_assessment(q, &a, &label, &lang), Some(lang)))
}

/// What a file of saved results holds.
struct Saved {
    /// Each document, with the line it starts on.
    documents: Vec<(usize, Value)>,
    /// How they were written: one document, a `centricity.results.v1` document, or JSON Lines.
    shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Document,
    Results,
    Lines,
}

/// Reads every JSON document of `text`: one, or one per line (JSON Lines). The `results` of a
/// `centricity.results.v1` document are its documents.
fn read_saved(label: &str, text: &str) -> Result<Saved, Diagnostics> {
    let mut documents = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    // The line each document starts on, counted on from the previous one.
    let (mut line, mut counted) = (1, 0);
    loop {
        let end = stream.byte_offset();
        let start = text
            .get(end..)
            .map_or(end, |rest| end + rest.len() - rest.trim_start().len());
        line += text
            .get(counted..start)
            .map_or(0, |t| t.matches('\n').count());
        counted = start;
        match stream.next() {
            None => break,
            Some(Ok(value)) => documents.push((line, value)),
            Some(Err(e)) => {
                return Err(Diagnostics(vec![Diagnostic {
                    line: Some(e.line()),
                    column: Some(e.column()),
                    ..Diagnostic::error(label, format!("not valid JSON: {e}"))
                }]));
            }
        }
    }
    let shape = match documents.as_slice() {
        [] => {
            return Err(Diagnostics(vec![Diagnostic::error(
                label,
                "the file holds no result",
            )]));
        }
        [(_, one)] if one.get("schema").and_then(Value::as_str) == Some(RESULTS_SCHEMA) => {
            let results = match documents.pop().map(|(_, mut doc)| doc["results"].take()) {
                Some(Value::Array(results)) => results,
                _ => {
                    return Err(Diagnostics(vec![Diagnostic::error(
                        label,
                        format!("the {RESULTS_SCHEMA} document has no `results` array"),
                    )]));
                }
            };
            documents = results.into_iter().map(|r| (0, r)).collect();
            Shape::Results
        }
        [_] => Shape::Document,
        _ => Shape::Lines,
    };
    Ok(Saved { documents, shape })
}

/// One saved result as it is, or several as their group (rule 7), scored again from the answers
/// each one holds.
fn saved_snapshot(
    label: &str,
    saved: Saved,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    lang: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Side> {
    let at = |line: usize, k: usize, message: String| {
        let d = Diagnostic::error(label, message);
        match saved.shape {
            Shape::Lines => d.at_line(line),
            _ => Diagnostic {
                message: format!("results[{k}]: {}", d.message),
                ..d
            },
        }
    };
    let count = saved.documents.len();
    if let [(_, one)] = saved.documents.as_slice() {
        language::of_words(lang)?;
        return Snapshot::from_json(label, one)
            .map(|snapshot| (snapshot, None))
            .map_err(|e| Diagnostics(vec![Diagnostic::error(label, e)]).into());
    }
    if saved.documents.is_empty() {
        return Err(Diagnostics(vec![Diagnostic::error(
            label,
            format!("the {RESULTS_SCHEMA} document holds no result"),
        )])
        .into());
    }
    // Several results: each must be one respondent's, all of one questionnaire.
    let mut first: Option<String> = None;
    for (k, (line, doc)) in saved.documents.iter().enumerate() {
        let schema = doc.get("schema").and_then(Value::as_str).unwrap_or("");
        if schema != RESULT_SCHEMA {
            let message = if schema == GROUP_SCHEMA {
                format!("a group result among {count} results: compare takes one group")
            } else if schema.is_empty() {
                "not a centricity result: no `schema` field".to_owned()
            } else {
                format!("`{schema}` where results ({RESULT_SCHEMA}) were expected")
            };
            return Err(Diagnostics(vec![at(*line, k, message)]).into());
        }
        let id = doc
            .pointer("/questionnaire/id")
            .and_then(Value::as_str)
            .unwrap_or("");
        match &first {
            None => first = Some(id.to_owned()),
            Some(f) if f != id => {
                return Err(Diagnostics(vec![
                    at(
                        *line,
                        k,
                        format!(
                            "answers questionnaire `{id}`, but the results before it answer `{f}`"
                        ),
                    )
                    .with_help("a group answers one questionnaire"),
                ])
                .into());
            }
            Some(_) => {}
        }
    }
    let id = first.unwrap_or_default();
    let version = saved
        .documents
        .first()
        .and_then(|(_, doc)| doc.pointer("/questionnaire/version"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let q = match questionnaires.forced() {
        Some(q) => q.clone(),
        None => match questionnaires.bundled(&id, version.as_deref())? {
            Some(q) => q.clone(),
            None => {
                return Err(Failure::usage(format!(
                    "{label}: the results answer questionnaire `{id}`, which is not bundled"
                ))
                .hint("pass --questionnaire FILE to score them as a group")
                .into());
            }
        },
    };
    let mut groups = Groups::new(&q, None, options);
    let mut unfinished = 0;
    for (k, (line, doc)) in saved.documents.iter().enumerate() {
        let response =
            response_from_result(&q, doc).map_err(|e| Diagnostics(vec![at(*line, k, e)]))?;
        if !response.completed && !csv.include_unfinished {
            unfinished += 1;
            continue;
        }
        groups.add(&q, &response);
    }
    let read = match saved.shape {
        Shape::Lines => format!("read {count} results, one per line (JSON Lines)"),
        _ => format!("read {count} results from a {RESULTS_SCHEMA} document"),
    };
    let left_out = match unfinished {
        0 => String::new(),
        n => format!(" ({n} unfinished left out; --include-unfinished counts them)"),
    };
    print_diagnostics(&[Diagnostic::note(
        label,
        format!("{read}; compared as their group{left_out}"),
    )]);
    if groups.all.respondents() == 0 {
        return Err(
            Failure::invalid(format!("{label} holds no finished result"))
                .hint("pass --include-unfinished to count unfinished ones")
                .into(),
        );
    }
    let lang = language::choose(lang, None, &q)?;
    let (all, _) = groups.finish(&q, &lang);
    let label = format!("{label} (group of {})", all.respondents);
    let snapshot = Snapshot::from_assessment(&q, &all.assessment, &label, &lang);
    Ok((snapshot, Some(lang)))
}

pub(crate) fn run(args: &CompareArgs) -> anyhow::Result<Exit> {
    let format = crate::app::sink::output_format(&args.out)?;
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let options = ScoreOptions::default();
    let lang = args.common.lang.as_deref();
    if let Some(q) = questionnaires.forced() {
        language::requested(lang, q)?;
    }
    let csv = CsvOptions::from_args(&args.csv)?;
    let mut read = vec![args.before.as_path(), args.after.as_path()];
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false, &read)?;
    let mut side = |path| snapshot(path, &mut questionnaires, &csv, lang, options);
    let ((before, before_lang), (after, after_lang)) = (side(&args.before)?, side(&args.after)?);
    // The report speaks the language its sides' texts were put in (the later side's when they
    // differ); between two saved results, the tool's own words follow the same rule.
    let lang = match after_lang.or(before_lang) {
        Some(lang) => lang,
        None => language::of_words(lang)?.to_owned(),
    };
    let comparison = compare(before, after).map_err(Failure::invalid)?;
    let width = sink.width();
    report::render_comparison(
        format,
        &mut sink,
        (&comparison, args.top),
        width,
        &lang,
        &crate::app::report_identity::identity(&args.out),
    )?;
    sink.finish()?;
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
