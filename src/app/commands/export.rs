//! `centricity export`: a questionnaire written for a survey tool to import.

use std::io::Write as _;

use crate::app::failure::{Exit, print_diagnostics};
use crate::app::inputs::load_questionnaire;
use crate::app::sink::Sink;
use crate::cli::ExportArgs;
use crate::diagnostic::Diagnostic;

pub(crate) fn run(args: &ExportArgs) -> anyhow::Result<Exit> {
    let (q, warnings) = load_questionnaire(&args.questionnaire)?;
    print_diagnostics(&warnings);
    let lang = crate::app::language::choose(args.lang.as_deref(), None, &q)?;
    let problems: Vec<Diagnostic> = crate::survey_tools::problems(&q, args.to)
        .into_iter()
        .map(|p| Diagnostic::warning(&args.questionnaire, p))
        .collect();
    print_diagnostics(&problems);
    let text = crate::survey_tools::write(&q, args.to, &lang);
    let mut sink = Sink::open(
        args.output.as_deref(),
        args.force,
        false,
        &[std::path::Path::new(&args.questionnaire)],
    )?;
    sink.write_all(text.as_bytes())?;
    sink.finish()?;
    Ok(Exit::Success)
}
