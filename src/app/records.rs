//! Every respondent of every input: answer files, and each row of CSV exports, checked against
//! their questionnaire.
//!
//! Work is done in batches: the expensive, independent part of each respondent (checking the
//! answers and whatever `prepare` does, such as scoring and rendering) runs on every core, and
//! the results are handed to `emit` in input order. CSV exports are read as a stream, so memory
//! does not grow with the number of rows.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::failure::{Failure, errors_reported, print_diagnostics};
use super::inputs::{Input, TomlKind, named_questionnaire, toml_kind};
use super::questionnaire_cache::Questionnaires;
use crate::answers::{
    AnswerDocument, CsvLayout, Dialect, Encoding, ExportHead, ExportKind, ExportMap, HEAD_BYTES,
    LayoutOptions, Response, csv_error, last_cut, record_line,
};
use crate::diagnostic::{Diagnostic, Diagnostics, MAX_REPORTED};
use crate::questionnaire::Questionnaire;

/// Turns one valid respondent into what `emit` needs; runs on any thread.
pub(crate) type Prepare<'a, T> =
    dyn Fn(&Questionnaire, Response, &[Diagnostic], &str) -> T + Sync + 'a;
/// Turns one row of a CSV export (with its data-row number and line) into what `emit` needs,
/// added to the results of its piece of the file; runs on any thread. For batch outputs that
/// need less than a whole response, and may gather many rows into one result.
pub(crate) type RowWork<'a, T> = dyn Fn(
        &CsvLayout,
        &Questionnaire,
        &csv::StringRecord,
        u64,
        u64,
        &mut Vec<T>,
    ) -> Result<(), Diagnostic>
    + Sync
    + 'a;
/// Receives prepared respondents in input order, on the calling thread.
pub(crate) type Emit<'a, T> = dyn FnMut(&Questionnaire, T) -> anyhow::Result<()> + 'a;

/// Answer files per batch.
const FILES_PER_BATCH: usize = 128;

/// How CSV exports are read.
#[derive(Debug, Clone, Default)]
pub(crate) struct CsvOptions {
    /// `--id-column`: found by name when not given.
    pub(crate) id_column: Option<String>,
    /// Report a bad row and go on, instead of failing the whole run.
    pub(crate) skip_invalid: bool,
    /// `--map`: how the columns and cells of the exports are read.
    pub(crate) map: Option<std::sync::Arc<ExportMap>>,
    /// `--sheet`: the sheet of a workbook to read.
    pub(crate) sheet: Option<String>,
    /// A metadata column that must be there (`--by`).
    pub(crate) by: Option<String>,
    /// `--include-unfinished`: count unfinished responses in group results.
    pub(crate) include_unfinished: bool,
    /// The metadata columns of the results CSV being written (`score --format csv`).
    pub(crate) output_metadata: Option<std::sync::Arc<std::sync::OnceLock<Vec<String>>>>,
}

impl CsvOptions {
    /// The options of `args`, with the map file read.
    pub(crate) fn from_args(args: &crate::cli::CsvArgs) -> Result<Self, Diagnostics> {
        Self::with_map(args, args.map.as_deref())
    }

    /// The options of `args` with `map` as the map file (for a command with one map per side).
    pub(crate) fn with_map(
        args: &crate::cli::CsvArgs,
        map: Option<&Path>,
    ) -> Result<Self, Diagnostics> {
        let map = map.map(read_map).transpose()?;
        Ok(Self {
            id_column: args.id_column.clone(),
            skip_invalid: args.skip_invalid,
            map,
            sheet: args.sheet.clone(),
            by: None,
            include_unfinished: args.include_unfinished,
            output_metadata: None,
        })
    }

    fn layout(&self) -> LayoutOptions {
        LayoutOptions {
            id_column: self.id_column.clone(),
            map: self.map.clone(),
            output_metadata: self.output_metadata.clone(),
        }
    }
}

/// Reads and parses the map file at `path`.
pub(crate) fn read_map(path: &Path) -> Result<std::sync::Arc<ExportMap>, Diagnostics> {
    let name = path.display().to_string();
    let text = super::inputs::read_text(path).map_err(|d| Diagnostics(vec![d]))?;
    Ok(std::sync::Arc::new(ExportMap::parse(&name, text)?))
}

