//! The interactive survey: its flow over a [`Prompter`], and the terminal prompter.

mod flow;
mod prompt;
mod terminal;

pub use flow::{SurveyEnd, SurveyError, first_unanswered, run_survey, view};
pub use prompt::{Action, PromptError, Prompter, QuestionView};
pub use terminal::TerminalPrompter;
