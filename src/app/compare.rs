//! `centricity compare`: what moved between two results (answer files, folders as groups, or
//! saved JSON results).

use std::path::Path;

use super::failure::{Exit, Failure, print_diagnostics};
use super::inputs::{Input, expand, read_text};
use super::score::{Questionnaires, load_response};
use super::sink::Sink;
use super::summarize::Groups;
use crate::cli::CompareArgs;
use crate::comparison::{Snapshot, compare};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::report;
use crate::scoring::{ScoreOptions, assess};

fn snapshot(
    path: &Path,
    questionnaires: &mut Questionnaires,
    lang: Option<&str>,
    options: ScoreOptions,
) -> anyhow::Result<Snapshot> {
    let label = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = read_text(path).map_err(|d| Diagnostics(vec![d]))?;
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
    if path.is_dir() {
        let (inputs, problems) = expand(&[path.to_owned()]);
        print_diagnostics(&problems);
        let mut group: Option<(crate::questionnaire::Questionnaire, Groups)> = None;
        for input in &inputs {
            let (q, response, warnings) = load_response(input, questionnaires)?;
            print_diagnostics(&warnings);
            let (first, g) =
                group.get_or_insert_with(|| (q.clone(), Groups::new(q, None, options)));
            if first.id != q.id {
                return Err(Diagnostics(vec![Diagnostic::error(
                    input.name(),
                    format!(
                        "answers questionnaire `{}`, but the rest of {label} answers `{}`",
                        q.id, first.id
                    ),
                )])
                .into());
            }
            g.add(first, &response);
        }
        let Some((q, g)) = group else {
            return Err(Failure::invalid(format!("{label} holds no answer files")).into());
        };
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
    let before = snapshot(&args.before, &mut questionnaires, lang, options)?;
    let after = snapshot(&args.after, &mut questionnaires, lang, options)?;
    let comparison = compare(before, after).map_err(Failure::invalid)?;
    let mut sink = Sink::open(args.out.output.as_deref(), args.out.force, false)?;
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
    Ok(Exit::Success)
}