/// Extensions of the survey-tool exports read: CSV (and Excel's "Unicode Text"), workbooks,
/// SurveyJS results.
const EXPORT_EXTENSIONS: [&str; 5] = ["csv", "tsv", "txt", "xlsx", "json"];

/// Whether `input` is a survey-tool export rather than a TOML answer file.
pub(crate) fn is_csv(input: &Input) -> bool {
    match input {
        Input::File(p) | Input::Named(p) => p
            .extension()
            .is_some_and(|e| EXPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x))),
        Input::Piped { csv, .. } => *csv,
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn path_of(input: &Input) -> &Path {
    match input {
        Input::File(p) | Input::Named(p) => p,
        Input::Piped { path, .. } => path,
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

/// Bytes of a CSV export read at a time; each piece is parsed, checked and prepared on its own.
/// Work that makes a large result per row (a whole JSON or table report) takes smaller pieces,
/// so that the pieces in flight stay small in memory.
const PIECE_BYTES: usize = 1 << 20;
const SMALL_PIECE_BYTES: usize = 1 << 16;
/// A single row longer than this is refused rather than held in memory.
const MAX_ROW_BYTES: usize = 8 << 20;

/// A piece of a CSV export for a worker: whole records, with the data-row number and the line
/// of its first byte.
struct Piece {
    seq: u64,
    bytes: Vec<u8>,
    first_row: u64,
    first_line: u64,
}

/// What a worker made of a piece: its bytes back for reuse, the prepared rows and the problems.
struct Done<T> {
    seq: u64,
    bytes: Vec<u8>,
    prepared: Vec<T>,
    problems: Vec<Diagnostic>,
}

/// An export ready to be read in pieces: the CSV file to read (the export itself, or the
/// UTF-8 CSV a workbook, a SurveyJS file or a UTF-16 file was turned into) and its head.
pub(crate) struct Export {
    pub(crate) path: std::path::PathBuf,
    pub(crate) head: ExportHead,
    /// How the file was turned into CSV, for a note.
    pub(crate) converted: Option<String>,
    _temp: Option<tempfile::TempPath>,
}

fn read_head(name: &str, path: &Path, kind: Option<ExportKind>) -> Result<ExportHead, Diagnostics> {
    let cannot =
        |e: std::io::Error| Diagnostics(vec![Diagnostic::error(name, format!("cannot read: {e}"))]);
    let file = File::open(path).map_err(cannot)?;
    let mut head = Vec::with_capacity(1 << 16);
    file.take(HEAD_BYTES as u64 + 1)
        .read_to_end(&mut head)
        .map_err(cannot)?;
    let whole = head.len() <= HEAD_BYTES;
    head.truncate(HEAD_BYTES);
    ExportHead::read(name, &head, whole, kind)
}

/// Whether a text export ends its lines with CR alone: its first 64 KiB hold a CR and no LF.
fn cr_only(path: &Path) -> bool {
    let mut head = Vec::new();
    File::open(path)
        .and_then(|f| f.take(1 << 16).read_to_end(&mut head))
        .is_ok()
        && head.contains(&b'\r')
        && !head.contains(&b'\n')
        && !head.starts_with(b"\xFF\xFE")
        && !head.starts_with(b"\xFE\xFF")
}

/// Converts `input` with `write` into a temporary UTF-8 CSV file.
fn convert(
    name: &str,
    write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<(), Diagnostic>,
) -> Result<tempfile::TempPath, Diagnostics> {
    let fail = |e: std::io::Error| {
        Diagnostics(vec![Diagnostic::error(
            name,
            format!("cannot convert: {e}"),
        )])
    };
    let file = tempfile::NamedTempFile::new().map_err(fail)?;
    let (file, path) = file.into_parts();
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).map_err(|d| Diagnostics(vec![d]))?;
    std::io::Write::flush(&mut out).map_err(fail)?;
    Ok(path)
}

/// Opens an export: converts what is not CSV into CSV, and reads its head.
pub(crate) fn open_export(input: &Input, options: &CsvOptions) -> Result<Export, Diagnostics> {
    let name = input.name();
    let path = path_of(input);
    let (temp, kind, converted) = if has_extension(path, "xlsx") {
        let mut sheet = String::new();
        let temp = convert(&name, &mut |out| {
            let info = crate::answers::xlsx_to_csv(&name, path, options.sheet.as_deref(), out)?;
            sheet = info.sheet;
            Ok(())
        })?;
        (
            Some(temp),
            None,
            Some(format!("read sheet `{sheet}` of the workbook")),
        )
    } else if has_extension(path, "json") {
        let text = input.read().map_err(|d| Diagnostics(vec![d]))?;
        let temp = convert(&name, &mut |out| {
            crate::answers::surveyjs_to_csv(&name, &text, out)
        })?;
        (Some(temp), Some(ExportKind::SurveyJs), None)
    } else {
        (None, None, None)
    };
    let (temp, converted) = match temp {
        None if cr_only(path) => {
            // Old Mac line endings: lines are read as lines, so errors name the right one.
            let temp = convert(&name, &mut |out| {
                let mut file = File::open(path)
                    .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
                let mut buffer = vec![0u8; 1 << 16];
                loop {
                    let n = file
                        .read(&mut buffer)
                        .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
                    if n == 0 {
                        return Ok(());
                    }
                    for b in &mut buffer[..n] {
                        if *b == b'\r' {
                            *b = b'\n';
                        }
                    }
                    out.write_all(&buffer[..n])
                        .map_err(|e| Diagnostic::error(&name, format!("cannot convert: {e}")))?;
                }
            })?;
            (
                Some(temp),
                Some(
                    "read with lines ended by a carriage return alone (old Mac line endings)"
                        .to_owned(),
                ),
            )
        }
        temp => (temp, converted),
    };
    let read_path = temp.as_ref().map_or(path, |t| t.as_ref());
    let head = read_head(&name, read_path, kind)?;
    if matches!(head.dialect.encoding, Encoding::Utf16Le | Encoding::Utf16Be) {
        let encoding = head.dialect.encoding;
        let temp = convert(&name, &mut |out| {
            let mut file = File::open(read_path)
                .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))?;
            crate::answers::transcode_utf16(encoding, &mut file, out)
                .map_err(|e| Diagnostic::error(&name, format!("cannot read: {e}")))
        })?;
        let head = read_head(&name, temp.as_ref(), kind)?;
        let note = format!(
            "read as {} text",
            Dialect {
                encoding,
                ..head.dialect
            }
            .encoding_name()
        );
        return Ok(Export {
            path: temp.to_path_buf(),
            head,
            converted: Some(note),
            _temp: Some(temp),
        });
    }
    let converted = match (converted, head.dialect.encoding) {
        (None, Encoding::Windows1252) => {
            Some("read as Windows-1252 text: the file is not UTF-8".to_owned())
        }
        (c, _) => c,
    };
    Ok(Export {
        path: read_path.to_path_buf(),
        head,
        converted,
        _temp: temp,
    })
}

