//! Answers: answer files (TOML, one respondent) and the resolved [`Response`] that scoring reads.

mod columns;
mod csv_export;
mod csv_split;
mod dialect;
mod draft_map;
mod edit_distance;
mod export_head;
mod export_index;
mod export_map;
mod file;
mod normalize;
mod response;
mod saved;
mod surveyjs;
mod value;
mod xlsx;

pub use columns::{How, Role, matching_columns};
pub use csv_export::{CsvLayout, LayoutOptions, csv_error, reader as csv_reader};
pub use csv_split::{Cut, last_cut, record_line};
pub use dialect::{Dialect, Encoding, transcode_utf16};
pub use draft_map::draft_map;
pub use export_head::{ExportHead, ExportKind, HEAD_BYTES};
pub(crate) use export_index::ExportIndex;
pub use export_map::{ExportMap, MapTarget};
pub(crate) use file::AnswerFileFormat;
pub use file::{AnswerDocument, MAX_ANSWER_FILE_BYTES};
pub use response::{Answer, Metadata, Response, Session};
pub use saved::response_from_result;
pub use surveyjs::surveyjs_to_csv;
pub(crate) use value::fmt_value;
pub use xlsx::{XlsxInfo, xlsx_to_csv};
