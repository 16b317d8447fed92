//! Excel workbooks (.xlsx) as CSV, so that the CSV reader reads a workbook export (Microsoft
//! Forms downloads one: `ID`, `Start time`, `Completion time`, `Email`, `Name`, then a column per
//! question with the choice label in each cell) like any other export.
//!
//! The sheet is written as it is, from row 1 and column A: record *n* of the CSV is row *n* of the
//! sheet and field *m* is column *m*, so the reader's record numbers are the row numbers a user
//! sees in Excel (a cell holding a line break makes one record span two CSV lines). Merged cells
//! keep their value in the top-left cell only, as Excel's own "Save as CSV" does.
//!
//! The sheet is streamed twice, once to find its width and once to write it, rather than loaded
//! into a grid: a grid is as big as the sheet's bounding box, and one stray cell at `XFD1048576`
//! would make it 17 billion cells.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};

use crate::diagnostic::Diagnostic;
use crate::toml_source::closest;

/// Rows beyond this are refused (Excel itself stops at 1,048,576).
const MAX_ROWS: u32 = 2_000_000;
/// Columns beyond this are refused (Excel's own limit, column XFD).
const MAX_COLUMNS: u32 = 16_384;
/// Records times fields: every field is written, so a sheet within both limits above could
/// still ask for 32 billion of them.
const MAX_CELLS: u64 = 100_000_000;
/// Cells kept in memory to sort a sheet whose rows are out of order (Excel never writes one).
const MAX_UNSORTED_CELLS: usize = 5_000_000;

/// What [`xlsx_to_csv`] read, for a note such as "read sheet `Sheet1`, one of 3".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsxInfo {
    /// The sheet written.
    pub sheet: String,
    /// Every sheet of the workbook, in workbook order.
    pub sheets: Vec<String>,
    /// Records written: rows 1 to the last row holding a value.
    pub rows: usize,
    /// Fields in every record: columns A to the last column holding a value.
    pub columns: usize,
}

/// The first sheet of an .xlsx workbook (or the sheet named `sheet`) as UTF-8 CSV:
/// comma-separated, quoted as needed, one record per sheet row, every row as it is in the sheet
/// (header rows included), all records as wide as the widest row.
///
/// The first sheet is the first visible worksheet (chart sheets have no cells). Cells are
/// written as: strings as they are; numbers in the shortest form that reads back the same
/// (`4`, `3.5`); booleans `TRUE`/`FALSE`; dates `2026-11-03`, date-times `2026-11-03 09:15:00`,
/// times `09:30:00`, durations `36:00:00`; errors such as `#N/A` and empty cells as empty fields.
///
/// `name` is the file as diagnostics show it. On an error, `out` may hold part of the CSV.
pub fn xlsx_to_csv(
    name: &str,
    path: &Path,
    sheet: Option<&str>,
    out: &mut dyn std::io::Write,
) -> Result<XlsxInfo, Diagnostic> {
    // calamine 0.38 parses cell and row references (`A99999999999`) and `<dimension>` ranges with
    // unchecked arithmetic: with overflow checks on (tests, debug builds) a crafted sheet panics
    // inside it, and release builds wrap instead. Either way it is a broken workbook, not a
    // broken program, so a panic inside the reader becomes a diagnostic. (The panic hook still
    // prints the panic message first.)
    let convert = std::panic::AssertUnwindSafe(|| convert(name, path, sheet, out));
    std::panic::catch_unwind(convert).unwrap_or_else(|_| {
        Err(Diagnostic::error(
            name,
            "cannot read the workbook: the xlsx reader failed on its contents",
        )
        .with_help(
            "the workbook is damaged or was not written by a spreadsheet application; open it \
             in Excel and save it again, or save the sheet as CSV",
        ))
    })
}