/// Parses one piece and runs `work` on its rows; a row with the wrong number of fields is
/// reported like a bad cell.
fn work_on_piece<T>(
    piece: &Piece,
    layout: &CsvLayout,
    q: &Questionnaire,
    work: &RowWork<'_, T>,
) -> (Vec<T>, Vec<Diagnostic>) {
    let dialect = layout.dialect();
    let bytes = dialect.decode(&piece.bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dialect.delimiter)
        .from_reader(&*bytes);
    let line_at = |position: Option<&csv::Position>| {
        let (byte, line) = position.map_or((0, 1), |p| (p.byte(), p.line()));
        record_line(&bytes, byte, line, piece.first_line)
    };
    let (mut prepared, mut problems) = (Vec::new(), Vec::new());
    let mut record = csv::StringRecord::new();
    let mut row = piece.first_row;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = line_at(record.position());
                let checked = layout.check_width(&record, row, line);
                if let Err(d) =
                    checked.and_then(|()| work(layout, q, &record, row, line, &mut prepared))
                {
                    problems.push(d);
                }
            }
            Err(e) => {
                let line = line_at(e.position());
                let d = csv_error(layout.file(), &e);
                problems.push(d.at_line(usize::try_from(line).unwrap_or(usize::MAX)));
            }
        }
        row += 1;
    }
    (prepared, problems)
}

