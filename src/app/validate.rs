//! `centricity validate`: every problem of every file, questionnaires and answer files alike.

use std::io::Write;

use super::failure::{Exit, print_diagnostics};
use super::inputs::expand;
use super::records::{CsvOptions, check_csv, is_csv};
use super::score::{Questionnaires, load_response};
use crate::cli::ValidateArgs;
use crate::diagnostic::Diagnostic;
use crate::questionnaire::parse_questionnaire;

/// Whether a file is a questionnaire (it has a `[questionnaire]` table) rather than an answer
/// file (whose `questionnaire` key is a string).
fn is_questionnaire(text: &str) -> bool {
    match toml::de::DeTable::parse(text) {
        Ok(doc) => doc
            .get_ref()
            .get("questionnaire")
            .is_none_or(|v| v.get_ref().is_table()),
        Err(_) => {
            text.lines()
                .any(|l| l.trim_start().starts_with("[questionnaire]"))
                || !text.contains("[answers]")
        }
    }
}

pub(crate) fn validate(args: &ValidateArgs) -> anyhow::Result<Exit> {
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let (inputs, problems) = expand(&args.files);
    let mut invalid = problems.iter().any(Diagnostic::is_error);
    print_diagnostics(&problems);
    let mut out = std::io::stdout().lock();
    for input in &inputs {
        let name = input.name();
        if is_csv(input) {
            match check_csv(input, &mut questionnaires, &CsvOptions::default()) {
                Ok((rows, false)) => writeln!(out, "{name}: ok: {rows} respondents")?,
                Ok((_, true)) => invalid = true,
                Err(e) => {
                    invalid = true;
                    super::failure::report(&e);
                }
            }
            continue;
        }
        let text = match input.read() {
            Ok(t) => t,
            Err(d) => {
                invalid = true;
                print_diagnostics(&[d]);
                continue;
            }
        };
        if is_questionnaire(&text) {
            match parse_questionnaire(&name, &text) {
                Ok((q, warnings)) => {
                    print_diagnostics(&warnings);
                    writeln!(
                        out,
                        "{name}: ok: questionnaire `{}` {}, {} questions, {} stages, {} dimensions",
                        q.id,
                        q.version,
                        q.questions.len(),
                        q.stages.len(),
                        q.dimensions.len()
                    )?;
                }
                Err(d) => {
                    invalid = true;
                    print_diagnostics(&d.0);
                }
            }
        } else {
            let result = load_response(input, &mut questionnaires);
            match result {
                Ok((q, response, warnings)) => {
                    print_diagnostics(&warnings);
                    writeln!(
                        out,
                        "{name}: ok: answers to `{}`, {} of {} answered",
                        q.id,
                        response.answered(),
                        q.questions.len()
                    )?;
                }
                Err(d) => {
                    invalid = true;
                    print_diagnostics(&d.0);
                }
            }
        }
    }
    Ok(if invalid {
        Exit::Invalid
    } else {
        Exit::Success
    })
}