fn convert(
    name: &str,
    path: &Path,
    sheet: Option<&str>,
    out: &mut dyn std::io::Write,
) -> Result<XlsxInfo, Diagnostic> {
    let file = File::open(path)
        .map_err(|e| Diagnostic::error(name, format!("cannot read the workbook: {e}")))?;
    let mut file = BufReader::new(file);
    sniff(name, &mut file)?;
    let mut workbook: Xlsx<_> = Xlsx::new(file).map_err(|e| not_a_workbook(name, &e))?;
    let sheets = workbook.sheet_names();
    let chosen = choose_sheet(name, &workbook, &sheets, sheet)?;
    let unreadable = |e: XlsxError| {
        Diagnostic::error(name, format!("cannot read sheet `{chosen}`: {e}")).with_help(
            "the workbook is damaged; open it in Excel and save it again, or save the sheet as CSV",
        )
    };

    let shape = measure(name, &mut workbook, &chosen).map_err(|e| match e {
        Measure::Xlsx(e) => unreadable(e),
        Measure::Refused(d) => d,
    })?;
    if shape.rows == 0 {
        let mut d = Diagnostic::error(name, format!("sheet `{chosen}` is empty"));
        if sheets.iter().any(|s| *s != chosen) {
            d = d.with_help(format!(
                "choose the sheet with the responses with --sheet; the workbook's sheets: {}",
                list(&sheets)
            ));
        }
        return Err(d);
    }

    let write_error = |e: csv::Error| Diagnostic::error(name, format!("cannot write the CSV: {e}"));
    let mut rows = RowWriter::new(out, shape.columns);
    let mut cells = workbook
        .worksheet_cells_reader(&chosen)
        .map_err(unreadable)?;
    if shape.sorted {
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let value = cell.get_value();
            if !is_blank(value) {
                let (row, column) = cell.get_position();
                let field = rows.put(row, column).map_err(write_error)?;
                render(value, field);
            }
        }
    } else {
        // Stable: a cell given twice keeps its later value, as calamine's own grid does.
        let mut all = Vec::with_capacity(shape.values);
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let value = cell.get_value();
            if !is_blank(value) {
                let mut text = String::new();
                render(value, &mut text);
                all.push((cell.get_position(), text));
            }
        }
        all.sort_by_key(|(position, _)| *position);
        for ((row, column), text) in all {
            *rows.put(row, column).map_err(write_error)? = text;
        }
    }
    rows.finish(shape.rows).map_err(write_error)?;

    Ok(XlsxInfo {
        sheet: chosen,
        sheets,
        rows: shape.rows as usize,
        columns: shape.columns as usize,
    })
}

/// Tells apart the files most often given an .xlsx name that are not workbooks, before the zip
/// reader reports them as "invalid Zip archive".
fn sniff(name: &str, file: &mut BufReader<File>) -> Result<(), Diagnostic> {
    let mut head = Vec::with_capacity(512);
    let read = file
        .by_ref()
        .take(512)
        .read_to_end(&mut head)
        .and_then(|_| file.seek(SeekFrom::Start(0)));
    if let Err(e) = read {
        return Err(Diagnostic::error(
            name,
            format!("cannot read the workbook: {e}"),
        ));
    }
    if head.starts_with(b"PK") {
        return Ok(());
    }
    let what = if head.is_empty() {
        "the file is empty"
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "it is an Excel 97-2003 workbook (.xls) or a password-protected workbook"
    } else if looks_like_text(&head) {
        "it is a text file (a CSV export given an .xlsx name?)"
    } else {
        "it is not a zip archive, which every .xlsx workbook is"
    };
    Err(Diagnostic::error(name, format!("not an .xlsx workbook: {what}")).with_help(SAVE_AS))
}

/// No control characters but layout ones (any encoding that extends ASCII passes), or a UTF-16
/// byte-order mark.
fn looks_like_text(head: &[u8]) -> bool {
    head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || head
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
}

const SAVE_AS: &str = "open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", \
                       or give a CSV export a .csv name";

fn not_a_workbook(name: &str, e: &XlsxError) -> Diagnostic {
    Diagnostic::error(name, format!("not an .xlsx workbook: {e}")).with_help(SAVE_AS)
}

/// The sheet named `wanted`, or the first visible worksheet.
fn choose_sheet<R: Read + Seek>(
    name: &str,
    workbook: &Xlsx<R>,
    sheets: &[String],
    wanted: Option<&str>,
) -> Result<String, Diagnostic> {
    let metadata = workbook.sheets_metadata();
    let is_chart = |sheet: &str| {
        metadata
            .iter()
            .any(|m| m.name == sheet && m.typ == SheetType::ChartSheet)
    };
    let Some(wanted) = wanted else {
        let worksheets = || metadata.iter().filter(|m| m.typ == SheetType::WorkSheet);
        return worksheets()
            .find(|m| m.visible == SheetVisible::Visible)
            .or_else(|| worksheets().next())
            .map(|m| m.name.clone())
            .ok_or_else(|| {
                Diagnostic::error(name, "the workbook has no worksheet").with_help(SAVE_AS)
            });
    };
    if sheets.iter().any(|s| s == wanted) {
        if is_chart(wanted) {
            return Err(Diagnostic::error(
                name,
                format!("sheet `{wanted}` is a chart, not a worksheet"),
            )
            .with_help(format!("the workbook's sheets: {}", list(sheets))));
        }
        return Ok(wanted.to_owned());
    }
    let guess = closest(wanted, sheets.iter().map(String::as_str)).or_else(|| {
        sheets
            .iter()
            .find(|s| s.trim().eq_ignore_ascii_case(wanted.trim()))
            .map(String::as_str)
    });
    let help = match guess {
        Some(g) => format!(
            "did you mean `{g}`? The workbook's sheets: {}",
            list(sheets)
        ),
        None => format!("the workbook's sheets: {}", list(sheets)),
    };
    Err(
        Diagnostic::error(name, format!("the workbook has no sheet named `{wanted}`"))
            .with_help(help),
    )
}