/// Reads a CSV export in pieces cut at record boundaries, runs `work` on the rows of each piece
/// on every core, and emits the results in order, reporting every bad row.
fn csv_rows<T: Send>(
    input: &Input,
    export: &Export,
    q: &Questionnaire,
    options: &CsvOptions,
    (work, piece_bytes): (&RowWork<'_, T>, usize),
    emit: &mut Emit<'_, T>,
) -> anyhow::Result<()> {
    let name = input.name();
    let path = export.path.as_path();
    let (start, first_line) = (export.head.data_start, export.head.first_line);
    let (layout, warnings) = CsvLayout::new(&name, &export.head, q, &options.layout())?;
    if let Some(by) = &options.by
        && !layout.has_metadata(by)
        && !["role", "team", "date", "language"].contains(&by.as_str())
    {
        let columns: Vec<&str> = layout
            .columns()
            .filter(|(_, r)| matches!(r, crate::answers::Role::Metadata(_)))
            .map(|(n, _)| n)
            .collect();
        return Err(Diagnostics(vec![
            Diagnostic::error(&name, format!("--by `{by}`: the file has no such column"))
                .at_line(1)
                .with_help(
                    match crate::toml_source::closest(by, columns.iter().copied()) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => format!("its metadata columns are: {}", columns.join(", ")),
                    },
                ),
        ])
        .into());
    }
    let mut notes = warnings;
    if let Some(how) = &export.converted {
        notes.insert(0, Diagnostic::note(&name, how.clone()));
    }
    if layout.kind() != ExportKind::Plain || layout.dialect().delimiter != b',' {
        let delimiter = match layout.dialect().delimiter {
            b';' => "`;`",
            b'\t' => "tabs",
            _ => "`,`",
        };
        let how = if has_extension(path_of(input), "xlsx") || layout.kind() == ExportKind::SurveyJs
        {
            format!("read as {}", layout.kind().name())
        } else {
            format!("read as {}, separated by {delimiter}", layout.kind().name())
        };
        notes.insert(0, Diagnostic::note(&name, how));
    }
    print_diagnostics(&notes);
    let cannot_read = |e: std::io::Error| {
        Diagnostics(vec![Diagnostic::error(&name, format!("cannot read: {e}"))])
    };
    let mut file = File::open(path).map_err(cannot_read)?;
    let size = file.metadata().map_or(0, |m| m.len());
    file.seek(SeekFrom::Start(start)).map_err(cannot_read)?;
    let progress = super::progress::bytes(size);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let layout = &layout;

    let (to_workers, jobs) = std::sync::mpsc::sync_channel::<Piece>(threads);
    let jobs = std::sync::Mutex::new(jobs);
    let (done, results) = std::sync::mpsc::channel::<Done<T>>();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            let (jobs, done) = (&jobs, done.clone());
            scope.spawn(move || {
                loop {
                    let piece = jobs
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .recv();
                    let Ok(piece) = piece else { break };
                    let (prepared, problems) = work_on_piece(&piece, layout, q, work);
                    let sent = done.send(Done {
                        seq: piece.seq,
                        bytes: piece.bytes,
                        prepared,
                        problems,
                    });
                    if sent.is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);

        let (mut bad_row, mut at_eof) = (false, false);
        let (mut reported, mut left_out) = (0usize, 0usize);
        let mut total_read = start;
        let (mut sent, mut emitted) = (0u64, 0u64);
        let (mut row, mut line, mut position) = (1u64, first_line, start);
        let mut carry: Vec<u8> = Vec::new();
        let mut spare: Vec<Vec<u8>> = Vec::new();
        let mut waiting = std::collections::BTreeMap::new();
        loop {
            // Keep every worker busy, with one piece more each in the queue.
            while !at_eof && sent - emitted < 2 * threads as u64 {
                let mut bytes = spare.pop().unwrap_or_default();
                bytes.clear();
                bytes.reserve(carry.len() + piece_bytes);
                bytes.extend_from_slice(&carry);
                let read = (&mut file)
                    .take(piece_bytes as u64)
                    .read_to_end(&mut bytes)
                    .map_err(cannot_read)?;
                at_eof = read < piece_bytes;
                total_read += read as u64;
                let cut = last_cut(&bytes, at_eof);
                carry.clear();
                carry.extend_from_slice(&bytes[cut.end..]);
                if carry.len() > MAX_ROW_BYTES {
                    return Err(Diagnostics(vec![
                        Diagnostic::error(
                            &name,
                            format!("data row {row} is longer than {} MiB", MAX_ROW_BYTES >> 20),
                        )
                        .at_line(usize::try_from(line).unwrap_or(usize::MAX)),
                    ])
                    .into());
                }
                bytes.truncate(cut.end);
                if cut.records == 0 {
                    spare.push(bytes);
                    continue;
                }
                let piece = Piece {
                    seq: sent,
                    bytes,
                    first_row: row,
                    first_line: line,
                };
                row += cut.records;
                line += cut.newlines;
                sent += 1;
                if to_workers.send(piece).is_err() {
                    break;
                }
            }
            if sent == emitted {
                break;
            }
            let Ok(result) = results.recv() else { break };
            waiting.insert(result.seq, result);
            while let Some(result) = waiting.remove(&emitted) {
                emitted += 1;
                bad_row |= !result.problems.is_empty();
                // The first problems are what to fix; past them, only how many more there were.
                let room = MAX_REPORTED
                    .saturating_sub(reported)
                    .min(result.problems.len());
                print_diagnostics(&result.problems[..room]);
                reported += room;
                left_out += result.problems.len() - room;
                for t in result.prepared {
                    emit(q, t)?;
                }
                position += result.bytes.len() as u64;
                progress.set_position(position);
                spare.push(result.bytes);
            }
        }
        drop(to_workers);
        progress.finish_and_clear();
        let size_now = file.metadata().map_or(size, |m| m.len());
        if total_read != size || size_now != size {
            return Err(Diagnostics(vec![super::inputs::changed_while_read(&name)]).into());
        }
        if left_out > 0 {
            print_diagnostics(&[Diagnostic::error(
                &name,
                format!("... and {left_out} more problems"),
            )
            .with_help("fix the ones above first; many of the others may follow from them")]);
        }
        if row == 1 && !bad_row {
            return Err(Diagnostics(vec![
                Diagnostic::error(&name, "the file has a header row but no respondents")
                    .at_line(1)
                    .with_help("a CSV export has one row per respondent after the header"),
            ])
            .into());
        }
        Ok(())
    })
}

