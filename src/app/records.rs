//! Every respondent of every input: answer files, and each row of CSV exports, checked against
//! their questionnaire.
//!
//! Work is done in batches: the expensive, independent part of each respondent (checking the
//! answers and whatever `prepare` does, such as scoring and rendering) runs on every core, and
//! the results are handed to `emit` in input order. CSV exports are read as a stream, so memory
//! does not grow with the number of rows.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::failure::{Failure, print_diagnostics};
use super::inputs::Input;
use super::score::Questionnaires;
use crate::answers::{AnswerDocument, CsvLayout, Response, csv_error, csv_reader};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::questionnaire::Questionnaire;

/// Turns one valid respondent into what `emit` needs; runs on any thread.
pub(crate) type Prepare<'a, T> =
    dyn Fn(&Questionnaire, Response, &[Diagnostic], &str) -> T + Sync + 'a;
/// Turns one row of a CSV export straight into what `emit` needs (`None` to emit nothing);
/// runs on any thread. For batch outputs that need less than a whole response.
pub(crate) type RowWork<'a, T> = dyn Fn(&CsvLayout, &Questionnaire, &csv::StringRecord, u64, u64) -> Result<Option<T>, Diagnostic>
    + Sync
    + 'a;
/// Receives prepared respondents in input order, on the calling thread.
pub(crate) type Emit<'a, T> = dyn FnMut(&Questionnaire, T) -> anyhow::Result<()> + 'a;

/// CSV rows per batch, and answer files per batch.
const ROWS_PER_BATCH: usize = 8192;
const FILES_PER_BATCH: usize = 128;