fn list(sheets: &[String]) -> String {
    if sheets.is_empty() {
        return "none".to_owned();
    }
    sheets
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How much of the sheet holds values.
struct Shape {
    /// Rows from row 1 to the last one holding a value.
    rows: u32,
    /// Columns from A to the last one holding a value.
    columns: u32,
    /// Cells holding a value.
    values: usize,
    /// Whether rows come in order, so they can be written as they are read.
    sorted: bool,
}

enum Measure {
    Xlsx(XlsxError),
    Refused(Diagnostic),
}

fn measure<R: Read + Seek>(
    name: &str,
    workbook: &mut Xlsx<R>,
    sheet: &str,
) -> Result<Shape, Measure> {
    let mut cells = workbook
        .worksheet_cells_reader(sheet)
        .map_err(Measure::Xlsx)?;
    let mut shape = Shape {
        rows: 0,
        columns: 0,
        values: 0,
        sorted: true,
    };
    let mut last_row = 0;
    while let Some(cell) = cells.next_cell().map_err(Measure::Xlsx)? {
        let (row, column) = cell.get_position();
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(Measure::Refused(too_big(
                name,
                sheet,
                &format!(
                    "a cell in row {} column {} (at most {MAX_ROWS} rows and {MAX_COLUMNS} columns are read)",
                    u64::from(row) + 1,
                    u64::from(column) + 1
                ),
            )));
        }
        if is_blank(cell.get_value()) {
            continue;
        }
        shape.sorted &= row >= last_row;
        last_row = row;
        shape.values += 1;
        shape.rows = shape.rows.max(row + 1);
        shape.columns = shape.columns.max(column + 1);
    }
    let cells = u64::from(shape.rows) * u64::from(shape.columns);
    if cells > MAX_CELLS {
        return Err(Measure::Refused(too_big(
            name,
            sheet,
            &format!(
                "{} rows of {} columns ({cells} cells; at most {MAX_CELLS} are read)",
                shape.rows, shape.columns
            ),
        )));
    }
    if !shape.sorted && shape.values > MAX_UNSORTED_CELLS {
        return Err(Measure::Refused(too_big(
            name,
            sheet,
            &format!(
                "{} cells with rows out of order (at most {MAX_UNSORTED_CELLS} are sorted)",
                shape.values
            ),
        )));
    }
    Ok(shape)
}

fn too_big(name: &str, sheet: &str, what: &str) -> Diagnostic {
    Diagnostic::error(name, format!("sheet `{sheet}` is too large: {what}"))
        .with_help("delete the rows and columns that are not responses, or save the sheet as CSV")
}

/// Whether a cell writes nothing: such a cell neither widens nor lengthens the CSV (a cell that
/// is only formatted has a place in the sheet's XML but no value).
fn is_blank(value: &DataRef<'_>) -> bool {
    match value {
        DataRef::Empty | DataRef::Error(_) => true,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.is_empty(),
        DataRef::SharedString(s) => s.is_empty(),
        DataRef::Int(_) | DataRef::Float(_) | DataRef::Bool(_) | DataRef::DateTime(_) => false,
    }
}