/// Reads, parses and checks a batch of answer files on every core, then prepares them. A
/// questionnaire found in a folder is added to `skipped`; one named on the command line is an
/// error.
fn answer_files<T: Send>(
    batch: &[&Input],
    questionnaires: &mut Questionnaires,
    prepare: &Prepare<'_, T>,
    emit: &mut Emit<'_, T>,
    skipped: &mut Vec<(std::path::PathBuf, TomlKind)>,
) -> anyhow::Result<()> {
    let flag = questionnaires.flag();
    let parsed: Vec<Result<Result<AnswerDocument, TomlKind>, Diagnostics>> =
        parallel_map(batch, &|input: &&Input| {
            let text = input.read().map_err(|d| Diagnostics(vec![d]))?;
            match (toml_kind(&text), input) {
                // Found in a folder: not answers, skipped with a note.
                (Some(kind @ (TomlKind::Questionnaire | TomlKind::Plan)), Input::File(_)) => {
                    return Ok(Err(kind));
                }
                (Some(TomlKind::Questionnaire), named) => {
                    return Err(Diagnostics(vec![named_questionnaire(named, flag)]));
                }
                (Some(TomlKind::Plan), named) => {
                    return Err(Diagnostics(vec![super::inputs::named_plan(named)]));
                }
                _ => {}
            }
            AnswerDocument::parse(&input.name(), text).map(Ok)
        });
    let mut docs: Vec<Result<AnswerDocument, Diagnostics>> = Vec::with_capacity(parsed.len());
    for (input, doc) in batch.iter().zip(parsed) {
        match doc {
            Ok(Err(kind)) => skipped.push((path_of(input).to_owned(), kind)),
            // Loading a questionnaire needs the cache to itself; checking against it does not.
            Ok(Ok(d)) => docs.push(questionnaires.for_document(&d).map(|_| d)),
            Err(d) => docs.push(Err(d)),
        }
    }
    let questionnaires: &Questionnaires = questionnaires;
    let prepared = parallel_map(&docs, &|doc: &Result<AnswerDocument, Diagnostics>| {
        let doc = doc.as_ref().map_err(Clone::clone)?;
        let q = questionnaires
            .cached(doc)
            .ok_or_else(|| Diagnostics(Vec::new()))?;
        doc.resolve(q)
            .map(|(r, w)| (q, prepare(q, r, &w, doc.file())))
    });
    for result in prepared {
        match result {
            Ok((q, t)) => emit(q, t)?,
            Err(d) => print_diagnostics(&d.0),
        }
    }
    Ok(())
}

