//! Answers: answer files (TOML, one respondent) and the resolved [`Response`] that scoring reads.

mod csv_export;
mod csv_split;
mod file;
mod response;
mod value;

pub use csv_export::{CsvLayout, csv_error, reader as csv_reader};
pub use csv_split::{Cut, last_cut, record_line};
pub(crate) use file::AnswerFileFormat;
pub use file::{AnswerDocument, MAX_ANSWER_FILE_BYTES};
pub use response::{Answer, Metadata, Response};
pub(crate) use value::fmt_value;
