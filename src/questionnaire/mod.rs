//! Questionnaires: the TOML format, loading with located diagnostics, validation, and the
//! questionnaires bundled in the binary.

mod bundled;
mod format;
mod load;
mod mirror;
mod model;
mod scaffold;
mod text;
mod validate;

#[cfg(test)]
pub(crate) use bundled::default_for_tests;
#[cfg(test)]
pub(crate) use bundled::version_one_for_tests;
pub use bundled::{BUNDLED, Bundled, CUSTOMER_VIEW_ID, DEFAULT_ID};
pub(crate) use format::QuestionnaireFile;
pub use load::{MAX_QUESTIONNAIRE_BYTES, parse_questionnaire};
pub use mirror::{Mirror, check_mirrors};
pub use model::{Dimension, Question, Questionnaire, Scale, ScaleOption, Scoring, Stage};
pub use scaffold::scaffold;
pub use text::Text;
pub use validate::{MAX_OPTION_VALUE, MAX_OPTIONS, MAX_QUESTIONS, MAX_WEIGHT};