/// Prepares every valid respondent of `inputs` with `prepare` (on every core) and hands the
/// results to `emit` in input order, printing the problems of invalid inputs. Rows of CSV
/// exports go through `rows` instead, when given. A bad CSV row is reported and, unless
/// `skip_invalid`, fails the run once every row has been read, so that the caller writes
/// nothing. The problems are counted as they are printed (see [`super::failure`]).
pub(crate) fn for_each_prepared<T: Send>(
    inputs: &[Input],
    questionnaires: &mut Questionnaires,
    options: &CsvOptions,
    prepare: &Prepare<'_, T>,
    rows: Option<&RowWork<'_, T>>,
    emit: &mut Emit<'_, T>,
) -> anyhow::Result<()> {
    let mut bad_rows = false;
    let mut skipped = Vec::new();
    let files = super::progress::files(inputs.iter().filter(|i| !is_csv(i)).count());
    let mut pending: Vec<&Input> = Vec::new();
    for (k, input) in inputs.iter().enumerate() {
        if !is_csv(input) {
            pending.push(input);
            files.inc(1);
        }
        let flush = is_csv(input) || pending.len() >= FILES_PER_BATCH || k + 1 == inputs.len();
        if flush && !pending.is_empty() {
            answer_files(&pending, questionnaires, prepare, emit, &mut skipped)?;
            pending.clear();
        }
        if is_csv(input) {
            let name = input.name();
            let export = match open_export(input, options) {
                Ok(export) => export,
                Err(d) => {
                    print_diagnostics(&d.0);
                    continue;
                }
            };
            let q = questionnaires.for_export(&export.head, options.map.as_deref())?;
            let whole = |layout: &CsvLayout,
                         q: &Questionnaire,
                         record: &csv::StringRecord,
                         row: u64,
                         line: u64,
                         out: &mut Vec<T>| {
                let response = layout.response(q, record, row, line)?;
                out.push(prepare(q, response, &[], &name));
                Ok(())
            };
            let work = match rows {
                Some(rows) => (rows, PIECE_BYTES),
                None => (&whole as &RowWork<'_, T>, SMALL_PIECE_BYTES),
            };
            let before = errors_reported();
            match csv_rows(input, &export, q, options, work, emit) {
                // The rows' problems were printed as they were read.
                Ok(()) => bad_rows |= errors_reported() > before,
                Err(e) => match e.downcast::<Diagnostics>() {
                    Ok(d) => print_diagnostics(&d.0),
                    Err(e) => return Err(e),
                },
            }
        }
    }
    files.finish_and_clear();
    print_diagnostics(&super::inputs::skipped_questionnaires(&skipped));
    if bad_rows && !options.skip_invalid {
        return Err(
            Failure::invalid("invalid rows in CSV input; nothing was written")
                .hint("fix the rows named above, or pass --skip-invalid to score the others")
                .into(),
        );
    }
    Ok(())
}

/// Checks every row of a CSV export, reporting each bad one. Returns the number of valid rows.
pub(crate) fn check_csv(
    input: &Input,
    questionnaires: &mut Questionnaires,
    options: &CsvOptions,
) -> anyhow::Result<u64> {
    let export = open_export(input, options)?;
    let q = questionnaires.for_export(&export.head, options.map.as_deref())?;
    let mut rows = 0;
    let check = |layout: &CsvLayout,
                 q: &Questionnaire,
                 record: &csv::StringRecord,
                 row: u64,
                 line: u64,
                 out: &mut Vec<()>| {
        layout.check(q, record, row, line)?;
        out.push(());
        Ok(())
    };
    csv_rows(
        input,
        &export,
        q,
        options,
        (&check, PIECE_BYTES),
        &mut |_, ()| {
            rows += 1;
            Ok(())
        },
    )?;
    Ok(rows)
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
