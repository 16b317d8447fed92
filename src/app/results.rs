//! One result read from any input a before-and-after or a trend takes: an answer file (one
//! respondent), a folder of them or a survey tool's export (a group), or results saved by
//! `--format json` or `jsonl` (one result as it was saved, or several as their group). `compare`
//! reads its two sides and `trend` each period this way.

use std::path::Path;

use serde_json::Value;

use crate::answers::response_from_result;
use crate::app::failure::{Failure, print_diagnostics};
use crate::app::groups::{Groups, Member, read_group_with};
use crate::app::inputs::{Input, read_text};
use crate::app::language;
use crate::app::questionnaire_cache::{Questionnaires, load_response};
use crate::app::records::CsvOptions;
use crate::comparison::Snapshot;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::noise::Sample;
use crate::questionnaire::Questionnaire;
use crate::report::{GROUP_SCHEMA, RESULT_SCHEMA, RESULTS_SCHEMA};
use crate::scoring::{ScoreOptions, assess};

/// One result read: what it says, the language its texts were put in when a questionnaire
/// decided it (a single saved result carries its texts as they were saved), its date when known,
/// and its respondents when they were read one by one.
#[derive(Debug)]
pub(crate) struct Side {
    pub(crate) snapshot: Snapshot,
    pub(crate) lang: Option<String>,
    /// YYYY-MM-DD: the latest `date` among its respondents', or the saved result's.
    pub(crate) date: Option<String>,
    pub(crate) respondents: Option<Respondents>,
}

/// The respondents of a side read one by one, with their questionnaire.
#[derive(Debug)]
pub(crate) struct Respondents {
    pub(crate) questionnaire: Questionnaire,
    pub(crate) members: Vec<Member>,
    pub(crate) lang: String,
}

impl Respondents {
    /// What a bootstrap and the matching of respondents need, drawn from `seed` (see
    /// [`crate::scoring::bootstrap`]); a single respondent is not drawn again.
    pub(crate) fn sample(&self, seed: u64) -> Sample {
        let q = &self.questionnaire;
        let answers: Vec<_> = self.members.iter().map(|m| m.answers.clone()).collect();
        let replicates = (answers.len() > 1)
            .then(|| {
                crate::scoring::bootstrap::resample(
                    q,
                    &answers,
                    crate::scoring::bootstrap::RESAMPLES,
                    seed,
                )
            })
            .flatten();
        Sample {
            respondents: self.members.len(),
            ids: self.members.iter().filter_map(|m| m.id.clone()).collect(),
            replicates,
            levels: (0..=q.stages.len())
                .map(|k| q.placement_name(k, &self.lang).to_owned())
                .collect(),
        }
    }
}

/// A date as answer files write it (YYYY-MM-DD, perhaps with a time after it), or `None`.
pub(crate) fn day(date: &str) -> Option<String> {
    let d = date.trim().get(..10)?;
    let ok = d.len() == 10
        && d.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    ok.then(|| d.to_owned())
}

/// The latest date among `members`.
fn latest(members: &[Member]) -> Option<String> {
    members
        .iter()
        .filter_map(|m| m.date.as_deref().and_then(day))
        .max()
}

/// Reads `path` as one result labelled `label`; a group's label says how many it holds when
/// `count` is set.
pub(crate) fn read_side(
    path: &Path,
    label: &str,
    count: bool,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    lang: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Side> {
    let name = path.display().to_string();
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
        let saved = read_saved(&name, &text)?;
        return saved_side(
            &name,
            label,
            count,
            saved,
            questionnaires,
            csv,
            lang,
            options,
        );
    }
    let is_export = is_json || crate::app::records::is_csv(&Input::File(path.to_owned()));
    if path.is_dir() || is_export {
        // The invalid inputs are reported; the group is what remains, and the exit code says so.
        let state = read_group_with(&[path.to_owned()], questionnaires, csv, None, options, true)?;
        let Some((q, g)) = state else {
            return Err(Failure::invalid(format!("{name} holds no valid answers")).into());
        };
        let lang = language::choose(lang, None, &q)?;
        return Ok(group_side(q, g, label, count, lang));
    }
    let (q, response, warnings) = load_response(&Input::Named(path.to_owned()), questionnaires)?;
    print_diagnostics(&warnings);
    let lang = language::choose(lang, response.meta.language.as_deref(), q)?;
    let a = assess(q, &response, options);
    let member = Member {
        id: response.meta.respondent.clone(),
        date: response.meta.date.clone(),
        answers: response.answers.clone(),
    };
    Ok(Side {
        snapshot: Snapshot::from_assessment(q, &a, label, &lang),
        date: latest(std::slice::from_ref(&member)),
        respondents: Some(Respondents {
            questionnaire: q.clone(),
            members: vec![member],
            lang: lang.clone(),
        }),
        lang: Some(lang),
    })
}

/// A group read respondent by respondent, as one side.
fn group_side(q: Questionnaire, mut g: Groups, label: &str, count: bool, lang: String) -> Side {
    let members = g.members.take().unwrap_or_default();
    let (all, _) = g.finish(&q, &lang);
    let label = if count {
        crate::i18n::fill(
            &lang,
            "{label} (group of {n})",
            &[("label", label), ("n", &all.respondents.to_string())],
        )
    } else {
        label.to_owned()
    };
    let snapshot = Snapshot::from_assessment(&q, &all.assessment, &label, &lang);
    Side {
        snapshot,
        date: latest(&members),
        lang: Some(lang.clone()),
        respondents: Some(Respondents {
            questionnaire: q,
            members,
            lang,
        }),
    }
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
#[allow(clippy::too_many_arguments)]
fn saved_side(
    name: &str,
    label: &str,
    numbered: bool,
    saved: Saved,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    lang: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Side> {
    let at = |line: usize, k: usize, message: String| {
        let d = Diagnostic::error(name, message);
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
        let date = one
            .pointer("/respondent/date")
            .or_else(|| one.pointer("/result/respondent/date"))
            .and_then(Value::as_str)
            .and_then(day);
        return Snapshot::from_json(label, one)
            .map(|snapshot| Side {
                snapshot,
                lang: None,
                date,
                respondents: None,
            })
            .map_err(|e| Diagnostics(vec![Diagnostic::error(name, e)]).into());
    }
    if saved.documents.is_empty() {
        return Err(Diagnostics(vec![Diagnostic::error(
            name,
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
                    "{name}: the results answer questionnaire `{id}`, which is not bundled"
                ))
                .hint("pass --questionnaire FILE to score them as a group")
                .into());
            }
        },
    };
    let mut groups = Groups::new(&q, None, options).keeping_members();
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
        name,
        format!("{read}; compared as their group{left_out}"),
    )]);
    if groups.all.respondents() == 0 {
        return Err(Failure::invalid(format!("{name} holds no finished result"))
            .hint("pass --include-unfinished to count unfinished ones")
            .into());
    }
    let lang = language::choose(lang, None, &q)?;
    Ok(group_side(q, groups, label, numbered, lang))
}
