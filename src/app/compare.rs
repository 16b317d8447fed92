//! `centricity compare`: what moved between two results (answer files, folders as groups, or
//! saved JSON results).

use std::path::Path;

use super::failure::{Exit, Failure, print_diagnostics};
use super::group_input::read_group;
use super::inputs::{Input, read_text};
use super::records::CsvOptions;
use super::score::{Questionnaires, load_response};
use super::sink::Sink;
use crate::cli::CompareArgs;
use crate::comparison::{Snapshot, compare};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::report;
use crate::scoring::{ScoreOptions, assess};

fn snapshot(
    path: &Path,
    questionnaires: &mut Questionnaires,
    csv: &CsvOptions,
    lang: Option<&str>,
    options: ScoreOptions,
    any_invalid: &mut bool,
) -> anyhow::Result<Snapshot> {
    let label = path.display().to_string();
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    // A saved result names its schema; any other JSON is survey-tool results (SurveyJS). Read
    // once: the path may be a pipe.
    let json_text = is_json.then(|| read_text(path));
    let saved_result = json_text.as_ref().is_some_and(|t| {
        t.as_ref().map_or(true, |t| {
            t.trim_start().starts_with('{') && t.contains("\"schema\"") && t.contains("centricity.")
        })
    });
    if saved_result && let Some(text) = json_text {
        let text = text.map_err(|d| Diagnostics(vec![d]))?;
        let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            Diagnostics(vec![Diagnostic {
                line: Some(e.line()),
                column: Some(e.column()),
                ..Diagnostic::error(&label, format!("not valid JSON: {e}"))
            }])
        })?;
        return Snapshot::from_json(&label, &doc)
            .map_err(|e| Diagnostics(vec![Diagnostic::error(&label, e)]).into());
    }
    let is_export = is_json || super::records::is_csv(&Input::File(path.to_owned()));
    if path.is_dir() || is_export {
        let (state, invalid) = read_group(&[path.to_owned()], questionnaires, csv, None, options)?;
        let Some((q, g)) = state else {
            return Err(Failure::invalid(format!("{label} holds no valid answers")).into());
        };
        // The invalid inputs were reported; the group is what remains, and the exit code says so.
        *any_invalid |= invalid;
        let lang = super::language::language(lang, None, &q);
        let (all, _) = g.finish(&q, lang);
        let label = format!("{label} (group of {})", all.respondents);
        return Ok(Snapshot::from_assessment(&q, &all.assessment, &label, lang));
    }
    let (q, response, warnings) = load_response(&Input::File(path.to_owned()), questionnaires)?;
    print_diagnostics(&warnings);
    let a = assess(q, &response, options);
    let lang = super::language::language(lang, response.meta.language.as_deref(), q);
    Ok(Snapshot::from_assessment(q, &a, &label, lang))
}

pub(crate) fn compare_command(args: &CompareArgs) -> anyhow::Result<Exit> {
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let options = ScoreOptions::default();
    let lang = args.common.lang.as_deref();
    let csv = CsvOptions::from_args(&args.csv)?;
    let mut invalid = false;
    let mut read = vec![args.before.as_path(), args.after.as_path()];
    read.extend(args.questionnaire.as_deref().map(Path::new));
    read.extend(args.csv.map.as_deref());
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false, &read)?;
    let mut side = |path| snapshot(path, &mut questionnaires, &csv, lang, options, &mut invalid);
    let (before, after) = (side(&args.before)?, side(&args.after)?);
    let comparison = compare(before, after).map_err(Failure::invalid)?;
    let width = sink.width();
    // The tool's own words follow --lang or the locale; without them, English.
    let lang = args
        .common
        .lang
        .clone()
        .or_else(super::language::locale_code)
        .unwrap_or_else(|| "en".to_owned());
    report::render_comparison(
        args.out.format,
        &mut sink,
        &comparison,
        args.top,
        width,
        &lang,
    )?;
    sink.finish()?;
    Ok(if invalid {
        Exit::Invalid
    } else {
        Exit::Success
    })
}
