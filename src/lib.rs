//! `centricity`: customer-centricity maturity assessment.
//!
//! The library loads questionnaires and answers, scores them by the rule of DESIGN.md section 4
//! and renders results. It never prints: the `app` module is the one place that talks to the
//! terminal, and the binary only calls [`run`].

pub mod answers;
mod app;
pub mod cli;
mod clock;
pub mod comparison;
pub mod diagnostic;
pub mod gap;
mod i18n;
pub mod noise;
mod output_file;
pub mod plan;
pub mod questionnaire;
pub mod report;
pub mod result_document;
pub mod room;
pub mod schema;
pub mod scoring;
pub mod survey;
pub mod survey_tools;
mod term_width;
mod terminal_text;
mod toml_source;
pub mod trend;

pub use app::run;