/// How CSV exports are read.
#[derive(Debug, Clone)]
pub(crate) struct CsvOptions {
    pub(crate) id_column: String,
    /// Report a bad row and go on, instead of failing the whole run.
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

fn path_of(input: &Input) -> &Path {
    match input {
        Input::File(p) => p,
        Input::Stdin { path, .. } => path,
    }
}

/// `f` over `items` on every core, results in order. Small slices stay on this thread.
fn parallel_map<I: Sync, T: Send>(items: &[I], f: &(dyn Fn(&I) -> T + Sync)) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8);
    if threads < 2 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| scope.spawn(move || c.iter().map(f).collect::<Vec<T>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// One row read from a CSV export: the record, its data-row number and its line.
struct Row {
    record: csv::StringRecord,
    number: u64,
    line: u64,
}

/// Reads a CSV export in batches, runs `work` on its rows on every core, and emits the results
/// in order, reporting every bad row. Returns whether any row was invalid.
fn csv_rows<T: Send>(
    input: &Input,
    q: &Questionnaire,
    options: &CsvOptions,
    work: &RowWork<'_, T>,
    emit: &mut Emit<'_, T>,
) -> anyhow::Result<bool> {
    let name = input.name();
    let file = File::open(path_of(input))
        .map_err(|e| Diagnostics(vec![Diagnostic::error(&name, format!("cannot read: {e}"))]))?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut reader = csv_reader(BufReader::with_capacity(1 << 16, file));
    let headers = reader
        .headers()
        .map_err(|e| Diagnostics(vec![csv_error(&name, &e)]))?
        .clone();
    let (layout, warnings) = CsvLayout::new(&name, &headers, q, &options.id_column)?;
    print_diagnostics(&warnings);
    let progress = super::progress::bytes(size);
    let mut batch: Vec<Row> = Vec::with_capacity(ROWS_PER_BATCH);
    let mut spare: Vec<csv::StringRecord> = Vec::new();
    let (mut invalid, mut number, mut done) = (false, 0u64, false);
    while !done {
        while batch.len() < ROWS_PER_BATCH {
            let mut record = spare.pop().unwrap_or_default();
            match reader.read_record(&mut record) {
                Ok(true) => {
                    number += 1;
                    let line = record.position().map_or(0, csv::Position::line);
                    batch.push(Row {
                        record,
                        number,
                        line,
                    });
                }
                Ok(false) => {
                    done = true;
                    break;
                }
                Err(e) => {
                    invalid = true;
                    print_diagnostics(&[csv_error(&name, &e)]);
                    let recoverable = matches!(
                        e.kind(),
                        csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                    );
                    if !recoverable {
                        done = true;
                        break;
                    }
                }
            }
        }
        let results = parallel_map(&batch, &|row: &Row| {
            work(&layout, q, &row.record, row.number, row.line)
        });
        for result in results {
            match result {
                Ok(Some(t)) => emit(q, t)?,
                Ok(None) => {}
                Err(d) => {
                    invalid = true;
                    print_diagnostics(&[d]);
                }
            }
        }
        if let Some(last) = batch.last() {
            progress.set_position(last.record.position().map_or(0, csv::Position::byte));
        }
        spare.extend(batch.drain(..).map(|row| row.record));
    }
    progress.finish_and_clear();
    if number == 0 && !invalid {
        return Err(Diagnostics(vec![
            Diagnostic::error(&name, "the file has a header row but no respondents")
                .at_line(1)
                .with_help("a CSV export has one row per respondent after the header"),
        ])
        .into());
    }
    Ok(invalid)
}

/// Reads, parses and checks a batch of answer files on every core, then prepares them.
fn answer_files<T: Send>(
    batch: &[&Input],
    questionnaires: &mut Questionnaires,
    prepare: &Prepare<'_, T>,
    emit: &mut Emit<'_, T>,
) -> anyhow::Result<bool> {
    let parsed: Vec<Result<AnswerDocument, Diagnostics>> =
        parallel_map(batch, &|input: &&Input| {
            let text = input.read().map_err(|d| Diagnostics(vec![d]))?;
            AnswerDocument::parse(&input.name(), text)
        });
    // Loading a questionnaire needs the cache to itself; checking against it does not.
    let docs: Vec<Result<AnswerDocument, Diagnostics>> = parsed
        .into_iter()
        .map(|doc| doc.and_then(|d| questionnaires.for_document(&d).map(|_| d)))
        .collect();
    let questionnaires: &Questionnaires = questionnaires;
    let prepared = parallel_map(&docs, &|doc: &Result<AnswerDocument, Diagnostics>| {
        let doc = doc.as_ref().map_err(Clone::clone)?;
        let q = questionnaires
            .cached(doc)
            .ok_or_else(|| Diagnostics(Vec::new()))?;
        doc.resolve(q)
            .map(|(r, w)| (q, prepare(q, r, &w, doc.file())))
    });
    let mut invalid = false;
    for result in prepared {
        match result {
            Ok((q, t)) => emit(q, t)?,
            Err(d) => {
                invalid = true;
                print_diagnostics(&d.0);
            }
        }
    }
    Ok(invalid)
}

/// Prepares every valid respondent of `inputs` with `prepare` (on every core) and hands the
/// results to `emit` in input order, printing the problems of invalid inputs. Rows of CSV
/// exports go through `rows` instead, when given. A bad CSV row is reported and, unless
/// `skip_invalid`, fails the run once every row has been read, so that the caller writes
/// nothing. Returns whether any input was invalid.
pub(crate) fn for_each_prepared<T: Send>(
    inputs: &[Input],
    questionnaires: &mut Questionnaires,
    options: &CsvOptions,
    prepare: &Prepare<'_, T>,
    rows: Option<&RowWork<'_, T>>,
    emit: &mut Emit<'_, T>,
) -> anyhow::Result<bool> {
    let mut invalid = false;
    let mut bad_rows = false;
    let files = super::progress::files(inputs.iter().filter(|i| !is_csv(i)).count());
    let mut pending: Vec<&Input> = Vec::new();
    for (k, input) in inputs.iter().enumerate() {
        if !is_csv(input) {
            pending.push(input);
            files.inc(1);
        }
        let flush = is_csv(input) || pending.len() >= FILES_PER_BATCH || k + 1 == inputs.len();
        if flush && !pending.is_empty() {
            invalid |= answer_files(&pending, questionnaires, prepare, emit)?;
            pending.clear();
        }
        if is_csv(input) {
            let q = questionnaires.for_csv()?;
            let name = input.name();
            let whole = |layout: &CsvLayout,
                         q: &Questionnaire,
                         record: &csv::StringRecord,
                         row: u64,
                         line: u64| {
                layout
                    .response(q, record, row, line)
                    .map(|r| Some(prepare(q, r, &[], &name)))
            };
            match csv_rows(input, q, options, rows.unwrap_or(&whole), emit) {
                Ok(bad) => bad_rows |= bad,
                Err(e) => match e.downcast::<Diagnostics>() {
                    Ok(d) => {
                        invalid = true;
                        print_diagnostics(&d.0);
                    }
                    Err(e) => return Err(e),
                },
            }
        }
    }
    files.finish_and_clear();
    if bad_rows && !options.skip_invalid {
        return Err(
            Failure::invalid("invalid rows in CSV input; nothing was written")
                .hint("fix the rows named above, or pass --skip-invalid to score the others")
                .into(),
        );
    }
    Ok(invalid || bad_rows)
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
    let check =
        |layout: &CsvLayout, q: &Questionnaire, record: &csv::StringRecord, row: u64, line: u64| {
            layout.check(q, record, row, line).map(|()| Some(()))
        };
    let invalid = csv_rows(input, q, options, &check, &mut |_, ()| {
        rows += 1;
        Ok(())
    })?;
    Ok((rows, invalid))
}

#[cfg(test)]
mod tests {
    use super::parallel_map;

    #[test]
    fn parallel_map_keeps_input_order() {
        let items: Vec<u32> = (0..10_000).collect();
        let doubled = parallel_map(&items, &|x: &u32| x * 2);
        assert_eq!(doubled, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }
}
