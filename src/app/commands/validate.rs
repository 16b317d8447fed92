//! `centricity validate`: every problem of every file, questionnaires and answer files alike.

use std::io::Write;

use crate::answers::Answer;
use crate::app::failure::{Exit, capturing, errors_reported, print_diagnostics};
use crate::app::inputs::{Input, TomlKind, expand, toml_kind};
use crate::app::questionnaire_cache::{Questionnaires, load_response};
use crate::app::records::{CsvOptions, check_csv, is_csv};
use crate::cli::{DiagnosticFormat, ValidateArgs};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::english_count;
use crate::questionnaire::parse_questionnaire;
use crate::terminal_text::clean;

/// Whether a file is a questionnaire rather than an answer file or a plan: checked as a
/// questionnaire unless it says it is answers or a plan.
fn is_questionnaire(text: &str) -> bool {
    !matches!(toml_kind(text), Some(TomlKind::Answers | TomlKind::Plan))
}

/// What one file turned out to be, when it is valid.
fn check_one(input: &Input, questionnaires: &mut Questionnaires) -> Option<(&'static str, String)> {
    let name = input.name();
    if is_csv(input) {
        let before = errors_reported();
        return match check_csv(input, questionnaires, &CsvOptions::default()) {
            // Its bad rows were reported as they were read.
            Ok(_) if errors_reported() > before => None,
            Ok(rows) => Some(("csv", english_count(rows, "respondent", "respondents"))),
            Err(e) => {
                match e.downcast::<Diagnostics>() {
                    Ok(d) => print_diagnostics(&d.0),
                    Err(e) => print_diagnostics(&[Diagnostic::error(&name, format!("{e:#}"))]),
                }
                None
            }
        };
    }
    let text = match input.read() {
        Ok(t) => t,
        Err(d) => {
            print_diagnostics(&[d]);
            return None;
        }
    };
    if toml_kind(&text) == Some(TomlKind::Plan) {
        return match crate::plan::Plan::parse(&name, text) {
            Ok(plan) => Some((
                "plan",
                format!(
                    "plan, {}",
                    english_count(plan.plan.actions.len(), "action", "actions")
                ),
            )),
            Err(d) => {
                print_diagnostics(&d.0);
                None
            }
        };
    }
    if is_questionnaire(&text) {
        return match parse_questionnaire(&name, &text) {
            Ok((q, warnings)) => {
                print_diagnostics(&warnings);
                let links = mirror_problems(&name, &q, questionnaires);
                print_diagnostics(&links);
                if links.iter().any(Diagnostic::is_error) {
                    return None;
                }
                Some((
                    "questionnaire",
                    format!(
                        "questionnaire `{}` {}, {}, {}, {}",
                        q.id,
                        q.version,
                        english_count(q.questions.len(), "question", "questions"),
                        english_count(q.stages.len(), "stage", "stages"),
                        english_count(q.dimensions.len(), "dimension", "dimensions"),
                    ),
                ))
            }
            Err(d) => {
                print_diagnostics(&d.0);
                None
            }
        };
    }
    match load_response(input, questionnaires) {
        Ok((q, response, warnings)) => {
            print_diagnostics(&warnings);
            Some(("answers", {
                // Counted as `score` counts them: a not-applicable answer has no score.
                let given = |wanted: fn(&Answer) -> bool| {
                    response
                        .answers
                        .iter()
                        .flatten()
                        .filter(|a| wanted(a))
                        .count()
                };
                let scored = given(|a| matches!(a, Answer::Value(_)));
                let not_applicable = given(|a| matches!(a, Answer::NotApplicable));
                let mut line = format!(
                    "answers to `{}`, {scored} of {} answered",
                    q.id,
                    q.questions.len()
                );
                if not_applicable > 0 {
                    line.push_str(&format!(", {not_applicable} not applicable"));
                }
                let dont_know = given(|a| matches!(a, Answer::DontKnow));
                if dont_know > 0 {
                    line.push_str(&format!(", {dont_know} don't know"));
                }
                line
            }))
        }
        Err(d) => {
            print_diagnostics(&d.0);
            None
        }
    }
}

/// The problems of `q`'s mirror links, checked against the questionnaire it mirrors when that
/// is bundled or given with `--questionnaire`; a warning when it is neither.
fn mirror_problems(
    name: &str,
    q: &crate::questionnaire::Questionnaire,
    questionnaires: &mut Questionnaires,
) -> Vec<Diagnostic> {
    let Some(target) = &q.mirror_of else {
        return Vec::new();
    };
    if let Some(inside) = questionnaires.forced().filter(|f| f.id == *target) {
        return crate::questionnaire::check_mirrors(q, inside);
    }
    // A bundled mirror is checked against the version of its target that has its own version.
    match questionnaires.bundled(target, Some(&q.version)) {
        Ok(Some(inside)) => crate::questionnaire::check_mirrors(q, inside),
        Ok(None) => vec![
            Diagnostic::warning(
                name,
                format!("mirror links not checked: questionnaire `{target}` is not bundled"),
            )
            .with_help(format!(
                "pass --questionnaire FILE naming `{target}` to check them"
            )),
        ],
        Err(d) => d.0,
    }
}

pub(crate) fn run(args: &ValidateArgs) -> anyhow::Result<Exit> {
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let json = args.format == DiagnosticFormat::Json;
    let (inputs, problems) = expand(&args.files);
    let mut files = Vec::new();
    if json {
        // In the document rather than on standard error, each as a file of its own.
        let ((), problems) = capturing(|| print_diagnostics(&problems));
        for d in &problems {
            files.push(
                serde_json::json!({ "file": d.file, "valid": !d.is_error(), "diagnostics": [d] }),
            );
        }
    } else {
        print_diagnostics(&problems);
    }
    let mut out = crate::app::sink::stdout();
    for input in &inputs {
        let name = input.name();
        if json {
            let (result, found) = capturing(|| check_one(input, &mut questionnaires));
            files.push(serde_json::json!({
                "file": name,
                "valid": result.is_some(),
                "kind": result.as_ref().map(|(k, _)| *k),
                "summary": result.as_ref().map(|(_, s)| s.clone()),
                "diagnostics": found,
            }));
        } else {
            if let Some((_, summary)) = check_one(input, &mut questionnaires) {
                writeln!(out, "{}: ok: {summary}", clean(&name, false))?;
            }
        }
    }
    if json {
        let doc = serde_json::json!({ "schema": "centricity.diagnostics.v1", "valid": errors_reported() == 0, "files": files });
        crate::report::write_json(&mut out, &doc, true)?;
    }
    // Invalid inputs were reported as they were found; the exit code says so (`settle`).
    Ok(Exit::Success)
}