/// Writes a cell's text into `out`, which is empty.
fn render(value: &DataRef<'_>, out: &mut String) {
    match value {
        DataRef::String(s) => out.push_str(s),
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::Int(i) => {
            let _ = write!(out, "{i}");
        }
        DataRef::Float(f) => number(*f, out),
        DataRef::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) if dt.is_duration() => duration(dt.as_f64(), out),
        DataRef::DateTime(dt) => {
            let (year, month, day, hour, minute, second, milli) = dt.to_ymd_hms_milli();
            let time_only = (0.0..1.0).contains(&dt.as_f64());
            if !time_only {
                let _ = write!(out, "{year:04}-{month:02}-{day:02}");
            }
            if time_only || (hour, minute, second, milli) != (0, 0, 0, 0) {
                if !time_only {
                    out.push(' ');
                }
                let _ = write!(out, "{hour:02}:{minute:02}:{second:02}");
                if milli != 0 {
                    let _ = write!(out, ".{milli:03}");
                }
            }
        }
        // Cells of type `d` hold ISO 8601 text already; only the `T` differs from the
        // date-times above.
        DataRef::DateTimeIso(s) => match (s.get(..10), s.get(10..11), s.get(11..)) {
            (Some(date), Some("T"), Some(time)) => {
                out.push_str(date);
                out.push(' ');
                out.push_str(time);
            }
            _ => out.push_str(s),
        },
        DataRef::DurationIso(s) => out.push_str(s),
        DataRef::Error(_) | DataRef::Empty => {}
    }
}

/// Rust's shortest round-trip form: `4` for 4.0, `0.3` for 0.3, no exponent.
fn number(f: f64, out: &mut String) {
    // -0 is what a formula can leave; it means 0 to anyone reading the CSV.
    let f = if f == 0.0 { 0.0 } else { f };
    let _ = write!(out, "{f}");
}

/// `[h]:mm:ss` as Excel shows a duration: hours past 24 are not days.
fn duration(days: f64, out: &mut String) {
    let millis = (days * 86_400_000.0).round();
    if !millis.is_finite() || millis.abs() > 1e15 {
        return number(days, out);
    }
    // Within ±1e15 the cast is exact.
    let millis = millis as i64;
    if millis < 0 {
        out.push('-');
    }
    let millis = millis.unsigned_abs();
    let (hours, rest) = (millis / 3_600_000, millis % 3_600_000);
    let (minutes, rest) = (rest / 60_000, rest % 60_000);
    let (seconds, milli) = (rest / 1000, rest % 1000);
    let _ = write!(out, "{hours}:{minutes:02}:{seconds:02}");
    if milli != 0 {
        let _ = write!(out, ".{milli:03}");
    }
}

/// Writes records of a fixed width as rows arrive in order, filling the rows in between with
/// empty records.
struct RowWriter<'w> {
    csv: csv::Writer<&'w mut dyn std::io::Write>,
    record: Vec<String>,
    /// The sheet row `record` holds.
    row: u32,
}

impl<'w> RowWriter<'w> {
    fn new(out: &'w mut dyn std::io::Write, columns: u32) -> Self {
        Self {
            csv: csv::Writer::from_writer(out),
            record: vec![String::new(); columns as usize],
            row: 0,
        }
    }

    /// The field for `column` of `row`, emptied, after writing the rows before `row`. Rows come
    /// in order; positions outside the measured shape cannot occur, as the same sheet was
    /// measured, and go to a scratch field.
    fn put(&mut self, row: u32, column: u32) -> Result<&mut String, csv::Error> {
        while self.row < row {
            self.write_record()?;
        }
        let index = column as usize;
        if self.row == row && index < self.record.len() {
            let field = &mut self.record[index];
            field.clear();
            return Ok(field);
        }
        self.record.push(String::new());
        let scratch = self.record.len() - 1;
        Ok(&mut self.record[scratch])
    }

    fn write_record(&mut self) -> Result<(), csv::Error> {
        self.csv.write_record(&self.record)?;
        for field in &mut self.record {
            field.clear();
        }
        self.row += 1;
        Ok(())
    }

