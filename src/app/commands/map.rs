//! `centricity map`: prints how an export is read, as a draft map file.

use std::io::Write as _;

use crate::app::failure::{Exit, print_diagnostics};
use crate::app::inputs::expand;
use crate::app::questionnaire_cache::Questionnaires;
use crate::app::records::{CsvOptions, open_export, read_map};
use crate::cli::MapArgs;

pub(crate) fn run(args: &MapArgs) -> anyhow::Result<Exit> {
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_deref())?;
    let (inputs, problems) = expand(std::slice::from_ref(&args.export));
    print_diagnostics(&problems);
    let Some(input) = inputs.into_iter().next() else {
        // Nothing to read (a folder): invalid even when what was said is only a warning.
        return Ok(Exit::Invalid);
    };
    let options = CsvOptions {
        id_column: args.id_column.clone(),
        sheet: args.sheet.clone(),
        map: args.map.as_deref().map(read_map).transpose()?,
        ..CsvOptions::default()
    };
    let export = open_export(&input, &options)?;
    let q = questionnaires.for_export(&export.head, options.map.as_deref())?;
    let (text, problems) = crate::answers::draft_map(
        &input.name(),
        &export.head,
        q,
        options.id_column.as_deref(),
        options.map.as_deref(),
    );
    let mut out = crate::app::sink::stdout();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    print_diagnostics(&problems);
    // A problem of the export was reported with the draft; the exit code says so (`settle`).
    Ok(Exit::Success)
}
