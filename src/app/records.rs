//! Every respondent of every input, one at a time: answer files, and each row of CSV exports,
//! checked against their questionnaire. CSV exports are read as a stream, so a file of any
//! number of rows takes the same memory.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::failure::print_diagnostics;
use super::inputs::Input;
use super::score::{Questionnaires, load_response};
use crate::answers::{CsvLayout, Response, csv_error, csv_reader};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::Questionnaire;

/// Receives each valid row of a CSV export.
type RowSink<'a> = dyn FnMut(&Questionnaire, Response, &[Diagnostic]) -> anyhow::Result<()> + 'a;
/// Receives each valid respondent, with its warnings and where it came from.
pub(crate) type ResponseSink<'a> =
    dyn FnMut(&Questionnaire, Response, &[Diagnostic], &str) -> anyhow::Result<()> + 'a;

/// How CSV exports are read.
#[derive(Debug, Clone)]
pub(crate) struct CsvOptions {
    pub(crate) id_column: String,
    /// Report a bad row and go on, instead of refusing the whole run.
    pub(crate) skip_invalid: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            id_column: "respondent".to_owned(),
            skip_invalid: false,
        }
    }
}

/// Whether `input` is a CSV export rather than a TOML answer file.
pub(crate) fn is_csv(input: &Input) -> bool {
    match input {
        Input::File(p) => p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")),
        Input::Stdin { csv, .. } => *csv,
    }
}

fn open(input: &Input) -> Result<Box<dyn Read>, Diagnostic> {
    let path: &Path = match input {
        Input::File(p) => p,
        Input::Stdin { path, .. } => path,
    };
    let file = File::open(path)
        .map_err(|e| Diagnostic::error(input.name(), format!("cannot read: {e}")))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// Calls `each` with every row of a CSV export; stops at the first error unless `skip`.
/// Returns whether any row was invalid.
fn csv_rows(
    input: &Input,
    q: &Questionnaire,
    options: &CsvOptions,
    report: bool,
    each: &mut RowSink<'_>,
) -> anyhow::Result<bool> {
    let name = input.name();
    let mut reader = csv_reader(open(input).map_err(|d| Diagnostics(vec![d]))?);
    let headers = reader
        .headers()
        .map_err(|e| Diagnostics(vec![csv_error(&name, &e)]))?
        .clone();
    let (layout, warnings) = CsvLayout::new(&name, &headers, q, &options.id_column)?;
    if report {
        print_diagnostics(&warnings);
    }
    let mut record = csv::StringRecord::new();
    let mut invalid = false;
    let mut row = 0u64;
    let size = match input {
        Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
        Input::Stdin { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
    };
    let progress = super::progress::bytes(size);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                row += 1;
                if row.is_multiple_of(8192) {
                    progress.set_position(record.position().map_or(0, csv::Position::byte));
                }
                let line = record.position().map_or(0, csv::Position::line);
                match layout.response(q, &record, row, line) {
                    Ok(r) => each(q, r, &[])?,
                    Err(d) => {
                        invalid = true;
                        if report {
                            print_diagnostics(&[d]);
                        }
                        if !options.skip_invalid && !report {
                            return Ok(true);
                        }
                    }
                }
            }
            Err(e) => {
                invalid = true;
                if report {
                    print_diagnostics(&[csv_error(&name, &e)]);
                }
                if !options.skip_invalid && !report
                    || !matches!(
                        e.kind(),
                        csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                    )
                {
                    return Ok(true);
                }
            }
        }
    }
    progress.finish_and_clear();
    Ok(invalid)
}

/// Reads every respondent of `inputs`, calling `each` for the valid ones and printing the
/// problems of the others. Unless `skip_invalid`, CSV exports are checked whole first, and one
/// bad row stops the run before anything is written. Returns whether any input was invalid.
pub(crate) fn for_each_response(
    inputs: &[Input],
    questionnaires: &mut Questionnaires,
    options: &CsvOptions,
    each: &mut ResponseSink<'_>,
) -> anyhow::Result<bool> {
    if !options.skip_invalid {
        let mut bad = false;
        for input in inputs.iter().filter(|i| is_csv(i)) {
            let q = questionnaires.for_csv()?;
            let checked = csv_rows(input, q, options, false, &mut |_, _, _| Ok(()));
            match checked {
                Ok(false) => {}
                Ok(true) => {
                    // Read again to report every bad row, not only the first.
                    let _ = csv_rows(
                        input,
                        q,
                        &CsvOptions {
                            skip_invalid: true,
                            ..options.clone()
                        },
                        true,
                        &mut |_, _, _| Ok(()),
                    );
                    bad = true;
                }
                Err(e) => return Err(e),
            }
        }
        if bad {
            return Err(super::failure::Failure::invalid(
                "invalid rows in CSV input; nothing was scored",
            )
            .hint("fix the rows named above, or pass --skip-invalid to score the others")
            .into());
        }
    }
    let mut invalid = false;
    let files = super::progress::files(inputs.iter().filter(|i| !is_csv(i)).count());
    for input in inputs {
        let name = input.name();
        if is_csv(input) {
            let q = questionnaires.for_csv()?;
            match csv_rows(input, q, options, true, &mut |q, r, w| each(q, r, w, &name)) {
                Ok(bad) => invalid |= bad,
                Err(e) => match e.downcast::<Diagnostics>() {
                    Ok(d) => {
                        invalid = true;
                        print_diagnostics(&d.0);
                    }
                    Err(e) => return Err(e),
                },
            }
            continue;
        }
        files.inc(1);
        match load_response(input, questionnaires) {
            Ok((q, response, warnings)) => each(q, response, &warnings, &name)?,
            Err(d) => {
                invalid = true;
                print_diagnostics(&d.0);
            }
        }
    }
    files.finish_and_clear();
    Ok(invalid)
}

/// Checks every row of a CSV export, reporting each bad one. Returns the number of valid rows
/// and whether any was invalid.
pub(crate) fn check_csv(
    input: &Input,
    questionnaires: &mut Questionnaires,
    options: &CsvOptions,
) -> anyhow::Result<(u64, bool)> {
    let q = questionnaires.for_csv()?;
    let mut rows = 0;
    let options = CsvOptions {
        skip_invalid: true,
        ..options.clone()
    };
    let invalid = csv_rows(input, q, &options, true, &mut |_, _, _| {
        rows += 1;
        Ok(())
    })?;
    Ok((rows, invalid))
}