    fn finish(mut self, rows: u32) -> Result<(), csv::Error> {
        while self.row < rows {
            self.write_record()?;
        }
        self.csv.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(file: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/exports/readers")
            .join(file)
    }

    fn convert(file: &str, sheet: Option<&str>) -> Result<(String, XlsxInfo), Diagnostic> {
        let mut out = Vec::new();
        let info = xlsx_to_csv(file, &fixture(file), sheet, &mut out)?;
        Ok((String::from_utf8(out).unwrap(), info))
    }

    #[test]
    fn a_microsoft_forms_workbook_becomes_its_first_sheet_as_csv() {
        let (csv, info) = convert("forms.xlsx", None).unwrap();
        assert_eq!(
            csv,
            "ID,Start time,Completion time,Email,Name,How well do we know our customers' needs?,\
             \"Do teams share customer feedback, and act on it?\",Which channels do you use?,Score\n\
             1,2026-11-03 09:15:00,2026-11-03 09:21:42,anonymous,,Agree,Strongly agree,Email;Phone;,4\n\
             2,2026-11-03 10:02:05,2026-11-03 10:09:00,zoe.muller@example.com,Zoë Müller,\
             Neither agree nor disagree,,Chat;,3.5\n\
             10,2026-11-04,2026-11-04 08:30:00.250,li@example.com,李雷,Disagree,\
             \"Says \"\"it depends\"\"\",Email;,-0.125\n"
        );
        assert_eq!(
            info,
            XlsxInfo {
                sheet: "Sheet1".to_owned(),
                sheets: vec![
                    "Sheet1".to_owned(),
                    "Summary".to_owned(),
                    "Empty".to_owned()
                ],
                rows: 4,
                columns: 9,
            }
        );
    }

    #[test]
    fn another_sheet_by_name_renders_booleans_dates_times_errors_and_numbers() {
        let (csv, info) = convert("forms.xlsx", Some("Summary")).unwrap();
        assert_eq!(
            csv,
            "Responses,3\n\
             Closed,TRUE\n\
             Closed on,2026-11-05\n\
             Reminder at,09:30:00\n\
             Lookup,\n\
             Large,12345678901234570000\n\
             Third,0.3333333333333333\n\
             Multi-line,\"first line\nsecond line\"\n"
        );
        assert_eq!(
            (info.sheet.as_str(), info.rows, info.columns),
            ("Summary", 8, 2)
        );
    }

    #[test]
    fn leading_title_and_empty_rows_are_kept_so_records_are_sheet_rows() {
        let (csv, info) = convert("leading-rows.xlsx", None).unwrap();
        // A1:D1 and B3:C3 are merged; only formatting at A8 and F9, so neither counts.
        assert_eq!(
            csv,
            "Customer survey export,,,\n\
             ,,,\n\
             Respondent,Knowing customers,,Comment\n\
             ,Q1,Q2,\n\
             1,Agree,Disagree,\"Good, really\"\n\
             2,4,5,\n"
        );
        assert_eq!((info.rows, info.columns), (6, 4));
    }

    #[test]
    fn a_text_file_named_xlsx_is_not_a_workbook() {
        let err = convert("not-a-workbook.xlsx", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not-a-workbook.xlsx: error: not an .xlsx workbook: it is a text file (a CSV export \
             given an .xlsx name?)\n  help: open it in Excel and save it as \"Excel Workbook \
             (.xlsx)\" or \"CSV UTF-8\", or give a CSV export a .csv name"
        );
    }

    #[test]
    fn other_files_that_are_not_workbooks_say_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&[u8], &str); 4] = [
            (b"", "the file is empty"),
            (
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0],
                "it is an Excel 97-2003 workbook (.xls) or a password-protected workbook",
            ),
            (
                &[0x89, b'P', b'N', b'G', 0, 0, 0xFF, 0xFE],
                "it is not a zip archive, which every .xlsx workbook is",
            ),
            (b"PK\x05\x06", "invalid Zip archive"),
        ];
        for (bytes, expected) in cases {
            let path = dir.path().join("book.xlsx");
            std::fs::write(&path, bytes).unwrap();
            let err = xlsx_to_csv("book.xlsx", &path, None, &mut Vec::new()).unwrap_err();
            assert!(err.message.starts_with("not an .xlsx workbook: "), "{err}");
            assert!(err.message.contains(expected), "{err}");
            assert!(err.help.is_some());
        }
        let missing = xlsx_to_csv(
            "gone.xlsx",
            &dir.path().join("gone.xlsx"),
            None,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(
            missing.message.starts_with("cannot read the workbook: "),
            "{missing}"
        );
    }

    #[test]
    fn a_missing_sheet_names_the_sheets_there_are() {
        let err = convert("forms.xlsx", Some("Sumary")).unwrap_err();
        assert_eq!(err.message, "the workbook has no sheet named `Sumary`");
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `Summary`? The workbook's sheets: `Sheet1`, `Summary`, `Empty`")
        );
        let err = convert("forms.xlsx", Some("Responses")).unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("the workbook's sheets: `Sheet1`, `Summary`, `Empty`")
        );
    }

    #[test]
    fn an_empty_sheet_is_an_error() {
        let err = convert("forms.xlsx", Some("Empty")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "forms.xlsx: error: sheet `Empty` is empty\n  help: choose the sheet with the \
             responses with --sheet; the workbook's sheets: `Sheet1`, `Summary`, `Empty`"
        );
    }

    #[test]
    fn rows_out_of_order_are_sorted_and_a_cell_given_twice_keeps_its_later_value() {
        let (csv, _) = convert("odd-sheets.xlsx", Some("Unordered")).unwrap();
        assert_eq!(csv, "first,2\nsecond,\nthird,\n");
    }

    #[test]
    fn cells_without_a_reference_follow_the_one_before() {
        let (csv, _) = convert("odd-sheets.xlsx", Some("NoRefs")).unwrap();
        assert_eq!(csv, "a,1\n2,\n");
    }

    #[test]
    fn sheets_past_the_limits_are_refused_before_anything_is_written() {
        let mut out = Vec::new();
        let err = xlsx_to_csv(
            "odd.xlsx",
            &fixture("odd-sheets.xlsx"),
            Some("TooManyRows"),
            &mut out,
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "sheet `TooManyRows` is too large: a cell in row 2000001 column 1 (at most 2000000 \
             rows and 16384 columns are read)"
        );
        let err = xlsx_to_csv(
            "odd.xlsx",
            &fixture("odd-sheets.xlsx"),
            Some("TooManyCells"),
            &mut out,
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "sheet `TooManyCells` is too large: 100000 rows of 16384 columns (1638400000 cells; \
             at most 100000000 are read)"
        );
        assert!(out.is_empty());
    }

    #[test]
    fn a_reference_that_overflows_inside_calamine_is_an_error() {
        for sheet in ["RowOverflow", "ColumnOverflow", "ReversedDimension"] {
            let result = convert("odd-sheets.xlsx", Some(sheet));
            if cfg!(debug_assertions) {
                // Overflow checks on: calamine panics, and the panic is caught.
                let err = result.unwrap_err();
                assert_eq!(
                    err.message,
                    "cannot read the workbook: the xlsx reader failed on its contents"
                );
            } else if sheet == "RowOverflow" {
                // Without them the row wraps, to row 1,215,752,192.
                assert!(result.unwrap_err().message.contains("too large"));
            }
        }
    }

    #[test]
    fn cells_render_as_the_csv_reader_expects() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        let text = |value: DataRef<'_>| {
            let mut out = String::new();
            render(&value, &mut out);
            out
        };
        let date =
            |v: f64| DataRef::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        assert_eq!(text(DataRef::Float(4.0)), "4");
        assert_eq!(text(DataRef::Float(-0.0)), "0");
        assert_eq!(text(DataRef::Float(1e-7)), "0.0000001");
        assert_eq!(text(DataRef::Int(-12)), "-12");
        assert_eq!(text(DataRef::Bool(false)), "FALSE");
        assert_eq!(text(DataRef::Error(CellErrorType::NA)), "");
        assert_eq!(text(date(46329.0)), "2026-11-03");
        assert_eq!(text(date(46329.5)), "2026-11-03 12:00:00");
        assert_eq!(text(date(0.25)), "06:00:00");
        assert_eq!(
            text(DataRef::DateTime(ExcelDateTime::new(
                1.5,
                ExcelDateTimeType::TimeDelta,
                false
            ))),
            "36:00:00"
        );
        assert_eq!(
            text(DataRef::DateTimeIso("2026-11-03T09:15:00".into())),
            "2026-11-03 09:15:00"
        );
        assert_eq!(
            text(DataRef::DateTimeIso("2026-11-03".into())),
            "2026-11-03"
        );
        assert!(is_blank(&DataRef::SharedString("")));
        assert!(!is_blank(&DataRef::SharedString(" ")));
    }

    /// `CENTRICITY_LARGE_XLSX=/tmp/large.xlsx cargo test --release --lib answers::xlsx -- --ignored`
    /// after `python3 tests/fixtures/exports/readers/make_xlsx.py --large /tmp/large.xlsx`.
    #[test]
    #[ignore = "needs a large workbook made by make_xlsx.py --large"]
    fn large_workbook_timing() {
        let Some(path) = std::env::var_os("CENTRICITY_LARGE_XLSX") else {
            return;
        };
        let start = std::time::Instant::now();
        let mut out = std::io::BufWriter::new(std::io::sink());
        let info = xlsx_to_csv("large.xlsx", Path::new(&path), None, &mut out).unwrap();
        eprintln!(
            "{} rows x {} columns in {:.2} s",
            info.rows,
            info.columns,
            start.elapsed().as_secs_f64()
        );
    }
}
